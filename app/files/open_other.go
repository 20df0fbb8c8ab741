//go:build !unix

package files

import "os"

// openNonBlocking opens for reading; only Unix has FIFOs that block an open.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

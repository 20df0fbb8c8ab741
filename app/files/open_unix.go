//go:build unix

package files

import (
	"os"
	"syscall"
)

// openNonBlocking opens with O_NONBLOCK: a FIFO opens at once instead of
// waiting for a writer (ReadLimited then refuses it); a regular file reads
// as usual.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

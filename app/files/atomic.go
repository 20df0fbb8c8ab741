// Package files writes files the way hirebench promises: whole or not at
// all, readable only by the user (they hold candidate data).
package files

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteAtomic writes to a temporary file beside path (mode 0600), syncs it
// and renames it over path, so a crash or a failed write never leaves half
// a file and never touches an existing one. A folder at path is refused
// with a plain message.
func WriteAtomic(path string, write func(io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s: %w", filepath.Base(path), ErrFolder)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+strings.TrimPrefix(filepath.Base(path), ".")+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", filepath.Base(path), err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	bw := bufio.NewWriterSize(tmp, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

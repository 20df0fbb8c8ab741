// Package files writes files the way hirebench promises: whole or not at
// all, readable only by the user (they hold candidate data).
package files

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteAtomic writes to a temporary file beside path (mode 0600), syncs it
// and renames it over path, so a crash or a failed write never leaves half
// a file and never touches an existing one. A folder, a device, a pipe or a
// socket at path is refused (ErrFolder, ErrNotRegular) before and again
// just before the rename. Which files a workspace protects is
// CheckSaveTarget's to say.
func WriteAtomic(path string, write func(io.Writer) error) error {
	return WriteAtomicContext(context.Background(), path, write)
}

// WriteAtomicContext is WriteAtomic that stops once ctx is done: the writer
// it hands to write fails from then on, nothing is renamed, and the
// temporary file is removed on that path as on every other failure.
func WriteAtomicContext(ctx context.Context, path string, write func(io.Writer) error) error {
	if err := writable(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+strings.TrimPrefix(filepath.Base(path), ".")+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", filepath.Base(path), err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	bw := bufio.NewWriterSize(tmp, 1<<20)
	err = write(stopping{ctx, bw})
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = writable(path) // it may have become a FIFO or a folder meanwhile
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writable refuses a path that exists and is not an ordinary file: a
// rename would replace a device or a pipe with a file.
func writable(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil // a new name, or a folder that is not there: the write says
	}
	if err := regular(st); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return nil
}

// stopping is a writer that fails once ctx is done.
type stopping struct {
	ctx context.Context
	w   io.Writer
}

func (s stopping) Write(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	return s.w.Write(p)
}

//go:build unix

package files

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadLimitedRefusesAFIFOWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	// Nobody ever writes to it: opening it for reading would wait forever.
	if _, err := within(t, func() ([]byte, error) { return ReadLimited(fifo, 1<<20) }); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a FIFO: %v", err)
	}

	// A regular file when checked, a FIFO by the time it is opened.
	path := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(path, []byte("Name\nAda\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { open = openNonBlocking })
	open = func(p string) (*os.File, error) {
		if err := os.Rename(fifo, p); err != nil {
			return nil, err
		}
		return openNonBlocking(p)
	}
	if _, err := within(t, func() ([]byte, error) { return ReadLimited(path, 1<<20) }); !errors.Is(err, ErrNotRegular) {
		t.Errorf("swapped for a FIFO after the check: %v", err)
	}
}

func TestOpenLimitedRefusesAFIFOWithoutWaiting(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "ratings.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	_, err := within(t, func() ([]byte, error) {
		rc, err := OpenLimited(fifo, Limits{Bytes: 1 << 20, Line: 1 << 10})
		if err == nil {
			rc.Close()
		}
		return nil, err
	})
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("a FIFO: %v", err)
	}
}

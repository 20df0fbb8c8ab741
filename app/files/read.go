// Reading a file the user chose: the size and kind are checked before
// anything is read, and the words that say why a file was refused.

package files

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Why ReadLimited refused a file; callers turn them into their own words.
var (
	// ErrFolder: the path is a folder.
	ErrFolder = errors.New("a folder, not a file")
	// ErrNotRegular: a pipe, a device, a socket: nothing with a known end.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooBig: more than the limit, seen before reading or while reading;
	// a *TooBigError says by how much.
	ErrTooBig = errors.New("larger than the limit")
)

// TooBigError is ErrTooBig with the numbers: the file's size (-1 when not
// known: it grew while read, or is read as a stream) and the limit.
type TooBigError struct{ Size, Limit int64 }

func (e *TooBigError) Error() string {
	return fmt.Sprintf("larger than the limit of %d bytes", e.Limit)
}

func (e *TooBigError) Is(target error) bool { return target == ErrTooBig }

// open opens a file for reading without waiting for a writer should the
// path have become a FIFO since it was checked; tests replace it.
var open = openNonBlocking

// Check tells whether path is a regular file of at most max bytes, from its
// metadata alone: nothing is opened or read.
func Check(path string, max int64) (os.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	if st.Size() > max {
		return nil, &TooBigError{Size: st.Size(), Limit: max}
	}
	return st, nil
}

// ReadLimited reads a whole regular file of at most max bytes. The size is
// checked before anything is read, and the reading stops one byte past max,
// so a file that grows meanwhile is refused too (ErrTooBig) and a pipe or
// device is refused without waiting on it (ErrNotRegular, ErrFolder).
func ReadLimited(path string, max int64) ([]byte, error) {
	if _, err := Check(path, max); err != nil {
		return nil, err
	}
	f, _, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// It may have grown since it was checked, or still be growing.
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooBigError{Size: -1, Limit: max}
	}
	return data, nil
}

// OpenRegular opens a file for reading if it is a regular file, for readers
// that need the file itself (a zip needs to seek). It never waits on a FIFO
// and refuses folders and devices (ErrFolder, ErrNotRegular); what was
// opened is what is checked, so a path swapped meanwhile cannot slip by.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = regular(st)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

func regular(st os.FileInfo) error {
	switch {
	case st.IsDir():
		return ErrFolder
	case !st.Mode().IsRegular():
		return ErrNotRegular
	}
	return nil
}

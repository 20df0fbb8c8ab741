// The plain sentence that says why a chosen file was refused, shared by the
// window and the command line so both use the same words.

package files

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"syscall"

	"hirebench/app/model"
)

// Refusal says in plain words why a file could not be read, as an invalid
// "file" field. name is what the user sees (the window passes the base name
// only: folders can hold people's names); what is what the limit is for
// ("imports", "attachments", "rubric files"); limit is in bytes, used when
// err does not carry its own (a *TooBigError, a *LongLineError).
func Refusal(name, what string, limit int64, err error) error {
	var big *TooBigError
	var long *LongLineError
	switch {
	case errors.As(err, &long):
		return model.Invalid("file", "%s: line %d is longer than %s, the limit for a line of %s", name, long.Line, sizeWords(long.Limit, false), what)
	case errors.As(err, &big):
		return model.Invalid("file", "%s", TooBig(name, big.Size, big.Limit, what))
	case errors.Is(err, ErrTooBig):
		return model.Invalid("file", "%s", TooBig(name, -1, limit, what))
	case errors.Is(err, ErrFolder):
		return model.Invalid("file", "%s is a folder; choose a file", name)
	case errors.Is(err, ErrNotRegular):
		return model.Invalid("file", "%s is not an ordinary file; choose a file", name)
	case errors.Is(err, fs.ErrNotExist):
		return model.Invalid("file", "%s is no longer there; choose it again", name)
	case errors.Is(err, fs.ErrPermission):
		return model.Invalid("file", "%s could not be opened: you may not read it", name)
	}
	LogWithoutPath("a chosen file could not be read", err)
	return model.Invalid("file", "%s could not be read; try again", name)
}

// TooBig words a file over a size limit, with its size when known (size <
// 0 when not: it grew while read): "big.csv is 31 MB, over the 20 MB limit
// for imports". Every "too big" message says it this way, so a size is
// never mistaken for the limit.
func TooBig(name string, size, limit int64, what string) string {
	if size < 0 {
		return fmt.Sprintf("%s is over the %s limit for %s", name, sizeWords(limit, false), what)
	}
	return fmt.Sprintf("%s is %s, over the %s limit for %s", name, sizeWords(size, true), sizeWords(limit, false), what)
}

// sizeWords is n bytes as people read them: "900 bytes", "1.5 KB", "20 MB".
// A size is rounded up to a tenth (as ls -lh does), so a file just over a
// limit never reads as the limit; a limit is exact, in bytes when it is
// not a whole tenth of its unit.
func sizeWords(n int64, roundUp bool) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GB"}, {1 << 20, "MB"}, {1 << 10, "KB"}} {
		if n < u.size {
			continue
		}
		tenths, rest := n/u.size*10+n%u.size*10/u.size, n%u.size*10%u.size
		if rest != 0 && !roundUp {
			break
		}
		if rest != 0 {
			tenths++
		}
		if tenths%10 == 0 {
			return fmt.Sprintf("%d %s", tenths/10, u.name)
		}
		return fmt.Sprintf("%d.%d %s", tenths/10, tenths%10, u.name)
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// SaveRefusal says in plain words why name could not be saved, as an
// invalid "file" field, when err is the disk's answer (no folder, no right
// to write, no space) or CheckSaveTarget's (a folder, a device, the
// workspace's own files); any other error (a cancelled export, a failed
// workbook) comes back as it was.
func SaveRefusal(name string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	if !errors.As(err, &pe) && !errors.As(err, &le) && !errors.Is(err, syscall.ENOSPC) &&
		!errors.Is(err, ErrFolder) && !errors.Is(err, ErrNotRegular) && !errors.Is(err, ErrWorkspaceFile) {
		return err
	}
	switch {
	case errors.Is(err, ErrWorkspaceFile):
		return model.Invalid("file", "%s is one of this workspace's own files; save it somewhere else", name)
	case errors.Is(err, ErrFolder):
		return model.Invalid("file", "%s is a folder; give a file name", name)
	case errors.Is(err, ErrNotRegular):
		return model.Invalid("file", "%s is not an ordinary file (a device, a pipe); give a file name", name)
	case errors.Is(err, fs.ErrNotExist):
		return model.Invalid("file", "%s could not be saved: its folder is no longer there; choose another", name)
	case errors.Is(err, fs.ErrPermission):
		return model.Invalid("file", "%s could not be saved: you may not write in that folder; choose another", name)
	case errors.Is(err, syscall.ENOSPC):
		return model.Invalid("file", "%s could not be saved: the disk is full", name)
	case errors.Is(err, syscall.EROFS):
		return model.Invalid("file", "%s could not be saved: that disk is read-only; choose another folder", name)
	}
	LogWithoutPath("a file could not be saved", err)
	return model.Invalid("file", "%s could not be saved; try another folder", name)
}

// LogWithoutPath logs an unexpected file error with its paths left out
// (the operation and the cause stay): folders and file names can hold
// people's names.
func LogWithoutPath(msg string, err error) {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	case errors.As(err, &le):
		err = fmt.Errorf("%s: %w", le.Op, le.Err)
	}
	slog.Warn(msg, "err", err)
}

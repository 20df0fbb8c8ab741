// The plain sentence that says why a chosen file was refused, shared by the
// window and the command line so both use the same words.

package files

import (
	"errors"
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
// ("imports", "attachments", "rubric files"); limit is in bytes.
func Refusal(name, what string, limit int64, err error) error {
	switch {
	case errors.Is(err, ErrTooBig):
		return model.Invalid("file", "%s is over the %s limit for %s", name, sizeWords(limit), what)
	case errors.Is(err, ErrFolder):
		return model.Invalid("file", "%s is a folder; choose a file", name)
	case errors.Is(err, ErrNotRegular):
		return model.Invalid("file", "%s is not an ordinary file; choose a file", name)
	case errors.Is(err, fs.ErrNotExist):
		return model.Invalid("file", "%s is no longer there; choose it again", name)
	case errors.Is(err, fs.ErrPermission):
		return model.Invalid("file", "%s could not be opened: you may not read it", name)
	}
	logWithoutPath("a chosen file could not be read", err)
	return model.Invalid("file", "%s could not be read; try again", name)
}

func sizeWords(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// SaveRefusal says in plain words why name could not be saved, as an
// invalid "file" field, when err is the disk's answer (no folder, no right
// to write, no space); any other error (a cancelled export, a failed
// workbook) comes back as it was.
func SaveRefusal(name string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	if !errors.As(err, &pe) && !errors.As(err, &le) && !errors.Is(err, syscall.ENOSPC) && !errors.Is(err, ErrFolder) {
		return err
	}
	switch {
	case errors.Is(err, ErrFolder):
		return model.Invalid("file", "%s is a folder; give a file name", name)
	case errors.Is(err, fs.ErrNotExist):
		return model.Invalid("file", "%s could not be saved: its folder is no longer there; choose another", name)
	case errors.Is(err, fs.ErrPermission):
		return model.Invalid("file", "%s could not be saved: you may not write in that folder; choose another", name)
	case errors.Is(err, syscall.ENOSPC):
		return model.Invalid("file", "%s could not be saved: the disk is full", name)
	case errors.Is(err, syscall.EROFS):
		return model.Invalid("file", "%s could not be saved: that disk is read-only; choose another folder", name)
	}
	logWithoutPath("a file could not be saved", err)
	return model.Invalid("file", "%s could not be saved; try another folder", name)
}

// logWithoutPath logs an unexpected file error with its paths left out:
// folders and file names can hold people's names.
func logWithoutPath(msg string, err error) {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	slog.Warn(msg, "err", err)
}

// The Shell interface: the events and file dialogs the facades need from the
// desktop, so tests can give them a fake window; and saveAs, which writes a file there.

package app

import (
	"io"
	"path/filepath"

	"hirebench/app/files"
)

// Shell is what the facades need from the desktop: events to the page and
// the native file dialogs. Runtime is the real one (the only code that
// talks to Wails); tests give the facades a fake. It only asks where: the
// facades write the files themselves (files.WriteAtomic).
type Shell interface {
	emit(name string, data any)
	// savePath asks where to save a file; "" when the user cancelled.
	savePath(title, name, pattern, patternName string) (string, error)
	// openPath asks for a file to open; "" when the user cancelled.
	openPath(title, pattern, patternName string) (string, error)
	flushed()
}

var _ Shell = (*Runtime)(nil)

// saveAs asks where to save data (name is the dialog's suggestion) and
// writes it there whole or not at all, so a failed write leaves an existing
// file as it was; false when the user closed the dialog. A refusal from the
// disk is a plain sentence naming the file alone (files.SaveRefusal): the
// folder, which can hold people's names, stays out of the message and the log.
func saveAs(sh Shell, title, name string, data []byte) (bool, error) {
	path, err := sh.savePath(title, name, "", "")
	if err != nil || path == "" {
		return false, err
	}
	err = files.WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return false, files.SaveRefusal(filepath.Base(path), err)
	}
	return true, nil
}

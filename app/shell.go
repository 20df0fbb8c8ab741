// The Shell interface: the events and file dialogs the facades need from the
// desktop, so tests can give them a fake window; and saveAs and saveTo, which write a file there.

package app

import (
	"context"
	"io"
	"path/filepath"

	"hirebench/app/files"
)

// Shell is what the facades need from the desktop: events to the page and
// the native file dialogs. Runtime is the real one (the only code that
// talks to Wails); tests give the facades a fake. It only asks where: the
// facades write the files themselves (saveTo).
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
// writes it there (saveTo); false when the user closed the dialog.
func saveAs(ws *Workspace, sh Shell, title, name string, data []byte) (bool, error) {
	path, err := sh.savePath(title, name, "", "")
	if err != nil || path == "" {
		return false, err
	}
	err = saveTo(context.Background(), ws, path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err == nil, err
}

// saveTo writes where the save dialog said, whole or not at all, so a
// failed or cancelled write leaves an existing file as it was. A folder, a
// device or one of the workspace's own files (its database, its snapshots)
// is refused before anything is written (files.CheckSaveTarget): the
// dialog would let anyone pick workspace.db. A refusal is a plain sentence
// naming the file alone (files.SaveRefusal): the folder, which can hold
// people's names, stays out of the message and the log. Any other error
// (the writer's, a cancel) comes back as it was.
func saveTo(ctx context.Context, ws *Workspace, path string, write func(io.Writer) error) error {
	err := files.CheckSaveTarget(path, files.WorkspaceFiles(ws.store.Path()))
	if err == nil {
		err = files.WriteAtomicContext(ctx, path, write)
	}
	return files.SaveRefusal(filepath.Base(path), err)
}

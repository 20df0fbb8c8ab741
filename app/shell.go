// The Shell interface: the events and file dialogs the facades need from the
// desktop, so tests can give them a fake window.

package app

// Shell is what the facades need from the desktop: events to the page and
// the native file dialogs. Runtime is the real one (the only code that
// talks to Wails); tests give the facades a fake.
type Shell interface {
	emit(name string, data any)
	// savePath asks where to save a file; "" when the user cancelled.
	savePath(title, name, pattern, patternName string) (string, error)
	// openPath asks for a file to open; "" when the user cancelled.
	openPath(title, pattern, patternName string) (string, error)
	// saveFile asks where to save data and writes it; false when cancelled.
	saveFile(title, name string, data []byte) (bool, error)
	flushed()
}

var _ Shell = (*Runtime)(nil)

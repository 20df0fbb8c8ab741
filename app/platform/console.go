package platform

// The Windows build is a GUI-subsystem executable: Windows gives it no
// console, so a command typed in cmd.exe or PowerShell would print nowhere.
// AttachConsole (console_windows.go) joins the console of the terminal that
// started it and points stdout and stderr at it unless they go to a file, a
// pipe or NUL; the choice is here, pure.
//
// Handles that are console handles are reopened too: with `hirebench.exe
// export … > out.txt`, cmd.exe hands down its own console handle for stderr,
// which a process not attached to that console may not be able to write.
// Stdin is left alone: no command reads it, and reading the console would
// compete with cmd.exe, which does not wait for a GUI program.

// A std handle as Windows reports it: its value, GetFileType's answer, and
// whether GetConsoleMode accepts it (a console, not NUL or another device).
type stdHandle struct {
	value    uintptr
	fileType uint32
	console  bool
}

// GetFileType's answers (winbase.h), and INVALID_HANDLE_VALUE.
const (
	fileTypeUnknown = 0x0000
	fileTypeDisk    = 0x0001
	fileTypeChar    = 0x0002
	fileTypePipe    = 0x0003
	invalidHandle   = ^uintptr(0)
)

// keep reports whether a stream already goes somewhere of its own: a file,
// a pipe or a device such as NUL.
func (h stdHandle) keep() bool {
	if h.value == 0 || h.value == invalidHandle {
		return false
	}
	switch h.fileType {
	case fileTypeDisk, fileTypePipe:
		return true
	case fileTypeChar:
		return !h.console
	}
	return false
}

// consolePlan says, for stdout and stderr in that order, which to point at
// the console; attach is false when both already go somewhere of their own
// (`hirebench.exe version > v.txt 2>&1`), so the process never joins a
// console it does not need.
func consolePlan(std [2]stdHandle) (attach bool, replace [2]bool) {
	for i, h := range std {
		replace[i] = !h.keep()
		attach = attach || replace[i]
	}
	return attach, replace
}

package platform

// The Windows build is a GUI-subsystem executable: Windows gives it no
// console, so a command typed in cmd.exe or PowerShell would print nowhere.
// AttachConsole (console_windows.go) joins the console of the terminal that
// started it and points the standard streams that lead nowhere at it; a
// stream redirected to a file or a pipe is kept. The choice is here, pure.

// A std handle as Windows reports it: its value and GetFileType's answer.
type stdHandle struct {
	value    uintptr
	fileType uint32
}

// GetFileType's answers (winbase.h), and INVALID_HANDLE_VALUE.
const (
	fileTypeUnknown = 0x0000
	fileTypeDisk    = 0x0001
	fileTypeChar    = 0x0002
	fileTypePipe    = 0x0003
	invalidHandle   = ^uintptr(0)
)

// usable reports whether a stream already goes somewhere: a file, a pipe or
// a console the parent handed down.
func (h stdHandle) usable() bool {
	if h.value == 0 || h.value == invalidHandle {
		return false
	}
	switch h.fileType {
	case fileTypeDisk, fileTypeChar, fileTypePipe:
		return true
	}
	return false
}

// consolePlan says, for stdin, stdout and stderr in that order, which to
// point at the console; attach is false when every stream already goes
// somewhere (`hirebench.exe version > v.txt 2>&1 < nul`), so the process
// never joins a console it does not need.
func consolePlan(std [3]stdHandle) (attach bool, replace [3]bool) {
	for i, h := range std {
		replace[i] = !h.usable()
		attach = attach || replace[i]
	}
	return attach, replace
}

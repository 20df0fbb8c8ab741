//go:build windows

package platform

import (
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS ((DWORD)-1).
const attachParentProcess = ^uint32(0)

var attachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// AttachConsole makes a command typed in cmd.exe or PowerShell print there:
// it joins the parent's console and points stdout and stderr at it, each
// unless it already goes to a file, a pipe or NUL (consolePlan). Started from Explorer there is no parent console and
// nothing changes. Call it only for a command, before anything is printed;
// the window never needs it.
//
// cmd.exe does not wait for a GUI-subsystem program: it prints its prompt at
// once, and our output lands after it, so the prompt is not redrawn when the
// command ends (press Enter for a fresh one). We print nothing extra to hide
// that; `start /wait hirebench.exe …` in cmd.exe, or piping the output in
// PowerShell (`hirebench.exe version | Out-Host`), waits for the command.
func AttachConsole() {
	ids := [2]uint32{windows.STD_OUTPUT_HANDLE, windows.STD_ERROR_HANDLE}
	var std [2]stdHandle
	for i, id := range ids {
		h, err := windows.GetStdHandle(id)
		if err != nil {
			continue // left zero: not usable
		}
		std[i].value = uintptr(h)
		if h != 0 && h != windows.InvalidHandle {
			std[i].fileType, _ = windows.GetFileType(h)
			var mode uint32
			std[i].console = windows.GetConsoleMode(h, &mode) == nil
		}
	}
	attach, replace := consolePlan(std)
	if !attach {
		return
	}
	if ok, _, _ := attachConsole.Call(uintptr(attachParentProcess)); ok == 0 {
		return // started from Explorer, or the parent has no console
	}
	files := [2]**os.File{&os.Stdout, &os.Stderr}
	conout, err := windows.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return
	}
	for i, id := range ids {
		if !replace[i] {
			continue
		}
		h, err := windows.CreateFile(conout, windows.GENERIC_READ|windows.GENERIC_WRITE,
			windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
		if err != nil {
			continue
		}
		_ = windows.SetStdHandle(id, h)
		*files[i] = os.NewFile(uintptr(h), "CONOUT$")
	}
	// The log package kept the old stderr when it started.
	log.SetOutput(os.Stderr)
}

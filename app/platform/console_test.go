package platform

import "testing"

// Which streams a command started from a terminal points at the console:
// only those that lead nowhere, so `hirebench.exe export … > out.txt` still
// writes its output to the file.
func TestConsolePlan(t *testing.T) {
	none := stdHandle{}
	invalid := stdHandle{value: ^uintptr(0)}
	file := stdHandle{value: 0x44, fileType: 0x0001} // FILE_TYPE_DISK
	pipe := stdHandle{value: 0x48, fileType: 0x0003} // FILE_TYPE_PIPE
	console := stdHandle{value: 0x4c, fileType: 0x0002}
	stale := stdHandle{value: 0x50, fileType: 0x0000} // GetFileType failed: a closed handle
	cases := []struct {
		name       string
		std        [3]stdHandle
		wantAttach bool
		want       [3]bool
	}{
		{"typed in cmd.exe: nothing is connected", [3]stdHandle{none, none, none}, true, [3]bool{true, true, true}},
		{"INVALID_HANDLE_VALUE counts as nothing", [3]stdHandle{invalid, invalid, invalid}, true, [3]bool{true, true, true}},
		{"> out.txt keeps the file for stdout", [3]stdHandle{none, file, none}, true, [3]bool{true, false, true}},
		{"2> err.txt keeps the file for stderr", [3]stdHandle{none, none, file}, true, [3]bool{true, true, false}},
		{"| findstr keeps the pipe", [3]stdHandle{none, pipe, none}, true, [3]bool{true, false, true}},
		{"a closed handle is replaced", [3]stdHandle{stale, stale, file}, true, [3]bool{true, true, false}},
		{"everything redirected: no console at all", [3]stdHandle{pipe, file, file}, false, [3]bool{}},
		{"a console handed down is kept", [3]stdHandle{console, console, console}, false, [3]bool{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			attach, replace := consolePlan(tc.std)
			if attach != tc.wantAttach || replace != tc.want {
				t.Errorf("consolePlan = attach %v, replace %v; want %v, %v", attach, replace, tc.wantAttach, tc.want)
			}
		})
	}
}

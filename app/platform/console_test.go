package platform

import "testing"

// Which of stdout and stderr a command started from a terminal points at the
// console: those that lead nowhere or to a console handle, so `hirebench.exe
// export … > out.txt` still writes its output to the file.
func TestConsolePlan(t *testing.T) {
	none := stdHandle{}
	invalid := stdHandle{value: ^uintptr(0)}
	file := stdHandle{value: 0x44, fileType: 0x0001} // FILE_TYPE_DISK
	pipe := stdHandle{value: 0x48, fileType: 0x0003} // FILE_TYPE_PIPE
	console := stdHandle{value: 0x4c, fileType: 0x0002, console: true}
	nul := stdHandle{value: 0x54, fileType: 0x0002}   // a character device GetConsoleMode refuses
	stale := stdHandle{value: 0x50, fileType: 0x0000} // GetFileType failed: a closed handle
	cases := []struct {
		name       string
		std        [2]stdHandle
		wantAttach bool
		want       [2]bool
	}{
		{"typed in cmd.exe: nothing is connected", [2]stdHandle{none, none}, true, [2]bool{true, true}},
		{"INVALID_HANDLE_VALUE counts as nothing", [2]stdHandle{invalid, invalid}, true, [2]bool{true, true}},
		{"> out.txt keeps the file for stdout", [2]stdHandle{file, none}, true, [2]bool{false, true}},
		{"> out.txt with cmd's console handle for stderr reopens stderr", [2]stdHandle{file, console}, true, [2]bool{false, true}},
		{"2> err.txt keeps the file for stderr", [2]stdHandle{none, file}, true, [2]bool{true, false}},
		{"| findstr keeps the pipe", [2]stdHandle{pipe, none}, true, [2]bool{false, true}},
		{"a closed handle is replaced", [2]stdHandle{stale, file}, true, [2]bool{true, false}},
		{"everything redirected: no console at all", [2]stdHandle{file, pipe}, false, [2]bool{}},
		{"2>nul keeps NUL", [2]stdHandle{pipe, nul}, false, [2]bool{}},
		{"console handles handed down are reopened on the attached console", [2]stdHandle{console, console}, true, [2]bool{true, true}},
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

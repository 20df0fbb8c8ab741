package platform_test

import (
	"testing"

	"hirebench/app/platform"
)

// Each system's workspace folder, from its own environment, checked on Linux.
func TestDataDir(t *testing.T) {
	cases := []struct {
		name, goos string
		env        map[string]string
		home, want string
	}{
		{"windows uses APPDATA", "windows", map[string]string{"APPDATA": `C:\Users\Ada\AppData\Roaming`, "XDG_DATA_HOME": "/x"},
			`C:\Users\Ada`, `C:\Users\Ada\AppData\Roaming\hirebench`},
		{"windows APPDATA with a trailing separator", "windows", map[string]string{"APPDATA": `D:\Profiles\ada\`},
			`C:\Users\Ada`, `D:\Profiles\ada\hirebench`},
		{"windows APPDATA on a share", "windows", map[string]string{"APPDATA": `\\corp\home\ada\AppData\Roaming`},
			"", `\\corp\home\ada\AppData\Roaming\hirebench`},
		{"windows without APPDATA falls back to the profile", "windows", nil,
			`C:\Users\Ada`, `C:\Users\Ada\AppData\Roaming\hirebench`},
		{"windows ignores a relative APPDATA", "windows", map[string]string{"APPDATA": `AppData\Roaming`},
			`C:\Users\Ada`, `C:\Users\Ada\AppData\Roaming\hirebench`},
		{"windows with nothing to go on", "windows", nil, "", ""},
		{"macOS", "darwin", map[string]string{"XDG_DATA_HOME": "/Users/ada/.xdg"},
			"/Users/ada", "/Users/ada/Library/Application Support/hirebench"},
		{"macOS home with a trailing slash", "darwin", nil, "/Users/ada/", "/Users/ada/Library/Application Support/hirebench"},
		{"macOS without a home", "darwin", nil, "", ""},
		{"linux uses XDG_DATA_HOME", "linux", map[string]string{"XDG_DATA_HOME": "/data/ada"},
			"/home/ada", "/data/ada/hirebench"},
		{"linux without XDG_DATA_HOME", "linux", nil, "/home/ada", "/home/ada/.local/share/hirebench"},
		{"linux ignores a relative XDG_DATA_HOME", "linux", map[string]string{"XDG_DATA_HOME": "relative/path"},
			"/home/ada", "/home/ada/.local/share/hirebench"},
		{"linux ignores APPDATA", "linux", map[string]string{"APPDATA": `C:\x`}, "/home/ada", "/home/ada/.local/share/hirebench"},
		{"freebsd follows the XDG rule", "freebsd", nil, "/usr/home/ada", "/usr/home/ada/.local/share/hirebench"},
		{"linux without a home", "linux", nil, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string { return tc.env[k] }
			if got := platform.DataDir(tc.goos, getenv, tc.home); got != tc.want {
				t.Errorf("DataDir(%s) = %q, want %q", tc.goos, got, tc.want)
			}
		})
	}
}

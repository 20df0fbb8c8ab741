// Package platform holds what differs between Windows, macOS and Linux: the
// workspace's default folder (DataDir) and, on Windows, printing to the
// terminal that started the GUI-subsystem executable (AttachConsole). The
// decisions are pure functions taking the OS name and lookups, so Linux tests
// cover all three systems; only console_windows.go calls the OS.
package platform

import "strings"

// DataDir is the per-user folder a workspace lives in by default, following
// each system's convention:
//
//	windows  %APPDATA%\hirebench (else HOME\AppData\Roaming\hirebench)
//	darwin   HOME/Library/Application Support/hirebench
//	others   $XDG_DATA_HOME/hirebench (only when absolute, as the XDG spec
//	         says), else HOME/.local/share/hirebench
//
// goos is a runtime.GOOS value, getenv looks up the environment and home is
// the user's home folder ("" when unknown). It returns "" when it cannot
// decide (no usable variable and no home); the caller picks a fallback.
func DataDir(goos string, getenv func(string) string, home string) string {
	switch goos {
	case "windows":
		if d := getenv("APPDATA"); windowsAbs(d) {
			return join(`\`, d, "hirebench")
		}
		if windowsAbs(home) {
			return join(`\`, home, "AppData", "Roaming", "hirebench")
		}
		return ""
	case "darwin", "ios":
		if strings.HasPrefix(home, "/") {
			return join("/", home, "Library", "Application Support", "hirebench")
		}
		return ""
	default:
		if d := getenv("XDG_DATA_HOME"); strings.HasPrefix(d, "/") {
			return join("/", d, "hirebench")
		}
		if strings.HasPrefix(home, "/") {
			return join("/", home, ".local", "share", "hirebench")
		}
		return ""
	}
}

// windowsAbs reports whether p is an absolute Windows path: a drive letter
// and a separator (C:\Users) or a UNC share (\\server\share).
func windowsAbs(p string) bool {
	if strings.HasPrefix(p, `\\`) {
		return len(p) > 2
	}
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// join joins with the target system's separator, which may not be this
// one's (filepath.Join on Linux would write C:\Users\ada/hirebench).
func join(sep, base string, elems ...string) string {
	trim := sep
	if sep == `\` {
		trim = `\/`
	}
	return strings.TrimRight(base, trim) + sep + strings.Join(elems, sep)
}

//go:build unix

package storage

import (
	"os"
	"syscall"
)

// ownedByMe reports whether this process's user owns the file.
func ownedByMe(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Geteuid()
}

// mayWrite asks the system whether this user may write path (a read-only
// mount or someone else's file says no, whatever the mode bits).
func mayWrite(path string) bool { return syscall.Access(path, 0o2) == nil }

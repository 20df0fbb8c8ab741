// The Backups bindings' rows of the error-mapping table (bindings_test.go), and
// the helpers the backups tests share.

package app

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"hirebench/app/backup"
)

// recordingShell is the fake window that also remembers every event name.
type recordingShell struct {
	*fakeShell
	mu    sync.Mutex
	names []string
}

func (r *recordingShell) emit(name string, data any) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
	r.fakeShell.emit(name, data)
}

func (r *recordingShell) emitted(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.names {
		if e == name {
			n++
		}
	}
	return n
}

// backupsOf is the Backups facade over the bench's workspace and window,
// without automatic snapshots.
func backupsOf(t *testing.T, b *bench) (*Backups, *recordingShell) {
	t.Helper()
	sh := &recordingShell{fakeShell: b.shell}
	svc := backup.New(b.ws.store)
	t.Cleanup(func() { svc.Close() })
	return newBackups(svc, b.ws, sh, func(context.Context) error { return nil }), sh
}

func backupsCases() []bindingCase {
	return []bindingCase{
		{method: "Backups.Status", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { bk, _ := backupsOf(t, b); return errOf(bk.Status()) }},
		{method: "Backups.SetKeep", input: "keep no snapshot", code: "invalid", fields: "keep", says: "between 1 and 100",
			call: func(t *testing.T, b *bench) error { bk, _ := backupsOf(t, b); return errOf(bk.SetKeep(0)) }},
		{method: "Backups.BackUpNow", input: "the workspace's own database as the file", code: "invalid", fields: "file", says: "own files",
			call: func(t *testing.T, b *bench) error {
				bk, _ := backupsOf(t, b)
				b.shell.savePth = b.ws.store.Path()
				defer func() { b.shell.savePth = "" }()
				return errOf(bk.BackUpNow())
			}},
		{method: "Backups.ChooseRestoreFile", input: "a text file", code: "invalid", fields: "file", says: "not a hirebench backup",
			call: func(t *testing.T, b *bench) error {
				bk, _ := backupsOf(t, b)
				return b.opening(b.file(t, "notes.db", "my notes\n"), func() error { return errOf(bk.ChooseRestoreFile()) })
			}},
		{method: "Backups.RestoreFile", input: "a token nobody chose", code: "invalid", fields: "file", says: "Choose the file again",
			call: func(t *testing.T, b *bench) error { bk, _ := backupsOf(t, b); return errOf(bk.RestoreFile("feedc0de")) }},
		{method: "Backups.CheckSnapshot", input: "a path instead of a snapshot's name", code: "invalid", fields: "snapshot", says: "no snapshot",
			call: func(t *testing.T, b *bench) error {
				bk, _ := backupsOf(t, b)
				return errOf(bk.CheckSnapshot(filepath.Join("..", "workspace.db")))
			}},
		{method: "Backups.RestoreSnapshot", input: "a snapshot that is not there", code: "invalid", fields: "snapshot", says: "no snapshot",
			call: func(t *testing.T, b *bench) error {
				bk, _ := backupsOf(t, b)
				return errOf(bk.RestoreSnapshot("workspace-20200101T000000Z.db"))
			}},
	}
}

// Tests that opening a workspace never damages a file it will not use: a read-only
// file or folder, another program's SQLite database and a newer schema in
// rollback-journal mode are refused with every byte, mode and sibling as they were;
// and that a data folder others can write to is tightened or refused.

package storage

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// entry is what a test compares of one file before and after an Open.
type entry struct {
	mode  os.FileMode
	mtime time.Time
	data  []byte
}

// snapshot records the data folder itself ("." ) and every file in it.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	out["."] = entry{mode: fi.Mode(), mtime: fi.ModTime()}
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = entry{mode: fi.Mode(), mtime: fi.ModTime(), data: data}
	}
	return out
}

// sameFolder fails the test if anything in the folder changed.
func sameFolder(t *testing.T, before, after map[string]entry) {
	t.Helper()
	if got, want := slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before)); !slices.Equal(got, want) {
		t.Errorf("files in the data folder changed: %v -> %v", want, got)
	}
	for name, b := range before {
		a, ok := after[name]
		if !ok {
			continue
		}
		if a.mode != b.mode {
			t.Errorf("%s: mode changed %v -> %v", name, b.mode, a.mode)
		}
		if !a.mtime.Equal(b.mtime) {
			t.Errorf("%s: modification time changed", name)
		}
		if !bytes.Equal(a.data, b.data) {
			t.Errorf("%s: bytes changed", name)
		}
	}
}

// newWorkspace creates a closed workspace holding one role.
func newWorkspace(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "workspace.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`INSERT INTO roles (title, status, created_at, updated_at) VALUES ('Compiler Engineer', 'open', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// refused opens path, expects a refusal containing want and naming no
// folder, and checks nothing in the folder changed.
func refused(t *testing.T, dir, path, want string) error {
	t.Helper()
	before := snapshot(t, dir)
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatalf("Open accepted it; want a refusal saying %q", want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("Open error = %q; want it to say %q", err, want)
	}
	if strings.Contains(err.Error(), dir) {
		t.Errorf("Open error %q names the data folder; it may hold a person's name", err)
	}
	sameFolder(t, before, snapshot(t, dir))
	return err
}

func roleCount(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM roles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenRefusesReadOnlyFileUntouched(t *testing.T) {
	dir, path := newWorkspace(t)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	refused(t, dir, path, "workspace.db is read-only")
	// Asking again gives the same answer, not a worse one.
	refused(t, dir, path, "workspace.db is read-only")

	// Made writable again, the workspace opens with its data.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if n := roleCount(t, path); n != 1 {
		t.Fatalf("roles after making the file writable = %d, want 1", n)
	}
}

func TestOpenRefusesReadOnlyFolderUntouched(t *testing.T) {
	dir, path := newWorkspace(t)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	refused(t, dir, path, "data folder is read-only")

	// A new workspace in a read-only folder is refused the same way.
	empty := t.TempDir()
	if err := os.Chmod(empty, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(empty, 0o700) })
	refused(t, empty, filepath.Join(empty, "workspace.db"), "data folder is read-only")
}

// foreignDB writes another program's SQLite database in rollback-journal
// mode, as most programs leave theirs.
func foreignDB(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestOpenRefusesForeignDatabaseUntouched(t *testing.T) {
	for name, stmts := range map[string][]string{
		"tables only": {
			`CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)`,
			`INSERT INTO recipes (title) VALUES ('Bread')`,
		},
		"its own schema_version": {
			`CREATE TABLE schema_version (version INTEGER)`,
			`INSERT INTO schema_version VALUES (1)`,
			`CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)`,
		},
		"our schema_version columns, other migrations": {
			`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)`,
			`INSERT INTO schema_version (version, name) VALUES (1, 'init.sql')`,
		},
		"another application id": {
			`PRAGMA application_id = 1179602516`,
			`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)`,
			`INSERT INTO schema_version (version, name) VALUES (1, '0001_core.sql')`,
		},
		"an application id and no tables": {
			`PRAGMA application_id = 1179602516`,
			`PRAGMA user_version = 3`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "workspace.db")
			foreignDB(t, path, stmts...)
			refused(t, dir, path, "not a hirebench workspace")
		})
	}
}

func TestOpenRefusesNewerSchemaInRollbackModeUntouched(t *testing.T) {
	dir, path := newWorkspace(t)
	db := openRaw(t, path)
	for _, q := range []string{
		fmt.Sprintf(`INSERT INTO schema_version (version, name) VALUES (%d, 'from_the_future.sql')`, SchemaVersion()+1),
		`PRAGMA journal_mode = DELETE`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("setup: the file should be in rollback-journal mode with no -wal (%v)", err)
	}
	err := refused(t, dir, path, "newer hirebench")
	var ns *ErrNewerSchema
	if !errors.As(err, &ns) {
		t.Errorf("error = %T, want *ErrNewerSchema", err)
	}
}

func appID(t *testing.T, path string) uint32 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 100 {
		t.Fatalf("read header: %d bytes, %v", len(b), err)
	}
	return binary.BigEndian.Uint32(b[68:72])
}

func TestOpenTreatsEmptyFileAsNewWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of an empty file: %v", err)
	}
	if got := schemaVersions(t, s.w); !slices.Equal(got, oneTo(SchemaVersion())) {
		t.Errorf("schema_version = %v", got)
	}
	s.Close()
	// "HIRB": other programs' tools and ours can tell the file apart.
	if got := appID(t, path); got != 0x48495242 {
		t.Errorf("application_id = %#x, want 0x48495242", got)
	}
}

func TestOpenRecognisesWorkspaceWrittenBeforeApplicationID(t *testing.T) {
	_, path := newWorkspace(t)
	db := openRaw(t, path)
	if _, err := db.Exec(`PRAGMA application_id = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if got := appID(t, path); got != 0 {
		t.Fatalf("setup: application_id = %#x, want 0", got)
	}
	if n := roleCount(t, path); n != 1 {
		t.Fatalf("roles = %d, want 1", n)
	}
	if got := appID(t, path); got != 0x48495242 {
		t.Errorf("application_id after opening = %#x, want it set", got)
	}
}

func TestOpenTightensOwnFolderAndFileOthersCanWrite(t *testing.T) {
	dir, path := newWorkspace(t)
	for p, mode := range map[string]os.FileMode{dir: 0o777, path: 0o666} {
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	if n := roleCount(t, path); n != 1 {
		t.Fatalf("roles = %d, want 1", n)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s mode = %v, want %v", filepath.Base(p), fi.Mode().Perm(), want)
		}
	}
}

func TestOpenRefusesSharedFolder(t *testing.T) {
	// Like /tmp: everyone may write, the sticky bit keeps their files apart.
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	refused(t, dir, filepath.Join(dir, "workspace.db"), "other users can write to the data folder")
}

func TestOpenRefusesSomeoneElsesFolderOthersCanWrite(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a folder to another user needs root")
	}
	dir, path := newWorkspace(t)
	if err := os.Chown(dir, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	refused(t, dir, path, "other users can write to the data folder")

	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	refused(t, dir, path, "other users can write to workspace.db")
}

func TestOpenUpToDateWorkspaceWritesNothing(t *testing.T) {
	// Opening takes no write lock, so a command started beside a long
	// import in another window does not wait to open.
	dir, path := newWorkspace(t)
	before := snapshot(t, dir)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, dir)
	if !bytes.Equal(before["workspace.db"].data, after["workspace.db"].data) {
		t.Error("opening and closing an up-to-date workspace changed its bytes")
	}
}

package storagetest

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Template is a workspace file built once per test binary and copied for
// each test that asks: under -race a new file's migrations take about a
// second and a seeded workspace many, copying the file milliseconds. Each
// copy is a workspace of the test's own; rows made with random values (the
// uids) are the same in every copy, so a test needing two independent
// workspaces builds the second itself.
type Template struct {
	Name string
	once sync.Once
	snap string // folder holding the built files; "" if the build failed
}

var (
	dirsMu sync.Mutex
	dirs   []string
)

// CopyTo copies the template's database (and its WAL, if the build left
// one: every commit is on disk, so the pair is the workspace as a restart
// would find it) to path, building it first if no test has. build gets a
// path for the new database and returns when every write is committed.
func (tp *Template) CopyTo(t testing.TB, path string, build func(t testing.TB, path string)) {
	t.Helper()
	tp.once.Do(func() { tp.build(t, build) })
	if tp.snap == "" {
		t.Fatalf("template workspace %q failed to build in an earlier test", tp.Name)
	}
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(filepath.Join(tp.snap, "workspace.db"+suffix), path+suffix); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}

func (tp *Template) build(t testing.TB, build func(t testing.TB, path string)) {
	t.Helper()
	dir, err := os.MkdirTemp("", "hirebench-template-")
	if err != nil {
		t.Fatal(err)
	}
	dirsMu.Lock()
	dirs = append(dirs, dir)
	dirsMu.Unlock()
	built, snap := filepath.Join(dir, "built"), filepath.Join(dir, "snapshot")
	for _, d := range []string{built, snap} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(built, "workspace.db")
	build(t, path)
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, filepath.Join(snap, "workspace.db"+suffix)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	tp.snap = snap
}

// RemoveTemplates deletes every template built; TestMain calls it after
// the tests ran.
func RemoveTemplates() {
	dirsMu.Lock()
	defer dirsMu.Unlock()
	for _, d := range dirs {
		os.RemoveAll(d)
	}
	dirs = nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

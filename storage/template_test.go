// Workspaces built once per test run and copied into each test's folder
// (storagetest.Template): under -race a new file's migrations take about a
// second and a seeded workspace several.

package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"hirebench/storage/storagetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storagetest.RemoveTemplates()
	os.Exit(code)
}

// template is a workspace seeded through a test clock starting at
// testEpoch. The copy is taken while the build's store is still open, so
// its WAL is kept as the seeding left it: the same rows and the same old
// pages in the same files as a workspace seeded in the test itself.
type template struct {
	storagetest.Template
	now time.Time // the build's clock when it finished
}

// open copies the template into a new temp folder and opens it with a
// clock where the build's clock stopped.
func (tp *template) open(t *testing.T, seed func(t *testing.T, s *Store, clk *testClock)) (*Store, *testClock) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workspace.db")
	tp.CopyTo(t, path, func(tb testing.TB, built string) {
		clk := &testClock{t: testEpoch}
		s, err := Open(built, WithClock(clk.Now))
		if err != nil {
			tb.Fatalf("Open: %v", err)
		}
		tb.Cleanup(func() { s.Close() })
		seed(t, s, clk)
		tp.now = clk.Now()
	})
	clk := &testClock{t: tp.now}
	s, err := Open(path, WithClock(clk.Now))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clk
}

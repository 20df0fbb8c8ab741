// One demo seed per test run, copied for each test that wants a seeded
// workspace: seeding takes seconds (much longer under -race), a copy
// milliseconds, and each test still changes a workspace of its own.

package backup

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"hirebench/app/demo"
	"hirebench/app/interviews"
	"hirebench/storage"
)

var demoSeed struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoSeed.dir != "" {
		os.RemoveAll(demoSeed.dir)
	}
	os.Exit(code)
}

// copyDemoSeed puts a copy of the seeded workspace at path (which must not
// exist yet); the seed is a fresh workspace with the built-in rubric, then
// the demo, closed so the file holds everything.
func copyDemoSeed(t *testing.T, path string) {
	t.Helper()
	demoSeed.once.Do(func() { demoSeed.dir, demoSeed.err = seedDemo() })
	if demoSeed.err != nil {
		t.Fatal(demoSeed.err)
	}
	if err := copyDemoFile(filepath.Join(demoSeed.dir, "workspace.db"), path); err != nil {
		t.Fatal(err)
	}
}

func seedDemo() (string, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "hirebench-backup-demo-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "workspace.db")
	s, err := storage.Open(path)
	if err != nil {
		return dir, err
	}
	_, err = interviews.New(s).EnsureBuiltin(ctx)
	seeded := false
	if err == nil {
		seeded, err = demo.Seed(ctx, s)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil || !seeded {
		return dir, fmt.Errorf("seeding the demo: seeded %v, %v", seeded, err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return dir, fmt.Errorf("the demo seed kept a -wal file: a copy of the database alone would miss its writes")
	}
	return dir, nil
}

func copyDemoFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

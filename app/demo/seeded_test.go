// One demo seed shared by the tests that only need a seeded workspace: it is
// seeded once per run (seconds, much longer under -race) and each test opens
// a copy of its own, so what one test changes no other sees.

package demo_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"hirebench/app/demo"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// fixed is the clock the shared seed (and the determinism test) runs at.
var fixed = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)

var template struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if template.dir != "" {
		os.RemoveAll(template.dir)
	}
	os.Exit(code)
}

// templatePath seeds the shared workspace at the fixed clock and closes it,
// so the file holds everything (Close checkpoints the WAL).
func templatePath() (string, error) {
	template.once.Do(func() {
		if template.dir, template.err = os.MkdirTemp("", "hirebench-demo-seed-"); template.err != nil {
			return
		}
		path := filepath.Join(template.dir, "workspace.db")
		s, err := storage.Open(path, storage.WithClock(func() time.Time { return fixed }))
		if err != nil {
			template.err = err
			return
		}
		seeded, err := demo.Seed(context.Background(), s)
		if err := s.Close(); err != nil && template.err == nil {
			template.err = err
		}
		if err != nil || !seeded {
			template.err = fmt.Errorf("seeding the shared workspace: seeded %v, %v", seeded, err)
		}
		if _, err := os.Stat(path + "-wal"); err == nil && template.err == nil {
			template.err = fmt.Errorf("the shared workspace kept a -wal file: a copy of the database alone would miss its writes")
		}
	})
	return filepath.Join(template.dir, "workspace.db"), template.err
}

// seededCopy opens a copy of the shared seed, its clock standing at fixed.
func seededCopy(t *testing.T) (*storage.Store, *tracking.Service) {
	t.Helper()
	from, err := templatePath()
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "workspace.db")
	if err := copyFile(from, to); err != nil {
		t.Fatal(err)
	}
	return openFileAt(t, to, fixed)
}

func copyFile(from, to string) error {
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

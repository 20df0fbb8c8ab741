// Package demotest gives tests a seeded demo workspace cheaply: the demo is
// seeded once per test binary (seconds, much longer under -race) and each
// test gets its own copy (milliseconds), so tests stay independent.
// Only tests import it.
package demotest

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

var seed struct {
	once sync.Once
	dir  string
	err  error
}

// Main runs a package's tests and removes the seed afterwards; call it from
// TestMain: os.Exit(demotest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if seed.dir != "" {
		os.RemoveAll(seed.dir)
	}
	return code
}

// CopyTo puts a copy of the seeded workspace at path (which must not exist
// yet); the seed is a fresh workspace with the built-in rubric, then the
// demo, closed so the file holds everything.
func CopyTo(t testing.TB, path string) {
	t.Helper()
	seed.once.Do(func() { seed.dir, seed.err = seedDemo() })
	if seed.err != nil {
		t.Fatal(seed.err)
	}
	if err := copyFile(filepath.Join(seed.dir, "workspace.db"), path); err != nil {
		t.Fatal(err)
	}
}

func seedDemo() (string, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "hirebench-demo-seed-")
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

// Package demotest gives tests a seeded demo workspace cheaply: the demo is
// seeded once per test binary (seconds, much longer under -race) and each
// test gets its own copy (milliseconds), so tests stay independent.
// Only tests import it.
package demotest

import (
	"context"
	"testing"

	"hirebench/app/demo"
	"hirebench/app/interviews"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

var seed = &storagetest.Template{Name: "demo"}

// Main runs a package's tests and removes the seed afterwards; call it from
// TestMain: os.Exit(demotest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	storagetest.RemoveTemplates()
	return code
}

// CopyTo puts a copy of the seeded workspace at path (which must not exist
// yet); the seed is a fresh workspace with the built-in rubric, then the
// demo.
func CopyTo(t testing.TB, path string) {
	t.Helper()
	seed.CopyTo(t, path, seedDemo)
}

func seedDemo(t testing.TB, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
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
		t.Fatalf("seeding the demo: seeded %v, %v", seeded, err)
	}
}

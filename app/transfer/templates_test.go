// Workspaces built once per test run and copied for each test
// (storagetest.Template): under -race a new file's migrations take about a
// second and seeding the demo many.

package transfer_test

import (
	"context"
	"os"
	"testing"

	"hirebench/app/demo"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storagetest.RemoveTemplates()
	os.Exit(code)
}

var (
	newTemplate  = &storagetest.Template{Name: "new"}
	demoTemplate = &storagetest.Template{Name: "demo"}
)

// openNew opens at path a copy of a workspace Open has just created.
func openNew(t *testing.T, path string, opts ...storage.Option) *storage.Store {
	t.Helper()
	newTemplate.CopyTo(t, path, func(t testing.TB, built string) {
		s, err := storage.Open(built)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	})
	return openCopy(t, path, opts...)
}

// openDemo opens at path a copy of the demo workspace as demo.Seed leaves it.
func openDemo(t *testing.T, path string) *storage.Store {
	t.Helper()
	demoTemplate.CopyTo(t, path, func(t testing.TB, built string) {
		s, err := storage.Open(built)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if ok, err := demo.Seed(context.Background(), s); err != nil || !ok {
			t.Fatalf("demo.Seed: %v %v", ok, err)
		}
	})
	return openCopy(t, path)
}

func openCopy(t *testing.T, path string, opts ...storage.Option) *storage.Store {
	t.Helper()
	s, err := storage.Open(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The demo workspace, seeded once per test run and copied for each test that
// needs it: seeding takes seconds (much longer under -race), copying a
// closed database file takes milliseconds, and every test still gets a
// workspace of its own to change.

package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"testing"

	"hirebench/app/cli"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

var demoTemplate struct {
	once sync.Once
	dir  string // holds workspace.db as `demo` left it, closed (no -wal)
	out  string // what `demo` printed
	errb string // and on stderr
	err  error
}

// newTemplate is a workspace as storage.Open creates it.
var newTemplate = &storagetest.Template{Name: "new"}

func TestMain(m *testing.M) {
	noKeyring()
	code := m.Run()
	if demoTemplate.dir != "" {
		os.RemoveAll(demoTemplate.dir)
	}
	storagetest.RemoveTemplates()
	os.Exit(code)
}

// seedTemplate runs `demo` once, through Run as a user would, into a folder
// of the run's own; tests never open it, they copy it.
func seedTemplate() (string, error) {
	demoTemplate.once.Do(func() {
		dir, err := os.MkdirTemp("", "hirebench-cli-demo-")
		if err != nil {
			demoTemplate.err = err
			return
		}
		demoTemplate.dir = dir
		var out, errb bytes.Buffer
		if code := cli.Run(context.Background(), cli.Options{DataDir: dir, Command: []string{"demo"}}, "test", &out, &errb); code != cli.ExitOK {
			demoTemplate.err = fmt.Errorf("demo: exit %d: %s", code, errb.String())
			return
		}
		demoTemplate.out, demoTemplate.errb = out.String(), errb.String()
		if _, err := os.Stat(cli.DatabasePath(dir) + "-wal"); err == nil {
			demoTemplate.err = fmt.Errorf("demo left a -wal file: the copy would miss its writes")
		}
	})
	return demoTemplate.dir, demoTemplate.err
}

// demoWorkspace is a fresh data folder holding its own copy of the demo
// workspace, as `hirebench demo` leaves it.
func demoWorkspace(t *testing.T) string {
	t.Helper()
	template, err := seedTemplate()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := copyFile(cli.DatabasePath(template), cli.DatabasePath(dir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// newWorkspace is a fresh data folder holding a copy of a workspace just
// created by storage.Open (its migrations take about a second under -race),
// for tests about what commands do to a new workspace rather than about
// creating one.
func newWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	newTemplate.CopyTo(t, cli.DatabasePath(dir), func(t testing.TB, path string) {
		s, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	})
	return dir
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

// noKeyring points the OS keyring's bus at nothing, so the tests take the
// real no-keyring path and never read or change the key of whoever runs them.
func noKeyring() {
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hirebench-tests-have-no-keyring")
}

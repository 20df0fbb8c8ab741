// Tests what a command says when the data folder holds a workspace it will not use:
// one plain line, a failing exit code, and the folder left exactly as it was.

package cli_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hirebench/app/cli"
)

// folderState is every file's name, mode and bytes in a folder.
func folderState(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Name()+" "+fi.Mode().String()+" "+string(b))
	}
	return out
}

func TestWorkspaceItWillNotUseIsRefusedUntouched(t *testing.T) {
	for name, tc := range map[string]struct {
		setup func(t *testing.T, db string)
		says  string
	}{
		"read-only file": {func(t *testing.T, db string) {
			mustRun(t, filepath.Dir(db), "roles", "list")
			if err := os.Chmod(db, 0o400); err != nil {
				t.Fatal(err)
			}
		}, "workspace.db is read-only"},
		"another program's database": {func(t *testing.T, db string) {
			d, err := sql.Open("sqlite", db)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if _, err := d.Exec(`CREATE TABLE recipes (title TEXT); INSERT INTO recipes VALUES ('Bread')`); err != nil {
				t.Fatal(err)
			}
		}, "not a hirebench workspace"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := cli.DatabasePath(dir)
			tc.setup(t, db)
			before := folderState(t, dir)
			r := run(t, dir, "roles", "list")
			wantFailure(t, r, cli.ExitError, tc.says)
			if strings.Contains(r.stderr, dir) {
				t.Errorf("the message names the data folder: %q", r.stderr)
			}
			if after := folderState(t, dir); !slices.Equal(after, before) {
				t.Errorf("the data folder changed")
			}
		})
	}
}

func TestDataFolderOthersCanWriteIsTightened(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	mustRun(t, dir, "roles", "list")
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode = %v, want -rwx------", fi.Mode().Perm())
	}
}

// Tests `backup` and `restore` end to end: a round trip through a backup file and
// the snapshot kept on restoring, the confirmation restore asks for, and one
// plain line with a non-zero exit for every bad input.

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/cli"
)

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	dir := demoWorkspace(t)
	file := filepath.Join(t.TempDir(), "friday.db")
	var saved struct {
		Path  string `json:"path"`
		Bytes int64  `json:"bytes"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "backup", "--out", file, "--json")), &saved); err != nil {
		t.Fatal(err)
	}
	if saved.Path != file || saved.Bytes == 0 {
		t.Errorf("backup --json = %+v", saved)
	}
	mustRun(t, dir, "candidates", "add", "--name", "Added After Backup", "--email", "after@example.com")
	demoCount := len(listJSON(t, dir)) - 1

	// Without --yes: checked, nothing replaced, one line saying what would be.
	r := run(t, dir, "restore", file)
	wantFailure(t, r, cli.ExitUsage, "would replace", "--yes", "friday.db", "candidates")
	if n := len(listJSON(t, dir)); n != demoCount+1 {
		t.Fatalf("restore without --yes changed the workspace: %d candidates", n)
	}

	var res struct {
		Candidates int    `json:"candidates"`
		KeptAs     string `json:"keptAs"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "restore", file, "--yes", "--json")), &res); err != nil {
		t.Fatal(err)
	}
	if rows := listJSON(t, dir); len(rows) != demoCount || res.Candidates != demoCount {
		t.Fatalf("after restoring: %d candidates listed, %d reported; the backup has %d", len(rows), res.Candidates, demoCount)
	}

	// The workspace as it was is a snapshot, listed, and restores in turn.
	out := mustRun(t, dir, "backup", "snapshots")
	if !strings.Contains(out, res.KeptAs) || !strings.Contains(out, "1 snapshot") {
		t.Errorf("backup snapshots does not list %s:\n%s", res.KeptAs, out)
	}
	mustRun(t, dir, "restore", filepath.Join(dir, "snapshots", res.KeptAs), "--yes")
	found := false
	for _, c := range listJSON(t, dir) {
		found = found || c.Email == "after@example.com"
	}
	if !found {
		t.Error("restoring the kept snapshot did not bring back the candidate added after the backup")
	}
}

func TestBackupAndRestoreRefuseBadInputWithOneLine(t *testing.T) {
	dir := demoWorkspace(t)
	before := mustRun(t, dir, "candidates", "list", "--json")
	if err := os.Mkdir(filepath.Join(dir, "snapshots"), 0o700); err != nil { // as the window makes it
		t.Fatal(err)
	}
	other := t.TempDir()
	notes := filepath.Join(other, "notes.txt")
	if err := os.WriteFile(notes, []byte("not a backup\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args     []string
		code     int
		mentions []string
	}{
		{[]string{"backup"}, cli.ExitUsage, []string{"--out"}},
		{[]string{"backup", "--out", filepath.Join(dir, "workspace.db")}, cli.ExitError, []string{"own files"}},
		{[]string{"backup", "--out", filepath.Join(dir, "snapshots", "x.db")}, cli.ExitError, []string{"own files"}},
		{[]string{"backup", "--out", other}, cli.ExitError, []string{"folder"}},
		{[]string{"backup", "--out", filepath.Join(other, "missing", "b.db")}, cli.ExitError, []string{"folder"}},
		{[]string{"backup", "--bogus"}, cli.ExitUsage, []string{"bogus"}},
		{[]string{"backup", "snapshots", "--keep", "0"}, cli.ExitError, []string{"between 1 and"}},
		{[]string{"restore"}, cli.ExitUsage, []string{"FILE"}},
		{[]string{"restore", notes, notes, "--yes"}, cli.ExitUsage, []string{"one"}},
		{[]string{"restore", notes, "--yes"}, cli.ExitError, []string{"notes.txt", "not a hirebench backup"}},
		{[]string{"restore", filepath.Join(other, "gone.db"), "--yes"}, cli.ExitError, []string{"gone.db", "no longer there"}},
		{[]string{"restore", other, "--yes"}, cli.ExitError, []string{"folder"}},
		{[]string{"restore", filepath.Join(dir, "workspace.db"), "--yes"}, cli.ExitError, []string{"own database"}},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			wantFailure(t, run(t, dir, c.args...), c.code, c.mentions...)
		})
	}
	if after := mustRun(t, dir, "candidates", "list", "--json"); after != before {
		t.Error("a refused backup or restore changed the workspace")
	}
	if es, _ := os.ReadDir(other); len(es) != 1 {
		t.Errorf("refused backups left files behind: %d entries", len(es))
	}
}

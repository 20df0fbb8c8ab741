//go:build unix

// Tests that `export xlsx|csv` and `bundle export` never write over the
// workspace's own files (its database, the files beside it, its snapshots),
// a folder or a FIFO: one line on stderr, a non-zero exit, the workspace
// whole and nothing left behind.

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"hirebench/app/cli"
)

func TestOutputOntoTheWorkspaceIsRefused(t *testing.T) {
	dir := demoWorkspace(t)
	roles := mustRun(t, dir, "roles", "list", "--json")
	candidates := mustRun(t, dir, "candidates", "list", "--json")
	if err := os.MkdirAll(filepath.Join(dir, "snapshots"), 0o700); err != nil {
		t.Fatal(err)
	}
	snapshot := filepath.Join(dir, "snapshots", "workspace-20261201T171800Z.db")
	if err := os.WriteFile(snapshot, []byte("a snapshot"), 0o600); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	link := filepath.Join(elsewhere, "committee.xlsx")
	alias := filepath.Join(elsewhere, "data")
	if err := os.Symlink(filepath.Join(dir, "workspace.db"), link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, alias); err != nil {
		t.Fatal(err)
	}

	commands := [][]string{
		{"export", "xlsx", "--role", "1", "--out"},
		{"export", "csv", "--role", "1", "--out"},
		{"bundle", "export", "--out"},
	}
	targets := []string{
		filepath.Join(dir, "workspace.db"),
		filepath.Join(dir, "workspace.db-wal"),
		filepath.Join(dir, "workspace.db-shm"),
		filepath.Join(dir, "workspace.db-journal"),
		snapshot,
		filepath.Join(dir, "snapshots", "committee.xlsx"),
		link,
		filepath.Join(alias, "workspace.db"),
	}
	for _, cmd := range commands {
		for _, out := range targets {
			r := run(t, dir, append(cmd, out)...)
			wantFailure(t, r, cli.ExitError, out+" is one of this workspace's own files; save it somewhere else")
		}
	}

	// The workspace opens with all its data; the snapshot and the link are
	// as they were; no temporary file is left in the folders.
	if got := mustRun(t, dir, "roles", "list", "--json"); got != roles {
		t.Errorf("roles changed:\n%s\nwant\n%s", got, roles)
	}
	if got := mustRun(t, dir, "candidates", "list", "--json"); got != candidates {
		t.Error("candidates changed")
	}
	if b, _ := os.ReadFile(snapshot); string(b) != "a snapshot" {
		t.Errorf("the snapshot holds %.20q", b)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	for _, d := range []string{dir, filepath.Join(dir, "snapshots"), elsewhere} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("left behind in %s: %s", d, e.Name())
			}
		}
	}
}

func TestOutputThatIsNotAFileIsRefused(t *testing.T) {
	dir := demoWorkspace(t)
	out := t.TempDir()
	fifo := filepath.Join(out, "committee.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, cmd := range [][]string{{"export", "xlsx", "--role", "1"}, {"export", "csv", "--role", "1"}, {"bundle", "export"}} {
		wantFailure(t, run(t, dir, append(cmd, "--out", fifo)...), cli.ExitError, fifo+" is not an ordinary file (a device, a pipe); give a file name")
		wantFailure(t, run(t, dir, append(cmd, "--out", out)...), cli.ExitError, out+" is a folder; give a file name")
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced by a file: %v", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// A new file beside the database is fine.
	mustRun(t, dir, "export", "csv", "--role", "1", "--out", filepath.Join(dir, "summary.csv"))
}

//go:build unix

// Tests that a save never lands on the workspace's own files, whatever the
// spelling (symlinks, "..", hard links), nor on a folder, a device or a FIFO.

package files

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// dataFolder makes a data folder with a database, its WAL and a snapshot,
// and returns the folder and what a save there must not replace.
func dataFolder(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.WriteFile(f, []byte("SQLite format 3\x00"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "snapshots"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "snapshots", "workspace-20261201T171800Z.db"), []byte("snap"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, WorkspaceFiles(db)
}

func TestCheckSaveTargetRefusesTheWorkspacesOwnFiles(t *testing.T) {
	dir, protected := dataFolder(t)
	elsewhere := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(dir, "workspace.db"), filepath.Join(elsewhere, "link.xlsx")))
	must(os.Symlink(dir, filepath.Join(elsewhere, "alias")))
	must(os.Mkdir(filepath.Join(elsewhere, "sub"), 0o700))
	must(os.Symlink(filepath.Join(dir, "snapshots"), filepath.Join(elsewhere, "sub", "snaps")))
	must(os.Link(filepath.Join(dir, "workspace.db"), filepath.Join(elsewhere, "hard.xlsx")))

	refused := []string{
		filepath.Join(dir, "workspace.db"),
		filepath.Join(dir, "workspace.db-wal"),
		filepath.Join(dir, "workspace.db-shm"),
		filepath.Join(dir, "workspace.db-journal"), // not there now, SQLite's when it is
		filepath.Join(dir, "snapshots", "workspace-20261201T171800Z.db"),
		filepath.Join(dir, "snapshots", "mine.xlsx"), // a new name, but in the snapshots folder
		filepath.Join(dir, ".", "workspace.db"),
		filepath.Join(elsewhere, "link.xlsx"),                         // a symlink to the database
		filepath.Join(elsewhere, "alias", "workspace.db-wal"),         // through a symlinked folder
		filepath.Join(elsewhere, "sub", "snaps", "x.csv"),             // into snapshots through a link
		filepath.Join(elsewhere, "sub", "snaps") + "/../workspace.db", // ".." after a link: the system's reading
		filepath.Join(elsewhere, "hard.xlsx"),                         // the same file by another name
	}
	for _, p := range refused {
		if err := CheckSaveTarget(p, protected); !errors.Is(err, ErrWorkspaceFile) {
			t.Errorf("%s: %v, want ErrWorkspaceFile", p, err)
		}
	}
	// Relative to the working folder, as a command line gives it.
	t.Chdir(elsewhere)
	if err := CheckSaveTarget("alias/workspace.db", protected); !errors.Is(err, ErrWorkspaceFile) {
		t.Errorf("relative alias/workspace.db: %v", err)
	}

	// Anything else in or near the data folder is fine: a new name, an
	// ordinary file, a folder that is not there (the write will say so).
	must(os.WriteFile(filepath.Join(elsewhere, "old.xlsx"), []byte("old"), 0o600))
	allowed := []string{
		filepath.Join(dir, "committee.xlsx"),
		filepath.Join(dir, "workspace.db.xlsx"),
		filepath.Join(dir, "snapshots.csv"),
		filepath.Join(elsewhere, "old.xlsx"),
		filepath.Join(elsewhere, "gone", "x.xlsx"),
		"report.csv",
	}
	for _, p := range allowed {
		if err := CheckSaveTarget(p, protected); err != nil {
			t.Errorf("%s: %v, want it allowed", p, err)
		}
	}
}

func TestCheckSaveTargetRefusesWhatIsNotAnOrdinaryFile(t *testing.T) {
	dir := t.TempDir()
	if err := CheckSaveTarget(dir, nil); !errors.Is(err, ErrFolder) {
		t.Errorf("a folder: %v", err)
	}
	fifo := filepath.Join(dir, "out.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, p := range []string{fifo, "/dev/null", "/dev/zero"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if err := CheckSaveTarget(p, nil); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: %v, want ErrNotRegular", p, err)
		}
	}
}

// WriteAtomic alone (without the workspace's list) never replaces a FIFO
// or a device with a file: as root a rename would.
func TestWriteAtomicLeavesAFIFOAlone(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	wrote := false
	err := WriteAtomic(fifo, func(w io.Writer) error { wrote = true; _, err := io.WriteString(w, "x"); return err })
	if !errors.Is(err, ErrNotRegular) || wrote {
		t.Errorf("a FIFO as the target: %v (writer called: %v)", err, wrote)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", st, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// Cancelled halfway (Ctrl-C on the command line, Cancel in the window):
// the folder is left as it was, the old file whole, no temporary file.
func TestWriteAtomicContextCancelledHalfwayLeavesTheFolderAsItWas(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bundle.hbundle")
	if err := os.WriteFile(path, []byte("the old bundle"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteAtomicContext(ctx, path, func(w io.Writer) error {
		if _, err := w.Write(make([]byte, 3<<20)); err != nil { // past the buffer: on disk
			return err
		}
		cancel()
		_, err := w.Write([]byte("more"))
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the old bundle" {
		t.Errorf("the old file changed: %.20q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}

	// A writer that ignores the cancel and returns nil still renames nothing.
	ctx, cancel = context.WithCancel(context.Background())
	err = WriteAtomicContext(ctx, path, func(w io.Writer) error { cancel(); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled, writer returned nil: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the old bundle" {
		t.Errorf("the old file changed: %.20q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

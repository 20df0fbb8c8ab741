//go:build unix

// Saving onto the workspace's own files, a device or a FIFO (unix: the test makes a FIFO).

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"hirebench/app/tracking"
)

// The save dialog lets anyone pick workspace.db: every save the window
// makes refuses the workspace's own files, a device or a FIFO, in a plain
// sentence, and the workspace keeps all its data.
func TestSavingOntoTheWorkspaceIsRefused(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	cands := NewCandidates(d.ws.svc, d.ws, d.shell)
	ada, err := d.ws.svc.FindByEmail(ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	att, err := d.ws.svc.Attach(ctx, ada.ID, "cv.txt", []byte("Ada's CV"), tracking.CommandLine)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := d.iv.svc.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(d.dataDir, "snapshots"), 0o700); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "out.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	saves := map[string]func() error{
		"Exports.Workbook":          func() error { _, err := d.ex.Workbook(d.roleID); return err },
		"Exports.CSV":               func() error { _, err := d.ex.CSV(d.roleID, "summary", false); return err },
		"Transfer.ExportBundle":     func() error { _, err := d.tr.ExportBundle(false); return err },
		"Interviews.ExportRubric":   func() error { _, err := d.iv.ExportRubric(builtin.RubricID, "json"); return err },
		"Candidates.SaveAttachment": func() error { _, err := cands.SaveAttachment(att.ID); return err },
	}
	targets := map[string]string{
		filepath.Join(d.dataDir, "workspace.db"):              "workspace.db is one of this workspace's own files; save it somewhere else",
		filepath.Join(d.dataDir, "workspace.db-wal"):          "workspace.db-wal is one of this workspace's own files; save it somewhere else",
		filepath.Join(d.dataDir, "snapshots", "summary.xlsx"): "summary.xlsx is one of this workspace's own files; save it somewhere else",
		fifo: "out.xlsx is not an ordinary file (a device, a pipe); give a file name",
	}
	for name, save := range saves {
		for path, want := range targets {
			d.shell.savePth = path
			ue := asUser(t, save())
			if ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Field != "file" || ue.Fields[0].Message != want {
				t.Errorf("%s to %s: %+v; want the file field saying %q", name, filepath.Base(path), ue, want)
			}
		}
	}

	// The workspace is whole: its file is still a database holding the data.
	if b, _ := os.ReadFile(filepath.Join(d.dataDir, "workspace.db")); !strings.HasPrefix(string(b), "SQLite format 3\x00") {
		t.Fatalf("workspace.db starts with %.16q", b)
	}
	if det, err := d.ws.svc.Detail(ctx, ada.ID); err != nil || det.Candidate.Name != "Ada Lovelace" || len(det.Attachments) != 1 {
		t.Errorf("Ada after the refusals: %+v, %v", det, err)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(d.dataDir, "snapshots")); len(entries) != 0 {
		t.Errorf("written into snapshots: %v", entries)
	}
}

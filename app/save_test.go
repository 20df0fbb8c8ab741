// Tests saving a stored file where the save dialog says (an attachment, a rubric file):
// written whole or not at all, refused in a plain sentence that leaves the folder out,
// and never over the workspace's own files, a device or a FIFO (save_unix_test.go).

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/tracking"
)

func TestSavingAFileIsWholeOrNotAtAll(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	cands := NewCandidates(d.ws.svc, d.ws, d.shell)
	ada, err := d.ws.svc.FindByEmail(ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	att, err := d.ws.svc.Attach(ctx, ada.ID, "Ada Lovelace CV.txt", []byte("Ada's CV"), tracking.CommandLine)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := d.iv.svc.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The folder names a person, as a real one may: it must reach neither
	// the page nor the log.
	dir := filepath.Join(t.TempDir(), "Grace Hopper")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	logs := captureLog(t)

	// Saved where the dialog says.
	d.shell.savePth = filepath.Join(dir, "cv.txt")
	if ok, err := cands.SaveAttachment(att.ID); err != nil || !ok {
		t.Fatalf("save attachment: %v, %v", ok, err)
	}
	if got, _ := os.ReadFile(d.shell.savePth); string(got) != "Ada's CV" {
		t.Errorf("saved attachment holds %q", got)
	}

	// The dialog closed: nothing written, no error.
	d.shell.savePth = ""
	if ok, err := cands.SaveAttachment(att.ID); ok || err != nil {
		t.Errorf("dialog closed: %v, %v", ok, err)
	}

	// Into a folder that is gone: the plain sentence, naming the file only.
	d.shell.savePth = filepath.Join(dir, "gone", "Ada Lovelace CV.txt")
	_, err = cands.SaveAttachment(att.ID)
	ue := asUser(t, err)
	want := "Ada Lovelace CV.txt could not be saved: its folder is no longer there; choose another"
	if ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Field != "file" || ue.Fields[0].Message != want {
		t.Errorf("folder gone: %+v; want the file field saying %q", ue, want)
	}
	d.shell.savePth = filepath.Join(dir, "gone", "team.json")
	_, err = d.iv.ExportRubric(builtin.RubricID, "json")
	want = "team.json could not be saved: its folder is no longer there; choose another"
	if ue := asUser(t, err); ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Message != want {
		t.Errorf("rubric, folder gone: %+v; want %q", ue, want)
	}

	// A write that fails leaves the file already there whole. The temporary
	// file beside it needs a longer name than the disk allows (255 bytes),
	// so the write fails however it runs (as root too).
	long := strings.Repeat("r", 240) + ".json"
	existing := filepath.Join(dir, long)
	if err := os.WriteFile(existing, []byte("the rubric I keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.savePth = existing
	ok, err := d.iv.ExportRubric(builtin.RubricID, "json")
	want = long + " could not be saved; try another folder"
	if ue := asUser(t, err); ok || ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Message != want {
		t.Errorf("failed write: %v, %+v; want %q", ok, ue, want)
	}
	if got, _ := os.ReadFile(existing); string(got) != "the rubric I keep" {
		t.Errorf("a failed write changed the file already there: %.40q…", got)
	}
	// The unexpected refusal is logged, with the disk's reason and no path.
	if l := logs.String(); !strings.Contains(l, "a file could not be saved") || strings.Contains(l, "Grace Hopper") || strings.Contains(l, "internal error") {
		t.Errorf("want the refusal logged without its folder, not as internal; log:\n%s", l)
	}

	// And over a file already there, a write that succeeds replaces it.
	d.shell.savePth = filepath.Join(dir, "rubric.json")
	if err := os.WriteFile(d.shell.savePth, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if ok, err := d.iv.ExportRubric(builtin.RubricID, "json"); err != nil || !ok {
		t.Fatalf("export rubric: %v, %v", ok, err)
	}
	if got, _ := os.ReadFile(d.shell.savePth); !strings.HasPrefix(string(got), "{") {
		t.Errorf("exported rubric holds %.40q", got)
	}
}

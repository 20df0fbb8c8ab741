// Tests the file names the save dialogs propose: safe on Windows whatever the
// role, rubric, profile or attachment is called (filename.Safe).

package app

import (
	"context"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
)

// namingShell records the name each save dialog proposes, then cancels.
type namingShell struct {
	*fakeShell
	names []string
}

func (n *namingShell) savePath(_, name, _, _ string) (string, error) {
	n.names = append(n.names, name)
	return "", nil
}

func TestSaveDialogsProposeNamesWindowsAccepts(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	sh := &namingShell{fakeShell: d.shell}
	proposed := func(what string, call func() error, want string) {
		t.Helper()
		sh.names = nil
		if err := call(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(sh.names) != 1 || sh.names[0] != want {
			t.Errorf("%s proposes %q, want %q", what, sh.names, want)
		}
	}

	con, err := d.ws.svc.CreateRole(ctx, model.RoleInput{Title: "Con", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	long, err := d.ws.svc.CreateRole(ctx, model.RoleInput{Title: strings.Repeat("Principal ", 20), Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	ex := NewExports(d.iv.svc, d.ws, sh)
	proposed("the workbook of a role called Con", func() error { _, err := ex.Workbook(con.ID); return err }, "con_.xlsx")
	proposed("its summary CSV", func() error { _, err := ex.CSV(con.ID, "summary", false); return err }, "con-summary.csv")
	proposed("the workbook of a role called AI Engineer", func() error { _, err := ex.Workbook(d.roleID); return err }, "ai-engineer.xlsx")
	proposed("a workbook with a 200-letter title", func() error { _, err := ex.Workbook(long.ID); return err },
		strings.Repeat("principal-", 11)+"princ.xlsx") // 120 bytes, the ending kept

	aux := rubric.Builtin()
	aux.Name = "AUX"
	v, err := d.iv.CreateRubric(aux)
	if err != nil {
		t.Fatal(err)
	}
	iv := NewInterviews(d.iv.svc, d.ws, sh)
	proposed("a rubric called AUX", func() error { _, err := iv.ExportRubric(v.RubricID, "json"); return err }, "aux_.json")

	ada, err := d.ws.svc.FindByEmail(ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	cands := NewCandidates(d.ws.svc, d.ws, sh)
	for stored, want := range map[string]string{"cv: final?.txt": "cv_ final_.txt", "nul.txt": "nul_.txt", "Ada – CV.txt": "Ada – CV.txt"} {
		att, err := d.ws.svc.Attach(ctx, ada.ID, stored, []byte("Ada's CV"), tracking.CommandLine)
		if err != nil {
			t.Fatal(err)
		}
		proposed("the attachment "+stored, func() error { _, err := cands.SaveAttachment(att.ID); return err }, want)
	}

	if _, err := d.ws.SwitchProfile(d.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	tr := NewTransfer(d.ws.svc, transfer.New(d.ws.store), d.ws, sh)
	proposed("Sam's scorecards", func() error { _, err := tr.ExportBundle(true); return err }, "hirebench-scorecards-sam-okafor.hbundle")
}

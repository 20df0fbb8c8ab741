// Tests that a file chosen in the open dialog is forgotten when the current profile
// changes (signing out, switching), so the next person cannot import it by its token.

package app

import (
	"os"
	"path/filepath"
	"testing"
)

func TestChosenFilesAreForgottenWhenTheProfileChanges(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "riley-candidates.csv")
	if err := os.WriteFile(csv, []byte("Full Name,E-mail\nImani Importwell,imani@example.com\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	yaml := filepath.Join(dir, "riley-rubric.yaml")
	if err := os.WriteFile(yaml, []byte("name: Riley's rubric\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// choose has Riley choose both files, as the import wizards do.
	choose := func() (candidates, rubric string) {
		t.Helper()
		d.shell.opened = csv
		f, err := d.tr.ChooseImportFile()
		if err != nil || f == nil {
			t.Fatalf("choose candidate file: %+v, %v", f, err)
		}
		d.shell.opened = yaml
		r, err := d.iv.ChooseRubricFile()
		if err != nil || r == nil {
			t.Fatalf("choose rubric file: %+v, %v", r, err)
		}
		d.shell.opened = ""
		return f.Token, r.Token
	}
	// forgotten asserts both tokens no longer stand for a file.
	forgotten := func(when, candidates, rubric string) {
		t.Helper()
		_, err := d.tr.PreviewImport(ImportRequest{Token: candidates})
		if ue := asUser(t, err); ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Field != "file" || ue.Fields[0].Message != "Choose the file again" {
			t.Errorf("%s: candidate file still usable: %+v", when, ue)
		}
		_, err = d.iv.ImportRubricFile(rubric)
		if ue := asUser(t, err); ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Field != "file" || ue.Fields[0].Message != "Choose the file again" {
			t.Errorf("%s: rubric file still usable: %+v", when, ue)
		}
	}

	// The same profile again (a reload asks who is current): still there.
	cand, rub := choose()
	if _, err := d.ws.CurrentProfile(); err != nil {
		t.Fatal(err)
	}
	if p, err := d.tr.PreviewImport(ImportRequest{Token: cand}); err != nil || p.TotalRows != 1 {
		t.Fatalf("after a reload as Riley: %+v, %v", p, err)
	}

	// Riley signs out; Sam takes the laptop.
	d.ws.SignOut()
	if _, err := d.ws.SwitchProfile(d.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	forgotten("signed out, then Sam", cand, rub)

	// Chosen by Sam, then Riley switches in without signing out.
	cand, rub = choose()
	if _, err := d.ws.SwitchProfile(d.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	forgotten("switched to Riley", cand, rub)

	// Chosen again after the switch: usable.
	cand, _ = choose()
	if p, err := d.tr.PreviewImport(ImportRequest{Token: cand}); err != nil || p.TotalRows != 1 {
		t.Errorf("chosen after the switch: %+v, %v", p, err)
	}
}

// Tests choosing a candidate file in the window: the import preview and commit by
// token, refusal of oversized files and folders, and attaching a chosen file.

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/importer"
	"hirebench/app/model"
)

// sparse makes a file of size bytes without writing them.
func sparse(t *testing.T, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// fileError asserts a plain "invalid" error on the file field saying says.
func fileError(t *testing.T, err error, says ...string) {
	t.Helper()
	ue := asUser(t, err)
	if ue.Code != "invalid" || len(ue.Fields) != 1 || ue.Fields[0].Field != "file" {
		t.Fatalf("want an invalid file field, got %+v", ue)
	}
	for _, s := range says {
		if !strings.Contains(ue.Fields[0].Message, s) {
			t.Errorf("%q does not say %q", ue.Fields[0].Message, s)
		}
	}
	if strings.Contains(ue.Message, os.TempDir()) || strings.Contains(ue.Message, "Test") {
		t.Errorf("the message shows the file's folder: %q", ue.Message)
	}
}

func TestChooseImportFileThenPreviewAndCommitByToken(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()

	// Cancelled: nothing chosen, no error.
	if f, err := d.tr.ChooseImportFile(); f != nil || err != nil {
		t.Fatalf("cancelled dialog: %+v, %v", f, err)
	}

	path := filepath.Join(dir, "ats-export.csv")
	csv := "Full Name,E-mail\nImani Importwell,imani@example.com\nBroken Row,not-an-email\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.opened = path
	f, err := d.tr.ChooseImportFile()
	if err != nil || f == nil || f.Name != "ats-export.csv" || f.Size != int64(len(csv)) || len(f.Token) < 32 {
		t.Fatalf("chosen: %+v, %v", f, err)
	}
	if strings.Contains(f.Token, dir) {
		t.Errorf("the token carries the path: %q", f.Token)
	}

	p, err := d.tr.PreviewImport(ImportRequest{Token: f.Token, Policy: "skip"})
	if err != nil || p.TotalRows != 2 || p.Counts.Create != 1 || p.Counts.Error != 1 || p.Headers[0] != "Full Name" {
		t.Fatalf("preview: %+v, %v", p, err)
	}

	// Commit re-reads the file: a row added since the preview is imported too.
	if err := os.WriteFile(path, []byte(csv+"Ola Second,ola@example.com\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := d.tr.CommitImport(ImportRequest{Token: f.Token, Policy: "skip", RoleID: d.roleID, ValidOnly: true})
	if err != nil || res.Created != 2 || res.Invalid != 1 {
		t.Fatalf("commit: %+v, %v", res, err)
	}
	// Imported: the token is spent.
	_, err = d.tr.CommitImport(ImportRequest{Token: f.Token, Policy: "skip", RoleID: d.roleID, ValidOnly: true})
	fileError(t, err, "Choose the file again")

	// A token the facade never gave, or none.
	_, err = d.tr.PreviewImport(ImportRequest{Token: "0123456789abcdef0123456789abcdef"})
	fileError(t, err, "Choose the file again")
	_, err = d.tr.PreviewImport(ImportRequest{})
	fileError(t, err, "Choose the file again")

	// The file went away after it was chosen.
	d.shell.opened = path
	f, err = d.tr.ChooseImportFile()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	_, err = d.tr.PreviewImport(ImportRequest{Token: f.Token})
	fileError(t, err, "ats-export.csv is no longer there")
}

func TestChooseImportFileRefusesTooBigAndFolders(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()

	big := filepath.Join(dir, "big.csv")
	sparse(t, big, importer.MaxFileSize+1)
	d.shell.opened = big
	f, err := d.tr.ChooseImportFile()
	if f != nil {
		t.Errorf("a file over the limit was accepted: %+v", f)
	}
	// Its size and the limit: not "is 20.0 MB" as if its size were the limit.
	fileError(t, err, "big.csv is 20.1 MB, over the 20 MB limit for imports")

	d.shell.opened = dir
	_, err = d.tr.ChooseImportFile()
	fileError(t, err, "is a folder")

	if _, err := os.Stat("/dev/zero"); err == nil {
		d.shell.opened = "/dev/zero"
		_, err = d.tr.ChooseImportFile()
		fileError(t, err, "zero is not an ordinary file")
	}

	// Chosen while small, then grown past the limit: refused on preview and on commit.
	path := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(path, []byte("Name\nAda\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.opened = path
	if f, err = d.tr.ChooseImportFile(); err != nil {
		t.Fatal(err)
	}
	sparse(t, path, importer.MaxFileSize+1)
	_, err = d.tr.PreviewImport(ImportRequest{Token: f.Token})
	fileError(t, err, "people.csv is 20.1 MB, over the 20 MB limit for imports")
	_, err = d.tr.CommitImport(ImportRequest{Token: f.Token, RoleID: d.roleID})
	fileError(t, err, "people.csv is 20.1 MB, over the 20 MB limit for imports")
}

func TestChooseImportFileKeepsOnlyTheLastFew(t *testing.T) {
	d := newDesk(t)
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte("Name\nAda\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.opened = path
	var tokens []string
	for range keepChosen + 1 {
		f, err := d.tr.ChooseImportFile()
		if err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, f.Token)
	}
	if _, err := d.tr.PreviewImport(ImportRequest{Token: tokens[0]}); err == nil {
		t.Error("the oldest token still reads the file")
	}
	if _, err := d.tr.PreviewImport(ImportRequest{Token: tokens[len(tokens)-1]}); err != nil {
		t.Errorf("the newest token: %v", err)
	}
}

func TestAttachFileReadsTheChosenFile(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	cands := NewCandidates(d.ws.svc, d.ws, d.shell)
	ada, err := d.ws.svc.FindByEmail(ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	if a, err := cands.AttachFile(ada.ID); a != nil || err != nil {
		t.Fatalf("cancelled dialog: %+v, %v", a, err)
	}

	cv := filepath.Join(dir, "ada-cv.txt")
	if err := os.WriteFile(cv, []byte("Analytical engines and poetry"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.opened = cv
	a, err := cands.AttachFile(ada.ID)
	if err != nil || a == nil || a.FileName != "ada-cv.txt" || a.Size != 29 || !(a.HasText || a.ResumeFilled) || a.CandidateID != ada.ID {
		t.Fatalf("attached: %+v, %v", a, err)
	}
	det, err := d.ws.svc.Detail(ctx, ada.ID)
	if err != nil || len(det.Attachments) != 1 || det.Attachments[0].ID != a.ID {
		t.Errorf("the candidate's attachments: %+v, %v", det.Attachments, err)
	}

	big := filepath.Join(dir, "scan.pdf")
	sparse(t, big, model.MaxAttachment+1)
	d.shell.opened = big
	a, err = cands.AttachFile(ada.ID)
	if a != nil {
		t.Errorf("a file over the limit was attached: %+v", a)
	}
	fileError(t, err, "scan.pdf is 20.1 MB, over the 20 MB limit for attachments")

	d.shell.opened = dir
	_, err = cands.AttachFile(ada.ID)
	fileError(t, err, "is a folder")

	// The service's own checks still apply to what was read.
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d.shell.opened = empty
	_, err = cands.AttachFile(ada.ID)
	fileError(t, err, "empty.txt is empty")

	d.shell.opened = cv
	if _, err := cands.AttachFile(ada.ID + 999); asUser(t, err).Code != "not_found" {
		t.Errorf("attached to a candidate who is not there: %v", err)
	}
}

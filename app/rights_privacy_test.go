// Who may erase, export everything held about a candidate and set the
// retention policy, through the Privacy bindings; and what the recruiter gets.

package app

import (
	"archive/zip"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
)

const privacyNote = "Only the recruiter erases or anonymises candidates, exports everything held about one, or sets the retention policy."

func TestPrivacyIsRefusedToNobodyAndToAnInterviewer(t *testing.T) {
	b := newBench(t)
	p := privacyOf(b)
	b.shell.savePth = filepath.Join(b.dir, "subject.zip")
	calls := map[string]func() error{
		"Erase":          func() error { return errOf(p.Erase(b.adaID, "erase")) },
		"Anonymise":      func() error { return errOf(p.Erase(b.adaID, "anonymise")) },
		"ExportSubject":  func() error { return errOf(p.ExportSubject(b.adaID)) },
		"SetRetention":   func() error { return errOf(p.SetRetention(6)) },
		"ApplyRetention": func() error { return errOf(p.ApplyRetention([]int64{b.adaID}, "erase")) },
	}
	b.ws.SignOut()
	for name, call := range calls {
		if ue := asUser(t, call()); ue.Code != "invalid" || !strings.Contains(ue.Message, "Choose who you are") {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
	for name, call := range map[string]func() error{
		"Rights": func() error { return errOf(p.Rights()) }, "Retention": func() error { return errOf(p.Retention()) },
		"AuditLog": func() error { return errOf(p.AuditLog()) },
	} {
		if ue := asUser(t, call()); ue.Code != "invalid" {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	for name, call := range calls {
		refused(t, "Sam's "+name, call(), privacyNote)
	}
	if b.shell.asked != 0 {
		t.Errorf("a save dialog opened %d times for someone who may not export", b.shell.asked)
	}
	if r, err := p.Rights(); err != nil || r.Manage || r.ManageNote != privacyNote {
		t.Errorf("Sam's rights: %+v, %v", r, err)
	}
	// Reading the review and the log is anyone's: neither changes anything.
	if _, err := p.Retention(); err != nil {
		t.Errorf("Sam's retention review: %v", err)
	}
	if log, err := p.AuditLog(); err != nil || len(log) != 0 {
		t.Errorf("Sam's audit log: %+v, %v", log, err)
	}
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	if det, err := b.cands.Detail(b.adaID); err != nil || det.Candidate.Name != "Ada Lovelace" {
		t.Errorf("Ada after the refusals: %+v, %v", det.Candidate, err)
	}
}

func TestTheRecruiterExportsThenErasesACandidate(t *testing.T) {
	b := newBench(t)
	p := privacyOf(b)
	if r, err := p.Rights(); err != nil || !r.Manage || r.ManageNote != "" {
		t.Errorf("Riley's rights: %+v, %v", r, err)
	}
	if _, err := b.cands.AddNote(b.adaID, "Ada asked for everything we hold."); err != nil {
		t.Fatal(err)
	}
	b.shell.savePth = filepath.Join(b.dir, "ada.zip")
	res, err := p.ExportSubject(b.adaID)
	// The page gets the file's name alone: the folders above it can hold people's names.
	if err != nil || !res.Saved || res.Name != "ada.zip" || res.Attachments != 0 {
		t.Fatalf("export: %+v, %v", res, err)
	}
	if out, _ := json.Marshal(res); strings.Contains(string(out), b.dir) {
		t.Errorf("the result holds the folder: %s", out)
	}
	zr, err := zip.OpenReader(b.shell.savePth)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var doc string
	for _, f := range zr.File {
		if f.Name == "subject.json" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			doc = string(b)
		}
	}
	for _, want := range []string{`"email": "ada@example.com"`, "Ada asked for everything we hold.", `"format": "hirebench.subject/v1"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("subject.json lacks %s", want)
		}
	}
	// Cancelled: nothing written, no error.
	b.shell.savePth = ""
	if res, err := p.ExportSubject(b.adaID); err != nil || res.Saved {
		t.Errorf("a closed dialog: %+v, %v", res, err)
	}

	out, err := p.Erase(b.adaID, "erase")
	if err != nil || out.Candidates != 1 || out.Counts["candidates"] != 1 || out.Counts["notes"] != 1 || out.Outside == "" {
		t.Fatalf("erase: %+v, %v", out, err)
	}
	if _, err := b.cands.Detail(b.adaID); asUser(t, err).Code != "not_found" {
		t.Errorf("Ada is still there: %v", err)
	}
	log, err := p.AuditLog()
	if err != nil || len(log) != 1 || log[0].ActorName != "Riley Chen" || log[0].CandidateID != b.adaID || log[0].Why != "request" {
		t.Errorf("audit: %+v, %v", log, err)
	}
	page, _ := b.cands.List(model.CandidateFilter{Query: "Ada"})
	if page.Total != 0 {
		t.Errorf("search still finds Ada: %+v", page.Rows)
	}
}

package tracking_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
)

func resumeFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../resumetext/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A resume file's text becomes the candidate's resume text when they have
// none, for a person to correct; text a person typed is never replaced.
func TestAttachProposesResumeText(t *testing.T) {
	e := newEnv(t)
	grace := e.candidate(t, model.CandidateInput{Name: "Grace Example"})
	a, err := e.svc.Attach(e.ctx, grace.ID, "grace.docx", resumeFixture(t, "resume.docx"), e.actor)
	if err != nil {
		t.Fatal(err)
	}
	want := "Grace Example\nLine one\nLine two after a break\n2021\tSearch & analysis, embeddings\n2023\tDeveloper tools\nLanguages: Go, Python"
	if got := e.detail(t, grace.ID).Candidate.ResumeText; got != want || !a.ResumeFilled || a.TextProblem != "" {
		t.Fatalf("resume text = %q (filled %v, problem %q), want the document's text", got, a.ResumeFilled, a.TextProblem)
	}
	if got := e.search(t, "developer tools"); !slices.Equal(got, []int64{grace.ID}) {
		t.Errorf("the document's text is not searchable: %v", got)
	}

	// Corrected by hand, then a second file: the correction stays, and the
	// new file's text is searchable with the file.
	fixed := want + "\nCorrected by hand."
	if _, err := e.svc.UpdateCandidate(e.ctx, grace.ID, model.CandidatePatch{ResumeText: &fixed}, e.actor); err != nil {
		t.Fatal(err)
	}
	b, err := e.svc.Attach(e.ctx, grace.ID, "ada.pdf", resumeFixture(t, "resume.pdf"), e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.detail(t, grace.ID).Candidate.ResumeText; got != fixed || b.ResumeFilled || !b.HasText {
		t.Errorf("second file replaced the corrected text: %q (filled %v, has text %v)", got, b.ResumeFilled, b.HasText)
	}
	if got := e.search(t, "Zürich"); !slices.Equal(got, []int64{grace.ID}) {
		t.Errorf("the second file's text is not searchable: %v", got)
	}

	typed := e.candidate(t, model.CandidateInput{Name: "Typed", ResumeText: "Pasted by a recruiter."})
	if c, err := e.svc.Attach(e.ctx, typed.ID, "cv.pdf", resumeFixture(t, "resume.pdf"), e.actor); err != nil || c.ResumeFilled {
		t.Errorf("attach to typed: filled %v, %v", c.ResumeFilled, err)
	}
	if got := e.detail(t, typed.ID).Candidate.ResumeText; got != "Pasted by a recruiter." {
		t.Errorf("typed resume text replaced: %q", got)
	}
}

// A PDF whose text cannot be read is still kept; the answer says why in
// plain words and quotes nothing from it.
func TestAttachDamagedPDFKeepsTheFile(t *testing.T) {
	e := newEnv(t)
	c := e.candidate(t, model.CandidateInput{Name: "Ada"})
	a, err := e.svc.Attach(e.ctx, c.ID, "cv.pdf", []byte("%PDF-1.7\nSECRET-WORD no objects here"), e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.TextProblem, "cv.pdf") || !strings.Contains(a.TextProblem, "may be damaged") || strings.Contains(a.TextProblem, "SECRET") {
		t.Errorf("text problem = %q", a.TextProblem)
	}
	if d := e.detail(t, c.ID); len(d.Attachments) != 1 || d.Candidate.ResumeText != "" || a.ResumeFilled {
		t.Errorf("damaged PDF: %d attachments, resume %q", len(d.Attachments), d.Candidate.ResumeText)
	}
}

package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// `candidates resume-text` shows a file's text without storing anything;
// --save attaches it, its text becoming the resume text only when there is
// none yet.
func TestCandidatesResumeText(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "candidates", "add", "--name", "Grace Example", "--json")
	var cand struct{ ID int64 }
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &cand) != nil {
		t.Fatalf("candidates add: %d %s", r.code, r.stderr)
	}
	id := strconv.FormatInt(cand.ID, 10)
	docx := filepath.Join("..", "resumetext", "testdata", "resume.docx")
	want := "Grace Example\nLine one\nLine two after a break\n2021\tSearch & analysis, embeddings\n2023\tDeveloper tools\nLanguages: Go, Python"

	r = run(t, dir, "candidates", "resume-text", "--candidate", id, "--from", docx)
	if r.code != 0 || r.stdout != want+"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	type answer struct {
		Text                string
		Characters          int
		Saved, ResumeFilled bool
	}
	save := func() answer {
		t.Helper()
		r := run(t, dir, "candidates", "resume-text", "--candidate", id, "--from", docx, "--save", "--json")
		var a answer
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &a) != nil {
			t.Fatalf("--save: %d %q %q", r.code, r.stdout, r.stderr)
		}
		return a
	}
	if a := save(); a.Text != want || a.Characters != utf8.RuneCountInString(want) || !a.Saved || !a.ResumeFilled {
		t.Errorf("first save = %+v; want the text, saved, and filled (the candidate had no resume text)", a)
	}
	if a := save(); !a.Saved || a.ResumeFilled {
		t.Errorf("second save = %+v; the resume text was already there and must be kept", a)
	}
	if r := run(t, dir, "candidates", "list", "--query", "developer tools", "--json"); !strings.Contains(r.stdout, "Grace Example") {
		t.Errorf("the saved text is not searchable: %s", r.stdout)
	}
}

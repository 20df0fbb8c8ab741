package cli_test

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
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

// A FIFO, a device and zip bombs dressed as Word files are refused in one
// plain line, quickly, and nothing is stored, even with --save.
func TestHostileResumeFiles(t *testing.T) {
	dir := demoWorkspace(t)
	args := func(file string) []string {
		return []string{"candidates", "resume-text", "--candidate", "1", "--from", file, "--save"}
	}
	bomb := func(name string, declared uint64) func(t *testing.T) string {
		return func(t *testing.T) string {
			return hostileFile(t, name, func(w io.Writer) {
				writeZip(t, w, []zipEntry{{name: "[Content_Types].xml", data: []byte("<Types/>")},
					{name: "word/document.xml", data: []byte(`<w:document xmlns:w="w"><w:body><w:p><w:t>`), zeros: 4 << 10, declared: declared}})
			})
		}
	}
	refuseAll(t, dir, []hostileCase{
		{"a FIFO", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "cv.pdf")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skipf("no FIFO here: %v", err)
			}
			return p
		}, args, []string{"is not an ordinary file"}},
		{"/dev/zero", func(t *testing.T) string { return "/dev/zero" }, args, []string{"is not an ordinary file"}},
		{"a docx unpacking to 4 GB", bomb("bomb.docx", 0), args, []string{"unpacks to more than 32 MB"}},
		{"a docx that lies about its size", bomb("liar.docx", 100), args, []string{"may be damaged"}},
		{"a PDF that is not one", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "fake.pdf")
			os.WriteFile(p, []byte("<html>SECRET</html>"), 0o600)
			return p
		}, args, []string{"is not a PDF"}},
		{"a folder", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "cv.docx")
			os.Mkdir(p, 0o700)
			return p
		}, args, []string{"is a folder"}},
	}, 10*time.Second)
}

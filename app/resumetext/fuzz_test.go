package resumetext

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"hirebench/app/model"
)

// FuzzExtract: whatever the bytes, Extract returns tidy text within the
// limit or a plain refusal, and never panics.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"resume.pdf", "resume.docx", "table.pdf", "resume.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(strings.Index("pdf docx txt", filepath.Ext(name)[1:])/4), data) // 0 pdf, 1 docx, 2 txt
	}
	f.Add(uint8(0), minimalPDF(f, []string{"BT /F1 12 Tf 72 720 Td [(a)-300(b)] TJ T* (c) ' ET"}, "", true))
	f.Add(uint8(1), docx(f, `<w:p><w:r><w:t>a</w:t><w:tab/></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`))
	f.Add(uint8(2), []byte("\xff\xfea\x00\u202e"))
	defer func(d time.Duration) { pdfDeadline = d }(pdfDeadline)
	pdfDeadline = 2 * time.Second
	kinds := []string{"f.pdf", "f.docx", "f.txt"}
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		// A read that outlives its deadline by far is a hang: crash so the
		// fuzzer keeps the input.
		hang := time.AfterFunc(10*time.Second, func() { panic("Extract hung") })
		defer hang.Stop()
		text, err := Extract(kinds[int(kind)%len(kinds)], data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) && !errors.Is(err, ErrUnsupported) {
				t.Fatalf("not a plain refusal: %v", err)
			}
			return
		}
		if !utf8.ValidString(text) || utf8.RuneCountInString(text) > model.MaxResumeText {
			t.Fatalf("text not valid or over the limit: %d bytes", len(text))
		}
		if text != strings.TrimSpace(text) || strings.Contains(text, "\n\n\n") || text != model.MultiLine(text) {
			t.Fatalf("text not tidy: %q", text)
		}
	})
}

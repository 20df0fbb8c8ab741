// Fuzz test for what an attachment is checked against (its kind from its name
// and content) and the text taken from it for search: no file panics, a
// refusal names the file, and extracted text is clean, valid and bounded.

package tracking

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"hirebench/app/model"
)

func FuzzSniff(f *testing.F) {
	f.Add("ada.txt", []byte("\xef\xbb\xbfAda Lovelace\r\nCut token spend by 40%.\n"))
	f.Add("cv.md", []byte("# Zo\xeb\n\x1b[31mred\x07 \u202eevil\u202c"))
	f.Add("cv.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	f.Add("cv.docx", []byte("PK\x03\x04\x14\x00"))
	f.Add("CV.TXT", []byte("NUL\x00inside"))
	f.Add("photo.png", []byte("\x89PNG\r\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsRune(name, '/') {
			return // Attach takes the base name and refuses an empty one first
		}
		mime, text, _, err := fileText(name, data)
		if err != nil {
			var ve *model.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "file" || !strings.Contains(ve.Fields[0].Message, name) {
				t.Fatalf("refusal %v (%T) does not name the file %q", err, err, name)
			}
			return
		}
		if mime == "" {
			t.Fatal("accepted without a kind")
		}
		if !utf8.ValidString(text) || utf8.RuneCountInString(text) > model.MaxResumeText || text != model.MultiLine(text) {
			t.Fatalf("extracted text %+q is not clean", text)
		}
		if i := strings.IndexFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }); i >= 0 {
			t.Fatalf("extracted text keeps a control character at %d: %+q", i, text)
		}
	})
}

// Package resumetext reads the text of a resume file (PDF, DOCX, TXT) so a
// person can check and correct it instead of pasting it by hand. It is pure:
// bytes in, tidied text out, every read bounded; its errors name the file and
// its kind, never what it says.
package resumetext

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"hirebench/app/model"
)

// ErrUnsupported: a file kind whose text is not read (only PDF, DOCX, TXT).
var ErrUnsupported = errors.New("only PDF, DOCX and TXT files have their text read")

// Error is a refusal in plain words, naming the file and its kind.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

func refuse(format string, args ...any) error { return &Error{fmt.Sprintf(format, args...)} }

// Kind is the file kind Extract reads name as ("pdf", "docx", "txt"), or ""
// when it reads none.
func Kind(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "pdf"
	case ".docx":
		return "docx"
	case ".txt", ".md":
		return "txt"
	}
	return ""
}

// Extract returns the text of a resume file, tidied as typed text is (see
// Tidy). name is the base name the person sees; it picks the kind and words
// errors. An empty text with no error means the file holds no text (a
// scanned PDF).
func Extract(name string, data []byte) (string, error) {
	var text string
	var err error
	switch Kind(name) {
	case "pdf":
		text, err = readPDF(name, data)
	case "docx":
		text, err = readDOCX(name, data)
	case "txt":
		text, err = readTXT(name, data)
	default:
		return "", fmt.Errorf("%s cannot be read: %w", name, ErrUnsupported)
	}
	if err != nil {
		return "", err
	}
	text = Tidy(text)
	if utf8.RuneCountInString(text) > model.MaxResumeText {
		return "", tooMuchText(name)
	}
	return text, nil
}

func tooMuchText(name string) error {
	return refuse("%s holds more than %d characters of text, more than a resume can hold", name, model.MaxResumeText)
}

var (
	spaces     = regexp.MustCompile(`[ \x{00a0}]{2,}`)
	beforeTab  = regexp.MustCompile(` +\t`)
	blankLines = regexp.MustCompile(`\n{3,}`)
)

// Tidy applies the model's rules for typed text (no control characters, no
// bidi overrides or isolates, see model.MultiLine), then drops the spaces
// layout leaves at line ends, runs of spaces, and more than one blank line.
func Tidy(s string) string {
	s = strings.ReplaceAll(s, "\r", "\n")
	s = model.MultiLine(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(beforeTab.ReplaceAllString(spaces.ReplaceAllString(l, " "), "\t"), " \t")
	}
	return strings.TrimSpace(blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

// readTXT reads UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order
// mark (Windows Notepad's "Unicode"), and, when the bytes are not UTF-8,
// Latin-1: old exports are often Windows-1252/Latin-1, and reading them so
// keeps "João" instead of replacing letters.
func readTXT(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return utf16Text(data[2:], data[0] == 0xfe), nil
	case bytes.IndexByte(data, 0) >= 0:
		return "", refuse("%s is named %s but holds binary data, not text", name, filepath.Ext(name))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	r := make([]rune, len(data))
	for i, c := range data {
		r[i] = rune(c)
	}
	return string(r), nil
}

func utf16Text(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u)) // unpaired surrogates become U+FFFD
}

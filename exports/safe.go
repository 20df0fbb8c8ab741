// Keeps exported text safe: spots formula triggers, caps cells at Excel's limit,
// and allows only https and mailto hyperlinks.

package exports

import (
	"net/url"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxCellChars is Excel's limit on the characters of one cell, counted in
// UTF-16 code units as Excel counts them.
const MaxCellChars = 32767

// truncatedMark ends a text that capText had to cut, so nobody mistakes a
// shortened note for the whole note.
const truncatedMark = "… [truncated]"

// formulaTrigger reports whether a spreadsheet would read s as a formula
// (or as the start of one) if a person typed it or a CSV importer read it:
// OWASP's CSV-injection list, a leading = + - @ TAB or CR.
func formulaTrigger(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// csvText is a text field as the CSV files write it: prefixed with a single
// quote when it starts with a formula trigger (OWASP), then capped.
func csvText(s string) string {
	if formulaTrigger(s) {
		s = "'" + s
	}
	return capText(s)
}

// capText cuts s to at most MaxCellChars UTF-16 code units, ending it with
// truncatedMark when it had to cut; it never splits a character.
func capText(s string) string {
	// Fast path: a string of at most MaxCellChars bytes has at most that
	// many UTF-16 units (every rune takes at least as many bytes as units).
	if len(s) <= MaxCellChars {
		return s
	}
	if utf16Len(s) <= MaxCellChars {
		return s
	}
	budget := MaxCellChars - utf16Len(truncatedMark)
	n := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1 // invalid UTF-8 is written as U+FFFD
		}
		if n+w > budget {
			return s[:i] + truncatedMark
		}
		n += w
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// safeLink says whether url may become a hyperlink in the workbook and
// returns it cleaned up: only absolute https:// links with a host and
// mailto: links with an address are allowed. Everything else — http:,
// javascript:, file:, data:, relative links, UNC paths, anything with
// control characters — is refused and must be written as plain text.
func safeLink(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	if s == "" || len(s) > 2048 {
		return "", false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "", false
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		if u.Host == "" || u.Opaque != "" || u.User != nil {
			return "", false
		}
	case "mailto":
		addr := u.Opaque
		if addr == "" || !strings.Contains(addr, "@") || strings.HasPrefix(addr, "/") {
			return "", false
		}
	default:
		return "", false
	}
	return s, true
}

// Fuzz test for how every name and text is tidied: OneLine and MultiLine keep
// no control or invisible format character, and tidying twice changes
// nothing; a name that passes shows something.

package model

import (
	"strings"
	"testing"
	"unicode"
)

func FuzzOneLineMultiLine(f *testing.F) {
	for _, s := range []string{"  Ada \u200b Lovelace ", "\u202eevil\u202c", "\u0301\u0308", "a\r\nb\tc\x00", "\xff\xfe bad", "\u3164", "\U0001F469\u200d\U0001F4BB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		one, multi := OneLine(s), MultiLine(s)
		if OneLine(one) != one || MultiLine(multi) != multi {
			t.Fatalf("tidying twice changes %+q: %+q, %+q", s, OneLine(one), MultiLine(multi))
		}
		if one != strings.Join(strings.Fields(one), " ") {
			t.Fatalf("OneLine(%+q) = %+q keeps extra white space", s, one)
		}
		for _, r := range one {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u200c' && r != '\u200d' {
				t.Fatalf("OneLine(%+q) = %+q keeps %U", s, one, r)
			}
		}
		for _, r := range multi {
			if unicode.IsControl(r) && r != '\n' && r != '\t' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
				t.Fatalf("MultiLine(%+q) = %+q keeps %U", s, multi, r)
			}
		}
		if _, err := ProfileName(s); err == nil && !Visible(one) {
			t.Fatalf("ProfileName accepts %+q, which shows nothing", s)
		}
	})
}

// Tests that invisible and direction-changing characters never reach a name,
// and that every required name shows something (one rule for all of them).

package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestOneLineDropsInvisibleFormatCharacters(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ada\u200b Lovelace", "Ada Lovelace"},                                           // zero-width space
		{"\ufeffAda\u2060", "Ada"},                                                       // byte-order mark, word joiner
		{"\u202eecalevol adA", "ecalevol adA"},                                           // right-to-left override
		{"Ada \u2066Lovelace\u2069", "Ada Lovelace"},                                     // isolates
		{"\u202aAda\u202c \u202bB\u202c", "Ada B"},                                       // embeddings and pop
		{"\u200eAda\u200f", "Ada"},                                                       // direction marks
		{"so\u00adft", "soft"},                                                           // soft hyphen
		{"Ada\u00a0\u2003Lovelace\u3000", "Ada Lovelace"},                                // no-break, em and ideographic spaces
		{"\u0645\u06cc\u200c\u0634\u0648\u062f", "\u0645\u06cc\u200c\u0634\u0648\u062f"}, // Persian: the joiner is spelling
		{"\U0001F469\u200d\U0001F4BB", "\U0001F469\u200d\U0001F4BB"},                     // an emoji sequence
		{"Zoe\u0308", "Zoe\u0308"},                                                       // a combining mark on a letter stays
	}
	for _, c := range cases {
		if got := OneLine(c.in); got != c.want {
			t.Errorf("OneLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMultiLineDropsReorderingCharacters(t *testing.T) {
	in := "line \u202eone\u202c\nשלום \u200fworld\u200b\n\u2067x\u2069"
	want := "line one\nשלום \u200fworld\nx"
	if got := MultiLine(in); got != want {
		t.Errorf("MultiLine(%q) = %q, want %q", in, got, want)
	}
}

// Every required name (candidate, role, stage, profile) is refused when
// nothing in it shows, with the same words.
func TestNamesMustShowSomething(t *testing.T) {
	invisible := []string{
		"\u200b", "\u2060\u2060", "\ufeff", "\u200b \u200c\u200d", // format characters only
		"\u0301\u0308", "  \u0301 ", // combining marks on nothing
		" \t\u00a0\u2003\u3000\u205f",      // white space of every kind
		"\u3164", "\u115f\u1160", "\u2800", // blank letters
		"\u202e\u202c", "\u2066\u2069\u200e",
	}
	check := func(what string, err error, wantField string) {
		t.Helper()
		var ve *ValidationError
		if err == nil || !asValidation(err, &ve) || ve.Fields[0].Field != wantField {
			t.Errorf("%s: error %v, want one on %q", what, err, wantField)
			return
		}
		msg := ve.Fields[0].Message
		if !strings.HasSuffix(msg, "has no visible characters") && !strings.HasSuffix(msg, "is required") {
			t.Errorf("%s: message %q", what, msg)
		}
	}
	for _, s := range invisible {
		c := CandidateInput{Name: s}
		c.Normalize()
		check("candidate "+quote(s), c.Validate(), "name")
		r := RoleInput{Title: s}
		r.Normalize()
		check("role "+quote(s), r.Validate(), "title")
		_, err := StageName(s)
		check("stage "+quote(s), err, "name")
		_, err = ProfileName(s)
		check("profile "+quote(s), err, "name")
	}
	// Combining marks alone survive normalising, so their message says why.
	c := CandidateInput{Name: "\u0301\u0308"}
	c.Normalize()
	if err := c.Validate(); err == nil || err.Error() != "name: Name has no visible characters" {
		t.Errorf("combining marks only: %v", err)
	}
	if _, err := ProfileName("\u3164"); err == nil || err.Error() != "name: Your name has no visible characters" {
		t.Errorf("Hangul filler: %v", err)
	}
	for _, ok := range []string{"李", "Ø", "9", "\u0645", "?", "\U0001F600", "x\u0301"} {
		if got, err := ProfileName(ok); err != nil || got != ok {
			t.Errorf("ProfileName(%q) = %q, %v", ok, got, err)
		}
	}
}

func asValidation(err error, ve **ValidationError) bool {
	v, ok := err.(*ValidationError)
	if ok && len(v.Fields) > 0 {
		*ve = v
		return true
	}
	return false
}

func quote(s string) string { return fmt.Sprintf("%+q", s) }

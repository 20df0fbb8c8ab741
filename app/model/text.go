// Single-line and multi-line text as the workspace keeps it: control and
// invisible format characters dropped, and the one rule for a name that must
// show something (candidates, roles, stages, profiles, rubrics).

package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneLine collapses whitespace and drops control characters and invisible
// format characters (Unicode category Cf: zero-width spaces, byte-order
// marks, bidirectional overrides and isolates, direction marks), which have
// no place in a name or an address: they break exports and search markers,
// make two names that look alike differ, and can reverse how the text
// around them is shown. The joiners that spell some scripts and emoji
// (U+200C, U+200D) stay.
func OneLine(s string) string {
	return strings.Join(strings.Fields(clean(s, false)), " ")
}

// MultiLine keeps line breaks and tabs but drops other control characters
// and the invisible format characters OneLine drops, except the direction
// marks (U+200E, U+200F, U+061C) that mixed left-to-right and right-to-left
// prose needs; the overrides and isolates that reorder text go.
func MultiLine(s string) string {
	return strings.TrimSpace(clean(strings.ReplaceAll(s, "\r\n", "\n"), true))
}

// DropInvisible drops the invisible format characters OneLine (multiline
// false) or MultiLine (true) drops, and changes nothing else: for formats
// such as rubrics that report control characters instead of dropping them.
// Bytes that are not UTF-8 stay as they are, for the caller to refuse.
func DropInvisible(s string, multiline bool) string {
	var b strings.Builder
	last := 0 // s[last:i] is kept
	for i, r := range s {
		if invisible(r, multiline) {
			b.WriteString(s[last:i])
			last = i + utf8.RuneLen(r)
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func clean(s string, multiline bool) string {
	return strings.Map(func(r rune) rune {
		switch {
		case multiline && (r == '\n' || r == '\t'):
			return r
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r), invisible(r, multiline):
			return -1
		}
		return r
	}, s)
}

// invisible reports a format character (Cf) that text does not keep.
func invisible(r rune, multiline bool) bool {
	switch r {
	case '\u200c', '\u200d': // zero-width non-joiner and joiner: part of the spelling
		return false
	case '\u200e', '\u200f', '\u061c': // direction marks: prose needs them, names do not
		return !multiline
	}
	return unicode.Is(unicode.Cf, r)
}

// Visible reports whether s has at least one character that shows: a
// letter, digit, punctuation mark or symbol. White space, combining marks on
// their own, format characters and the blank "filler" letters do not.
func Visible(s string) bool {
	for _, r := range s {
		switch r {
		case '\u115f', '\u1160', '\u3164', '\uffa0', '\u2800': // Hangul fillers, blank Braille
			continue
		}
		if unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) {
			return true
		}
	}
	return false
}

// checkName is the rule for a normalised name or title that is required:
// present, and with something that shows. what is how the message names it
// ("name", "stage name"). It reports whether the value passed.
func checkName(v *ValidationError, field, what, value string) bool {
	switch {
	case value == "":
		v.Add(field, "%s is required", UpperFirst(what))
	case !Visible(value):
		v.Add(field, "%s has no visible characters", UpperFirst(what))
	default:
		return true
	}
	return false
}

// The two redaction rules that need judgement beyond a pattern: which
// digit runs are phone numbers, and which they-form a pronoun becomes.

package ai

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var notPhone = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`^(?:19|20)\d\d(?: ?[-/ ] ?(?:19|20)\d\d)+$`),                          // 2019-2023, 2019 2021
		regexp.MustCompile(`^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$`), // dates
		regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3}){2,}$`),                                          // versions, IP addresses, 1.000.000
		regexp.MustCompile(`^[1-9]\d? \d{3}(?: \d{3})*$`),                                         // 1 000 000
		regexp.MustCompile(`^\d{5,} ?- ?\d{5,}$`),                                                 // 10000-50000
	}
})

func digits(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, s)
}

// phoneLike takes a digit run as a phone number when it has 7 to 15 digits
// and is not a year range, a date, a version, a grouped count or a range;
// a run of bare digits must start with 0 or + and have 10 or more. The
// candidate's own number (the same last 7+ digits) is always taken.
func phoneLike(own string) func(s string, m []int) (hit, bool) {
	return func(s string, m []int) (hit, bool) {
		start, end := m[0], m[1]
		// Brackets belong to the number only when they pair up.
		cand := s[start:end]
		if strings.Count(cand, "(") != strings.Count(cand, ")") {
			trimmed := strings.TrimRight(strings.TrimLeft(cand, "("), ")")
			start += strings.Index(cand, trimmed)
			end = start + len(trimmed)
			cand = trimmed
		}
		if c, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && (isWordRune(c) || c == '.' || c == ',') {
			return hit{}, false
		}
		if c, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && (isWordRune(c) || c == '%') {
			return hit{}, false
		}
		d := digits(cand)
		if len(own) >= 7 && len(d) >= 7 && (strings.HasSuffix(d, own[len(own)-7:]) || strings.HasSuffix(own, d)) {
			return hit{start: start, end: end}, true
		}
		if len(d) < 7 || len(d) > 15 {
			return hit{}, false
		}
		if d == cand && !(len(d) >= 10 && d[0] == '0') {
			return hit{}, false
		}
		if !strings.HasPrefix(cand, "+") && slices.ContainsFunc(notPhone(), func(re *regexp.Regexp) bool { return re.MatchString(cand) }) {
			return hit{}, false
		}
		return hit{start: start, end: end}, true
	}
}

// After "her" or "his", these words mean the pronoun stands alone ("gave her
// the lead", "the idea was his, and"): them/theirs, not their.
var objectFollowers = map[string]bool{
	"the": true, "a": true, "an": true, "to": true, "with": true, "and": true, "or": true, "but": true,
	"for": true, "in": true, "on": true, "at": true, "as": true, "that": true, "this": true, "about": true,
	"from": true, "by": true, "of": true, "up": true, "out": true, "back": true, "into": true, "over": true,
	"when": true, "because": true, "so": true, "if": true, "again": true, "yet": true, "some": true,
	"any": true, "how": true, "what": true, "why": true, "who": true, "through": true, "after": true,
	"before": true, "too": true, "also": true, "is": true, "was": true, "were": true, "are": true,
}

// verbs after he/she that change with they.
var theyVerbs = map[string]string{
	"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
	"hasn't": "haven't", "doesn't": "don't",
}

// neutralPronoun turns he/she/him/her/his/hers/himself/herself into the
// they-form, keeping capitalisation, and fixes the verb right after he/she.
func neutralPronoun(s string, m []int) (hit, bool) {
	start, end := m[0], m[1]
	if !wordAt(s, start, end) {
		return hit{}, false
	}
	word := s[start:end]
	next, nextStart, nextEnd := nextWord(s, end)
	var repl string
	switch strings.ToLower(word) {
	case "he", "she":
		repl = "they"
		for _, apos := range []string{"'", "’"} {
			if strings.HasPrefix(s[end:], apos+"s") { // he's → they're, he's been → they've been
				tail := "re"
				if after, _, _ := nextWord(s, end+len(apos)+1); strings.EqualFold(after, "been") || strings.EqualFold(after, "got") {
					tail = "ve"
				}
				return hit{start: start, end: end + len(apos) + 1, repl: matchCase(word, "they") + apos + tail, set: true}, true
			}
		}
		if v, ok := theyVerbs[strings.ToLower(strings.ReplaceAll(next, "’", "'"))]; ok && s[end:nextStart] == " " {
			return hit{start: start, end: nextEnd, repl: matchCase(word, "they") + " " + matchCase(next, v), set: true}, true
		}
	case "him":
		repl = "them"
	case "himself", "herself":
		repl = "themselves"
	case "hers":
		repl = "theirs"
	case "her":
		repl = "their"
		if next == "" || objectFollowers[strings.ToLower(next)] {
			repl = "them"
		}
	case "his":
		repl = "their"
		if next == "" || objectFollowers[strings.ToLower(next)] {
			repl = "theirs"
		}
	}
	return hit{start: start, end: end, repl: matchCase(word, repl), set: true}, true
}

// nextWord is the word after s[at:] past white space, if only white space
// comes before it; else "".
func nextWord(s string, at int) (word string, start, end int) {
	i := at
	for i < len(s) {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(c) {
			break
		}
		i += size
	}
	j := i
	for j < len(s) {
		c, size := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(c) && c != '\'' && c != '’' {
			break
		}
		j += size
	}
	return s[i:j], i, j
}

// matchCase spells repl the way word is spelled: "HER" → "THEIR", "Her" →
// "Their", "her" → "their".
func matchCase(word, repl string) string {
	first, _ := utf8.DecodeRuneInString(word)
	switch {
	case len(word) > 1 && strings.ToUpper(word) == word:
		return strings.ToUpper(repl)
	case unicode.IsUpper(first):
		r, size := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(r)) + repl[size:]
	}
	return repl
}

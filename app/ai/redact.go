// Redaction: what identifies a candidate (or hints at their gender) is
// taken out of a text before it leaves the machine, and counted per kind so
// the preview can say what was removed. The rules are in docs/AI.md.

package ai

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kinds of redaction, the keys of Redacted.Kinds.
const (
	KindName      = "name"
	KindEmail     = "email"
	KindPhone     = "phone"
	KindLink      = "link"
	KindLocation  = "location"
	KindPronoun   = "pronoun"
	KindHonorific = "honorific"
)

// Identity is what the workspace knows about the person a text is about.
type Identity struct {
	Name, Email, Phone, Location string
	Links                        []string
}

// Redacted is a text with identity taken out, and how many of each kind
// were replaced (kinds with none are absent).
type Redacted struct {
	Text  string
	Kinds map[string]int
}

// While redacting, a replaced span is held as one private-use rune, so a
// later rule never matches inside an earlier replacement (a candidate named
// "Link" must not turn "[LINK]" into "[[CANDIDATE]]").
var tokens = map[string]struct {
	mark rune
	text string
}{
	KindName:     {'\uE001', "[CANDIDATE]"},
	KindEmail:    {'\uE002', "[EMAIL]"},
	KindPhone:    {'\uE003', "[PHONE]"},
	KindLink:     {'\uE004', "[LINK]"},
	KindLocation: {'\uE005', "[LOCATION]"},
}

// Placeholder returns the first redaction placeholder in s ("[CANDIDATE]",
// "[EMAIL]", …), or "": words quoted from a redacted copy must be the
// resume's own, not what redaction put in their place.
func Placeholder(s string) string {
	for _, t := range tokens {
		if strings.Contains(s, t.text) {
			return t.text
		}
	}
	return ""
}

// patterns are compiled on first use: together they take half a
// millisecond, which start-up of the app must not pay.
var patterns = sync.OnceValue(func() (p struct{ email, link, phone, address, honorific, pronoun *regexp.Regexp }) {
	p.email = regexp.MustCompile(`(?i)[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}`)
	p.link = regexp.MustCompile(`(?i)(?:https?://|www\.|(?:[a-z0-9\-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com|medium\.com|behance\.net|dribbble\.com|stackoverflow\.com|kaggle\.com|huggingface\.co)/)[^\s<>"'()\[\]{}]*`)
	// A phone candidate: optional +, digits with spaces, dots, dashes,
	// slashes or brackets between them; phoneLike decides.
	p.phone = regexp.MustCompile(`\+?\(?\d[\d ().\-/]{5,22}\d`)
	p.address = regexp.MustCompile(`\d{1,5}[ \t]+(?:\p{Lu}[\p{L}'.\-]*[ \t]+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close)\b\.?` +
		`|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b` + // UK postcode
		`|\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b`) // US state and ZIP
	p.honorific = regexp.MustCompile(`(?:Mrs|Mr|Ms|Miss)(\.?[ \t]+)[\p{Lu}\x{E001}]`)
	p.pronoun = regexp.MustCompile(`(?i)himself|herself|hers|her|his|him|he|she`)
	return p
})

// Redact replaces, in this order: emails, links, phone numbers, the
// location and street addresses, the candidate's name (the full name and
// each part of two or more letters, whole words, any case), honorifics
// (dropped) and gendered pronouns (made they/them/their).
func Redact(text string, who Identity) Redacted {
	r, re := redactor{kinds: map[string]int{}}, patterns()
	s := strings.Map(func(c rune) rune {
		if c >= '\uE000' && c <= '\uE00F' { // our marks; meaningless in a resume
			return -1
		}
		return c
	}, text)

	s = r.replace(s, re.email, KindEmail, nil)
	if who.Email != "" {
		s = r.replace(s, literalRe([]string{who.Email}, true), KindEmail, nil)
	}
	s = r.replace(s, re.link, KindLink, trimLink)
	var links []string
	for _, l := range who.Links {
		l = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(linkCore(l), "www."), "//"), "/")
		if len(l) >= 4 {
			links = append(links, l)
		}
	}
	if len(links) > 0 {
		s = r.replace(s, literalRe(links, true), KindLink, nil)
	}
	s = r.replace(s, re.phone, KindPhone, phoneLike(digits(who.Phone)))

	if loc := strings.TrimSpace(who.Location); loc != "" {
		s = r.replace(s, literalRe([]string{loc}, true), KindLocation, wholeWord)
		var short, long []string
		for _, p := range strings.Split(loc, ",") {
			switch p = strings.TrimSpace(p); {
			case letters(p) < 2 || p == loc:
			case letters(p) <= 3: // "UK", "CA": only as written, so "ca." stays
				short = append(short, p)
			default:
				long = append(long, p)
			}
		}
		if len(long) > 0 {
			s = r.replace(s, literalRe(long, true), KindLocation, wholeWord)
		}
		if len(short) > 0 {
			s = r.replace(s, literalRe(short, false), KindLocation, wholeWord)
		}
	}
	s = r.replace(s, re.address, KindLocation, wholeWord)

	if names := nameForms(who.Name); len(names) > 0 {
		s = r.replace(s, literalRe(names, true), KindName, wholeWord)
	}
	s = r.replace(s, re.honorific, KindHonorific, dropHonorific)
	s = r.replace(s, re.pronoun, KindPronoun, neutralPronoun)

	var b strings.Builder
	for _, c := range s {
		if t, ok := tokenOf(c); ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(c)
	}
	return Redacted{Text: b.String(), Kinds: r.kinds}
}

func tokenOf(c rune) (string, bool) {
	for _, t := range tokens {
		if t.mark == c {
			return t.text, true
		}
	}
	return "", false
}

type redactor struct{ kinds map[string]int }

// hit is the span to replace and, when set, what replaces it (else the
// kind's mark).
type hit struct {
	start, end int
	repl       string
	set        bool
}

// replace swaps each match of re that accept takes (all, if nil). A match
// refused is searched again one rune further on, so "Ada" refused inside
// "Adam Ada" does not hide the "Ada" after it.
func (r *redactor) replace(s string, re *regexp.Regexp, kind string, accept func(s string, m []int) (hit, bool)) string {
	if re == nil {
		return s
	}
	var b strings.Builder
	last, pos := 0, 0
	for pos < len(s) {
		m := re.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += pos
			}
		}
		h, ok := hit{start: m[0], end: m[1]}, true
		if accept != nil {
			h, ok = accept(s, m)
		}
		if !ok || h.end <= h.start {
			_, size := utf8.DecodeRuneInString(s[m[0]:])
			pos = m[0] + size
			continue
		}
		b.WriteString(s[last:h.start])
		if h.set {
			b.WriteString(h.repl)
		} else {
			b.WriteRune(tokens[kind].mark)
		}
		r.kinds[kind]++
		last, pos = h.end, h.end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// literalRe matches any of words (longest first), white space inside
// matching any run of it and an apostrophe either apostrophe; nil if no
// word has anything to match.
func literalRe(words []string, fold bool) *regexp.Regexp {
	words = slices.Clone(words)
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })
	var alts []string
	for _, w := range words {
		parts := strings.Fields(strings.ToValidUTF8(w, ""))
		for j, p := range parts {
			p = regexp.QuoteMeta(p)
			p = strings.NewReplacer("'", "['’]", "’", "['’]").Replace(p)
			parts[j] = p
		}
		if len(parts) > 0 {
			alts = append(alts, strings.Join(parts, `\s+`))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	prefix := ""
	if fold {
		prefix = "(?i)"
	}
	return regexp.MustCompile(prefix + "(?:" + strings.Join(alts, "|") + ")")
}

// nameForms is the full name and its parts of two or more letters, split
// at spaces, hyphens and dots ("Mary-Jane" also gives "Mary" and "Jane").
func nameForms(name string) []string {
	name = strings.Join(strings.Fields(name), " ")
	if letters(name) < 2 {
		return nil
	}
	forms := []string{name}
	for _, f := range strings.FieldsFunc(name, func(c rune) bool { return unicode.IsSpace(c) }) {
		forms = append(forms, f)
		forms = append(forms, strings.FieldsFunc(f, func(c rune) bool { return c == '-' || c == '.' })...)
	}
	var out []string
	for _, f := range forms {
		f = strings.Trim(f, ".,'’-")
		if letters(f) >= 2 && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func letters(s string) int {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			n++
		}
	}
	return n
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_'
}

// wordAt reports whether s[start:end] stands as whole words: no letter,
// digit or mark joins it on either side.
func wordAt(s string, start, end int) bool {
	if c, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && isWordRune(c) {
		return false
	}
	if c, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && isWordRune(c) {
		return false
	}
	return true
}

func wholeWord(s string, m []int) (hit, bool) {
	return hit{start: m[0], end: m[1]}, wordAt(s, m[0], m[1])
}

// trimLink leaves sentence punctuation after a link in the text.
func trimLink(s string, m []int) (hit, bool) {
	end := m[0] + len(strings.TrimRight(s[m[0]:m[1]], ".,;:!?"))
	if c, _ := utf8.DecodeLastRuneInString(s[:m[0]]); m[0] > 0 && (isWordRune(c) || c == '.' || c == '@') {
		return hit{}, false // inside a longer host name or an address
	}
	return hit{start: m[0], end: end}, true
}

// linkCore is a link without its scheme, for finding it written without one.
func linkCore(l string) string {
	l = strings.TrimSpace(l)
	if i := strings.Index(l, "://"); i >= 0 {
		l = l[i+3:]
	}
	return l
}

func dropHonorific(s string, m []int) (hit, bool) {
	if c, _ := utf8.DecodeLastRuneInString(s[:m[0]]); m[0] > 0 && isWordRune(c) {
		return hit{}, false
	}
	return hit{start: m[0], end: m[3], set: true}, true
}

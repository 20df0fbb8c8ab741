// Resume screens: marking each checklist flag present, absent or unclear, with
// evidence that must be quoted from the resume, and the advance-or-reject decision.

package scoring

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

type Mark string

const (
	Present Mark = "present"
	Absent  Mark = "absent"
	Unclear Mark = "unclear"
)

type Decision string

const (
	Undecided Decision = ""
	Advance   Decision = "advance"
	Reject    Decision = "reject"
)

const MaxEvidence = 1000

// FlagMark is the screener's call on one checklist flag.
type FlagMark struct {
	Mark     Mark   `json:"mark"`
	Evidence string `json:"evidence"`
}

// Screen is a resume screen of one application against a checklist.
type Screen struct {
	ApplicationID   int64               `json:"applicationId"`
	RubricVersionID int64               `json:"rubricVersionId"`
	Checklist       []rubric.ScreenFlag `json:"checklist"`
	Marks           map[string]FlagMark `json:"marks"`
	Decision        Decision            `json:"decision"`
	// Suggested is the decision the marks point to (Suggest).
	Suggested      Decision `json:"suggested"`
	RejectReason   string   `json:"rejectReason"`
	OverrideReason string   `json:"overrideReason"`
	// Second: the optional second screener's independent screen.
	Second     bool   `json:"second"`
	AuthorID   int64  `json:"authorId"`
	AuthorName string `json:"authorName"`
	UpdatedAt  string `json:"updatedAt"`
}

// ScreenInput saves a screen; the checklist comes from the stored version.
type ScreenInput struct {
	ApplicationID int64               `json:"applicationId"`
	Marks         map[string]FlagMark `json:"marks"`
	Decision      Decision            `json:"decision"`
	// RejectReason is required to reject; OverrideReason to decide
	// otherwise than the marks suggest (docs/SCREEN.md).
	RejectReason   string `json:"rejectReason"`
	OverrideReason string `json:"overrideReason"`
	// Second saves the second screener's independent screen.
	Second bool `json:"second"`
}

// CheckScreen validates marks against the checklist and the resume text:
// evidence must be a quote that really occurs in the resume, so a screen
// cannot cite what the candidate never wrote; then the structured rules
// (checkScreenRules). It tidies in's reasons in place.
// A quote may come from any of texts (the resume, and the redacted copy a
// blind screener reads).
func CheckScreen(checklist []rubric.ScreenFlag, in *ScreenInput, texts ...string) (map[string]FlagMark, error) {
	v := &model.ValidationError{}
	known := map[string]bool{}
	for _, f := range checklist {
		known[f.ID] = true
	}
	hays := make([]QuoteIndex, len(texts))
	for i, t := range texts {
		hays[i] = NewQuoteIndex(t)
	}
	found := func(q string) bool {
		for _, h := range hays {
			if _, _, ok := h.Find(q); ok {
				return true
			}
		}
		return false
	}
	out := map[string]FlagMark{}
	for id, m := range in.Marks {
		field := "marks." + id
		if !known[id] {
			v.Add(field, "unknown checklist item %q", id)
			continue
		}
		switch m.Mark {
		case Present, Absent, Unclear, "":
		default:
			v.Add(field, "%q is not present, absent or unclear", m.Mark)
			continue
		}
		m.Evidence = model.OneLine(m.Evidence)
		if utf8.RuneCountInString(m.Evidence) > MaxEvidence {
			v.Add(field, "evidence is longer than %d characters", MaxEvidence)
			continue
		}
		if m.Evidence != "" && !found(m.Evidence) {
			v.Add(field, "the evidence %q does not occur in the resume text; paste an exact quote", shortQuote(m.Evidence))
			continue
		}
		if m.Mark == "" && m.Evidence == "" {
			continue
		}
		out[id] = m
	}
	switch in.Decision {
	case Undecided, Advance, Reject:
	default:
		v.Add("decision", "%q is not advance or reject", in.Decision)
	}
	if len(v.Fields) == 0 {
		checkScreenRules(v, checklist, out, in)
	}
	return out, v.Err()
}

// FindQuote reports where quote occurs in text, as byte offsets of the
// matched span in text itself, so text[start:end] is what the source says.
// It is the one check for "this quote is in the resume", used by the human
// screen and by AI suggestions alike: case is ignored, any run of white
// space matches any other, typographic quote marks match straight ones,
// invisible format characters are ignored, and quote marks around the quote
// are trimmed. A quote with nothing left to find is not found.
func FindQuote(text, quote string) (start, end int, ok bool) {
	return NewQuoteIndex(text).Find(quote)
}

// QuoteIndex is a text folded once for many FindQuote lookups (a checklist
// has up to 40 flags; the resume may be a megabyte).
type QuoteIndex struct {
	text   string
	folded string
	from   []int32 // from[i] is the offset in text of the rune that gave folded[i]
}

func NewQuoteIndex(text string) QuoteIndex {
	var b strings.Builder
	b.Grow(len(text))
	from := make([]int32, 0, len(text))
	foldText(text, func(r rune, at int) {
		n, _ := b.WriteRune(r)
		for range n {
			from = append(from, int32(at))
		}
	})
	return QuoteIndex{text: text, folded: b.String(), from: from}
}

// Find is FindQuote over the indexed text.
func (q QuoteIndex) Find(quote string) (start, end int, ok bool) {
	var b strings.Builder
	foldText(quote, func(r rune, _ int) { b.WriteRune(r) })
	// Trimmed after folding, so marks hidden behind a control or format
	// character ("\x00\"") are trimmed too.
	needle := strings.Trim(b.String(), foldedQuoteMarks)
	if needle == "" {
		return 0, 0, false
	}
	i := strings.Index(q.folded, needle)
	if i < 0 {
		return 0, 0, false
	}
	last := int(q.from[i+len(needle)-1])
	_, size := utf8.DecodeRuneInString(q.text[last:])
	return int(q.from[i]), last + size, true
}

// foldedQuoteMarks are what quote marks and white space fold to.
const foldedQuoteMarks = "\"' "

// foldText hands emit each rune of s as it compares, with its offset in s:
// lower case, straight quote marks, one space for each run of white space
// (none at either end), nothing for control and invisible format characters.
func foldText(s string, emit func(r rune, at int)) {
	space := -1 // offset of a pending run of white space
	started := false
	for at, r := range s {
		switch {
		case unicode.IsSpace(r):
			if started && space < 0 {
				space = at
			}
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r) && r != '\u200c' && r != '\u200d':
			continue
		}
		if space >= 0 {
			emit(' ', space)
			space = -1
		}
		started = true
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’', '‚':
			r = '\''
		}
		emit(unicode.ToLower(r), at)
	}
}

func shortQuote(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return fmt.Sprintf("%s…", string([]rune(s)[:39]))
}

package scoring

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"hirebench/app/rubric"
)

// A quote is found however the resume spaces, breaks or capitalises it, and
// the offsets point at the span of the resume itself, so the screen can
// show the candidate's own words.
func TestFindQuoteOffsets(t *testing.T) {
	cases := []struct {
		name, text, quote string
		want              string // text[start:end]; "" = not found
	}{
		{"exact", "Shipped a support bot.", "a support bot", "a support bot"},
		{"runs of spaces", "Shipped a   support\tbot.", "a support bot", "a   support\tbot"},
		{"line breaks", "Shipped a\nsupport\r\n  bot.", "a support bot", "a\nsupport\r\n  bot"},
		{"quote spaced, text not", "cut costs by 60%", "cut  costs\nby 60%", "cut costs by 60%"},
		{"case", "Led the RAG Pipeline rewrite", "the rag pipeline", "the RAG Pipeline"},
		{"typographic quotes around", "cut costs by 60%.", "“cut costs by 60%”", "cut costs by 60%"},
		{"straight quotes and spaces around", "cut costs by 60%.", ` "cut costs" `, "cut costs"},
		{"curly apostrophe in text", "Ada’s team cut latency", "Ada's team", "Ada’s team"},
		{"straight apostrophe in text", "Ada's team cut latency", "Ada’s team", "Ada's team"},
		{"curly double quotes inside", `called it “Ask HR” internally`, `called it "Ask HR" internally`, `called it “Ask HR” internally`},
		{"multi-byte before the match", "Zoë Ünal — München. Built évals", "built évals", "Built évals"},
		{"multi-byte inside, other case", "ÉCOLE Polytechnique", "école poly", "ÉCOLE Poly"},
		{"lower case changes byte length", "Kelvin scale: 300 \u212a", "300 k", "300 \u212a"},
		{"dotted capital I", "Office: \u0130stanbul", "istanbul", "\u0130stanbul"},
		{"non-breaking space", "20k\u00a0users", "20k users", "20k\u00a0users"},
		{"zero-width space ignored", "Open\u200bAI evals", "openai evals", "Open\u200bAI evals"},
		{"first of two", "bot one; bot two", "bot", "bot"},
		{"invented", "Shipped a support bot.", "led 50 engineers", ""},
		{"words run together", "a support bot", "asupport bot", ""},
		{"empty", "anything", "", ""},
		{"only quote marks", "anything", `“”`, ""},
		{"only spaces", "a b", "   ", ""},
		{"a quote mark behind control characters", `"0`, "\x00\"\x00", ""},
		{"quote marks behind a format character", `say "hi"`, "\u200b“hi”", "hi"},
	}
	for _, c := range cases {
		start, end, ok := FindQuote(c.text, c.quote)
		if c.want == "" {
			if ok {
				t.Errorf("%s: found %q at %d:%d, want not found", c.name, c.text[start:end], start, end)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not found, want %q", c.name, c.want)
			continue
		}
		if got := c.text[start:end]; got != c.want {
			t.Errorf("%s: span %d:%d is %q, want %q", c.name, start, end, got, c.want)
		}
	}
}

// The span is where the quote first occurs, counted in bytes of the original.
func TestFindQuoteByteOffsets(t *testing.T) {
	text := "é  Python\n3.12 and Go"
	start, end, ok := FindQuote(text, "python 3.12")
	// "é" is 2 bytes, then 2 spaces: "Python" begins at byte 4; "Python\n3.12" is 11 bytes.
	if !ok || start != 4 || end != 15 {
		t.Errorf("got %d:%d %v, want 4:15 true", start, end, ok)
	}
}

// One index answers many lookups the same way FindQuote does.
func TestQuoteIndexReused(t *testing.T) {
	text := strings.Repeat("filler words here. ", 1000) + "Cut API spend by 60% in Q3."
	ix := NewQuoteIndex(text)
	for _, q := range []string{"cut api spend", "60% in q3", "filler words"} {
		s1, e1, ok1 := ix.Find(q)
		s2, e2, ok2 := FindQuote(text, q)
		if !ok1 || s1 != s2 || e1 != e2 || ok1 != ok2 {
			t.Errorf("%q: index %d:%d %v, FindQuote %d:%d %v", q, s1, e1, ok1, s2, e2, ok2)
		}
	}
	if _, _, ok := ix.Find("spend by 70%"); ok {
		t.Error("a quote that is not there was found")
	}
}

// The human screen refuses what FindQuote cannot find, and accepts what it
// finds, so AI and people are held to the same rule.
func TestCheckScreenUsesFindQuote(t *testing.T) {
	list := []rubric.ScreenFlag{{ID: "prod", Kind: rubric.GreenFlag, Text: "Production"}}
	resume := "Ada’s bot served\n20k users"
	for _, c := range []struct {
		evidence string
		ok       bool
	}{
		{"Ada's bot served 20k users", true},
		{"ada’s BOT", true},
		{`""`, false},
		{"Ada's bot served 30k users", false},
	} {
		_, err := CheckScreen(list, &ScreenInput{Marks: map[string]FlagMark{"prod": {Mark: Present, Evidence: c.evidence}}}, resume)
		if (err == nil) != c.ok {
			t.Errorf("evidence %q: err %v, want accepted %v", c.evidence, err, c.ok)
		}
	}
}

// Whatever the text, a found span lies inside it and is itself found; and
// any piece of the text with something visible in it is found.
func FuzzFindQuote(f *testing.F) {
	f.Add("Ada’s bot served\n20k users", "ada's BOT", 0, 9)
	f.Add("\u0130\u212a  x", "ik", 1, 5)
	f.Add("a\xffb", "\xff", 0, 3)
	f.Fuzz(func(t *testing.T, text, quote string, i, j int) {
		if start, end, ok := FindQuote(text, quote); ok {
			if start < 0 || start > end || end > len(text) {
				t.Fatalf("span %d:%d outside %d bytes", start, end, len(text))
			}
			if _, _, again := FindQuote(text, text[start:end]); !again {
				t.Fatalf("span %q not found again", text[start:end])
			}
		}
		if i < 0 || j < 0 {
			return
		}
		i, j = i%(len(text)+1), j%(len(text)+1)
		if i > j {
			i, j = j, i
		}
		piece := text[i:j]
		if !utf8.ValidString(text) {
			return
		}
		if _, _, ok := FindQuote(text, piece); !ok && utf8.ValidString(piece) && visible(piece) {
			t.Fatalf("piece %q of %q not found", piece, text)
		}
	})
}

func visible(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

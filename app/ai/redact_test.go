package ai

import (
	"maps"
	"strings"
	"testing"
	"unicode/utf8"
)

var ada = Identity{
	Name:     "Ada Lovelace-Byron",
	Email:    "ada@analytical.org",
	Phone:    "+44 20 7946 0958",
	Location: "London, UK",
	Links:    []string{"https://ada.dev/portfolio"},
}

func TestRedact(t *testing.T) {
	cases := []struct {
		name, in, want string
		kinds          map[string]int
	}{
		{"full name", "Ada Lovelace-Byron, engineer", "[CANDIDATE], engineer", map[string]int{"name": 1}},
		{"full name over a line break, other case", "ADA\n lovelace-byron", "[CANDIDATE]", map[string]int{"name": 1}},
		{"name parts and possessive", "Ada's team; Lovelace led; Byron’s notes", "[CANDIDATE]'s team; [CANDIDATE] led; [CANDIDATE]’s notes", map[string]int{"name": 3}},
		{"name part inside a word stays", "Adam and Adaline met Ada", "Adam and Adaline met [CANDIDATE]", map[string]int{"name": 1}},
		{"email", "mail ADA@Analytical.org or a.l+cv@mail.example.co.uk.", "mail [EMAIL] or [EMAIL].", map[string]int{"email": 2}},
		{"links", "See https://github.com/ada-l/engine, www.ada.dev and linkedin.com/in/adalovelace.", "See [LINK], [LINK] and [LINK].", map[string]int{"link": 3}},
		{"own link without scheme", "Portfolio: ada.dev/portfolio/ (2024)", "Portfolio: [LINK]/ (2024)", map[string]int{"link": 1}},
		{"international phone", "Call +44 20 7946 0958 now", "Call [PHONE] now", map[string]int{"phone": 1}},
		{"US phones", "(555) 123-4567 or 555.123.4567 or +1-202-555-0143", "[PHONE] or [PHONE] or [PHONE]", map[string]int{"phone": 3}},
		{"local phone, bare digits", "mobile 0612345678", "mobile [PHONE]", map[string]int{"phone": 1}},
		{"own number written locally", "tel. 020 7946 0958", "tel. [PHONE]", map[string]int{"phone": 1}},
		{"location", "Based in London, UK; moved to london in 2019", "Based in [LOCATION]; moved to [LOCATION] in 2019", map[string]int{"location": 2}},
		{"street address and postcode", "12 Baker Street, NW1 6XE", "[LOCATION], [LOCATION]", map[string]int{"location": 2}},
		{"pronouns", "She led the team. Her work won; I thanked her. The idea was hers, and she did it herself.",
			"They led the team. Their work won; I thanked them. The idea was theirs, and they did it themselves.", map[string]int{"pronoun": 6}},
		{"he and his", "HE said his plan was his. He gave him credit; he himself agreed.",
			"THEY said their plan was theirs. They gave them credit; they themselves agreed.", map[string]int{"pronoun": 7}},
		{"verb after the pronoun", "She is the lead and he has shipped; she was promoted", "They are the lead and they have shipped; they were promoted", map[string]int{"pronoun": 3}},
		{"contractions", "She's great and he's been on call", "They're great and they've been on call", map[string]int{"pronoun": 2}},
		{"her before an article", "gave her the lead", "gave them the lead", map[string]int{"pronoun": 1}},
		{"honorifics dropped", "Mrs. Lovelace and Mr Babbage; Ms Hopper", "[CANDIDATE] and Babbage; Hopper", map[string]int{"honorific": 3, "name": 1}},
		{"Miss the verb stays", "did not miss a deadline; MS in CS", "did not miss a deadline; MS in CS", map[string]int{}},
		{"our private marks in the input go", "a\uE001b", "ab", map[string]int{}},
	}
	for _, c := range cases {
		got := Redact(c.in, ada)
		if got.Text != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got.Text, c.want)
		}
		if !maps.Equal(got.Kinds, c.kinds) {
			t.Errorf("%s: kinds %v, want %v", c.name, got.Kinds, c.kinds)
		}
	}
}

// Text that only looks like something to redact must come through unchanged.
func TestRedactLeavesOrdinaryText(t *testing.T) {
	for _, in := range []string{
		"Hershey", "the", "Them", "There", "Hehe", "Shell", "Hiss", "ethics", "Heather",
		"Python 3.12", "Go 1.26.1", "2019–2023", "2019-2023", "2019 - 2023", "in 2019 2020 2021", "2018/2019", "2023-01-15", "15/01/2023",
		"cut costs by 60%", "served 1 000 000 requests", "1.000.000 users", "10000-50000 rps",
		"served 12000000 requests", "192.168.0.1", "v1.2.3.4", "call 911", "ISO 27001",
		"GPT-4o at 0.15 USD", "US market", "dash — en – hyphen -", "Netflix.com/careers",
		"MS Excel", "Mxyz", "AdaBoost",
	} {
		got := Redact(in, ada)
		if got.Text != in || len(got.Kinds) != 0 {
			t.Errorf("%q became %q (%v)", in, got.Text, got.Kinds)
		}
	}
}

// A name part that is also a common word is still redacted: the safer error.
// Short location parts match only as written, so "ca." is not a state.
func TestRedactEdgeNames(t *testing.T) {
	who := Identity{Name: "Will O'Brien", Location: "San Jose, CA"}
	cases := []struct{ in, want string }{
		{"I will ship; O’Brien's repo", "I [CANDIDATE] ship; [CANDIDATE]'s repo"},
		{"Moved from San  Jose, CA in ca. 2019", "Moved from [LOCATION] in ca. 2019"},
		{"CA and San Jose", "[LOCATION] and [LOCATION]"},
		{"no name: J. X", "no name: J. X"},
	}
	for _, c := range cases {
		if got := Redact(c.in, who).Text; got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	// An empty identity still redacts patterns and pronouns, and nothing else.
	if got := Redact("Ada (she/her), ada@x.io", Identity{}).Text; got != "Ada (they/them), [EMAIL]" {
		t.Errorf("empty identity: %q", got)
	}
}

// A candidate whose name is a token word must not break the tokens.
func TestRedactNameLikeAToken(t *testing.T) {
	got := Redact("Link Phone, see https://x.io", Identity{Name: "Link Phone"}).Text
	if got != "[CANDIDATE], see [LINK]" {
		t.Errorf("got %q", got)
	}
}

// Redaction never fails, never leaves its working marks behind, counts only
// what it replaced, and keeps text that was UTF-8 UTF-8.
func FuzzRedact(f *testing.F) {
	f.Add("Ada's phone +44 20 7946 0958, she/her, Mr. Lovelace, https://ada.dev", "Ada Lovelace", "London, UK")
	f.Add("\uE001 (555) 123-4567 (", "Link", "")
	f.Add("He's HERS hers. her", "(.*)", "[a-z]+")
	f.Fuzz(func(t *testing.T, text, name, location string) {
		got := Redact(text, Identity{Name: name, Location: location, Email: "a@b.co", Phone: "0612345678", Links: []string{name}})
		if strings.ContainsAny(got.Text, "\uE001\uE002\uE003\uE004\uE005") {
			t.Fatalf("marks left in %q", got.Text)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got.Text) {
			t.Fatalf("invalid UTF-8 from %q", text)
		}
		for k, n := range got.Kinds {
			if n <= 0 {
				t.Fatalf("kind %s counted %d", k, n)
			}
		}
	})
}

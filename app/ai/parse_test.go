package ai

import (
	"errors"
	"strings"
	"testing"
)

const resume = "Ada Lovelace\nShipped a support bot to 20k   customers.\nCut API spend by 60% with caching; Ada’s team owned on-call."

func reply(flags ...string) []byte {
	return []byte(`{"flags":[` + strings.Join(flags, ",") + `]}`)
}

func flag(id, status, quote, reason string) string {
	return `{"id":"` + id + `","quote":"` + quote + `","reason":"` + reason + `","status":"` + status + `"}`
}

func TestParseScreenVerifiesQuotes(t *testing.T) {
	got, err := ParseScreen(reply(
		flag("tutorial-only", "absent", "", "Production work is described."),
		flag("shipped", "present", "shipped a support bot to 20k customers", "  A bot\\nwith users.  "),
		flag("cost", "present", "cut API spend by 70%", "Numbers on cost."),
	), checklist, resume)
	if err != nil {
		t.Fatal(err)
	}
	if got.Dropped != 1 || len(got.Flags) != 3 {
		t.Fatalf("got %+v", got)
	}
	// Checklist order, whatever order the reply used.
	s, c, r := got.Flags[0], got.Flags[1], got.Flags[2]
	if s.ID != "shipped" || c.ID != "cost" || r.ID != "tutorial-only" {
		t.Errorf("order %s %s %s", s.ID, c.ID, r.ID)
	}
	// Verified: the resume's own words and where they are.
	if !s.Verified || s.Status != "present" || resume[s.Start:s.End] != "Shipped a support bot to 20k   customers" ||
		s.Quote != "Shipped a support bot to 20k customers" || s.Reason != "A bot with users." {
		t.Errorf("shipped = %+v", s)
	}
	// Not in the resume: the quote goes, the status stays, and it is counted.
	if c.Verified || c.Quote != "" || c.Status != "present" || c.Start != 0 || c.End != 0 {
		t.Errorf("cost = %+v", c)
	}
	// No quote: nothing to verify, nothing dropped.
	if r.Verified || r.Quote != "" || r.Status != "absent" {
		t.Errorf("tutorial-only = %+v", r)
	}
}

// The same rule as the human screen: curly apostrophes and case do not
// matter; the original text is what is checked, not the redacted one.
func TestParseScreenChecksTheOriginal(t *testing.T) {
	got, err := ParseScreen(reply(
		flag("shipped", "present", "[CANDIDATE]'s team owned on-call", "r"),
		flag("cost", "present", "ada's team owned ON-CALL", "r"),
		flag("tutorial-only", "absent", "", "r"),
	), checklist, resume)
	if err != nil {
		t.Fatal(err)
	}
	if got.Flags[0].Verified || !got.Flags[1].Verified || got.Dropped != 1 {
		t.Errorf("got %+v", got)
	}
	if q := got.Flags[1].Quote; q != "Ada’s team owned on-call" {
		t.Errorf("quote %q", q)
	}
}

func TestParseScreenRefuses(t *testing.T) {
	ok3 := []string{flag("shipped", "present", "", "r"), flag("cost", "absent", "", "r"), flag("tutorial-only", "absent", "", "r")}
	cases := []struct {
		name  string
		reply string
		want  []string // in the error
	}{
		{"not JSON", "Sure! Here is the screen.", []string{"not the JSON object", "invalid JSON at byte"}},
		{"empty", "", []string{"empty or cut short"}},
		{"cut short", `{"flags":[{"id":"shipped"`, []string{"cut short"}},
		{"no flags", `{}`, []string{`"flags" is missing`}},
		{"extra field", `{"flags":[],"ranking":[1]}`, []string{`a field the schema does not allow: "ranking"`}},
		{"text after", string(reply(ok3...)) + " Hope this helps", []string{"more text after"}},
		{"wrong type", `{"flags":[{"id":"shipped","quote":"","reason":"r","status":3}]}`, []string{"flags.status must be a JSON string, not number"}},
		{"unknown id", string(reply(append(ok3, flag("leadership", "present", "", "r"))...)), []string{`flags[3]: "leadership" is not a checklist id`}},
		{"unknown id that is not an id", string(reply(append(ok3, flag("Ada Lovelace led", "present", "", "r"))...)), []string{"flags[3]: an id is not a checklist id"}},
		{"duplicate", string(reply(append(ok3, flag("cost", "present", "", "r"))...)), []string{`flag "cost" is listed more than once`}},
		{"missing", string(reply(ok3[0], ok3[2])), []string{`flag "cost" is missing`}},
		{"bad status", string(reply(flag("shipped", "maybe", "", "r"), ok3[1], ok3[2])), []string{`flag "shipped": status must be present, absent or unclear`}},
		{"missing fields", `{"flags":[{"id":"shipped"},` + ok3[1] + `,` + ok3[2] + `]}`, []string{`flag "shipped": status is missing`, `flag "shipped": reason is missing`, `flag "shipped": quote is missing`}},
		{"no id", `{"flags":[{"quote":"","reason":"","status":"absent"},` + ok3[1] + `,` + ok3[2] + `]}`, []string{"flags[0]: id is missing", `flag "shipped" is missing`}},
		{"long reason", string(reply(flag("shipped", "present", "", strings.Repeat("é", 301)), ok3[1], ok3[2])), []string{`flag "shipped": reason is longer than 300 characters`}},
		{"long quote", string(reply(flag("shipped", "present", strings.Repeat("a", 1001), "r"), ok3[1], ok3[2])), []string{`flag "shipped": quote is longer than 1000 characters`}},
	}
	for _, c := range cases {
		_, err := ParseScreen([]byte(c.reply), checklist, resume)
		var oe *OutputError
		if !errors.As(err, &oe) {
			t.Errorf("%s: err %v, want *OutputError", c.name, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", c.name, err, w)
			}
		}
		if strings.Contains(err.Error(), "Ada") || strings.Contains(err.Error(), "Sure") {
			t.Errorf("%s: the error quotes the reply: %q", c.name, err)
		}
	}
	// At the limits is fine.
	if _, err := ParseScreen(reply(flag("shipped", "present", "", strings.Repeat("é", 300)), ok3[1], ok3[2]), checklist, resume); err != nil {
		t.Errorf("300-character reason: %v", err)
	}
}

// Local servers without strict structured output may fence the JSON.
func TestParseScreenFenced(t *testing.T) {
	body := "```json\n" + string(reply(flag("shipped", "present", "", "r"), flag("cost", "absent", "", "r"), flag("tutorial-only", "absent", "", "r"))) + "\n```"
	if _, err := ParseScreen([]byte(body), checklist, resume); err != nil {
		t.Error(err)
	}
}

func TestRepair(t *testing.T) {
	_, err := ParseScreen(reply(flag("shipped", "maybe", "", "r")), checklist, resume)
	r := ScreenRequest(checklist, "redacted")
	fixed := RepairRequest(r, `{"flags":[...]}`, err)
	if len(r.Messages) != 2 || len(fixed.Messages) != 4 {
		t.Fatalf("messages %d → %d", len(r.Messages), len(fixed.Messages))
	}
	a, u := fixed.Messages[2], fixed.Messages[3]
	if a.Role != "assistant" || a.Content != `{"flags":[...]}` || u.Role != "user" {
		t.Errorf("repair messages %+v %+v", a, u)
	}
	for _, w := range []string{`flag "shipped": status must be present, absent or unclear`, `flag "cost" is missing`, "every checklist id exactly once"} {
		if !strings.Contains(u.Content, w) {
			t.Errorf("repair message lacks %q:\n%s", w, u.Content)
		}
	}
	if m := RepairMessage(errors.New("boom")); !strings.Contains(m.Content, "could not be read") || strings.Contains(m.Content, "boom") {
		t.Errorf("plain error: %q", m.Content)
	}
}

func TestOutputErrorIsBounded(t *testing.T) {
	e := &OutputError{Problems: strings.Split(strings.Repeat("p,", 39)+"p", ",")}
	if got := e.Error(); strings.Count(got, "p;") != 8 || !strings.HasSuffix(got, "and 32 more problems") {
		t.Errorf("%q", got)
	}
}

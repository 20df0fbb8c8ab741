// Tests the scorecard rules: the blind rule's visibility matrix, redaction, patches,
// completeness, hashing and amendment chains, round state and resume screens.

package scoring

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

func testRubric() rubric.Rubric {
	anchors := []string{"none", "some", "good", "great"}
	return rubric.Rubric{Format: rubric.FormatV1, Name: "T", Scale: rubric.Scale{Min: 1, Max: 4, Labels: []string{"a", "b", "c", "d"}},
		Competencies: []rubric.Competency{{ID: "c1", Name: "C1", Weight: 1, Questions: []rubric.Question{
			{ID: "q1", Prompt: "How do you handle rate limits?", Weight: 1, Anchors: anchors},
			{ID: "q2", Prompt: "Optional one", Weight: 1, Optional: true, Anchors: anchors},
		}}}}
}

func intp(v int) *int       { return &v }
func strp(v string) *string { return &v }
func boolp(v bool) *bool    { return &v }
func fieldsOf(err error) string {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return ""
	}
	var f []string
	for _, x := range ve.Fields {
		f = append(f, x.Field)
	}
	return strings.Join(f, ",")
}

func TestCanSeeMatrix(t *testing.T) {
	const me, other = 1, 2
	cases := []struct {
		name      string
		viewer    Viewer
		author    int64
		status    Status
		wantSight bool
	}{
		{"own draft", Viewer{ProfileID: me}, me, Draft, true},
		{"own submitted", Viewer{ProfileID: me}, me, Submitted, true},
		{"other's draft, I have not finished", Viewer{ProfileID: me}, other, Draft, false},
		{"other's draft, I have finished", Viewer{ProfileID: me, DoneWithCandidate: true}, other, Draft, false},
		{"other's submitted, I have not finished my rounds", Viewer{ProfileID: me}, other, Submitted, false},
		{"other's submitted, I have finished my rounds", Viewer{ProfileID: me, DoneWithCandidate: true}, other, Submitted, true},
		{"recruiter, other's draft", Viewer{ProfileID: me, IsRecruiter: true}, other, Draft, false},
		{"recruiter, other's submitted", Viewer{ProfileID: me, IsRecruiter: true}, other, Submitted, true},
	}
	for _, c := range cases {
		if got := CanSee(c.viewer, c.author, c.status); got != c.wantSight {
			t.Errorf("%s: CanSee = %v, want %v", c.name, got, c.wantSight)
		}
	}
}

func TestRedactKeepsOnlyWhoAndState(t *testing.T) {
	c := Scorecard{ID: 7, AuthorName: "Sam", Status: Submitted, Answers: map[string]Answer{"q1": {Score: intp(4), Notes: "secret"}},
		Recommendation: "yes", Notes: "secret too", SHA256: "abc", Revisions: []Revision{{Reason: "x"}}}
	r := Redact(c)
	b, _ := json.Marshal(r)
	if strings.Contains(string(b), "secret") || r.Recommendation != "" || r.SHA256 != "" || len(r.Revisions) != 0 {
		t.Errorf("redacted card leaks content: %s", b)
	}
	if r.AuthorName != "Sam" || r.Status != Submitted || r.ID != 7 {
		t.Errorf("redacted card lost who/state: %+v", r)
	}
}

func TestApplyPatch(t *testing.T) {
	r := testRubric()
	cases := []struct {
		name   string
		p      Patch
		fields string
		check  func(c Scorecard) string
	}{
		{"score within scale", Patch{QuestionID: "q1", Score: intp(4)}, "", func(c Scorecard) string {
			if s := c.Answers["q1"].Score; s == nil || *s != 4 {
				return "score not set"
			}
			return ""
		}},
		{"score below scale", Patch{QuestionID: "q1", Score: intp(0)}, "score", nil},
		{"score above scale", Patch{QuestionID: "q1", Score: intp(5)}, "score", nil},
		{"unknown question", Patch{QuestionID: "zz", Score: intp(2)}, "questionId", nil},
		{"answer without question", Patch{Score: intp(2)}, "questionId", nil},
		{"skip clears score", Patch{QuestionID: "q1", Skipped: boolp(true), SkipReason: strp(" no time \n")}, "", func(c Scorecard) string {
			a := c.Answers["q1"]
			if a.Score != nil || !a.Skipped || a.SkipReason != "no time" {
				return "skip not applied as expected"
			}
			return ""
		}},
		{"bad recommendation", Patch{Recommendation: strp("maybe")}, "recommendation", nil},
		{"cursor to unknown question", Patch{Cursor: strp("zz")}, "cursor", nil},
		{"negative timer", Patch{ElapsedMs: ptr64(-1)}, "elapsedMs", nil},
		{"several problems at once", Patch{QuestionID: "q1", Score: intp(9), Recommendation: strp("x")}, "score,recommendation", nil},
	}
	for _, c := range cases {
		card := Scorecard{Answers: map[string]Answer{"q1": {Score: intp(2)}}}
		err := ApplyPatch(r, &card, c.p)
		if got := fieldsOf(err); got != c.fields {
			t.Errorf("%s: invalid fields %q (err %v), want %q", c.name, got, err, c.fields)
			continue
		}
		if c.fields != "" {
			if s := card.Answers["q1"].Score; s == nil || *s != 2 {
				t.Errorf("%s: a rejected patch changed the card", c.name)
			}
		}
		if c.check != nil {
			if msg := c.check(card); msg != "" {
				t.Errorf("%s: %s", c.name, msg)
			}
		}
	}
}

func ptr64(v int64) *int64 { return &v }

func TestCheckComplete(t *testing.T) {
	r := testRubric()
	cases := []struct {
		name    string
		answers map[string]Answer
		rec     string
		fields  string
	}{
		{"nothing", nil, "", "answers.q1,recommendation"},
		{"required scored, optional left", map[string]Answer{"q1": {Score: intp(3)}}, "yes", ""},
		{"skipped with reason", map[string]Answer{"q1": {Skipped: true, SkipReason: "ran out of time"}}, "no", ""},
		{"skipped without reason", map[string]Answer{"q1": {Skipped: true}}, "no", "answers.q1"},
		{"optional skipped without reason", map[string]Answer{"q1": {Score: intp(1)}, "q2": {Skipped: true}}, "no", "answers.q2"},
		{"score outside scale", map[string]Answer{"q1": {Score: intp(7)}}, "yes", "answers.q1"},
		{"unknown question", map[string]Answer{"q1": {Score: intp(2)}, "zz": {Score: intp(2)}}, "yes", "answers.zz"},
	}
	for _, c := range cases {
		if got := fieldsOf(CheckComplete(r, c.answers, c.rec)); got != c.fields {
			t.Errorf("%s: fields %q, want %q", c.name, got, c.fields)
		}
	}
}

func submitted() Scorecard {
	return Scorecard{UID: "0123456789abcdef0123456789abcdef", AuthorName: "Sam Okafor", RubricSHA256: strings.Repeat("a", 64),
		Competencies: []string{"c1"}, Status: Submitted,
		Answers:        map[string]Answer{"q1": {Score: intp(3), Notes: "backoff + jitter", ElapsedMs: 1200}, "q2": {Skipped: true, SkipReason: "time"}},
		Recommendation: "yes", Notes: "solid", SubmittedAt: "2026-03-02T10:00:00.000Z"}
}

func TestHashStableAndSensitive(t *testing.T) {
	c := submitted()
	h := Hash(c)
	if len(h) != 64 {
		t.Fatalf("hash %q is not SHA-256 hex", h)
	}
	// Same content built in another order, different timer: same hash.
	c2 := submitted()
	c2.Answers = map[string]Answer{"q2": {Skipped: true, SkipReason: "time"}, "q1": {Score: intp(3), Notes: "backoff + jitter", ElapsedMs: 99}}
	if Hash(c2) != h {
		t.Error("hash depends on map order or timers")
	}
	mutations := map[string]func(*Scorecard){
		"score":          func(c *Scorecard) { c.Answers["q1"] = Answer{Score: intp(4), Notes: "backoff + jitter"} },
		"answer notes":   func(c *Scorecard) { c.Answers["q1"] = Answer{Score: intp(3), Notes: "backoff"} },
		"recommendation": func(c *Scorecard) { c.Recommendation = "strong_yes" },
		"notes":          func(c *Scorecard) { c.Notes = "solid!" },
		"author":         func(c *Scorecard) { c.AuthorName = "Priya Nair" },
		"rubric version": func(c *Scorecard) { c.RubricSHA256 = strings.Repeat("b", 64) },
		"submitted at":   func(c *Scorecard) { c.SubmittedAt = "2026-03-02T10:00:01.000Z" },
		"uid":            func(c *Scorecard) { c.UID = strings.Repeat("f", 32) },
	}
	for name, m := range mutations {
		x := submitted()
		m(&x)
		if Hash(x) == h {
			t.Errorf("changing the %s does not change the hash", name)
		}
	}
}

func TestVerifyChainsAmendments(t *testing.T) {
	c := submitted()
	c.SHA256 = Hash(c)
	rev := Revision{Revision: 1, Answers: map[string]Answer{"q1": {Score: intp(2)}}, Recommendation: "no", Reason: "misclick",
		AuthorName: "Sam Okafor", CreatedAt: "2026-03-03T09:00:00.000Z"}
	rev.SHA256 = RevisionHash(c, rev, c.SHA256)
	c.Revisions = []Revision{rev}
	if err := Verify(c); err != nil {
		t.Fatalf("intact card: %v", err)
	}
	tampered := c
	tampered.Revisions = []Revision{rev}
	tampered.Revisions[0].Reason = "different reason"
	if err := Verify(tampered); err == nil || !strings.Contains(err.Error(), "amendment 1") {
		t.Errorf("tampered amendment: %v", err)
	}
	orig := c
	orig.Notes = "edited"
	if err := Verify(orig); err == nil {
		t.Error("tampered original passes")
	}
	answers, rec, _ := c.Current()
	if *answers["q1"].Score != 2 || rec != "no" {
		t.Errorf("Current() = %v %s, want the amendment", answers, rec)
	}
}

func TestRoundState(t *testing.T) {
	assigned := []model.Profile{{ID: 1}, {ID: 2}}
	cases := []struct {
		name      string
		scheduled string
		cards     []Scorecard
		want      RoundState
	}{
		{"nothing", "", nil, NotScheduled},
		{"scheduled", "2026-03-04T10:00:00.000Z", nil, Scheduled},
		{"one draft", "2026-03-04T10:00:00.000Z", []Scorecard{{AuthorID: 1, Status: Draft}}, InProgress},
		{"one of two submitted", "", []Scorecard{{AuthorID: 1, Status: Submitted}}, InProgress},
		{"both submitted", "", []Scorecard{{AuthorID: 1, Status: Submitted}, {AuthorID: 2, Status: Submitted}}, Done},
		{"both submitted, a third drafting", "", []Scorecard{{AuthorID: 1, Status: Submitted}, {AuthorID: 2, Status: Submitted}, {AuthorID: 3, Status: Draft}}, InProgress},
	}
	for _, c := range cases {
		if got := State(assigned, c.scheduled, c.cards); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	if got := State(nil, "", []Scorecard{{AuthorID: 5, Status: Submitted}}); got != Done {
		t.Errorf("unassigned round with a submitted card: %s, want submitted", got)
	}
}

func TestCheckScreen(t *testing.T) {
	list := []rubric.ScreenFlag{{ID: "prod", Kind: rubric.GreenFlag, Text: "Production"}, {ID: "toy", Kind: rubric.RedFlag, Text: "Toy"}}
	resume := "Shipped a support bot\nto 20k   customers; cut costs by 60%."
	cases := []struct {
		name   string
		in     ScreenInput
		fields string
	}{
		{"exact quote", ScreenInput{Marks: map[string]FlagMark{"prod": {Mark: Present, Evidence: "shipped a support bot to 20k customers"}}, Decision: Advance}, ""},
		{"quote in typographic quotes", ScreenInput{Marks: map[string]FlagMark{"prod": {Mark: Present, Evidence: "“cut costs by 60%”"}}}, ""},
		{"invented quote", ScreenInput{Marks: map[string]FlagMark{"prod": {Mark: Present, Evidence: "led 50 engineers"}}}, "marks.prod"},
		{"unknown flag", ScreenInput{Marks: map[string]FlagMark{"zz": {Mark: Absent}}}, "marks.zz"},
		{"bad mark", ScreenInput{Marks: map[string]FlagMark{"toy": {Mark: "maybe"}}}, "marks.toy"},
		{"bad decision", ScreenInput{Decision: "hold"}, "decision"},
	}
	for _, c := range cases {
		_, err := CheckScreen(list, &c.in, resume)
		if got := fieldsOf(err); got != c.fields {
			t.Errorf("%s: fields %q (err %v), want %q", c.name, got, err, c.fields)
		}
	}
}

// The window reads a card's content in force as "current": the latest
// amendment's, else the original, with Go's words for its recommendation;
// a redacted card has none.
func TestCardSendsItsCurrentContent(t *testing.T) {
	current := func(c Scorecard) Content {
		t.Helper()
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Current Content `json:"current"`
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		return got.Current
	}
	c := submitted()
	c.CurrentContent = Content{Recommendation: "stale"} // ignored: always Current's
	if got := current(c); got.Recommendation != "yes" || got.RecommendationLabel != "Yes" || got.Notes != c.Notes || *got.Answers["q1"].Score != *c.Answers["q1"].Score {
		t.Errorf("original: current = %+v", got)
	}
	c.Revisions = []Revision{{Revision: 1, Answers: map[string]Answer{"q1": {Score: intp(1)}}, Recommendation: "strong_no", Notes: "rethought", Reason: "misread"}}
	got := current(c)
	if got.Recommendation != "strong_no" || got.RecommendationLabel != "Strong no" || got.Notes != "rethought" || *got.Answers["q1"].Score != 1 {
		t.Errorf("amended: current = %+v", got)
	}
	// A slice of cards (as CandidateRound sends them) and a pointer say the same.
	b, _ := json.Marshal([]*Scorecard{&c})
	if !strings.Contains(string(b), `"current":{"answers":{"q1":{"score":1}},"recommendation":"strong_no","recommendationLabel":"Strong no","notes":"rethought"}`) {
		t.Errorf("pointer in a slice: %s", b)
	}
	if got := current(Redact(c)); len(got.Answers) != 0 || got.Recommendation != "" || got.RecommendationLabel != "" || got.Notes != "" {
		t.Errorf("redacted: current = %+v", got)
	}
}

package scoring

import (
	"strings"
	"testing"

	"hirebench/app/rubric"
)

// The worked example of docs/SCREEN.md: six green flags and two red ones,
// as in the built-in checklist.
func TestSuggestWorkedExample(t *testing.T) {
	var list []rubric.ScreenFlag
	for _, id := range []string{"g1", "g2", "g3", "g4", "g5", "g6"} {
		list = append(list, rubric.ScreenFlag{ID: id, Kind: rubric.GreenFlag, Text: id})
	}
	list = append(list, rubric.ScreenFlag{ID: "r1", Kind: rubric.RedFlag, Text: "r1"}, rubric.ScreenFlag{ID: "r2", Kind: rubric.RedFlag, Text: "r2"})
	marks := func(present ...string) map[string]FlagMark {
		m := map[string]FlagMark{"g6": {Mark: Absent}, "r2": {Mark: Unclear}}
		for _, id := range present {
			m[id] = FlagMark{Mark: Present, Evidence: "x"}
		}
		return m
	}
	cases := []struct {
		name string
		m    map[string]FlagMark
		want Decision
	}{
		{"3 of 6 green, no red: half is enough", marks("g1", "g2", "g3"), Advance},
		{"2 of 6 green: under half", marks("g1", "g2"), Reject},
		{"5 of 6 green and a red flag present", marks("g1", "g2", "g3", "g4", "g5", "r1"), Reject},
		{"nothing marked", map[string]FlagMark{}, Reject},
		{"unclear counts as not present", map[string]FlagMark{"g1": {Mark: Unclear}, "g2": {Mark: Unclear}, "g3": {Mark: Unclear}}, Reject},
	}
	for _, c := range cases {
		if got := Suggest(list, c.m); got != c.want {
			t.Errorf("%s: suggested %q, want %q", c.name, got, c.want)
		}
	}
	if got := Suggest([]rubric.ScreenFlag{{ID: "r", Kind: rubric.RedFlag}}, nil); got != Advance {
		t.Errorf("only red flags, none present: %q, want advance", got)
	}
}

func TestScreenRules(t *testing.T) {
	list := []rubric.ScreenFlag{{ID: "prod", Kind: rubric.GreenFlag, Text: "Production"}, {ID: "toy", Kind: rubric.RedFlag, Text: "Toy"}}
	resume := "Shipped a support bot to 20k customers. Followed a course to build a chatbot."
	prod := FlagMark{Mark: Present, Evidence: "shipped a support bot"}
	cases := []struct {
		name   string
		in     ScreenInput
		fields string
	}{
		{"present without a quote", ScreenInput{Marks: map[string]FlagMark{"prod": {Mark: Present}}}, "marks.prod"},
		{"advance as suggested", ScreenInput{Marks: map[string]FlagMark{"prod": prod}, Decision: Advance}, ""},
		{"reject without a reason", ScreenInput{Marks: map[string]FlagMark{"toy": {Mark: Present, Evidence: "followed a course"}}, Decision: Reject}, "rejectReason"},
		{"reject as suggested, with a reason", ScreenInput{Marks: map[string]FlagMark{"toy": {Mark: Present, Evidence: "followed a course"}},
			Decision: Reject, RejectReason: "course project only"}, ""},
		{"reject against the suggestion", ScreenInput{Marks: map[string]FlagMark{"prod": prod}, Decision: Reject, RejectReason: "no"}, "overrideReason"},
		{"advance against the suggestion", ScreenInput{Decision: Advance}, "overrideReason"},
		{"advance against the suggestion, with a reason", ScreenInput{Decision: Advance, OverrideReason: "referred by the team"}, ""},
		{"undecided needs nothing", ScreenInput{}, ""},
		{"reason too long", ScreenInput{Decision: Advance, OverrideReason: strings.Repeat("x", MaxScreenReason+1)}, "overrideReason"},
	}
	for _, c := range cases {
		_, err := CheckScreen(list, &c.in, resume)
		if got := fieldsOf(err); got != c.fields {
			t.Errorf("%s: fields %q (err %v), want %q", c.name, got, err, c.fields)
		}
	}
	in := ScreenInput{Marks: map[string]FlagMark{"prod": prod}, Decision: Advance, RejectReason: "stale", OverrideReason: " stale "}
	if _, err := CheckScreen(list, &in, resume); err != nil || in.RejectReason != "" || in.OverrideReason != "" {
		t.Errorf("reasons a decision does not need are dropped: %+v, %v", in, err)
	}
}

package selfid

import (
	"strings"
	"testing"
)

// docs/FAIRNESS.md, "The Fairness view": the question whose largest |d| is
// highest stands out, when it reaches 0.5; the composite never does.
func TestTheQuestionThatSeparatesGroupsMostStandsOut(t *testing.T) {
	d := func(v float64) *float64 { return &v }
	ms := []Measure{
		{Key: "", LargestD: d(0.9)}, // the composite
		{Key: "q1", LargestD: d(0.31)},
		{Key: "q2", LargestD: d(0.62)},
		{Key: "q3", LargestD: d(0.55)},
		{Key: "q4"}, // no spread: no d
	}
	standOut(ms)
	for i, want := range []bool{false, false, true, false, false} {
		if ms[i].StandsOut != want {
			t.Errorf("%q stands out %v, want %v", ms[i].Key, ms[i].StandsOut, want)
		}
	}
	small := []Measure{{Key: "q1", LargestD: d(0.49)}, {Key: "q2", LargestD: d(0.2)}}
	standOut(small)
	if small[0].StandsOut || small[1].StandsOut {
		t.Errorf("below 0.5 nothing stands out: %+v", small)
	}
	tie := []Measure{{Key: "q1", LargestD: d(0.7)}, {Key: "q2", LargestD: d(0.7)}}
	standOut(tie)
	if !tie[0].StandsOut || tie[1].StandsOut {
		t.Errorf("a tie marks the first in plan order: %+v", tie)
	}
}

func TestTheViewSaysWhatToDoUntilSomeoneAnswers(t *testing.T) {
	if v := ViewOf(Report{People: 3}); v.Empty == "" || !strings.Contains(v.Empty, "Self-identification") {
		t.Errorf("nobody answered: %q", v.Empty)
	}
	if v := ViewOf(Report{People: 3, Responded: 1}); v.Empty != "" {
		t.Errorf("someone answered, yet: %q", v.Empty)
	}
	terms := map[string]bool{}
	for _, x := range Explanations() {
		terms[x.Term] = true
	}
	for _, want := range []string{"Four-fifths rule", "Too few to judge", "Fisher p"} {
		if !terms[want] {
			t.Errorf("no explanation of %q", want)
		}
	}
}

package scoring

import (
	"math"
	"testing"

	"hirebench/app/rubric"
)

func debriefRubric(min, max int, labels ...string) rubric.Rubric {
	anchors := make([]string, max-min+1)
	return rubric.Rubric{Scale: rubric.Scale{Min: min, Max: max, Labels: labels}, Competencies: []rubric.Competency{
		{ID: "a", Name: "A", Weight: 1, Questions: []rubric.Question{{ID: "a1", Weight: 1, Anchors: anchors}, {ID: "a2", Weight: 2, Anchors: anchors}}},
		{ID: "b", Name: "B", Weight: 1, Questions: []rubric.Question{{ID: "b1", Weight: 1, Anchors: anchors}}},
	}}
}

func card(author int64, name string, status Status, rec string, scores map[string]int) Scorecard {
	a := map[string]Answer{}
	for q, s := range scores {
		a[q] = Answer{Score: intp(s)}
	}
	return Scorecard{CandidateID: 9, CandidateName: "Ada", AuthorID: author, AuthorName: name, Status: status, Answers: a, Recommendation: rec}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestDebriefByHand(t *testing.T) {
	r := debriefRubric(1, 4, "n", "j", "s", "S")
	cards := []Scorecard{
		card(1, "Sam", Submitted, "yes", map[string]int{"a1": 4, "a2": 3, "b1": 2}),
		card(2, "Priya", Submitted, "no", map[string]int{"a1": 2, "a2": 3, "b1": 2}),
		card(3, "Jonas", Draft, "strong_no", map[string]int{"a1": 1, "a2": 1, "b1": 1}), // drafts never count
	}
	d := BuildDebrief(cards, func(Scorecard) (rubric.Rubric, bool) { return r, true }, nil)
	if d.Cards != 2 || len(d.Interviewers) != 2 || d.Recommendations["yes"] != 1 || d.Recommendations["no"] != 1 || d.Recommendations["strong_no"] != 0 {
		t.Fatalf("cards %d interviewers %v recs %v", d.Cards, d.Interviewers, d.Recommendations)
	}
	// Normalised on 1–4: 4→100, 3→66.67, 2→33.33. Weights a1=1, a2=2, b1=1.
	// Sam: (100 + 2·66.67 + 33.33)/4 = 66.67; Priya: (33.33 + 2·66.67 + 33.33)/4 = 50.
	// Pooled over both cards: (100+133.33+33.33+33.33+133.33+33.33)/8 = 58.33.
	if d.Composite == nil || !near(*d.Composite, 175.0/3) {
		t.Errorf("composite = %v, want 58.33", d.Composite)
	}
	// Card composites 66.67 and 50: sample SD = 16.67/√2 = 11.785.
	if !near(d.Spread, (200.0/3-50)/math.Sqrt2) {
		t.Errorf("spread = %v", d.Spread)
	}
	a1 := d.Rows[0]
	if a1.QuestionID != "a1" || a1.Min != 2 || a1.Max != 4 || !near(a1.Mean, 3) || !near(a1.Median, 3) || !a1.Disagreement {
		t.Errorf("a1 row = %+v; want 2–4, mean 3, disagreement (2 levels on 1–4)", a1)
	}
	if d.Rows[1].Disagreement || d.Rows[2].Disagreement || d.Disagreements != 1 {
		t.Errorf("only a1 should disagree: %d", d.Disagreements)
	}
	if a1.Cells[0].Author != "Sam" || *a1.Cells[0].Score != 4 || a1.Cells[0].Label != "S" {
		t.Errorf("cells not in interviewer order: %+v", a1.Cells)
	}
	// Competency A: scores 4,3,2,3 → mean 3 (66.67 on 0–100); B: 2,2 → 2.
	if c := d.Competencies[0]; c.ID != "a" || !near(c.Mean, 3) || !near(c.Norm, 200.0/3) || c.N != 4 {
		t.Errorf("competency A = %+v", c)
	}
	// A committee weight of 0 on a2 changes the composite: (100+33.33+33.33+33.33)/4 = 50.
	d2 := BuildDebrief(cards, func(Scorecard) (rubric.Rubric, bool) { return r, true }, Weights{"a/a2": 0})
	if !near(*d2.Composite, 50) {
		t.Errorf("re-weighted composite = %v, want 50", *d2.Composite)
	}
}

func TestDisagreementScalesWithTheScale(t *testing.T) {
	cases := []struct {
		min, max, lo, hi int
		want             bool
	}{
		{1, 4, 2, 3, false}, {1, 4, 2, 4, true},
		{1, 5, 2, 3, false}, {1, 5, 2, 4, true},
		{1, 10, 3, 7, false}, {1, 10, 3, 8, true},
	}
	for _, c := range cases {
		labels := make([]string, c.max-c.min+1)
		r := debriefRubric(c.min, c.max, labels...)
		cards := []Scorecard{card(1, "A", Submitted, "yes", map[string]int{"b1": c.lo}), card(2, "B", Submitted, "yes", map[string]int{"b1": c.hi})}
		d := BuildDebrief(cards, func(Scorecard) (rubric.Rubric, bool) { return r, true }, nil)
		if got := d.Rows[2].Disagreement; got != c.want {
			t.Errorf("%d vs %d on %d–%d: disagreement %v, want %v", c.lo, c.hi, c.min, c.max, got, c.want)
		}
	}
}

func TestDebriefUsesAmendedContent(t *testing.T) {
	r := debriefRubric(1, 4, "n", "j", "s", "S")
	c := card(1, "Sam", Submitted, "yes", map[string]int{"a1": 4, "a2": 4, "b1": 4})
	c.Revisions = []Revision{{Answers: map[string]Answer{"a1": {Score: intp(1)}, "a2": {Score: intp(1)}, "b1": {Score: intp(1)}}, Recommendation: "strong_no"}}
	d := BuildDebrief([]Scorecard{c}, func(Scorecard) (rubric.Rubric, bool) { return r, true }, nil)
	if *d.Composite != 0 || d.Recommendations["strong_no"] != 1 {
		t.Errorf("amendment ignored: composite %v recs %v", *d.Composite, d.Recommendations)
	}
}

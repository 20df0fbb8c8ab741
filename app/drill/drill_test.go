package drill

import (
	"errors"
	"math"
	"slices"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// drillRubric: two questions on a 1–4 scale, five samples in all (the worked
// example of docs/DRILLS.md).
func drillRubric() rubric.Rubric {
	anchors := func(q string) []string {
		return []string{q + ": not shown", q + ": partly", q + ": meets", q + ": exceeds"}
	}
	return rubric.Rubric{Name: "Drill", Scale: rubric.Scale{Min: 1, Max: 4, Labels: []string{"Not shown", "Partly", "Meets the bar", "Exceeds"}},
		Competencies: []rubric.Competency{{ID: "c", Name: "Cost", Questions: []rubric.Question{
			{ID: "tokens", Prompt: "Estimate the cost.", Anchors: anchors("tokens"), Samples: []rubric.Sample{
				{Level: 1, Answer: "A1"}, {Level: 2, Answer: "A2"}, {Level: 3, Answer: "A3"}}},
			{ID: "limits", Prompt: "Handle rate limits.", Anchors: anchors("limits"), Samples: []rubric.Sample{
				{Level: 4, Answer: "B4"}, {Level: 2, Answer: "B2"}}},
		}}}}
}

// The worked example typed from docs/DRILLS.md: references 1 2 3 4 2, given
// 1 3 3 2 2. Differences 0 +1 0 −2 0: exact 3/5, adjacent 4/5, bias −0.2.
func TestWorkedExample(t *testing.T) {
	given := map[string]int{"tokens#1": 1, "tokens#2": 3, "tokens#3": 3, "limits#1": 2, "limits#2": 2}
	res := Score(drillRubric(), given)
	if res.Scored != 5 || res.Total != 5 || !res.Complete {
		t.Fatalf("scored %d of %d, complete %v; want 5 of 5, complete", res.Scored, res.Total, res.Complete)
	}
	if res.Exact != 0.6 || res.Adjacent != 0.8 || math.Abs(res.Bias-(-0.2)) > 1e-12 {
		t.Errorf("exact %v adjacent %v bias %v; want 0.6 0.8 -0.2", res.Exact, res.Adjacent, res.Bias)
	}
	if want := "You scored 0.2 levels below the reference on average: stricter than the rubric."; res.BiasWords != want {
		t.Errorf("bias words %q, want %q", res.BiasWords, want)
	}
	want := []Misread{
		{SampleID: "tokens#2", QuestionID: "tokens", Prompt: "Estimate the cost.", Answer: "A2",
			Reference: 2, ReferenceLabel: "Partly", ReferenceAnchor: "tokens: partly", Given: 3, GivenLabel: "Meets the bar", GivenAnchor: "tokens: meets"},
		{SampleID: "limits#1", QuestionID: "limits", Prompt: "Handle rate limits.", Answer: "B4",
			Reference: 4, ReferenceLabel: "Exceeds", ReferenceAnchor: "limits: exceeds", Given: 2, GivenLabel: "Partly", GivenAnchor: "limits: partly"},
	}
	if !slices.Equal(res.Misreads, want) {
		t.Errorf("misreads\n%+v\nwant\n%+v", res.Misreads, want)
	}
}

func TestPartialDrillIsNotComplete(t *testing.T) {
	res := Score(drillRubric(), map[string]int{"limits#1": 4, "limits#2": 3})
	if res.Complete || res.Scored != 2 || res.Total != 5 {
		t.Fatalf("scored %d of %d, complete %v; want 2 of 5, not complete", res.Scored, res.Total, res.Complete)
	}
	// 0 and +1 over two samples.
	if res.Exact != 0.5 || res.Adjacent != 1 || res.Bias != 0.5 {
		t.Errorf("exact %v adjacent %v bias %v; want 0.5 1 0.5", res.Exact, res.Adjacent, res.Bias)
	}
	if want := "You scored 0.5 levels above the reference on average: more lenient than the rubric."; res.BiasWords != want {
		t.Errorf("bias words %q", res.BiasWords)
	}
}

func TestBiasWords(t *testing.T) {
	for _, c := range []struct {
		n    int
		bias float64
		want string
	}{
		{0, 0, "No samples scored yet."},
		{4, 0.04, "On average you scored level with the reference: neither lenient nor strict."},
		{4, 1, "You scored 1 level above the reference on average: more lenient than the rubric."},
		{4, -2, "You scored 2 levels below the reference on average: stricter than the rubric."},
		{3, 0.4, "You scored 0.4 levels above the reference on average: more lenient than the rubric."},
	} {
		if got := BiasWords(c.n, c.bias); got != c.want {
			t.Errorf("BiasWords(%d, %v) = %q, want %q", c.n, c.bias, got, c.want)
		}
	}
}

func TestCheckNamesTheSample(t *testing.T) {
	err := Check(drillRubric(), map[string]int{"tokens#1": 5, "nope#1": 2, "tokens#2": 2})
	var v *model.ValidationError
	if !errors.As(err, &v) || len(v.Fields) != 2 {
		t.Fatalf("Check = %v, want two problems", err)
	}
	if v.Fields[0].Field != "levels.nope#1" || v.Fields[1].Field != "levels.tokens#1" ||
		v.Fields[1].Message != "Level 5 is off the scale (1–4)" {
		t.Errorf("problems %+v", v.Fields)
	}
}

// The order hides the reference: each question's samples are shuffled,
// the same seed gives the same order, and questions stay in rubric order.
func TestShuffledKeepsQuestionsAndEverySample(t *testing.T) {
	r := rubric.Builtin()
	a, b := Shuffled(r, 7), Shuffled(r, 7)
	if !slices.EqualFunc(a, b, func(x, y Sample) bool { return x.ID == y.ID }) {
		t.Fatal("the same seed gave another order")
	}
	plain := Samples(r)
	if len(a) != len(plain) || len(a) < 32 {
		t.Fatalf("%d samples shuffled, %d in the rubric", len(a), len(plain))
	}
	inOrder := 0
	for i := range a {
		if a[i].QuestionID != plain[i].QuestionID {
			t.Fatalf("sample %d is from %s, want %s: questions must keep their order", i, a[i].QuestionID, plain[i].QuestionID)
		}
		if a[i].ID == plain[i].ID {
			inOrder++
		}
	}
	if inOrder == len(a) {
		t.Error("no sample moved: the levels would come in the order they were written")
	}
}

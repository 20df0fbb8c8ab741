package selfid

import (
	"errors"
	"reflect"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// person is one application as the worked example lists it: the furthest
// active stage their stage and history reach (counted by hand from the
// names the example gives) and whether they are in the rejected stage now.
type person struct {
	furthest        int64
	rejected        bool
	group, decision string
}

// classesOf counts people as storage.SelfIDCounts does, one class per
// person and part: everyone ("") and the category "Group".
func classesOf(people []person) []storage.SelfIDClass {
	out := []storage.SelfIDClass{{Part: storage.PartAnswered, Category: "Group", N: 1}}
	for _, p := range people {
		out = append(out, storage.SelfIDClass{Part: storage.PartPeople, Responded: p.group != "", N: 1})
		for _, cat := range []string{"", "Group"} {
			answer := p.group
			if cat == "" {
				answer = ""
			}
			out = append(out, storage.SelfIDClass{Part: storage.PartStage, Category: cat, Answer: answer, Furthest: p.furthest, Rejected: p.rejected, N: 1})
			if p.decision != "" {
				out = append(out, storage.SelfIDClass{Part: storage.PartScreen, Category: cat, Answer: answer, Decision: p.decision, N: 1})
			}
		}
	}
	return out
}

var exampleStages = []model.Stage{{ID: 3, Name: "Interview", Position: 2}, {ID: 1, Name: "Applied", Position: 0},
	{ID: 2, Name: "Screen", Position: 1}, {ID: 9, Name: "Rejected", Position: 3, Kind: model.StageRejected}}

// The worked example of docs/FAIRNESS.md ("The report of a role"), counted
// by hand there: each person's stage now and the stages their history
// entered, and (after the arrow) the furthest of Applied (1), Screen (2)
// and Interview (3) they reached.
func examplePeople() []person {
	at := func(furthest int64, group string) person { return person{furthest: furthest, group: group} }
	out := func(furthest int64, group string) person {
		return person{furthest: furthest, rejected: true, group: group}
	}
	return []person{
		at(3, "A"),  // Interview; Applied, Screen, Interview → Interview
		at(3, "A"),  // the same
		out(2, "A"), // Rejected; Applied, Screen, Rejected → Screen
		at(2, "A"),  // Screen; Applied, Screen → Screen
		out(1, "B"), // Rejected; Applied, Rejected → Applied
		out(2, "B"), // Rejected; Applied, Screen, Rejected → Screen
		at(3, "B"),  // Interview; Applied, Interview: the board skipped Screen → Interview
		at(1, PreferNot),
		out(1, ""), // Rejected; Applied, Rejected → Applied
	}
}

func workedExample() Input {
	return Input{Stages: exampleStages, Categories: []Category{{Name: "Group", Options: []string{"A", "B"}}},
		Classes: classesOf(examplePeople())}
}

func TestTheWorkedExampleOfARole(t *testing.T) {
	rep, err := Build(workedExample(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Decisions) != 2 || rep.Decisions[0].Name != "Applied → Screen" || rep.Decisions[1].Name != "Screen → Interview" {
		t.Fatalf("decisions = %+v", rep.Decisions)
	}
	type want struct {
		considered, pending int
		a, b                [2]int // n, selected
		undisclosed         map[string][2]int
		ratioB              float64
		flagB               bool
	}
	for i, w := range []want{
		{8, 1, [2]int{4, 4}, [2]int{3, 2}, map[string][2]int{NotAnswered: {1, 0}}, 2.0 / 3, true},
		{5, 1, [2]int{3, 2}, [2]int{2, 1}, map[string][2]int{}, 0.75, true},
	} {
		d := rep.Decisions[i]
		c := d.Categories[0]
		if d.Considered != w.considered || d.Pending != w.pending || c.Report == nil || len(c.Report.Groups) != 2 {
			t.Fatalf("%s: %+v", d.Name, d)
		}
		a, b := c.Report.Groups[0], c.Report.Groups[1]
		if [2]int{a.N, a.Selected} != w.a || [2]int{b.N, b.Selected} != w.b {
			t.Errorf("%s: A %d/%d, B %d/%d", d.Name, a.Selected, a.N, b.Selected, b.N)
		}
		if *a.ImpactRatio != 1 || abs(*b.ImpactRatio-w.ratioB) > 1e-12 || b.FourFifths != w.flagB {
			t.Errorf("%s: ratios %v %v, flag %v", d.Name, *a.ImpactRatio, *b.ImpactRatio, b.FourFifths)
		}
		got := map[string][2]int{}
		for _, u := range c.Undisclosed {
			got[u.Group] = [2]int{u.N, u.Selected}
			if u.ImpactRatio != nil || u.FisherP != nil {
				t.Errorf("%s: %s is compared: %+v", d.Name, u.Group, u)
			}
		}
		if len(got) != len(w.undisclosed) {
			t.Errorf("%s: undisclosed %v, want %v", d.Name, got, w.undisclosed)
		}
		for g, n := range w.undisclosed {
			if got[g] != n {
				t.Errorf("%s: %s = %v, want %v", d.Name, g, got[g], n)
			}
		}
	}
}

func TestTheScreenDecisionCountsOnlyDecidedScreens(t *testing.T) {
	people := examplePeople()
	people[0].decision, people[4].decision, people[5].decision = "advance", "reject", "advance"
	rep, err := Build(Input{Stages: exampleStages, Categories: workedExample().Categories, Classes: classesOf(people)}, false)
	if err != nil {
		t.Fatal(err)
	}
	d := rep.Decisions[0]
	if d.Name != ScreenDecision || d.Considered != 3 || d.Categories[0].Report.N != 3 || d.Categories[0].Report.Selected != 2 {
		t.Errorf("screen = %+v", d)
	}
}

// Classes that count several people weigh as that many: the worked
// example counted as the server counts it (the two alike in group A at
// Interview, one class of 2) gives the same report.
func TestClassesCountTheirPeople(t *testing.T) {
	want, err := Build(workedExample(), false)
	if err != nil {
		t.Fatal(err)
	}
	in := workedExample()
	// The first two people are alike: one class of 2 in each part.
	in.Classes = classesOf(examplePeople()[1:])
	for i := range in.Classes[1:4] { // after the "answered" class
		in.Classes[1+i].N = 2
	}
	got, err := Build(in, false)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("grouped:\n%+v\nwant\n%+v (%v)", got, want, err)
	}
	if got.People != 9 || got.Responded != 8 {
		t.Errorf("people %d, responded %d; want 9 and 8", got.People, got.Responded)
	}
}

// Mean composites by group from the server's sums, by hand: A {70, 80, 90}
// (mean 80, M2 200, variance 100) and B {50, 60} (mean 55, M2 50, variance
// 50); "Not answered" {65} is counted, never compared. A against the rest
// (B): difference 25, pooled SD √((2·100 + 1·50)/3) = 9.12871, d = 2.73861.
func TestMeansByGroupFromSums(t *testing.T) {
	in := workedExample()
	in.Measures = []Question{Composite}
	in.Sums = []storage.SelfIDSum{
		{Measure: 0, Category: "Group", Answer: "", N: 1, Mean: 65},
		{Measure: 0, Category: "Group", Answer: "A", N: 3, Mean: 80, M2: 200},
		{Measure: 0, Category: "Group", Answer: "B", N: 2, Mean: 55, M2: 50},
	}
	rep, err := Build(in, false)
	if err != nil || len(rep.Means) != 1 || len(rep.Means[0].Measures) != 1 {
		t.Fatalf("means = %+v, %v", rep.Means, err)
	}
	m := rep.Means[0].Measures[0]
	if m.Name != "Interview composite" || len(m.Groups) != 2 || len(m.Undisclosed) != 1 || m.StandsOut {
		t.Fatalf("measure = %+v", m)
	}
	a := m.Groups[0]
	if a.Group != "A" || a.N != 3 || a.Mean != 80 || a.VsRest == nil || a.VsRest.Difference != 25 ||
		a.VsRest.D == nil || abs(*a.VsRest.D-2.73861) > 5e-6 {
		t.Errorf("A = %+v (vs rest %+v)", a, a.VsRest)
	}
	if u := m.Undisclosed[0]; u.Group != NotAnswered || u.N != 1 || u.Mean != 65 || u.VsRest != nil {
		t.Errorf("not answered = %+v", u)
	}
	if m.LargestD == nil || abs(*m.LargestD-2.73861) > 5e-6 {
		t.Errorf("largest d = %v", m.LargestD)
	}
}

func TestExportsHideSmallGroups(t *testing.T) {
	rep, err := Build(workedExample(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Decisions {
		c := d.Categories[0]
		if len(c.Report.Groups) != 0 || len(c.Hidden) < 2 {
			t.Errorf("%s: groups of fewer than 5 exported: %+v", d.Name, c)
		}
	}
	wb := Workbook(rep)
	for _, r := range wb.Rates {
		if r.Shown {
			t.Errorf("a small group has numbers in the workbook: %+v", r)
		}
	}
}

func TestOnlyTheRecruiterReadsOrRecordsAnswers(t *testing.T) {
	s := New(nil) // refused before the store is touched
	interviewer := scoring.Exporter{ProfileID: 2}
	if _, err := s.Of(t.Context(), interviewer, 1); !errors.Is(err, model.ErrConflict) {
		t.Errorf("an interviewer read answers: %v", err)
	}
	if _, err := s.Record(t.Context(), interviewer, 1, map[string]string{"Gender": "Woman"}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("an interviewer recorded answers: %v", err)
	}
	if _, err := s.SetCategories(t.Context(), interviewer, Defaults()); !errors.Is(err, model.ErrConflict) {
		t.Errorf("an interviewer edited the categories: %v", err)
	}
}

func TestCategoriesAlwaysOfferPreferNotAndRefuseItAsAnOption(t *testing.T) {
	for _, c := range Defaults() {
		if o := c.Offered(); o[len(o)-1] != PreferNot {
			t.Errorf("%s offers %v", c.Name, o)
		}
	}
	if err := CheckCategories(Defaults()); err != nil {
		t.Errorf("defaults: %v", err)
	}
	bad := []Category{{Name: "X", Options: []string{"prefer not to say"}}, {Name: "x", Options: []string{"a", "A"}}}
	var v *model.ValidationError
	if err := CheckCategories(bad); !errors.As(err, &v) || len(v.Fields) != 3 {
		t.Errorf("bad categories: %v", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

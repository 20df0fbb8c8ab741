package selfid

import (
	"errors"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// The worked example of docs/FAIRNESS.md ("The report of a role"), counted
// by hand there.
func workedExample() Input {
	stages := []model.Stage{{ID: 3, Name: "Interview", Position: 2}, {ID: 1, Name: "Applied", Position: 0},
		{ID: 2, Name: "Screen", Position: 1}, {ID: 9, Name: "Rejected", Position: 3, Kind: model.StageRejected}}
	p := func(id, stage int64, group string, reached ...string) storage.SelfIDFact {
		v := map[string]string{}
		if group != "" {
			v["Group"] = group
		}
		return storage.SelfIDFact{CandidateID: id, StageID: stage, Reached: reached, Values: v}
	}
	return Input{Stages: stages, Categories: []Category{{Name: "Group", Options: []string{"A", "B"}}},
		Facts: []storage.SelfIDFact{
			p(1, 3, "A", "Applied", "Screen", "Interview"),
			p(2, 3, "A", "Applied", "Screen", "Interview"),
			p(3, 9, "A", "Applied", "Screen", "Rejected"),
			p(4, 2, "A", "Applied", "Screen"),
			p(5, 9, "B", "Applied", "Rejected"),
			p(6, 9, "B", "Applied", "Screen", "Rejected"),
			p(7, 3, "B", "Applied", "Interview"), // the board skipped Screen
			p(8, 1, PreferNot, "Applied"),
			p(9, 9, "", "Applied", "Rejected"),
		}}
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
	in := workedExample()
	in.Facts[0].Decision, in.Facts[4].Decision, in.Facts[5].Decision = "advance", "reject", "advance"
	rep, err := Build(in, false)
	if err != nil {
		t.Fatal(err)
	}
	d := rep.Decisions[0]
	if d.Name != ScreenDecision || d.Considered != 3 || d.Categories[0].Report.N != 3 || d.Categories[0].Report.Selected != 2 {
		t.Errorf("screen = %+v", d)
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

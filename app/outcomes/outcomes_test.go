package outcomes

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/validity"
)

func ptr[T any](v T) *T { return &v }

var today = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// The worked example of docs/FAIRNESS.md ("Validity per role"), computed by
// hand: composites 50, 60, 70, 80, 90 and 90-day ratings 2, 4, 3, 5, 4.
// Means 70 and 3.6; Σdx·dy = 50, Σdx² = 1000, Σdy² = 5.2, so
// r = 50/√5200 = 0.693; z = atanh r = 0.854, ±1.960/√2 = ±1.386, back
// through tanh: −0.487 to 0.978. Ranks of the ratings 1, 3.5, 2, 5, 3.5
// against 1…5: Σ = 6.5, 10, 9.5, rho = 6.5/√95 = 0.667.
func TestTheWorkedExampleByHand(t *testing.T) {
	composites := []float64{50, 60, 70, 80, 90}
	ratings := []int{2, 4, 3, 5, 4}
	var scores []Scores
	people := map[int64]Person{}
	for i := range composites {
		id := int64(i + 1)
		scores = append(scores, Scores{CandidateID: id, Composite: &composites[i], Competencies: map[string]float64{"craft": composites[i]}})
		people[id] = Person{Outcome: Input{Rating90d: &ratings[i]}, HiredAt: "2025-01-10T09:00:00.000Z"}
	}
	// Someone interviewed but not hired has no outcome: not a pair.
	scores = append(scores, Scores{CandidateID: 99, Composite: ptr(10.0)})
	rep := Build(scores, []Competency{{"craft", "Craft"}}, people, today)
	if rep.People != 5 || rep.Empty != "" || rep.RangeRestriction != validity.RangeRestriction {
		t.Fatalf("report = %+v", rep)
	}
	if len(rep.Measures) != 3 || rep.Measures[0].Key != Rating90d || len(rep.Measures[0].Rows) != 2 {
		t.Fatalf("measures = %+v", rep.Measures)
	}
	for _, row := range rep.Measures[0].Rows {
		s := row.Stats
		if s.N != 5 || s.PearsonR == nil || s.PearsonCI == nil || s.SpearmanRho == nil {
			t.Fatalf("%s: %+v", row.Predictor, s)
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"r", *s.PearsonR, 0.693}, {"low", s.PearsonCI[0], -0.487}, {"high", s.PearsonCI[1], 0.978}, {"rho", *s.SpearmanRho, 0.667}} {
			if math.Abs(c.got-c.want) > 0.0005 {
				t.Errorf("%s %s = %.4f, want %.3f", row.Predictor, c.what, c.got, c.want)
			}
		}
		if !strings.Contains(s.Warning, "Only 5 pairs") {
			t.Errorf("no small-sample warning: %q", s.Warning)
		}
	}
	// Nobody has a 1-year rating: said, not computed.
	if s := rep.Measures[1].Rows[0].Stats; s.N != 0 || s.PearsonR != nil || len(s.Notes) != 1 || s.Notes[0] != NoPairs {
		t.Errorf("1-year row = %+v", s)
	}
	// All five still there after more than a year: everyone stayed, so
	// there is nothing to correlate.
	if s := rep.Measures[2].Rows[0].Stats; s.N != 5 || s.PearsonR != nil {
		t.Errorf("stayed row = %+v", s)
	}
}

func TestNoOutcomesSaysWhatToRecord(t *testing.T) {
	rep := Build([]Scores{{CandidateID: 1, Composite: ptr(70.0)}}, nil, map[int64]Person{}, today)
	if rep.People != 0 || rep.Empty == "" || !strings.Contains(rep.Empty, "90 days") {
		t.Errorf("empty report = %+v", rep)
	}
}

func TestStayed(t *testing.T) {
	hired := "2025-03-01T10:00:00.000Z"
	cases := []struct {
		name string
		in   Input
		at   string
		want *float64
	}{
		{"still there, year not up", Input{}, "2025-09-01T00:00:00.000Z", nil},
		{"still there after a year", Input{}, hired, ptr(1.0)},
		{"regretted leaver within the year", Input{LeftOn: "2026-01-15", Regretted: ptr(true)}, hired, ptr(0.0)},
		{"left within the year, not regretted", Input{LeftOn: "2025-06-01", Regretted: ptr(false)}, hired, ptr(1.0)},
		{"regretted leaver after the year", Input{LeftOn: "2026-03-02", Regretted: ptr(true)}, hired, ptr(1.0)},
	}
	for _, c := range cases {
		got := Value(Stayed, Person{Outcome: c.in, HiredAt: c.at}, today)
		if (got == nil) != (c.want == nil) || (got != nil && *got != *c.want) {
			t.Errorf("%s: got %v, want %v", c.name, deref(got), deref(c.want))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestCheckNamesEachBadField(t *testing.T) {
	err := Check(Input{Rating90d: ptr(6), Rating1y: ptr(0), LeftOn: "31/03/2026"}, today)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v", err)
	}
	fields := map[string]string{}
	for _, f := range ve.Fields {
		fields[f.Field] = f.Message
	}
	if len(fields) != 4 || !strings.Contains(fields["rating90d"], "6 is not") || !strings.Contains(fields["rating1y"], "0 is not") ||
		!strings.Contains(fields["leftOn"], "YYYY-MM-DD") || !strings.Contains(fields["regretted"], "yes or no") {
		t.Errorf("fields = %v", fields)
	}
	if err := Check(Input{LeftOn: "2026-07-01", Regretted: ptr(false)}, today); err == nil || !strings.Contains(err.Error(), "future") {
		t.Errorf("a leaving date in the future: %v", err)
	}
	if err := Check(Input{Regretted: ptr(true)}, today); err == nil || !strings.Contains(err.Error(), "regretted") {
		t.Errorf("regretted without a date: %v", err)
	}
	if err := Check(Input{Rating90d: ptr(1), Rating1y: ptr(5), LeftOn: "2026-05-31", Regretted: ptr(true)}, today); err != nil {
		t.Errorf("a good outcome: %v", err)
	}
	if err := Check(Input{}, today); err != nil {
		t.Errorf("nothing known yet is a valid outcome (still employed): %v", err)
	}
}

func TestHiredStages(t *testing.T) {
	for name, want := range map[string]bool{"Hired": true, "hire": true, "Hired – started": true, "Hiring manager": false,
		"Offer": false, "Interview": false} {
		if got := Hired(name, model.StageActive); got != want {
			t.Errorf("Hired(%q) = %v", name, got)
		}
	}
	if Hired("Hired", model.StageRejected) {
		t.Error("a rejected stage is never hired")
	}
}

func TestOnlyTheRecruiterRecords(t *testing.T) {
	if err := May(scoring.Exporter{ProfileID: 3}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("an interviewer: %v", err)
	}
	if May(scoring.Exporter{IsRecruiter: true}) != nil || May(scoring.Exporter{Owner: true}) != nil {
		t.Error("the recruiter or the command line is refused")
	}
}

func TestTheWorkbookNamesNobody(t *testing.T) {
	r := 4
	rep := Build([]Scores{{CandidateID: 7, Composite: ptr(80.0)}}, nil, map[int64]Person{7: {Outcome: Input{Rating90d: &r}}}, today)
	v := Workbook(rep)
	if v.People != 1 || len(v.Rows) != 3 || v.Rows[0].N != 1 || v.Rows[0].R != nil || v.Notes[0] != validity.RangeRestriction {
		t.Errorf("workbook = %+v", v)
	}
}

// The Validity report: for each outcome, how well the interview composite
// and each competency's score predicted it, among the role's hired people.

package outcomes

import (
	"time"

	"hirebench/app/validity"
)

// Keys of the outcomes the report correlates.
const (
	Rating90d = "rating90d"
	Rating1y  = "rating1y"
	Stayed    = "stayed"
	// Composite is the predictor key of the interview composite.
	Composite = "composite"
)

// Empty is what the report says before any outcome is recorded.
const Empty = "No outcomes recorded yet for this role. Open a hired candidate and record their rating at 90 days, " +
	"at 1 year and whether they left (and if it was regretted); the correlations appear here."

// NoPairs is a row's note when nobody has both the score and the outcome.
const NoPairs = "Nobody hired has both this score and this outcome yet."

// Scores are one person's interview scores (0–100; nil or absent: none).
type Scores struct {
	CandidateID  int64
	Composite    *float64
	Competencies map[string]float64
}

// Competency is a predictor column: a competency of the role's rubric.
type Competency struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Person is one hired person's outcome and when they were hired
// (a timestamp; its date is what counts).
type Person struct {
	Outcome Input
	HiredAt string
}

// Report is the role's Validity report.
type Report struct {
	RoleID    int64  `json:"roleId"`
	RoleTitle string `json:"roleTitle"`
	// People is how many hired people have an outcome recorded.
	People           int       `json:"people"`
	Measures         []Measure `json:"measures"`
	RangeRestriction string    `json:"rangeRestriction"`
	Scale            string    `json:"scale"`
	// Empty is set when no outcome is recorded: what to record.
	Empty string `json:"empty"`
}

// Measure is one outcome and its correlation with each predictor.
type Measure struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Rows  []Row  `json:"rows"`
}

// Row is one predictor against one outcome.
type Row struct {
	Predictor string          `json:"predictor"`
	Label     string          `json:"label"`
	Stats     validity.Report `json:"stats"`
}

// measures are the outcomes in the order the report shows them.
var measures = []struct{ key, label string }{
	{Rating90d, "Rating at 90 days (1–5)"},
	{Rating1y, "Rating at 1 year (1–5)"},
	{Stayed, "Stayed (1: still there after a year, or left without regret; 0: a regretted leaver within a year)"},
}

// Build correlates each person's scores with their outcomes. people is by
// candidate id; today decides who has been there a year.
func Build(scores []Scores, comps []Competency, people map[int64]Person, today time.Time) Report {
	rep := Report{People: len(people), RangeRestriction: validity.RangeRestriction, Scale: Scale, Measures: []Measure{}}
	if len(people) == 0 {
		rep.Empty = Empty
	}
	type predictor struct {
		key, label string
		of         func(Scores) *float64
	}
	preds := []predictor{{Composite, "Interview composite (0–100)", func(s Scores) *float64 { return s.Composite }}}
	for _, c := range comps {
		preds = append(preds, predictor{c.ID, c.Name, func(s Scores) *float64 {
			if v, ok := s.Competencies[c.ID]; ok {
				return &v
			}
			return nil
		}})
	}
	for _, m := range measures {
		ms := Measure{Key: m.key, Label: m.label, Rows: []Row{}}
		for _, p := range preds {
			var x, y []float64
			for _, s := range scores {
				person, ok := people[s.CandidateID]
				if !ok {
					continue
				}
				score, outcome := p.of(s), Value(m.key, person, today)
				if score != nil && outcome != nil {
					x, y = append(x, *score), append(y, *outcome)
				}
			}
			ms.Rows = append(ms.Rows, Row{Predictor: p.key, Label: p.label, Stats: analyze(x, y)})
		}
		rep.Measures = append(rep.Measures, ms)
	}
	return rep
}

func analyze(x, y []float64) validity.Report {
	if len(x) == 0 {
		return validity.Report{Notes: []string{NoPairs}}
	}
	r, err := validity.Analyze(x, y)
	if err != nil { // only for lengths or non-finite values, which Build never makes
		return validity.Report{N: len(x), Notes: []string{err.Error()}}
	}
	return r
}

// Value is one person's value of an outcome, nil when not known: a rating
// as given; stayed is 0 for a regretted leaver within a year of the hire,
// unknown while they are still there and the year is not up, 1 otherwise.
func Value(key string, p Person, today time.Time) *float64 {
	f := func(v int) *float64 { x := float64(v); return &x }
	switch key {
	case Rating90d:
		if p.Outcome.Rating90d != nil {
			return f(*p.Outcome.Rating90d)
		}
	case Rating1y:
		if p.Outcome.Rating1y != nil {
			return f(*p.Outcome.Rating1y)
		}
	case Stayed:
		hired, err := time.Parse(DateLayout, first10(p.HiredAt))
		if err != nil {
			return nil
		}
		yearOn := hired.AddDate(1, 0, 0)
		if p.Outcome.LeftOn == "" {
			if today.Before(yearOn) {
				return nil
			}
			return f(1)
		}
		left, err := time.Parse(DateLayout, p.Outcome.LeftOn)
		if err != nil {
			return nil
		}
		if p.Outcome.Regretted != nil && *p.Outcome.Regretted && left.Before(yearOn) {
			return f(0)
		}
		return f(1)
	}
	return nil
}

func first10(s string) string {
	if len(s) < 10 {
		return s
	}
	return s[:10]
}

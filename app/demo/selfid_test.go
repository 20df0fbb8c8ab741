package demo_test

import (
	"context"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/scoring"
	"hirebench/app/selfid"
)

// The demo's Fairness view has numbers to show: most people answered, some
// declined a question, and every role's report compares groups.
func TestDemoCastSelfIdentified(t *testing.T) {
	t.Parallel()
	s, svc := seededCopy(t)
	ctx := context.Background()
	roles, err := svc.Roles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	people, responded, compared, declined := 0, 0, 0, 0
	for _, r := range roles {
		rep, err := interviews.New(s).Fairness(ctx, r.ID, scoring.Exporter{Owner: true})
		if err != nil {
			t.Fatal(err)
		}
		people += rep.People
		responded += rep.Responded
		for _, d := range rep.Decisions {
			for _, c := range d.Categories {
				if c.Report != nil && len(c.Report.Groups) >= 2 {
					compared++
				}
				for _, u := range c.Undisclosed {
					if u.Group == selfid.PreferNot {
						declined++
					}
				}
			}
		}
		if len(rep.Means) == 0 {
			t.Errorf("%s: no mean scores by group", r.Title)
		}
	}
	// One in eight answers nothing: of 40, between 25 and 39 answered.
	if people != 40 || responded < 25 || responded == people {
		t.Errorf("%d of %d people answered", responded, people)
	}
	if compared == 0 || declined == 0 {
		t.Errorf("%d comparisons, %d rows of people who declined", compared, declined)
	}
}

package interviews_test

import (
	"math"
	"testing"
)

func TestRoleDebriefFollowsTheBlindRule(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 4)
	e.submit(t, e.priya, 2)
	// Jonas submitted nothing for Ada: he sees no debrief of her.
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.jonas)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Candidates) != 0 || d.Hidden != 1 {
		t.Fatalf("Jonas sees %d candidates, %d hidden; want 0 and 1", len(d.Candidates), d.Hidden)
	}
	for _, viewer := range []string{"Sam", "Riley"} {
		p := e.sam
		if viewer == "Riley" {
			p = e.riley
		}
		d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, p)
		if err != nil || len(d.Candidates) != 1 {
			t.Fatalf("%s: %d candidates, err %v", viewer, len(d.Candidates), err)
		}
		deb := d.Candidates[0].Debrief
		// Both questions scored 4 by Sam and 2 by Priya on 1–4: normalised 100 and
		// 33.33 with equal weights per card → pooled composite depends on weights;
		// every question is scored by both, so the composite is their mean: 66.67.
		if deb.Composite == nil || math.Abs(*deb.Composite-200.0/3) > 1e-9 || deb.Cards != 2 || deb.Disagreements != len(deb.Rows) {
			t.Errorf("%s: composite %v, cards %d, disagreements %d of %d", viewer, deb.Composite, deb.Cards, deb.Disagreements, len(deb.Rows))
		}
		if d.Candidates[0].Stage != "Applied" {
			t.Errorf("stage = %q", d.Candidates[0].Stage)
		}
	}
}

func TestCommitteeHoldsEverySubmittedAnswer(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	e.submit(t, e.priya, 3)
	// A draft never reaches the committee.
	if _, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.jonas); err != nil {
		t.Fatal(err)
	}
	c, err := e.iv.Committee(e.ctx, e.role.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	questions := len(e.builtin.Content.Competencies[0].Questions)
	if len(c.Candidates) != 1 || len(c.Scorecards) != 2*questions || len(c.Weights) != questions {
		t.Fatalf("committee: %d candidates, %d score rows, %d weights", len(c.Candidates), len(c.Scorecards), len(c.Weights))
	}
	for _, r := range c.Scorecards {
		if r.Interviewer == "Jonas Weber" || len(r.Hash) != 64 || r.Norm == nil || math.Abs(*r.Norm-200.0/3) > 1e-9 {
			t.Errorf("score row %+v", r)
		}
	}
	if c.Stats.Ratings != 2 || c.Stats.Raters != 2 {
		t.Errorf("stats over %d ratings by %d raters, want 2 by 2", c.Stats.Ratings, c.Stats.Raters)
	}
}

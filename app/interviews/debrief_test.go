// Tests role debriefs and the committee export: the blind rule, ranking, weights fixed
// at the first submission, calibration, drift, and no ranks for a partial view.

package interviews_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

func TestRoleDebriefFollowsTheBlindRule(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 4)
	e.submit(t, e.priya, 2)
	// Jonas interviews nobody: he sees no debrief of Ada.
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.jonas)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Candidates) != 0 || d.Hidden != 1 {
		t.Fatalf("Jonas sees %d candidates, %d hidden; want 0 and 1", len(d.Candidates), d.Hidden)
	}
	for _, p := range []model.Profile{e.sam, e.riley} {
		d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, p)
		if err != nil || len(d.Candidates) != 1 {
			t.Fatalf("%s: %d candidates, err %v", p.Name, len(d.Candidates), err)
		}
		cd := d.Candidates[0]
		deb := cd.Debrief
		// The plan is one competency; every question scored 4 (100) by Sam and
		// 2 (33.33) by Priya: each question's mean is 66.67, so is the composite.
		// Own composites 100 and 33.33: SD 47.14, standard error 33.33.
		if deb.Composite == nil || math.Abs(*deb.Composite-200.0/3) > 1e-9 || deb.Cards != 2 || deb.Disagreements != len(deb.Rows) {
			t.Errorf("%s: composite %v, cards %d, disagreements %d of %d", p.Name, deb.Composite, deb.Cards, deb.Disagreements, len(deb.Rows))
		}
		if math.Abs(deb.Coverage-1) > 1e-9 || !deb.Complete || cd.Rank != 1 || deb.UncertaintyLabel != "±33.3 between 2 interviewers" {
			t.Errorf("%s: coverage %v complete %v rank %d uncertainty %q", p.Name, deb.Coverage, deb.Complete, cd.Rank, deb.UncertaintyLabel)
		}
		if cd.Stage != "Applied" {
			t.Errorf("stage = %q", cd.Stage)
		}
	}
}

// A second round covers another competency: Ada with one round done is
// incomplete (below 80% of the plan) and listed after Bo, who has both.
func TestIncompleteCandidatesAreListedBelowTheRanked(t *testing.T) {
	e := newEnv(t)
	second := e.addRound(t, "System design", e.builtin.Content.Competencies[1].ID, e.sam, e.priya)
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	e.submitFor(t, e.app, e.round, e.sam, 4)
	e.submitFor(t, bo, e.round, e.sam, 2)
	e.submitFor(t, bo, second, e.sam, 2)
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Candidates) != 2 {
		t.Fatalf("%d candidates", len(d.Candidates))
	}
	first, last := d.Candidates[0], d.Candidates[1]
	if first.Debrief.CandidateName != "Bo Ekholm" || first.Rank != 1 || !first.Debrief.Complete {
		t.Errorf("first = %s rank %d complete %v; want Bo, ranked", first.Debrief.CandidateName, first.Rank, first.Debrief.Complete)
	}
	// Ada scored 100 but on half the plan: incomplete, no rank, listed last.
	if last.Debrief.CandidateName != "Ada Lovelace" || last.Rank != 0 || last.Debrief.Complete || math.Abs(last.Debrief.Coverage-0.5) > 1e-9 {
		t.Errorf("last = %s rank %d complete %v coverage %v", last.Debrief.CandidateName, last.Rank, last.Debrief.Complete, last.Debrief.Coverage)
	}
	if len(last.Debrief.Uncovered) != len(e.builtin.Content.Competencies[1].Questions) {
		t.Errorf("uncovered = %+v, want the second round's questions", last.Debrief.Uncovered)
	}
}

func TestCommitteeHoldsEverySubmittedAnswerAndOnlyTheRecruiterExports(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	e.submit(t, e.priya, 3)
	// A draft never reaches the committee.
	if _, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.jonas); err == nil {
		t.Fatal("Jonas, who is not assigned, started a card")
	}
	who := []struct {
		name string
		e    scoring.Exporter
		ok   bool
	}{
		{"interviewer", scoring.ExporterOf(e.sam), false},
		{"recruiter", scoring.ExporterOf(e.riley), true},
		{"command line", scoring.Exporter{Owner: true}, true},
	}
	for _, w := range who {
		_, err := e.iv.Committee(e.ctx, e.role.ID, "test", w.e)
		if (err == nil) != w.ok || (err != nil && !errors.Is(err, model.ErrConflict)) {
			t.Errorf("%s exporting the committee workbook: %v, want allowed=%v", w.name, err, w.ok)
		}
	}
	c, err := e.iv.Committee(e.ctx, e.role.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil {
		t.Fatal(err)
	}
	questions := len(e.builtin.Content.Competencies[0].Questions)
	if len(c.Candidates) != 1 || len(c.Scorecards) != 2*questions || len(c.Questions) != questions || len(c.Answers) != questions {
		t.Fatalf("committee: %d candidates, %d score rows, %d questions, %d answers", len(c.Candidates), len(c.Scorecards), len(c.Questions), len(c.Answers))
	}
	for _, r := range c.Scorecards {
		if len(r.Hash) != 64 || r.Norm == nil || math.Abs(*r.Norm-200.0/3) > 1e-9 || r.InterviewerID == 0 {
			t.Errorf("score row %+v", r)
		}
	}
	var sum float64
	for _, q := range c.Questions {
		sum += q.Effective
	}
	if math.Abs(sum-1) > 1e-9 || c.CoverageThreshold != scoring.DefaultCoverageThreshold {
		t.Errorf("effective weights sum to %v; threshold %v", sum, c.CoverageThreshold)
	}
}

func TestWeightsAreFixedBeforeScoring(t *testing.T) {
	e := newEnv(t)
	comp := e.builtin.Content.Competencies[0]
	q := comp.Questions[0]
	// An interviewer may not set weights.
	if _, err := e.iv.SetWeights(e.ctx, e.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, QuestionID: q.ID, Weight: 3}}, "", e.sam); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("interviewer set weights: %v", err)
	}
	// Before scoring: no reason needed, recorded as preparation.
	p, err := e.iv.SetWeights(e.ctx, e.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, QuestionID: q.ID, Weight: 3}}, "", e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if p.ChangedAfterScoring || p.WeightsNote != "" || len(p.Changes) != 1 || p.Changes[0].AfterScoring || p.Questions[0].QuestionWeight != 3 {
		t.Fatalf("before scoring: %+v", p)
	}
	e.submit(t, e.sam, 3)
	// After the first submission a change needs a reason, and says so.
	_, err = e.iv.SetWeights(e.ctx, e.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, QuestionID: q.ID, Weight: 1}}, "", e.riley)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "reason" {
		t.Fatalf("after scoring without a reason: %v", err)
	}
	p, err = e.iv.SetWeights(e.ctx, e.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, QuestionID: q.ID, Weight: 1}},
		"The committee asked for equal weights", e.riley)
	if err != nil {
		t.Fatal(err)
	}
	last := p.Changes[len(p.Changes)-1]
	if !p.ChangedAfterScoring || !strings.Contains(p.WeightsNote, "changed after scoring began") ||
		last.Old != 3 || last.New != 1 || last.ActorName != "Riley Chen" || last.Reason != "The committee asked for equal weights" || !last.AfterScoring {
		t.Errorf("after scoring: note %q, change %+v", p.WeightsNote, last)
	}
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil || !d.Plan.ChangedAfterScoring {
		t.Errorf("the debrief does not say weights changed: %v", err)
	}
	c, err := e.iv.Committee(e.ctx, e.role.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil || c.WeightsNote == "" || len(c.WeightChanges) != 2 {
		t.Errorf("the workbook does not carry the weight history: %q %d %v", c.WeightsNote, len(c.WeightChanges), err)
	}
}

func TestCalibrationOnLikeForLikeRatings(t *testing.T) {
	e := newEnv(t)
	// Five candidates, Sam and Priya on both questions of the round's competency:
	// 10 items (candidate × question), each scored by both.
	apps := []model.Application{e.app}
	for _, n := range []string{"Bo", "Cy", "Di", "Ed"} {
		apps = append(apps, e.candidate(t, n+" Test", strings.ToLower(n)+"@example.com"))
	}
	for i, a := range apps {
		e.submitFor(t, a, e.round, e.sam, 1+i%4)
		e.submitFor(t, a, e.round, e.priya, 1+(i+1)%4)
	}
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	cal := d.Calibration
	questions := len(e.builtin.Content.Competencies[0].Questions)
	if len(cal.Pooled) != 1 || len(cal.Competencies) != 1 || questions != 2 {
		t.Fatalf("groups: %d pooled, %d competencies (%d questions)", len(cal.Pooled), len(cal.Competencies), questions)
	}
	g := cal.Pooled[0]
	// Items are candidate × question, in raw levels on the 1–4 scale.
	if g.Scale != "1–4" || g.Candidates != 5 || g.Items != 10 || g.PairedItems != 10 || g.Raters != 2 || g.Ratings != 20 {
		t.Errorf("pooled = %+v", g)
	}
	if g.TooFew || g.Report == nil || g.Report.Subjects != 10 || g.Report.Raters != 2 || g.Report.AlphaOrdinal == nil {
		t.Fatalf("pooled report = %+v", g)
	}
	// Raw levels: Priya's scores run one level above Sam's on 4 of 5
	// candidates, so her mean is above his (1.6 + 0.4·… on a 1–4 scale).
	names := map[string]bool{}
	for _, l := range g.Report.Leniency {
		names[l.Rater] = true
		if l.Mean < 1 || l.Mean > 4 {
			t.Errorf("%s's mean %v is not on the 1–4 scale", l.Rater, l.Mean)
		}
	}
	if !names["Sam Okafor"] || !names["Priya Nair"] {
		t.Errorf("leniency raters %v are not the interviewers' names", names)
	}
	// Columns over several groups name a statistic without k; each report
	// names its own with its k (two interviewers here).
	if cal.Labels["icc_2_1"] != "ICC(2,1)" || cal.Labels["icc_2_k"] != "ICC(2,k)" || cal.Labels["alpha_ordinal"] != "Krippendorff's α (ordinal)" {
		t.Errorf("column labels %q", cal.Labels)
	}
	if s := g.Report.Statistics[4]; s.Field != "icc_2_k" || s.Label != "ICC(2,2)" {
		t.Errorf("pooled icc_2_k = %+v", s)
	}
	// The bottom line rests on the pooled alpha: the two never give an
	// answer the same level, so they agree too little to rank on.
	if b := cal.BottomLine; b.Verdict != scoring.VerdictDisagree || b.Value == nil || *b.Value != *g.Report.AlphaOrdinal ||
		b.Headline != "Your interviewers agree too little to rely on the ranking: discuss before deciding." {
		t.Errorf("bottom line = %+v", b)
	}
}

func TestCalibrationSaysTooFewToSay(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	e.submit(t, e.priya, 2)
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	g := d.Calibration.Pooled[0]
	if !g.TooFew || g.Report != nil || g.Reason != "too few to say: 1 candidate (needs at least 3)" {
		t.Errorf("one candidate: %+v", g)
	}
	if b := d.Calibration.BottomLine; b.Verdict != scoring.VerdictTooFew ||
		b.Basis != "So far 1 candidate and 2 answers scored by two or more interviewers on the 1–4 scale; it takes at least 3 and 10." {
		t.Errorf("bottom line = %+v", b)
	}
}

// The first submission fixes the plan: a rubric edit afterwards cannot
// move its weights, and a round added later shows up as drift, which the
// debrief and the workbook announce.
func TestPlanIsFixedAtTheFirstSubmission(t *testing.T) {
	e := newEnv(t)
	custom, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, "Custom", e.riley)
	if err != nil {
		t.Fatal(err)
	}
	comp := custom.Content.Competencies[0]
	round, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{ID: e.round.ID, RoleID: e.role.ID, Name: "Deep dive", RubricID: custom.RubricID,
		Competencies: []string{comp.ID}, DurationMin: 60, InterviewerIDs: []int64{e.sam.ID, e.priya.ID}}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	e.round = round
	e.addRound(t, "Before scoring", e.builtin.Content.Competencies[1].ID, e.sam) // preparation
	before, _ := e.iv.Plan(e.ctx, e.role.ID)
	if before.FixedAt != "" || len(before.Drift) != 0 {
		t.Fatalf("fixed before any submission: %+v", before)
	}
	e.submit(t, e.sam, 3)
	fixed, _ := e.iv.Plan(e.ctx, e.role.ID)
	if fixed.FixedAt == "" || fixed.ChangedAfterScoring || len(fixed.Drift) != 0 {
		t.Fatalf("after the first submission: fixedAt %q drift %v note %q", fixed.FixedAt, fixed.Drift, fixed.WeightsNote)
	}
	// Someone edits the rubric's first question weight: the plan keeps its weights.
	r := custom.Content
	r.Competencies[0].Questions[0].Weight = 9
	if _, err := e.iv.SaveRubric(e.ctx, custom.RubricID, r, e.jonas); err != nil {
		t.Fatal(err)
	}
	after, _ := e.iv.Plan(e.ctx, e.role.ID)
	for i, q := range after.Questions {
		if math.Abs(q.Effective-fixed.Questions[i].Effective) > 1e-12 {
			t.Errorf("a rubric edit moved %s from %v to %v", q.Key, fixed.Questions[i].Effective, q.Effective)
		}
	}
	if after.ChangedAfterScoring {
		t.Errorf("an edit that moved nothing is announced: %q", after.WeightsNote)
	}
	// A round added after scoring began: every share moves, and it says so.
	third := e.builtin.Content.Competencies[2]
	e.addRound(t, "Late round", third.ID, e.priya)
	p, err := e.iv.Plan(e.ctx, e.role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !p.ChangedAfterScoring || len(p.Drift) != 1 || !strings.Contains(p.Drift[0], "now also asks "+third.Name) ||
		!strings.HasPrefix(p.WeightsNote, "Weights changed after scoring began: the plan now also asks "+third.Name) {
		t.Errorf("late round: drift %v note %q", p.Drift, p.WeightsNote)
	}
	c, err := e.iv.Committee(e.ctx, e.role.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil || c.WeightsNote != p.WeightsNote || len(c.WeightChanges) != 1 || !c.WeightChanges[0].PlanChange {
		t.Errorf("workbook: note %q history %+v (%v)", c.WeightsNote, c.WeightChanges, err)
	}
}

// An interviewer who sees only some candidates gets no ranks: a rank among
// the visible ones would mislead, and the true one would reveal others'.
func TestNoRanksForAPartialView(t *testing.T) {
	e := newEnv(t)
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	e.submit(t, e.sam, 2)
	e.submit(t, e.priya, 2)
	e.submitFor(t, bo, e.round, e.priya, 4) // Bo: Priya only; Sam has not interviewed him
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if d.Hidden != 1 || len(d.Candidates) != 1 || d.Candidates[0].Rank != 0 || !strings.Contains(d.RankNote, "1 candidate of this role is hidden") {
		t.Errorf("Sam's partial view: hidden %d, rank %d, note %q", d.Hidden, d.Candidates[0].Rank, d.RankNote)
	}
	full, _ := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if full.RankNote != "" || full.Candidates[0].Rank != 1 || full.Candidates[1].Rank != 2 {
		t.Errorf("the recruiter's ranking: %+v %q", full.Candidates, full.RankNote)
	}
}

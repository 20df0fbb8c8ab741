// Tests debriefs, composites and plan weights against the hand-computed worked example
// of docs/SCORING.md, plus ranking, skips, disagreement, weight edits and drift.

package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"hirebench/app/rubric"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// goldenRubric is the worked example of docs/SCORING.md on a scale:
// Technical (weight 2: t1 w1, t2 w1, t3 w2) and Communication (weight 1:
// c1 w1, c2 w1, optional).
func goldenRubric(min, max int) rubric.Rubric {
	n := max - min + 1
	labels, anchors := make([]string, n), make([]string, n)
	for i := range labels {
		labels[i] = string(rune('A' + i))
	}
	return rubric.Rubric{Scale: rubric.Scale{Min: min, Max: max, Labels: labels}, Competencies: []rubric.Competency{
		{ID: "tech", Name: "Technical", Weight: 2, Questions: []rubric.Question{
			{ID: "t1", Prompt: "T1", Weight: 1, Anchors: anchors}, {ID: "t2", Prompt: "T2", Weight: 1, Anchors: anchors},
			{ID: "t3", Prompt: "T3", Weight: 2, Anchors: anchors}}},
		{ID: "comm", Name: "Communication", Weight: 1, Questions: []rubric.Question{
			{ID: "c1", Prompt: "C1", Weight: 1, Anchors: anchors}, {ID: "c2", Prompt: "C2", Weight: 1, Optional: true, Anchors: anchors}}},
	}}
}

// goldenCard is a submitted card; a score of 0 is a skip.
func goldenCard(author int64, name, round string, version int64, comps []string, scores map[string]int) Scorecard {
	a := map[string]Answer{}
	for q, s := range scores {
		if s == 0 {
			a[q] = Answer{Skipped: true, SkipReason: "ran out of time"}
		} else {
			a[q] = Answer{Score: intp(s)}
		}
	}
	return Scorecard{CandidateID: 9, CandidateName: "Ada", AuthorID: author, AuthorName: name, RoundName: round, RubricVersionID: version,
		Competencies: comps, Status: Submitted, Answers: a, Recommendation: "yes"}
}

func goldenRubricOf(c Scorecard) (rubric.Rubric, bool) {
	switch c.RubricVersionID {
	case 1:
		return goldenRubric(1, 4).Subset(c.Competencies), true
	case 2:
		return goldenRubric(1, 5).Subset(c.Competencies), true
	}
	return rubric.Rubric{}, false
}

// TestGoldenDebrief is docs/SCORING.md's worked example. Every expected
// number was computed by hand (fractions in the comments), not by the code.
func TestGoldenDebrief(t *testing.T) {
	plan := BuildPlan([]rubric.Rubric{goldenRubric(1, 5)}, PlanWeights{})
	// Effective weights: Technical 2/3 × (1/4, 1/4, 2/4); Communication 1/3 × (1/2, 1/2).
	wantEff := map[string]float64{"tech/t1": 1.0 / 6, "tech/t2": 1.0 / 6, "tech/t3": 1.0 / 3, "comm/c1": 1.0 / 6, "comm/c2": 1.0 / 6}
	for _, q := range plan {
		if !near(q.Effective, wantEff[q.Key]) {
			t.Errorf("effective weight of %s = %v, want %v", q.Key, q.Effective, wantEff[q.Key])
		}
	}
	cards := []Scorecard{
		// A, on version 1 (1–4): t1 3 → 66.67, t2 4 → 100, t3 2 → 33.33.
		goldenCard(1, "Avery", "Tech screen", 1, []string{"tech"}, map[string]int{"t1": 3, "t2": 4, "t3": 2}),
		// B, on version 2 (1–5): t1 2 → 25, t2 3 → 50, t3 4 → 75, c1 5 → 100, c2 skipped.
		goldenCard(2, "Blake", "Onsite", 2, nil, map[string]int{"t1": 2, "t2": 3, "t3": 4, "c1": 5, "c2": 0}),
		// C, on version 2: c1 3 → 50; c2 (optional) left blank.
		goldenCard(3, "Casey", "Onsite", 2, []string{"comm"}, map[string]int{"c1": 3}),
		{CandidateID: 9, AuthorID: 4, AuthorName: "Drafty", Status: Draft, RubricVersionID: 2, Answers: map[string]Answer{"t1": {Score: intp(1)}}},
	}
	d := BuildDebrief(cards, goldenRubricOf, plan, 0.8)
	// Question means: t1 (200/3 + 25)/2 = 275/6, t2 (100 + 50)/2 = 75,
	// t3 (100/3 + 75)/2 = 325/6, c1 (100 + 50)/2 = 75, c2 none.
	// Composite = (275/36 + 75/6 + 325/18 + 75/6) / (5/6) = (1825/36)·(6/5) = 365/6.
	if d.Composite == nil || !near(*d.Composite, 365.0/6) {
		t.Fatalf("composite = %v, want 365/6 = 60.8333", d.Composite)
	}
	if !near(d.Coverage, 5.0/6) || !d.Complete {
		t.Errorf("coverage = %v complete = %v, want 5/6 and complete (83%% ≥ 80%%)", d.Coverage, d.Complete)
	}
	// Own composites: Avery (200/18 + 100/6 + 100/9)/(2/3) = 175/3, Blake
	// (25 + 50 + 150 + 100)/6 / (5/6) = 65, Casey 50. Mean 520/9; squared
	// deviations (5/9)² + (65/9)² + (70/9)² = 9150/81; SD = √(4575/81);
	// standard error = SD/√3 = 4.33903.
	if d.Uncertainty == nil || math.Abs(*d.Uncertainty-4.33903) > 5e-6 {
		t.Errorf("uncertainty = %v, want 4.33903", d.Uncertainty)
	}
	if d.UncertaintyLabel != "±4.3 between 3 interviewers" {
		t.Errorf("uncertainty label = %q", d.UncertaintyLabel)
	}
	wantOwn := map[string]float64{"Avery": 175.0 / 3, "Blake": 65, "Casey": 50}
	if len(d.Interviewers) != 3 {
		t.Fatalf("interviewers = %+v (drafts never count)", d.Interviewers)
	}
	for _, iv := range d.Interviewers {
		if iv.Composite == nil || !near(*iv.Composite, wantOwn[iv.Name]) {
			t.Errorf("%s's own composite = %v, want %v", iv.Name, iv.Composite, wantOwn[iv.Name])
		}
	}
	if len(d.Skips) != 1 || d.Skips[0].Key != "comm/c2" || d.Skips[0].Author != "Blake" || d.Skips[0].Reason != "ran out of time" {
		t.Errorf("skips = %+v, want Blake's c2 with its reason", d.Skips)
	}
	if len(d.Uncovered) != 1 || d.Uncovered[0].Key != "comm/c2" || !near(d.Uncovered[0].Weight, 1.0/6) {
		t.Errorf("uncovered = %+v, want c2 (1/6)", d.Uncovered)
	}
	// Technical: (275/36 + 75/6 + 325/18)/(2/3) = (1375/36)·(3/2) = 1375/24 = 57.29.
	// Communication: c1 only → 75, with half its weight answered.
	tech, comm := d.Competencies[0], d.Competencies[1]
	if tech.Norm == nil || !near(*tech.Norm, 1375.0/24) || !near(tech.Coverage, 1) || !near(tech.Weight, 2.0/3) {
		t.Errorf("technical = %+v, want 57.29 with full coverage", tech)
	}
	if comm.Norm == nil || !near(*comm.Norm, 75) || !near(comm.Coverage, 0.5) {
		t.Errorf("communication = %+v, want 75 with half coverage", comm)
	}
	// Row t1 holds both answers on their own scales; mixed scales → range on 0–100.
	t1 := d.Rows[0]
	if t1.Key != "tech/t1" || t1.N != 2 || t1.Scale != "1–4 and 1–5" || t1.Range != "25–67 of 100" || !near(*t1.Mean, 275.0/6) {
		t.Errorf("t1 row = %+v", t1)
	}
	// t2 (100 vs 50) and c1 (100 vs 50) lie half the scale apart; t1 and t3
	// (41.7 apart) do not; c2 has no scores.
	flagged := map[string]bool{}
	for _, r := range d.Rows {
		flagged[r.Key] = r.Disagreement
	}
	if !flagged["tech/t2"] || !flagged["comm/c1"] || flagged["tech/t1"] || flagged["tech/t3"] || flagged["comm/c2"] || d.Disagreements != 2 {
		t.Errorf("disagreements %v (total %d); want t2 and c1", flagged, d.Disagreements)
	}
}

func TestOneInterviewerSaysSoAndIncompleteIsNotRanked(t *testing.T) {
	plan := BuildPlan([]rubric.Rubric{goldenRubric(1, 5)}, PlanWeights{})
	d := BuildDebrief([]Scorecard{goldenCard(1, "Avery", "Tech screen", 1, []string{"tech"}, map[string]int{"t1": 3, "t2": 4, "t3": 2})},
		goldenRubricOf, plan, 0.8)
	// Only Technical: coverage 2/3, composite = Avery's own 175/3.
	if !near(*d.Composite, 175.0/3) || !near(d.Coverage, 2.0/3) || d.Complete {
		t.Fatalf("composite %v coverage %v complete %v", *d.Composite, d.Coverage, d.Complete)
	}
	if d.Uncertainty != nil || d.UncertaintyLabel != "one interviewer: no spread to estimate" {
		t.Errorf("uncertainty %v %q", d.Uncertainty, d.UncertaintyLabel)
	}
	if d.CoverageLabel != "67% of the plan answered: below the 80% needed to rank" {
		t.Errorf("coverage label %q", d.CoverageLabel)
	}
}

// Skipping a heavy question must not raise a composite above what answering
// it at the candidate's level would give: it lowers coverage instead.
func TestSkippingDoesNotHideFromTheWeights(t *testing.T) {
	plan := BuildPlan([]rubric.Rubric{goldenRubric(1, 5)}, PlanWeights{})
	full := Compose(plan, []Score{{"tech/t1", "1", 100}, {"tech/t2", "1", 100}, {"tech/t3", "1", 0}, {"comm/c1", "1", 100}, {"comm/c2", "1", 100}})
	skipped := Compose(plan, []Score{{"tech/t1", "1", 100}, {"tech/t2", "1", 100}, {"comm/c1", "1", 100}, {"comm/c2", "1", 100}})
	// Full: 1 − 1/3 = 2/3 of the plan at 100 → 66.67, coverage 1.
	if !near(*full.Value, 200.0/3) || !near(full.Coverage, 1) {
		t.Fatalf("full = %v / %v", *full.Value, full.Coverage)
	}
	// Skipping t3 (1/3 of the plan) leaves coverage 2/3: below 80%, not ranked.
	if !near(skipped.Coverage, 2.0/3) || skipped.Complete(0.8) {
		t.Errorf("a skipped heavy question: coverage %v complete %v; want 2/3 and not complete", skipped.Coverage, skipped.Complete(0.8))
	}
}

func TestEffectiveWeightsSumToOne(t *testing.T) {
	plans := [][]PlanQuestion{
		{{Key: "a/1", CompetencyID: "a", CompetencyWeight: 3, QuestionWeight: 1}, {Key: "a/2", CompetencyID: "a", CompetencyWeight: 3, QuestionWeight: 5},
			{Key: "b/1", CompetencyID: "b", CompetencyWeight: 0.5, QuestionWeight: 2}},
		{{Key: "x/1", CompetencyID: "x", CompetencyWeight: 100, QuestionWeight: 0.01}},
	}
	for i, p := range plans {
		var sum float64
		for _, q := range Effective(p) {
			sum += q.Effective
		}
		if !near(sum, 1) {
			t.Errorf("plan %d: effective weights sum to %v", i, sum)
		}
	}
	// a: 3/3.5 × (1/6, 5/6); b: 0.5/3.5.
	e := Effective(plans[0])
	if !near(e[0].Effective, 3/3.5/6) || !near(e[1].Effective, 3/3.5*5/6) || !near(e[2].Effective, 0.5/3.5) {
		t.Errorf("effective = %v %v %v", e[0].Effective, e[1].Effective, e[2].Effective)
	}
}

func TestInterviewerTwiceOnAQuestionCountsOnce(t *testing.T) {
	plan := Effective([]PlanQuestion{{Key: "a/1", CompetencyID: "a", CompetencyWeight: 1, QuestionWeight: 1}})
	// Sam twice (100 and 50 → 75), Priya once (0): mean over interviewers (75 + 0)/2 = 37.5, not (100+50+0)/3 = 50.
	c := Compose(plan, []Score{{"a/1", "sam", 100}, {"a/1", "sam", 50}, {"a/1", "priya", 0}})
	if !near(*c.Value, 37.5) || c.Questions["a/1"].Interviewers != 2 || len(c.Interviewers) != 2 {
		t.Errorf("composite %v, question %+v", *c.Value, c.Questions["a/1"])
	}
}

func TestPlanWeightsOverrideTheRubric(t *testing.T) {
	w := PlanWeights{Competencies: map[string]float64{"comm": 2}, Questions: map[string]float64{"tech/t3": 1}}
	plan := BuildPlan([]rubric.Rubric{goldenRubric(1, 4)}, w)
	// Technical 2/4 × (1/3 each); Communication 2/4 × (1/2 each).
	for _, q := range plan {
		want := 1.0 / 6
		if q.CompetencyID == "comm" {
			want = 0.25
		}
		if !near(q.Effective, want) {
			t.Errorf("%s = %v, want %v", q.Key, q.Effective, want)
		}
	}
}

func TestBuildPlanCountsACompetencyOnce(t *testing.T) {
	r := goldenRubric(1, 4)
	plan := BuildPlan([]rubric.Rubric{r.Subset([]string{"comm"}), r, r.Subset([]string{"tech"})}, PlanWeights{})
	if len(plan) != 5 || plan[0].Key != "comm/c1" || plan[2].Key != "tech/t1" {
		t.Errorf("plan keys %v; want Communication (first round) then Technical, each once", keysOf(plan))
	}
}

func keysOf(p []PlanQuestion) []string {
	var out []string
	for _, q := range p {
		out = append(out, q.Key)
	}
	return out
}

func TestRankCompleteFirstTiesShare(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	items := []Ranked{
		{f(70), true, "Ada"}, {f(90), false, "Ben"}, {f(80), true, "Cy"}, {nil, false, "Di"}, {f(80), true, "Ed"}, {f(60), true, "Fay"},
	}
	order, rank := Rank(items)
	wantOrder := []int{2, 4, 0, 5, 1, 3} // Cy, Ed (tie, by name), Ada, Fay, then incomplete Ben, then Di without scores
	for i := range wantOrder {
		if order[i] != wantOrder[i] {
			t.Fatalf("order = %v, want %v", order, wantOrder)
		}
	}
	wantRank := []int{3, 0, 1, 0, 1, 4}
	for i := range wantRank {
		if rank[i] != wantRank[i] {
			t.Fatalf("rank = %v, want %v", rank, wantRank)
		}
	}
}

func TestDebriefUsesAmendedContentAndMarksSeenOthers(t *testing.T) {
	plan := BuildPlan([]rubric.Rubric{goldenRubric(1, 4)}, PlanWeights{})
	c := goldenCard(1, "Avery", "Tech screen", 1, []string{"tech"}, map[string]int{"t1": 4, "t2": 4, "t3": 4})
	c.Revisions = []Revision{{Answers: map[string]Answer{"t1": {Score: intp(1)}, "t2": {Score: intp(1)}, "t3": {Score: intp(1)}},
		Recommendation: "strong_no", SeenOthers: true}}
	d := BuildDebrief([]Scorecard{c}, goldenRubricOf, plan, 0.8)
	if *d.Composite != 0 || d.Recommendations["strong_no"] != 1 {
		t.Errorf("amendment ignored: composite %v recs %v", *d.Composite, d.Recommendations)
	}
	if d.AmendedAfterSeeing != 1 || !d.Interviewers[0].AmendedAfterSeeing || !d.Interviewers[0].Amended {
		t.Errorf("amended after seeing others not marked: %+v", d.Interviewers[0])
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
		r := goldenRubric(c.min, c.max)
		plan := BuildPlan([]rubric.Rubric{r}, PlanWeights{})
		of := func(Scorecard) (rubric.Rubric, bool) { return r, true }
		cards := []Scorecard{goldenCard(1, "A", "R", 1, nil, map[string]int{"t1": c.lo}), goldenCard(2, "B", "R", 1, nil, map[string]int{"t1": c.hi})}
		d := BuildDebrief(cards, of, plan, 0.8)
		if got := d.Rows[0].Disagreement; got != c.want {
			t.Errorf("%d vs %d on %d–%d: disagreement %v, want %v", c.lo, c.hi, c.min, c.max, got, c.want)
		}
	}
}

func TestCheckWeightEdits(t *testing.T) {
	plan := BuildPlan([]rubric.Rubric{goldenRubric(1, 4)}, PlanWeights{})
	changes, err := CheckWeightEdits(plan, []WeightEdit{{CompetencyID: "tech", Weight: 3}, {CompetencyID: "comm", QuestionID: "c1", Weight: 1}}, "", false)
	if err != nil || len(changes) != 1 || changes[0].Old != 2 || changes[0].New != 3 || changes[0].Label != "Technical" {
		t.Fatalf("changes %+v err %v; want only tech 2 → 3 (c1 unchanged)", changes, err)
	}
	if _, err := CheckWeightEdits(plan, []WeightEdit{{CompetencyID: "tech", Weight: 3}}, "", true); fieldsOf(err) != "reason" {
		t.Errorf("after scoring without a reason: %v", err)
	}
	_, err = CheckWeightEdits(plan, []WeightEdit{{CompetencyID: "nope", Weight: 1}, {CompetencyID: "tech", QuestionID: "zz", Weight: 1},
		{CompetencyID: "comm", Weight: 0}, {CompetencyID: "comm", Weight: math.NaN()}, {CompetencyID: "tech", Weight: 101}}, "why", true)
	if fieldsOf(err) != "weights[0],weights[1],weights[2],weights[3],weights[4]" {
		t.Errorf("bad edits: %v", err)
	}
}

// Two rounds on two rubrics sharing a competency: the plan asks every
// question either asks, weighed by the first.
func TestBuildPlanMergesASharedCompetency(t *testing.T) {
	a := goldenRubric(1, 4).Subset([]string{"comm"})
	b := goldenRubric(1, 4).Subset([]string{"comm"})
	b.Competencies = []rubric.Competency{b.Competencies[0]}
	b.Competencies[0].Weight = 7
	b.Competencies[0].Questions = append(append([]rubric.Question{}, b.Competencies[0].Questions...), rubric.Question{ID: "c3", Prompt: "C3", Weight: 2})
	plan := BuildPlan([]rubric.Rubric{a, b}, PlanWeights{})
	if got := keysOf(plan); len(got) != 3 || got[2] != "comm/c3" {
		t.Fatalf("plan = %v; want c1, c2 and the second rubric's c3", got)
	}
	// One competency: shares are its question weights 1, 1, 2 of 4.
	if !near(plan[2].Effective, 0.5) || plan[2].CompetencyWeight != 1 {
		t.Errorf("c3 = %+v; want half the plan, the first rubric's competency weight", plan[2])
	}
}

func TestPlanDrift(t *testing.T) {
	r := goldenRubric(1, 4)
	fixed := BuildPlan([]rubric.Rubric{r.Subset([]string{"tech"})}, PlanWeights{})
	if d := PlanDrift(fixed, fixed); len(d) != 0 {
		t.Fatalf("a plan drifts from itself: %v", d)
	}
	lessT := r.Subset([]string{"tech"})
	lessT.Competencies = []rubric.Competency{lessT.Competencies[0]}
	lessT.Competencies[0].Questions = lessT.Competencies[0].Questions[:2]
	now := BuildPlan([]rubric.Rubric{lessT, r.Subset([]string{"comm"})}, PlanWeights{})
	want := []string{"Technical no longer asks “T3”", "now also asks Communication (2 questions)"}
	got := PlanDrift(fixed, now)
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("drift = %q, want %q", got, want)
	}
	if got := PlanDrift(now, fixed); len(got) != 2 || got[1] != "no longer asks Communication" {
		t.Errorf("reverse drift = %q", got)
	}
}

// Rank counts, for each ranked candidate, the ranked composites above theirs
// by more than the tolerance: the definition, written pairwise here, must
// agree with Rank on near-ties and exact ties.
func TestRankAgreesWithThePairwiseDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 200; trial++ {
		items := make([]Ranked, 1+r.IntN(30))
		for i := range items {
			v := float64(r.IntN(8))*10 + float64(r.IntN(3))*TieTolerance*0.6 // near-ties on purpose
			items[i] = Ranked{Composite: &v, Complete: r.IntN(4) > 0, Name: fmt.Sprint(i)}
			if r.IntN(10) == 0 {
				items[i].Composite = nil
			}
		}
		_, rank := Rank(items)
		for i, it := range items {
			want := 0
			if it.Composite != nil && it.Complete {
				want = 1
				for _, o := range items {
					if o.Composite != nil && o.Complete && *o.Composite > *it.Composite+TieTolerance {
						want++
					}
				}
			}
			if rank[i] != want {
				t.Fatalf("trial %d item %d: rank %d, want %d (%+v)", trial, i, rank[i], want, items)
			}
		}
	}
}

// Test fixtures: a Committee built from scorecards through the app's own assembly
// (plan, debriefs, ranks, rows, calibration), and a test that its numbers match the app's.

package exports

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// The fixtures build a Committee through the functions the service calls
// (app/interviews/committee.go): a plan from scoring.BuildPlan, one
// scoring.BuildDebrief per candidate from submitted scorecards,
// scoring.Rank, then PlanWeights, WeightChanges, Committee.AddCandidate
// (summary, answer and score rows) and scoring.Calibrate with
// CalibrationGroups. So the cached values are the app's own numbers, which
// the workbook's formulas must reproduce. TestFixtureMatchesApp checks them
// against handFixture, which recomputes them in plain Go from the raw cards
// and the plan's weights as written by hand (hand_test.go), and against
// numbers worked out on paper.

func ptr[T any](v T) *T { return &v }

// planRubric is the golden example's rubric on the scale min–max:
// competency T (weight 2; questions t1 w1, t2 w1, t3 w2) and competency C
// (weight 1; c1 w1, c2 w1), so the effective weights are t1 = t2 = c1 =
// c2 = 1/6 and t3 = 1/3 (docs/SCORING.md).
func planRubric(min, max int) rubric.Rubric {
	n := max - min + 1
	labels, anchors := make([]string, n), make([]string, n)
	for i := range labels {
		labels[i] = fmt.Sprintf("L%d", min+i)
		anchors[i] = fmt.Sprintf("anchor %d", min+i)
	}
	return rubric.Rubric{Name: "Backend", Scale: rubric.Scale{Min: min, Max: max, Labels: labels}, Competencies: []rubric.Competency{
		{ID: "T", Name: "Technical depth", Weight: 2, Questions: []rubric.Question{
			{ID: "t1", Prompt: "Design a rate limiter", Weight: 1, Anchors: anchors},
			{ID: "t2", Prompt: "Write the code", Weight: 1, Anchors: anchors},
			{ID: "t3", Prompt: "Scale it to ten regions", Weight: 2, Anchors: anchors},
		}},
		{ID: "C", Name: "Collaboration", Weight: 1, Questions: []rubric.Question{
			{ID: "c1", Prompt: "Explain a trade-off", Weight: 1, Anchors: anchors},
			{ID: "c2", Prompt: "Handle a disagreement", Weight: 1, Anchors: anchors},
		}},
	}}
}

// Rubric versions: 1 is scored 1–4, 2 (the latest, the plan's) 1–5.
var fixtureVersions = map[int64]rubric.Rubric{1: planRubric(1, 4), 2: planRubric(1, 5)}

// Rounds of the plan, in order, with the competencies each covers.
var fixtureRounds = []struct {
	name  string
	comps []string
}{{"Tech screen", []string{"T"}}, {"Onsite", []string{"T", "C"}}, {"Values", []string{"C"}}, {"Deep dive", []string{"T"}}}

// answer is a score, or a skip when score is 0.
type answer struct {
	score  int
	reason string
	notes  string
}

type fixtureCard struct {
	candidate  int64
	name       string
	stage      string
	author     int64
	authorName string
	round      string
	version    int64 // rubric version: 1 (1–4) or 2 (1–5)
	rec        string
	answers    map[string]answer // by question id
	amended    bool
	seenOthers bool // amended after seeing other interviewers' cards
}

const (
	sam   = 10 // interviewer A: Tech screen, rubric version 1 (1–4)
	priya = 11 // interviewer B: Onsite and Deep dive, version 2 (1–5)
	lee   = 12 // interviewer C: Values, version 2 (1–5)
)

func card(cand int64, name, stage string, author int64, round string, rec string, answers map[string]answer) fixtureCard {
	names := map[int64]string{sam: "Sam Okafor", priya: "Priya Raman", lee: "Lee Chen"}
	version := int64(2)
	if author == sam {
		version = 1
	}
	return fixtureCard{candidate: cand, name: name, stage: stage, author: author, authorName: names[author], round: round,
		version: version, rec: rec, answers: answers}
}

// fixtureCards: five candidates, three interviewers.
//
//   - 1 "Golden Example" is the example of docs/SCORING.md: Sam (1–4) t1=3,
//     t2=4, t3=2; Priya (1–5) t1=2, t2=3, t3=4, c1=5, c2 skipped; Lee (1–5)
//     c1=3 (c2 skipped too). Composite 365/6, coverage 5/6.
//   - 2 "Grace Hopper": every question; Priya asks t1 and t3 again in the
//     Deep dive round (her two answers count as their mean); Lee amended
//     his card after seeing the others'.
//   - 3 "Partial Pat": only Sam's card, t3 skipped: coverage 1/3, below
//     the 80% needed to rank, with the highest composite (100).
//   - 4 "=1+1" and 5 "Tie Twin" have the same scores: a shared rank.
func fixtureCards() []fixtureCard {
	cards := []fixtureCard{
		card(1, "Golden Example", "onsite", sam, "Tech screen", "yes",
			map[string]answer{"t1": {score: 3, notes: "clear, phased plan"}, "t2": {score: 4}, "t3": {score: 2}}),
		card(1, "Golden Example", "onsite", priya, "Onsite", "strong_yes",
			map[string]answer{"t1": {score: 2}, "t2": {score: 3}, "t3": {score: 4}, "c1": {score: 5}, "c2": {reason: "ran out of time"}}),
		card(1, "Golden Example", "onsite", lee, "Values", "yes",
			map[string]answer{"c1": {score: 3}, "c2": {reason: "Priya covered it"}}),

		card(2, "Grace Hopper", "offer", sam, "Tech screen", "strong_yes",
			map[string]answer{"t1": {score: 4}, "t2": {score: 3}, "t3": {score: 3}}),
		card(2, "Grace Hopper", "offer", priya, "Onsite", "yes",
			map[string]answer{"t1": {score: 3}, "t2": {score: 4}, "t3": {score: 3}, "c1": {score: 4}, "c2": {score: 2}}),
		card(2, "Grace Hopper", "offer", priya, "Deep dive", "strong_yes",
			map[string]answer{"t1": {score: 5}, "t3": {score: 4, notes: "=SUM(A1:A9) is how she described the fan-out"}}),
		card(2, "Grace Hopper", "offer", lee, "Values", "yes",
			map[string]answer{"c1": {score: 5}, "c2": {score: 4}}),

		card(3, "Partial Pat", "screen", sam, "Tech screen", "yes",
			map[string]answer{"t1": {score: 4}, "t2": {score: 4}, "t3": {reason: "ran out of time"}}),

		card(4, "=1+1", "screen", sam, "Tech screen", "no",
			map[string]answer{"t1": {score: 2}, "t2": {score: 2}, "t3": {score: 1}}),
		card(4, "=1+1", "screen", priya, "Onsite", "no",
			map[string]answer{"t1": {score: 2}, "t2": {score: 1}, "t3": {score: 2}, "c1": {score: 3}, "c2": {score: 3}}),
		card(4, "=1+1", "screen", lee, "Values", "strong_no",
			map[string]answer{"c1": {score: 2}, "c2": {score: 4}}),
	}
	for _, c := range cards[len(cards)-3:] { // 5 scores as 4 does
		c.candidate, c.name, c.stage = 5, "Tie Twin", "onsite"
		c.answers = maps.Clone(c.answers)
		cards = append(cards, c)
	}
	cards[6].amended, cards[6].seenOthers = true, true // Lee on Grace
	cards[8].amended = true                            // Sam on =1+1
	return cards
}

// fixturePlan is the plan of fixtureRounds on the latest rubric version.
func fixturePlan() []scoring.PlanQuestion {
	var rounds []rubric.Rubric
	for _, r := range fixtureRounds {
		rounds = append(rounds, fixtureVersions[2].Subset(r.comps))
	}
	return scoring.BuildPlan(rounds, scoring.PlanWeights{})
}

func roundComps(round string) []string {
	for _, r := range fixtureRounds {
		if r.name == round {
			return r.comps
		}
	}
	panic("no round " + round)
}

// buildCommittee turns fixture cards into a Committee as the service would.
func buildCommittee(t testing.TB, cards []fixtureCard) Committee {
	t.Helper()
	plan := fixturePlan()
	threshold := scoring.DefaultCoverageThreshold
	c := Committee{RoleID: 7, RoleTitle: "Backend Engineer", AppVersion: "1.4.0-test", CoverageThreshold: threshold,
		ExportedAt: time.Date(2026, 3, 14, 15, 9, 26, 0, time.FixedZone("CET", 3600))}
	c.Competencies, c.Questions = PlanWeights(plan)
	c.WeightChanges = WeightChanges([]scoring.WeightChange{
		{ChangedAt: "2026-03-01T09:00:00Z", ActorName: "Rita Recruiter", CompetencyID: "T", Label: "Technical depth", Old: 1, New: 2,
			Reason: "core of the role"},
		{ChangedAt: "2026-03-12T17:30:00Z", ActorName: "Rita Recruiter", CompetencyID: "T", QuestionID: "t3", Label: "Scale it to ten regions",
			Old: 1, New: 2, AfterScoring: true, Reason: "the team runs in ten regions"},
	}, nil, "")

	var order []int64
	byCand := map[int64][]scoring.Scorecard{}
	stage := map[int64]string{}
	for i, fc := range cards {
		sc := scoring.Scorecard{ID: int64(i + 1), CandidateID: fc.candidate, CandidateName: fc.name, AuthorID: fc.author,
			AuthorName: fc.authorName, RoundName: fc.round, RubricVersionID: fc.version, Competencies: roundComps(fc.round),
			Status: scoring.Submitted, Recommendation: fc.rec, Answers: map[string]scoring.Answer{},
			SubmittedAt: fmt.Sprintf("2026-03-1%dT10:00:00Z", i%9), SHA256: fmt.Sprintf("%064x", i+1)}
		for q, a := range fc.answers {
			if a.score == 0 {
				sc.Answers[q] = scoring.Answer{Skipped: true, SkipReason: a.reason, Notes: a.notes}
			} else {
				sc.Answers[q] = scoring.Answer{Score: ptr(a.score), Notes: a.notes}
			}
		}
		if fc.amended {
			sc.Revisions = []scoring.Revision{{Revision: 1, Answers: sc.Answers, Recommendation: fc.rec, Reason: "typo",
				AuthorID: fc.author, AuthorName: fc.authorName, SeenOthers: fc.seenOthers}}
		}
		if _, ok := byCand[fc.candidate]; !ok {
			order = append(order, fc.candidate)
			stage[fc.candidate] = fc.stage
		}
		byCand[fc.candidate] = append(byCand[fc.candidate], sc)
	}
	rubricOf := func(sc scoring.Scorecard) (rubric.Rubric, bool) {
		r, ok := fixtureVersions[sc.RubricVersionID]
		return r.Subset(sc.Competencies), ok
	}

	// As roleData.debriefs: debrief every candidate, then rank.
	debs := make([]scoring.Debrief, 0, len(order))
	items := make([]scoring.Ranked, 0, len(order))
	for _, id := range order {
		d := scoring.BuildDebrief(byCand[id], rubricOf, plan, threshold)
		debs = append(debs, d)
		items = append(items, scoring.Ranked{Composite: d.Composite, Complete: d.Complete, Name: d.CandidateName})
	}
	ranked, rank := scoring.Rank(items)
	for _, j := range ranked {
		cid := debs[j].CandidateID
		c.AddCandidate(debs[j], stage[cid], rank[j], byCand[cid], rubricOf)
	}
	c.Calibration = CalibrationGroups(scoring.Calibrate(order, byCand, rubricOf,
		scoring.CalibrationMinimums{Candidates: 3, PairedItems: fixtureMinPaired}))
	return c
}

// fixtureMinPaired is the fixture's own minimum of answers scored by two
// or more interviewers for a calibration group to be reported (the
// service's is 10; the exports package shows whatever it is given).
const fixtureMinPaired = 5

func TestFixtureMatchesApp(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	if len(c.Candidates) != 5 || len(c.Competencies) != 2 || len(c.Questions) != 5 || len(c.Answers) != 25 {
		t.Fatalf("fixture: %d candidates, %d competencies, %d questions, %d answers",
			len(c.Candidates), len(c.Competencies), len(c.Questions), len(c.Answers))
	}
	var ids []int64
	for _, cand := range c.Candidates {
		ids = append(ids, cand.CandidateID)
	}
	if !slices.Equal(ids, []int64{2, 1, 4, 5, 3}) {
		t.Errorf("ranked order = %v, want 2, 1, 4, 5, 3", ids)
	}
	// The plan's weights are the ones written by hand.
	compW, qW := weightsOf(c)
	if !maps.Equal(compW, handCompW) || !maps.Equal(qW, handQW) {
		t.Errorf("plan weights: competencies %v, questions %v; want %v, %v", compW, qW, handCompW, handQW)
	}
	for _, q := range c.Questions {
		if math.Abs(q.Effective-handEff[q.Key]) > 1e-12 {
			t.Errorf("question %s: effective weight %v, want %v", q.Key, q.Effective, handEff[q.Key])
		}
	}
	// The score rows are the cards' answers, with their scales, and each
	// normalised score is (score − min) ÷ (max − min) × 100.
	if got, want := rowAnswers(c), cardAnswers(fixtureCards()); !slices.Equal(got, want) {
		t.Errorf("score rows:\n%s\nwant the cards' answers:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range c.Scorecards {
		if r.Score == nil {
			continue
		}
		want := float64(*r.Score-r.ScaleMin) / float64(r.ScaleMax-r.ScaleMin) * 100
		if r.Norm == nil || math.Abs(*r.Norm-want) > 1e-9 {
			t.Errorf("candidate %d, %s, %s: score %d on %d–%d normalised to %v, want %v",
				r.CandidateID, r.Interviewer, r.Key, *r.Score, r.ScaleMin, r.ScaleMax, deref(r.Norm), want)
		}
	}

	// The app's numbers equal the hand computation from the raw cards.
	hand := handFixture(fixtureCards(), c.CoverageThreshold)
	if len(hand) != len(c.Candidates) {
		t.Errorf("hand computation has %d candidates, the app %d", len(hand), len(c.Candidates))
	}
	rowsHand := handResults(c, handCompW, handQW, c.CoverageThreshold)
	for _, cand := range c.Candidates {
		h := hand[cand.CandidateID]
		if cand.Composite == nil || h.composite == nil || math.Abs(*h.composite-*cand.Composite) > 1e-9 ||
			math.Abs(h.coverage-cand.Coverage) > 1e-12 || h.complete != cand.Complete || h.rank != cand.Rank {
			t.Errorf("candidate %d: hand %+v (composite %v), app composite %v coverage %v complete %v rank %d",
				cand.CandidateID, h, deref(h.composite), deref(cand.Composite), cand.Coverage, cand.Complete, cand.Rank)
		}
		// handResults (the LibreOffice test's, from the rows) agrees.
		if r := rowsHand[cand.CandidateID]; r.composite == nil || h.composite == nil || math.Abs(*r.composite-*h.composite) > 1e-9 ||
			math.Abs(r.coverage-h.coverage) > 1e-12 || r.complete != h.complete || r.rank != h.rank {
			t.Errorf("candidate %d: hand from rows %+v (composite %v), from cards %+v (composite %v)",
				cand.CandidateID, r, deref(r.composite), h, deref(h.composite))
		}
	}

	// Worked out on paper (see paperResults), so the test cannot pass
	// when the app and the hand computation share a mistake.
	for _, cand := range c.Candidates {
		p, h := paperResults[cand.CandidateID], hand[cand.CandidateID]
		for _, got := range []struct {
			who       string
			composite *float64
			coverage  float64
		}{{"app", cand.Composite, cand.Coverage}, {"hand", h.composite, h.coverage}} {
			if got.composite == nil || math.Abs(*got.composite-p.composite) > 5e-5 || math.Abs(got.coverage-p.coverage) > 5e-5 {
				t.Errorf("candidate %d: %s composite %v coverage %v; on paper %.4f and %.4f",
					cand.CandidateID, got.who, deref(got.composite), got.coverage, p.composite, p.coverage)
			}
		}
	}
	// The fixture has what the brief asks for.
	want := map[int64]struct {
		rank     int
		complete bool
	}{2: {1, true}, 1: {2, true}, 4: {3, true}, 5: {3, true}, 3: {0, false}}
	for _, cand := range c.Candidates {
		if w := want[cand.CandidateID]; cand.Rank != w.rank || cand.Complete != w.complete {
			t.Errorf("candidate %d: rank %d complete %v, want %+v", cand.CandidateID, cand.Rank, cand.Complete, w)
		}
	}
	var skips, twice, scales = 0, 0, map[string]bool{}
	for i, r := range c.Scorecards {
		scales[scaleText(&c.Scorecards[i])] = true
		if r.Skipped {
			skips++
		}
		if r.CandidateID == 2 && r.InterviewerID == priya && (r.Key == "T/t1" || r.Key == "T/t3") {
			twice++
		}
	}
	if skips == 0 || twice != 4 || !scales["1–4"] || !scales["1–5"] {
		t.Errorf("fixture: %d skips, %d twice-answered rows, scales %v", skips, twice, scales)
	}
	if p := c.Candidates[4]; p.CandidateID != 3 || p.Coverage >= c.CoverageThreshold || p.Composite == nil {
		t.Errorf("candidate 3 should be scored but below the coverage threshold: %+v", p)
	}
}

// paperResults are the fixture's composites and coverages worked out on
// paper (docs/SCORING.md: normalise, mean per interviewer then per
// question, effective-weighted mean of the answered questions):
//
//   - 1 Golden Example: the worked example, 365/6 = 60.8333, coverage 5/6.
//   - 2 Grace Hopper: Sam (1–4) t1 100, t2 66.67, t3 66.67; Priya (1–5)
//     t1 (50+100)/2 = 75, t2 75, t3 (50+75)/2 = 62.5, c1 75, c2 25; Lee c1
//     100, c2 75. Means t1 87.5, t2 425/6, t3 775/12, c1 87.5, c2 50;
//     composite (87.5 + 425/6 + 2 × 775/12 + 87.5 + 50)/6 = 425/6 =
//     70.8333, coverage 1.
//   - 3 Partial Pat: t1 = t2 = 4 on 1–4 = 100, t3 skipped: composite 100,
//     coverage 1/3 = 0.3333.
//   - 4 =1+1 and 5 Tie Twin: Sam t1 33.33, t2 33.33, t3 0; Priya t1 25,
//     t2 0, t3 25, c1 50, c2 50; Lee c1 25, c2 75. Means t1 175/6, t2 50/3,
//     t3 12.5, c1 37.5, c2 62.5; composite (175/6 + 50/3 + 25 + 37.5 +
//     62.5)/6 = 1025/36 = 28.4722, coverage 1.
var paperResults = map[int64]struct{ composite, coverage float64 }{
	1: {60.8333, 0.8333},
	2: {70.8333, 1},
	3: {100, 0.3333},
	4: {28.4722, 1},
	5: {28.4722, 1},
}

// rowAnswers lists the score rows as "candidate interviewer round key
// score|skip min–max", sorted.
func rowAnswers(c Committee) []string {
	var out []string
	for _, r := range c.Scorecards {
		score := "skip"
		if r.Score != nil {
			score = fmt.Sprint(*r.Score)
		}
		if r.Skipped != (r.Score == nil) {
			score += "?"
		}
		out = append(out, fmt.Sprintf("%d %d %s %s %s %d–%d", r.CandidateID, r.InterviewerID, r.Round, r.Key, score, r.ScaleMin, r.ScaleMax))
	}
	slices.Sort(out)
	return out
}

// cardAnswers lists the fixture cards' answers as rowAnswers does, with
// the hand-written competencies and scales.
func cardAnswers(cards []fixtureCard) []string {
	var out []string
	for _, fc := range cards {
		scale := handScales[fc.version]
		for q, a := range fc.answers {
			score := "skip"
			if a.score != 0 {
				score = fmt.Sprint(a.score)
			}
			out = append(out, fmt.Sprintf("%d %d %s %s %s %d–%d", fc.candidate, fc.author, fc.round, handCompOf[q]+"/"+q, score, scale[0], scale[1]))
		}
	}
	slices.Sort(out)
	return out
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

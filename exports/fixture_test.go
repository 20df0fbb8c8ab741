package exports

import (
	"fmt"
	"math"
	"testing"
	"time"

	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/stats"
)

// The fixtures build a Committee the way the service does: from submitted
// scorecards through scoring.BuildDebrief, so the cached composites are the
// app's own numbers and the workbook's formulas must reproduce them.

func ptr[T any](v T) *T { return &v }

// fixtureRubric has 4 questions with weights 1, 1, 2 and 0.5 on the given scale.
func fixtureRubric(min, max int) rubric.Rubric {
	labels := make([]string, max-min+1)
	anchors := make([]string, max-min+1)
	for i := range labels {
		labels[i] = fmt.Sprintf("L%d", min+i)
	}
	return rubric.Rubric{Name: "Backend", Scale: rubric.Scale{Min: min, Max: max, Labels: labels}, Competencies: []rubric.Competency{
		{ID: "tech", Name: "Technical depth", Weight: 1, Questions: []rubric.Question{
			{ID: "design", Prompt: "Design a rate limiter", Weight: 1, Anchors: anchors},
			{ID: "code", Prompt: "Write the code", Weight: 1, Anchors: anchors},
		}},
		{ID: "comm", Name: "Communication", Weight: 1, Questions: []rubric.Question{
			{ID: "explain", Prompt: "Explain a trade-off", Weight: 2, Anchors: anchors},
			{ID: "listen", Prompt: "Handle a follow-up", Weight: 0.5, Anchors: anchors},
		}},
	}}
}

// answer is a score, or a skip when score is 0.
type answer struct {
	score  int
	reason string
	notes  string
}

type fixtureCard struct {
	candidate int64
	name      string
	stage     string
	author    int64
	authorNm  string
	round     string
	scaleMax  int // 4 or 5; min is always 1
	rec       string
	answers   map[string]answer
	amended   bool
}

// smallCards: 3 candidates, 2 interviewers (Sam on a 1–4 scale, Priya on
// 1–5), one skipped answer, one candidate whose name is a formula.
func smallCards() []fixtureCard {
	return []fixtureCard{
		{1, "Ada Lovelace", "onsite", 10, "Sam", "Tech screen", 4, "yes",
			map[string]answer{"design": {score: 4, notes: "clear, phased plan"}, "code": {score: 3}, "explain": {score: 3}, "listen": {score: 2}}, false},
		{1, "Ada Lovelace", "onsite", 11, "Priya", "Onsite", 5, "strong_yes",
			map[string]answer{"design": {score: 5}, "code": {score: 4}, "explain": {score: 4}, "listen": {reason: "ran out of time"}}, true},
		{2, "=1+1", "screen", 10, "Sam", "Tech screen", 4, "no",
			map[string]answer{"design": {score: 2}, "code": {score: 2}, "explain": {score: 1}, "listen": {score: 1}}, false},
		{2, "=1+1", "screen", 11, "Priya", "Onsite", 5, "yes",
			map[string]answer{"design": {score: 3}, "code": {score: 2}, "explain": {score: 2}, "listen": {score: 5}}, false},
		{3, "Chen Wei", "offer", 10, "Sam", "Tech screen", 4, "strong_no",
			map[string]answer{"design": {score: 1}, "code": {score: 2}, "explain": {score: 4}, "listen": {score: 4}}, false},
		{3, "Chen Wei", "offer", 11, "Priya", "Onsite", 5, "yes",
			map[string]answer{"design": {score: 2}, "code": {score: 1}, "explain": {score: 5}, "listen": {score: 4}}, false},
	}
}

// buildCommittee turns fixture cards into a Committee as the service would.
func buildCommittee(t testing.TB, cards []fixtureCard) Committee {
	t.Helper()
	rubrics := map[int]rubric.Rubric{4: fixtureRubric(1, 4), 5: fixtureRubric(1, 5)}
	c := Committee{RoleID: 7, RoleTitle: "Backend Engineer", AppVersion: "1.4.0-test",
		ExportedAt: time.Date(2026, 3, 14, 15, 9, 26, 0, time.FixedZone("CET", 3600))}
	base := rubrics[4]
	for _, comp := range base.Competencies {
		c.Competencies = append(c.Competencies, CompetencyColumn{ID: comp.ID, Name: comp.Name})
		for _, q := range comp.Questions {
			c.Weights = append(c.Weights, Weight{Key: scoring.WeightKey(comp.ID, q.ID), CompetencyID: comp.ID, Competency: comp.Name,
				QuestionID: q.ID, Question: q.Prompt, Default: comp.Weight * q.Weight})
		}
	}
	var order []int64
	byCand := map[int64][]scoring.Scorecard{}
	meta := map[int64]fixtureCard{}
	var ratings []stats.Rating
	for i, fc := range cards {
		r := rubrics[fc.scaleMax]
		sc := scoring.Scorecard{ID: int64(i + 1), CandidateID: fc.candidate, CandidateName: fc.name, AuthorID: fc.author, AuthorName: fc.authorNm,
			RoundName: fc.round, Status: scoring.Submitted, Recommendation: fc.rec, Answers: map[string]scoring.Answer{},
			SubmittedAt: fmt.Sprintf("2026-03-1%dT10:00:00Z", i%9), SHA256: fmt.Sprintf("%064x", i+1)}
		for q, a := range fc.answers {
			if a.score == 0 {
				sc.Answers[q] = scoring.Answer{Skipped: true, SkipReason: a.reason, Notes: a.notes}
			} else {
				sc.Answers[q] = scoring.Answer{Score: ptr(a.score), Notes: a.notes}
			}
		}
		if _, ok := byCand[fc.candidate]; !ok {
			order = append(order, fc.candidate)
			meta[fc.candidate] = fc
		}
		byCand[fc.candidate] = append(byCand[fc.candidate], sc)
		for _, comp := range r.Competencies {
			for _, q := range comp.Questions {
				a, ok := sc.Answers[q.ID]
				if !ok {
					continue
				}
				row := ScoreRow{CandidateID: fc.candidate, Candidate: fc.name, Round: fc.round, Interviewer: fc.authorNm,
					Key: scoring.WeightKey(comp.ID, q.ID), Competency: comp.Name, Question: q.Prompt, ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max,
					Skipped: a.Skipped, SkipReason: a.SkipReason, Notes: a.Notes, Recommendation: fc.rec, SubmittedAt: sc.SubmittedAt,
					Hash: sc.SHA256, Amended: fc.amended}
				if a.Score != nil {
					row.Score = ptr(*a.Score)
					row.Label = r.Scale.Label(*a.Score)
					row.Norm = ptr(scoring.Normalize(*a.Score, r.Scale.Min, r.Scale.Max))
					ratings = append(ratings, stats.Rating{Subject: fmt.Sprintf("%d/%s", fc.candidate, row.Key), Rater: fc.authorNm, Score: *row.Norm})
				}
				c.Scorecards = append(c.Scorecards, row)
			}
		}
	}
	rubricOf := func(sc scoring.Scorecard) (rubric.Rubric, bool) {
		for _, fc := range cards {
			if fc.candidate == sc.CandidateID && fc.author == sc.AuthorID {
				return rubrics[fc.scaleMax], true
			}
		}
		return rubric.Rubric{}, false
	}
	for _, id := range order {
		d := scoring.BuildDebrief(byCand[id], rubricOf, nil)
		cs := CandidateSummary{CandidateID: id, Name: meta[id].name, Stage: meta[id].stage, Composite: d.Composite,
			CompetencyMeans: map[string]float64{}, Recommendations: d.Recommendations, Disagreements: d.Disagreements,
			Scorecards: d.Cards, Spread: d.Spread}
		for _, comp := range d.Competencies {
			if comp.N > 0 {
				cs.CompetencyMeans[comp.ID] = comp.Norm
			}
		}
		c.Candidates = append(c.Candidates, cs)
	}
	c.Stats = stats.Analyze(ratings)
	return c
}

// handComposite computes a candidate's composite from the Scorecards rows
// with the given weights, independently of the app and of the workbook.
func handComposite(c Committee, candidate int64, weights map[string]float64) (float64, bool) {
	var sw, swn float64
	for _, r := range c.Scorecards {
		if r.CandidateID != candidate || r.Norm == nil {
			continue
		}
		w := weights[r.Key]
		sw += w
		swn += w * *r.Norm
	}
	if sw == 0 {
		return 0, false
	}
	return swn / sw, true
}

func defaultWeights(c Committee) map[string]float64 {
	m := map[string]float64{}
	for _, w := range c.Weights {
		m[w.Key] = w.Default
	}
	return m
}

func TestFixtureMatchesApp(t *testing.T) {
	c := buildCommittee(t, smallCards())
	if len(c.Candidates) != 3 || len(c.Scorecards) != 24 || len(c.Weights) != 4 {
		t.Fatalf("fixture: %d candidates, %d rows, %d weights", len(c.Candidates), len(c.Scorecards), len(c.Weights))
	}
	w := defaultWeights(c)
	for _, cand := range c.Candidates {
		got, ok := handComposite(c, cand.CandidateID, w)
		if !ok || cand.Composite == nil || math.Abs(got-*cand.Composite) > 1e-9 {
			t.Errorf("candidate %d: hand composite %v, app %v", cand.CandidateID, got, cand.Composite)
		}
	}
}

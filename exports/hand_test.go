// Test helper that recomputes composites, coverage and ranks by hand, in plain Go
// (no package scoring, no exports functions), from raw scores and raw weights.

package exports

import "math"

// handResult is one candidate's composite computed by hand.
type handResult struct {
	composite *float64
	coverage  float64
	complete  bool
	rank      int // 0 = not ranked
}

// handQuestion is one question of a plan: its weight key
// ("competency/question") and its competency's id.
type handQuestion struct{ key, comp string }

// handScore is one submitted score, raw: the level given and the scale
// (min–max) of the rubric version it was given on.
type handScore struct {
	candidate, interviewer int64
	key                    string
	score, min, max        int
}

// handCompute is docs/SCORING.md's definition written out again, step by
// step, from raw scores and raw weights (compW: competency id → weight;
// qW: question key → weight within its competency):
//
//   - effective weight = compW / Σ compW × qW / Σ qW of its competency;
//   - each score normalised to (score − min) ÷ (max − min) × 100;
//   - per question, the mean over interviewers of each interviewer's
//     mean (an interviewer who answered it twice counts once);
//   - composite = Σ eff × mean ÷ Σ eff over the answered questions,
//     coverage = Σ eff over the answered questions;
//   - complete when coverage ≥ threshold, both rounded to whole percent;
//   - rank among complete candidates = 1 + the number with a composite
//     higher by more than 1e-9 (1, 2, 2, 4); 0 for the rest.
//
// Scores on keys that are not plan questions are ignored.
func handCompute(candidates []int64, plan []handQuestion, scores []handScore, compW, qW map[string]float64, threshold float64) map[int64]handResult {
	var total float64
	seen := map[string]bool{}
	qsum := map[string]float64{}
	for _, q := range plan {
		if !seen[q.comp] {
			seen[q.comp] = true
			total += compW[q.comp]
		}
		qsum[q.comp] += qW[q.key]
	}
	eff := map[string]float64{}
	for _, q := range plan {
		eff[q.key] = compW[q.comp] / total * qW[q.key] / qsum[q.comp]
	}
	// candidate → key → interviewer → normalised scores
	norms := map[int64]map[string]map[int64][]float64{}
	for _, s := range scores {
		if _, inPlan := eff[s.key]; !inPlan {
			continue
		}
		if norms[s.candidate] == nil {
			norms[s.candidate] = map[string]map[int64][]float64{}
		}
		if norms[s.candidate][s.key] == nil {
			norms[s.candidate][s.key] = map[int64][]float64{}
		}
		norm := float64(s.score-s.min) / float64(s.max-s.min) * 100
		norms[s.candidate][s.key][s.interviewer] = append(norms[s.candidate][s.key][s.interviewer], norm)
	}
	out := map[int64]handResult{}
	for _, cand := range candidates {
		var num, den float64
		for _, q := range plan {
			byI := norms[cand][q.key]
			if len(byI) == 0 {
				continue
			}
			var sum float64
			for _, ns := range byI {
				var s float64
				for _, v := range ns {
					s += v
				}
				sum += s / float64(len(ns))
			}
			num += eff[q.key] * sum / float64(len(byI))
			den += eff[q.key]
		}
		h := handResult{coverage: den}
		if den > 0 {
			h.composite = ptr(num / den)
			h.complete = math.Round(den*100) >= math.Round(threshold*100)
		}
		out[cand] = h
	}
	for id, h := range out {
		if !h.complete {
			continue
		}
		h.rank = 1
		for _, o := range out {
			if o.complete && *o.composite > *h.composite+1e-9 {
				h.rank++
			}
		}
		out[id] = h
	}
	return out
}

// The fixture's plan as written by hand (docs/SCORING.md's worked example):
// competency T weight 2 with t1 (1), t2 (1), t3 (2); competency C weight 1
// with c1 (1), c2 (1). Effective weights t1 = t2 = c1 = c2 = 1/6, t3 = 1/3.
var (
	handPlan  = []handQuestion{{"T/t1", "T"}, {"T/t2", "T"}, {"T/t3", "T"}, {"C/c1", "C"}, {"C/c2", "C"}}
	handCompW = map[string]float64{"T": 2, "C": 1}
	handQW    = map[string]float64{"T/t1": 1, "T/t2": 1, "T/t3": 2, "C/c1": 1, "C/c2": 1}
	handEff   = map[string]float64{"T/t1": 1.0 / 6, "T/t2": 1.0 / 6, "T/t3": 1.0 / 3, "C/c1": 1.0 / 6, "C/c2": 1.0 / 6}
	// handScales: the scale of each fixture rubric version, by hand.
	handScales = map[int64][2]int{1: {1, 4}, 2: {1, 5}}
	// handCompOf: the competency of each fixture question id.
	handCompOf = map[string]string{"t1": "T", "t2": "T", "t3": "T", "c1": "C", "c2": "C"}
)

// handCardScores lists the raw scores of the fixture cards (skips left
// out), each with the scale of its card's rubric version, and the
// candidates in order of first appearance.
func handCardScores(cards []fixtureCard) (candidates []int64, scores []handScore) {
	seen := map[int64]bool{}
	for _, fc := range cards {
		if !seen[fc.candidate] {
			seen[fc.candidate] = true
			candidates = append(candidates, fc.candidate)
		}
		scale := handScales[fc.version]
		for q, a := range fc.answers {
			if a.score == 0 {
				continue // skipped
			}
			scores = append(scores, handScore{candidate: fc.candidate, interviewer: fc.author, key: handCompOf[q] + "/" + q,
				score: a.score, min: scale[0], max: scale[1]})
		}
	}
	return candidates, scores
}

// handFixture computes the fixture cards' results from the cards and the
// hand-written plan alone, without the Committee the app built.
func handFixture(cards []fixtureCard, threshold float64) map[int64]handResult {
	candidates, scores := handCardScores(cards)
	return handCompute(candidates, handPlan, scores, handCompW, handQW, threshold)
}

// weightsOf returns the plan's weights as a Committee lists them:
// competency id → weight and question key → weight within its competency.
func weightsOf(c Committee) (comp, question map[string]float64) {
	comp, question = map[string]float64{}, map[string]float64{}
	for _, cw := range c.Competencies {
		comp[cw.ID] = cw.Weight
	}
	for _, q := range c.Questions {
		question[q.Key] = q.Weight
	}
	return comp, question
}

// handResults computes every candidate of c by hand with the given
// weights and threshold (the LibreOffice test's what-if edits): the plan
// questions are c.Questions' keys and competencies, the scores the raw
// Score and scale of c.Scorecards' rows (not their Norm). For the fixture,
// TestFixtureMatchesApp checks those rows against the raw cards and these
// results against handFixture's.
func handResults(c Committee, compW, qW map[string]float64, threshold float64) map[int64]handResult {
	var plan []handQuestion
	for _, q := range c.Questions {
		plan = append(plan, handQuestion{key: q.Key, comp: q.CompetencyID})
	}
	var scores []handScore
	for _, r := range c.Scorecards {
		if r.Score != nil {
			scores = append(scores, handScore{candidate: r.CandidateID, interviewer: r.InterviewerID, key: r.Key,
				score: *r.Score, min: r.ScaleMin, max: r.ScaleMax})
		}
	}
	var candidates []int64
	for _, cand := range c.Candidates {
		candidates = append(candidates, cand.CandidateID)
	}
	return handCompute(candidates, plan, scores, compW, qW, threshold)
}

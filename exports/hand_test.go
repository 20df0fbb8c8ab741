// Test helper that recomputes composites, coverage and ranks by hand from the
// Scorecards rows, without package scoring, to check the workbook's formulas.

package exports

import "math"

// handResult is one candidate's composite computed by hand.
type handResult struct {
	composite *float64
	coverage  float64
	complete  bool
	rank      int // 0 = not ranked
}

// weightsOf returns the plan's weights: competency id → weight and
// question key → weight within its competency.
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

// handResults computes every candidate's composite, coverage, completeness
// and rank from the Scorecards rows and the given weights and threshold,
// without package scoring: the definition of docs/SCORING.md written out
// again. Rows whose key is not a plan question are ignored.
func handResults(c Committee, compW, qW map[string]float64, threshold float64) map[int64]handResult {
	var total float64
	for _, cw := range c.Competencies {
		total += compW[cw.ID]
	}
	qsum := map[string]float64{}
	for _, q := range c.Questions {
		qsum[q.CompetencyID] += qW[q.Key]
	}
	eff := map[string]float64{}
	for _, q := range c.Questions {
		eff[q.Key] = compW[q.CompetencyID] / total * qW[q.Key] / qsum[q.CompetencyID]
	}
	// candidate → key → interviewer → scores
	norms := map[int64]map[string]map[int64][]float64{}
	for _, r := range c.Scorecards {
		if _, inPlan := eff[r.Key]; !inPlan || r.Norm == nil {
			continue
		}
		if norms[r.CandidateID] == nil {
			norms[r.CandidateID] = map[string]map[int64][]float64{}
		}
		if norms[r.CandidateID][r.Key] == nil {
			norms[r.CandidateID][r.Key] = map[int64][]float64{}
		}
		norms[r.CandidateID][r.Key][r.InterviewerID] = append(norms[r.CandidateID][r.Key][r.InterviewerID], *r.Norm)
	}
	out := map[int64]handResult{}
	for _, cand := range c.Candidates {
		var num, den float64
		for _, q := range c.Questions {
			byI := norms[cand.CandidateID][q.Key]
			if len(byI) == 0 {
				continue
			}
			var sum float64
			for _, scores := range byI {
				var s float64
				for _, v := range scores {
					s += v
				}
				sum += s / float64(len(scores))
			}
			num += eff[q.Key] * sum / float64(len(byI))
			den += eff[q.Key]
		}
		h := handResult{coverage: den}
		if den > 0 {
			h.composite = ptr(num / den)
			h.complete = math.Round(den*100) >= math.Round(threshold*100)
		}
		out[cand.CandidateID] = h
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

// Refuses a Committee the workbook's formulas could not reproduce: bad thresholds,
// repeated or over-long keys, and non-finite or inconsistent numbers.

package exports

import (
	"fmt"
	"hirebench/app/scoring"
	"math"
	"strings"
)

// maxKeyUnits bounds competency ids and question keys, in UTF-16 units
// (Excel's limit on a criterion or lookup value; no rubric id comes close).
const maxKeyUnits = 255

// effectiveTolerance is how far a question's Effective may lie from what
// the workbook's formula computes from the weights.
const effectiveTolerance = 1e-9

// validateCommittee refuses a Committee the workbook's formulas could not
// reproduce:
//
//   - a coverage threshold that is not a number from 0 to 1;
//   - a candidate id twice;
//   - an empty or over-long (> 255 UTF-16 units) competency id or question
//     key, or one that appears twice — also when two differ only in case,
//     since a spreadsheet's = compares text ignoring case;
//   - a competency or question weight that is not a finite number > 0;
//   - a question whose competency is not in the plan, a competency with no
//     question, or an Effective weight the weights do not give;
//   - an Answers row whose key is not a plan question, or a candidate ×
//     key that appears twice in Answers;
//   - a candidate number (composite, coverage, uncertainty, competency
//     mean) that is not finite.
//
// Scorecards rows may carry keys outside the plan (a question the plan no
// longer asks): the formulas give them no weight.
func validateCommittee(c *Committee) error {
	if t := c.CoverageThreshold; math.IsNaN(t) || t < 0 || t > 1 {
		return fmt.Errorf("exports: coverage threshold %v is not a share from 0 to 1", t)
	}
	if err := checkAIUsage(c.AIUsage); err != nil { // ai_usage.go
		return err
	}
	ids := make(map[int64]bool, len(c.Candidates))
	for _, cand := range c.Candidates {
		if ids[cand.CandidateID] {
			return fmt.Errorf("exports: candidate id %d appears twice in the summary", cand.CandidateID)
		}
		ids[cand.CandidateID] = true
		if err := checkCandidateNumbers(cand); err != nil {
			return err
		}
	}
	compWeight := make(map[string]float64, len(c.Competencies))
	if err := checkKeys("competency id", len(c.Competencies), func(i int) string { return c.Competencies[i].ID }); err != nil {
		return err
	}
	for _, comp := range c.Competencies {
		if !positive(comp.Weight) {
			return fmt.Errorf("exports: competency %q has weight %v; want a finite number > 0", comp.ID, comp.Weight)
		}
		compWeight[comp.ID] = comp.Weight
	}
	if err := checkKeys("question key", len(c.Questions), func(i int) string { return c.Questions[i].Key }); err != nil {
		return err
	}
	keys := make(map[string]bool, len(c.Questions))
	qSum := map[string]float64{}
	for _, q := range c.Questions {
		if _, ok := compWeight[q.CompetencyID]; !ok {
			return fmt.Errorf("exports: question %q belongs to competency %q, which is not in the plan", q.Key, q.CompetencyID)
		}
		if !positive(q.Weight) {
			return fmt.Errorf("exports: question %q has weight %v; want a finite number > 0", q.Key, q.Weight)
		}
		keys[q.Key] = true
		qSum[q.CompetencyID] += q.Weight
	}
	for _, comp := range c.Competencies {
		if qSum[comp.ID] == 0 {
			return fmt.Errorf("exports: competency %q has no question in the plan", comp.ID)
		}
	}
	// The effective weights must be the ones the planned weights give
	// (scoring.Effective), or the workbook's formulas would disagree with them.
	plan := make([]scoring.PlanQuestion, len(c.Questions))
	for i, q := range c.Questions {
		plan[i] = scoring.PlanQuestion{Key: q.Key, CompetencyID: q.CompetencyID, CompetencyWeight: compWeight[q.CompetencyID], QuestionWeight: q.Weight}
	}
	for i, want := range scoring.Effective(plan) {
		q := c.Questions[i]
		if math.IsNaN(q.Effective) || math.Abs(q.Effective-want.Effective) > effectiveTolerance {
			return fmt.Errorf("exports: question %q has effective weight %v, but its weights give %v", q.Key, q.Effective, want.Effective)
		}
	}
	type cell struct {
		id  int64
		key string
	}
	seen := make(map[cell]bool, len(c.Answers))
	for i, a := range c.Answers {
		if !keys[a.Key] {
			return fmt.Errorf("exports: answer row %d (candidate %d) has key %q, which is not a question of the plan", i+1, a.CandidateID, a.Key)
		}
		k := cell{a.CandidateID, a.Key}
		if seen[k] {
			return fmt.Errorf("exports: answer row %d repeats candidate %d × %q", i+1, a.CandidateID, a.Key)
		}
		seen[k] = true
		if a.Mean != nil && !finite(*a.Mean) {
			return fmt.Errorf("exports: answer row %d has mean %v", i+1, *a.Mean)
		}
	}
	return nil
}

// checkKeys refuses empty, over-long and repeated keys (also case-folded).
func checkKeys(what string, n int, key func(int) string) error {
	exact := make(map[string]bool, n)
	folded := make(map[string]string, n)
	for i := range n {
		k := key(i)
		switch {
		case k == "":
			return fmt.Errorf("exports: a %s is empty", what)
		case utf16Len(k) > maxKeyUnits:
			return fmt.Errorf("exports: %s %.40q… is longer than %d characters", what, k, maxKeyUnits)
		case exact[k]:
			return fmt.Errorf("exports: %s %q appears twice", what, k)
		}
		f := foldKey(k)
		if other, dup := folded[f]; dup {
			return fmt.Errorf("exports: %ss %q and %q differ only in case, which a spreadsheet's = cannot tell apart", what, other, k)
		}
		exact[k], folded[f] = true, k
	}
	return nil
}

// foldKey is k with case folded the way a spreadsheet's text comparison
// ignores it.
func foldKey(k string) string { return strings.ToLower(strings.ToUpper(k)) }

func finite(v float64) bool   { return !math.IsNaN(v) && !math.IsInf(v, 0) }
func positive(v float64) bool { return finite(v) && v > 0 }

func checkCandidateNumbers(cand CandidateSummary) error {
	bad := func(what string, v float64) error {
		return fmt.Errorf("exports: candidate %d has %s %v; want a finite number", cand.CandidateID, what, v)
	}
	if cand.Composite != nil && !finite(*cand.Composite) {
		return bad("composite", *cand.Composite)
	}
	if !finite(cand.Coverage) {
		return bad("coverage", cand.Coverage)
	}
	if cand.Uncertainty != nil && !finite(*cand.Uncertainty) {
		return bad("uncertainty", *cand.Uncertainty)
	}
	for id, v := range cand.CompetencyMeans {
		if !finite(v) {
			return bad("a mean for "+id+" of", v)
		}
	}
	return nil
}

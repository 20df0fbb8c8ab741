// Reads the CSV that `hirebench composite --in` takes and computes every
// candidate's composite from it, naming the line of any bad row.

package scoring

import (
	"io"
	"strconv"

	"hirebench/app/tidycsv"
)

// CompositeColumns are the columns `hirebench composite --in` reads.
var CompositeColumns = []string{"candidate", "interviewer", "competency", "competency_weight", "question", "question_weight",
	"score", "scale_min", "scale_max"}

// MaxCompositeRows is the most data rows ReadCompositeCSV accepts.
const MaxCompositeRows = 1_000_000

// CompositeError is a ReadCompositeCSV failure at a line (0: the file).
type CompositeError = tidycsv.LineError

// CompositeInput is a file's plan (every question in it, in order of first
// appearance) and each candidate's scores, candidates in order of first
// appearance.
type CompositeInput struct {
	Plan       []PlanQuestion
	Candidates []string
	Scores     map[string][]Score
}

// CandidateComposite is one candidate's result for `hirebench composite`.
type CandidateComposite struct {
	Candidate        string   `json:"candidate"`
	Rank             int      `json:"rank"` // 0: not ranked (incomplete or unscored)
	Composite        *float64 `json:"composite"`
	Coverage         float64  `json:"coverage"`
	Complete         bool     `json:"complete"`
	Uncertainty      *float64 `json:"uncertainty"`
	UncertaintyLabel string   `json:"uncertainty_label"`
	Interviewers     int      `json:"interviewers"`
}

// ComposeAll computes and ranks every candidate of an input file.
func ComposeAll(in CompositeInput, threshold float64) []CandidateComposite {
	out := make([]CandidateComposite, len(in.Candidates))
	items := make([]Ranked, len(in.Candidates))
	for i, name := range in.Candidates {
		c := Compose(in.Plan, in.Scores[name])
		out[i] = CandidateComposite{Candidate: name, Composite: c.Value, Coverage: c.Coverage, Complete: c.Complete(threshold),
			Uncertainty: c.Uncertainty, UncertaintyLabel: c.UncertaintyLabel(), Interviewers: len(c.Interviewers)}
		items[i] = Ranked{Composite: c.Value, Complete: out[i].Complete, Name: name}
	}
	order, rank := Rank(items)
	sorted := make([]CandidateComposite, len(out))
	for i, j := range order {
		sorted[i] = out[j]
		sorted[i].Rank = rank[j]
	}
	return sorted
}

// ReadCompositeCSV reads one row per interviewer × question with the
// header CompositeColumns, following the rules of package tidycsv (any
// order, case-insensitive, extra columns ignored, at most MaxCompositeRows
// rows). An empty score means not answered: the question still belongs
// to the plan. Every question named anywhere in the file is part of every
// candidate's plan. Refused, with the line: a missing field, a weight that
// is not a number > 0, a question or competency whose weight differs from
// an earlier row, a score that is not a number or lies outside its scale.
func ReadCompositeCSV(r io.Reader) (CompositeInput, error) {
	in := CompositeInput{Scores: map[string][]Score{}}
	t, err := tidycsv.Open(r, CompositeColumns, MaxCompositeRows)
	if err != nil {
		return in, err
	}
	type qinfo struct {
		weight float64
		line   int
		index  int
	}
	compWeight := map[string]qinfo{}
	questions := map[[2]string]qinfo{}
	seenCand := map[string]bool{}
	for {
		row, err := t.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return in, err
		}
		line := row.Line
		if err := row.NonEmpty("candidate", "interviewer", "competency", "question"); err != nil {
			return in, err
		}
		cand, who, comp, q := row.Text("candidate"), row.Text("interviewer"), row.Text("competency"), row.Text("question")
		cw, err := row.Number("competency_weight")
		if err != nil {
			return in, err
		}
		qw, err := row.Number("question_weight")
		if err != nil {
			return in, err
		}
		if cw <= 0 || qw <= 0 {
			return in, tidycsv.Errorf(line, "weights must be greater than 0 (competency_weight %g, question_weight %g)", cw, qw)
		}
		if prev, ok := compWeight[comp]; ok && prev.weight != cw {
			return in, tidycsv.Errorf(line, "competency %q has weight %g here but %g on line %d", comp, cw, prev.weight, prev.line)
		} else if !ok {
			compWeight[comp] = qinfo{cw, line, 0}
		}
		qk := [2]string{comp, q}
		qi, ok := questions[qk]
		if ok && qi.weight != qw {
			return in, tidycsv.Errorf(line, "question %q of %q has weight %g here but %g on line %d", q, comp, qw, qi.weight, qi.line)
		}
		if !ok {
			qi = qinfo{qw, line, len(in.Plan)}
			questions[qk] = qi
			in.Plan = append(in.Plan, PlanQuestion{Key: strconv.Itoa(qi.index), CompetencyID: comp, Competency: comp, QuestionID: q, Prompt: q,
				CompetencyWeight: cw, QuestionWeight: qw})
		}
		if !seenCand[cand] {
			seenCand[cand] = true
			in.Candidates = append(in.Candidates, cand)
		}
		if row.Text("score") == "" {
			continue // not answered: still part of the plan
		}
		lo, err := row.Number("scale_min")
		if err != nil {
			return in, err
		}
		hi, err := row.Number("scale_max")
		if err != nil {
			return in, err
		}
		if hi <= lo {
			return in, tidycsv.Errorf(line, "scale_max %g must be greater than scale_min %g", hi, lo)
		}
		score, err := row.Number("score")
		if err != nil {
			return in, err
		}
		if score < lo || score > hi {
			return in, tidycsv.Errorf(line, "score %g is outside its scale %g–%g", score, lo, hi)
		}
		in.Scores[cand] = append(in.Scores[cand], Score{Key: in.Plan[qi.index].Key, Interviewer: who, Norm: NormalizeFloat(score, lo, hi)})
	}
	in.Plan = Effective(in.Plan)
	return in, nil
}

// Reads the CSV that `hirebench composite --in` takes and computes every
// candidate's composite from it, naming the line of any bad row.

package scoring

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// CompositeColumns are the columns `hirebench composite --in` reads.
var CompositeColumns = []string{"candidate", "interviewer", "competency", "competency_weight", "question", "question_weight",
	"score", "scale_min", "scale_max"}

// MaxCompositeRows is the most data rows ReadCompositeCSV accepts.
const MaxCompositeRows = 1_000_000

// CompositeError is a ReadCompositeCSV failure at a line (0: the file).
type CompositeError struct {
	Line int
	Msg  string
}

func (e *CompositeError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

func lineErr(line int, format string, a ...any) error {
	return &CompositeError{Line: line, Msg: fmt.Sprintf(format, a...)}
}

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
// header CompositeColumns (any order, case-insensitive, extra columns
// ignored). An empty score means not answered: the question still belongs
// to the plan. Every question named anywhere in the file is part of every
// candidate's plan. Refused, with the line: a missing field, a weight that
// is not a number > 0, a question or competency whose weight differs from
// an earlier row, a score that is not a number or lies outside its scale.
func ReadCompositeCSV(r io.Reader) (CompositeInput, error) {
	in := CompositeInput{Scores: map[string][]Score{}}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return in, lineErr(0, "the file is empty; expected a first line naming %s", strings.Join(CompositeColumns, ","))
	}
	if err != nil {
		return in, csvSyntax(err)
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[name]; dup {
			return in, lineErr(1, "the header names column %q twice", name)
		}
		col[name] = i
	}
	var missing []string
	for _, c := range CompositeColumns {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return in, lineErr(1, "the header lacks %s (expected %s)", strings.Join(missing, ", "), strings.Join(CompositeColumns, ","))
	}
	type qinfo struct {
		weight float64
		line   int
		index  int
	}
	compWeight := map[string]qinfo{}
	questions := map[[2]string]qinfo{}
	seenCand := map[string]bool{}
	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return in, csvSyntax(err)
		}
		line, _ := cr.FieldPos(0)
		if rows++; rows > MaxCompositeRows {
			return in, lineErr(line, "too many rows: at most %d are supported", MaxCompositeRows)
		}
		if len(rec) != len(header) {
			return in, lineErr(line, "has %d fields but the header has %d", len(rec), len(header))
		}
		field := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
		for _, name := range []string{"candidate", "interviewer", "competency", "question"} {
			if field(name) == "" {
				return in, lineErr(line, "%s is empty", name)
			}
		}
		num := func(name string) (float64, error) {
			raw := field(name)
			v, err := strconv.ParseFloat(raw, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, lineErr(line, "%s %q is not a number", name, raw)
			}
			return v, nil
		}
		cand, who, comp, q := field("candidate"), field("interviewer"), field("competency"), field("question")
		cw, err := num("competency_weight")
		if err != nil {
			return in, err
		}
		qw, err := num("question_weight")
		if err != nil {
			return in, err
		}
		if cw <= 0 || qw <= 0 {
			return in, lineErr(line, "weights must be greater than 0 (competency_weight %g, question_weight %g)", cw, qw)
		}
		if prev, ok := compWeight[comp]; ok && prev.weight != cw {
			return in, lineErr(line, "competency %q has weight %g here but %g on line %d", comp, cw, prev.weight, prev.line)
		} else if !ok {
			compWeight[comp] = qinfo{cw, line, 0}
		}
		qk := [2]string{comp, q}
		qi, ok := questions[qk]
		if ok && qi.weight != qw {
			return in, lineErr(line, "question %q of %q has weight %g here but %g on line %d", q, comp, qw, qi.weight, qi.line)
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
		if field("score") == "" {
			continue // not answered: still part of the plan
		}
		lo, err := num("scale_min")
		if err != nil {
			return in, err
		}
		hi, err := num("scale_max")
		if err != nil {
			return in, err
		}
		if hi <= lo {
			return in, lineErr(line, "scale_max %g must be greater than scale_min %g", hi, lo)
		}
		score, err := num("score")
		if err != nil {
			return in, err
		}
		if score < lo || score > hi {
			return in, lineErr(line, "score %g is outside its scale %g–%g", score, lo, hi)
		}
		in.Scores[cand] = append(in.Scores[cand], Score{Key: in.Plan[qi.index].Key, Interviewer: who, Norm: NormalizeFloat(score, lo, hi)})
	}
	if rows == 0 {
		return in, lineErr(1, "no data rows after the header")
	}
	in.Plan = Effective(in.Plan)
	return in, nil
}

func csvSyntax(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return lineErr(pe.Line, "malformed CSV at column %d: %v", pe.Column, pe.Err)
	}
	return fmt.Errorf("reading CSV: %w", err)
}

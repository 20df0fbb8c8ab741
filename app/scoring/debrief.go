// Builds one candidate's debrief: every submitted scorecard side by side, per
// competency and question, with disagreements, skips and uncovered questions.

package scoring

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// DisagreementShare is how much of the scale two interviewers' scores must
// lie apart for a question to be flagged for discussion: half the range,
// i.e. 2 levels on a 1–5 scale, 2 on 1–4 (1.5 rounds up), 5 on 1–10.
const DisagreementShare = 0.5

// CellAnswer is one answer an interviewer gave to a question in one round.
type CellAnswer struct {
	Round    string   `json:"round"`
	Score    *int     `json:"score"`
	Label    string   `json:"label"`
	ScaleMin int      `json:"scaleMin"`
	ScaleMax int      `json:"scaleMax"`
	Norm     *float64 `json:"norm"` // the score on 0–100, nil when skipped
	Notes    string   `json:"notes"`
	Skipped  bool     `json:"skipped"`
	Reason   string   `json:"skipReason"`
}

// Cell is what one interviewer said on one question: usually one answer,
// two when they asked it in two rounds.
type Cell struct {
	AuthorID int64        `json:"authorId"`
	Author   string       `json:"author"`
	Answers  []CellAnswer `json:"answers"`
	// Norm is the interviewer's mean score on this question (0–100): what
	// the composite uses. Nil when they did not score it.
	Norm *float64 `json:"norm"`
}

// Row is a question in the who-said-what matrix.
type Row struct {
	Key            string `json:"key"`
	CompetencyID   string `json:"competencyId"`
	CompetencyName string `json:"competencyName"`
	QuestionID     string `json:"questionId"`
	Prompt         string `json:"prompt"`
	// Weight is the question's effective weight (share of the plan, 0–1);
	// 0 for a question the interview plan no longer asks.
	Weight float64 `json:"weight"`
	InPlan bool    `json:"inPlan"`
	// Scale names the scale(s) the answers were given on, e.g. "1–4", or
	// "1–4 and 1–5" when the rubric changed between rounds.
	Scale string `json:"scale"`
	// Cells has one entry per interviewer column (Debrief.Interviewers order).
	Cells []Cell `json:"cells"`
	N     int    `json:"n"` // interviewers who scored it
	// Mean is the mean over interviewers on 0–100 (nil: nobody scored it).
	Mean *float64 `json:"mean"`
	// Range is the lowest–highest score, in levels on one scale or on
	// 0–100 across scales, e.g. "2–4" or "25–100 of 100".
	Range        string `json:"range"`
	Disagreement bool   `json:"disagreement"`
}

// CompetencyScore is a competency's weighted mean over its answered questions.
type CompetencyScore struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Weight float64  `json:"weight"` // its share of the plan (sum of its questions' effective weights)
	Norm   *float64 `json:"norm"`   // 0–100, nil when none of its questions was scored
	// Coverage is the share of the competency's weight that was answered (0–1).
	Coverage float64 `json:"coverage"`
}

// DebriefInterviewer is one column of the matrix.
type DebriefInterviewer struct {
	ID     int64    `json:"id"`
	Name   string   `json:"name"`
	Rounds []string `json:"rounds"`
	// Composite is their own composite for the candidate (nil: scored nothing in the plan).
	Composite *float64 `json:"composite"`
	Amended   bool     `json:"amended"`
	// AmendedAfterSeeing: they amended a card after other interviewers'
	// cards for this candidate were open to them.
	AmendedAfterSeeing bool `json:"amendedAfterSeeing"`
	// SubmittedAfterSeeing: they submitted a card after other
	// interviewers' cards for this candidate were open to them.
	SubmittedAfterSeeing bool `json:"submittedAfterSeeing"`
}

// Skip is a question an interviewer skipped, with their reason.
type Skip struct {
	Key    string `json:"key"`
	Prompt string `json:"prompt"`
	Author string `json:"author"`
	Round  string `json:"round"`
	Reason string `json:"reason"`
}

// Uncovered is a plan question nobody scored: it lowers coverage.
type Uncovered struct {
	Key        string  `json:"key"`
	Competency string  `json:"competency"`
	Prompt     string  `json:"prompt"`
	Weight     float64 `json:"weight"`
}

// Debrief is one candidate's submitted scorecards side by side.
type Debrief struct {
	CandidateID   int64                `json:"candidateId"`
	CandidateName string               `json:"candidateName"`
	Interviewers  []DebriefInterviewer `json:"interviewers"`
	Rows          []Row                `json:"rows"`
	Competencies  []CompetencyScore    `json:"competencies"`
	// Composite (0–100), Coverage (0–1) and Uncertainty: see Compose.
	Composite        *float64 `json:"composite"`
	Coverage         float64  `json:"coverage"`
	Complete         bool     `json:"complete"`
	Uncertainty      *float64 `json:"uncertainty"`
	UncertaintyLabel string   `json:"uncertaintyLabel"`
	// CoverageLabel says in words what Coverage means for this candidate.
	CoverageLabel      string         `json:"coverageLabel"`
	Recommendations    map[string]int `json:"recommendations"`
	Cards              int            `json:"cards"`
	Disagreements      int            `json:"disagreements"`
	Skips              []Skip         `json:"skips"`
	Uncovered          []Uncovered    `json:"uncovered"`
	AmendedAfterSeeing int            `json:"amendedAfterSeeing"` // cards
	// SubmittedAfterSeeing counts cards submitted after others' were open.
	SubmittedAfterSeeing int `json:"submittedAfterSeeing"`
	// ScoredAfterSeeing counts cards submitted or amended after others'
	// were open (each card once).
	ScoredAfterSeeing int `json:"scoredAfterSeeing"`
}

// CardRubric supplies the rubric a card was scored with (its exact version, subset).
type CardRubric func(c Scorecard) (rubric.Rubric, bool)

// Normalize puts a score on 0–100 so rubrics with different scales
// compare: (score − min) ÷ (max − min) × 100.
func Normalize(score, min, max int) float64 {
	return NormalizeFloat(float64(score), float64(min), float64(max))
}

// NormalizeFloat is Normalize for scores that need not be whole levels
// (`hirebench composite` reads any numbers).
func NormalizeFloat(score, min, max float64) float64 {
	if max <= min {
		return 0
	}
	return (score - min) / (max - min) * 100
}

// BuildDebrief lays out one candidate's submitted cards (their current
// content, amendments included) against the role's plan (with Effective
// weights) and computes the composite with Compose. Drafts never count.
func BuildDebrief(cards []Scorecard, rubricOf CardRubric, plan []PlanQuestion, threshold float64) Debrief {
	d := Debrief{Recommendations: map[string]int{}, Rows: []Row{}, Competencies: []CompetencyScore{}, Interviewers: []DebriefInterviewer{},
		Skips: []Skip{}, Uncovered: []Uncovered{}}
	colIndex := map[int64]int{}
	rowIndex := map[string]int{}
	for _, q := range plan {
		rowIndex[q.Key] = len(d.Rows)
		d.Rows = append(d.Rows, Row{Key: q.Key, CompetencyID: q.CompetencyID, CompetencyName: q.Competency, QuestionID: q.QuestionID,
			Prompt: q.Prompt, Weight: q.Effective, InPlan: true})
	}
	type placed struct {
		row, col int
		ans      CellAnswer
	}
	var answers []placed
	var scores []Score
	for _, c := range cards {
		if c.Status != Submitted {
			continue
		}
		r, ok := rubricOf(c)
		if !ok {
			continue
		}
		d.CandidateID, d.CandidateName = c.CandidateID, c.CandidateName
		d.Cards++
		current, rec, _ := c.Current()
		if rec != "" {
			d.Recommendations[rec]++
		}
		j, ok := colIndex[c.AuthorID]
		if !ok {
			j = len(d.Interviewers)
			colIndex[c.AuthorID] = j
			d.Interviewers = append(d.Interviewers, DebriefInterviewer{ID: c.AuthorID, Name: c.AuthorName, Rounds: []string{}})
		}
		iv := &d.Interviewers[j]
		iv.Rounds = append(iv.Rounds, c.RoundName)
		if len(c.Revisions) > 0 {
			iv.Amended = true
		}
		if c.AmendedAfterSeeing() {
			iv.AmendedAfterSeeing = true
			d.AmendedAfterSeeing++
		}
		if c.SubmittedAfterSeeing() {
			iv.SubmittedAfterSeeing = true
			d.SubmittedAfterSeeing++
		}
		if c.SubmittedAfterSeeing() || c.AmendedAfterSeeing() {
			d.ScoredAfterSeeing++
		}
		for _, comp := range r.Competencies {
			for _, q := range comp.Questions {
				key := WeightKey(comp.ID, q.ID)
				a, ok := current[q.ID]
				if !ok {
					continue
				}
				i, ok := rowIndex[key]
				if !ok {
					i = len(d.Rows)
					rowIndex[key] = i
					d.Rows = append(d.Rows, Row{Key: key, CompetencyID: comp.ID, CompetencyName: comp.Name, QuestionID: q.ID, Prompt: q.Prompt})
				}
				ans := CellAnswer{Round: c.RoundName, ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max, Notes: a.Notes, Skipped: a.Skipped, Reason: a.SkipReason}
				if a.Score != nil {
					s, n := *a.Score, Normalize(*a.Score, r.Scale.Min, r.Scale.Max)
					ans.Score, ans.Label, ans.Norm = &s, r.Scale.Label(s), &n
					scores = append(scores, Score{Key: key, Interviewer: strconv.FormatInt(c.AuthorID, 10), Norm: n})
				} else if a.Skipped {
					d.Skips = append(d.Skips, Skip{Key: key, Prompt: q.Prompt, Author: c.AuthorName, Round: c.RoundName, Reason: a.SkipReason})
				}
				answers = append(answers, placed{i, j, ans})
			}
		}
	}
	comp := Compose(plan, scores)
	d.Composite, d.Coverage, d.Uncertainty = comp.Value, comp.Coverage, comp.Uncertainty
	d.Complete = comp.Complete(threshold)
	d.UncertaintyLabel = comp.UncertaintyLabel()
	d.CoverageLabel = CoverageLabel(comp, threshold)
	for _, ic := range comp.Interviewers {
		id, _ := strconv.ParseInt(ic.Interviewer, 10, 64)
		v := ic.Composite
		d.Interviewers[colIndex[id]].Composite = &v
	}
	for i := range d.Rows {
		d.Rows[i].Cells = make([]Cell, len(d.Interviewers))
		for j, iv := range d.Interviewers {
			d.Rows[i].Cells[j] = Cell{AuthorID: iv.ID, Author: iv.Name, Answers: []CellAnswer{}}
		}
	}
	for _, p := range answers {
		c := &d.Rows[p.row].Cells[p.col]
		c.Answers = append(c.Answers, p.ans)
	}
	for i := range d.Rows {
		finishRow(&d.Rows[i], comp)
		if d.Rows[i].Disagreement {
			d.Disagreements++
		}
		if d.Rows[i].InPlan && d.Rows[i].N == 0 {
			r := d.Rows[i]
			d.Uncovered = append(d.Uncovered, Uncovered{Key: r.Key, Competency: r.CompetencyName, Prompt: r.Prompt, Weight: r.Weight})
		}
	}
	d.Competencies = competencyScores(plan, comp)
	return d
}

// finishRow fills a row's cell means, mean, range, scale and disagreement.
func finishRow(row *Row, comp Composite) {
	var norms []float64
	var raw []int
	scales := []string{}
	for j := range row.Cells {
		c := &row.Cells[j]
		var sum float64
		var n int
		for _, a := range c.Answers {
			if s := fmt.Sprintf("%d–%d", a.ScaleMin, a.ScaleMax); !slices.Contains(scales, s) {
				scales = append(scales, s)
			}
			if a.Norm != nil {
				sum += *a.Norm
				n++
				raw = append(raw, *a.Score)
			}
		}
		if n > 0 {
			m := sum / float64(n)
			c.Norm = &m
			norms = append(norms, m)
		}
	}
	row.Scale = model.JoinAnd(scales)
	row.N = len(norms)
	if m, ok := comp.Questions[row.Key]; ok && row.InPlan {
		v := m.Mean
		row.Mean = &v
	} else if row.N > 0 {
		v := mean(norms)
		row.Mean = &v
	}
	if row.N == 0 {
		return
	}
	lo, hi := slices.Min(norms), slices.Max(norms)
	row.Disagreement = row.N >= 2 && (hi-lo)/100 >= DisagreementShare-1e-9
	if len(scales) == 1 {
		row.Range = fmt.Sprintf("%d–%d", slices.Min(raw), slices.Max(raw))
		if slices.Min(raw) == slices.Max(raw) {
			row.Range = strconv.Itoa(raw[0])
		}
	} else {
		row.Range = fmt.Sprintf("%.0f–%.0f of 100", lo, hi)
	}
}

// competencyScores: each competency's question-weighted mean of its
// answered questions' means, and how much of its weight was answered.
func competencyScores(plan []PlanQuestion, comp Composite) []CompetencyScore {
	out := []CompetencyScore{}
	index := map[string]int{}
	type acc struct{ num, answered float64 }
	sums := []acc{}
	for _, q := range plan {
		i, ok := index[q.CompetencyID]
		if !ok {
			i = len(out)
			index[q.CompetencyID] = i
			out = append(out, CompetencyScore{ID: q.CompetencyID, Name: q.Competency})
			sums = append(sums, acc{})
		}
		out[i].Weight += q.Effective
		if m, ok := comp.Questions[q.Key]; ok {
			sums[i].num += q.Effective * m.Mean
			sums[i].answered += q.Effective
		}
	}
	for i := range out {
		if sums[i].answered > 0 {
			v := sums[i].num / sums[i].answered
			out[i].Norm = &v
		}
		if out[i].Weight > 0 {
			out[i].Coverage = sums[i].answered / out[i].Weight
		}
	}
	return out
}

// CoverageLabel says what a candidate's coverage means, e.g. "83% of the
// plan answered" or "67% of the plan answered: below the 80% needed to rank".
func CoverageLabel(c Composite, threshold float64) string {
	pct := math.Round(c.Coverage * 100)
	switch {
	case c.Value == nil:
		return "no scored questions yet"
	case c.Complete(threshold):
		return fmt.Sprintf("%.0f%% of the plan answered", pct)
	default:
		return fmt.Sprintf("%.0f%% of the plan answered: below the %.0f%% needed to rank", pct, threshold*100)
	}
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

package scoring

import (
	"math"
	"slices"
	"sort"

	"hirebench/app/rubric"
)

// DisagreementShare is how much of the scale two interviewers' scores must
// lie apart for a question to be flagged for discussion: half the range,
// i.e. 2 levels on a 1–5 scale, 2 on 1–4 (1.5 rounds up), 5 on 1–10.
const DisagreementShare = 0.5

// WeightKey names one question's weight: "competency/question".
func WeightKey(competencyID, questionID string) string { return competencyID + "/" + questionID }

// Weights maps WeightKey to the weight a committee uses. A missing key
// falls back to the rubric's own weights (competency × question).
type Weights map[string]float64

// Cell is one interviewer's answer to one question.
type Cell struct {
	AuthorID int64   `json:"authorId"`
	Author   string  `json:"author"`
	Score    *int    `json:"score"`
	Label    string  `json:"label"`
	Notes    string  `json:"notes"`
	Skipped  bool    `json:"skipped"`
	Reason   string  `json:"skipReason"`
	Norm     float64 `json:"norm"` // score on 0–100
}

// Row is a question in the who-said-what matrix.
type Row struct {
	CompetencyID   string  `json:"competencyId"`
	CompetencyName string  `json:"competencyName"`
	QuestionID     string  `json:"questionId"`
	Prompt         string  `json:"prompt"`
	Weight         float64 `json:"weight"`
	ScaleMin       int     `json:"scaleMin"`
	ScaleMax       int     `json:"scaleMax"`
	// Cells has one entry per interviewer column (same order as Debrief.Interviewers); nil Score = not asked or skipped.
	Cells        []Cell  `json:"cells"`
	N            int     `json:"n"`
	Mean         float64 `json:"mean"`
	Median       float64 `json:"median"`
	Min          int     `json:"min"`
	Max          int     `json:"max"`
	Disagreement bool    `json:"disagreement"`
}

// CompetencyScore is a competency's mean, on its scale and on 0–100.
type CompetencyScore struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Mean float64 `json:"mean"`
	Norm float64 `json:"norm"`
	N    int     `json:"n"`
}

// Debrief is one candidate's submitted scorecards side by side.
type Debrief struct {
	CandidateID     int64             `json:"candidateId"`
	CandidateName   string            `json:"candidateName"`
	Interviewers    []string          `json:"interviewers"`
	Rows            []Row             `json:"rows"`
	Competencies    []CompetencyScore `json:"competencies"`
	Composite       *float64          `json:"composite"` // 0–100, nil without scores
	Recommendations map[string]int    `json:"recommendations"`
	Cards           int               `json:"cards"`
	Disagreements   int               `json:"disagreements"`
	// Spread is the standard deviation of the cards' own composites (0–100):
	// how much the interviewers disagreed overall.
	Spread float64 `json:"spread"`
}

// CardRubric supplies the rubric a card was scored with (its exact version, subset).
type CardRubric func(c Scorecard) (rubric.Rubric, bool)

// Normalize puts a score on 0–100 so rubrics with different scales compare.
func Normalize(score, min, max int) float64 {
	if max <= min {
		return 0
	}
	return float64(score-min) / float64(max-min) * 100
}

// BuildDebrief lays out one candidate's submitted cards (their current
// content, amendments included). Drafts never count. The composite is the
// weighted mean of every scored answer on 0–100, pooled over cards — the
// same formula the committee workbook writes as a live Excel formula.
func BuildDebrief(cards []Scorecard, rubricOf CardRubric, w Weights) Debrief {
	d := Debrief{Recommendations: map[string]int{}, Rows: []Row{}, Competencies: []CompetencyScore{}, Interviewers: []string{}}
	type col struct {
		id   int64
		name string
	}
	var cols []col
	colIndex := map[int64]int{}
	rowIndex := map[string]int{}
	compOrder := []string{}
	compName := map[string]string{}
	var sumW, sumWN float64
	var cardComposites []float64
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
		answers, rec, _ := c.Current()
		if rec != "" {
			d.Recommendations[rec]++
		}
		if _, ok := colIndex[c.AuthorID]; !ok {
			colIndex[c.AuthorID] = len(cols)
			cols = append(cols, col{c.AuthorID, c.AuthorName})
		}
		var cw, cwn float64
		for _, comp := range r.Competencies {
			if _, seen := compName[comp.ID]; !seen {
				compName[comp.ID] = comp.Name
				compOrder = append(compOrder, comp.ID)
			}
			for _, q := range comp.Questions {
				key := WeightKey(comp.ID, q.ID)
				i, ok := rowIndex[key]
				if !ok {
					i = len(d.Rows)
					rowIndex[key] = i
					d.Rows = append(d.Rows, Row{CompetencyID: comp.ID, CompetencyName: comp.Name, QuestionID: q.ID, Prompt: q.Prompt,
						Weight: weightOf(w, comp, q), ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max})
				}
				a, ok := answers[q.ID]
				if !ok {
					continue
				}
				cell := Cell{AuthorID: c.AuthorID, Author: c.AuthorName, Notes: a.Notes, Skipped: a.Skipped, Reason: a.SkipReason}
				if a.Score != nil {
					s := *a.Score
					cell.Score, cell.Label, cell.Norm = &s, r.Scale.Label(s), Normalize(s, r.Scale.Min, r.Scale.Max)
					wt := d.Rows[i].Weight
					sumW, sumWN = sumW+wt, sumWN+wt*cell.Norm
					cw, cwn = cw+wt, cwn+wt*cell.Norm
				}
				d.Rows[i].Cells = append(d.Rows[i].Cells, cell)
			}
		}
		if cw > 0 {
			cardComposites = append(cardComposites, cwn/cw)
		}
	}
	for _, c := range cols {
		d.Interviewers = append(d.Interviewers, c.name)
	}
	// Lay cells out by interviewer column and compute the row statistics.
	compSum, compNorm, compN := map[string]float64{}, map[string]float64{}, map[string]int{}
	for i := range d.Rows {
		row := &d.Rows[i]
		byCol := make([]Cell, len(cols))
		var scores []int
		var norms []float64
		for _, cell := range row.Cells {
			j := colIndex[cell.AuthorID]
			byCol[j] = cell
			if cell.Score != nil {
				scores = append(scores, *cell.Score)
				norms = append(norms, cell.Norm)
			}
		}
		for j := range byCol {
			if byCol[j].Author == "" {
				byCol[j] = Cell{AuthorID: cols[j].id, Author: cols[j].name}
			}
		}
		row.Cells = byCol
		row.N = len(scores)
		if row.N == 0 {
			continue
		}
		row.Min, row.Max = slices.Min(scores), slices.Max(scores)
		row.Mean = meanInts(scores)
		row.Median = medianInts(scores)
		nmin, nmax := slices.Min(norms), slices.Max(norms)
		row.Disagreement = row.N >= 2 && (nmax-nmin)/100 >= DisagreementShare-1e-9
		if row.Disagreement {
			d.Disagreements++
		}
		for _, s := range scores {
			compSum[row.CompetencyID] += float64(s)
			compN[row.CompetencyID]++
		}
		for _, n := range norms {
			compNorm[row.CompetencyID] += n
		}
	}
	for _, id := range compOrder {
		n := compN[id]
		cs := CompetencyScore{ID: id, Name: compName[id], N: n}
		if n > 0 {
			cs.Mean, cs.Norm = compSum[id]/float64(n), compNorm[id]/float64(n)
		}
		d.Competencies = append(d.Competencies, cs)
	}
	if sumW > 0 {
		v := sumWN / sumW
		d.Composite = &v
	}
	d.Spread = stddev(cardComposites)
	return d
}

func weightOf(w Weights, c rubric.Competency, q rubric.Question) float64 {
	if v, ok := w[WeightKey(c.ID, q.ID)]; ok {
		return v
	}
	return DefaultWeight(c, q)
}

// DefaultWeight is a question's weight as the rubric sets it: competency
// weight × question weight, an unset (zero) weight counting as 1.
func DefaultWeight(c rubric.Competency, q rubric.Question) float64 {
	cw, qw := c.Weight, q.Weight
	if cw == 0 {
		cw = 1
	}
	if qw == 0 {
		qw = 1
	}
	return cw * qw
}

func meanInts(v []int) float64 {
	s := 0
	for _, x := range v {
		s += x
	}
	return float64(s) / float64(len(v))
}

func medianInts(v []int) float64 {
	s := slices.Clone(v)
	sort.Ints(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// stddev is the sample standard deviation; 0 for fewer than two values.
func stddev(v []float64) float64 {
	if len(v) < 2 {
		return 0
	}
	var m float64
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	var ss float64
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(v)-1))
}

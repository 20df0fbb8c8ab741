// Computes a candidate's composite score, its coverage of the plan and its
// uncertainty, and ranks candidates for the committee.

package scoring

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// The composite, its coverage and its uncertainty: the one definition the
// debrief, the committee workbook, the CSV files and `hirebench composite`
// share. docs/SCORING.md writes it out with a worked example.

// DefaultCoverageThreshold is the share of the plan's weight a candidate's
// answered questions must carry before the candidate is ranked.
const DefaultCoverageThreshold = 0.8

// PlanQuestion is one question every candidate of a role is meant to be
// asked, with the weights the plan sets (the rubric's own unless the
// recruiter changed them on the interview plan).
type PlanQuestion struct {
	Key              string  `json:"key"` // WeightKey(CompetencyID, QuestionID)
	CompetencyID     string  `json:"competencyId"`
	Competency       string  `json:"competency"`
	QuestionID       string  `json:"questionId"`
	Prompt           string  `json:"prompt"`
	CompetencyWeight float64 `json:"competencyWeight"`
	QuestionWeight   float64 `json:"questionWeight"`
	// Effective is the question's share of the whole plan (all of them sum
	// to 1): its competency's share of all competency weights × its share of
	// its competency's question weights.
	Effective float64 `json:"effective"`
}

// WeightKey names one question's weight: "competency/question".
func WeightKey(competencyID, questionID string) string { return competencyID + "/" + questionID }

// Effective fills every question's Effective weight. A competency's weight
// is read from its first question (a plan has one weight per competency).
// Weights are > 0 by validation; a plan whose weights sum to 0 gets 0s.
func Effective(plan []PlanQuestion) []PlanQuestion {
	out := slices.Clone(plan)
	compWeight := map[string]float64{}
	qSum := map[string]float64{}
	var total float64
	for _, q := range out {
		if _, seen := compWeight[q.CompetencyID]; !seen {
			compWeight[q.CompetencyID] = q.CompetencyWeight
			total += q.CompetencyWeight
		}
		qSum[q.CompetencyID] += q.QuestionWeight
	}
	for i := range out {
		q := &out[i]
		q.CompetencyWeight = compWeight[q.CompetencyID]
		q.Effective = 0
		if total > 0 && qSum[q.CompetencyID] > 0 {
			q.Effective = q.CompetencyWeight / total * q.QuestionWeight / qSum[q.CompetencyID]
		}
	}
	return out
}

// Score is one interviewer's submitted score for one question, already on
// 0–100 (Normalize) on the scale of the rubric version it was given on.
type Score struct {
	Key         string
	Interviewer string // a stable id: the profile id in the app
	Norm        float64
}

// QuestionMean is one question's mean over interviewers.
type QuestionMean struct {
	Mean         float64 `json:"mean"`         // 0–100
	Interviewers int     `json:"interviewers"` // how many scored it
}

// InterviewerComposite is one interviewer's own composite for a candidate,
// by the same formula, over the questions they answered.
type InterviewerComposite struct {
	Interviewer string  `json:"interviewer"`
	Composite   float64 `json:"composite"`
	Coverage    float64 `json:"coverage"`
}

// Composite is a candidate's composite with how much of the plan it rests
// on and how far their interviewers' own composites spread.
type Composite struct {
	// Value is the effective-weighted mean of the answered questions' means
	// (0–100); nil when no question of the plan was scored.
	Value *float64 `json:"value"`
	// Coverage is the sum of the effective weights of the answered questions (0–1).
	Coverage float64 `json:"coverage"`
	// Uncertainty is the standard error over distinct interviewers: the
	// sample standard deviation of their own composites / √k. Nil with
	// fewer than two interviewers.
	Uncertainty  *float64                `json:"uncertainty"`
	Interviewers []InterviewerComposite  `json:"interviewers"`
	Questions    map[string]QuestionMean `json:"questions"`
}

// Compose computes a candidate's composite from the plan (with Effective
// weights) and their submitted scores. A question scored more than once by
// the same interviewer (in two rounds) counts as that interviewer's mean,
// so every interviewer weighs the same on a question. Scores for questions
// outside the plan are ignored.
func Compose(plan []PlanQuestion, scores []Score) Composite {
	weight := make(map[string]float64, len(plan))
	for _, q := range plan {
		weight[q.Key] = q.Effective
	}
	type cell struct{ sum, n float64 }
	byQI := map[[2]string]*cell{} // question, interviewer
	var interviewers []string
	seenI := map[string]bool{}
	for _, s := range scores {
		if _, ok := weight[s.Key]; !ok {
			continue
		}
		k := [2]string{s.Key, s.Interviewer}
		c := byQI[k]
		if c == nil {
			c = &cell{}
			byQI[k] = c
		}
		c.sum += s.Norm
		c.n++
		if !seenI[s.Interviewer] {
			seenI[s.Interviewer] = true
			interviewers = append(interviewers, s.Interviewer)
		}
	}
	out := Composite{Questions: map[string]QuestionMean{}, Interviewers: []InterviewerComposite{}}
	perI := map[string]*[2]float64{} // weighted sum, weight
	for _, q := range plan {
		var sum float64
		var n int
		for _, who := range interviewers {
			c := byQI[[2]string{q.Key, who}]
			if c == nil {
				continue
			}
			m := c.sum / c.n
			sum += m
			n++
			acc := perI[who]
			if acc == nil {
				acc = &[2]float64{}
				perI[who] = acc
			}
			acc[0] += q.Effective * m
			acc[1] += q.Effective
		}
		if n == 0 {
			continue
		}
		out.Questions[q.Key] = QuestionMean{Mean: sum / float64(n), Interviewers: n}
	}
	var num, den float64
	for _, q := range plan {
		if m, ok := out.Questions[q.Key]; ok {
			num += q.Effective * m.Mean
			den += q.Effective
		}
	}
	out.Coverage = den
	if len(out.Questions) > 0 && den > 0 {
		v := num / den
		out.Value = &v
	}
	var own []float64
	for _, who := range interviewers {
		acc := perI[who]
		if acc == nil || acc[1] <= 0 {
			continue
		}
		v := acc[0] / acc[1]
		own = append(own, v)
		out.Interviewers = append(out.Interviewers, InterviewerComposite{Interviewer: who, Composite: v, Coverage: acc[1]})
	}
	if k := len(own); k >= 2 {
		se := stddev(own) / math.Sqrt(float64(k))
		out.Uncertainty = &se
	}
	return out
}

// Complete says whether a composite rests on enough of the plan to be
// ranked among the others: a value, and coverage at or above threshold
// when both are rounded to whole percent, as the app and workbook show them
// (so 5 questions of 6 equal ones, 0.8333…, and an exact 80% never
// disagree with what the screen says).
func (c Composite) Complete(threshold float64) bool {
	return c.Value != nil && math.Round(c.Coverage*100) >= math.Round(threshold*100)
}

// UncertaintyLabel says in words how sure a composite is, e.g.
// "±4.3 between 3 interviewers" or "one interviewer: no spread to estimate".
func (c Composite) UncertaintyLabel() string {
	switch k := len(c.Interviewers); {
	case k == 0:
		return "no scores yet"
	case k == 1 || c.Uncertainty == nil:
		return "one interviewer: no spread to estimate"
	default:
		return fmt.Sprintf("±%.1f between %d interviewers", *c.Uncertainty, k)
	}
}

// Ranked is anything Rank orders: a composite and a stable tie-breaker.
type Ranked struct {
	Composite *float64
	Complete  bool
	Name      string
}

// TieTolerance: composites closer than this are equal for ranking, so
// rounding noise between Go and a spreadsheet never splits a tie.
const TieTolerance = 1e-9

// Rank orders candidates for the committee: complete ones by composite
// (highest first), then incomplete ones (by composite), then those without
// scores; ties keep name order. It returns the order as indexes into items
// and each item's rank among complete candidates: 1 + the number of
// complete candidates whose composite is higher by more than TieTolerance
// (so equal composites share a rank: 1, 2, 2, 4, as the workbook's
// COUNTIFS(…,">"&(x+1E-9))+1 gives); 0 for the rest.
func Rank(items []Ranked) (order []int, rank []int) {
	order = make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	group := func(r Ranked) int {
		switch {
		case r.Composite != nil && r.Complete:
			return 0
		case r.Composite != nil:
			return 1
		}
		return 2
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := items[order[a]], items[order[b]]
		if gx, gy := group(x), group(y); gx != gy {
			return gx < gy
		}
		if x.Composite != nil && y.Composite != nil && math.Abs(*x.Composite-*y.Composite) > TieTolerance {
			return *x.Composite > *y.Composite
		}
		return x.Name < y.Name
	})
	// A ranked candidate's rank is 1 + how many ranked composites exceed
	// theirs by more than the tolerance: counted by binary search over the
	// sorted composites (comparing every pair took seconds at 10k candidates).
	var ranked []float64
	for _, it := range items {
		if group(it) == 0 {
			ranked = append(ranked, *it.Composite)
		}
	}
	sort.Float64s(ranked)
	rank = make([]int, len(items))
	for i, it := range items {
		if group(it) != 0 {
			continue
		}
		above := sort.Search(len(ranked), func(k int) bool { return ranked[k] > *it.Composite+TieTolerance })
		rank[i] = 1 + len(ranked) - above
	}
	return order, rank
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

// The difference between two groups' mean scores (interview composites, a
// question's scores) with a 95% Welch confidence interval.

package fairness

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// MeanDifference compares group A's scores with group B's.
type MeanDifference struct {
	NA    int     `json:"n_a"`
	NB    int     `json:"n_b"`
	MeanA float64 `json:"mean_a"`
	MeanB float64 `json:"mean_b"`
	// Difference is MeanA − MeanB.
	Difference float64 `json:"difference"`
	// CI is the 95% Welch interval of Difference; nil when neither group's
	// scores vary (there is no spread to build it from).
	CI *[2]float64 `json:"ci"`
	// DF is the Welch–Satterthwaite degrees of freedom (0 without CI).
	DF float64 `json:"df"`
	// D is Cohen's d, Difference over the pooled standard deviation, so
	// that questions on different scales compare; nil when no score varies.
	D *float64 `json:"d"`
}

// Summary is a group's scores as the comparisons need them: how many, their
// mean and the sum of squared deviations from it (M2). Summaries merge
// exactly, so "everyone else" is the merge of the other groups, and a
// shared workspace's server can hand them over without a single score.
type Summary struct {
	N    int     `json:"n"`
	Mean float64 `json:"mean"`
	M2   float64 `json:"m2"`
}

// Summarize is the summary of finite scores, computed in two passes for
// accuracy.
func Summarize(v []float64) (Summary, error) {
	var s Summary
	for _, x := range v {
		if !finite(x) {
			return Summary{}, fmt.Errorf("score %v is not a finite number", x)
		}
		s.Mean += x
	}
	s.N = len(v)
	if s.N == 0 {
		return s, nil
	}
	s.Mean /= float64(s.N)
	for _, x := range v {
		s.M2 += (x - s.Mean) * (x - s.Mean)
	}
	return s, nil
}

// Merge is the summary of both groups' scores together (Chan et al.).
func (s Summary) Merge(o Summary) Summary {
	if s.N == 0 {
		return o
	}
	if o.N == 0 {
		return s
	}
	n := float64(s.N + o.N)
	delta := o.Mean - s.Mean
	return Summary{N: s.N + o.N, Mean: s.Mean + delta*float64(o.N)/n,
		M2: s.M2 + o.M2 + delta*delta*float64(s.N)*float64(o.N)/n}
}

// variance is the sample variance (n − 1).
func (s Summary) variance() float64 {
	if s.N < 2 || s.M2 < 0 {
		return 0
	}
	return s.M2 / float64(s.N-1)
}

func (s Summary) check() error {
	if s.N < 0 || !finite(s.Mean) || !finite(s.M2) || s.M2 < 0 {
		return fmt.Errorf("scores summed to n %d, mean %v, M2 %v: not a summary of finite scores", s.N, s.Mean, s.M2)
	}
	return nil
}

// MeanDiff compares two groups' scores: the difference of means with a 95%
// Welch interval, which does not assume equal variances:
//
//	se = √(s²A/nA + s²B/nB)
//	df = se⁴ / ((s²A/nA)²/(nA−1) + (s²B/nB)²/(nB−1))
//	CI = (x̄A − x̄B) ± t(0.975; df)·se
//
// Each group needs at least two finite scores.
func MeanDiff(a, b []float64) (MeanDifference, error) {
	sa, err := Summarize(a)
	if err != nil {
		return MeanDifference{}, err
	}
	sb, err := Summarize(b)
	if err != nil {
		return MeanDifference{}, err
	}
	return DiffSummaries(sa, sb)
}

// DiffSummaries is MeanDiff over two groups' summaries.
func DiffSummaries(a, b Summary) (MeanDifference, error) {
	if a.N < 2 || b.N < 2 {
		return MeanDifference{}, errors.New("each group needs at least two scores to compare means")
	}
	if err := a.check(); err != nil {
		return MeanDifference{}, err
	}
	if err := b.check(); err != nil {
		return MeanDifference{}, err
	}
	va, vb := a.variance(), b.variance()
	na, nb := float64(a.N), float64(b.N)
	out := MeanDifference{NA: a.N, NB: b.N, MeanA: a.Mean, MeanB: b.Mean, Difference: a.Mean - b.Mean}
	qa, qb := va/na, vb/nb
	if se := math.Sqrt(qa + qb); se > 0 {
		out.DF = (qa + qb) * (qa + qb) / (qa*qa/(na-1) + qb*qb/(nb-1))
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: out.DF}.Quantile(0.975)
		out.CI = &[2]float64{out.Difference - t*se, out.Difference + t*se}
		if pooled := math.Sqrt(((na-1)*va + (nb-1)*vb) / (na + nb - 2)); pooled > 0 {
			d := out.Difference / pooled
			out.D = &d
		}
	}
	return out, nil
}

// Sample is one group's scores, summarised.
type Sample struct {
	Group string `json:"group"`
	Summary
}

// SampleOf summarises one group's scores.
func SampleOf(group string, values []float64) (Sample, error) {
	s, err := Summarize(values)
	return Sample{Group: group, Summary: s}, err
}

// MeanRow is one group's mean compared with everyone else's.
type MeanRow struct {
	Group  string  `json:"group"`
	N      int     `json:"n"`
	Mean   float64 `json:"mean"`
	TooFew bool    `json:"too_few"` // N < MinGroup
	// VsRest is this group (A) against all the other groups pooled (B);
	// nil when either side has fewer than two scores.
	VsRest *MeanDifference `json:"vs_rest"`
}

// CompareMeans compares each group's mean score with the rest's, in the
// order given. Group names must be unique and non-empty, every group
// scored.
func CompareMeans(samples []Sample) ([]MeanRow, error) {
	seen := make(map[string]bool, len(samples))
	for _, s := range samples {
		if s.Group == "" || seen[s.Group] {
			return nil, fmt.Errorf("group names must be unique and not empty (%q)", s.Group)
		}
		seen[s.Group] = true
		if s.N == 0 {
			return nil, fmt.Errorf("group %q has no scores", s.Group)
		}
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("group %q: %w", s.Group, err)
		}
	}
	out := make([]MeanRow, 0, len(samples))
	for i, s := range samples {
		row := MeanRow{Group: s.Group, N: s.N, Mean: s.Mean, TooFew: s.N < MinGroup}
		var rest Summary
		for j, o := range samples {
			if j != i {
				rest = rest.Merge(o.Summary)
			}
		}
		if s.N >= 2 && rest.N >= 2 {
			d, err := DiffSummaries(s.Summary, rest)
			if err != nil {
				return nil, err
			}
			row.VsRest = &d
		}
		out = append(out, row)
	}
	return out, nil
}

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

// MeanDiff compares two groups' scores: the difference of means with a 95%
// Welch interval, which does not assume equal variances:
//
//	se = √(s²A/nA + s²B/nB)
//	df = se⁴ / ((s²A/nA)²/(nA−1) + (s²B/nB)²/(nB−1))
//	CI = (x̄A − x̄B) ± t(0.975; df)·se
//
// Each group needs at least two finite scores.
func MeanDiff(a, b []float64) (MeanDifference, error) {
	if len(a) < 2 || len(b) < 2 {
		return MeanDifference{}, errors.New("each group needs at least two scores to compare means")
	}
	ma, va, err := meanVar(a)
	if err != nil {
		return MeanDifference{}, err
	}
	mb, vb, err := meanVar(b)
	if err != nil {
		return MeanDifference{}, err
	}
	na, nb := float64(len(a)), float64(len(b))
	out := MeanDifference{NA: len(a), NB: len(b), MeanA: ma, MeanB: mb, Difference: ma - mb}
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

// Sample is one group's scores.
type Sample struct {
	Group  string    `json:"group"`
	Values []float64 `json:"values"`
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
// order given. Group names must be unique and non-empty, scores finite.
func CompareMeans(samples []Sample) ([]MeanRow, error) {
	seen := make(map[string]bool, len(samples))
	for _, s := range samples {
		if s.Group == "" || seen[s.Group] {
			return nil, fmt.Errorf("group names must be unique and not empty (%q)", s.Group)
		}
		seen[s.Group] = true
	}
	out := make([]MeanRow, 0, len(samples))
	for i, s := range samples {
		if len(s.Values) == 0 {
			return nil, fmt.Errorf("group %q has no scores", s.Group)
		}
		m, _, err := meanVar(s.Values)
		if err != nil {
			return nil, err
		}
		row := MeanRow{Group: s.Group, N: len(s.Values), Mean: m, TooFew: len(s.Values) < MinGroup}
		var rest []float64
		for j, o := range samples {
			if j != i {
				rest = append(rest, o.Values...)
			}
		}
		if len(s.Values) >= 2 && len(rest) >= 2 {
			d, err := MeanDiff(s.Values, rest)
			if err != nil {
				return nil, err
			}
			row.VsRest = &d
		}
		out = append(out, row)
	}
	return out, nil
}

// meanVar is the mean and the sample variance (n − 1) of finite values,
// computed in two passes for accuracy.
func meanVar(v []float64) (mean, variance float64, err error) {
	for _, x := range v {
		if !finite(x) {
			return 0, 0, fmt.Errorf("score %v is not a finite number", x)
		}
		mean += x
	}
	mean /= float64(len(v))
	for _, x := range v {
		variance += (x - mean) * (x - mean)
	}
	if len(v) > 1 {
		variance /= float64(len(v) - 1)
	}
	return mean, variance, nil
}

// Package validity measures how well a score (an interview composite, a
// competency) predicts an outcome (a performance rating, staying): Pearson's
// r with a 95% confidence interval by Fisher's z, Spearman's rho, and the
// warnings a careful reader needs (few pairs, range restriction). It is pure:
// no I/O apart from ReadCSV, no storage. docs/FAIRNESS.md defines every
// number with worked examples that the tests type in.
package validity

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

const (
	// MinPairs is the fewest pairs read without a warning: below 30, the
	// 95% interval of a correlation spans most of the scale (at n = 20 and
	// r = 0.3 it runs from −0.16 to 0.66), so r alone says little.
	MinPairs = 30
	// MinPairsCI is the fewest pairs Fisher's z interval needs (its
	// standard error is 1/√(n − 3)).
	MinPairsCI = 4
	// minPairsR is the fewest pairs for a correlation: two points always
	// lie on a line.
	minPairsR = 3
)

// RangeRestriction is the caveat every validity view shows: only people
// who were hired have outcomes.
const RangeRestriction = "Only hired candidates have outcomes, and they were hired for their high scores, " +
	"so the scores here vary less than among all candidates; this lowers the correlation, and the " +
	"process may predict better than it looks here."

// Report is Analyze's result. Correlations are nil when they cannot be
// computed (too few pairs, or no spread in one column).
type Report struct {
	N           int         `json:"n"`
	PearsonR    *float64    `json:"pearson_r"`
	PearsonCI   *[2]float64 `json:"pearson_ci"` // 95%, by Fisher's z
	SpearmanRho *float64    `json:"spearman_rho"`
	// Warning is set below MinPairs pairs, "" otherwise.
	Warning string   `json:"warning"`
	Notes   []string `json:"notes"`
}

// Analyze correlates scores with outcomes, pair by pair. Both slices must
// have the same length, at least one pair, and finite values.
func Analyze(score, outcome []float64) (Report, error) {
	if len(score) != len(outcome) {
		return Report{}, fmt.Errorf("%d scores but %d outcomes", len(score), len(outcome))
	}
	if len(score) == 0 {
		return Report{}, errors.New("no pairs to correlate")
	}
	for i := range score {
		if !finite(score[i]) || !finite(outcome[i]) {
			return Report{}, fmt.Errorf("pair %d is not a pair of finite numbers", i+1)
		}
	}
	n := len(score)
	rep := Report{N: n, Notes: []string{}}
	if n < MinPairs {
		pairs := "pairs"
		if n == 1 {
			pairs = "pair"
		}
		rep.Warning = fmt.Sprintf("Only %d %s: below %d a correlation moves a lot from one person to the next; read its interval, not r alone.", n, pairs, MinPairs)
	}
	if n < minPairsR {
		rep.Notes = append(rep.Notes, fmt.Sprintf("A correlation needs at least %d pairs.", minPairsR))
		return rep, nil
	}
	switch {
	case constant(score):
		rep.Notes = append(rep.Notes, "Every score is the same, so nothing can be correlated with it.")
		return rep, nil
	case constant(outcome):
		rep.Notes = append(rep.Notes, "Every outcome is the same, so nothing can be correlated with it.")
		return rep, nil
	}
	r := Pearson(score, outcome)
	rep.PearsonR = &r
	if lo, hi, ok := FisherCI(r, n); ok {
		rep.PearsonCI = &[2]float64{lo, hi}
	} else {
		rep.Notes = append(rep.Notes, fmt.Sprintf("A confidence interval needs at least %d pairs.", MinPairsCI))
	}
	rho := Pearson(Ranks(score), Ranks(outcome))
	rep.SpearmanRho = &rho
	return rep, nil
}

// Pearson is the product-moment correlation of x and y (same length, at
// least two values, neither constant), computed around the means and kept
// within [−1, 1] against rounding.
func Pearson(x, y []float64) float64 {
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return math.Max(-1, math.Min(1, sxy/math.Sqrt(sxx*syy)))
}

// FisherCI is the 95% confidence interval of a correlation r from n pairs:
// z = atanh(r), z ± 1.959964/√(n − 3), back through tanh. ok is false below
// MinPairsCI pairs.
func FisherCI(r float64, n int) (lo, hi float64, ok bool) {
	if n < MinPairsCI || !(r >= -1 && r <= 1) {
		return 0, 0, false
	}
	z := math.Atanh(r)
	half := distuv.UnitNormal.Quantile(0.975) / math.Sqrt(float64(n-3))
	return math.Tanh(z - half), math.Tanh(z + half), true
}

// Ranks gives each value its rank, 1 for the smallest, ties sharing the
// average of the ranks they span (1, 2, 2, 3 → 1, 2.5, 2.5, 4), so that
// Spearman's rho is Pearson's r of the ranks.
func Ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1 // ranks i+1 … j+1
		for k := i; k <= j; k++ {
			out[idx[k]] = avg
		}
		i = j + 1
	}
	return out
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func constant(v []float64) bool {
	for _, x := range v[1:] {
		if x != v[0] {
			return false
		}
	}
	return true
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

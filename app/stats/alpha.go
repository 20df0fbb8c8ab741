// Krippendorff's alpha at the nominal, ordinal, interval and ratio levels,
// computed from coincidence sums without building the full matrix.

package stats

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"hirebench/app/tidycsv"
)

// Level is the level of measurement for Krippendorff's alpha; it selects the
// difference function δ²(c,k) of Krippendorff (2011).
type Level int

const (
	// Nominal: δ² = 0 if c = k, else 1. Scores are unordered labels.
	Nominal Level = iota + 1
	// Ordinal: δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², the rank-based
	// metric built from the coincidence marginals n_g.
	Ordinal
	// Interval: δ² = (c − k)².
	Interval
	// Ratio: δ² = ((c − k)/(c + k))². Scores must be ≥ 0.
	Ratio
)

// Levels lists the four levels in report order.
var Levels = []Level{Nominal, Ordinal, Interval, Ratio}

func (l Level) String() string {
	switch l {
	case Nominal:
		return "nominal"
	case Ordinal:
		return "ordinal"
	case Interval:
		return "interval"
	case Ratio:
		return "ratio"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Errors Krippendorff's alpha wraps, for errors.Is.
var (
	ErrNoPairable    = errors.New("no pairable values")
	ErrNoVariation   = errors.New("no variation")
	ErrRatioNegative = errors.New("negative score at ratio level")
	ErrTooManyValues = errors.New("too many distinct scores")
)

// MaxRatioDistinct caps the number of distinct scores for the ratio level,
// whose expected disagreement needs all pairs of distinct values (quadratic
// work). Nominal, ordinal and interval alpha have no such limit.
const MaxRatioDistinct = 10_000

// Alpha is Krippendorff's alpha for ratings at the given level. Each subject
// is a unit; its values are the scores it received from any raters (rater
// identity does not enter alpha).
func Alpha(ratings []Rating, level Level) (float64, error) {
	m, err := NewMatrix(ratings)
	if err != nil {
		return 0, err
	}
	return AlphaUnits(m.Units(), level)
}

// AlphaUnits computes Krippendorff's alpha with the coincidence-matrix method
// of Krippendorff (2011) for units with any number of values each (NaN values
// are treated as missing and skipped).
//
// Units with fewer than two values are not pairable and are dropped. Every
// other unit u with m_u values adds, for each ordered pair of its values
// (c, k) from different raters, 1/(m_u − 1) to the coincidence o_ck, so each
// unit contributes exactly m_u to the total n. With n_c = Σ_k o_ck,
//
//	α = 1 − (n − 1) · Σ_ck o_ck δ²(c,k) / Σ_ck n_c n_k δ²(c,k).
//
// The sums are evaluated without materialising the matrix where a closed form
// exists: for the interval metric Σ_ck a_c a_k (c−k)² = 2 A Σ_c a_c (c − c̄)²,
// the ordinal metric is the interval metric applied to the values' mid-ranks
// M_g = Σ_{h<g} n_h + n_g/2 (because Σ_{g=c..k} n_g − (n_c+n_k)/2 = M_k − M_c),
// and the nominal metric is Σ a_c a_k [c≠k] = A² − Σ a_c². The tests check
// these against the literal matrix computation.
//
// Errors: ErrNoPairable when no unit has two values, ErrNoVariation when all
// pairable values are equal (α is 0/0, undefined), ErrRatioNegative for a
// negative value at the ratio level.
func AlphaUnits(units [][]float64, level Level) (float64, error) {
	switch level {
	case Nominal, Ordinal, Interval, Ratio:
	default:
		return 0, fmt.Errorf("unknown level %v", level)
	}
	var pairable [][]float64
	counts := map[float64]float64{} // n_c
	n := 0.0
	for _, u := range units {
		vals := make([]float64, 0, len(u))
		for _, v := range u {
			if !math.IsNaN(v) && !tidycsv.Sane(v) {
				return 0, fmt.Errorf("%w: the score %g %s", ErrInvalidInput, v, insaneWords)
			}
			if !math.IsNaN(v) {
				vals = append(vals, v)
			}
		}
		if len(vals) < 2 {
			continue
		}
		pairable = append(pairable, vals)
		for _, v := range vals {
			counts[v]++
		}
		n += float64(len(vals))
	}
	if n == 0 {
		return 0, fmt.Errorf("%w: alpha needs at least one subject scored by two or more raters", ErrNoPairable)
	}
	if len(counts) < 2 {
		return 0, fmt.Errorf("%w: every paired score is the same, so alpha is undefined (0/0)", ErrNoVariation)
	}
	values := make([]float64, 0, len(counts))
	for v := range counts {
		values = append(values, v)
	}
	sort.Float64s(values)

	var do, de float64 // Σ o_ck δ², Σ n_c n_k δ²
	switch level {
	case Nominal:
		de = n * n
		for _, v := range values {
			de -= counts[v] * counts[v]
		}
		for _, u := range pairable {
			uv, uc := unitCounts(u)
			if len(uv) == 1 {
				continue
			}
			m := float64(len(u))
			s := m * m
			for _, c := range uc {
				s -= c * c
			}
			do += s / (m - 1)
		}
	case Interval, Ordinal:
		pos := func(v float64) float64 { return v }
		if level == Ordinal {
			mid := make(map[float64]float64, len(values))
			below := 0.0
			for _, v := range values {
				mid[v] = below + counts[v]/2
				below += counts[v]
			}
			pos = func(v float64) float64 { return mid[v] }
		}
		// De = 2 n Σ_values (x − x̄)² over all pairable values.
		mean := 0.0
		for _, v := range values {
			mean += counts[v] * pos(v)
		}
		mean /= n
		for _, v := range values {
			d := pos(v) - mean
			de += counts[v] * d * d
		}
		de *= 2 * n
		// Do = Σ_u 2 m_u Σ_i (x_i − x̄_u)² / (m_u − 1).
		for _, u := range pairable {
			uv, uc := unitCounts(u)
			if len(uv) == 1 {
				continue // identical values: exactly no disagreement
			}
			m := float64(len(u))
			um := 0.0
			for i, v := range uv {
				um += uc[i] * pos(v)
			}
			um /= m
			ss := 0.0
			for i, v := range uv {
				d := pos(v) - um
				ss += uc[i] * d * d
			}
			do += 2 * m * ss / (m - 1)
		}
	case Ratio:
		if values[0] < 0 {
			return 0, fmt.Errorf("%w: the ratio level needs scores ≥ 0, found %v", ErrRatioNegative, values[0])
		}
		if len(values) > MaxRatioDistinct {
			return 0, fmt.Errorf("%w: ratio alpha supports at most %d distinct scores, found %d", ErrTooManyValues, MaxRatioDistinct, len(values))
		}
		for i, c := range values {
			for _, k := range values[i+1:] {
				de += 2 * counts[c] * counts[k] * ratioDelta(c, k)
			}
		}
		for _, u := range pairable {
			uv, uc := unitCounts(u)
			if len(uv) == 1 {
				continue
			}
			s := 0.0
			for i, c := range uv {
				for j := i + 1; j < len(uv); j++ {
					s += 2 * uc[i] * uc[j] * ratioDelta(c, uv[j])
				}
			}
			do += s / float64(len(u)-1)
		}
	}
	if !(de > 0) {
		return 0, fmt.Errorf("%w: no expected disagreement, so alpha is undefined (0/0)", ErrNoVariation)
	}
	return 1 - (n-1)*do/de, nil
}

// ratioDelta is Krippendorff's ratio metric ((c−k)/(c+k))², 0 when c = k = 0.
func ratioDelta(c, k float64) float64 {
	if c+k == 0 {
		return 0
	}
	r := (c - k) / (c + k)
	return r * r
}

// unitCounts returns a unit's distinct values in ascending order and how
// many times each occurs (n_uc). Sorted order keeps the floating-point sums
// deterministic.
func unitCounts(u []float64) (vals, cnt []float64) {
	s := append([]float64(nil), u...)
	sort.Float64s(s)
	for i, v := range s {
		if i > 0 && v == s[i-1] {
			cnt[len(cnt)-1]++
			continue
		}
		vals = append(vals, v)
		cnt = append(cnt, 1)
	}
	return vals, cnt
}

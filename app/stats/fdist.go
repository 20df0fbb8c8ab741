// The F distribution's CDF and quantiles for the ICC confidence intervals,
// from gonum (a maintained library) rather than a hand-written continued
// fraction; this file only guards the inputs (gonum panics where these
// return NaN) and keeps large quantiles precise.

package stats

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// regIncBeta is the regularized incomplete beta function I_x(a, b). It
// returns NaN for a ≤ 0, b ≤ 0, infinite a or b, or x outside [0, 1].
func regIncBeta(a, b, x float64) float64 {
	if !validDF(a, b) || !(x >= 0 && x <= 1) {
		return math.NaN()
	}
	return mathext.RegIncBeta(a, b, x)
}

// fCDF is P(F ≤ f) for the F distribution with d1 and d2 degrees of freedom
// (non-integer df allowed).
func fCDF(f, d1, d2 float64) float64 {
	switch {
	case !validDF(d1, d2) || math.IsNaN(f):
		return math.NaN()
	case f <= 0:
		return 0
	case math.IsInf(f, 1):
		return 1
	}
	return distuv.F{D1: d1, D2: d2}.CDF(f)
}

// fQuantile is the p-quantile of the F distribution with d1 and d2 degrees of
// freedom (non-integer df allowed, as needed by the Satterthwaite df of
// ICC(2,1)). It returns NaN for p outside (0, 1) or invalid df.
//
// distuv.F.Quantile maps x = I⁻¹_p(d1/2, d2/2) back with d2·x / (d1·(1−x)),
// which loses the digits of 1−x when x is near 1 (large quantiles). There we
// solve the upper tail for y = 1−x = I⁻¹_{1−p}(d2/2, d1/2) directly.
func fQuantile(p, d1, d2 float64) float64 {
	if !(p > 0 && p < 1) || !validDF(d1, d2) {
		return math.NaN()
	}
	a, b := d1/2, d2/2
	if p <= mathext.RegIncBeta(a, b, 0.5) {
		return distuv.F{D1: d1, D2: d2}.Quantile(p)
	}
	y := mathext.InvRegIncBeta(b, a, 1-p)
	return d2 * (1 - y) / (d1 * y)
}

// validDF reports whether both degrees of freedom (or beta parameters) are
// positive and finite.
func validDF(a, b float64) bool {
	return a > 0 && b > 0 && !math.IsInf(a, 0) && !math.IsInf(b, 0)
}

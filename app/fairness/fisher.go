// Fisher's exact test for a 2×2 table, two-sided, written once: no
// maintained Go library offers it (gonum has the hypergeometric
// distribution's pieces, not the test).

package fairness

import "math"

// tieTolerance is the relative tolerance under which a table counts as
// exactly as likely as the observed one. Tables that are equally likely in
// exact arithmetic (a symmetric table's mirror image) differ in floating
// point by rounding; without it the mirror could be left out of the sum.
// R's fisher.test uses the same 1e-7.
const tieTolerance = 1e-7

// FisherTwoSided is the two-sided p-value of Fisher's exact test for the
// table
//
//	a b
//	c d
//
// (for a group against the rest: a selected and b not selected in the
// group, c and d in the rest). With the margins fixed, the top-left cell x
// follows the hypergeometric distribution
//
//	P(x) = C(a+b, x)·C(c+d, a+c−x) / C(n, a+c)
//
// and p is the sum of P(x) over every table as likely as or less likely
// than the observed one, P(x) ≤ P(a)·(1 + 1e-7). It is NaN for a negative
// cell and 1 for a table whose margins allow only itself.
//
// The probabilities are built in logs by the ratio of neighbours,
// P(x+1)/P(x) = (r1−x)(c1−x) / ((x+1)(r2−c1+x+1)), so there is no
// factorial to overflow and memory is constant; very small p-values (below
// 1e-300) come out as 0.
func FisherTwoSided(a, b, c, d int) float64 {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return math.NaN()
	}
	r1, r2, c1 := a+b, c+d, a+c
	lo, hi := max(0, c1-r2), min(r1, c1)
	if lo == hi {
		return 1
	}
	// logP(x) relative to logP(lo), for x = lo…hi, in order.
	walk := func(visit func(x int, lw float64)) {
		lw := 0.0
		for x := lo; ; x++ {
			visit(x, lw)
			if x == hi {
				return
			}
			fx := float64(x)
			lw += math.Log((float64(r1)-fx)*(float64(c1)-fx)) - math.Log((fx+1)*(float64(r2-c1)+fx+1))
		}
	}
	observed, mode := 0.0, math.Inf(-1)
	walk(func(x int, lw float64) {
		if x == a {
			observed = lw
		}
		mode = max(mode, lw)
	})
	limit := observed + math.Log1p(tieTolerance)
	// Sum relative to the mode (all terms ≤ 1) and to the observed table,
	// so neither sum overflows and a tiny p keeps its digits.
	var all, tail float64
	walk(func(_ int, lw float64) {
		all += math.Exp(lw - mode)
		if lw <= limit {
			tail += math.Exp(lw - observed)
		}
	})
	p := math.Exp(observed-mode) * tail / all
	return min(p, 1)
}

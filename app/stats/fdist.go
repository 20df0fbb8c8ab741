// The F distribution's CDF and quantiles, via the regularized incomplete beta
// function, for the ICC confidence intervals.

package stats

import "math"

// regIncBeta is the regularized incomplete beta function I_x(a, b), evaluated
// with the continued fraction of Numerical Recipes (Press et al., §6.4) using
// the modified Lentz algorithm. The fraction converges fast for
// x < (a+1)/(a+b+2); otherwise the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) is
// used. It returns NaN for a ≤ 0, b ≤ 0 or x outside [0, 1].
func regIncBeta(a, b, x float64) float64 {
	switch {
	case !(a > 0) || !(b > 0) || math.IsInf(a, 0) || math.IsInf(b, 0) || !(x >= 0 && x <= 1):
		return math.NaN()
	case x == 0:
		return 0
	case x == 1:
		return 1
	}
	lab, _ := math.Lgamma(a + b)
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	// front = x^a (1−x)^b / B(a, b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(a, b, x) / a
	}
	return 1 - front*betaCF(b, a, 1-x)/b
}

// betaCF evaluates the continued fraction for I_x(a,b) by modified Lentz.
func betaCF(a, b, x float64) float64 {
	const (
		maxIter = 10000
		eps     = 1e-16
		tiny    = 1e-300
	)
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 - qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= maxIter; m++ {
		fm := float64(m)
		m2 := 2 * fm
		// even step: d_{2m}
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		// odd step: d_{2m+1}
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) <= eps {
			break
		}
	}
	return h
}

// fCDF is P(F ≤ f) for the F distribution with d1 and d2 degrees of freedom
// (non-integer df allowed): I_{d1 f/(d1 f + d2)}(d1/2, d2/2).
func fCDF(f, d1, d2 float64) float64 {
	if !(d1 > 0) || !(d2 > 0) || math.IsNaN(f) {
		return math.NaN()
	}
	if f <= 0 {
		return 0
	}
	if math.IsInf(f, 1) {
		return 1
	}
	return regIncBeta(d1/2, d2/2, d1*f/(d1*f+d2))
}

// fQuantile is the p-quantile of the F distribution with d1 and d2 degrees of
// freedom (non-integer df allowed, as needed by the Satterthwaite df of
// ICC(2,1)). With x = d1·f/(d1·f + d2), P(F ≤ f) = I_x(d1/2, d2/2); the
// quantile solves that for x by bisection (the function is monotone, so no
// derivative is needed) down to adjacent floating-point numbers, and maps
// back with f = d2·x / (d1·(1−x)). When x > ½ it solves the upper tail
// I_y(d2/2, d1/2) = 1 − p for y = 1 − x instead, so that large quantiles keep
// full relative precision. It returns NaN for p outside (0, 1) or df ≤ 0.
func fQuantile(p, d1, d2 float64) float64 {
	if !(p > 0 && p < 1) || !(d1 > 0) || !(d2 > 0) || math.IsInf(d1, 0) || math.IsInf(d2, 0) {
		return math.NaN()
	}
	a, b := d1/2, d2/2
	if p <= regIncBeta(a, b, 0.5) {
		x := bisect(func(x float64) float64 { return regIncBeta(a, b, x) }, p)
		return d2 * x / (d1 * (1 - x))
	}
	y := bisect(func(y float64) float64 { return regIncBeta(b, a, y) }, 1-p)
	return d2 * (1 - y) / (d1 * y)
}

// bisect finds t in (0, 1) with cdf(t) = target for an increasing cdf.
func bisect(cdf func(float64) float64, target float64) float64 {
	lo, hi := 0.0, 1.0
	for i := 0; i < 2000; i++ {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		if cdf(mid) < target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}

// Tests the incomplete beta function and F quantiles (gonum, with our guards)
// against closed forms, printed F tables and a large-df approximation.

package stats

import (
	"math"
	"testing"
)

// Closed forms of the regularized incomplete beta function (derived from
// B(a,b) and ∫ t^(a−1)(1−t)^(b−1) dt by hand):
//
//	I_x(1,1)   = x
//	I_x(a,1)   = x^a                 (∫0^x a t^(a−1) dt)
//	I_x(1,b)   = 1 − (1−x)^b
//	I_x(2,2)   = 3x² − 2x³           (B(2,2) = 1/6, ∫0^x t(1−t) dt = x²/2 − x³/3)
//	I_x(½,½)   = (2/π)·asin(√x) = (2/π)·atan(√(x/(1−x)))   (arcsine law;
//	             the atan form avoids cancellation near x = 1)
func TestRegIncBetaClosedForms(t *testing.T) {
	for _, x := range []float64{1e-9, 0.001, 0.1, 0.25, 0.5, 0.6180339887, 0.9, 0.999, 1 - 1e-9} {
		cases := []struct {
			name       string
			a, b, want float64
		}{
			{"I(1,1)", 1, 1, x},
			{"I(3.5,1)", 3.5, 1, math.Pow(x, 3.5)},
			{"I(1,7.25)", 1, 7.25, 1 - math.Pow(1-x, 7.25)},
			{"I(2,2)", 2, 2, 3*x*x - 2*x*x*x},
			{"I(.5,.5)", 0.5, 0.5, 2 / math.Pi * math.Atan(math.Sqrt(x/(1-x)))},
		}
		for _, c := range cases {
			got := regIncBeta(c.a, c.b, x)
			if math.Abs(got-c.want) > 1e-12 {
				t.Errorf("%s at x=%v = %.15g, want %.15g", c.name, x, got, c.want)
			}
		}
	}
	// Symmetry I_x(a,b) = 1 − I_{1−x}(b,a), both branches of the fraction.
	for _, x := range []float64{0.05, 0.3, 0.7, 0.95} {
		got := regIncBeta(2.5, 9, x) + regIncBeta(9, 2.5, 1-x)
		if math.Abs(got-1) > 1e-13 {
			t.Errorf("symmetry at %v: sum %.16g", x, got)
		}
	}
	for _, bad := range [][3]float64{{0, 1, 0.5}, {1, -1, 0.5}, {1, 1, 1.5}, {1, 1, math.NaN()}} {
		if !math.IsNaN(regIncBeta(bad[0], bad[1], bad[2])) {
			t.Errorf("regIncBeta%v should be NaN", bad)
		}
	}
}

// Upper critical values of F from standard printed tables (e.g. the F tables
// in Snedecor & Cochran, or NIST/SEMATECH e-Handbook §1.3.6.7.3).
func TestFQuantileTable(t *testing.T) {
	cases := []struct {
		p, d1, d2, want float64
	}{
		{0.975, 5, 15, 3.5764},
		{0.95, 3, 15, 3.2874},
		{0.975, 1, 10, 6.9367},
		{0.975, 15, 5, 6.4277},
		{0.975, 5, 18, 3.3820},
		{0.95, 1, 10, 4.9646},
		{0.99, 10, 20, 3.3682},
		{0.95, 10, 10, 2.9782},
	}
	for _, c := range cases {
		got := fQuantile(c.p, c.d1, c.d2)
		if math.Abs(got-c.want) > 1e-3 {
			t.Errorf("F(%v; %v, %v) = %.5f, table %.4f", c.p, c.d1, c.d2, got, c.want)
		}
	}
}

// Exact quantiles for cases with a closed-form CDF, including the non-integer
// df that the ICC(2,1) interval needs:
//
//	F(1,1): F = T² with T Cauchy, P(F ≤ f) = (2/π)atan(√f)  ⇒ f = tan²(πp/2)
//	        (so F(0.95; 1, 1) = tan²(0.475π) = 12.7062² = 161.4476)
//	d1 = 2: P = I_x(1, d2/2) = 1 − (1−x)^(d2/2) ⇒ f = (d2/2)((1−p)^(−2/d2) − 1)
//	d2 = 2: P = I_x(d1/2, 1) = x^(d1/2)       ⇒ x = p^(2/d1), f = 2x/(d1(1−x))
func TestFQuantileClosedForms(t *testing.T) {
	if got, want := fQuantile(0.95, 1, 1), math.Pow(math.Tan(0.475*math.Pi), 2); math.Abs(got-want) > 1e-9*want {
		t.Errorf("F(.95;1,1) = %.10g, want %.10g", got, want)
	}
	if got := fQuantile(0.95, 1, 1); math.Abs(got-161.4476) > 1e-3 {
		t.Errorf("F(.95;1,1) = %.5f, table 161.4476", got)
	}
	for _, p := range []float64{0.025, 0.5, 0.95, 0.975, 0.999} {
		for _, d := range []float64{0.7, 1, 4.785, 15, 120.5} {
			want := d / 2 * (math.Pow(1-p, -2/d) - 1)
			if got := fQuantile(p, 2, d); math.Abs(got-want) > 1e-9*math.Max(1, want) {
				t.Errorf("F(%v; 2, %v) = %.12g, want %.12g", p, d, got, want)
			}
			x := math.Pow(p, 2/d)
			want = 2 * x / (d * (1 - x))
			if got := fQuantile(p, d, 2); math.Abs(got-want) > 1e-9*math.Max(1, want) {
				t.Errorf("F(%v; %v, 2) = %.12g, want %.12g", p, d, got, want)
			}
		}
	}
}

func TestFQuantileInverseAndReciprocal(t *testing.T) {
	for _, p := range []float64{0.01, 0.3, 0.9, 0.975} {
		for _, df := range [][2]float64{{5, 4.785}, {4.785, 5}, {1, 1}, {30, 3}, {18, 5}} {
			f := fQuantile(p, df[0], df[1])
			if got := fCDF(f, df[0], df[1]); math.Abs(got-p) > 1e-12 {
				t.Errorf("CDF(quantile(%v; %v)) = %.15g", p, df, got)
			}
			// If X ~ F(d1,d2) then 1/X ~ F(d2,d1): F(p; d1,d2) = 1/F(1−p; d2,d1).
			if r := fQuantile(1-p, df[1], df[0]); math.Abs(f*r-1) > 1e-9 {
				t.Errorf("F(%v;%v)·F(%v;swap) = %.12g, want 1", p, df, 1-p, f*r)
			}
		}
	}
	for _, bad := range [][3]float64{{0, 1, 1}, {1, 1, 1}, {0.5, 0, 3}, {0.5, 3, -1}, {math.NaN(), 1, 1}} {
		if !math.IsNaN(fQuantile(bad[0], bad[1], bad[2])) {
			t.Errorf("fQuantile%v should be NaN", bad)
		}
	}
}

// Large df, as with many subjects: log F is approximately normal with
// variance 2/d1 + 2/d2, so F(.975; d, d) ≈ exp(1.959964·√(4/d)); for
// d = 10⁵ that is exp(0.0123959) = 1.012473 (error of the approximation is
// O(1/d), far below the tolerance).
func TestFQuantileLargeDF(t *testing.T) {
	d := 1e5
	want := math.Exp(1.959964 * math.Sqrt(4/d))
	if got := fQuantile(0.975, d, d); math.Abs(got-want) > 1e-4 {
		t.Errorf("F(.975; 1e5, 1e5) = %.7f, want ≈ %.7f", got, want)
	}
}

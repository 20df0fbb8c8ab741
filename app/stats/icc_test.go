// Tests the intraclass correlations against Shrout & Fleiss's worked example
// (mean squares, estimates, intervals) and their properties and errors.

package stats

import (
	"errors"
	"math"
	"math/rand"
	"strings"
	"testing"
)

// sfTable2 is the worked example of Shrout & Fleiss (1979), Table 2:
// 6 targets (rows) rated by 4 judges (columns).
var sfTable2 = [][]float64{
	{9, 2, 5, 8},
	{6, 1, 3, 2},
	{8, 4, 6, 8},
	{7, 1, 2, 6},
	{10, 5, 6, 9},
	{6, 2, 4, 7},
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f (±%g)", what, got, want, tol)
	}
}

// Hand computation of the ANOVA for Table 2 (n = 6, k = 4, N = 24):
//
//	row sums 24, 12, 26, 16, 30, 19 (total 127); column sums 46, 15, 26, 40
//	Σx² = 174 + 50 + 180 + 90 + 242 + 105 = 841, correction C = 127²/24 = 16129/24
//	SST = 841 − C                      = 4055/24
//	SSR = (24²+12²+26²+16²+30²+19²)/4 − C = 2913/4 − C = 1349/24
//	SSC = (46²+15²+26²+40²)/6 − C      = 4617/6 − C = 2339/24
//	SSE = SST − SSR − SSC              = 367/24
//	SSW = SST − SSR                    = 2706/24
//	BMS = SSR/5  = 1349/120 = 11.2417   (published 11.24)
//	JMS = SSC/3  = 2339/72  = 32.4861   (published 32.49)
//	EMS = SSE/15 = 367/360  =  1.0194   (published 1.02)
//	WMS = SSW/18 = 451/72   =  6.2639   (published 6.26)
func TestICCShroutFleissMeanSquares(t *testing.T) {
	r, err := ICCRows(sfTable2)
	if err != nil {
		t.Fatal(err)
	}
	if r.N != 6 || r.K != 4 || r.SubjectsDropped != 0 {
		t.Fatalf("N, K, dropped = %d, %d, %d", r.N, r.K, r.SubjectsDropped)
	}
	near(t, "BMS", r.MSR, 1349.0/120, 1e-9)
	near(t, "JMS", r.MSC, 2339.0/72, 1e-9)
	near(t, "EMS", r.MSE, 367.0/360, 1e-9)
	near(t, "WMS", r.MSW, 451.0/72, 1e-9)
	near(t, "BMS (published)", r.MSR, 11.24, 0.005)
	near(t, "JMS (published)", r.MSC, 32.49, 0.005)
	near(t, "EMS (published)", r.MSE, 1.02, 0.005)
	near(t, "WMS (published)", r.MSW, 6.26, 0.005)
}

// Point estimates. Published (Shrout & Fleiss 1979, Table 4): 0.17, 0.29,
// 0.71, 0.44, 0.62, 0.91. Exact values from the mean squares above:
//
//	ICC(1,1) = (BMS−WMS)/(BMS+3WMS)                = 448/2703  = 0.16574
//	ICC(2,1) = (BMS−EMS)/(BMS+3EMS+4(JMS−EMS)/6)   = 184/635   = 0.28976
//	ICC(3,1) = (BMS−EMS)/(BMS+3EMS)                = 920/1287  = 0.71484
//	ICC(1,4) = (BMS−WMS)/BMS                       = 1792/4047 = 0.44280
//	ICC(2,4) = (BMS−EMS)/(BMS+(JMS−EMS)/6)         = 736/1187  = 0.62005
//	ICC(3,4) = (BMS−EMS)/BMS                       = 3680/4047 = 0.90932
func TestICCShroutFleissEstimates(t *testing.T) {
	r, err := ICCRows(sfTable2)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		e         ICCEstimate
		published float64
		exact     float64
	}{
		{"ICC(1,1)", r.ICC11, 0.17, 448.0 / 2703},
		{"ICC(2,1)", r.ICC21, 0.29, 184.0 / 635},
		{"ICC(3,1)", r.ICC31, 0.71, 920.0 / 1287},
		{"ICC(1,4)", r.ICC1K, 0.44, 1792.0 / 4047},
		{"ICC(2,4)", r.ICC2K, 0.62, 736.0 / 1187},
		{"ICC(3,4)", r.ICC3K, 0.91, 3680.0 / 4047},
	}
	for _, c := range cases {
		if c.e.Err != nil {
			t.Errorf("%s: %v", c.name, c.e.Err)
			continue
		}
		near(t, c.name+" vs published", c.e.Value, c.published, 0.005)
		near(t, c.name+" vs exact", c.e.Value, c.exact, 1e-12)
	}
}

// Confidence intervals, derived by hand from printed F-table values with
// α = .05 (two-sided, so the .975 quantile on each side):
//
//	Case 3: F0 = BMS/EMS = 4047/367 = 11.0272, df 5 and 15.
//	  FL = F0 / F(.975; 5, 15) = 11.0272/3.5764 = 3.08334
//	  FU = F0 · F(.975; 15, 5) = 11.0272·6.4277 = 70.880
//	  ICC(3,1): [(FL−1)/(FL+3), (FU−1)/(FU+3)] = [0.34247, 0.94586]
//	  ICC(3,4): [1−1/FL, 1−1/FU]              = [0.67568, 0.98589]
//	Case 1: F0 = BMS/WMS = 4047/2255 = 1.79468, df 5 and 18.
//	  FL = F0 / F(.975; 5, 18) = 1.79468/3.3820 = 0.530656
//	  ICC(1,1) lower = (FL−1)/(FL+3) = −0.13293;  ICC(1,4) lower = 1−1/FL = −0.88446
//
// The other bounds need F quantiles not in printed tables (df 18 over 5 and
// the Satterthwaite df v ≈ 4.785 below); they are compared with R's
// psych::ICC output for this same data set, which uses the same Shrout &
// Fleiss formulas (ICC(2,k) bounds as the Spearman–Brown step-up of the
// ICC(2,1) bounds):
//
//	ICC1 [−0.133, 0.72]  ICC2 [0.019, 0.76]  ICC3 [0.342, 0.95]
//	ICC1k [−0.884, 0.91] ICC2k [0.071, 0.93] ICC3k [0.676, 0.99]
func TestICCShroutFleissConfidenceIntervals(t *testing.T) {
	r, err := ICCRows(sfTable2)
	if err != nil {
		t.Fatal(err)
	}
	// Hand derivation above (table values have 4-5 significant digits).
	near(t, "ICC(3,1) lower", r.ICC31.Lower, 0.34247, 1e-3)
	near(t, "ICC(3,1) upper", r.ICC31.Upper, 0.94586, 1e-3)
	near(t, "ICC(3,4) lower", r.ICC3K.Lower, 0.67568, 1e-3)
	near(t, "ICC(3,4) upper", r.ICC3K.Upper, 0.98589, 1e-3)
	near(t, "ICC(1,1) lower", r.ICC11.Lower, -0.13293, 1e-3)
	near(t, "ICC(1,4) lower", r.ICC1K.Lower, -0.88446, 1e-3)

	// psych::ICC, printed to 2-3 decimals.
	psych := []struct {
		name   string
		e      ICCEstimate
		lo, hi float64
	}{
		{"ICC1", r.ICC11, -0.133, 0.72},
		{"ICC2", r.ICC21, 0.019, 0.76},
		{"ICC3", r.ICC31, 0.342, 0.95},
		{"ICC1k", r.ICC1K, -0.884, 0.91},
		{"ICC2k", r.ICC2K, 0.071, 0.93},
		{"ICC3k", r.ICC3K, 0.676, 0.99},
	}
	for _, p := range psych {
		near(t, p.name+" lower vs psych", p.e.Lower, p.lo, 0.006)
		near(t, p.name+" upper vs psych", p.e.Upper, p.hi, 0.006)
		if !(p.e.Lower <= p.e.Value && p.e.Value <= p.e.Upper) {
			t.Errorf("%s: %v not inside [%v, %v]", p.name, p.e.Value, p.e.Lower, p.e.Upper)
		}
	}
}

// The Satterthwaite df of Shrout & Fleiss (p. 425) for Table 2, evaluated in
// exact rational arithmetic from ρ = 184/635 and Fj = JMS/EMS = 11695/367:
//
//	v = (k−1)(n−1){kρFj + n[1+(k−1)ρ] − kρ}² / {(n−1)k²ρ²Fj² + [n(1+(k−1)ρ) − kρ]²}
//	  = 4.7851438622
//
// The ICC(2,1) bounds then use F(.975; 5, v) and F(.975; v, 5). Those
// quantiles are checked against direct numerical integration of the F
// density (Simpson's rule), independent of the incomplete-beta code, and the
// bounds are recomputed from them with the published formula:
//
//	lower = n(BMS − F*·EMS) / (F*[k·JMS + (kn−k−n)·EMS] + n·BMS)
//	upper = n(F_*·BMS − EMS) / (k·JMS + (kn−k−n)·EMS + n·F_*·BMS)
//
// ICC(2,k) is checked with McGraw & Wong's (1996) own ICC(A,k) formula
// n(BMS − F*·EMS)/(F*(JMS − EMS) + n·BMS), which must equal the
// Spearman–Brown step-up the code uses.
func TestICC2SatterthwaiteInterval(t *testing.T) {
	r, err := ICCRows(sfTable2)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "v", r.DF2, 4.7851438622, 1e-8)
	fStar := fQuantile(0.975, 5, r.DF2)
	fLow := fQuantile(0.975, r.DF2, 5)
	near(t, "∫ F(5,v) density to F*", simpsonFCDF(fStar, 5, r.DF2), 0.975, 1e-6)
	near(t, "∫ F(v,5) density to F_*", simpsonFCDF(fLow, r.DF2, 5), 0.975, 1e-6)

	n, k := 6.0, 4.0
	bms, jms, ems := 1349.0/120, 2339.0/72, 367.0/360
	c := k*jms + (k*n-k-n)*ems
	lo := n * (bms - fStar*ems) / (fStar*c + n*bms)
	hi := n * (fLow*bms - ems) / (c + n*fLow*bms)
	near(t, "ICC(2,1) lower", r.ICC21.Lower, lo, 1e-9)
	near(t, "ICC(2,1) upper", r.ICC21.Upper, hi, 1e-9)
	mwLo := n * (bms - fStar*ems) / (fStar*(jms-ems) + n*bms)
	mwHi := n * (fLow*bms - ems) / ((jms - ems) + n*fLow*bms)
	near(t, "ICC(2,4) lower (McGraw & Wong)", r.ICC2K.Lower, mwLo, 1e-9)
	near(t, "ICC(2,4) upper (McGraw & Wong)", r.ICC2K.Upper, mwHi, 1e-9)
}

// simpsonFCDF integrates the F(d1,d2) density
// Γ((d1+d2)/2)/(Γ(d1/2)Γ(d2/2)) (d1/d2)^(d1/2) x^(d1/2−1) (1+d1x/d2)^(−(d1+d2)/2)
// from 0 to f with Simpson's rule after the substitution x = u², which
// removes the x^(d1/2−1) kink at 0 for d1 > 2.
func simpsonFCDF(f, d1, d2 float64) float64 {
	lg := func(x float64) float64 { v, _ := math.Lgamma(x); return v }
	logc := lg((d1+d2)/2) - lg(d1/2) - lg(d2/2) + d1/2*math.Log(d1/d2)
	g := func(u float64) float64 { // density(u²)·2u
		if u == 0 {
			return 0
		}
		x := u * u
		return 2 * u * math.Exp(logc+(d1/2-1)*math.Log(x)-(d1+d2)/2*math.Log1p(d1*x/d2))
	}
	const m = 200000
	b := math.Sqrt(f)
	h := b / m
	s := g(0) + g(b)
	for i := 1; i < m; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * g(float64(i)*h)
	}
	return s * h / 3
}

func allICC(r ICCResult) []ICCEstimate {
	return []ICCEstimate{r.ICC11, r.ICC21, r.ICC31, r.ICC1K, r.ICC2K, r.ICC3K}
}

// Every rater gives the same score, subjects differ: no error variance, so
// every ICC is exactly 1 with the degenerate interval [1, 1]. Scores like
// 0.1 and k = 3 exercise rounding in the means.
func TestICCPerfectAgreement(t *testing.T) {
	for _, rows := range [][][]float64{
		{{1, 1, 1}, {3, 3, 3}, {2, 2, 2}, {5, 5, 5}},
		{{0.1, 0.1, 0.1}, {0.7, 0.7, 0.7}, {0.3, 0.3, 0.3}},
		{{4.2, 4.2}, {1.1, 1.1}},
	} {
		r, err := ICCRows(rows)
		if err != nil {
			t.Fatalf("%v: %v", rows, err)
		}
		for i, e := range allICC(r) {
			if e.Err != nil || e.Value != 1 || e.Lower != 1 || e.Upper != 1 {
				t.Errorf("%v form %d: %+v, want 1 [1, 1]", rows, i, e)
			}
		}
	}
}

func permuteCols(rows [][]float64, perm []int) [][]float64 {
	out := make([][]float64, len(rows))
	for i, row := range rows {
		out[i] = make([]float64, len(row))
		for j := range row {
			out[i][j] = row[perm[j]]
		}
	}
	return out
}

func sameICC(t *testing.T, what string, a, b ICCResult) {
	t.Helper()
	ea, eb := allICC(a), allICC(b)
	for i := range ea {
		if math.Abs(ea[i].Value-eb[i].Value) > 1e-12 || math.Abs(ea[i].Lower-eb[i].Lower) > 1e-9 || math.Abs(ea[i].Upper-eb[i].Upper) > 1e-9 {
			t.Errorf("%s: form %d changed: %+v vs %+v", what, i, ea[i], eb[i])
		}
	}
}

func TestICCPermutationInvariance(t *testing.T) {
	base, err := ICCRows(sfTable2)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 10; trial++ {
		r, err := ICCRows(permuteCols(sfTable2, rng.Perm(4)))
		if err != nil {
			t.Fatal(err)
		}
		sameICC(t, "raters permuted", base, r)

		perm := rng.Perm(len(sfTable2))
		rows := make([][]float64, len(sfTable2))
		for i, p := range perm {
			rows[i] = sfTable2[p]
		}
		r, err = ICCRows(rows)
		if err != nil {
			t.Fatal(err)
		}
		sameICC(t, "subjects permuted", base, r)
	}
	// Through ratings in shuffled order (the Matrix follows input order).
	ratings := GridRatings(sfTable2)
	rng.Shuffle(len(ratings), func(i, j int) { ratings[i], ratings[j] = ratings[j], ratings[i] })
	r, err := ICC(ratings)
	if err != nil {
		t.Fatal(err)
	}
	sameICC(t, "ratings shuffled", base, r)
}

// Adding a constant to one rater's scores moves only that column mean:
// BMS and EMS are unchanged, so ICC(3,·) is unchanged; if the shifted rater
// moves away from the others, JMS grows (lowering ICC(2,·)) and WMS = (SSC +
// SSE)/(n(k−1)) grows (lowering ICC(1,·)). Judge 1 of Table 2 has the highest
// mean (7.67 vs 2.5, 4.33, 6.67), so +3 moves it away.
func TestICCRaterOffset(t *testing.T) {
	base, _ := ICCRows(sfTable2)
	shifted := permuteCols(sfTable2, []int{0, 1, 2, 3})
	for i := range shifted {
		shifted[i][0] += 3
	}
	r, err := ICCRows(shifted)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "ICC(3,1)", r.ICC31.Value, base.ICC31.Value, 1e-12)
	near(t, "ICC(3,k)", r.ICC3K.Value, base.ICC3K.Value, 1e-12)
	for _, c := range []struct {
		name      string
		got, base float64
	}{
		{"ICC(2,1)", r.ICC21.Value, base.ICC21.Value},
		{"ICC(2,k)", r.ICC2K.Value, base.ICC2K.Value},
		{"ICC(1,1)", r.ICC11.Value, base.ICC11.Value},
		{"ICC(1,k)", r.ICC1K.Value, base.ICC1K.Value},
	} {
		if !(c.got < c.base) {
			t.Errorf("%s after offset = %v, want below %v", c.name, c.got, c.base)
		}
	}
	// A pure offset with otherwise identical raters: consistency stays 1,
	// absolute agreement drops below 1.
	r, err = ICCRows([][]float64{{1, 3}, {2, 4}, {5, 7}, {3, 5}})
	if err != nil {
		t.Fatal(err)
	}
	if r.ICC31.Value != 1 || r.ICC3K.Value != 1 || !(r.ICC21.Value < 1) || !(r.ICC11.Value < 1) {
		t.Errorf("offset raters: ICC3=%v ICC3k=%v ICC2=%v ICC1=%v", r.ICC31.Value, r.ICC3K.Value, r.ICC21.Value, r.ICC11.Value)
	}
	if e := r.ICC21; !(e.Lower <= e.Value && e.Value <= e.Upper) || math.IsNaN(e.Lower) {
		t.Errorf("ICC(2,1) interval with EMS = 0: %+v", e)
	}
}

// Complete-case analysis: subjects with a missing rating are dropped and
// counted; the rest give exactly the Table 2 result.
func TestICCCompleteCases(t *testing.T) {
	nan := math.NaN()
	rows := append([][]float64{{nan, 3, 3, 4}}, sfTable2...)
	rows = append(rows, []float64{1, 2, nan, nan})
	r, err := ICCRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	if r.SubjectsDropped != 2 || r.N != 6 {
		t.Errorf("dropped %d, used %d; want 2, 6", r.SubjectsDropped, r.N)
	}
	near(t, "ICC(2,1)", r.ICC21.Value, 184.0/635, 1e-12)
}

// The average-of-k forms are the Spearman–Brown step-up of the single forms:
// k·r/(1+(k−1)r). E.g. ICC(1,k): k(B−W)/(B+(k−1)W+(k−1)(B−W)) = (B−W)/B.
// Random data also checks that every interval contains its estimate.
func TestICCSpearmanBrownAndIntervals(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	unbounded := 0
	for trial := 0; trial < 200; trial++ {
		n, k := 2+rng.Intn(12), 2+rng.Intn(6)
		rows := make([][]float64, n)
		for i := range rows {
			base := rng.NormFloat64() * 2
			rows[i] = make([]float64, k)
			for j := range rows[i] {
				rows[i][j] = math.Round(base + rng.NormFloat64() + float64(j%3)*0.5)
			}
		}
		r, err := ICCRows(rows)
		if errors.Is(err, ErrNoVariance) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		kf := float64(k)
		sb := func(x float64) float64 { return kf * x / (1 + (kf-1)*x) }
		near(t, "SB ICC1", r.ICC1K.Value, sb(r.ICC11.Value), 1e-9)
		near(t, "SB ICC3", r.ICC3K.Value, sb(r.ICC31.Value), 1e-9)
		if r.ICC2K.Err == nil {
			near(t, "SB ICC2", r.ICC2K.Value, sb(r.ICC21.Value), 1e-9)
		}
		for i, e := range allICC(r) {
			if e.Err != nil {
				continue
			}
			if i == 4 && math.IsInf(e.Lower, -1) {
				// ICC(2,k) lower limit −∞ exactly when the ICC(2,1) lower
				// bound is at or below −1/(k−1).
				if r.ICC21.Lower > -1/(kf-1) {
					t.Fatalf("rows %v: ICC(2,k) lower −∞ but ICC(2,1) lower %v", rows, r.ICC21.Lower)
				}
				unbounded++
			} else if !finite(e.Lower) {
				t.Fatalf("rows %v form %d: %+v", rows, i, e)
			}
			if !(e.Lower <= e.Value+1e-12 && e.Value <= e.Upper+1e-12) || !finite(e.Upper) {
				t.Fatalf("rows %v form %d: %+v", rows, i, e)
			}
		}
	}
	if unbounded == 0 {
		t.Log("no ICC(2,k) interval without a lower limit in this sample")
	}
}

func TestICCErrors(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		rows [][]float64
		want error
	}{
		{"no data", nil, ErrTooFewRaters},
		{"one rater", [][]float64{{1}, {2}, {3}}, ErrTooFewRaters},
		{"one subject", [][]float64{{1, 2, 3}}, ErrTooFewSubjects},
		{"one complete subject", [][]float64{{1, 2}, {3, nan}, {nan, 4}}, ErrTooFewSubjects},
		{"all equal", [][]float64{{2, 2}, {2, 2}, {2, 2}}, ErrNoVariance},
		{"same subject means", [][]float64{{1, 3}, {3, 1}}, ErrNoVariance},
		{"ragged", [][]float64{{1, 2}, {3}}, ErrInvalidInput},
		{"infinite", [][]float64{{1, 2}, {3, math.Inf(1)}}, ErrInvalidInput},
	}
	for _, c := range cases {
		_, err := ICCRows(c.rows)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	if _, err := ICC([]Rating{{"S1", "R1", 1}, {"S1", "R1", 2}}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("duplicate: %v", err)
	}
}

// ICC(2,k) = (BMS − EMS)/(BMS + (JMS − EMS)/n) has a non-positive denominator
// when the residual swamps everything else. For rows {0,0,1}, {0,2,0}
// (n = 2, k = 3), by hand: Σx = 3, Σx² = 5, SST = 5 − 3²/6 = 7/2; row means
// 1/3, 2/3 and grand mean 1/2 give SSR = 3·((1/6)² + (1/6)²) = 1/6; column
// means 0, 1, 1/2 give SSC = 2·(1/4 + 1/4 + 0) = 1; SSE = 7/2 − 1/6 − 1 = 7/3.
// So BMS = 1/6, JMS = 1/2, EMS = (7/3)/2 = 7/6, and
// BMS + (JMS − EMS)/n = 1/6 + (1/2 − 7/6)/2 = −1/6 ≤ 0: ICC(2,k) is
// undefined, while ICC(2,1) = (1/6 − 7/6)/(1/6 + 2·7/6 + 3(1/2 − 7/6)/2)
// = −1/(3/2) = −2/3 is still defined.
func TestICC2KUndefined(t *testing.T) {
	r, err := ICCRows([][]float64{{0, 0, 1}, {0, 2, 0}})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "BMS", r.MSR, 1.0/6, 1e-12)
	near(t, "JMS", r.MSC, 1.0/2, 1e-12)
	near(t, "EMS", r.MSE, 7.0/6, 1e-12)
	near(t, "ICC(2,1)", r.ICC21.Value, -2.0/3, 1e-12)
	if r.ICC2K.Err == nil {
		t.Errorf("ICC(2,k) = %+v, want undefined", r.ICC2K)
	}
	rep := Analyze(GridRatings([][]float64{{0, 0, 1}, {0, 2, 0}}))
	if rep.ICC2K != nil || rep.ICC2KCI != nil || rep.ICC21 == nil || !strings.Contains(strings.Join(rep.Errors, "\n"), "icc_2_k: ICC(2,k) is undefined") {
		t.Errorf("report: icc_2_k %v, errors %q", rep.ICC2K, rep.Errors)
	}
}

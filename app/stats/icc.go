// The six intraclass correlations of Shrout & Fleiss (1979) with their 95%
// confidence intervals, over subjects every rater scored.

package stats

import (
	"errors"
	"fmt"
	"math"

	"hirebench/app/tidycsv"
)

// ConfidenceLevel is the coverage of every ICC confidence interval.
const ConfidenceLevel = 0.95

// Errors the ICC functions wrap, for errors.Is.
var (
	ErrTooFewRaters   = errors.New("too few raters")
	ErrTooFewSubjects = errors.New("too few subjects")
	ErrNoVariance     = errors.New("no variance between subjects")
	// ErrICC2KUndefined is ICCEstimate.Err of ICC(2,k) when its denominator
	// BMS + (JMS − EMS)/n is not positive.
	ErrICC2KUndefined = errors.New("ICC(2,k) is undefined: the differences between subjects are too small next to the raters' inconsistent disagreement (BMS + (JMS − EMS)/n ≤ 0)")
	// ErrDegenerate is ICCEstimate.Err of a form whose value or interval is
	// not a finite number for these data.
	ErrDegenerate = errors.New("undefined for these data (degenerate variance)")
	// ErrNoInterval is ICCEstimate.Err of a form whose approximate interval
	// does not contain its own estimate: with very few or very inconsistent
	// ratings the Satterthwaite df of ICC(2,·) tends to 0 and the interval
	// collapses (e.g. to [−1, −1] around an estimate of −0.97).
	ErrNoInterval = errors.New("no confidence interval can be computed for these data (the approximation behind it fails; too few or too inconsistent ratings)")
)

// ICCEstimate is one intraclass correlation with its 95% confidence
// interval [Lower, Upper]. Err is non-nil when this particular form is
// undefined for the data (its other fields are then zero). Lower is −Inf in
// one case only: ICC(2,k) when the ICC(2,1) lower bound is at or below
// −1/(k−1), where the Spearman–Brown step-up has no finite image.
type ICCEstimate struct {
	Value float64
	Lower float64
	Upper float64
	Err   error
}

// ICCResult holds the two-way ANOVA of the complete-case subjects × raters
// table and the six Shrout & Fleiss (1979) intraclass correlations.
//
// In Shrout & Fleiss's notation (their Table 1), with n subjects ("targets")
// and k raters ("judges"):
//
//	BMS = MSR  between-subjects mean square,          df n−1
//	JMS = MSC  between-raters mean square,            df k−1
//	EMS = MSE  residual mean square,                  df (n−1)(k−1)
//	WMS = MSW  within-subjects mean square (one-way), df n(k−1)
//
// McGraw & Wong (1996) name the same coefficients ICC(1) = one-way,
// ICC(A,1)/ICC(A,k) = two-way absolute agreement (ICC(2,·) here) and
// ICC(C,1)/ICC(C,k) = two-way consistency (ICC(3,·) here).
type ICCResult struct {
	N               int // subjects used (rated by every rater)
	K               int // raters
	SubjectsDropped int // subjects left out because a rating was missing

	MSR, MSC, MSE, MSW float64
	// DF2 is the Satterthwaite-style approximate denominator df that
	// Shrout & Fleiss use for the ICC(2,1) (and ICC(2,k)) interval.
	DF2 float64

	ICC11 ICCEstimate // ICC(1,1): one-way random, single rater
	ICC21 ICCEstimate // ICC(2,1): two-way random, absolute agreement, single rater
	ICC31 ICCEstimate // ICC(3,1): two-way mixed, consistency, single rater
	ICC1K ICCEstimate // ICC(1,k): one-way random, mean of k raters
	ICC2K ICCEstimate // ICC(2,k): two-way random, absolute agreement, mean of k raters
	ICC3K ICCEstimate // ICC(3,k): two-way mixed, consistency, mean of k raters
}

// ICC computes the six Shrout & Fleiss intraclass correlations from ratings,
// using only subjects rated by every rater (complete cases).
func ICC(ratings []Rating) (ICCResult, error) {
	m, err := NewMatrix(ratings)
	if err != nil {
		return ICCResult{}, err
	}
	return m.ICC()
}

// ICC computes the six intraclass correlations for the table (complete
// cases only); see ICCRows for the errors.
func (m *Matrix) ICC() (ICCResult, error) {
	rows, dropped := m.CompleteRows()
	return iccComplete(rows, len(m.Raters), dropped)
}

// ICCRows is ICC for a subjects × raters table (one row per subject, one
// column per rater, NaN for a missing rating). Rows containing NaN are
// dropped and counted in SubjectsDropped.
//
// It fails with ErrTooFewRaters when k < 2, ErrTooFewSubjects when fewer than
// two complete subjects remain, and ErrNoVariance when every complete subject
// has the same mean score (BMS = 0), where no ICC is meaningful.
func ICCRows(rows [][]float64) (ICCResult, error) {
	k := 0
	if len(rows) > 0 {
		k = len(rows[0])
	}
	for i, row := range rows {
		if len(row) != k {
			return ICCResult{}, fmt.Errorf("%w: row %d has %d scores, row 1 has %d", ErrInvalidInput, i+1, len(row), k)
		}
		for _, v := range row {
			if !math.IsNaN(v) && !tidycsv.Sane(v) {
				return ICCResult{}, fmt.Errorf("%w: row %d has the score %g, which %s", ErrInvalidInput, i+1, v, insaneWords)
			}
		}
	}
	data, dropped := completeRows(rows)
	return iccComplete(data, k, dropped)
}

// iccComplete runs the ANOVA on complete rows of k scores each.
func iccComplete(data [][]float64, k, dropped int) (ICCResult, error) {
	if k < 2 {
		return ICCResult{SubjectsDropped: dropped}, fmt.Errorf("%w: ICC needs at least 2 raters, got %d", ErrTooFewRaters, k)
	}
	n := len(data)
	res := ICCResult{N: n, K: k, SubjectsDropped: dropped}
	if n < 2 {
		return res, fmt.Errorf("%w: ICC needs at least 2 subjects scored by all %d raters, got %d (%d dropped for missing ratings)",
			ErrTooFewSubjects, k, n, dropped)
	}

	// Two-way ANOVA, each sum of squares from centred deviations (no
	// subtraction of large totals, so no cancellation).
	nf, kf := float64(n), float64(k)
	rowMean := make([]float64, n)
	colMean := make([]float64, k)
	grand := 0.0
	for i, row := range data {
		for j, v := range row {
			rowMean[i] += v
			colMean[j] += v
			grand += v
		}
	}
	grand /= nf * kf
	for i := range rowMean {
		rowMean[i] /= kf
	}
	for j := range colMean {
		colMean[j] /= nf
	}
	var sst, ssr, ssc, sse, ssw float64
	for i, row := range data {
		d := rowMean[i] - grand
		ssr += d * d
		for j, v := range row {
			t := v - grand
			sst += t * t
			w := v - rowMean[i]
			ssw += w * w
			e := v - rowMean[i] - colMean[j] + grand
			sse += e * e
		}
	}
	ssr *= kf
	for _, c := range colMean {
		d := c - grand
		ssc += d * d
	}
	ssc *= nf
	// Rounding in the means leaves ~1e-30 residues where the exact value is
	// 0 (e.g. identical raters with k = 3); snap those so that perfect
	// agreement gives exactly 1 and an interval of [1, 1].
	snap := func(ss float64) float64 {
		if ss <= 1e-12*sst {
			return 0
		}
		return ss
	}
	ssr, ssc, sse, ssw = snap(ssr), snap(ssc), snap(sse), snap(ssw)

	msr := ssr / (nf - 1)
	msc := ssc / (kf - 1)
	mse := sse / ((nf - 1) * (kf - 1))
	msw := ssw / (nf * (kf - 1))
	res.MSR, res.MSC, res.MSE, res.MSW = msr, msc, mse, msw
	if msr == 0 {
		return res, fmt.Errorf("%w: all %d subjects have the same mean score, so there are no differences between subjects for raters to agree on", ErrNoVariance, n)
	}

	alpha := 1 - ConfidenceLevel
	q := 1 - alpha/2 // upper quantile used on both sides (two-sided interval)

	// ---- ICC(1,·): one-way random effects (Shrout & Fleiss eqs. for Case 1).
	// ICC(1,1) = (BMS − WMS) / (BMS + (k−1) WMS);  ICC(1,k) = (BMS − WMS) / BMS.
	// F0 = BMS/WMS; FL = F0 / F(q; n−1, n(k−1)); FU = F0 · F(q; n(k−1), n−1);
	// single: [(FL−1)/(FL+k−1), (FU−1)/(FU+k−1)]; average: [1−1/FL, 1−1/FU].
	res.ICC11.Value = (msr - msw) / (msr + (kf-1)*msw)
	res.ICC1K.Value = (msr - msw) / msr
	if msw == 0 {
		res.ICC11.Lower, res.ICC11.Upper = 1, 1
		res.ICC1K.Lower, res.ICC1K.Upper = 1, 1
	} else {
		f0 := msr / msw
		fl := f0 / fQuantile(q, nf-1, nf*(kf-1))
		fu := f0 * fQuantile(q, nf*(kf-1), nf-1)
		res.ICC11.Lower, res.ICC11.Upper = single(fl, kf), single(fu, kf)
		res.ICC1K.Lower, res.ICC1K.Upper = 1-1/fl, 1-1/fu
	}

	// ---- ICC(3,·): two-way mixed, consistency (Case 3).
	// ICC(3,1) = (BMS − EMS) / (BMS + (k−1) EMS);  ICC(3,k) = (BMS − EMS) / BMS.
	// F0 = BMS/EMS with df n−1 and (n−1)(k−1); bounds as for Case 1.
	res.ICC31.Value = (msr - mse) / (msr + (kf-1)*mse)
	res.ICC3K.Value = (msr - mse) / msr
	dfe := (nf - 1) * (kf - 1)
	if mse == 0 {
		res.ICC31.Lower, res.ICC31.Upper = 1, 1
		res.ICC3K.Lower, res.ICC3K.Upper = 1, 1
	} else {
		f0 := msr / mse
		fl := f0 / fQuantile(q, nf-1, dfe)
		fu := f0 * fQuantile(q, dfe, nf-1)
		res.ICC31.Lower, res.ICC31.Upper = single(fl, kf), single(fu, kf)
		res.ICC3K.Lower, res.ICC3K.Upper = 1-1/fl, 1-1/fu
	}

	// ---- ICC(2,·): two-way random, absolute agreement (Case 2).
	// ICC(2,1) = (BMS − EMS) / (BMS + (k−1) EMS + k (JMS − EMS)/n)
	// ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
	rho := (msr - mse) / (msr + (kf-1)*mse + kf*(msc-mse)/nf)
	res.ICC21.Value = rho
	den2k := msr + (msc-mse)/nf
	if den2k <= 0 {
		res.ICC2K.Err = ErrICC2KUndefined
	} else {
		res.ICC2K.Value = (msr - mse) / den2k
	}
	if mse == 0 && msc == 0 {
		res.DF2 = kf - 1 // the limit of v below; no interval is needed
		res.ICC21.Lower, res.ICC21.Upper = 1, 1
	} else {
		// Satterthwaite-style df (Shrout & Fleiss 1979, p. 425), Fj = JMS/EMS:
		//   v = (k−1)(n−1){kρFj + n[1+(k−1)ρ] − kρ}² /
		//       {(n−1)k²ρ²Fj² + [n(1+(k−1)ρ) − kρ]²}
		// As EMS → 0 (Fj → ∞) v → k−1, used directly to avoid ∞/∞.
		var v float64
		if mse == 0 {
			v = kf - 1
		} else {
			fj := msc / mse
			a := n1(nf, kf, rho)
			num := (kf - 1) * (nf - 1) * sq(kf*rho*fj+a)
			den := (nf-1)*kf*kf*rho*rho*fj*fj + a*a
			v = num / den
		}
		res.DF2 = v
		fStar := fQuantile(q, nf-1, v) // F* = F(1−α/2; n−1, v)
		fLow := fQuantile(q, v, nf-1)  // F_* = F(1−α/2; v, n−1)
		c := kf*msc + (kf*nf-kf-nf)*mse
		// Lower = n(BMS − F*·EMS) / (F*[k JMS + (kn−k−n) EMS] + n BMS)
		// Upper = n(F_*·BMS − EMS) / (k JMS + (kn−k−n) EMS + n F_*·BMS)
		// A tiny v makes F* astronomically large (1e292): divided through by
		// F (when above 1) the same fractions cannot overflow to ±0 or NaN.
		if fStar > 1 {
			res.ICC21.Lower = nf * (msr/fStar - mse) / (c + nf*msr/fStar)
		} else {
			res.ICC21.Lower = nf * (msr - fStar*mse) / (fStar*c + nf*msr)
		}
		if fLow > 1 {
			res.ICC21.Upper = nf * (msr - mse/fLow) / (c/fLow + nf*msr)
		} else {
			res.ICC21.Upper = nf * (fLow*msr - mse) / (c + nf*fLow*msr)
		}
	}
	if res.ICC2K.Err == nil {
		// ICC(2,k) bounds: Spearman–Brown step-up of the ICC(2,1) bounds,
		// k·L/(1+(k−1)L). This is algebraically identical to McGraw & Wong's
		// (1996) ICC(A,k) interval n(BMS − F*EMS)/(F*(JMS−EMS) + n BMS), and
		// is what R's psych::ICC reports.
		// The map r ↦ k·r/(1+(k−1)r) is increasing on (−1/(k−1), 1] with
		// range (−∞, 1], so an ICC(2,1) lower bound at or below −1/(k−1)
		// (possible when JMS < EMS) means ICC(2,k) has no lower limit: −∞.
		sb := func(r float64) float64 {
			if 1+(kf-1)*r <= 0 {
				return math.Inf(-1)
			}
			return kf * r / (1 + (kf-1)*r)
		}
		res.ICC2K.Lower, res.ICC2K.Upper = sb(res.ICC21.Lower), sb(res.ICC21.Upper)
	}

	for _, e := range []*ICCEstimate{&res.ICC11, &res.ICC21, &res.ICC31, &res.ICC1K, &res.ICC2K, &res.ICC3K} {
		if e.Err == nil && !(finite(e.Value) && (finite(e.Lower) || math.IsInf(e.Lower, -1)) && finite(e.Upper)) {
			*e = ICCEstimate{Err: ErrDegenerate}
		}
		if tol := 1e-9; e.Err == nil && (e.Lower > e.Value+tol || e.Upper < e.Value-tol) {
			*e = ICCEstimate{Err: ErrNoInterval}
		}
	}
	return res, nil
}

// single is a single-rater ICC bound (F−1)/(F+k−1) from an F bound; an F
// that overflowed to +∞ (a quantile of tiny df) has the limit 1.
func single(f, k float64) float64 {
	if math.IsInf(f, 1) {
		return 1
	}
	return (f - 1) / (f + k - 1)
}

// n1 is n[1 + (k−1)ρ] − kρ from the Satterthwaite df.
func n1(n, k, rho float64) float64 { return n*(1+(k-1)*rho) - k*rho }

func sq(x float64) float64 { return x * x }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Tests ICC intervals where the Satterthwaite approximation of ICC(2,·)
// degenerates (two subjects, disagreeing raters, scores in the millions):
// no overflow, and no interval that excludes its own estimate.

package stats

import (
	"errors"
	"math"
	"testing"
)

// Two subjects, two raters who disagree: the Satterthwaite df is tiny
// (v ≈ 0.011), so F* ≈ 1.3e292. Scores in the millions used to overflow
// F*·EMS and give a lower limit of −0, above the estimate. By hand at any
// scale: row means 9, 32; column means −45, 86; grand mean 20.5;
// EMS = 4761, JMS = 17161, c = k·JMS + (kn−k−n)·EMS = 34322, and as
// F* → ∞ the lower limit tends to −n·EMS/c = −9522/34322; ICC(2,k)'s is its
// Spearman–Brown step-up −19044/24800.
func TestICC2IntervalOfLargeScores(t *testing.T) {
	for _, scale := range []float64{1, 1e6, 1.0420864e6} {
		res, err := ICCRows([][]float64{{-91 * scale, 109 * scale}, {1 * scale, 63 * scale}})
		if err != nil {
			t.Fatal(err)
		}
		e := res.ICC21
		if e.Err != nil || math.Abs(e.Lower-(-9522.0/34322)) > 1e-9 || e.Lower > e.Value || e.Value > e.Upper {
			t.Errorf("scale %g: ICC(2,1) %+v, want lower %v", scale, e, -9522.0/34322)
		}
		if k := res.ICC2K; k.Err != nil || math.Abs(k.Lower-(-19044.0/24800)) > 1e-9 || k.Lower > k.Value {
			t.Errorf("scale %g: ICC(2,k) %+v, want lower %v", scale, k, -19044.0/24800)
		}
	}
}

// Two subjects, two raters: 0 and 0, then 46 and −58. By hand: row means
// 0, −6; column means 23, −29; grand mean −3; BMS = 36, JMS = EMS = 2704, so
// ICC(2,1) = (36 − 2704)/(36 + 2704) = −0.974 and the Satterthwaite df is
// 4(1+ρ)²/(4ρ² + 4) ≈ 0.00035. The F quantiles of such a df put both limits
// at −1: an "interval" [−1, −1] that excludes its own estimate. It is
// reported as not computable instead of as a false interval.
func TestICC2IntervalThatExcludesItsEstimate(t *testing.T) {
	res, err := ICCRows([][]float64{{0, 0}, {46, -58}})
	if err != nil {
		t.Fatal(err)
	}
	// ICC(2,k)'s limits, stepped up from −1, are −∞: it has no interval either.
	if !errors.Is(res.ICC21.Err, ErrNoInterval) || res.ICC2K.Err == nil {
		t.Errorf("ICC(2,1) %+v, ICC(2,k) %+v", res.ICC21, res.ICC2K)
	}
	if math.Abs(res.ICC31.Value-(36.0-2704)/(36+2704)) > 1e-12 || res.ICC31.Err != nil {
		t.Errorf("ICC(3,1) %+v, want %v with its interval", res.ICC31, (36.0-2704)/(36+2704))
	}
	rep := Analyze(GridRatings([][]float64{{0, 0}, {46, -58}}))
	if rep.ICC21 != nil || rep.Explanations["icc_2_1"] != "Not computed: the rated answers are too few or too inconsistent to estimate how far this value can be trusted" {
		t.Errorf("report: %v, %q", rep.ICC21, rep.Explanations["icc_2_1"])
	}
}

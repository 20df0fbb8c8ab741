// Tests the Welch mean difference against R's t.test on the sleep data and
// hand computations.

package fairness

import (
	"math"
	"testing"
)

// Student's sleep data (R's `sleep`): extra hours of sleep with two drugs.
var (
	sleep1 = []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	sleep2 = []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
)

// R: t.test(extra ~ group, data = sleep) prints "Welch Two Sample t-test …
// df = 17.776 … 95 percent confidence interval: -3.3654832 0.2054832 …
// mean in group 1 0.75, mean in group 2 2.33". By hand: the variances are
// 5761/1800 = 3.200556 and 4009/1000 = 4.009, so the pooled SD (equal n)
// is √((3.200556 + 4.009)/2) = √3.604778 = 1.898625 and Cohen's d is
// −1.58 / 1.898625 = −0.83218.
func TestMeanDiffSleep(t *testing.T) {
	d, err := MeanDiff(sleep1, sleep2)
	if err != nil {
		t.Fatal(err)
	}
	if d.NA != 10 || d.NB != 10 || math.Abs(d.MeanA-0.75) > 1e-12 || math.Abs(d.MeanB-2.33) > 1e-12 || math.Abs(d.Difference+1.58) > 1e-12 {
		t.Errorf("means %+v", d)
	}
	if math.Abs(d.DF-17.776) > 5e-4 {
		t.Errorf("df = %v, R says 17.776", d.DF)
	}
	if d.CI == nil || math.Abs(d.CI[0]+3.3654832) > 5e-7 || math.Abs(d.CI[1]-0.2054832) > 5e-7 {
		t.Errorf("CI = %v, R says [-3.3654832, 0.2054832]", d.CI)
	}
	if d.D == nil || math.Abs(*d.D+0.83218) > 5e-5 {
		t.Errorf("d = %v, want -0.83218", d.D)
	}
}

// With no spread at all there is no interval and no d; with spread in one
// group only, Welch's df is that group's n − 1: A = {1, 3} (variance 2),
// B = {5, 5, 5}: se = √(2/2) = 1, df = 1, t(0.975; 1) = 12.7062 (printed
// t tables), so CI = −3 ± 12.7062.
func TestMeanDiffEdges(t *testing.T) {
	d, err := MeanDiff([]float64{2, 2}, []float64{5, 5, 5})
	if err != nil || d.CI != nil || d.D != nil || d.Difference != -3 {
		t.Errorf("no spread: %+v %v", d, err)
	}
	d, _ = MeanDiff([]float64{1, 3}, []float64{5, 5, 5})
	if d.DF != 1 || d.CI == nil || math.Abs(d.CI[0]-(-3-12.7062)) > 1e-4 || math.Abs(d.CI[1]-(-3+12.7062)) > 1e-4 {
		t.Errorf("one spread: df %v CI %v", d.DF, d.CI)
	}
	for _, bad := range [][2][]float64{{{1}, {1, 2}}, {{1, 2}, nil}, {{1, math.NaN()}, {1, 2}}, {{1, 2}, {math.Inf(1), 2}}} {
		if _, err := MeanDiff(bad[0], bad[1]); err == nil {
			t.Errorf("MeanDiff%v accepted", bad)
		}
	}
}

// Each group against the rest: sleep group 1 against group 2 is the R
// comparison above, and group 2 against group 1 its mirror.
func TestCompareMeans(t *testing.T) {
	rows, err := CompareMeans([]Sample{sample(t, "one", sleep1...), sample(t, "two", sleep2...), sample(t, "lone", 7)})
	if err != nil {
		t.Fatal(err)
	}
	if rows[2].VsRest != nil || rows[2].N != 1 || rows[2].Mean != 7 || !rows[2].TooFew {
		t.Errorf("a group of one: %+v", rows[2])
	}
	two, _ := CompareMeans([]Sample{sample(t, "one", sleep1...), sample(t, "two", sleep2...)})
	a, b := two[0].VsRest, two[1].VsRest
	if math.Abs(a.CI[0]+3.3654832) > 5e-7 || math.Abs(b.CI[1]-3.3654832) > 5e-7 || math.Abs(b.Difference-1.58) > 1e-12 {
		t.Errorf("vs rest: %+v %+v", a, b)
	}
	for _, bad := range [][]Sample{{sample(t, "", 1)}, {sample(t, "a", 1), sample(t, "a", 2)}, {sample(t, "a")},
		{{Group: "a", Summary: Summary{N: 2, Mean: math.NaN()}}}, {{Group: "a", Summary: Summary{N: 2, Mean: 1, M2: -1}}}} {
		if _, err := CompareMeans(bad); err == nil {
			t.Errorf("CompareMeans(%v) accepted", bad)
		}
	}
}

func sample(t *testing.T, group string, values ...float64) Sample {
	t.Helper()
	s, err := SampleOf(group, values)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Summaries merge exactly: {1, 2} (mean 1.5, M2 0.5) and {3, 4, 5} (mean 4,
// M2 2) are {1, …, 5}: mean 3, M2 = 4 + 1 + 0 + 1 + 4 = 10. By the merge:
// delta 2.5, M2 = 0.5 + 2 + 2.5² · 2 · 3 / 5 = 10.
func TestSummaryMerge(t *testing.T) {
	a, _ := Summarize([]float64{1, 2})
	b, _ := Summarize([]float64{3, 4, 5})
	m := a.Merge(b)
	if m.N != 5 || math.Abs(m.Mean-3) > 1e-12 || math.Abs(m.M2-10) > 1e-12 {
		t.Errorf("merged %+v, want n 5, mean 3, M2 10", m)
	}
	if got := (Summary{}).Merge(a); got != a {
		t.Errorf("empty merged with a: %+v", got)
	}
	if _, err := Summarize([]float64{1, math.Inf(1)}); err == nil {
		t.Error("an infinite score was summarised")
	}
}

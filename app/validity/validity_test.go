// Tests validity against R's cor.test, a textbook Spearman example and the
// hand-computed example of docs/FAIRNESS.md.

package validity

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"hirebench/app/tidycsv"
)

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// The example of R's ?cor.test (Hollander & Wolfe, 1973, p. 187):
// cor.test(x, y) prints "cor 0.5711816 … 95 percent confidence interval:
// -0.1497426 0.8955795", and cor.test(x, y, method = "spearman") "rho 0.6".
func TestRCorTestExample(t *testing.T) {
	x := []float64{44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1}
	y := []float64{2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8}
	rep, err := Analyze(x, y)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 9 || !near(*rep.PearsonR, 0.5711816, 5e-8) {
		t.Errorf("n %d, r %v; R: 0.5711816", rep.N, *rep.PearsonR)
	}
	if ci := rep.PearsonCI; !near(ci[0], -0.1497426, 5e-8) || !near(ci[1], 0.8955795, 5e-8) {
		t.Errorf("CI %v; R: [-0.1497426, 0.8955795]", ci)
	}
	if !near(*rep.SpearmanRho, 0.6, 1e-12) {
		t.Errorf("rho %v; R: 0.6", *rep.SpearmanRho)
	}
	if !strings.Contains(rep.Warning, "Only 9 pairs") {
		t.Errorf("warning %q", rep.Warning)
	}
}

// docs/FAIRNESS.md: composites 60, 70, 80, 90, 100 and 90-day ratings
// 2, 4, 5, 4, 5. Around the means (80, 4): Sxy = 60, Sxx = 1000, Syy = 6,
// r = 60/√6000 = 0.774597. Fisher's z: atanh(0.774597) = 1.031719, ±
// 1.959964/√2 = 1.385904 gives [−0.354185, 2.417622], tanh: [−0.340082,
// 0.984236]. Ranks of the ratings 1, 2.5, 4.5, 2.5, 4.5 against 1…5:
// Sxy = 7, Sxx = 10, Syy = 9, rho = 7/√90 = 0.737865.
func TestHandExample(t *testing.T) {
	rep, err := Analyze([]float64{60, 70, 80, 90, 100}, []float64{2, 4, 5, 4, 5})
	if err != nil {
		t.Fatal(err)
	}
	if !near(*rep.PearsonR, 0.774597, 5e-7) || !near(*rep.SpearmanRho, 0.737865, 5e-7) {
		t.Errorf("r %v rho %v", *rep.PearsonR, *rep.SpearmanRho)
	}
	if ci := rep.PearsonCI; !near(ci[0], -0.340082, 5e-7) || !near(ci[1], 0.984236, 5e-7) {
		t.Errorf("CI %v, want [-0.340082, 0.984236]", ci)
	}
}

// Wikipedia's Spearman example (IQ against hours of television a week, no
// ties): Σd² = 194, rho = 1 − 6·194/(10·99) = −29/165 = −0.175758.
func TestSpearmanTextbook(t *testing.T) {
	iq := []float64{106, 100, 86, 101, 99, 103, 97, 113, 112, 110}
	tv := []float64{7, 27, 2, 50, 28, 29, 20, 12, 6, 17}
	rep, _ := Analyze(iq, tv)
	if !near(*rep.SpearmanRho, -29.0/165, 1e-12) {
		t.Errorf("rho %v, want -29/165", *rep.SpearmanRho)
	}
}

// Ties share the average of their ranks: x = 1, 2, 2, 3 ranks 1, 2.5, 2.5,
// 4; against y = 1, 3, 2, 4 (its own ranks) Sxy = 4.5, Sxx = 4.5, Syy = 5,
// rho = 4.5/√22.5 = 0.948683.
func TestRanksWithTies(t *testing.T) {
	if got := Ranks([]float64{3, 2, 1, 2}); !slices.Equal(got, []float64{4, 2.5, 1, 2.5}) {
		t.Errorf("ranks %v", got)
	}
	if got := Ranks([]float64{5, 5, 5}); !slices.Equal(got, []float64{2, 2, 2}) {
		t.Errorf("ranks of equals %v", got)
	}
	rep, _ := Analyze([]float64{1, 2, 2, 3}, []float64{1, 3, 2, 4})
	if !near(*rep.SpearmanRho, 0.948683, 5e-7) {
		t.Errorf("rho %v, want 0.948683", *rep.SpearmanRho)
	}
}

func TestEdges(t *testing.T) {
	rep, _ := Analyze([]float64{1, 2}, []float64{2, 1})
	if rep.PearsonR != nil || rep.SpearmanRho != nil || len(rep.Notes) == 0 {
		t.Errorf("two pairs: %+v", rep)
	}
	rep, _ = Analyze([]float64{1, 2, 3}, []float64{1, 3, 2})
	if rep.PearsonR == nil || rep.PearsonCI != nil || !near(*rep.PearsonR, 0.5, 1e-12) {
		t.Errorf("three pairs (r = 1/2 by hand, no CI): %+v", rep)
	}
	rep, _ = Analyze([]float64{4, 4, 4, 4}, []float64{1, 2, 3, 4})
	if rep.PearsonR != nil || !strings.Contains(rep.Notes[0], "Every score is the same") {
		t.Errorf("constant scores: %+v", rep)
	}
	rep, _ = Analyze([]float64{1, 2, 3, 4}, []float64{2, 4, 6, 8})
	if *rep.PearsonR != 1 || rep.PearsonCI[0] != 1 || rep.PearsonCI[1] != 1 {
		t.Errorf("a perfect line: %+v", rep)
	}
	var big []float64
	for i := range 30 {
		big = append(big, float64(i%7))
	}
	if rep, _ = Analyze(big, slices.Clone(big)); rep.Warning != "" {
		t.Errorf("30 pairs warned: %q", rep.Warning)
	}
	for _, bad := range [][2][]float64{{nil, nil}, {{1, 2}, {1}}, {{1, math.NaN()}, {1, 2}}} {
		if _, err := Analyze(bad[0], bad[1]); err == nil {
			t.Errorf("Analyze%v accepted", bad)
		}
	}
	b, _ := json.Marshal(Report{N: 2, Notes: []string{}})
	if string(b) != `{"n":2,"pearson_r":null,"pearson_ci":null,"spearman_rho":null,"warning":"","notes":[]}` {
		t.Errorf("JSON %s", b)
	}
}

func TestReadCSV(t *testing.T) {
	s, o, err := ReadCSV(strings.NewReader("Outcome,id,SCORE\n4,a,71.5\n\n3,b,64\n"))
	if err != nil || !slices.Equal(s, []float64{71.5, 64}) || !slices.Equal(o, []float64{4, 3}) {
		t.Errorf("read %v %v %v", s, o, err)
	}
	for in, want := range map[string]string{
		"score\n1\n":                      "line 1: the header lacks the column outcome",
		"score,outcome\n1,2\n3,n/a\n":     `line 3: outcome "n/a" is not a number`,
		"score,outcome\n1,2\n3,4,5\n":     "line 3: has 3 fields",
		"score,outcome\n1,2\n1e400,1\n":   `line 3: score "1e400" is too large`,
		"score,outcome\n2,3\n\"3,5\",1\n": `line 3: score "3,5" is not a number (use a dot`,
	} {
		_, _, err := ReadCSV(strings.NewReader(in))
		var le *tidycsv.LineError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadCSV(%q) = %v, want %q", in, err, want)
		}
	}
}

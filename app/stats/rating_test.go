// Tests the ratings matrix and that analysis scales to many sparsely rated subjects.

package stats

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"
)

func TestMatrix(t *testing.T) {
	m, err := NewMatrix([]Rating{
		{"cand-b", "Zed", 4}, {"cand-a", "Amy", 2}, {"cand-b", "Amy", 3}, {"cand-a", "Bob", 5}, {"cand-c", "Bob", 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	// First-appearance order, not alphabetical.
	if !reflect.DeepEqual(m.Subjects, []string{"cand-b", "cand-a", "cand-c"}) || !reflect.DeepEqual(m.Raters, []string{"Zed", "Amy", "Bob"}) {
		t.Fatalf("labels %v %v", m.Subjects, m.Raters)
	}
	if v, ok := m.At(1, 2); !ok || v != 5 {
		t.Errorf("At(cand-a, Bob) = %v, %v", v, ok)
	}
	if _, ok := m.At(2, 0); ok {
		t.Error("At(cand-c, Zed) should be missing")
	}
	rows := m.Rows()
	if rows[0][0] != 4 || rows[0][1] != 3 || !math.IsNaN(rows[0][2]) || !math.IsNaN(rows[2][1]) || rows[2][2] != 1 {
		t.Errorf("rows %v", rows)
	}
	if complete, dropped := m.CompleteRows(); len(complete) != 0 || dropped != 3 {
		t.Errorf("complete %v dropped %d", complete, dropped)
	}
	if u := m.Units(); !reflect.DeepEqual(u, [][]float64{{4, 3}, {2, 5}, {1}}) {
		t.Errorf("units %v", u)
	}

	_, err = NewMatrix([]Rating{{"s", "r", 1}, {"t", "r", 2}, {"s", "r", 3}})
	if !errors.Is(err, ErrInvalidInput) || err.Error() != "invalid ratings: duplicate rating for subject s by rater r (ratings #1 and #3)" {
		t.Errorf("duplicate: %v", err)
	}
	// Beyond ±1e9 or below 1e-9 in size, sums of squares overflow or
	// underflow: every statistic would be NaN or a false "no variance".
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 7e300, -7e300, 1e-320, 1.5e9, -2e-10} {
		if _, err := NewMatrix([]Rating{{"s", "r", 1}, {"s", "q", bad}}); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("score %v: %v", bad, err)
		}
		if _, err := ICCRows([][]float64{{1, 2}, {3, bad}}); !errors.Is(err, ErrInvalidInput) && !math.IsNaN(bad) {
			t.Errorf("ICCRows with %v: %v", bad, err)
		}
		if _, err := AlphaUnits([][]float64{{1, 2}, {3, bad}}, Interval); !errors.Is(err, ErrInvalidInput) && !math.IsNaN(bad) {
			t.Errorf("AlphaUnits with %v: %v", bad, err)
		}
	}
	_, err = NewMatrix([]Rating{{"s", "r", 7e300}})
	if want := "invalid ratings: score 7e+300 for subject s by rater r is not a number between 1e-09 and 1e+09 in size (or 0)"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	for _, ok := range []float64{0, 1e9, -1e9, 1e-9, -1e-9} {
		if _, err := NewMatrix([]Rating{{"s", "r", ok}}); err != nil {
			t.Errorf("score %v: %v", ok, err)
		}
	}
	if g := GridRatings([][]float64{{1, math.NaN()}, {math.NaN(), 2}}); !reflect.DeepEqual(g, []Rating{{"S1", "R1", 1}, {"S2", "R2", 2}}) {
		t.Errorf("GridRatings %v", g)
	}
}

// Many subjects, each seen by 3 of many raters: a dense subjects × raters
// table would need 20,000² cells (3.2 GB); the sparse table does not.
func TestAnalyzeSparseScales(t *testing.T) {
	const n = 20000
	ratings := make([]Rating, 0, 3*n)
	for i := 0; i < n; i++ {
		s := "S" + strconv.Itoa(i)
		for d := 0; d < 3; d++ {
			ratings = append(ratings, Rating{s, "R" + strconv.Itoa((i+d*7)%n), float64(1 + (i+d)%5)})
		}
	}
	start := time.Now()
	rep := Analyze(ratings)
	if rep.Raters != n || rep.Subjects != n || rep.AlphaNominal == nil || rep.ICC11 != nil || len(rep.Leniency) != n {
		t.Errorf("raters %d subjects %d alpha %v icc %v", rep.Raters, rep.Subjects, rep.AlphaNominal, rep.ICC11)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Analyze took %v", d)
	}
}

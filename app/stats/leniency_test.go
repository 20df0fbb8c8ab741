// Tests rater leniency on a hand-computed example, a constant offset with no spread,
// and rows wider than 64 raters.

package stats

import (
	"math"
	"reflect"
	"strconv"
	"testing"
)

// Hand-computed example. Raters A, B, C; "others" = mean of the other raters
// who scored the same subject.
//
//	subject   A   B   C    A − others   B − others   C − others
//	S1        3   4   5    3−4.5 = −1.5  4−4 = 0      5−3.5 = 1.5
//	S2        2   2   3    2−2.5 = −0.5  2−2.5 = −0.5 3−2 = 1
//	S3        4   3   5    4−4 = 0       3−4.5 = −1.5 5−3.5 = 1.5
//	S4        1   2   2    1−2 = −1      2−1.5 = 0.5  2−1.5 = 0.5
//	S5        4   .   .    (alone: not counted)
//	S6        5   .   5    5−5 = 0       .            5−5 = 0
//
//	A: N = 5, mean dev = −3/5 = −0.6, squares about the mean
//	   .81+.01+.36+.16+.36 = 1.7, SD = √(1.7/4) = √.425, Z = −0.6/√(.425/5) = −2.057983
//	B: N = 4, mean dev = −1.5/4 = −0.375, squares .140625+.015625+1.265625+.765625
//	   = 2.1875, SD = √(2.1875/3), Z = −0.375/(SD/2) = −0.878310
//	C: N = 5, mean dev = 4.5/5 = 0.9, squares .36+.01+.36+.16+.81 = 1.7,
//	   SD = √.425, Z = 0.9/√(.425/5) = 3.086974
//	Raw scores: A 3,2,4,1,4,5 → mean 19/6, Σx² = 71, SD = √((71 − 19²/6)/5) = √(13/6)
//	            B 4,2,3,2     → mean 2.75, SD = √((33 − 30.25)/3) = √(11/12)
//	            C 5,3,5,2,5   → mean 4, SD = √((88 − 80)/4) = √2
func TestLeniencyHandExample(t *testing.T) {
	ratings := []Rating{
		{"S1", "A", 3}, {"S1", "B", 4}, {"S1", "C", 5},
		{"S2", "A", 2}, {"S2", "B", 2}, {"S2", "C", 3},
		{"S3", "A", 4}, {"S3", "B", 3}, {"S3", "C", 5},
		{"S4", "A", 1}, {"S4", "B", 2}, {"S4", "C", 2},
		{"S5", "A", 4},
		{"S6", "A", 5}, {"S6", "C", 5},
	}
	got := Leniency(ratings)
	if len(got) != 3 || got[0].Rater != "A" || got[1].Rater != "B" || got[2].Rater != "C" {
		t.Fatalf("raters %+v", got)
	}
	want := []struct {
		n             int
		dev, devSD, z float64
		ratings       int
		mean, sd      float64
		dist          map[string]int
	}{
		{5, -0.6, math.Sqrt(0.425), -2.057983, 6, 19.0 / 6, math.Sqrt(13.0 / 6), map[string]int{"1": 1, "2": 1, "3": 1, "4": 2, "5": 1}},
		{4, -0.375, math.Sqrt(2.1875 / 3), -0.878310, 4, 2.75, math.Sqrt(11.0 / 12), map[string]int{"2": 2, "3": 1, "4": 1}},
		{5, 0.9, math.Sqrt(0.425), 3.086974, 5, 4, math.Sqrt2, map[string]int{"2": 1, "3": 1, "5": 3}},
	}
	for i, w := range want {
		g := got[i]
		if g.N != w.n || g.Ratings != w.ratings {
			t.Errorf("%s: N %d ratings %d, want %d %d", g.Rater, g.N, g.Ratings, w.n, w.ratings)
		}
		near(t, g.Rater+" mean deviation", g.MeanDeviation, w.dev, 1e-12)
		near(t, g.Rater+" deviation SD", g.DeviationSD, w.devSD, 1e-12)
		near(t, g.Rater+" Z", g.Z, w.z, 1e-6)
		near(t, g.Rater+" mean", g.Mean, w.mean, 1e-12)
		near(t, g.Rater+" SD", g.SD, w.sd, 1e-12)
		if !reflect.DeepEqual(g.Distribution, w.dist) {
			t.Errorf("%s distribution %v, want %v", g.Rater, g.Distribution, w.dist)
		}
	}
}

// Three raters where R3 is always exactly one point above R1 = R2: R3's
// deviation is +1 on every subject, R1's and R2's are x − (x + x+1)/2 = −0.5.
// The deviations have no spread, so no standard error exists and Z is 0 by
// definition; MeanDeviation carries the signal. Decimal scores check that
// rounding does not turn SD = 0 into a tiny number and Z into 1e15.
func TestLeniencyConstantOffset(t *testing.T) {
	var ratings []Rating
	for i, x := range []float64{0.1, 0.7, 2.3, 3.3} {
		s := string(rune('a' + i))
		ratings = append(ratings, Rating{s, "R1", x}, Rating{s, "R2", x}, Rating{s, "R3", x + 1})
	}
	ratings = append(ratings, Rating{"solo", "R4", 3.5}) // R4 never overlaps
	got := Leniency(ratings)
	for i, wantDev := range []float64{-0.5, -0.5, 1, 0} {
		g := got[i]
		near(t, g.Rater+" mean deviation", g.MeanDeviation, wantDev, 1e-12)
		if g.DeviationSD != 0 || g.Z != 0 {
			t.Errorf("%s: deviation SD %v, Z %v; want 0, 0", g.Rater, g.DeviationSD, g.Z)
		}
	}
	if r4 := got[3]; r4.N != 0 || r4.Ratings != 1 || r4.Mean != 3.5 || r4.SD != 0 || r4.Distribution["3.5"] != 1 {
		t.Errorf("R4 %+v", r4)
	}
	if Leniency([]Rating{{"a", "b", 1}, {"a", "b", 2}}) != nil {
		t.Error("duplicate ratings should give nil")
	}
}

// Rows wider than 64 raters use the row total for the others' mean. With 70
// raters where R70 is always exactly one point above the 69 others (integer
// scores, so every sum is exact): R70's deviation is x+1 − x = 1, each
// other rater's is x − (68x + x + 1)/69 = −1/69.
func TestLeniencyWideRows(t *testing.T) {
	var ratings []Rating
	for i, x := range []float64{1, 4, 2, 5} {
		s := "S" + strconv.Itoa(i)
		for j := 1; j <= 70; j++ {
			v := x
			if j == 70 {
				v++
			}
			ratings = append(ratings, Rating{s, "R" + strconv.Itoa(j), v})
		}
	}
	got := Leniency(ratings)
	near(t, "R70 deviation", got[69].MeanDeviation, 1, 1e-12)
	near(t, "R1 deviation", got[0].MeanDeviation, -1.0/69, 1e-12)
	if got[69].N != 4 || got[69].Z != 0 || got[0].Z != 0 {
		t.Errorf("R70 %+v, R1 %+v", got[69], got[0])
	}
}

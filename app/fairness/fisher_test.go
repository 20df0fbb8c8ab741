// Tests Fisher's exact test against published values and hand computations.

package fairness

import (
	"math"
	"testing"
	"time"
)

// Fisher's lady tasting tea: 8 cups, 4 with milk first, she named 3 of
// them right. With margins 4 and 4 the top-left cell x = 0…4 has
// probabilities C(4,x)·C(4,4−x)/C(8,4) = 1, 16, 36, 16, 1 (/70). The
// observed x = 3 has 16/70; the tables no likelier are x = 0, 1, 3, 4:
// p = 34/70 = 0.4857 (R: fisher.test(TeaTasting) p-value = 0.4857). x = 1
// and x = 3 tie exactly, which the tolerance must keep in the sum.
func TestFisherTeaTasting(t *testing.T) {
	if p := FisherTwoSided(3, 1, 1, 3); math.Abs(p-34.0/70) > 1e-12 {
		t.Errorf("tea tasting p = %.10f, want 34/70 = 0.4857142857", p)
	}
	if p := FisherTwoSided(1, 3, 3, 1); math.Abs(p-34.0/70) > 1e-12 {
		t.Errorf("mirror table p = %.10f, want 34/70", p)
	}
}

// Two-sided p-values printed by R's fisher.test:
//
//	matrix(c(2,10,20,13), ncol=2, byrow=TRUE)      p-value = 0.01655
//	matrix(c(43,9,44,4), ncol=2, byrow=TRUE)       p-value = 0.2392
//	  (handedness of 52 men and 48 women)
//	Convictions: matrix(c(2,10,15,3), nrow=2)      p-value = 0.0005367
//	  (Fisher's like-sex twins: dizygotic 2 convicted, 15 not; monozygotic
//	  10 convicted, 3 not)
func TestFisherAgainstR(t *testing.T) {
	cases := []struct {
		a, b, c, d int
		want, tol  float64
	}{
		{2, 10, 20, 13, 0.01655, 5e-6},
		{43, 9, 44, 4, 0.2392, 5e-5},
		{2, 15, 10, 3, 0.0005367, 5e-8},
	}
	for _, c := range cases {
		for _, table := range [][4]int{{c.a, c.b, c.c, c.d}, {c.a, c.c, c.b, c.d}, {c.c, c.d, c.a, c.b}, {c.b, c.a, c.d, c.c}} {
			// The transposed and mirrored tables test the same thing.
			if p := FisherTwoSided(table[0], table[1], table[2], table[3]); math.Abs(p-c.want) > c.tol {
				t.Errorf("Fisher %v = %.7f, R says %v", table, p, c.want)
			}
		}
	}
}

// Hand-computed edges: 0 10 / 10 0 and its mirror are the only two tables
// as unlikely as themselves, each 1/C(20,10): p = 2/184756 = 1/92378.
// Margins that allow one table give 1; a negative cell NaN; a table so
// extreme its p is below 1e-300 gives 0, not NaN.
func TestFisherEdges(t *testing.T) {
	if p := FisherTwoSided(0, 10, 10, 0); math.Abs(p-1.0/92378) > 1e-15 {
		t.Errorf("p = %g, want 1/92378 = %g", p, 1.0/92378)
	}
	if p := FisherTwoSided(0, 5, 0, 7); p != 1 {
		t.Errorf("nobody selected: p = %v, want 1", p)
	}
	if p := FisherTwoSided(1, 0, 0, 0); p != 1 {
		t.Errorf("one person: p = %v, want 1", p)
	}
	if p := FisherTwoSided(-1, 2, 3, 4); !math.IsNaN(p) {
		t.Errorf("negative cell: p = %v", p)
	}
	if p := FisherTwoSided(1000, 0, 0, 1000); p != 0 {
		t.Errorf("extreme table: p = %v, want 0 (underflow)", p)
	}
}

// A million people: the likeliest table has p = 1, and it takes well under
// a second (one pass per table in the margin's range, constant memory).
func TestFisherLarge(t *testing.T) {
	start := time.Now()
	if p := FisherTwoSided(250_000, 250_000, 250_000, 250_000); math.Abs(p-1) > 1e-9 {
		t.Errorf("balanced table of a million: p = %v, want 1", p)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

package stats

import (
	"errors"
	"math"
	"testing"
)

// Worked by hand: 50 resumes; both advance 20, only the first 5, only the
// second 10, both reject 15. p_o = 35/50 = 0.7; the first advances 25/50,
// the second 30/50, so p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
func TestKappaWorkedExample(t *testing.T) {
	var a, b []string
	add := func(n int, x, y string) {
		for range n {
			a, b = append(a, x), append(b, y)
		}
	}
	add(20, "advance", "advance")
	add(5, "advance", "reject")
	add(10, "reject", "advance")
	add(15, "reject", "reject")
	k, err := Kappa(a, b)
	if err != nil || math.Abs(k-0.4) > 1e-12 {
		t.Errorf("kappa = %v, %v; want 0.4", k, err)
	}
	if k, err := Kappa(b, a); err != nil || math.Abs(k-0.4) > 1e-12 {
		t.Errorf("swapping the raters: %v, %v; want 0.4", k, err)
	}
}

func TestKappaEdges(t *testing.T) {
	if k, err := Kappa([]string{"a", "b", "a"}, []string{"a", "b", "a"}); err != nil || k != 1 {
		t.Errorf("full agreement: %v, %v; want 1", k, err)
	}
	// Always opposite on a balanced split: p_o = 0, p_e = 0.5, κ = −1.
	if k, err := Kappa([]string{"a", "b"}, []string{"b", "a"}); err != nil || k != -1 {
		t.Errorf("full disagreement: %v, %v; want -1", k, err)
	}
	if _, err := Kappa([]string{"a", "a"}, []string{"a", "a"}); !errors.Is(err, ErrNoVariation) {
		t.Errorf("one label everywhere: %v, want ErrNoVariation", err)
	}
	if _, err := Kappa(nil, nil); !errors.Is(err, ErrNoPairable) {
		t.Errorf("no items: %v, want ErrNoPairable", err)
	}
}

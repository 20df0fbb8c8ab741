package interviews

import "testing"

// A weighted mean of top marks can come out a hair above 100; a shared
// workspace's server refuses scores off the 0–100 scale, so the report
// sends them on it.
func TestScoresSentForFairnessStayOn0To100(t *testing.T) {
	for in, want := range map[float64]float64{100.00000000000001: 100, -1e-15: 0, 55.5: 55.5, 100: 100, 0: 0} {
		if got := on0to100(in); got != want {
			t.Errorf("on0to100(%v) = %v, want %v", in, got, want)
		}
	}
}

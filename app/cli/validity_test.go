// Tests the `validity` command on the hand-computed example of
// docs/FAIRNESS.md (its bad input is in fairness_test.go).

package cli_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestValidityCommand(t *testing.T) {
	dir := t.TempDir()
	in := writeCSV(t, "outcomes.csv", "score,outcome\n60,2\n70,4\n80,5\n90,4\n100,5\n")
	var rep struct {
		N           int        `json:"n"`
		PearsonR    float64    `json:"pearson_r"`
		PearsonCI   [2]float64 `json:"pearson_ci"`
		SpearmanRho float64    `json:"spearman_rho"`
		Warning     string     `json:"warning"`
	}
	out := mustRun(t, dir, "validity", "--in", in, "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// By hand in docs/FAIRNESS.md: r = 0.774597, CI [-0.340082, 0.984236], rho = 0.737865.
	if rep.N != 5 || math.Abs(rep.PearsonR-0.774597) > 5e-7 || math.Abs(rep.PearsonCI[0]+0.340082) > 5e-7 ||
		math.Abs(rep.PearsonCI[1]-0.984236) > 5e-7 || math.Abs(rep.SpearmanRho-0.737865) > 5e-7 || !strings.Contains(rep.Warning, "below 30") {
		t.Errorf("report %s", out)
	}
	text := mustRun(t, dir, "validity", "--in", in)
	for _, want := range []string{"5 pairs", "pearson_r     0.77 (95% CI -0.34 to 0.98)", "spearman_rho  0.74", "warning: Only 5 pairs"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

// Cohen's kappa: chance-corrected agreement of two raters on nominal labels
// (Cohen 1960), for the two screeners' decisions on the same applications.

package stats

import "fmt"

// Kappa is Cohen's kappa of two raters' labels on the same items
// (a[i] and b[i] are the labels of item i):
//
//	κ = (p_o − p_e) / (1 − p_e)
//
// where p_o is the share of items they label alike and p_e = Σ_c a_c·b_c the
// agreement their own label shares would give by chance. ErrNoPairable for
// no items; ErrNoVariation when both gave every item one same label (p_e = 1,
// κ is 0/0).
func Kappa(a, b []string) (float64, error) {
	if len(a) != len(b) {
		return 0, fmt.Errorf("kappa: %d labels against %d", len(a), len(b))
	}
	if len(a) == 0 {
		return 0, ErrNoPairable
	}
	n := float64(len(a))
	ca, cb := map[string]float64{}, map[string]float64{}
	agree := 0.0
	for i := range a {
		ca[a[i]]++
		cb[b[i]]++
		if a[i] == b[i] {
			agree++
		}
	}
	pe := 0.0
	for c, k := range ca {
		pe += (k / n) * (cb[c] / n)
	}
	if pe >= 1 {
		return 0, ErrNoVariation
	}
	return (agree/n - pe) / (1 - pe), nil
}

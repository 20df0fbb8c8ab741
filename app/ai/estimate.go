// The measured output estimate: a reply's expected size learnt from the
// ledger, so the cost shown before sending tracks what the API bills
// (docs/AI.md, "Measured output estimate").

package ai

import (
	"math"
	"slices"
)

const (
	// OutputHistoryMin is how many paid, successful calls of a feature,
	// model and prompt version it takes before their history is trusted
	// over the fixed figure.
	OutputHistoryMin = 5
	// OutputHistoryMax is how many of the newest such calls are read.
	OutputHistoryMax = 20
)

// OutputSample is one past call: the reply size the fixed rule expected
// for it and the reply tokens it was billed (every attempt, a repair
// included).
type OutputSample struct {
	Fixed, Billed int
}

// EstimateOutput is the reply tokens to expect from a call whose fixed
// rule says fixed, given history: the newest paid, successful calls of the
// same feature, model and prompt version (the caller reads at most
// OutputHistoryMax). With fewer than OutputHistoryMin usable samples it is
// fixed; otherwise fixed × the median of Billed/Fixed, rounded, at least 1.
// The ratio, not the raw count, is what carries over: a 12-flag checklist
// and a 4-flag one expect replies in proportion. The median: one repaired
// or rambling reply does not move it.
func EstimateOutput(fixed int, history []OutputSample) int {
	var ratios []float64
	for _, h := range history {
		if h.Fixed > 0 && h.Billed >= 0 {
			ratios = append(ratios, float64(h.Billed)/float64(h.Fixed))
		}
	}
	if len(ratios) < OutputHistoryMin || fixed <= 0 {
		return fixed
	}
	slices.Sort(ratios)
	n := len(ratios)
	median := ratios[n/2]
	if n%2 == 0 {
		median = (ratios[n/2-1] + ratios[n/2]) / 2
	}
	return max(1, int(math.Round(float64(fixed)*median)))
}

package ai_test

import (
	"testing"

	"hirebench/app/ai"
)

// The worked example of docs/AI.md, "Measured output estimate".
func TestEstimateOutputWorkedExample(t *testing.T) {
	history := []ai.OutputSample{
		{Fixed: 720, Billed: 432}, // 0.600
		{Fixed: 720, Billed: 430}, // 0.597
		{Fixed: 240, Billed: 144}, // 0.600 (a 4-flag checklist)
		{Fixed: 720, Billed: 500}, // 0.694
		{Fixed: 720, Billed: 300}, // 0.417
	}
	// Ratios sorted: 0.417, 0.597, 0.600, 0.600, 0.694; median 0.600;
	// a 12-flag screen: 720 × 0.6 = 432.
	if got := ai.EstimateOutput(720, history); got != 432 {
		t.Errorf("estimate = %d, want 432", got)
	}
	// Six samples: the mean of the middle two, (0.600 + 0.600) / 2.
	six := append(history, ai.OutputSample{Fixed: 400, Billed: 800}) // 2.0, a rambling reply
	if got := ai.EstimateOutput(400, six); got != 240 {
		t.Errorf("estimate with six samples = %d, want 400 × 0.6 = 240", got)
	}
}

func TestEstimateOutputKeepsTheFixedFigureWithoutEnoughHistory(t *testing.T) {
	four := []ai.OutputSample{{720, 360}, {720, 360}, {720, 360}, {720, 360}}
	if got := ai.EstimateOutput(720, four); got != 720 {
		t.Errorf("4 samples: estimate = %d, want the fixed 720", got)
	}
	if got := ai.EstimateOutput(90, nil); got != 90 {
		t.Errorf("no history: estimate = %d, want the fixed 90", got)
	}
	// A sample without a recorded fixed figure (a call made before it was
	// recorded) does not count towards the five.
	withOld := append(four, ai.OutputSample{Fixed: 0, Billed: 50})
	if got := ai.EstimateOutput(720, withOld); got != 720 {
		t.Errorf("4 usable samples + 1 without a fixed figure: estimate = %d, want 720", got)
	}
	if got := ai.EstimateOutput(720, append(four, ai.OutputSample{720, 360})); got != 360 {
		t.Errorf("5 samples at half the fixed figure: estimate = %d, want 360", got)
	}
}

func TestEstimateOutputIsAtLeastOneToken(t *testing.T) {
	empty := []ai.OutputSample{{60, 0}, {60, 0}, {60, 0}, {60, 0}, {60, 0}}
	if got := ai.EstimateOutput(60, empty); got != 1 {
		t.Errorf("estimate after empty replies = %d, want 1", got)
	}
}

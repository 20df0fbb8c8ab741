package ai

import (
	"math"
	"testing"
)

func TestPriceOf(t *testing.T) {
	prices := DefaultPrices()
	for model, want := range map[string]string{
		"gpt-4o-mini":             "gpt-4o-mini",
		"gpt-4o-mini-2024-07-18":  "gpt-4o-mini",
		"gpt-4o":                  "gpt-4o",
		"gpt-4o-2024-08-06":       "gpt-4o",
		"gpt-4.1-nano-2025-04-14": "gpt-4.1-nano",
		"gpt-4.1":                 "gpt-4.1",
		"gpt-4.1-2025-04-14":      "gpt-4.1",
	} {
		p, ok := PriceOf(prices, model)
		if !ok || p.Model != want || p.AsOf != "2025-04-14" {
			t.Errorf("%s: %+v %v, want %s", model, p, ok, want)
		}
	}
	for _, model := range []string{"gpt-4", "gpt-4o2", "GPT-4O", "llama3.1", "", "gpt-5"} {
		if p, ok := PriceOf(prices, model); ok {
			t.Errorf("%q priced as %+v", model, p)
		}
	}
	// An edited table wins over the default.
	mine := append(DefaultPrices(), Price{Model: "gpt-4o-mini-2024-07-18", InputPerMTok: 1, OutputPerMTok: 2, AsOf: "2025-06-01"})
	if p, _ := PriceOf(mine, "gpt-4o-mini-2024-07-18"); p.InputPerMTok != 1 {
		t.Errorf("exact entry lost: %+v", p)
	}
	// The default is a copy: changing it changes nothing for the next caller.
	prices[0].InputPerMTok = 99
	if DefaultPrices()[0].InputPerMTok != 0.15 {
		t.Error("DefaultPrices shares its table")
	}
}

// Worked by hand (docs/AI.md): gpt-4o-mini, 1,234 tokens in and 567 out:
// 1234 × 0.15 / 1e6 = 0.0001851; 567 × 0.60 / 1e6 = 0.0003402; total $0.0005253.
func TestCost(t *testing.T) {
	p, _ := PriceOf(DefaultPrices(), "gpt-4o-mini")
	if got := Cost(p, 1234, 567); math.Abs(got-0.0005253) > 1e-12 {
		t.Errorf("cost %.10f, want 0.0005253", got)
	}
	// gpt-4.1: a million tokens each way is $2 + $8.
	p, _ = PriceOf(DefaultPrices(), "gpt-4.1")
	if got := Cost(p, 1_000_000, 1_000_000); math.Abs(got-10) > 1e-9 {
		t.Errorf("cost %.6f, want 10", got)
	}
	if got := Cost(p, 0, 0); got != 0 {
		t.Errorf("nothing costs %f", got)
	}
}

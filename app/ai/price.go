// Prices and cost: what a call costs in US dollars, from a dated table the
// user can edit (the service keeps the edited table; this is the default).

package ai

import "strings"

// Price is what a model costs per million tokens, as of a date.
type Price struct {
	Model         string  `json:"model"`
	InputPerMTok  float64 `json:"inputPerMTok"`
	OutputPerMTok float64 `json:"outputPerMTok"`
	AsOf          string  `json:"asOf"` // YYYY-MM-DD
}

// PricesAsOf is the date of the default table (OpenAI's list prices).
const PricesAsOf = "2025-04-14"

// DefaultPrices is a fresh copy of the default table.
func DefaultPrices() []Price {
	return []Price{
		{"gpt-4o-mini", 0.15, 0.60, PricesAsOf},
		{"gpt-4o", 2.50, 10.00, PricesAsOf},
		{"gpt-4.1", 2.00, 8.00, PricesAsOf},
		{"gpt-4.1-mini", 0.40, 1.60, PricesAsOf},
		{"gpt-4.1-nano", 0.10, 0.40, PricesAsOf},
	}
}

// PriceOf finds a model's price: the exact name, else the longest name in
// the table that the model starts with followed by "-", so a dated snapshot
// ("gpt-4o-mini-2024-07-18") costs what its family costs and "gpt-4o-mini"
// is never priced as "gpt-4o". An unknown model has no price (false): the
// caller says so rather than guess.
func PriceOf(prices []Price, model string) (Price, bool) {
	best, found := Price{}, false
	for _, p := range prices {
		if p.Model == model {
			return p, true
		}
		if strings.HasPrefix(model, p.Model+"-") && len(p.Model) > len(best.Model) {
			best, found = p, true
		}
	}
	return best, found
}

// Cost is the price of a call in US dollars.
func Cost(p Price, tokensIn, tokensOut int) float64 {
	return (float64(tokensIn)*p.InputPerMTok + float64(tokensOut)*p.OutputPerMTok) / 1e6
}

// The window's AI usage view: this month's calls per day, feature and
// model, and the month's spend against the budget.

package assist

import (
	"context"
	"time"
)

// UsageRow is the ledger's totals for one UTC day, feature and model.
type UsageRow struct {
	Day       string  `json:"day"`
	Feature   string  `json:"feature"`
	Model     string  `json:"model"`
	Calls     int     `json:"calls"`
	Cached    int     `json:"cached"`
	Failed    int     `json:"failed"`
	TokensIn  int     `json:"tokensIn"`
	TokensOut int     `json:"tokensOut"`
	CostUSD   float64 `json:"costUsd"`
}

// UsageView is what the window shows; Rows are newest day first.
type UsageView struct {
	Since     string     `json:"since"`
	Rows      []UsageRow `json:"rows"`
	MonthUSD  float64    `json:"monthUsd"`
	BudgetUSD float64    `json:"budgetUsd"` // 0: no limit
}

// Usage is this month's ledger.
func (d *Desk) Usage(ctx context.Context) (UsageView, error) {
	s, err := LoadSettings(ctx, d.store)
	if err != nil {
		return UsageView{}, err
	}
	n := d.now().UTC()
	u, err := Usage(ctx, d.store, s, time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return UsageView{}, err
	}
	v := UsageView{Since: u.Since, Rows: make([]UsageRow, 0, len(u.Rows)), MonthUSD: u.MonthUSD, BudgetUSD: u.BudgetUSD}
	for _, r := range u.Rows {
		v.Rows = append(v.Rows, UsageRow{Day: r.Day, Feature: r.Feature, Model: r.Model, Calls: r.Calls, Cached: r.Cached,
			Failed: r.Failed, TokensIn: r.TokensIn, TokensOut: r.TokensOut, CostUSD: r.CostUSD})
	}
	return v, nil
}

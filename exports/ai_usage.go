// Writes the workbook's AI usage sheet: the AI calls about the role's
// candidates per feature and model (calls, answers from the cache,
// failures, tokens billed, cost), totals as live formulas. Aggregates only:
// it names nobody. Present only when AI was used for the role.

package exports

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// SheetAIUsage follows Calibration when the role's candidates met AI.
const SheetAIUsage = "AI usage"

// AIUsageNote heads the sheet.
const AIUsageNote = "AI calls about this role's candidates, per feature and model: totals only, nobody named. " +
	"An answer from the cache costs nothing. Every AI result was a suggestion a person accepted or ignored; " +
	"which ones were accepted is not recorded."

// AIUsageRow is one feature and model (the ledger's totals).
type AIUsageRow struct {
	Feature string // in words ("Screening resumes")
	Model   string
	Calls   int
	Cached  int // answered from the cache
	Failed  int
	// Tokens billed (none for an answer from the cache) and their cost.
	TokensIn  int
	TokensOut int
	CostUSD   float64
}

var aiUsageHeader = []string{"Feature", "Model", "Calls", "From the cache", "Failed", "Tokens in", "Tokens out", "Cost (USD)"}

// AI usage columns (1-based); rows: the note, the header, then the data and
// the totals row.
const (
	aiFeature = iota + 1
	aiModel
	aiCalls
	aiCached
	aiFailed
	aiTokensIn
	aiTokensOut
	aiCost
)

const (
	aiNoteRow   = 1
	aiHeaderRow = 2
	aiFirstRow  = 3
)

// aiTotalsRow is the row of the totals below n rows of usage.
func aiTotalsRow(n int) int { return aiFirstRow + n }

// writeAIUsage writes the sheet (the caller adds it only when c.AIUsage has rows).
func writeAIUsage(f *excelize.File, st *styles, c *Committee) error {
	const sheet = SheetAIUsage
	if err := st.setText(sheet, cellName(1, aiNoteRow), AIUsageNote, st.note); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, cellName(1, aiNoteRow), cellName(len(aiUsageHeader), aiNoteRow)); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, aiNoteRow, 48); err != nil {
		return err
	}
	w := newWidths(aiUsageHeader)
	for i, h := range aiUsageHeader {
		if err := st.setText(sheet, cellName(i+1, aiHeaderRow), h, st.header); err != nil {
			return err
		}
	}
	var sum AIUsageRow
	for i, u := range c.AIUsage {
		r := aiFirstRow + i
		for col, s := range map[int]string{aiFeature: u.Feature, aiModel: u.Model} {
			if err := st.setText(sheet, cellName(col, r), s, 0); err != nil {
				return err
			}
			w.fit(col-1, s)
		}
		for col, v := range map[int]int{aiCalls: u.Calls, aiCached: u.Cached, aiFailed: u.Failed, aiTokensIn: u.TokensIn, aiTokensOut: u.TokensOut} {
			if err := st.setNum(sheet, cellName(col, r), float64(v), 0); err != nil {
				return err
			}
		}
		if err := st.setNum(sheet, cellName(aiCost, r), u.CostUSD, st.usd); err != nil {
			return err
		}
		sum.Calls, sum.Cached, sum.Failed = sum.Calls+u.Calls, sum.Cached+u.Cached, sum.Failed+u.Failed
		sum.TokensIn, sum.TokensOut, sum.CostUSD = sum.TokensIn+u.TokensIn, sum.TokensOut+u.TokensOut, sum.CostUSD+u.CostUSD
	}
	total := aiTotalsRow(len(c.AIUsage))
	if err := st.setText(sheet, cellName(aiFeature, total), "Total", st.bold); err != nil {
		return err
	}
	cached := map[int]float64{aiCalls: float64(sum.Calls), aiCached: float64(sum.Cached), aiFailed: float64(sum.Failed),
		aiTokensIn: float64(sum.TokensIn), aiTokensOut: float64(sum.TokensOut), aiCost: sum.CostUSD}
	for col := aiCalls; col <= aiCost; col++ {
		if err := setFormula(f, sheet, cellName(col, total), aiTotalFormula(col, len(c.AIUsage)), cached[col]); err != nil {
			return err
		}
		style := st.bold
		if col == aiCost {
			style = st.usdBold
		}
		if err := f.SetCellStyle(sheet, cellName(col, total), cellName(col, total), style); err != nil {
			return err
		}
	}
	for i := range aiUsageHeader {
		width := w.width(i)
		if i+1 >= aiCalls {
			width = max(width, 12)
		}
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), width); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, frozen(aiHeaderRow, 0))
}

// checkAIUsage refuses counts or a cost the totals could not add up.
func checkAIUsage(rows []AIUsageRow) error {
	for _, u := range rows {
		if u.Calls < 0 || u.Cached < 0 || u.Failed < 0 || u.TokensIn < 0 || u.TokensOut < 0 ||
			math.IsNaN(u.CostUSD) || math.IsInf(u.CostUSD, 0) || u.CostUSD < 0 {
			return fmt.Errorf("exports: the AI usage of %q with %q has a negative or non-finite figure", u.Feature, u.Model)
		}
	}
	return nil
}

// aiTotalFormula sums column col over the usage rows: SUM(C3:C5).
func aiTotalFormula(col, n int) string {
	return fmt.Sprintf("SUM(%s)", cellName(col, aiFirstRow)+":"+cellName(col, aiFirstRow+n-1))
}

// setFormula writes a live formula with the value shown until a program
// recalculates it.
func setFormula(f *excelize.File, sheet, cell, formula string, cached float64) error {
	if err := f.SetCellFloat(sheet, cell, cached, -1, 64); err != nil {
		return err
	}
	return f.SetCellFormula(sheet, cell, formula)
}

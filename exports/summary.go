// Writes the workbook's Summary sheet: one row per candidate with rank, composite,
// coverage and per-competency means, planned and what-if.

package exports

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// summaryHeader is Summary's header row (row 2).
func summaryHeader(c *Committee) []string {
	h := append([]string{}, summaryLead...)
	for _, comp := range c.Competencies {
		h = append(h, comp.Name)
	}
	return append(h, summaryTail...)
}

// summaryNote is Summary!A1.
func summaryNote(c *Committee) string {
	if c.WeightsNote != "" {
		return c.WeightsNote
	}
	return DefaultSummaryNote
}

// rankValue is a rank as a cached value: "" when not ranked.
func rankValue(rank int) any {
	if rank <= 0 {
		return ""
	}
	return rank
}

// writeSummary streams Summary: a note (row 1), the header (row 2) and one
// row per candidate from row 3, in the order given. Rank, composite,
// coverage and complete are live formulas, planned and what-if; their
// cached values are the app's numbers at the planned weights.
func writeSummary(f *excelize.File, st *styles, c *Committee, lay layout) error {
	const sheet = SheetSummary
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := summaryHeader(c)
	ncomp := len(c.Competencies)
	tail := sumFirstCompetency + ncomp // first column of summaryTail
	w := newWidths(header)
	for _, cand := range c.Candidates {
		w.fit(sumID-1, strconv.FormatInt(cand.CandidateID, 10))
		w.fit(sumName-1, cand.Name)
		w.fit(sumStage-1, cand.Stage)
		w.fit(sumUncertaintyWords-1, cand.UncertaintyLabel)
	}
	if err := w.apply(sw); err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(sumHeaderRow, sumName)); err != nil {
		return err
	}
	if err := sw.SetRow(cellName(1, sumNoteRow), []any{st.text(summaryNote(c), st.bold)}); err != nil {
		return err
	}
	if err := sw.SetRow(cellName(1, sumHeaderRow), st.headerRow(header)); err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, cand := range c.Candidates {
		r := sumFirstRow + i
		clear(row)
		row[sumID-1] = excelize.Cell{Value: cand.CandidateID}
		row[sumName-1] = st.text(cand.Name, 0)
		row[sumStage-1] = st.text(cand.Stage, 0)
		for _, ws := range weightSets {
			// What-if values equal the planned ones until someone edits Weights.
			row[ws.rank-1] = formula(rankFormula(ws, r, lay), rankValue(cand.Rank), st.check)
			row[ws.composite-1] = formula(compositeFormula(ws, r, lay), optional(cand.Composite), st.num1)
			row[ws.coverage-1] = formula(coverageFormula(ws, r, lay), cand.Coverage, st.pct)
			row[ws.complete-1] = formula(completeFormula(ws, r, lay), yesNo(cand.Complete), st.check)
		}
		row[sumUncertainty-1] = excelize.Cell{StyleID: st.num1, Value: optionalValue(cand.Uncertainty)}
		row[sumUncertaintyWords-1] = st.text(cand.UncertaintyLabel, 0)
		row[sumInterviewers-1] = excelize.Cell{Value: cand.Interviewers}
		for j, comp := range c.Competencies {
			cell := excelize.Cell{StyleID: st.num1}
			if v, ok := cand.CompetencyMeans[comp.ID]; ok {
				cell.Value = v
			}
			row[sumFirstCompetency-1+j] = cell
		}
		for j, k := range recommendationKeys {
			row[tail-1+j] = excelize.Cell{Value: cand.Recommendations[k]}
		}
		row[tail+3] = excelize.Cell{Value: cand.Disagreements}
		row[tail+4] = st.text(yesNo(cand.Disagreements > 0), st.check)
		row[tail+5] = excelize.Cell{Value: cand.Scorecards}
		row[tail+6] = excelize.Cell{Value: cand.ScoredAfterSeeing}
		if err := sw.SetRow(cellName(1, r), row); err != nil {
			return err
		}
	}
	last := len(c.Candidates) + sumHeaderRow
	if err := f.AutoFilter(sheet, cellName(1, sumHeaderRow)+":"+cellName(len(header), last), nil); err != nil {
		return err
	}
	if len(c.Candidates) > 0 {
		// One fixed 0–50–100 scale on both composites and every competency
		// mean, so a colour means the same score in every column.
		ranges := []string{
			cellName(sumComposite, sumFirstRow) + ":" + cellName(sumComposite, last),
			cellName(sumCompositeWhatIf, sumFirstRow) + ":" + cellName(sumCompositeWhatIf, last),
		}
		if ncomp > 0 {
			ranges = append(ranges, cellName(sumFirstCompetency, sumFirstRow)+":"+cellName(tail-1, last))
		}
		for _, rng := range ranges {
			if err := f.SetConditionalFormat(sheet, rng, scoreScale()); err != nil {
				return err
			}
		}
	}
	if err := f.AddComment(sheet, excelize.Comment{Author: "hirebench", Cell: cellName(sumCompositeWhatIf, sumHeaderRow),
		Text:  "What-if columns use the yellow what-if cells of the Weights sheet; until someone edits them they equal the planned columns.",
		Width: 300, Height: 80}); err != nil {
		return err
	}
	return sw.Flush()
}

// optionalValue is *v, or nil (an empty cell) when v is nil.
func optionalValue(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// Writes the workbook's Weights sheet: planned competency and question weights, an
// editable what-if copy, and the coverage threshold.

package exports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// writeWeights streams the Weights sheet: the competency table (A–F) with
// the coverage threshold two rows below it and a note below that, and the
// question table (H–O). Planned weights are plain values; the what-if copy
// (E, N and the what-if threshold) is filled yellow and validated. Shares
// and effective weights are formulas, cached with the app's values.
func writeWeights(f *excelize.File, st *styles, c *Committee, lay layout) error {
	const sheet = SheetWeights
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	noteRow := lay.threshold + 2
	lastRow := max(noteRow, len(c.Questions)+1)
	rows := make([][]any, lastRow+1) // by row number
	put := func(r, col int, v any) {
		if rows[r] == nil {
			rows[r] = make([]any, wEffWhatIf)
		}
		rows[r][col-1] = v
	}

	w := newWidths(append(append(append([]string{}, competencyHeader...), ""), questionWeightHdr...))
	for i, h := range competencyHeader {
		put(1, wCompID+i, st.text(h, st.header))
	}
	for i, h := range questionWeightHdr {
		put(1, wKey+i, st.text(h, st.header))
	}

	var total float64
	for _, comp := range c.Competencies {
		total += comp.Weight
	}
	for i, comp := range c.Competencies {
		r := i + 2
		share := comp.Weight / total
		put(r, wCompID, st.text(comp.ID, 0))
		put(r, wCompName, st.text(comp.Name, 0))
		w.fit(wCompID-1, comp.ID)
		w.fit(wCompName-1, comp.Name)
		for _, ws := range weightSets {
			style := 0
			if ws == whatIfSet {
				style = st.edit
			}
			put(r, ws.compWeight, excelize.Cell{StyleID: style, Value: comp.Weight})
			put(r, ws.share, formula(shareFormula(ws, r, lay), share, st.share))
		}
	}
	put(lay.threshold, wCompID, st.text(ThresholdLabel, st.bold))
	put(lay.threshold, plannedSet.threshold, excelize.Cell{StyleID: st.pct, Value: c.CoverageThreshold})
	put(lay.threshold, whatIfSet.threshold, excelize.Cell{StyleID: st.editPct, Value: c.CoverageThreshold})
	put(noteRow, wCompID, st.text(WeightsNote, st.note))

	for i, q := range c.Questions {
		r := i + 2
		for j, s := range []string{q.Key, q.CompetencyID, q.Competency, q.Question} {
			put(r, wKey+j, st.text(s, 0))
			w.fit(wKey-1+j, s)
		}
		for _, ws := range weightSets {
			style := 0
			if ws == whatIfSet {
				style = st.edit
			}
			put(r, ws.qWeight, excelize.Cell{StyleID: style, Value: q.Weight})
			put(r, ws.effective, formula(effectiveFormula(ws, r, lay), q.Effective, st.share))
		}
	}

	w[wGap-1] = 0
	w[wCompID-1] = max(w[wCompID-1], len(ThresholdLabel))
	if err := w.apply(sw); err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(1, 0)); err != nil {
		return err
	}
	for r := 1; r <= lastRow; r++ {
		if rows[r] == nil {
			continue
		}
		var opts []excelize.RowOpts
		if r == noteRow {
			opts = append(opts, excelize.RowOpts{Height: 48})
		}
		if err := sw.SetRow(cellName(1, r), rows[r], opts...); err != nil {
			return err
		}
	}
	if err := sw.MergeCell(cellName(wCompID, noteRow), cellName(wShareWhatIf, noteRow)); err != nil {
		return err
	}

	var dvs []*excelize.DataValidation
	if n := len(c.Competencies); n > 0 {
		dvs = append(dvs, positiveValidation(fmt.Sprintf("%s2:%s%d", colName(wCompWhatIf), colName(wCompWhatIf), n+1), "What-if competency weight"))
	}
	if n := len(c.Questions); n > 0 {
		dvs = append(dvs, positiveValidation(fmt.Sprintf("%s2:%s%d", colName(wQWhatIf), colName(wQWhatIf), n+1), "What-if question weight"))
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cellName(whatIfSet.threshold, lay.threshold)
	if err := dv.SetRange(0, 1, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetInput("What-if coverage needed to rank", "A share from 0% to 100%: a candidate is ranked when their answered questions carry at least this much of the plan.")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Coverage needed to rank", "Enter a share from 0% to 100%.")
	dvs = append(dvs, dv)
	for _, dv := range dvs {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	for _, col := range []int{wCompWhatIf, wQWhatIf} {
		if err := f.AddComment(sheet, excelize.Comment{Author: "hirebench", Cell: cellName(col, 1), Text: WeightsNote, Width: 300, Height: 100}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// positiveValidation accepts a decimal greater than 0 in sqref.
func positiveValidation(sqref, title string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.Type, dv.Operator, dv.Formula1 = "decimal", "greaterThan", "0"
	dv.SetInput(title, "Any number greater than 0. Summary's what-if columns recompute; the planned ones do not change.")
	dv.SetError(excelize.DataValidationErrorStyleStop, title, "A weight must be a number greater than 0.")
	return dv
}

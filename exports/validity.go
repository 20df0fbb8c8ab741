// Writes the workbook's Validity sheet: for each outcome after a hire, how
// well the interview composite and each competency predicted it (n,
// Pearson's r with its 95% interval, Spearman's rho) among the role's hired
// people. Aggregates only: nobody is named (app/outcomes builds it).

package exports

import (
	"github.com/xuri/excelize/v2"
)

// SheetValidity follows Fairness when outcomes are recorded for the role.
const SheetValidity = "Validity"

// Validity is the sheet's content.
type Validity struct {
	People int // hired people with an outcome recorded
	Rows   []ValidityRow
	Notes  []string // the caveats, each a line under the table
}

// ValidityRow is one predictor against one outcome; nil: not computable.
type ValidityRow struct {
	Outcome, Predictor string
	N                  int
	R, Low, High, Rho  *float64
	Note               string // the small-sample warning and notes
}

var validityHeader = []string{"Outcome", "Predictor", "Pairs", "Pearson r", "95% CI low", "95% CI high", "Spearman rho", "Note"}

// ValidityNote heads the sheet.
const ValidityNote = "How well interview scores predicted outcomes after the hire, among hired people only: aggregates, " +
	"nobody named. docs/FAIRNESS.md defines every number."

func writeValidity(f *excelize.File, st *styles, c *Committee) error {
	const sheet = SheetValidity
	v := c.Validity
	row := 1
	if err := st.setText(sheet, cellName(1, row), ValidityNote, st.note); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, cellName(1, row), cellName(len(validityHeader), row)); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, row, 36); err != nil {
		return err
	}
	row += 2
	w := newWidths(validityHeader)
	for i, s := range validityHeader {
		if err := st.setText(sheet, cellName(i+1, row), s, st.header); err != nil {
			return err
		}
	}
	row++
	for _, r := range v.Rows {
		for col, s := range map[int]string{1: r.Outcome, 2: r.Predictor, 8: r.Note} {
			if err := st.setText(sheet, cellName(col, row), s, 0); err != nil {
				return err
			}
			w.fit(col-1, s)
		}
		if err := st.setNum(sheet, cellName(3, row), float64(r.N), 0); err != nil {
			return err
		}
		for col, x := range map[int]*float64{4: r.R, 5: r.Low, 6: r.High, 7: r.Rho} {
			if x == nil {
				continue
			}
			if err := st.setNum(sheet, cellName(col, row), *x, st.num2); err != nil {
				return err
			}
		}
		row++
	}
	row++
	for _, n := range v.Notes {
		if err := st.setText(sheet, cellName(1, row), n, st.note); err != nil {
			return err
		}
		row++
	}
	for i := range validityHeader {
		width := max(w.width(i), 12)
		if i == len(validityHeader)-1 {
			width = min(width, 60)
		}
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), width); err != nil {
			return err
		}
	}
	return nil
}

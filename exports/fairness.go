// Writes the workbook's Fairness sheet: selection rates by self-identified
// group at each decision of the role and mean interview scores by group.
// Aggregates only, already cut by the small-cell rule (fairness.ForExport,
// ForExportMeans, applied by app/selfid): a group too small to show is a
// row with its name and why, and no number.

package exports

import (
	"github.com/xuri/excelize/v2"
)

// SheetFairness follows Calibration (and AI usage) when the role has a
// fairness report.
const SheetFairness = "Fairness"

// Fairness is the sheet's content.
type Fairness struct {
	Rates []FairnessRate
	Means []FairnessMean
	Notes []string
}

// FairnessRate is one group at one decision in one category. Without
// Shown, only the group's name and Verdict (why) are written.
type FairnessRate struct {
	Decision, Category, Group string
	Shown                     bool
	N, Selected               int
	Rate                      float64
	ImpactRatio, FisherP      *float64 // nil: not compared
	FourFifths                bool
	Verdict                   string
}

// FairnessMean is one group's mean score (0–100) for one measure (the
// composite or a question) in one category, against the rest of the groups
// shown. Without Shown, only the name and Verdict are written.
type FairnessMean struct {
	Category, Measure, Group string
	Shown                    bool
	N                        int
	Mean                     float64
	Difference, Low, High, D *float64
	Verdict                  string
}

var (
	fairRateHeader = []string{"Decision", "Category", "Group", "People", "Selected", "Rate", "Impact ratio", "Below four-fifths", "Fisher p", "Verdict"}
	fairMeanHeader = []string{"Category", "Measure", "Group", "People", "Mean (0–100)", "Difference from the rest", "95% CI low", "95% CI high", "Cohen's d", "Note"}
)

// FairnessNote heads the sheet.
const FairnessNote = "Selection rates and mean interview scores by self-identified group: aggregates only, nobody named. " +
	"Groups with fewer than 5 people in a cell are named without numbers. docs/FAIRNESS.md defines every number."

func writeFairness(f *excelize.File, st *styles, c *Committee) error {
	const sheet = SheetFairness
	fr := c.Fairness
	row := 1
	if err := st.setText(sheet, cellName(1, row), FairnessNote, st.note); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, cellName(1, row), cellName(len(fairRateHeader), row)); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, row, 36); err != nil {
		return err
	}
	row += 2
	w := newWidths(fairRateHeader)
	header := func(h []string) error {
		for i, s := range h {
			if err := st.setText(sheet, cellName(i+1, row), s, st.header); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	opt := func(col int, v *float64, style int) error {
		if v == nil {
			return nil
		}
		return st.setNum(sheet, cellName(col, row), *v, style)
	}
	if err := header(fairRateHeader); err != nil {
		return err
	}
	for _, r := range fr.Rates {
		texts := map[int]string{1: r.Decision, 2: r.Category, 3: r.Group, 10: r.Verdict}
		for col, s := range texts {
			if err := st.setText(sheet, cellName(col, row), s, 0); err != nil {
				return err
			}
			w.fit(col-1, s)
		}
		if r.Shown {
			for col, v := range map[int]float64{4: float64(r.N), 5: float64(r.Selected)} {
				if err := st.setNum(sheet, cellName(col, row), v, 0); err != nil {
					return err
				}
			}
			if err := st.setNum(sheet, cellName(6, row), r.Rate, st.share); err != nil {
				return err
			}
			if err := opt(7, r.ImpactRatio, st.num2); err != nil {
				return err
			}
			if r.ImpactRatio != nil {
				flag := "no"
				if r.FourFifths {
					flag = "yes"
				}
				if err := st.setText(sheet, cellName(8, row), flag, 0); err != nil {
					return err
				}
			}
			if err := opt(9, r.FisherP, st.num3); err != nil {
				return err
			}
		}
		row++
	}
	row++
	if err := header(fairMeanHeader); err != nil {
		return err
	}
	for _, m := range fr.Means {
		for col, s := range map[int]string{1: m.Category, 2: m.Measure, 3: m.Group, 10: m.Verdict} {
			if err := st.setText(sheet, cellName(col, row), s, 0); err != nil {
				return err
			}
			w.fit(col-1, s)
		}
		if m.Shown {
			if err := st.setNum(sheet, cellName(4, row), float64(m.N), 0); err != nil {
				return err
			}
			if err := st.setNum(sheet, cellName(5, row), m.Mean, st.num1); err != nil {
				return err
			}
			for col, v := range map[int]*float64{6: m.Difference, 7: m.Low, 8: m.High} {
				if err := opt(col, v, st.num1); err != nil {
					return err
				}
			}
			if err := opt(9, m.D, st.num2); err != nil {
				return err
			}
		}
		row++
	}
	row++
	for _, n := range fr.Notes {
		if err := st.setText(sheet, cellName(1, row), n, st.note); err != nil {
			return err
		}
		row++
	}
	for i := range fairRateHeader {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), max(w.width(i), 12)); err != nil {
			return err
		}
	}
	return nil
}

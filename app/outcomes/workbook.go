// The Validity report in the committee workbook's form: one row per
// outcome and predictor, the caveats as lines under it.

package outcomes

import (
	"strings"

	"hirebench/exports"
)

// Workbook is the report as the Validity sheet writes it.
func Workbook(rep Report) *exports.Validity {
	v := &exports.Validity{People: rep.People}
	for _, m := range rep.Measures {
		for _, r := range m.Rows {
			row := exports.ValidityRow{Outcome: m.Label, Predictor: r.Label, N: r.Stats.N, R: r.Stats.PearsonR, Rho: r.Stats.SpearmanRho,
				Note: strings.Join(append([]string{r.Stats.Warning}, r.Stats.Notes...), " ")}
			row.Note = strings.TrimSpace(row.Note)
			if ci := r.Stats.PearsonCI; ci != nil {
				row.Low, row.High = &ci[0], &ci[1]
			}
			v.Rows = append(v.Rows, row)
		}
	}
	v.Notes = []string{rep.RangeRestriction, "Ratings are on the scale " + Scale + "."}
	return v
}

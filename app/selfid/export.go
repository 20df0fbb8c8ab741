// The report in the committee workbook's terms: rows of aggregates, cut
// by the small-cell rule already (Build with forExport).

package selfid

import (
	"fmt"

	"hirebench/app/fairness"
	"hirebench/exports"
)

// hiddenWords is what a group too small to show says instead of numbers.
var hiddenWords = fmt.Sprintf("fewer than %d people in a cell: not shown", fairness.MinCell)

// Workbook turns a report built for export into the Fairness sheet.
func Workbook(r Report) *exports.Fairness {
	out := &exports.Fairness{Notes: append([]string{}, r.Notes...)}
	for _, d := range r.Decisions {
		for _, c := range d.Categories {
			if c.Report != nil {
				for _, g := range c.Report.Groups {
					out.Rates = append(out.Rates, exports.FairnessRate{Decision: d.Name, Category: c.Category, Group: g.Group, Shown: true,
						N: g.N, Selected: g.Selected, Rate: g.Rate, ImpactRatio: g.ImpactRatio, FisherP: g.FisherP, FourFifths: g.FourFifths, Verdict: g.Verdict})
				}
			}
			for _, g := range c.Undisclosed {
				out.Rates = append(out.Rates, exports.FairnessRate{Decision: d.Name, Category: c.Category, Group: g.Group, Shown: true,
					N: g.N, Selected: g.Selected, Rate: g.Rate, Verdict: g.Verdict})
			}
			for _, h := range c.Hidden {
				out.Rates = append(out.Rates, exports.FairnessRate{Decision: d.Name, Category: c.Category, Group: h, Verdict: hiddenWords})
			}
		}
	}
	for _, m := range r.Means {
		for _, ms := range m.Measures {
			for _, g := range ms.Groups {
				row := exports.FairnessMean{Category: m.Category, Measure: ms.Name, Group: g.Group, Shown: true, N: g.N, Mean: g.Mean}
				if v := g.VsRest; v != nil {
					row.Difference, row.D = &v.Difference, v.D
					if v.CI != nil {
						row.Low, row.High = &v.CI[0], &v.CI[1]
					}
				}
				if g.TooFew {
					row.Verdict = fmt.Sprintf("too few to judge (fewer than %d)", fairness.MinGroup)
				}
				out.Means = append(out.Means, row)
			}
			for _, g := range ms.Undisclosed {
				out.Means = append(out.Means, exports.FairnessMean{Category: m.Category, Measure: ms.Name, Group: g.Group, Shown: true,
					N: g.N, Mean: g.Mean, Verdict: NotCompared})
			}
			for _, h := range ms.Hidden {
				out.Means = append(out.Means, exports.FairnessMean{Category: m.Category, Measure: ms.Name, Group: h, Verdict: hiddenWords})
			}
		}
	}
	return out
}

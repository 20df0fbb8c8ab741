// Adds the workbook's Chart sheet (a bar chart of composites) and its document
// properties, including the composite's definition and recalculate-on-load.

package exports

import (
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeChart adds the Chart sheet: a bar chart of Summary's planned
// composites.
func writeChart(f *excelize.File, c *Committee, lay layout) error {
	n := len(c.Candidates)
	if n == 0 {
		return nil // nothing to plot; the sheet is left out
	}
	if _, err := f.NewSheet(SheetChart); err != nil {
		return err
	}
	lo, hi := 0.0, 100.0
	height := uint(min(max(120+22*n, 320), 4000))
	return f.AddChart(SheetChart, "A1", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$%s$%d", SheetSummary, colName(sumComposite), sumHeaderRow),
			Categories: fmt.Sprintf("%s!%s", SheetSummary, span("", sumName, sumFirstRow, lay.lastCand)),
			Values:     fmt.Sprintf("%s!%s", SheetSummary, span("", sumComposite, sumFirstRow, lay.lastCand)),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Composite at the planned weights (0–100) per candidate"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 820, Height: height},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
		YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
	})
}

// Definition is the composite's definition as the document properties
// state it.
const Definition = "Composite = Σ effective weight × question mean ÷ Σ effective weight over the answered plan questions (0–100); " +
	"a question's effective weight = its competency's share of the competency weights × its share of its competency's question weights; " +
	"its mean = the mean over interviewers of their normalised scores (one interviewer's repeated answers count once). " +
	"Coverage = Σ effective weight of the answered questions; candidates with enough coverage are ranked. " +
	"Edit the yellow what-if cells on Weights to re-weight; the planned columns stay as planned."

// writeProps sets the document properties and asks spreadsheet programs to
// recalculate on load (so edited or stale values never linger).
func writeProps(f *excelize.File, c *Committee) error {
	exported := ""
	if !c.ExportedAt.IsZero() {
		exported = c.ExportedAt.Format(time.RFC3339)
	}
	role := c.RoleTitle
	if role == "" {
		role = fmt.Sprintf("Role %d", c.RoleID)
	}
	props := &excelize.DocProperties{
		Title:          role + " — committee workbook",
		Subject:        fmt.Sprintf("Hiring committee workbook for %s (role %d)", role, c.RoleID),
		Description:    fmt.Sprintf("Role: %s. Exported at %s by hirebench %s. %s", role, exported, c.AppVersion, Definition),
		Keywords:       fmt.Sprintf("hirebench; committee; role %d; app version %s; exported %s", c.RoleID, c.AppVersion, exported),
		Creator:        "hirebench " + c.AppVersion,
		LastModifiedBy: "hirebench " + c.AppVersion,
		Category:       "Hiring committee",
		Language:       "en",
	}
	if exported != "" {
		props.Created, props.Modified = c.ExportedAt.UTC().Format(time.RFC3339), c.ExportedAt.UTC().Format(time.RFC3339)
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	for _, p := range []excelize.CustomProperty{
		{Name: "AppVersion", Value: c.AppVersion},
		{Name: "ExportedAt", Value: exported},
		{Name: "RoleID", Value: strconv.FormatInt(c.RoleID, 10)},
		{Name: "RoleTitle", Value: c.RoleTitle},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return err
		}
	}
	on := true
	return f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
}

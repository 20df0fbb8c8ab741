// Tests the committee workbook: its sheets and Summary, the golden example's
// numbers, properties and chart, and empty or unscored committees.

package exports

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeAndOpen writes c as a workbook and opens it again with excelize.
func writeAndOpen(t *testing.T, c Committee) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, c); err != nil {
		t.Fatalf("WriteWorkbook: %v", err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	if _, err := f.GetStyle(0); err != nil { // loads f.Styles for isQuoted
		t.Fatal(err)
	}
	return f, data
}

// zipPart returns one part of the .xlsx package.
func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s in the package", name)
	return ""
}

func hasPart(t *testing.T, data []byte, prefix string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, prefix) {
			return true
		}
	}
	return false
}

func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

func num(t *testing.T, f *excelize.File, sheet, ref string) float64 {
	t.Helper()
	s := cell(t, f, sheet, ref)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, want a number", sheet, ref, s)
	}
	return v
}

func formulaAt(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// near: excelize stores numbers with Excel's 15 significant digits.
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*max(1, math.Abs(b)) }

func numFmt(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func fillOf(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, _ := f.GetCellStyle(sheet, ref)
	st, err := f.GetStyle(id)
	if err != nil || st == nil || len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(st.Fill.Color[0])
}

func isBold(t *testing.T, f *excelize.File, sheet, ref string) bool {
	t.Helper()
	id, _ := f.GetCellStyle(sheet, ref)
	st, err := f.GetStyle(id)
	return err == nil && st != nil && st.Font != nil && st.Font.Bold
}

// cachedNumeric says the cell element of ref in a sheet part has no t
// attribute: its cached value is a number, not text.
func cachedNumeric(part, ref string) bool {
	m := regexp.MustCompile(`<c r="` + ref + `"[^>]*>`).FindString(part)
	return m != "" && !strings.Contains(m, ` t="`)
}

func TestWorkbookSheetsAndSummary(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, data := writeAndOpen(t, c)
	lay := newLayout(&c)

	want := []string{SheetSummary, SheetWeights, SheetQuestions, SheetScorecards, SheetWeightHistory, SheetCalibration, SheetChart}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (Summary)", f.GetActiveSheetIndex())
	}
	if got := cell(t, f, SheetSummary, "A1"); got != DefaultSummaryNote || !isBold(t, f, SheetSummary, "A1") {
		t.Errorf("A1 = %q (bold %v)", got, isBold(t, f, SheetSummary, "A1"))
	}
	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Candidate ID", "Name", "Stage", "Rank (planned)", "Composite (planned)", "Coverage (planned)",
		"Complete (planned)", "Uncertainty", "Uncertainty (words)", "Interviewers", "Rank (what-if)", "Composite (what-if)",
		"Coverage (what-if)", "Complete (what-if)", "Technical depth", "Collaboration",
		"Strong no", "No", "Yes", "Strong yes", "Disagreements", "Discuss", "Scorecards", "Scored after seeing others"}
	if !slices.Equal(rows[1], wantHeader) {
		t.Errorf("Summary header = %q", rows[1])
	}
	if len(rows) != 2+len(c.Candidates) {
		t.Fatalf("Summary has %d rows, want note + header + %d candidates", len(rows), len(c.Candidates))
	}
	sheet1 := zipPart(t, data, "xl/worksheets/sheet1.xml")
	for i, cand := range c.Candidates {
		r := i + 3
		rs := strconv.Itoa(r)
		if got := num(t, f, SheetSummary, "A"+rs); got != float64(cand.CandidateID) {
			t.Errorf("A%d = %v, want %d", r, got, cand.CandidateID)
		}
		if cell(t, f, SheetSummary, "B"+rs) != cand.Name || cell(t, f, SheetSummary, "C"+rs) != cand.Stage {
			t.Errorf("row %d = %q", r, rows[r-1])
		}
		for _, ws := range weightSets {
			for col, want := range map[int]string{
				ws.rank: rankFormula(ws, r, lay), ws.composite: compositeFormula(ws, r, lay),
				ws.coverage: coverageFormula(ws, r, lay), ws.complete: completeFormula(ws, r, lay),
			} {
				ref := cellName(col, r)
				if got := formulaAt(t, f, SheetSummary, ref); got != want || !strings.Contains(got, strconv.Itoa(r)) {
					t.Errorf("%s formula = %q, want %q", ref, got, want)
				}
			}
			// Cached values: the app's numbers (what-if = planned).
			comp, cov := cellName(ws.composite, r), cellName(ws.coverage, r)
			if got := num(t, f, SheetSummary, comp); !near(got, *cand.Composite) || !cachedNumeric(sheet1, comp) {
				t.Errorf("%s cached = %v, want app composite %v (numeric)", comp, got, *cand.Composite)
			}
			if got := num(t, f, SheetSummary, cov); !near(got, cand.Coverage) || !cachedNumeric(sheet1, cov) {
				t.Errorf("%s cached = %v, want app coverage %v", cov, got, cand.Coverage)
			}
			if got := cell(t, f, SheetSummary, cellName(ws.complete, r)); got != yesNo(cand.Complete) {
				t.Errorf("%s = %q, want %q", cellName(ws.complete, r), got, yesNo(cand.Complete))
			}
			wantRank := ""
			if cand.Rank > 0 {
				wantRank = strconv.Itoa(cand.Rank)
			}
			if got := cell(t, f, SheetSummary, cellName(ws.rank, r)); got != wantRank {
				t.Errorf("%s rank = %q, want %q", cellName(ws.rank, r), got, wantRank)
			}
			for ref, fm := range map[string]string{comp: fmtOne, cov: fmtPercent} {
				if got := numFmt(t, f, SheetSummary, ref); got != fm {
					t.Errorf("%s number format %q, want %q", ref, got, fm)
				}
			}
		}
		if cand.Uncertainty != nil {
			if got := num(t, f, SheetSummary, "H"+rs); !near(got, *cand.Uncertainty) || numFmt(t, f, SheetSummary, "H"+rs) != fmtOne {
				t.Errorf("H%d = %v, want %v", r, got, *cand.Uncertainty)
			}
		} else if got := cell(t, f, SheetSummary, "H"+rs); got != "" {
			t.Errorf("H%d = %q, want empty", r, got)
		}
		if cell(t, f, SheetSummary, "I"+rs) != cand.UncertaintyLabel || num(t, f, SheetSummary, "J"+rs) != float64(cand.Interviewers) {
			t.Errorf("uncertainty words / interviewers = %q", rows[r-1][8:10])
		}
		for j, comp := range c.Competencies {
			ref := cellName(sumFirstCompetency+j, r)
			v, ok := cand.CompetencyMeans[comp.ID]
			if !ok {
				if cell(t, f, SheetSummary, ref) != "" {
					t.Errorf("%s should be empty", ref)
				}
				continue
			}
			if got := num(t, f, SheetSummary, ref); !near(got, v) || numFmt(t, f, SheetSummary, ref) != fmtOne {
				t.Errorf("%s = %v, want %v", ref, got, v)
			}
		}
		tail := sumFirstCompetency + len(c.Competencies)
		for j, k := range recommendationKeys {
			if got := num(t, f, SheetSummary, cellName(tail+j, r)); got != float64(cand.Recommendations[k]) {
				t.Errorf("%s count = %v, want %d", k, got, cand.Recommendations[k])
			}
		}
		for col, want := range map[int]string{
			tail + 4: strconv.Itoa(cand.Disagreements), tail + 5: yesNo(cand.Disagreements > 0),
			tail + 6: strconv.Itoa(cand.Scorecards), tail + 7: strconv.Itoa(cand.ScoredAfterSeeing),
		} {
			if got := cell(t, f, SheetSummary, cellName(col, r)); got != want {
				t.Errorf("%s = %q, want %q", cellName(col, r), got, want)
			}
		}
	}
	// Grace (row 3) has an amendment after seeing others; Pat (row 7) is unranked.
	if cell(t, f, SheetSummary, "X3") != "1" || cell(t, f, SheetSummary, "D7") != "" || cell(t, f, SheetSummary, "G7") != "no" {
		t.Errorf("row 3 amended = %q; row 7 rank %q complete %q", cell(t, f, SheetSummary, "X3"), cell(t, f, SheetSummary, "D7"), cell(t, f, SheetSummary, "G7"))
	}

	panes, err := f.GetPanes(SheetSummary)
	if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.XSplit != 2 {
		t.Errorf("Summary panes = %+v (%v)", panes, err)
	}
	if !regexp.MustCompile(`<autoFilter ref="\$?A\$?2:\$?X\$?7"`).MatchString(sheet1) {
		t.Errorf("Summary has no autofilter over A2:X7")
	}
	cf, err := f.GetConditionalFormats(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	for _, rng := range []string{"E3:E7", "L3:L7", "O3:P7"} {
		if opts := cf[rng]; len(opts) != 1 || opts[0].Type != "3_color_scale" || opts[0].MidValue != "50" || opts[0].MaxValue != "100" {
			t.Errorf("conditional format on %s = %+v, want a 0–50–100 colour scale", rng, cf[rng])
		}
		// excelize reads val="0" back as ""; check the XML for the minimum.
		if !strings.Contains(sheet1, `<conditionalFormatting sqref="`+rng+`"><cfRule type="colorScale" priority="`) ||
			!regexp.MustCompile(`sqref="`+rng+`"><cfRule type="colorScale" priority="\d+"><colorScale><cfvo type="num" val="0">`).MatchString(sheet1) {
			t.Errorf("colour scale on %s does not start at 0", rng)
		}
	}
	for col, lo := range map[string]float64{"A": 12, "B": 16, "I": 20} {
		w, err := f.GetColWidth(SheetSummary, col)
		if err != nil || w < lo || w > maxColWidth {
			t.Errorf("Summary column %s width %v, want in [%v, %v]", col, w, lo, maxColWidth)
		}
	}
	if comments, _ := f.GetComments(SheetSummary); len(comments) != 1 || comments[0].Cell != "L2" {
		t.Errorf("Summary comments = %+v", comments)
	}
	if !strings.Contains(zipPart(t, data, "xl/workbook.xml"), `fullCalcOnLoad="true"`) {
		t.Errorf("calcPr lacks fullCalcOnLoad")
	}

	// A weights note replaces the default A1.
	c.WeightsNote = "Weights changed after scoring began: see Weight history."
	f2, _ := writeAndOpen(t, c)
	if got := cell(t, f2, SheetSummary, "A1"); got != c.WeightsNote {
		t.Errorf("A1 = %q, want the weights note", got)
	}
}

// TestGoldenExample checks the example of docs/SCORING.md with its numbers
// typed in: the workbook's cached values must be these.
func TestGoldenExample(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, _ := writeAndOpen(t, c)
	// Effective weights t1 = t2 = c1 = c2 = 1/6, t3 = 1/3.
	for i, want := range []struct {
		key string
		eff float64
	}{{"T/t1", 1.0 / 6}, {"T/t2", 1.0 / 6}, {"T/t3", 1.0 / 3}, {"C/c1", 1.0 / 6}, {"C/c2", 1.0 / 6}} {
		r := strconv.Itoa(i + 2)
		if cell(t, f, SheetWeights, "H"+r) != want.key || !near(num(t, f, SheetWeights, "M"+r), want.eff) || !near(num(t, f, SheetWeights, "O"+r), want.eff) {
			t.Errorf("Weights row %s: %s effective %v, want %s %v", r, cell(t, f, SheetWeights, "H"+r), cell(t, f, SheetWeights, "M"+r), want.key, want.eff)
		}
	}
	row := -1
	for i, cand := range c.Candidates {
		if cand.Name == "Golden Example" {
			row = i + 3
		}
	}
	if row != 4 {
		t.Fatalf("Golden Example is on row %d, want 4 (second by composite)", row)
	}
	r := strconv.Itoa(row)
	const composite, coverage = 365.0 / 6, 5.0 / 6 // 60.8333…, 0.8333…
	uncertainty := math.Sqrt(4575.0/81) / math.Sqrt(3)
	if math.Abs(uncertainty-4.33903) > 5e-6 {
		t.Fatalf("typed-in uncertainty %v", uncertainty)
	}
	for _, col := range []string{"E", "L"} {
		if got := num(t, f, SheetSummary, col+r); math.Abs(got-composite) > 1e-9 {
			t.Errorf("%s%s composite = %v, want 365/6", col, r, got)
		}
	}
	for _, col := range []string{"F", "M"} {
		if got := num(t, f, SheetSummary, col+r); math.Abs(got-coverage) > 1e-9 {
			t.Errorf("%s%s coverage = %v, want 5/6", col, r, got)
		}
	}
	if got := num(t, f, SheetSummary, "H"+r); math.Abs(got-uncertainty) > 1e-9 {
		t.Errorf("uncertainty = %v, want %v", got, uncertainty)
	}
	for ref, want := range map[string]string{"D": "2", "G": "yes", "K": "2", "N": "yes", "J": "3", "I": "±4.3 between 3 interviewers"} {
		if got := cell(t, f, SheetSummary, ref+r); got != want {
			t.Errorf("%s%s = %q, want %q", ref, r, got, want)
		}
	}
	// Per question: t1 = (66.67 + 25)/2, t2 = (100 + 50)/2, t3 = (33.33 + 75)/2, c1 = (100 + 50)/2, c2 unscored.
	want := map[string]struct {
		n    int
		mean float64
	}{"T/t1": {2, 275.0 / 6}, "T/t2": {2, 75}, "T/t3": {2, 325.0 / 6}, "C/c1": {2, 75}, "C/c2": {0, 0}}
	rows, _ := f.GetRows(SheetQuestions, excelize.Options{RawCellValue: true})
	seen := 0
	for i, rec := range rows[1:] {
		if rec[0] != "1" {
			continue
		}
		seen++
		w := want[rec[2]]
		ref := strconv.Itoa(i + 2)
		if num(t, f, SheetQuestions, "F"+ref) != float64(w.n) {
			t.Errorf("%s interviewers = %q, want %d", rec[2], rec[5], w.n)
		}
		if w.n == 0 {
			if rec[6] != "" || num(t, f, SheetQuestions, "K"+ref) != 0 {
				t.Errorf("%s unscored: mean %q answered weight %q", rec[2], rec[6], rec[10])
			}
		} else if !near(num(t, f, SheetQuestions, "G"+ref), w.mean) {
			t.Errorf("%s mean = %q, want %v", rec[2], rec[6], w.mean)
		}
	}
	if seen != 5 {
		t.Errorf("Questions has %d rows for the golden candidate, want 5", seen)
	}
}

func TestWorkbookPropsAndChart(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, data := writeAndOpen(t, c)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Backend Engineer — committee workbook" {
		t.Errorf("title = %q", p.Title)
	}
	exported := "2026-03-14T15:09:26+01:00"
	if !strings.Contains(p.Subject, "Backend Engineer") || !strings.Contains(p.Description, "Backend Engineer") ||
		!strings.Contains(p.Description, exported) || !strings.Contains(p.Description, "1.4.0-test") ||
		!strings.Contains(p.Description, "effective weight") || !strings.Contains(p.Description, "Coverage") {
		t.Errorf("subject %q / description %q", p.Subject, p.Description)
	}
	if p.Created != "2026-03-14T14:09:26Z" {
		t.Errorf("created = %q", p.Created)
	}
	custom, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, cp := range custom {
		got[cp.Name] = cp.Value
	}
	if got["AppVersion"] != "1.4.0-test" || got["ExportedAt"] != exported || got["RoleID"] != "7" || got["RoleTitle"] != "Backend Engineer" {
		t.Errorf("custom props = %v", got)
	}
	chart := zipPart(t, data, "xl/charts/chart1.xml")
	for _, ref := range []string{"barChart>", `barDir val="bar"`, "Summary!$E$2", "Summary!$B$3:$B$7", "Summary!$E$3:$E$7"} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart lacks %s", ref)
		}
	}
	if !strings.Contains(zipPart(t, data, "xl/worksheets/sheet7.xml"), "<drawing ") {
		t.Errorf("Chart sheet has no drawing")
	}
}

func TestWorkbookEmptyCommittee(t *testing.T) {
	f, data := writeAndOpen(t, Committee{RoleTitle: "Nobody yet"})
	want := []string{SheetSummary, SheetWeights, SheetQuestions, SheetScorecards, SheetWeightHistory, SheetCalibration}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q (no chart without candidates)", got)
	}
	if rows, _ := f.GetRows(SheetSummary); len(rows) != 2 || rows[0][0] != DefaultSummaryNote || rows[1][0] != "Candidate ID" {
		t.Errorf("empty Summary = %q", rows)
	}
	if rows, _ := f.GetRows(SheetCalibration); len(rows) < 2 || rows[0][0] != NoRatingsNote || rows[1][0] != RatingsNote {
		t.Errorf("empty Calibration = %q", rows)
	}
	if cell(t, f, SheetWeights, "A4") != ThresholdLabel {
		t.Errorf("Weights threshold row missing: %q", cell(t, f, SheetWeights, "A4"))
	}
	if hasPart(t, data, "xl/charts/") {
		t.Errorf("chart written without candidates")
	}
}

func TestWorkbookNoScoresLeavesCompositeEmpty(t *testing.T) {
	cards := fixtureCards()[7:8] // Partial Pat, Sam's card only
	for q := range cards[0].answers {
		cards[0].answers[q] = answer{reason: "no time"}
	}
	c := buildCommittee(t, cards)
	if c.Candidates[0].Composite != nil || c.Candidates[0].Coverage != 0 {
		t.Fatalf("fixture: composite %v", *c.Candidates[0].Composite)
	}
	f, _ := writeAndOpen(t, c)
	for ref, want := range map[string]string{"D3": "", "E3": "", "F3": "0", "G3": "no", "K3": "", "L3": "", "M3": "0", "N3": "no", "H3": ""} {
		if got := cell(t, f, SheetSummary, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	for _, ref := range []string{"D3", "E3", "F3", "G3", "L3"} {
		if formulaAt(t, f, SheetSummary, ref) == "" {
			t.Errorf("%s without scores still needs its formula", ref)
		}
	}
}

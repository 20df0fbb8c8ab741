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

	"hirebench/app/stats"
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

func TestWorkbookSheetsAndSummary(t *testing.T) {
	c := buildCommittee(t, smallCards())
	f, data := writeAndOpen(t, c)

	if got, want := f.GetSheetList(), []string{SheetSummary, SheetWeights, SheetScorecards, SheetCalibration, SheetChart}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (Summary)", f.GetActiveSheetIndex())
	}

	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Candidate ID", "Name", "Stage", "Composite", "Technical depth", "Communication",
		"Strong no", "No", "Yes", "Strong yes", "Disagreements", "Discuss", "Scorecards", "Spread"}
	if !slices.Equal(rows[0], wantHeader) {
		t.Errorf("Summary header = %q", rows[0])
	}
	if len(rows) != 1+len(c.Candidates) {
		t.Fatalf("Summary has %d rows, want header + %d candidates", len(rows), len(c.Candidates))
	}
	lay := newLayout(c)
	sheet1 := zipPart(t, data, "xl/worksheets/sheet1.xml")
	for i, cand := range c.Candidates {
		r := strconv.Itoa(i + 2)
		if got := num(t, f, SheetSummary, "A"+r); got != float64(cand.CandidateID) {
			t.Errorf("A%s = %v, want %d", r, got, cand.CandidateID)
		}
		if got := cell(t, f, SheetSummary, "B"+r); got != cand.Name {
			t.Errorf("B%s = %q, want %q", r, got, cand.Name)
		}
		formula, err := f.GetCellFormula(SheetSummary, "D"+r)
		if err != nil || formula == "" {
			t.Fatalf("D%s has no formula (%v)", r, err)
		}
		if formula != compositeFormula(i+2, lay) || !strings.Contains(formula, "$A"+r+")") {
			t.Errorf("D%s formula = %s", r, formula)
		}
		// Cached value: the app's composite (excelize keeps Excel's 15
		// significant digits), stored as a number, not as text.
		if got := num(t, f, SheetSummary, "D"+r); math.Abs(got-*cand.Composite) > 1e-9 {
			t.Errorf("D%s cached = %v, want app composite %v", r, got, *cand.Composite)
		}
		re := regexp.MustCompile(`<c r="D` + r + `"[^>]*>`)
		if m := re.FindString(sheet1); m == "" || strings.Contains(m, `t="`) {
			t.Errorf("D%s cell element %q: cached composite must be numeric (no t attribute)", r, m)
		}
		for j, comp := range c.Competencies {
			ref := cellName(5+j, i+2)
			if got := num(t, f, SheetSummary, ref); math.Abs(got-cand.CompetencyMeans[comp.ID]) > 1e-9 {
				t.Errorf("%s = %v, want %v", ref, got, cand.CompetencyMeans[comp.ID])
			}
		}
		for j, k := range recommendationKeys {
			if got := num(t, f, SheetSummary, cellName(7+j, i+2)); got != float64(cand.Recommendations[k]) {
				t.Errorf("%s count = %v, want %d", k, got, cand.Recommendations[k])
			}
		}
		if got := num(t, f, SheetSummary, "K"+r); got != float64(cand.Disagreements) {
			t.Errorf("K%s = %v", r, got)
		}
		if got, want := cell(t, f, SheetSummary, "L"+r), yesNo(cand.Disagreements > 0); got != want {
			t.Errorf("Discuss L%s = %q, want %q", r, got, want)
		}
		if got := num(t, f, SheetSummary, "M"+r); got != float64(cand.Scorecards) {
			t.Errorf("M%s = %v", r, got)
		}
		if got := num(t, f, SheetSummary, "N"+r); math.Abs(got-cand.Spread) > 1e-9 {
			t.Errorf("N%s = %v, want %v", r, got, cand.Spread)
		}
	}
	if cell(t, f, SheetSummary, "L3") != "yes" {
		t.Errorf("candidate 2 has a disagreement; Discuss = %q", cell(t, f, SheetSummary, "L3"))
	}

	// Frozen header (and the id/name columns), autofilter, colour scale.
	panes, err := f.GetPanes(SheetSummary)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 2 {
		t.Errorf("Summary panes = %+v (%v)", panes, err)
	}
	if !regexp.MustCompile(`<autoFilter ref="\$?A\$?1:\$?N\$?4"`).MatchString(sheet1) {
		t.Errorf("Summary has no autofilter over A1:N4")
	}
	if !strings.Contains(zipPart(t, data, "xl/workbook.xml"), "_xlnm._FilterDatabase") {
		t.Errorf("no _FilterDatabase defined name")
	}
	cf, err := f.GetConditionalFormats(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	if opts := cf["D2:F4"]; len(opts) != 1 || opts[0].Type != "3_color_scale" || opts[0].MidValue != "50" || opts[0].MaxValue != "100" {
		t.Errorf("conditional formats = %+v, want a 0–50–100 colour scale on D2:F4", cf)
	}
	// excelize reads val="0" back as ""; check the XML for the minimum.
	if !strings.Contains(sheet1, `<conditionalFormatting sqref="D2:F4"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="num" val="0">`) {
		t.Errorf("colour scale does not start at 0")
	}
	// Number format 0.0 on composite, competency means and spread.
	for _, ref := range []string{"D2", "E2", "F2", "N2"} {
		id, _ := f.GetCellStyle(SheetSummary, ref)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "0.0" {
			t.Errorf("%s style %d: number format %v, want 0.0", ref, id, st.CustomNumFmt)
		}
	}
	// Widths fitted to content, capped.
	for col, lo := range map[string]float64{"A": minColWidth, "B": 12, "E": 15} {
		w, err := f.GetColWidth(SheetSummary, col)
		if err != nil || w < lo || w > maxColWidth {
			t.Errorf("Summary column %s width %v, want in [%v, %v]", col, w, lo, maxColWidth)
		}
	}
	// Recalculation is requested on load.
	if !strings.Contains(zipPart(t, data, "xl/workbook.xml"), `fullCalcOnLoad="true"`) {
		t.Errorf("calcPr lacks fullCalcOnLoad")
	}
}

func TestWorkbookWeights(t *testing.T) {
	c := buildCommittee(t, smallCards())
	f, _ := writeAndOpen(t, c)
	rows, err := f.GetRows(SheetWeights)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0][:5], weightsHeader) {
		t.Errorf("Weights header = %q", rows[0])
	}
	if len(rows) != 1+len(c.Weights) {
		t.Fatalf("Weights has %d rows, want %d", len(rows), 1+len(c.Weights))
	}
	for i, w := range c.Weights {
		r := strconv.Itoa(i + 2)
		if cell(t, f, SheetWeights, "A"+r) != w.Key || cell(t, f, SheetWeights, "B"+r) != w.Competency || cell(t, f, SheetWeights, "C"+r) != w.Question {
			t.Errorf("Weights row %s = %q", r, rows[i+1])
		}
		if num(t, f, SheetWeights, "D"+r) != w.Default || num(t, f, SheetWeights, "E"+r) != w.Default {
			t.Errorf("Weights row %s: default/weight = %q, want %v", r, rows[i+1][3:5], w.Default)
		}
	}
	if got := []float64{num(t, f, SheetWeights, "E2"), num(t, f, SheetWeights, "E3"), num(t, f, SheetWeights, "E4"), num(t, f, SheetWeights, "E5")}; !slices.Equal(got, []float64{1, 1, 2, 0.5}) {
		t.Errorf("weights = %v, want 1, 1, 2, 0.5", got)
	}
	dvs, err := f.GetDataValidations(SheetWeights)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("data validations = %v (%v)", dvs, err)
	}
	dv := dvs[0]
	if dv.Sqref != "E2:E5" || dv.Type != "decimal" || dv.Operator != "greaterThanOrEqual" || dv.Formula1 != "0" ||
		!dv.ShowInputMessage || dv.Prompt == nil || *dv.Prompt == "" || !dv.ShowErrorMessage {
		t.Errorf("validation = %+v", dv)
	}
	if got := cell(t, f, SheetWeights, "G2"); got != WeightsNote {
		t.Errorf("note = %q", got)
	}
	comments, err := f.GetComments(SheetWeights)
	if err != nil || len(comments) != 1 || comments[0].Cell != "E1" || !strings.Contains(comments[0].Text, "Summary's composite recomputes") {
		t.Errorf("comments = %+v (%v)", comments, err)
	}
	id, _ := f.GetCellStyle(SheetWeights, "E2")
	st, _ := f.GetStyle(id)
	if st == nil || len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], "FFF2CC") {
		t.Errorf("Weight cells are not filled as editable: %+v", st)
	}
	if panes, _ := f.GetPanes(SheetWeights); !panes.Freeze {
		t.Errorf("Weights header not frozen")
	}
}

func TestWorkbookScorecards(t *testing.T) {
	c := buildCommittee(t, smallCards())
	f, data := writeAndOpen(t, c)
	rows, err := f.GetRows(SheetScorecards)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], scorecardsHeader) {
		t.Errorf("Scorecards header = %q", rows[0])
	}
	if len(rows) != 1+len(c.Scorecards) {
		t.Fatalf("Scorecards has %d rows, want %d", len(rows), 1+len(c.Scorecards))
	}
	lay := newLayout(c)
	defaults := defaultWeights(c)
	skipped := 0
	for i, sr := range c.Scorecards {
		n := i + 2
		r := strconv.Itoa(n)
		if cell(t, f, SheetScorecards, "B"+r) != sr.Candidate || cell(t, f, SheetScorecards, "E"+r) != sr.Key ||
			cell(t, f, SheetScorecards, "R"+r) != sr.Hash || cell(t, f, SheetScorecards, "I"+r) != strconv.Itoa(sr.ScaleMin)+"–"+strconv.Itoa(sr.ScaleMax) {
			t.Errorf("row %d = %q", n, rows[i+1])
		}
		formula, _ := f.GetCellFormula(SheetScorecards, "L"+r)
		if formula != weightFormula(n, lay) || !strings.HasPrefix(formula, "IFERROR(VLOOKUP($E"+r+",Weights!$A$2:$E$5,5,FALSE)") {
			t.Errorf("L%d formula = %q", n, formula)
		}
		if got := num(t, f, SheetScorecards, "L"+r); got != defaults[sr.Key] {
			t.Errorf("L%d cached weight = %v, want %v", n, got, defaults[sr.Key])
		}
		if sr.Skipped {
			skipped++
			if v := cell(t, f, SheetScorecards, "K"+r); v != "" {
				t.Errorf("skipped row %d has Normalised %q, want empty", n, v)
			}
			if cell(t, f, SheetScorecards, "M"+r) != "yes" || cell(t, f, SheetScorecards, "N"+r) != sr.SkipReason {
				t.Errorf("skipped row %d = %q", n, rows[i+1])
			}
			if v := cell(t, f, SheetScorecards, "H"+r); v != "" {
				t.Errorf("skipped row %d has a score %q", n, v)
			}
		} else if got := num(t, f, SheetScorecards, "K"+r); math.Abs(got-*sr.Norm) > 1e-9 {
			t.Errorf("K%d = %v, want %v", n, got, *sr.Norm)
		}
		if sr.Amended != (cell(t, f, SheetScorecards, "S"+r) == "yes") {
			t.Errorf("row %d amended = %q", n, cell(t, f, SheetScorecards, "S"+r))
		}
	}
	if skipped != 1 {
		t.Errorf("fixture should have one skipped answer, got %d", skipped)
	}
	panes, err := f.GetPanes(SheetScorecards)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Scorecards panes = %+v (%v)", panes, err)
	}
	sheet3 := zipPart(t, data, "xl/worksheets/sheet3.xml")
	if !regexp.MustCompile(`<autoFilter ref="\$?A\$?1:\$?S\$?25"`).MatchString(sheet3) {
		t.Errorf("Scorecards has no autofilter over A1:S25")
	}
	// Written by the StreamWriter: inline strings, not shared strings.
	if !strings.Contains(sheet3, `t="inlineStr"`) {
		t.Errorf("Scorecards was not stream-written (no inline strings)")
	}
}

func TestWorkbookCalibration(t *testing.T) {
	c := buildCommittee(t, smallCards())
	f, _ := writeAndOpen(t, c)
	rows, err := f.GetRows(SheetCalibration)
	if err != nil {
		t.Fatal(err)
	}
	find := func(label string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Errorf("Calibration has no row %q", label)
		return nil
	}
	rep := c.Stats
	if rep.ICC21 == nil || rep.AlphaInterval == nil {
		t.Fatalf("fixture stats lack ICC(2,1)/alpha: %+v", rep)
	}
	if r := find("ICC(2,1)"); r != nil {
		if v, _ := strconv.ParseFloat(r[1], 64); math.Abs(v-*rep.ICC21) > 0.005 {
			t.Errorf("ICC(2,1) row = %q, want %v", r, *rep.ICC21)
		}
		if r[4] != stats.Explain("icc_2_1", *rep.ICC21) {
			t.Errorf("ICC(2,1) sentence = %q", r[4])
		}
	}
	for _, label := range []string{"ICC(1,1)", "ICC(3,1)", "ICC(1,2)", "ICC(2,2)", "ICC(3,2)"} {
		find(label)
	}
	for _, a := range []string{"nominal", "ordinal", "interval", "ratio"} {
		if r := find("Krippendorff's alpha (" + a + ")"); r != nil && len(r) < 5 {
			t.Errorf("alpha %s row has no sentence: %q", a, r)
		}
	}
	if r := find("Krippendorff's alpha (interval)"); r != nil && r[4] != stats.Explain("alpha_interval", *rep.AlphaInterval) {
		t.Errorf("alpha sentence = %q", r[4])
	}
	// CI cells are numbers.
	for i, r := range rows {
		if len(r) > 0 && r[0] == "ICC(2,1)" && rep.ICC21CI != nil {
			lo := num(t, f, SheetCalibration, cellName(3, i+1))
			hi := num(t, f, SheetCalibration, cellName(4, i+1))
			if math.Abs(lo-rep.ICC21CI[0]) > 1e-9 || math.Abs(hi-rep.ICC21CI[1]) > 1e-9 {
				t.Errorf("ICC(2,1) CI = [%v, %v], want %v", lo, hi, *rep.ICC21CI)
			}
		}
	}
	if r := find("Subjects (candidates)"); r != nil && r[1] != strconv.Itoa(rep.Subjects) {
		t.Errorf("subjects = %q, want %d", r, rep.Subjects)
	}
	find("Raters (interviewers)")
	find("Ratings")
	find("Subjects dropped from the ICC")
	find("Errors")
	find("Notes")
	for _, n := range rep.Notes {
		find(n)
	}
	if r := find("Rater"); r != nil && !slices.Equal(r, leniencyHeader) {
		t.Errorf("leniency header = %q", r)
	}
	if len(rep.Leniency) != 2 {
		t.Fatalf("fixture leniency has %d raters", len(rep.Leniency))
	}
	for _, l := range rep.Leniency {
		r := find(l.Rater)
		if r == nil {
			continue
		}
		if r[1] != strconv.Itoa(l.N) {
			t.Errorf("leniency %s N = %q, want %d", l.Rater, r[1], l.N)
		}
	}
	// References: https links only.
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		ok, target, _ := f.GetCellHyperLink(SheetCalibration, cellName(1, i+1))
		if ok && !strings.HasPrefix(target, "https://") {
			t.Errorf("row %d links to %q", i+1, target)
		}
	}
	if ok, target, _ := f.GetCellHyperLink(SheetCalibration, cellName(1, len(rows)-2)); !ok || !strings.HasPrefix(target, "https://doi.org/") {
		t.Errorf("first reference link = %v %q", ok, target)
	}
}

func TestCalibrationShowsErrors(t *testing.T) {
	c := buildCommittee(t, smallCards()[:2]) // one candidate: the ICC cannot be computed
	c.Stats = stats.Analyze([]stats.Rating{{Subject: "a", Rater: "Sam", Score: 3}})
	f, _ := writeAndOpen(t, c)
	rows, _ := f.GetRows(SheetCalibration)
	var sawICC, sawError bool
	for _, r := range rows {
		if len(r) >= 5 && r[0] == "ICC(2,1)" && strings.HasPrefix(r[4], "not computed: icc: ") && r[1] == "" {
			sawICC = true
		}
		if len(r) > 0 && slices.Contains(c.Stats.Errors, r[0]) {
			sawError = true
		}
	}
	if !sawICC || !sawError {
		t.Errorf("uncomputable statistics not explained: %q", rows)
	}
}

func TestWorkbookPropsAndChart(t *testing.T) {
	c := buildCommittee(t, smallCards())
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
		!strings.Contains(p.Description, exported) || !strings.Contains(p.Description, "1.4.0-test") {
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
	if got["AppVersion"] != "1.4.0-test" || got["ExportedAt"] != exported || got["RoleID"] != "7" {
		t.Errorf("custom props = %v", got)
	}

	chart := zipPart(t, data, "xl/charts/chart1.xml")
	for _, ref := range []string{"barChart>", `barDir val="bar"`, "Summary!$B$2:$B$4", "Summary!$D$2:$D$4"} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart lacks %s", ref)
		}
	}
	if !strings.Contains(zipPart(t, data, "xl/worksheets/sheet5.xml"), "<drawing ") {
		t.Errorf("Chart sheet has no drawing")
	}
}

func TestWorkbookEmptyCommittee(t *testing.T) {
	f, data := writeAndOpen(t, Committee{RoleTitle: "Nobody yet"})
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetSummary, SheetWeights, SheetScorecards, SheetCalibration}) {
		t.Errorf("sheets = %q (no chart without candidates)", got)
	}
	rows, _ := f.GetRows(SheetSummary)
	if len(rows) != 1 {
		t.Errorf("empty Summary has %d rows", len(rows))
	}
	if hasPart(t, data, "xl/charts/") {
		t.Errorf("chart written without candidates")
	}
}

func TestWorkbookNoScoresLeavesCompositeEmpty(t *testing.T) {
	cards := smallCards()[:1]
	for q := range cards[0].answers {
		cards[0].answers[q] = answer{reason: "no time"}
	}
	c := buildCommittee(t, cards)
	if c.Candidates[0].Composite != nil {
		t.Fatalf("fixture: composite %v", *c.Candidates[0].Composite)
	}
	f, _ := writeAndOpen(t, c)
	if v := cell(t, f, SheetSummary, "D2"); v != "" {
		t.Errorf("composite without scores = %q, want empty", v)
	}
	if formula, _ := f.GetCellFormula(SheetSummary, "D2"); formula == "" {
		t.Errorf("composite without scores still needs its formula")
	}
}

func TestWorkbookRefusesInconsistentInput(t *testing.T) {
	base := buildCommittee(t, smallCards())
	cases := map[string]func(c *Committee){
		"duplicate candidate": func(c *Committee) { c.Candidates = append(c.Candidates, c.Candidates[0]) },
		"duplicate key":       func(c *Committee) { c.Weights = append(c.Weights, c.Weights[0]) },
		"case-folded key": func(c *Committee) {
			w := c.Weights[0]
			w.Key = strings.ToUpper(w.Key)
			c.Weights = append(c.Weights, w)
		},
		"wildcard key": func(c *Committee) { c.Weights[0].Key = "tech/*" },
		"missing key":  func(c *Committee) { c.Scorecards[0].Key = "nope/nope" },
		"negative":     func(c *Committee) { c.Weights[0].Default = -1 },
		"NaN":          func(c *Committee) { c.Weights[0].Default = math.NaN() },
	}
	for name, mutate := range cases {
		c := base
		c.Candidates = slices.Clone(base.Candidates)
		c.Weights = slices.Clone(base.Weights)
		c.Scorecards = slices.Clone(base.Scorecards)
		mutate(&c)
		var buf bytes.Buffer
		if err := WriteWorkbook(&buf, c); err == nil {
			t.Errorf("%s: no error", name)
		} else if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes despite the error", name, buf.Len())
		}
	}
}

func TestCapText(t *testing.T) {
	if s := strings.Repeat("a", MaxCellChars); capText(s) != s {
		t.Errorf("a string at the limit was cut")
	}
	long := strings.Repeat("é", MaxCellChars+10)
	got := capText(long)
	if utf16Len(got) > MaxCellChars || !strings.HasSuffix(got, truncatedMark) {
		t.Errorf("capped to %d units", utf16Len(got))
	}
	emoji := strings.Repeat("😀", MaxCellChars) // 2 UTF-16 units each
	got = capText(emoji)
	if utf16Len(got) > MaxCellChars || !strings.HasSuffix(got, truncatedMark) || !strings.HasPrefix(got, "😀") {
		t.Errorf("emoji capped to %d units", utf16Len(got))
	}
	// In the workbook: a 40,000-character note is cut to the limit.
	c := buildCommittee(t, smallCards())
	c.Scorecards[0].Notes = strings.Repeat("n", 40000)
	c.Candidates[0].Name = strings.Repeat("m", 40000)
	f, _ := writeAndOpen(t, c)
	for _, ref := range []string{"Scorecards!O2", "Summary!B2"} {
		sheet, at, _ := strings.Cut(ref, "!")
		v := cell(t, f, sheet, at)
		if utf16Len(v) != MaxCellChars || !strings.HasSuffix(v, truncatedMark) {
			t.Errorf("%s has %d characters", ref, utf16Len(v))
		}
	}
}

func TestSafeLink(t *testing.T) {
	for _, ok := range []string{"https://example.com/a?b=c", "mailto:hr@example.com", "HTTPS://EXAMPLE.COM"} {
		if _, good := safeLink(ok); !good {
			t.Errorf("safeLink(%q) refused", ok)
		}
	}
	for _, bad := range []string{"", "http://evil", "javascript:alert(1)", "file:///etc/passwd", `\\host\share`,
		"data:text/html,x", "//evil.com", "evil.com", "https://", "https://user:pw@evil.com", "mailto:", "https://a.com/\nx",
		"vbscript:x", "ftp://x", "=HYPERLINK(\"http://evil\")", "https:evil.com", "mailto:nobody"} {
		if _, good := safeLink(bad); good {
			t.Errorf("safeLink(%q) allowed", bad)
		}
	}
}

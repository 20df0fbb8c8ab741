// Tests the workbook's Calibration sheet: its statistics and groups, a missing
// report, errors shown in words, and an interval with no lower limit.

package exports

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/stats"
)

// calibrationRows reads Calibration and finds rows by their first cell.
type calibrationRows struct {
	t    *testing.T
	rows [][]string
}

func readCalibration(t *testing.T, f *excelize.File) calibrationRows {
	rows, err := f.GetRows(SheetCalibration)
	if err != nil {
		t.Fatal(err)
	}
	return calibrationRows{t, rows}
}

// find returns the first row (and its 1-based number) whose A is label.
func (c calibrationRows) find(label string) ([]string, int) {
	c.t.Helper()
	for i, r := range c.rows {
		if len(r) > 0 && r[0] == label {
			return r, i + 1
		}
	}
	c.t.Errorf("Calibration has no row %q", label)
	return nil, 0
}

func (c calibrationRows) has(label string) bool {
	for _, r := range c.rows {
		if len(r) > 0 && r[0] == label {
			return true
		}
	}
	return false
}

func TestWorkbookCalibration(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	// Groups: pooled 1–4 (Sam only: too few), pooled 1–5 (reported), then
	// per competency and scale.
	var names []string
	for _, g := range c.Calibration {
		names = append(names, g.Name+" "+g.Scale)
	}
	if !slices.Equal(names, []string{"All questions 1–4", "All questions 1–5", "Technical depth 1–4", "Technical depth 1–5", "Collaboration 1–5"}) {
		t.Fatalf("fixture groups = %q", names)
	}
	pooled := c.Calibration[1]
	rep := pooled.Report
	if c.Calibration[0].Report != nil || rep == nil || rep.ICC21 == nil || rep.AlphaOrdinal == nil || rep.ICC21CI == nil {
		t.Fatalf("fixture: the pooled 1–5 group must be the first reported one, with ICC(2,1) and alpha: %+v", c.Calibration)
	}
	f, _ := writeAndOpen(t, c)
	cal := readCalibration(t, f)
	if got := cal.rows[0][0]; got != "All questions (1–5 scale): 4 candidates, 2 interviewers" || !isBold(t, f, SheetCalibration, "A1") {
		t.Errorf("title = %q", got)
	}
	if got := cal.rows[1][0]; got != RatingsNote {
		t.Errorf("A2 = %q", got)
	}
	if r, _ := cal.find("Statistic"); r != nil && !slices.Equal(r, statisticHeader) {
		t.Errorf("statistics header = %q", r)
	}
	if r, n := cal.find("ICC(2,1)"); r != nil {
		if v := num(t, f, SheetCalibration, cellName(2, n)); math.Abs(v-*rep.ICC21) > 1e-9 {
			t.Errorf("ICC(2,1) = %v, want %v", v, *rep.ICC21)
		}
		lo, hi := num(t, f, SheetCalibration, cellName(3, n)), num(t, f, SheetCalibration, cellName(4, n))
		if math.Abs(lo-rep.ICC21CI[0]) > 1e-9 || math.Abs(hi-rep.ICC21CI[1]) > 1e-9 {
			t.Errorf("ICC(2,1) CI = [%v, %v], want %v", lo, hi, *rep.ICC21CI)
		}
		if r[4] != rep.Explanations["icc_2_1"] || r[4] != stats.Explain("icc_2_1", *rep.ICC21) {
			t.Errorf("ICC(2,1) sentence = %q", r[4])
		}
	}
	k := strconv.Itoa(rep.K)
	for _, label := range []string{"ICC(1,1)", "ICC(3,1)", "ICC(1," + k + ")", "ICC(2," + k + ")", "ICC(3," + k + ")"} {
		if r, _ := cal.find(label); r != nil && len(r) < 5 {
			t.Errorf("%s row has no sentence: %q", label, r)
		}
	}
	alphas := []struct {
		label string
		value *float64
		field string
	}{
		{"Krippendorff's α (nominal)", rep.AlphaNominal, "alpha_nominal"},
		{"Krippendorff's α (ordinal)", rep.AlphaOrdinal, "alpha_ordinal"},
		{"Krippendorff's α (interval)", rep.AlphaInterval, "alpha_interval"},
		{"Krippendorff's α (ratio)", rep.AlphaRatio, "alpha_ratio"},
	}
	for _, form := range alphas {
		r, n := cal.find(form.label)
		if r == nil {
			continue
		}
		if form.value == nil {
			if len(r) < 5 || r[4] != rep.Explanations[form.field] || !strings.HasPrefix(r[4], "Not computed: ") {
				t.Errorf("%s = %q", form.label, r)
			}
			continue
		}
		if v := num(t, f, SheetCalibration, cellName(2, n)); math.Abs(v-*form.value) > 1e-9 || r[4] != rep.Explanations[form.field] {
			t.Errorf("%s = %q", form.label, r)
		}
	}
	// The statistics in report order, as stats labels them (k filled in).
	_, first := cal.find("Statistic")
	var order []string
	for _, r := range cal.rows[first : first+10] {
		order = append(order, r[0])
	}
	if want := []string{"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1," + k + ")", "ICC(2," + k + ")", "ICC(3," + k + ")",
		alphas[0].label, alphas[1].label, alphas[2].label, alphas[3].label}; !slices.Equal(order, want) {
		t.Errorf("statistics\n got %q\nwant %q", order, want)
	}
	if r, _ := cal.find("Subjects (candidate × question)"); r != nil && r[1] != strconv.Itoa(rep.Subjects) {
		t.Errorf("subjects = %q, want %d", r, rep.Subjects)
	}
	for _, label := range []string{"Raters (interviewers)", "Ratings", "Subjects dropped from the ICC", "Counts", CaveatsTitle, "Errors", "Notes"} {
		cal.find(label)
	}
	if len(rep.Caveats) == 0 {
		t.Error("fixture: the pooled report has no caveats")
	}
	_, caveats := cal.find(CaveatsTitle)
	for i, line := range rep.Caveats {
		if r := cal.rows[caveats+i]; r[0] != line {
			t.Errorf("caveat %d = %q, want %q", i, r, line)
		}
	}
	for _, line := range append(slices.Clone(rep.Notes), rep.Errors...) {
		cal.find(line)
	}
	if r, _ := cal.find("Rater"); r != nil && !slices.Equal(r, leniencyHeader) {
		t.Errorf("leniency header = %q", r)
	}
	if len(rep.Leniency) != 2 {
		t.Fatalf("fixture leniency has %d raters", len(rep.Leniency))
	}
	for _, l := range rep.Leniency {
		if r, _ := cal.find(l.Rater); r != nil && (r[1] != strconv.Itoa(l.N) || r[6] != l.Verdict || r[7] != l.Meaning || l.Meaning == "") {
			t.Errorf("leniency %s = %q, want N %d, %q, %q", l.Rater, r, l.N, l.Verdict, l.Meaning)
		}
	}

	// One row per group, after the report.
	_, head := cal.find("Group")
	if head == 0 {
		t.Fatal("no group table")
	}
	if want := []string{"Group", "Scale", "Candidates", "Items", "Scored by 2+", "Interviewers", "ICC(2,1)", "ICC(2,k)",
		"Krippendorff's α (ordinal)", "Krippendorff's α (interval)", "What it means"}; !slices.Equal(cal.rows[head-1], want) {
		t.Errorf("group header = %q", cal.rows[head-1])
	}
	if _, lenRow := cal.find("Rater"); lenRow > head {
		t.Errorf("the group table (row %d) should follow the report (leniency at row %d)", head, lenRow)
	}
	for i, g := range c.Calibration {
		n := head + 1 + i
		r := cal.rows[n-1]
		if r[0] != g.Name || r[1] != g.Scale || r[2] != strconv.Itoa(g.Candidates) || r[3] != strconv.Itoa(g.Items) ||
			r[4] != strconv.Itoa(g.PairedItems) || r[5] != strconv.Itoa(g.Raters) {
			t.Errorf("group row %d = %q, want %+v", n, r, g)
		}
		if g.Report == nil {
			if r[6] != "" || r[8] != "" || r[10] != g.TooFew || !strings.HasPrefix(g.TooFew, "too few to say") {
				t.Errorf("unreported group row %d = %q", n, r)
			}
			continue
		}
		if v := num(t, f, SheetCalibration, cellName(7, n)); math.Abs(v-*g.Report.ICC21) > 1e-9 {
			t.Errorf("group ICC(2,1) = %v", v)
		}
		if g.Report.ICC2K != nil && math.Abs(num(t, f, SheetCalibration, cellName(8, n))-*g.Report.ICC2K) > 1e-9 {
			t.Errorf("group ICC(2,k) = %q", r[7])
		}
		if math.Abs(num(t, f, SheetCalibration, cellName(9, n))-*g.Report.AlphaOrdinal) > 1e-9 ||
			r[10] != g.Report.Explanations["alpha_ordinal"] || r[10] != stats.Explain("alpha_ordinal", *g.Report.AlphaOrdinal) {
			t.Errorf("group alpha = %q", r[8:])
		}
		if g.Report.AlphaInterval != nil && math.Abs(num(t, f, SheetCalibration, cellName(10, n))-*g.Report.AlphaInterval) > 1e-9 {
			t.Errorf("group interval alpha = %q", r[9])
		}
	}
	// References: https links only, the first one a DOI.
	_, refs := cal.find("References")
	if refs <= head {
		t.Errorf("references (row %d) should come last", refs)
	}
	for i := range cal.rows {
		ok, target, _ := f.GetCellHyperLink(SheetCalibration, cellName(1, i+1))
		if ok && !strings.HasPrefix(target, "https://") {
			t.Errorf("row %d links to %q", i+1, target)
		}
	}
	if ok, target, _ := f.GetCellHyperLink(SheetCalibration, cellName(1, refs+1)); !ok || !strings.HasPrefix(target, "https://doi.org/") {
		t.Errorf("first reference link = %v %q", ok, target)
	}
}

func TestCalibrationWithoutReport(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	for i := range c.Calibration {
		if c.Calibration[i].Report != nil {
			c.Calibration[i].Report, c.Calibration[i].TooFew = nil, "too few to say: 4 answers scored by two or more interviewers (needs at least 10)"
		}
	}
	f, _ := writeAndOpen(t, c)
	cal := readCalibration(t, f)
	if cal.rows[0][0] != NoCalibrationNote || cal.rows[1][0] != RatingsNote {
		t.Errorf("head = %q", cal.rows[:2])
	}
	for _, label := range []string{"Statistic", "ICC(2,1)", "Rater"} {
		if cal.has(label) {
			t.Errorf("no report, yet a %q row", label)
		}
	}
	_, head := cal.find("Group")
	for i, g := range c.Calibration {
		if r := cal.rows[head+i]; r[0] != g.Name || r[10] != g.TooFew {
			t.Errorf("group row = %q", r)
		}
	}

	c.Calibration = nil
	f2, _ := writeAndOpen(t, c)
	cal = readCalibration(t, f2)
	if cal.rows[0][0] != NoRatingsNote || cal.has("Group") || !cal.has("References") {
		t.Errorf("no groups: %q", cal.rows)
	}
}

func TestCalibrationShowsErrors(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	rep := stats.Analyze([]stats.Rating{{Subject: "a", Rater: "Sam", Score: 3}})
	c.Calibration = []CalibrationGroup{{Name: "All questions", Scale: "1–4", Candidates: 1, Items: 1, Raters: 1, Report: &rep}}
	f, _ := writeAndOpen(t, c)
	cal := readCalibration(t, f)
	const noICC = "Not computed: ICC needs at least two interviewers, and only one scored these answers"
	const noAlpha = "Not computed: alpha needs at least one rated answer scored by two or more interviewers"
	var sawICC, sawError, sawCaveat bool
	for _, r := range cal.rows {
		if len(r) >= 5 && r[0] == "ICC(2,1)" && r[4] == noICC && r[1] == "" {
			sawICC = true
		}
		if len(r) > 0 && slices.Contains(rep.Errors, r[0]) {
			sawError = true
		}
		if len(r) > 0 && r[0] == "ICC could not be computed: ICC needs at least two interviewers, and only one scored these answers." {
			sawCaveat = true
		}
	}
	if !sawICC || !sawError || !sawCaveat {
		t.Errorf("uncomputable statistics not explained: %q", cal.rows)
	}
	if r, _ := cal.find("Sam"); len(r) < 8 || r[6] != "too few shared answers" ||
		r[7] != "No answer this interviewer scored was also scored by a colleague, so there is nothing to compare" {
		t.Errorf("leniency row = %q", r)
	}
	_, head := cal.find("Group")
	if r := cal.rows[head]; len(r) < 11 || r[6] != "" || r[10] != noAlpha {
		t.Errorf("group row without alpha = %q", r)
	}
}

// A value whose interval has no lower limit says so beside its sentence,
// in the report's words.
func TestCalibrationUnboundedInterval(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	rep := stats.Analyze(stats.GridRatings([][]float64{{1, 2, -1, 0}, {-2, -1, 1, -1}, {-2, -2, 1, 0}}))
	if rep.ICC2K == nil || rep.ICC2KCI != nil {
		t.Fatalf("data: icc_2_k %v ci %v", rep.ICC2K, rep.ICC2KCI)
	}
	c.Calibration = []CalibrationGroup{{Name: "All questions", Scale: "1–5", Candidates: 3, Items: 3, Raters: 4, Report: &rep}}
	f, _ := writeAndOpen(t, c)
	cal := readCalibration(t, f)
	want := rep.Explanations["icc_2_k"] + "; no lower limit: the rated answers are too few or too inconsistent to bound this value from below"
	if r, _ := cal.find("ICC(2,4)"); len(r) < 5 || r[2] != "" || r[4] != want {
		t.Errorf("ICC(2,4) row = %q, want %q", r, want)
	}
	if r, _ := cal.find("ICC(2,1)"); len(r) < 5 || r[4] != rep.Explanations["icc_2_1"] {
		t.Errorf("ICC(2,1) row = %q", r)
	}
}

package exports

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hirebench/app/stats"
)

// Sheet names, in workbook order.
const (
	SheetSummary     = "Summary"
	SheetWeights     = "Weights"
	SheetScorecards  = "Scorecards"
	SheetCalibration = "Calibration"
	SheetChart       = "Chart"
)

// WeightsNote is written beside the Weights table and as a comment on its
// Weight header.
const WeightsNote = "The committee may change the Weight column; Summary's composite recomputes. Default = the rubric's weight."

var (
	summaryLead        = []string{"Candidate ID", "Name", "Stage", "Composite"}
	summaryTail        = []string{"Strong no", "No", "Yes", "Strong yes", "Disagreements", "Discuss", "Scorecards", "Spread"}
	recommendationKeys = []string{"strong_no", "no", "yes", "strong_yes"}
	weightsHeader      = []string{"Key", "Competency", "Question", "Default weight", "Weight"}
	scorecardsHeader   = []string{"Candidate ID", "Candidate", "Round", "Interviewer", "Key", "Competency", "Question",
		"Score", "Scale", "Level label", "Normalised", "Weight", "Skipped", "Skip reason", "Notes", "Recommendation",
		"Submitted at", "Scorecard SHA-256", "Amended"}
	leniencyHeader = []string{"Rater", "N", "Mean deviation", "Z", "Mean", "SD"}
)

// Columns of Scorecards the formulas refer to (1-based).
const (
	scColID     = 1  // A: Candidate ID
	scColKey    = 5  // E: Key
	scColNorm   = 11 // K: Normalised
	scColWeight = 12 // L: Weight
	wColWeight  = 5  // Weights!E: Weight
)

// Column widths, in Excel's character units.
const (
	minColWidth = 6
	maxColWidth = 60
)

// WriteWorkbook writes the committee workbook for c as .xlsx to w.
//
// It refuses (with an error, writing nothing) a Committee whose formulas
// could not reproduce the app's numbers: duplicate candidate ids, duplicate
// weight keys (also when they differ only in case, since Excel's lookups
// ignore case), weight keys with Excel wildcard characters (* ? ~) or
// longer than 255 characters, and scorecard rows whose key has no Weights row.
func WriteWorkbook(w io.Writer, c Committee) error {
	f, err := newWorkbook(c)
	if err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("exports: writing workbook: %w", err)
	}
	return nil
}

// newWorkbook builds the workbook in memory (the Scorecards rows may spill
// to temporary files, which Close removes).
func newWorkbook(c Committee) (*excelize.File, error) {
	if err := validateCommittee(c); err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			_ = f.Close()
		}
	}()
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return nil, err
	}
	for _, name := range []string{SheetWeights, SheetScorecards, SheetCalibration} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	lay := newLayout(c)
	steps := []func() error{
		func() error { return writeSummary(f, st, &c, lay) },
		func() error { return writeWeights(f, st, &c) },
		func() error { return writeScorecards(f, st, &c, lay, nil) },
		func() error { return writeCalibration(f, st, &c) },
		func() error { return writeChart(f, &c) },
		func() error { return writeProps(f, &c) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("exports: %w", err)
		}
	}
	f.SetActiveSheet(0)
	ok = true
	return f, nil
}

// layout holds the ranges the formulas refer to.
type layout struct {
	lastScoreRow  int // last row of Scorecards data (≥ 2, so ranges stay below the header)
	lastWeightRow int // last row of Weights data (≥ 2)
}

func newLayout(c Committee) layout {
	return layout{lastScoreRow: max(len(c.Scorecards)+1, 2), lastWeightRow: max(len(c.Weights)+1, 2)}
}

// compositeFormula is Summary's composite for the candidate whose id is in
// $A<row>: the weighted mean, over that candidate's Scorecards rows with a
// number in Normalised (skipped answers have none), of Normalised × Weight.
func compositeFormula(row int, lay layout) string {
	n := lay.lastScoreRow
	id := fmt.Sprintf("(Scorecards!$A$2:$A$%d=$A%d)", n, row)
	norm := fmt.Sprintf("Scorecards!$K$2:$K$%d", n)
	weight := fmt.Sprintf("Scorecards!$L$2:$L$%d", n)
	return fmt.Sprintf(`IFERROR(SUMPRODUCT(%s*%s*%s)/SUMPRODUCT(%s*ISNUMBER(%s)*%s),"")`, id, norm, weight, id, norm, weight)
}

// weightFormula is Scorecards' Weight: the Weight the committee set for the
// row's key on the Weights sheet (0 when the key is missing).
func weightFormula(row int, lay layout) string {
	return fmt.Sprintf("IFERROR(VLOOKUP($E%d,Weights!$A$2:$E$%d,%d,FALSE),0)", row, lay.lastWeightRow, wColWeight)
}

func validateCommittee(c Committee) error {
	ids := make(map[int64]bool, len(c.Candidates))
	for _, cand := range c.Candidates {
		if ids[cand.CandidateID] {
			return fmt.Errorf("exports: candidate id %d appears twice in the summary", cand.CandidateID)
		}
		ids[cand.CandidateID] = true
	}
	keys := make(map[string]bool, len(c.Weights))
	folded := make(map[string]string, len(c.Weights))
	for _, w := range c.Weights {
		if keys[w.Key] {
			return fmt.Errorf("exports: weight key %q appears twice", w.Key)
		}
		if other, dup := folded[strings.ToLower(w.Key)]; dup {
			return fmt.Errorf("exports: weight keys %q and %q differ only in case, which Excel's lookup cannot tell apart", other, w.Key)
		}
		if strings.ContainsAny(w.Key, "*?~") {
			return fmt.Errorf("exports: weight key %q contains *, ? or ~, which Excel's lookup reads as wildcards", w.Key)
		}
		if utf16Len(w.Key) > 255 {
			return fmt.Errorf("exports: weight key %.40q… is longer than Excel's lookup allows (255)", w.Key)
		}
		if math.IsNaN(w.Default) || math.IsInf(w.Default, 0) || w.Default < 0 {
			return fmt.Errorf("exports: weight key %q has default weight %v; want a finite number ≥ 0", w.Key, w.Default)
		}
		keys[w.Key] = true
		folded[strings.ToLower(w.Key)] = w.Key
	}
	for i, r := range c.Scorecards {
		if !keys[r.Key] {
			return fmt.Errorf("exports: scorecard row %d (candidate %d) has key %q, which has no Weights row", i+1, r.CandidateID, r.Key)
		}
	}
	return nil
}

// styles holds the workbook's cell styles and their quote-prefixed twins.
type styles struct {
	f                               *excelize.File
	header, num1, num2, num3, edit  int
	note, bold, link, weight, check int
	quotedOf                        map[int]int
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{f: f, quotedOf: map[int]int{}}
	one, two, three := "0.0", "0.00", "0.000"
	thin := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.num1, &excelize.Style{CustomNumFmt: &one}},
		{&st.num2, &excelize.Style{CustomNumFmt: &two}},
		{&st.num3, &excelize.Style{CustomNumFmt: &three}},
		{&st.edit, &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Border: thin,
			Font: &excelize.Font{Bold: true, Color: "7F6000"}}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.bold, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.link, &excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
		{&st.weight, &excelize.Style{NumFmt: 0, Font: &excelize.Font{Color: "7F6000"}}},
		{&st.check, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return nil, errors.New("exports: excelize style sheet not loaded")
	}
	return st, nil
}

// quoted returns a copy of cell style base with quotePrefix set: Excel's own
// record of a leading apostrophe. The cell's value stays exactly the text;
// Excel shows it as text and keeps it text when a person edits the cell.
// excelize has no option for quotePrefix, so the twin is appended to the
// style sheet directly (after every NewStyle call of base, so NewStyle's
// de-duplication, which returns the first match, never hands it out).
func (st *styles) quoted(base int) int {
	if id, ok := st.quotedOf[base]; ok {
		return id
	}
	xfs := st.f.Styles.CellXfs
	if base < 0 || base >= len(xfs.Xf) {
		base = 0
	}
	xf := xfs.Xf[base]
	on := true
	xf.QuotePrefix = &on
	xfs.Xf = append(xfs.Xf, xf)
	xfs.Count = len(xfs.Xf)
	id := len(xfs.Xf) - 1
	st.quotedOf[base] = id
	return id
}

// textStyle is the style for text s in a cell whose style would be base.
func (st *styles) textStyle(s string, base int) int {
	if formulaTrigger(s) {
		return st.quoted(base)
	}
	return base
}

// text is a stream cell holding s as literal text (an inline string, never
// a formula), capped at MaxCellChars.
func (st *styles) text(s string, base int) excelize.Cell {
	return excelize.Cell{StyleID: st.textStyle(s, base), Value: capText(s)}
}

// setText writes s as literal text (a shared string, never a formula).
func (st *styles) setText(sheet, cell, s string, base int) error {
	if err := st.f.SetCellStr(sheet, cell, capText(s)); err != nil {
		return err
	}
	if style := st.textStyle(s, base); style != 0 {
		return st.f.SetCellStyle(sheet, cell, cell, style)
	}
	return nil
}

// setNum writes a number with a style.
func (st *styles) setNum(sheet, cell string, v float64, style int) error {
	if err := st.f.SetCellFloat(sheet, cell, v, -1, 64); err != nil {
		return err
	}
	if style != 0 {
		return st.f.SetCellStyle(sheet, cell, cell, style)
	}
	return nil
}

// widths fits column widths to content: the longest value in runes, capped.
type widths []int

func newWidths(headers []string) widths {
	w := make(widths, len(headers))
	for i, h := range headers {
		w.fit(i, h)
		w[i]++ // bold header
	}
	return w
}

func (w widths) fit(i int, s string) {
	if i >= len(w) || w[i] >= maxColWidth || len(s) <= w[i] {
		return // a string of n bytes has at most n runes
	}
	if n := utf8.RuneCountInString(s); n > w[i] {
		w[i] = n
	}
}

func (w widths) width(i int) float64 {
	return float64(min(max(w[i]+2, minColWidth), maxColWidth))
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// frozenHeader freezes row 1.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}
}

// summaryHeader is Summary's header row.
func summaryHeader(c *Committee) []string {
	h := append([]string{}, summaryLead...)
	for _, comp := range c.Competencies {
		h = append(h, comp.Name)
	}
	return append(h, summaryTail...)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeSummary streams Summary: one row per candidate. Composite is a live
// formula whose cached value is the app's composite.
func writeSummary(f *excelize.File, st *styles, c *Committee, lay layout) error {
	sw, err := f.NewStreamWriter(SheetSummary)
	if err != nil {
		return err
	}
	header := summaryHeader(c)
	ncomp := len(c.Competencies)
	w := newWidths(header)
	w[3] = max(w[3], 9)
	for _, cand := range c.Candidates {
		w.fit(0, strconv.FormatInt(cand.CandidateID, 10))
		w.fit(1, cand.Name)
		w.fit(2, cand.Stage)
	}
	for i := range header {
		if err := sw.SetColWidth(i+1, i+1, w.width(i)); err != nil {
			return err
		}
	}
	panes := excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "C2", ActiveCell: "C2", Pane: "bottomRight"}}}
	if err := sw.SetPanes(&panes); err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = st.text(h, st.header)
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i, cand := range c.Candidates {
		r := i + 2
		row = row[:0]
		var cached any = ""
		if cand.Composite != nil {
			cached = *cand.Composite
		}
		row = append(row,
			excelize.Cell{Value: cand.CandidateID},
			st.text(cand.Name, 0),
			st.text(cand.Stage, 0),
			excelize.Cell{StyleID: st.num1, Formula: compositeFormula(r, lay), Value: cached},
		)
		for _, comp := range c.Competencies {
			if v, ok := cand.CompetencyMeans[comp.ID]; ok {
				row = append(row, excelize.Cell{StyleID: st.num1, Value: v})
			} else {
				row = append(row, excelize.Cell{StyleID: st.num1})
			}
		}
		for _, k := range recommendationKeys {
			row = append(row, excelize.Cell{Value: cand.Recommendations[k]})
		}
		row = append(row,
			excelize.Cell{Value: cand.Disagreements},
			st.text(yesNo(cand.Disagreements > 0), st.check),
			excelize.Cell{Value: cand.Scorecards},
			excelize.Cell{StyleID: st.num1, Value: cand.Spread},
		)
		if err := sw.SetRow(cellName(1, r), row); err != nil {
			return err
		}
	}
	last := len(c.Candidates) + 1
	if err := f.AutoFilter(SheetSummary, "A1:"+cellName(len(header), last), nil); err != nil {
		return err
	}
	if len(c.Candidates) > 0 {
		// One fixed 0–50–100 scale for composite and every competency mean,
		// so a colour means the same score in every column.
		rng := fmt.Sprintf("D2:%s", cellName(4+ncomp, last))
		scale := []excelize.ConditionalFormatOptions{{Type: "3_color_scale", Criteria: "=",
			MinType: "num", MinValue: "0", MinColor: "#F8696B",
			MidType: "num", MidValue: "50", MidColor: "#FFEB84",
			MaxType: "num", MaxValue: "100", MaxColor: "#63BE7B"}}
		if err := f.SetConditionalFormat(SheetSummary, rng, scale); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeWeights writes the editable Weights sheet.
func writeWeights(f *excelize.File, st *styles, c *Committee) error {
	const sheet = SheetWeights
	w := newWidths(weightsHeader)
	for i, h := range weightsHeader {
		if err := st.setText(sheet, cellName(i+1, 1), h, st.header); err != nil {
			return err
		}
	}
	for i, wt := range c.Weights {
		r := i + 2
		for j, s := range []string{wt.Key, wt.Competency, wt.Question} {
			if err := st.setText(sheet, cellName(j+1, r), s, 0); err != nil {
				return err
			}
			w.fit(j, s)
		}
		if err := st.setNum(sheet, cellName(4, r), wt.Default, 0); err != nil {
			return err
		}
		if err := st.setNum(sheet, cellName(5, r), wt.Default, st.edit); err != nil {
			return err
		}
	}
	for i := range weightsHeader {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), w.width(i)); err != nil {
			return err
		}
	}
	last := max(len(c.Weights)+1, 2)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("E2:E%d", last)
	dv.Type, dv.Operator, dv.Formula1 = "decimal", "greaterThanOrEqual", "0"
	dv.SetInput("Committee weight", "Any number ≥ 0 (0 leaves the question out). Summary's composite recomputes.")
	dv.SetError(excelize.DataValidationErrorStyleStop, "Weight", "A weight must be a number ≥ 0.")
	if err := f.AddDataValidation(sheet, dv); err != nil {
		return err
	}
	if err := st.setText(sheet, "G1", "Note", st.header); err != nil {
		return err
	}
	if err := st.setText(sheet, "G2", WeightsNote, st.note); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "G", "G", 48); err != nil {
		return err
	}
	if err := f.AddComment(sheet, excelize.Comment{Author: "hirebench", Cell: "E1", Text: WeightsNote, Width: 300, Height: 80}); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:E%d", len(c.Weights)+1), nil); err != nil {
		return err
	}
	return f.SetPanes(sheet, frozenHeader())
}

// extraColumns adds generated columns to Scorecards; benchmarks only.
type extraColumns struct {
	headers []string
	// fill sets dst (len(headers) values: string, int, float64 or nil)
	// for Scorecards row i (0-based).
	fill func(i int, dst []any)
}

// writeScorecards streams Scorecards, one row per ScoreRow.
func writeScorecards(f *excelize.File, st *styles, c *Committee, lay layout, extra *extraColumns) error {
	sw, err := f.NewStreamWriter(SheetScorecards)
	if err != nil {
		return err
	}
	header := scorecardsHeader
	var extraVals []any
	if extra != nil {
		header = append(append([]string{}, scorecardsHeader...), extra.headers...)
		extraVals = make([]any, len(extra.headers))
	}
	defaults := make(map[string]float64, len(c.Weights))
	for _, wt := range c.Weights {
		defaults[wt.Key] = wt.Default
	}

	// Widths from a first pass over the rows (cheap: no allocation).
	w := newWidths(header)
	for i := range c.Scorecards {
		r := &c.Scorecards[i]
		w.fit(1, r.Candidate)
		w.fit(2, r.Round)
		w.fit(3, r.Interviewer)
		w.fit(4, r.Key)
		w.fit(5, r.Competency)
		w.fit(6, r.Question)
		w.fit(9, r.Label)
		w.fit(13, r.SkipReason)
		w.fit(14, r.Notes)
		w.fit(15, r.Recommendation)
		w.fit(16, r.SubmittedAt)
		w.fit(17, r.Hash)
	}
	w[0] = max(w[0], 8)
	w[8] = max(w[8], 6)
	for i := range header {
		if err := sw.SetColWidth(i+1, i+1, w.width(i)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return err
	}

	// One reusable row of cells; SetRow copies what it needs, so passing
	// pointers into cells avoids boxing a Cell per value.
	cells := make([]excelize.Cell, len(header))
	row := make([]any, len(header))
	for i := range cells {
		row[i] = &cells[i]
	}
	for i, h := range header {
		cells[i] = st.text(h, st.header)
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i := range c.Scorecards {
		r := &c.Scorecards[i]
		n := i + 2
		clear(cells)
		cells[0].Value = r.CandidateID
		cells[1] = st.text(r.Candidate, 0)
		cells[2] = st.text(r.Round, 0)
		cells[3] = st.text(r.Interviewer, 0)
		cells[4] = st.text(r.Key, 0)
		cells[5] = st.text(r.Competency, 0)
		cells[6] = st.text(r.Question, 0)
		if r.Score != nil {
			cells[7].Value = *r.Score
		}
		cells[8] = st.text(fmt.Sprintf("%d–%d", r.ScaleMin, r.ScaleMax), st.check)
		cells[9] = st.text(r.Label, 0)
		cells[10].StyleID = st.num1
		if r.Norm != nil {
			cells[10].Value = *r.Norm
		}
		cells[11] = excelize.Cell{StyleID: st.weight, Formula: weightFormula(n, lay), Value: defaults[r.Key]}
		cells[12] = st.text(yesNoEmpty(r.Skipped), st.check)
		cells[13] = st.text(r.SkipReason, 0)
		cells[14] = st.text(r.Notes, 0)
		cells[15] = st.text(r.Recommendation, 0)
		cells[16] = st.text(r.SubmittedAt, 0)
		cells[17] = st.text(r.Hash, 0)
		cells[18] = st.text(yesNoEmpty(r.Amended), st.check)
		if extra != nil {
			extra.fill(i, extraVals)
			for j, v := range extraVals {
				if s, ok := v.(string); ok {
					cells[len(scorecardsHeader)+j] = st.text(s, 0)
				} else {
					cells[len(scorecardsHeader)+j].Value = v
				}
			}
		}
		if err := sw.SetRow(cellName(1, n), row); err != nil {
			return err
		}
	}
	last := len(c.Scorecards) + 1
	if err := f.AutoFilter(SheetScorecards, "A1:"+cellName(len(header), last), nil); err != nil {
		return err
	}
	return sw.Flush()
}

// yesNoEmpty is "yes" or "": flags in long tables stay readable.
func yesNoEmpty(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// iccForm is one ICC row of Calibration.
type iccForm struct {
	field, label string
	value        *float64
	ci           *[2]float64
}

func iccForms(r *stats.Report) []iccForm {
	k := "k"
	if r.K > 0 {
		k = strconv.Itoa(r.K)
	}
	return []iccForm{
		{"icc_1_1", "ICC(1,1)", r.ICC11, r.ICC11CI},
		{"icc_2_1", "ICC(2,1)", r.ICC21, r.ICC21CI},
		{"icc_3_1", "ICC(3,1)", r.ICC31, r.ICC31CI},
		{"icc_1_k", "ICC(1," + k + ")", r.ICC1K, r.ICC1KCI},
		{"icc_2_k", "ICC(2," + k + ")", r.ICC2K, r.ICC2KCI},
		{"icc_3_k", "ICC(3," + k + ")", r.ICC3K, r.ICC3KCI},
	}
}

func alphaForms(r *stats.Report) []iccForm {
	return []iccForm{
		{"alpha_nominal", "Krippendorff's alpha (nominal)", r.AlphaNominal, nil},
		{"alpha_ordinal", "Krippendorff's alpha (ordinal)", r.AlphaOrdinal, nil},
		{"alpha_interval", "Krippendorff's alpha (interval)", r.AlphaInterval, nil},
		{"alpha_ratio", "Krippendorff's alpha (ratio)", r.AlphaRatio, nil},
	}
}

// missingReason finds the Errors line about field, if any.
func missingReason(r *stats.Report, field string) string {
	for _, e := range r.Errors {
		names, _, ok := strings.Cut(e, ": ")
		if !ok {
			continue
		}
		for n := range strings.SplitSeq(names, ",") {
			n = strings.TrimSpace(n)
			if n == field || (n == "icc" && strings.HasPrefix(field, "icc")) || n == "input" {
				return "not computed: " + e
			}
		}
	}
	return "not computed"
}

// References linked from Calibration (https only, through safeLink).
var calibrationRefs = []struct{ text, url string }{
	{"Shrout & Fleiss (1979), Intraclass correlations: uses in assessing rater reliability", "https://doi.org/10.1037/0033-2909.86.2.420"},
	{"Koo & Li (2016), A guideline of selecting and reporting intraclass correlation coefficients", "https://doi.org/10.1016/j.jcm.2016.02.012"},
	{"Krippendorff (2004), Content Analysis: An Introduction to Its Methodology, 2nd ed.", ""},
}

// writeCalibration writes the reliability statistics for the role.
func writeCalibration(f *excelize.File, st *styles, c *Committee) error {
	const sheet = SheetCalibration
	rep := &c.Stats
	r := 1
	put := func(col int, s string, style int) error { return st.setText(sheet, cellName(col, r), s, style) }
	num := func(col int, v float64, style int) error { return st.setNum(sheet, cellName(col, r), v, style) }
	for i, h := range []string{"Statistic", "Value", "95% CI lower", "95% CI upper", "What it means"} {
		if err := put(i+1, h, st.header); err != nil {
			return err
		}
	}
	for _, form := range append(iccForms(rep), alphaForms(rep)...) {
		r++
		if err := put(1, form.label, 0); err != nil {
			return err
		}
		if form.value == nil {
			if err := put(5, missingReason(rep, form.field), 0); err != nil {
				return err
			}
			continue
		}
		decimals := st.num2
		if strings.HasPrefix(form.field, "alpha") {
			decimals = st.num3 // as Explain prints them
		}
		if err := num(2, *form.value, decimals); err != nil {
			return err
		}
		if form.ci != nil {
			if err := num(3, form.ci[0], st.num2); err != nil {
				return err
			}
			if err := num(4, form.ci[1], st.num2); err != nil {
				return err
			}
		}
		if err := put(5, stats.Explain(form.field, *form.value), 0); err != nil {
			return err
		}
	}
	section := func(title string) error {
		r += 2
		return put(1, title, st.bold)
	}
	if err := section("Counts"); err != nil {
		return err
	}
	for _, kv := range []struct {
		label string
		v     int
	}{
		{"Subjects (candidates)", rep.Subjects},
		{"Raters (interviewers)", rep.Raters},
		{"Ratings", rep.Ratings},
		{"Subjects dropped from the ICC", rep.SubjectsDropped},
		{"Raters per subject in the ICC (k)", rep.K},
	} {
		r++
		if err := put(1, kv.label, 0); err != nil {
			return err
		}
		if err := num(2, float64(kv.v), 0); err != nil {
			return err
		}
	}
	for _, block := range []struct {
		title string
		lines []string
	}{{"Errors", rep.Errors}, {"Notes", rep.Notes}} {
		if err := section(block.title); err != nil {
			return err
		}
		lines := block.lines
		if len(lines) == 0 {
			lines = []string{"(none)"}
		}
		for _, line := range lines {
			r++
			if err := put(1, line, 0); err != nil {
				return err
			}
		}
	}
	if err := section("Interviewer leniency (positive = scores higher than colleagues on the same candidates)"); err != nil {
		return err
	}
	r++
	for i, h := range leniencyHeader {
		if err := put(i+1, h, st.header); err != nil {
			return err
		}
	}
	for _, l := range rep.Leniency {
		r++
		if err := put(1, l.Rater, 0); err != nil {
			return err
		}
		for j, v := range []float64{float64(l.N), l.MeanDeviation, l.Z, l.Mean, l.SD} {
			style := st.num2
			if j == 0 {
				style = 0
			}
			if err := num(j+2, v, style); err != nil {
				return err
			}
		}
	}
	if err := section("References"); err != nil {
		return err
	}
	for _, ref := range calibrationRefs {
		r++
		cell := cellName(1, r)
		if err := put(1, ref.text, 0); err != nil {
			return err
		}
		if link, ok := safeLink(ref.url); ok {
			if err := f.SetCellHyperLink(sheet, cell, link, "External"); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, cell, cell, st.link); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 40, "B": 10, "C": 13, "D": 13, "E": 90} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, frozenHeader())
}

// writeChart adds the Chart sheet: a bar chart of Summary's composites.
func writeChart(f *excelize.File, c *Committee) error {
	n := len(c.Candidates)
	if n == 0 {
		return nil // nothing to plot; the sheet is left out
	}
	if _, err := f.NewSheet(SheetChart); err != nil {
		return err
	}
	last := n + 1
	lo, hi := 0.0, 100.0
	height := uint(min(max(120+22*n, 320), 4000))
	return f.AddChart(SheetChart, "A1", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       "Summary!$D$1",
			Categories: fmt.Sprintf("Summary!$B$2:$B$%d", last),
			Values:     fmt.Sprintf("Summary!$D$2:$D$%d", last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Composite (0–100) per candidate"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 820, Height: height},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
		YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}},
	})
}

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
		Description:    fmt.Sprintf("Role: %s. Exported at %s by hirebench %s. Composite = weighted mean of normalised scores (0–100) over submitted scorecards; edit Weights!E to re-weight.", role, exported, c.AppVersion),
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

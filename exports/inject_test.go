package exports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/stats"
)

// injectionCorpus holds values a spreadsheet would run as formulas (or DDE
// commands) if it read them as typed input.
var injectionCorpus = []string{
	`=HYPERLINK("http://evil","x")`,
	`+1+1`,
	`-2+3`,
	`@SUM(A1)`,
	"\t=1",
	"\r=1",
	`=cmd|' /C calc'!A0`,
}

// injectionCommittee puts a corpus value in every text field, weight keys
// included, with composites computed by hand so the formulas can be checked.
func injectionCommittee() Committee {
	k := injectionCorpus
	n := len(k)
	at := func(i int) string { return k[i%n] }
	c := Committee{RoleID: 3, RoleTitle: at(0), AppVersion: at(1), Stats: stats.Report{
		Subjects: 3, Raters: 2, Ratings: 5,
		Errors:   []string{at(2), at(3)},
		Notes:    []string{at(4), at(5)},
		Leniency: []stats.RaterLeniency{{Rater: at(6), N: 2, MeanDeviation: -1.5, Z: -2}, {Rater: at(0), N: 2, MeanDeviation: 1.5, Z: 2}},
	}}
	for i := range n {
		c.Competencies = append(c.Competencies, CompetencyColumn{ID: fmt.Sprintf("c%d", i), Name: at(i)})
		c.Weights = append(c.Weights, Weight{Key: at(i), CompetencyID: fmt.Sprintf("c%d", i), Competency: at(i + 1), QuestionID: fmt.Sprintf("q%d", i),
			Question: at(i + 2), Default: float64(i + 1)})
	}
	for cand := range n {
		id := int64(100 + cand)
		var sw, swn float64
		for j := range n {
			row := ScoreRow{CandidateID: id, Candidate: at(cand), Round: at(j), Interviewer: at(j + 1), Key: at(j), Competency: at(j + 2),
				Question: at(j + 3), ScaleMin: 1, ScaleMax: 4, Label: at(j + 4), SkipReason: "", Notes: at(j + 5), Recommendation: at(j + 6),
				SubmittedAt: at(j), Hash: at(j + 1), Amended: j%2 == 0}
			if (cand+j)%5 == 0 {
				row.Skipped, row.SkipReason = true, at(j+2)
			} else {
				s := (cand+j)%4 + 1
				norm := float64(s-1) / 3 * 100
				row.Score, row.Norm = ptr(s), ptr(norm)
				sw += float64(j + 1)
				swn += float64(j+1) * norm
			}
			c.Scorecards = append(c.Scorecards, row)
		}
		cs := CandidateSummary{CandidateID: id, Name: at(cand), Stage: at(cand + 3), CompetencyMeans: map[string]float64{"c0": 50},
			Recommendations: map[string]int{"yes": 1}, Scorecards: 2}
		if sw > 0 {
			cs.Composite = ptr(swn / sw)
		}
		c.Candidates = append(c.Candidates, cs)
	}
	return c
}

func TestInjectionCorpusStartsWithTriggers(t *testing.T) {
	for _, s := range injectionCorpus {
		if !formulaTrigger(s) {
			t.Errorf("%q is not a formula trigger", s)
		}
	}
	for _, s := range []string{"", "Ada", " =1", "'=1", "1+1", "\n=1", "a=b"} {
		if formulaTrigger(s) {
			t.Errorf("%q should not count as a formula trigger", s)
		}
	}
}

// formulaCells are the only cells that may hold formulas.
func allowedFormula(sheet, ref string) bool {
	col, row, _ := excelize.SplitCellName(ref)
	return row >= 2 && ((sheet == SheetSummary && col == "D") || (sheet == SheetScorecards && col == "L"))
}

func TestXLSXInjectionIsLiteralText(t *testing.T) {
	c := injectionCommittee()
	f, data := writeAndOpen(t, c)

	// Quote-prefixed styles are in the package.
	if !strings.Contains(zipPart(t, data, "xl/styles.xml"), `quotePrefix="true"`) {
		t.Fatalf("styles.xml has no quotePrefix style")
	}
	if _, err := f.GetStyle(0); err != nil { // loads f.Styles
		t.Fatal(err)
	}
	quoted := func(sheet, ref string) bool {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil || id >= len(f.Styles.CellXfs.Xf) {
			return false
		}
		qp := f.Styles.CellXfs.Xf[id].QuotePrefix
		return qp != nil && *qp
	}

	// Every cell of every sheet: no formula except the two formula
	// columns, and every text starting with a trigger is quote-prefixed.
	seen := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col, v := range row {
				ref := cellName(col+1, r+1)
				formula, err := f.GetCellFormula(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if formula != "" && !allowedFormula(sheet, ref) {
					t.Errorf("%s!%s holds formula %q (value %q)", sheet, ref, formula, v)
				}
				typ, _ := f.GetCellType(sheet, ref)
				isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
				if !isText && formulaTrigger(v) {
					if _, err := strconv.ParseFloat(v, 64); err != nil || formula != "" && !allowedFormula(sheet, ref) {
						t.Errorf("%s!%s = %q: not text, not a number", sheet, ref, v)
					}
				}
				if formula == "" && isText && formulaTrigger(v) {
					seen[v]++
					if !quoted(sheet, ref) {
						t.Errorf("%s!%s = %q is not quote-prefixed", sheet, ref, v)
					}
				}
			}
		}
	}
	for _, s := range injectionCorpus {
		if seen[s] == 0 {
			t.Errorf("corpus value %q never read back exactly", s)
		}
	}

	// Field by field: exact text, no prefix added in the xlsx.
	k := injectionCorpus
	n := len(k)
	at := func(i int) string { return k[i%n] }
	for i, cand := range c.Candidates {
		r := strconv.Itoa(i + 2)
		if got := cell(t, f, SheetSummary, "B"+r); got != cand.Name {
			t.Errorf("Summary!B%s = %q, want %q", r, got, cand.Name)
		}
		if got := cell(t, f, SheetSummary, "C"+r); got != cand.Stage {
			t.Errorf("Summary!C%s = %q, want %q", r, got, cand.Stage)
		}
	}
	for j, comp := range c.Competencies {
		if got := cell(t, f, SheetSummary, cellName(5+j, 1)); got != comp.Name {
			t.Errorf("Summary header %d = %q, want %q", j, got, comp.Name)
		}
	}
	for i, w := range c.Weights {
		for j, want := range []string{w.Key, w.Competency, w.Question} {
			if got := cell(t, f, SheetWeights, cellName(j+1, i+2)); got != want {
				t.Errorf("Weights %s = %q, want %q", cellName(j+1, i+2), got, want)
			}
		}
	}
	textCols := map[int]func(ScoreRow) string{
		2: func(r ScoreRow) string { return r.Candidate }, 3: func(r ScoreRow) string { return r.Round },
		4: func(r ScoreRow) string { return r.Interviewer }, 5: func(r ScoreRow) string { return r.Key },
		6: func(r ScoreRow) string { return r.Competency }, 7: func(r ScoreRow) string { return r.Question },
		10: func(r ScoreRow) string { return r.Label }, 14: func(r ScoreRow) string { return r.SkipReason },
		15: func(r ScoreRow) string { return r.Notes }, 16: func(r ScoreRow) string { return r.Recommendation },
		17: func(r ScoreRow) string { return r.SubmittedAt }, 18: func(r ScoreRow) string { return r.Hash },
	}
	for i, sr := range c.Scorecards {
		for col, get := range textCols {
			ref := cellName(col, i+2)
			if got := cell(t, f, SheetScorecards, ref); got != get(sr) {
				t.Errorf("Scorecards!%s = %q, want %q", ref, got, get(sr))
			}
		}
	}
	rows, _ := f.GetRows(SheetCalibration, excelize.Options{RawCellValue: true})
	var calib []string
	for _, r := range rows {
		if len(r) > 0 {
			calib = append(calib, r[0])
		}
	}
	for _, want := range []string{at(2), at(3), at(4), at(5), at(6), at(0)} {
		if !strings.Contains(strings.Join(calib, "\x00")+"\x00", want+"\x00") {
			t.Errorf("Calibration lacks %q", want)
		}
	}
	// Doc properties are metadata, not cells, but must survive too.
	if p, _ := f.GetDocProps(); p.Title != at(0)+" — committee workbook" {
		t.Errorf("title = %q", p.Title)
	}
	// Cached composites are the hand-computed ones.
	for i, cand := range c.Candidates {
		ref := "D" + strconv.Itoa(i+2)
		if cand.Composite == nil {
			continue
		}
		if got := num(t, f, SheetSummary, ref); math.Abs(got-*cand.Composite) > 1e-9 {
			t.Errorf("%s = %v, want %v", ref, got, *cand.Composite)
		}
	}
}

// checkCSVEscaped parses a CSV written by this package and checks that no
// field could be read as a formula: every text field starting with a
// trigger carries the ' prefix; a leading '-' only on numbers.
func checkCSVEscaped(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for i, rec := range recs {
		for j, field := range rec {
			if field == "" {
				continue
			}
			switch field[0] {
			case '=', '+', '@', '\t', '\r':
				t.Errorf("%s record %d field %d = %q starts with a formula trigger", name, i, j, field)
			case '-':
				if _, err := strconv.ParseFloat(field, 64); err != nil {
					t.Errorf("%s record %d field %d = %q starts with '-' and is not a number", name, i, j, field)
				}
			}
		}
	}
	return recs
}

func TestCSVInjectionIsEscaped(t *testing.T) {
	c := injectionCommittee()
	var sum, sc bytes.Buffer
	if err := WriteSummaryCSV(&sum, c, true); err != nil {
		t.Fatal(err)
	}
	if err := WriteScorecardsCSV(&sc, c, false); err != nil {
		t.Fatal(err)
	}
	srecs := checkCSVEscaped(t, "summary", sum.Bytes())
	crecs := checkCSVEscaped(t, "scorecards", sc.Bytes())
	q := func(s string) string { return "'" + s }

	for i, cand := range c.Candidates {
		rec := srecs[i+1]
		if rec[1] != q(cand.Name) || rec[2] != q(cand.Stage) {
			t.Errorf("summary record %d = %q; want name %q, stage %q", i+1, rec, q(cand.Name), q(cand.Stage))
		}
		if cand.Composite != nil {
			if v, err := strconv.ParseFloat(rec[3], 64); err != nil || v != *cand.Composite {
				t.Errorf("summary composite = %q, want exactly %v", rec[3], *cand.Composite)
			}
		}
	}
	for j, comp := range c.Competencies {
		if srecs[0][4+j] != q(comp.Name) {
			t.Errorf("summary header %d = %q, want %q", 4+j, srecs[0][4+j], q(comp.Name))
		}
	}
	for i, sr := range c.Scorecards {
		rec := crecs[i+1]
		want := map[int]string{1: sr.Candidate, 2: sr.Round, 3: sr.Interviewer, 4: sr.Key, 5: sr.Competency, 6: sr.Question,
			9: sr.Label, 13: sr.SkipReason, 14: sr.Notes, 15: sr.Recommendation, 16: sr.SubmittedAt, 17: sr.Hash}
		for col, w := range want {
			if w != "" {
				w = q(w)
			}
			if rec[col] != w {
				t.Errorf("scorecards record %d field %d = %q, want %q", i+1, col, rec[col], w)
			}
		}
	}
	// The carriage return survives (encoding/csv's Writer would drop it).
	if !bytes.Contains(sum.Bytes(), []byte("\"'\r=1\"")) {
		t.Errorf("summary CSV lost the CR of \"\\r=1\"")
	}
}

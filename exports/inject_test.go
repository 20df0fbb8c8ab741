// Tests formula-injection safety: formulas only in the expected cells, trigger-led
// text kept literal in the workbook, and escaped in the CSV files.

package exports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/scoring"
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

// criteriaCorpus holds keys a criteria-based function (COUNTIF, SUMIF,
// VLOOKUP, MATCH) would read as wildcards or comparisons and so match
// other keys with; the workbook's = comparisons must match them exactly.
var criteriaCorpus = []string{"*", "?", "~*", ">0", "<>", "=", "a*b"}

// offPlanKey is a Scorecards key the plan does not have; under wildcard
// matching "*" would take it in.
const offPlanKey = "**"

// injectionCommittee puts a corpus value in every text field — competency
// ids and question keys included — and criteria-looking keys beside them.
// Its numbers come from package scoring, as the service's do.
func injectionCommittee() Committee {
	k := injectionCorpus
	n := len(k)
	at := func(i int) string { return k[i%n] }
	c := Committee{RoleID: 3, RoleTitle: at(0), AppVersion: at(1), CoverageThreshold: 0.5, WeightsNote: at(4)}
	compIDs := []string{at(0), "*", at(3)}
	var plan []scoring.PlanQuestion
	for i, id := range compIDs {
		c.Competencies = append(c.Competencies, CompetencyWeight{ID: id, Name: at(i + 1), Weight: []float64{2, 1, 1.5}[i]})
	}
	keys := append(append([]string{}, injectionCorpus...), criteriaCorpus...)
	for i, key := range keys {
		comp := c.Competencies[i%len(compIDs)]
		plan = append(plan, scoring.PlanQuestion{Key: key, CompetencyID: comp.ID, Competency: comp.Name, QuestionID: fmt.Sprintf("q%d", i),
			Prompt: at(i + 2), CompetencyWeight: comp.Weight, QuestionWeight: float64(i%4+1) / 2})
	}
	plan = scoring.Effective(plan)
	for _, q := range plan {
		c.Questions = append(c.Questions, QuestionWeight{Key: q.Key, CompetencyID: q.CompetencyID, Competency: q.Competency,
			QuestionID: q.QuestionID, Question: q.Prompt, Weight: q.QuestionWeight, Effective: q.Effective})
	}
	var ranked []scoring.Ranked
	for cand := range 7 {
		id := int64(100 + cand)
		var scores []scoring.Score
		row := func(qi, j int, round string, s int) {
			q := plan[qi]
			r := ScoreRow{CandidateID: id, Candidate: at(cand), Round: round, InterviewerID: int64(j + 1), Interviewer: at(j + 1),
				Key: q.Key, Competency: q.Competency, Question: q.Prompt, ScaleMin: 1, ScaleMax: 4, Label: at(qi + 4),
				Notes: at(qi + 5), Recommendation: at(j + 6), SubmittedAt: at(qi), Hash: at(j), Amended: j == 1,
				AmendedAfterSeeing: j == 1 && cand%2 == 0}
			if s == 0 {
				r.Skipped, r.SkipReason = true, at(qi+j)
			} else {
				norm := scoring.Normalize(s, 1, 4)
				r.Score, r.Label, r.Norm = ptr(s), at(s), ptr(norm)
				scores = append(scores, scoring.Score{Key: q.Key, Interviewer: strconv.Itoa(j + 1), Norm: norm})
			}
			c.Scorecards = append(c.Scorecards, r)
		}
		for qi := range plan {
			for j := range 3 {
				if (cand+qi+j)%3 == 0 || (cand == 6 && qi%4 != 0) {
					continue // not asked; candidate 106 is asked a quarter of the plan
				}
				s := (cand+2*qi+j)%4 + 1
				if (cand*qi+j)%7 == 0 {
					s = 0 // skipped
				}
				row(qi, j, at(j+2), s)
				if j == 0 && qi == 1 {
					row(qi, j, at(j+3), (s+1)%4+1) // asked again in another round
				}
			}
		}
		// A question the plan no longer asks.
		c.Scorecards = append(c.Scorecards, ScoreRow{CandidateID: id, Candidate: at(cand), Round: at(0), InterviewerID: 1,
			Interviewer: at(1), Key: offPlanKey, Competency: at(2), Question: at(3), ScaleMin: 1, ScaleMax: 4, Score: ptr(4),
			Label: at(4), Norm: ptr(100.0), SubmittedAt: at(5), Hash: at(6)})

		comp := scoring.Compose(plan, scores)
		for _, q := range plan {
			a := AnswerRow{CandidateID: id, Candidate: at(cand), Key: q.Key, Competency: q.Competency, Question: q.Prompt}
			if m, ok := comp.Questions[q.Key]; ok {
				a.Interviewers, a.Mean = m.Interviewers, ptr(m.Mean)
			}
			c.Answers = append(c.Answers, a)
		}
		cs := CandidateSummary{CandidateID: id, Name: at(cand), Stage: at(cand + 3), Composite: comp.Value, Coverage: comp.Coverage,
			Complete: comp.Complete(c.CoverageThreshold), Uncertainty: comp.Uncertainty, UncertaintyLabel: at(cand + 1),
			Interviewers: len(comp.Interviewers), CompetencyMeans: map[string]float64{compIDs[0]: 50},
			Recommendations: map[string]int{"yes": 1}, Scorecards: 3}
		c.Candidates = append(c.Candidates, cs)
		ranked = append(ranked, scoring.Ranked{Composite: cs.Composite, Complete: cs.Complete, Name: cs.Name})
	}
	_, rank := scoring.Rank(ranked)
	for i := range c.Candidates {
		c.Candidates[i].Rank = rank[i]
	}
	c.WeightChanges = []WeightChange{{ChangedAt: at(0), Actor: at(1), What: at(2), Old: 1, New: 2, AfterScoring: true, Reason: at(3)}}
	c.Calibration = []CalibrationGroup{
		{Name: at(0), Scale: at(1), Candidates: 7, Items: 60, PairedItems: 30, Raters: 3, Report: &stats.Report{
			Subjects: 60, Raters: 3, Ratings: 90, AlphaOrdinal: ptr(0.5),
			Errors:   []string{at(2), at(3)},
			Notes:    []string{at(4), at(5)},
			Leniency: []stats.RaterLeniency{{Rater: at(6), N: 2, MeanDeviation: -1.5, Z: -2}, {Rater: at(0), N: 2, MeanDeviation: 1.5, Z: 2}},
		}},
		{Name: at(1), Scale: at(2), Candidates: 2, TooFew: at(5)},
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

// formulaColumns lists, per sheet, the only columns that hold formulas and
// their data rows: everything else in the workbook is a value.
//
//	Summary    D E F G (planned) and K L M N (what-if), rows 3…
//	Weights    D F (shares, competency rows) and M O (effective weights, question rows)
//	Questions  F…M, rows 2…
//	Scorecards, Weight history, Calibration: none
func formulaColumns(c *Committee) map[string][]struct{ cols, first, last int } {
	type span = struct{ cols, first, last int }
	out := map[string][]span{}
	cands := len(c.Candidates) + sumFirstRow - 1
	for _, ws := range weightSets {
		for _, col := range []int{ws.rank, ws.composite, ws.coverage, ws.complete} {
			out[SheetSummary] = append(out[SheetSummary], span{col, sumFirstRow, cands})
		}
		out[SheetWeights] = append(out[SheetWeights], span{ws.share, 2, len(c.Competencies) + 1}, span{ws.effective, 2, len(c.Questions) + 1})
	}
	for col := qaInterviewers; col <= qaAnsweredWhatIf; col++ {
		out[SheetQuestions] = append(out[SheetQuestions], span{col, 2, len(c.Answers) + 1})
	}
	return out
}

func formulaExpected(c *Committee, sheet, ref string) bool {
	col, row, _ := excelize.CellNameToCoordinates(ref)
	for _, s := range formulaColumns(c)[sheet] {
		if s.cols == col && row >= s.first && row <= s.last {
			return true
		}
	}
	return false
}

// checkFormulaCells: formulas exactly where formulaColumns says, and every
// text starting with a formula trigger is a string with quotePrefix.
// It returns how often each text value was read back.
func checkFormulaCells(t *testing.T, f *excelize.File, c *Committee) map[string]int {
	t.Helper()
	quoted := func(sheet, ref string) bool {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil || id >= len(f.Styles.CellXfs.Xf) {
			return false
		}
		qp := f.Styles.CellXfs.Xf[id].QuotePrefix
		return qp != nil && *qp
	}
	seen := map[string]int{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col, v := range row {
				ref := cellName(col+1, r+1)
				formula := formulaAt(t, f, sheet, ref)
				if (formula != "") != formulaExpected(c, sheet, ref) {
					t.Errorf("%s!%s: formula %q (value %q); formula expected: %v", sheet, ref, formula, v, formulaExpected(c, sheet, ref))
				}
				typ, _ := f.GetCellType(sheet, ref)
				isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
				if formula == "" && !isText && formulaTrigger(v) {
					if _, err := strconv.ParseFloat(v, 64); err != nil {
						t.Errorf("%s!%s = %q: neither text nor a number", sheet, ref, v)
					}
				}
				if formula == "" && isText {
					seen[v]++
					if formulaTrigger(v) && !quoted(sheet, ref) {
						t.Errorf("%s!%s = %q is not quote-prefixed", sheet, ref, v)
					}
				}
			}
		}
	}
	// And every expected formula cell has one (GetRows stops at the last value).
	for sheet, spans := range formulaColumns(c) {
		for _, s := range spans {
			for r := s.first; r <= s.last; r++ {
				if formulaAt(t, f, sheet, cellName(s.cols, r)) == "" {
					t.Errorf("%s!%s has no formula", sheet, cellName(s.cols, r))
				}
			}
		}
	}
	return seen
}

func TestFormulasOnlyWhereAllowed(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, _ := writeAndOpen(t, c)
	checkFormulaCells(t, f, &c)
}

func TestXLSXInjectionIsLiteralText(t *testing.T) {
	c := injectionCommittee()
	f, data := writeAndOpen(t, c)
	if !strings.Contains(zipPart(t, data, "xl/styles.xml"), `quotePrefix="true"`) {
		t.Fatalf("styles.xml has no quotePrefix style")
	}
	seen := checkFormulaCells(t, f, &c)
	for _, s := range append(append([]string{}, injectionCorpus...), criteriaCorpus...) {
		if seen[s] == 0 {
			t.Errorf("corpus value %q never read back exactly", s)
		}
	}

	// Field by field: exact text, no prefix added in the xlsx.
	at := func(i int) string { return injectionCorpus[i%len(injectionCorpus)] }
	if got := cell(t, f, SheetSummary, "A1"); got != c.WeightsNote {
		t.Errorf("Summary!A1 = %q, want %q", got, c.WeightsNote)
	}
	for i, cand := range c.Candidates {
		r := strconv.Itoa(i + 3)
		for col, want := range map[string]string{"B": cand.Name, "C": cand.Stage, "I": cand.UncertaintyLabel} {
			if got := cell(t, f, SheetSummary, col+r); got != want {
				t.Errorf("Summary!%s%s = %q, want %q", col, r, got, want)
			}
		}
		if cand.Composite != nil {
			if got := num(t, f, SheetSummary, "E"+r); !near(got, *cand.Composite) {
				t.Errorf("Summary!E%s = %v, want %v", r, got, *cand.Composite)
			}
		}
	}
	for j, comp := range c.Competencies {
		if got := cell(t, f, SheetSummary, cellName(sumFirstCompetency+j, 2)); got != comp.Name {
			t.Errorf("Summary header %d = %q, want %q", j, got, comp.Name)
		}
		if got := cell(t, f, SheetWeights, cellName(wCompID, j+2)); got != comp.ID {
			t.Errorf("Weights competency id = %q, want %q", got, comp.ID)
		}
	}
	for i, q := range c.Questions {
		for j, want := range []string{q.Key, q.CompetencyID, q.Competency, q.Question} {
			if got := cell(t, f, SheetWeights, cellName(wKey+j, i+2)); got != want {
				t.Errorf("Weights %s = %q, want %q", cellName(wKey+j, i+2), got, want)
			}
		}
	}
	for i, a := range c.Answers {
		for col, want := range map[int]string{qaCandidate: a.Candidate, qaKey: a.Key, qaCompetency: a.Competency, qaQuestion: a.Question} {
			if got := cell(t, f, SheetQuestions, cellName(col, i+2)); got != want {
				t.Errorf("Questions!%s = %q, want %q", cellName(col, i+2), got, want)
			}
		}
	}
	textCols := map[int]func(ScoreRow) string{
		scCandidate: func(r ScoreRow) string { return r.Candidate }, scRound: func(r ScoreRow) string { return r.Round },
		scInterviewer: func(r ScoreRow) string { return r.Interviewer }, scKey: func(r ScoreRow) string { return r.Key },
		scCompetency: func(r ScoreRow) string { return r.Competency }, scQuestion: func(r ScoreRow) string { return r.Question },
		scLabel: func(r ScoreRow) string { return r.Label }, scSkipReason: func(r ScoreRow) string { return r.SkipReason },
		scNotes: func(r ScoreRow) string { return r.Notes }, scRecommendation: func(r ScoreRow) string { return r.Recommendation },
		scSubmitted: func(r ScoreRow) string { return r.SubmittedAt }, scHash: func(r ScoreRow) string { return r.Hash },
	}
	for i, sr := range c.Scorecards {
		for col, get := range textCols {
			ref := cellName(col, i+2)
			if got := cell(t, f, SheetScorecards, ref); got != get(sr) {
				t.Errorf("Scorecards!%s = %q, want %q", ref, got, get(sr))
			}
		}
	}
	if rows, _ := f.GetRows(SheetWeightHistory, excelize.Options{RawCellValue: true}); len(rows) != 2 ||
		rows[1][0] != at(0) || rows[1][1] != at(1) || rows[1][2] != at(2) || rows[1][6] != at(3) {
		t.Errorf("Weight history = %q", rows)
	}
	rows, _ := f.GetRows(SheetCalibration, excelize.Options{RawCellValue: true})
	var calib []string
	for _, r := range rows {
		calib = append(calib, strings.Join(r, "\x00"))
	}
	all := "\x01" + strings.Join(calib, "\x01") + "\x01"
	for _, want := range []string{at(2), at(3), at(4), at(5), at(6), at(0)} {
		if !strings.Contains(all, "\x01"+want+"\x00") && !strings.Contains(all, "\x01"+want+"\x01") && !strings.Contains(all, "\x00"+want) {
			t.Errorf("Calibration lacks %q", want)
		}
	}
	if !strings.HasPrefix(rows[0][0], at(0)+" ("+at(1)+" scale)") {
		t.Errorf("Calibration title = %q", rows[0][0])
	}
	if p, _ := f.GetDocProps(); p.Title != at(0)+" — committee workbook" {
		t.Errorf("title = %q", p.Title)
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
	q := func(s string) string {
		if formulaTrigger(s) {
			return "'" + s
		}
		return s
	}
	for i, cand := range c.Candidates {
		rec := srecs[i+1]
		if rec[1] != q(cand.Name) || rec[2] != q(cand.Stage) || rec[8] != q(cand.UncertaintyLabel) {
			t.Errorf("summary record %d = %q", i+1, rec)
		}
		if cand.Composite != nil {
			if v, err := strconv.ParseFloat(rec[4], 64); err != nil || v != *cand.Composite {
				t.Errorf("summary composite = %q, want exactly %v", rec[4], *cand.Composite)
			}
		}
	}
	for j, comp := range c.Competencies {
		if got := srecs[0][len(summaryCSVLead)+j]; got != q(comp.Name) {
			t.Errorf("summary header = %q, want %q", got, q(comp.Name))
		}
	}
	for i, sr := range c.Scorecards {
		rec := crecs[i+1]
		want := map[int]string{scCandidate: sr.Candidate, scRound: sr.Round, scInterviewer: sr.Interviewer, scKey: sr.Key,
			scCompetency: sr.Competency, scQuestion: sr.Question, scLabel: sr.Label, scSkipReason: sr.SkipReason, scNotes: sr.Notes,
			scRecommendation: sr.Recommendation, scSubmitted: sr.SubmittedAt, scHash: sr.Hash}
		for col, w := range want {
			if rec[col-1] != q(w) {
				t.Errorf("scorecards record %d field %d = %q, want %q", i+1, col, rec[col-1], q(w))
			}
		}
	}
	// The carriage return survives (encoding/csv's Writer would drop it).
	if !bytes.Contains(sum.Bytes(), []byte("\"'\r=1\"")) {
		t.Errorf("summary CSV lost the CR of \"\\r=1\"")
	}
}

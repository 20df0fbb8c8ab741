// Tests the workbook's Weights, Questions, Scorecards and Weight history sheets.

package exports

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWorkbookWeights(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, data := writeAndOpen(t, c)
	lay := newLayout(&c)
	rows, err := f.GetRows(SheetWeights)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0][:6], competencyHeader) || rows[0][6] != "" || !slices.Equal(rows[0][7:], questionWeightHdr) {
		t.Errorf("Weights header = %q", rows[0])
	}
	if lay.threshold != 5 {
		t.Fatalf("threshold row %d, want 5 (two rows below the 2 competencies)", lay.threshold)
	}
	sheet2 := zipPart(t, data, "xl/worksheets/sheet2.xml")
	for i, comp := range c.Competencies {
		r := i + 2
		rs := strconv.Itoa(r)
		if cell(t, f, SheetWeights, "A"+rs) != comp.ID || cell(t, f, SheetWeights, "B"+rs) != comp.Name {
			t.Errorf("competency row %d = %q", r, rows[r-1])
		}
		if num(t, f, SheetWeights, "C"+rs) != comp.Weight || num(t, f, SheetWeights, "E"+rs) != comp.Weight {
			t.Errorf("competency %s weights = %q, want %v", comp.ID, rows[r-1][2:6], comp.Weight)
		}
		for _, ws := range weightSets {
			ref := cellName(ws.share, r)
			if got := formulaAt(t, f, SheetWeights, ref); got != shareFormula(ws, r, lay) {
				t.Errorf("%s formula = %q", ref, got)
			}
			if !near(num(t, f, SheetWeights, ref), comp.Weight/3) || numFmt(t, f, SheetWeights, ref) != fmtShare || !cachedNumeric(sheet2, ref) {
				t.Errorf("%s share = %v, want %v as 0.0%%", ref, cell(t, f, SheetWeights, ref), comp.Weight/3)
			}
		}
		if fillOf(t, f, SheetWeights, "C"+rs) != "" || fillOf(t, f, SheetWeights, "E"+rs) != "FFF2CC" {
			t.Errorf("row %d: planned fill %q, what-if fill %q", r, fillOf(t, f, SheetWeights, "C"+rs), fillOf(t, f, SheetWeights, "E"+rs))
		}
	}
	if got := formulaAt(t, f, SheetWeights, "D2"); got != "C2/SUM(C$2:C$3)" {
		t.Errorf("D2 = %q", got)
	}
	if got := formulaAt(t, f, SheetWeights, "M2"); got != "IFERROR(SUMPRODUCT(($A$2:$A$3=I2)*$C$2:$C$3)/SUM($C$2:$C$3)*L2/SUMPRODUCT(($I$2:$I$6=I2)*$L$2:$L$6),0)" {
		t.Errorf("M2 = %q", got)
	}
	if got := formulaAt(t, f, SheetWeights, "O4"); got != "IFERROR(SUMPRODUCT(($A$2:$A$3=I4)*$E$2:$E$3)/SUM($E$2:$E$3)*N4/SUMPRODUCT(($I$2:$I$6=I4)*$N$2:$N$6),0)" {
		t.Errorf("O4 = %q", got)
	}
	for i, q := range c.Questions {
		r := i + 2
		rs := strconv.Itoa(r)
		for col, want := range map[string]string{"H": q.Key, "I": q.CompetencyID, "J": q.Competency, "K": q.Question} {
			if got := cell(t, f, SheetWeights, col+rs); got != want {
				t.Errorf("%s%d = %q, want %q", col, r, got, want)
			}
		}
		if num(t, f, SheetWeights, "L"+rs) != q.Weight || num(t, f, SheetWeights, "N"+rs) != q.Weight {
			t.Errorf("question %s weights = %q", q.Key, rows[r-1][11:])
		}
		for _, ws := range weightSets {
			ref := cellName(ws.effective, r)
			if got := formulaAt(t, f, SheetWeights, ref); got != effectiveFormula(ws, r, lay) {
				t.Errorf("%s formula = %q", ref, got)
			}
			if !near(num(t, f, SheetWeights, ref), q.Effective) || numFmt(t, f, SheetWeights, ref) != fmtShare {
				t.Errorf("%s = %q, want %v", ref, cell(t, f, SheetWeights, ref), q.Effective)
			}
		}
		if fillOf(t, f, SheetWeights, "L"+rs) != "" || fillOf(t, f, SheetWeights, "M"+rs) != "" || fillOf(t, f, SheetWeights, "N"+rs) != "FFF2CC" {
			t.Errorf("question row %d fills: L %q M %q N %q", r, fillOf(t, f, SheetWeights, "L"+rs), fillOf(t, f, SheetWeights, "M"+rs), fillOf(t, f, SheetWeights, "N"+rs))
		}
	}
	// Threshold: planned (plain) and what-if (editable), both 0%.
	if cell(t, f, SheetWeights, "A5") != ThresholdLabel || num(t, f, SheetWeights, "C5") != 0.8 || num(t, f, SheetWeights, "E5") != 0.8 {
		t.Errorf("threshold row = %q", rows[4])
	}
	if numFmt(t, f, SheetWeights, "C5") != fmtPercent || numFmt(t, f, SheetWeights, "E5") != fmtPercent ||
		fillOf(t, f, SheetWeights, "C5") != "" || fillOf(t, f, SheetWeights, "E5") != "FFF2CC" {
		t.Errorf("threshold styles: C5 %q/%q, E5 %q/%q", numFmt(t, f, SheetWeights, "C5"), fillOf(t, f, SheetWeights, "C5"),
			numFmt(t, f, SheetWeights, "E5"), fillOf(t, f, SheetWeights, "E5"))
	}
	if cell(t, f, SheetWeights, "A7") != WeightsNote {
		t.Errorf("note A7 = %q", cell(t, f, SheetWeights, "A7"))
	}
	if merged, _ := f.GetMergeCells(SheetWeights); len(merged) != 1 || merged[0].GetStartAxis() != "A7" || merged[0].GetEndAxis() != "F7" {
		t.Errorf("note merge = %v", merged)
	}
	dvs, err := f.GetDataValidations(SheetWeights)
	if err != nil || len(dvs) != 3 {
		t.Fatalf("data validations = %v (%v)", dvs, err)
	}
	bySqref := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
	}
	for _, sq := range []string{"E2:E3", "N2:N6"} {
		dv := bySqref[sq]
		if dv == nil || dv.Type != "decimal" || dv.Operator != "greaterThan" || dv.Formula1 != "0" ||
			!dv.ShowInputMessage || dv.Prompt == nil || *dv.Prompt == "" || !dv.ShowErrorMessage {
			t.Errorf("validation on %s = %+v", sq, dv)
		}
	}
	if dv := bySqref["E5"]; dv == nil || dv.Type != "decimal" || dv.Operator != "between" || dv.Formula1 != "0" || dv.Formula2 != "1" {
		t.Errorf("threshold validation = %+v", dv)
	}
	comments, err := f.GetComments(SheetWeights)
	if err != nil || len(comments) != 2 {
		t.Fatalf("comments = %+v (%v)", comments, err)
	}
	for _, cm := range comments {
		if (cm.Cell != "E1" && cm.Cell != "N1") || !strings.Contains(cm.Text, "what-if columns recompute") {
			t.Errorf("comment %+v", cm)
		}
	}
	if panes, _ := f.GetPanes(SheetWeights); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Weights header not frozen")
	}
}

func TestWorkbookQuestions(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, data := writeAndOpen(t, c)
	lay := newLayout(&c)
	rows, _ := f.GetRows(SheetQuestions)
	if !slices.Equal(rows[0], questionsHeader) || len(rows) != len(c.Answers)+1 {
		t.Fatalf("Questions header %q, %d rows", rows[0], len(rows))
	}
	eff := map[string]float64{}
	for _, q := range c.Questions {
		eff[q.Key] = q.Effective
	}
	for i, a := range c.Answers {
		r := i + 2
		rs := strconv.Itoa(r)
		if num(t, f, SheetQuestions, "A"+rs) != float64(a.CandidateID) || cell(t, f, SheetQuestions, "B"+rs) != a.Candidate ||
			cell(t, f, SheetQuestions, "C"+rs) != a.Key || cell(t, f, SheetQuestions, "D"+rs) != a.Competency || cell(t, f, SheetQuestions, "E"+rs) != a.Question {
			t.Errorf("row %d = %q", r, rows[i+1])
		}
		want := map[int]string{qaInterviewers: interviewersFormula(r, lay), qaMean: meanFormula(r, lay)}
		for _, ws := range weightSets {
			want[ws.weight] = questionWeightFormula(ws, r, lay)
			want[ws.weightedMean] = weightedMeanFormula(ws, r)
			want[ws.answered] = answeredFormula(ws, r)
		}
		for col, fm := range want {
			if got := formulaAt(t, f, SheetQuestions, cellName(col, r)); got != fm {
				t.Errorf("%s = %q, want %q", cellName(col, r), got, fm)
			}
		}
		if num(t, f, SheetQuestions, "F"+rs) != float64(a.Interviewers) {
			t.Errorf("F%d = %q, want %d", r, cell(t, f, SheetQuestions, "F"+rs), a.Interviewers)
		}
		weighted, answered := 0.0, 0.0
		if a.Mean != nil {
			if !near(num(t, f, SheetQuestions, "G"+rs), *a.Mean) {
				t.Errorf("G%d = %q, want %v", r, cell(t, f, SheetQuestions, "G"+rs), *a.Mean)
			}
			weighted, answered = *a.Mean*eff[a.Key], eff[a.Key]
		} else if cell(t, f, SheetQuestions, "G"+rs) != "" {
			t.Errorf("G%d = %q, want empty", r, cell(t, f, SheetQuestions, "G"+rs))
		}
		for col, v := range map[string]float64{"H": eff[a.Key], "I": eff[a.Key], "J": weighted, "K": answered, "L": weighted, "M": answered} {
			if got := num(t, f, SheetQuestions, col+rs); !near(got, v) {
				t.Errorf("%s%d = %v, want %v", col, r, got, v)
			}
		}
	}
	if got := formulaAt(t, f, SheetQuestions, "G2"); got != `IF(F2>0,SUMPRODUCT((Scorecards!$A$2:$A$46=$A2)*(Scorecards!$F$2:$F$46=$C2)*Scorecards!$M$2:$M$46*Scorecards!$L$2:$L$46)/F2,"")` {
		t.Errorf("G2 = %q", got)
	}
	if got := formulaAt(t, f, SheetQuestions, "H2"); got != `SUMPRODUCT((Weights!$H$2:$H$6=$C2)*Weights!$M$2:$M$6)` {
		t.Errorf("H2 = %q", got)
	}
	sheet3 := zipPart(t, data, "xl/worksheets/sheet3.xml")
	if !strings.Contains(sheet3, `t="inlineStr"`) || !regexp.MustCompile(`<autoFilter ref="\$?A\$?1:\$?M\$?26"`).MatchString(sheet3) {
		t.Errorf("Questions not streamed or without autofilter A1:M26")
	}
	if panes, _ := f.GetPanes(SheetQuestions); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Questions header not frozen")
	}
}

func TestWorkbookScorecards(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, data := writeAndOpen(t, c)
	rows, err := f.GetRows(SheetScorecards)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], scorecardsHeader) || len(rows) != 1+len(c.Scorecards) {
		t.Fatalf("Scorecards header %q, %d rows (want %d)", rows[0], len(rows), 1+len(c.Scorecards))
	}
	// Counts as, by hand: Priya answered Grace's t1 and t3 twice.
	scored := map[string]int{}
	for _, r := range c.Scorecards {
		if r.Score != nil {
			scored[strconv.FormatInt(r.CandidateID, 10)+"|"+r.Key+"|"+strconv.FormatInt(r.InterviewerID, 10)]++
		}
	}
	halves, skipped, after := 0, 0, 0
	for i, sr := range c.Scorecards {
		n := i + 2
		r := strconv.Itoa(n)
		for col, want := range map[string]string{"B": sr.Candidate, "C": sr.Round, "E": sr.Interviewer, "F": sr.Key, "G": sr.Competency,
			"H": sr.Question, "J": strconv.Itoa(sr.ScaleMin) + "–" + strconv.Itoa(sr.ScaleMax), "K": sr.Label, "O": sr.SkipReason,
			"P": sr.Notes, "Q": sr.Recommendation, "R": sr.SubmittedAt, "S": sr.Hash} {
			if got := cell(t, f, SheetScorecards, col+r); got != want {
				t.Errorf("%s%d = %q, want %q", col, n, got, want)
			}
		}
		if num(t, f, SheetScorecards, "A"+r) != float64(sr.CandidateID) || num(t, f, SheetScorecards, "D"+r) != float64(sr.InterviewerID) {
			t.Errorf("ids of row %d = %q", n, rows[i+1][:4])
		}
		counts := num(t, f, SheetScorecards, "M"+r)
		if sr.Skipped {
			skipped++
			if cell(t, f, SheetScorecards, "I"+r) != "" || cell(t, f, SheetScorecards, "L"+r) != "" || counts != 0 ||
				cell(t, f, SheetScorecards, "N"+r) != "yes" {
				t.Errorf("skipped row %d = %q", n, rows[i+1])
			}
		} else {
			want := 1 / float64(scored[strconv.FormatInt(sr.CandidateID, 10)+"|"+sr.Key+"|"+strconv.FormatInt(sr.InterviewerID, 10)])
			if counts != want {
				t.Errorf("row %d counts as %v, want %v", n, counts, want)
			}
			if counts == 0.5 {
				halves++
			}
			if num(t, f, SheetScorecards, "I"+r) != float64(*sr.Score) || !near(num(t, f, SheetScorecards, "L"+r), *sr.Norm) {
				t.Errorf("row %d score/normalised = %q", n, rows[i+1][8:12])
			}
		}
		wantAmended := ""
		switch {
		case sr.AmendedAfterSeeing:
			wantAmended = "after seeing others"
			after++
		case sr.Amended:
			wantAmended = "yes"
		}
		if got := cell(t, f, SheetScorecards, "T"+r); got != wantAmended {
			t.Errorf("T%d = %q, want %q", n, got, wantAmended)
		}
	}
	if len(c.Scorecards) != 45 || halves != 4 || skipped != 3 || after != 2 {
		t.Errorf("%d rows (want 45), %d count ½ (want 4), %d skipped (want 3), %d amended after seeing others (want 2)",
			len(c.Scorecards), halves, skipped, after)
	}
	comments, _ := f.GetComments(SheetScorecards)
	if len(comments) != 1 || comments[0].Cell != "M1" || !strings.Contains(comments[0].Text, "1 ÷ their scored answers to it") {
		t.Errorf("Counts as comment = %+v", comments)
	}
	if panes, _ := f.GetPanes(SheetScorecards); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Scorecards header not frozen")
	}
	sheet4 := zipPart(t, data, "xl/worksheets/sheet4.xml")
	if !regexp.MustCompile(`<autoFilter ref="\$?A\$?1:\$?T\$?46"`).MatchString(sheet4) {
		t.Errorf("Scorecards has no autofilter over A1:T46")
	}
	if !strings.Contains(sheet4, `t="inlineStr"`) || strings.Contains(sheet4, "<f>") {
		t.Errorf("Scorecards must be stream-written values without formulas")
	}
}

func TestWorkbookWeightHistory(t *testing.T) {
	c := buildCommittee(t, fixtureCards())
	f, _ := writeAndOpen(t, c)
	rows, _ := f.GetRows(SheetWeightHistory)
	if !slices.Equal(rows[0], weightHistoryHeader) || len(rows) != 3 {
		t.Fatalf("Weight history = %q", rows)
	}
	want := [][]string{
		{"2026-03-01T09:00:00Z", "Rita Recruiter", "competency: Technical depth", "1", "2", "no", "core of the role"},
		{"2026-03-12T17:30:00Z", "Rita Recruiter", "question: Scale it to ten regions", "1", "2", "yes", "the team runs in ten regions"},
	}
	for i, w := range want {
		if !slices.Equal(rows[i+1], w) {
			t.Errorf("row %d = %q, want %q", i+2, rows[i+1], w)
		}
	}
	if typ, _ := f.GetCellType(SheetWeightHistory, "D2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("Old is text, want a number")
	}
	c.WeightChanges = nil
	f2, _ := writeAndOpen(t, c)
	if rows, _ := f2.GetRows(SheetWeightHistory); len(rows) != 2 || rows[1][0] != "(no changes)" {
		t.Errorf("empty history = %q", rows)
	}
}

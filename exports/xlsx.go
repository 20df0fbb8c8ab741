// Builds the committee workbook: sheet and column layout, the formulas shared
// between sheets, and WriteWorkbook itself.

package exports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"hirebench/app/scoring"
)

// Sheet names, in workbook order.
const (
	SheetSummary       = "Summary"
	SheetWeights       = "Weights"
	SheetQuestions     = "Questions"
	SheetScorecards    = "Scorecards"
	SheetWeightHistory = "Weight history"
	SheetCalibration   = "Calibration"
	SheetChart         = "Chart"
)

// Summary columns (1-based). Row 1 holds the note, row 2 the header and
// candidates start on row 3.
const (
	sumID = iota + 1
	sumName
	sumStage
	sumRank
	sumComposite
	sumCoverage
	sumComplete
	sumUncertainty
	sumUncertaintyWords
	sumInterviewers
	sumRankWhatIf
	sumCompositeWhatIf
	sumCoverageWhatIf
	sumCompleteWhatIf
	sumFirstCompetency // then one column per competency, then summaryTail
)

// Summary rows.
const (
	sumNoteRow   = 1
	sumHeaderRow = 2
	sumFirstRow  = 3
)

// Weights columns: the competency table (A–F), a gap (G) and the question
// table (H–O).
const (
	wCompID = iota + 1
	wCompName
	wCompPlanned
	wSharePlanned
	wCompWhatIf
	wShareWhatIf
	wGap
	wKey
	wQCompID
	wQComp
	wQuestion
	wQPlanned
	wEffPlanned
	wQWhatIf
	wEffWhatIf
)

// Questions columns.
const (
	qaID = iota + 1
	qaCandidate
	qaKey
	qaCompetency
	qaQuestion
	qaInterviewers
	qaMean
	qaWeightPlanned
	qaWeightWhatIf
	qaMeanPlanned
	qaAnsweredPlanned
	qaMeanWhatIf
	qaAnsweredWhatIf
)

// Scorecards columns.
const (
	scID = iota + 1
	scCandidate
	scRound
	scInterviewerID
	scInterviewer
	scKey
	scCompetency
	scQuestion
	scScore
	scScale
	scLabel
	scNorm
	scCountsAs
	scSkipped
	scSkipReason
	scNotes
	scRecommendation
	scSubmitted
	scHash
	scAmended
)

// Texts the workbook shows.
const (
	// DefaultSummaryNote is Summary!A1 when Committee.WeightsNote is empty.
	DefaultSummaryNote = "Composite, coverage and rank are formulas over the Weights sheet: the planned weights, and a what-if copy you may edit."
	// WeightsNote is written below the competency table of Weights and as a
	// comment on its what-if headers.
	WeightsNote = "The planned weights were fixed on the interview plan and stay as they were. Edit only the yellow what-if cells " +
		"(What-if weight, What-if question weight, and the what-if coverage needed to rank); Summary's what-if columns recompute."
	// CountsAsNote is the comment on Scorecards' Counts as header.
	CountsAsNote = "Each interviewer counts once per question: 1 ÷ their scored answers to it (0 for a skipped answer)."
	// ThresholdLabel labels the coverage threshold row of Weights.
	ThresholdLabel = "Coverage needed to rank"
)

var (
	summaryLead = []string{"Candidate ID", "Name", "Stage", "Rank (planned)", "Composite (planned)", "Coverage (planned)",
		"Complete (planned)", "Uncertainty", "Uncertainty (words)", "Interviewers", "Rank (what-if)", "Composite (what-if)",
		"Coverage (what-if)", "Complete (what-if)"}
	summaryTail        = []string{"Strong no", "No", "Yes", "Strong yes", "Disagreements", "Discuss", "Scorecards", "Scored after seeing others"}
	recommendationKeys = []string{"strong_no", "no", "yes", "strong_yes"}
	competencyHeader   = []string{"Competency ID", "Competency", "Planned weight", "Planned share", "What-if weight", "What-if share"}
	questionWeightHdr  = []string{"Key", "Competency ID", "Competency", "Question", "Planned question weight", "Planned effective weight",
		"What-if question weight", "What-if effective weight"}
	questionsHeader = []string{"Candidate ID", "Candidate", "Key", "Competency", "Question", "Interviewers", "Mean (0–100)",
		"Planned weight", "What-if weight", "Planned weighted mean", "Planned answered weight", "What-if weighted mean", "What-if answered weight"}
	scorecardsHeader = []string{"Candidate ID", "Candidate", "Round", "Interviewer ID", "Interviewer", "Key", "Competency", "Question",
		"Score", "Scale", "Level label", "Normalised", "Counts as", "Skipped", "Skip reason", "Notes", "Recommendation",
		"Submitted at", "Scorecard SHA-256", "Amended"}
	weightHistoryHeader = []string{"Changed at", "By", "What", "Old", "New", "After scoring began", "Reason"}
)

// WriteWorkbook writes the committee workbook for c as .xlsx to w.
//
// It refuses (with an error, writing nothing) a Committee its formulas
// could not reproduce; see validateCommittee.
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

// newWorkbook builds the workbook in memory (the streamed rows may spill
// to temporary files, which Close removes).
func newWorkbook(c Committee) (*excelize.File, error) {
	if err := validateCommittee(&c); err != nil {
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
	sheets := []string{SheetWeights, SheetQuestions, SheetScorecards, SheetWeightHistory, SheetCalibration}
	if len(c.AIUsage) > 0 {
		sheets = append(sheets, SheetAIUsage)
	}
	if c.Fairness != nil {
		sheets = append(sheets, SheetFairness)
	}
	if c.Validity != nil {
		sheets = append(sheets, SheetValidity)
	}
	for _, name := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	lay := newLayout(&c)
	steps := []func() error{
		func() error { return writeSummary(f, st, &c, lay) },
		func() error { return writeWeights(f, st, &c, lay) },
		func() error { return writeQuestions(f, st, &c, lay) },
		func() error { return writeScorecards(f, st, &c, nil) },
		func() error { return writeWeightHistory(f, st, &c) },
		func() error { return writeCalibration(f, st, &c) },
		func() error {
			if len(c.AIUsage) == 0 {
				return nil
			}
			return writeAIUsage(f, st, &c)
		},
		func() error {
			if c.Fairness == nil {
				return nil
			}
			return writeFairness(f, st, &c)
		},
		func() error {
			if c.Validity == nil {
				return nil
			}
			return writeValidity(f, st, &c)
		},
		func() error { return writeChart(f, &c, lay) },
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

// layout holds the rows the formulas refer to. Every last row is at least
// the first data row, so a range never reaches up into a header.
type layout struct {
	lastComp   int // Weights: last competency row (≥ 2)
	lastQ      int // Weights: last question row (≥ 2)
	threshold  int // Weights: the "Coverage needed to rank" row
	lastAnswer int // Questions: last row (≥ 2)
	lastScore  int // Scorecards: last row (≥ 2)
	lastCand   int // Summary: last candidate row (≥ 3)
}

func newLayout(c *Committee) layout {
	lastComp := max(len(c.Competencies)+1, 2)
	return layout{
		lastComp:   lastComp,
		lastQ:      max(len(c.Questions)+1, 2),
		threshold:  lastComp + 2,
		lastAnswer: max(len(c.Answers)+1, 2),
		lastScore:  max(len(c.Scorecards)+1, 2),
		lastCand:   max(len(c.Candidates)+sumFirstRow-1, sumFirstRow),
	}
}

// weightSet names the columns of one set of weights: planned or what-if.
type weightSet struct {
	compWeight, share, qWeight, effective int // Weights
	threshold                             int // Weights column of the coverage threshold (row layout.threshold)
	weight, weightedMean, answered        int // Questions
	rank, composite, coverage, complete   int // Summary
}

var (
	plannedSet = weightSet{compWeight: wCompPlanned, share: wSharePlanned, qWeight: wQPlanned, effective: wEffPlanned,
		threshold: wCompPlanned, weight: qaWeightPlanned, weightedMean: qaMeanPlanned, answered: qaAnsweredPlanned,
		rank: sumRank, composite: sumComposite, coverage: sumCoverage, complete: sumComplete}
	whatIfSet = weightSet{compWeight: wCompWhatIf, share: wShareWhatIf, qWeight: wQWhatIf, effective: wEffWhatIf,
		threshold: wCompWhatIf, weight: qaWeightWhatIf, weightedMean: qaMeanWhatIf, answered: qaAnsweredWhatIf,
		rank: sumRankWhatIf, composite: sumCompositeWhatIf, coverage: sumCoverageWhatIf, complete: sumCompleteWhatIf}
	weightSets = []weightSet{plannedSet, whatIfSet}
)

// tieTolerance is scoring.TieTolerance as a formula literal ("1E-09").
var tieTolerance = strings.ToUpper(strconv.FormatFloat(scoring.TieTolerance, 'g', -1, 64))

// span is the absolute range of column col, rows first…last, on sheet
// ("" for the formula's own sheet): Sheet!$A$2:$A$9.
func span(sheet string, col, first, last int) string {
	c := colName(col)
	ref := fmt.Sprintf("$%s$%d:$%s$%d", c, first, c, last)
	if sheet == "" {
		return ref
	}
	return quoteSheet(sheet) + "!" + ref
}

// at is cell col,row relative in its row: A7 (or $A7 with fixedCol).
func at(col, row int, fixedCol bool) string {
	if fixedCol {
		return fmt.Sprintf("$%s%d", colName(col), row)
	}
	return cellName(col, row)
}

// quoteSheet quotes a sheet name for a formula when it needs it.
func quoteSheet(name string) string {
	for _, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

// Weights formulas.

// shareFormula: a competency's share of all competency weights of its set,
// e.g. C2/SUM(C$2:C$4).
func shareFormula(ws weightSet, r int, lay layout) string {
	c := colName(ws.compWeight)
	return fmt.Sprintf("%s%d/SUM(%s$2:%s$%d)", c, r, c, c, lay.lastComp)
}

// effectiveFormula: a question's effective weight = its competency's share
// × its share of its competency's question weights, e.g.
// IFERROR(SUMPRODUCT(($A$2:$A$4=I2)*$C$2:$C$4)/SUM($C$2:$C$4)*L2/SUMPRODUCT(($I$2:$I$9=I2)*$L$2:$L$9),0).
func effectiveFormula(ws weightSet, r int, lay layout) string {
	comp := at(wQCompID, r, false)
	cw := span("", ws.compWeight, 2, lay.lastComp)
	return fmt.Sprintf("IFERROR(SUMPRODUCT((%s=%s)*%s)/SUM(%s)*%s/SUMPRODUCT((%s=%s)*%s),0)",
		span("", wCompID, 2, lay.lastComp), comp, cw, cw, at(ws.qWeight, r, false),
		span("", wQCompID, 2, lay.lastQ), comp, span("", ws.qWeight, 2, lay.lastQ))
}

// Questions formulas (row r: one candidate × one plan question).

// scorecardMatch is the Scorecards rows of the candidate in $A r and the key in $C r.
func scorecardMatch(r int, lay layout) string {
	return fmt.Sprintf("(%s=%s)*(%s=%s)", span(SheetScorecards, scID, 2, lay.lastScore), at(qaID, r, true),
		span(SheetScorecards, scKey, 2, lay.lastScore), at(qaKey, r, true))
}

// interviewersFormula counts the interviewers who scored the question:
// the sum of Counts as over the matching Scorecards rows.
func interviewersFormula(r int, lay layout) string {
	return fmt.Sprintf("SUMPRODUCT(%s*%s)", scorecardMatch(r, lay), span(SheetScorecards, scCountsAs, 2, lay.lastScore))
}

// meanFormula is the mean over interviewers of their (mean) normalised score.
func meanFormula(r int, lay layout) string {
	n := at(qaInterviewers, r, false)
	return fmt.Sprintf(`IF(%s>0,SUMPRODUCT(%s*%s*%s)/%s,"")`, n, scorecardMatch(r, lay),
		span(SheetScorecards, scCountsAs, 2, lay.lastScore), span(SheetScorecards, scNorm, 2, lay.lastScore), n)
}

// questionWeightFormula is the key's effective weight from Weights (0 for a
// key the plan does not have).
func questionWeightFormula(ws weightSet, r int, lay layout) string {
	return fmt.Sprintf("SUMPRODUCT((%s=%s)*%s)", span(SheetWeights, wKey, 2, lay.lastQ), at(qaKey, r, true),
		span(SheetWeights, ws.effective, 2, lay.lastQ))
}

// weightedMeanFormula is mean × weight when the question was scored, else 0.
func weightedMeanFormula(ws weightSet, r int) string {
	return fmt.Sprintf("IF(%s>0,%s*%s,0)", at(qaInterviewers, r, false), at(qaMean, r, false), at(ws.weight, r, false))
}

// answeredFormula is the weight when the question was scored, else 0.
func answeredFormula(ws weightSet, r int) string {
	return fmt.Sprintf("IF(%s>0,%s,0)", at(qaInterviewers, r, false), at(ws.weight, r, false))
}

// Summary formulas (row r: one candidate).

func candidateAnswers(r int, lay layout) string {
	return fmt.Sprintf("(%s=%s)", span(SheetQuestions, qaID, 2, lay.lastAnswer), at(sumID, r, true))
}

// coverageFormula: the sum of the answered questions' effective weights.
func coverageFormula(ws weightSet, r int, lay layout) string {
	return fmt.Sprintf("SUMPRODUCT(%s*%s)", candidateAnswers(r, lay), span(SheetQuestions, ws.answered, 2, lay.lastAnswer))
}

// compositeFormula: Σ weight × mean / Σ weight over the answered questions.
func compositeFormula(ws weightSet, r int, lay layout) string {
	cov := at(ws.coverage, r, false)
	return fmt.Sprintf(`IF(%s>0,SUMPRODUCT(%s*%s)/%s,"")`, cov, candidateAnswers(r, lay),
		span(SheetQuestions, ws.weightedMean, 2, lay.lastAnswer), cov)
}

// thresholdRef is the absolute reference to the set's coverage threshold.
func thresholdRef(ws weightSet, lay layout) string {
	return fmt.Sprintf("%s!$%s$%d", quoteSheet(SheetWeights), colName(ws.threshold), lay.threshold)
}

// completeFormula: "yes" when there is a composite and the coverage reaches
// the threshold, both rounded to whole percent (scoring.Composite.Complete).
func completeFormula(ws weightSet, r int, lay layout) string {
	return fmt.Sprintf(`IF(AND(ISNUMBER(%s),ROUND(%s*100,0)>=ROUND(%s*100,0)),"yes","no")`,
		at(ws.composite, r, false), at(ws.coverage, r, false), thresholdRef(ws, lay))
}

// rankFormula: 1 + the complete candidates whose composite is higher by
// more than the tie tolerance (scoring.Rank); "" when incomplete.
func rankFormula(ws weightSet, r int, lay layout) string {
	return fmt.Sprintf(`IF(%s="yes",COUNTIFS(%s,"yes",%s,">"&(%s+%s))+1,"")`, at(ws.complete, r, false),
		span("", ws.complete, sumFirstRow, lay.lastCand), span("", ws.composite, sumFirstRow, lay.lastCand),
		at(ws.composite, r, false), tieTolerance)
}

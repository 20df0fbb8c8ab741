// Writes the workbook's Questions sheet (one row per candidate × plan question,
// with formulas) and its Scorecards sheet (every submitted answer, as values).

package exports

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// writeQuestions streams Questions: one row per candidate × plan question
// (c.Answers). Interviewers and Mean are formulas over Scorecards, the
// weights formulas over Weights (planned and what-if), and the weighted
// mean and answered weight feed Summary. Cached values are the app's.
func writeQuestions(f *excelize.File, st *styles, c *Committee, lay layout) error {
	const sheet = SheetQuestions
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	effective := make(map[string]float64, len(c.Questions))
	for _, q := range c.Questions {
		effective[q.Key] = q.Effective
	}
	w := newWidths(questionsHeader)
	for i := range c.Answers {
		a := &c.Answers[i]
		w.fit(qaCandidate-1, a.Candidate)
		w.fit(qaKey-1, a.Key)
		w.fit(qaCompetency-1, a.Competency)
		w.fit(qaQuestion-1, a.Question)
	}
	if err := w.apply(sw); err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(1, 0)); err != nil {
		return err
	}
	if err := sw.SetRow("A1", st.headerRow(questionsHeader)); err != nil {
		return err
	}
	cells := make([]excelize.Cell, len(questionsHeader))
	row := make([]any, len(cells))
	for i := range cells {
		row[i] = &cells[i]
	}
	for i := range c.Answers {
		a := &c.Answers[i]
		r := i + 2
		clear(cells)
		cells[qaID-1].Value = a.CandidateID
		cells[qaCandidate-1] = st.text(a.Candidate, 0)
		cells[qaKey-1] = st.text(a.Key, 0)
		cells[qaCompetency-1] = st.text(a.Competency, 0)
		cells[qaQuestion-1] = st.text(a.Question, 0)
		cells[qaInterviewers-1] = formula(interviewersFormula(r, lay), a.Interviewers, 0)
		cells[qaMean-1] = formula(meanFormula(r, lay), optional(a.Mean), st.num1)
		eff := effective[a.Key]
		answered := a.Interviewers > 0 && a.Mean != nil
		for _, ws := range weightSets {
			weighted, carried := 0.0, 0.0
			if answered {
				weighted, carried = *a.Mean*eff, eff
			}
			cells[ws.weight-1] = formula(questionWeightFormula(ws, r, lay), eff, st.share)
			cells[ws.weightedMean-1] = formula(weightedMeanFormula(ws, r), weighted, st.num2)
			cells[ws.answered-1] = formula(answeredFormula(ws, r), carried, st.share)
		}
		if err := sw.SetRow(cellName(1, r), row); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(sheet, "A1:"+cellName(len(questionsHeader), len(c.Answers)+1), nil); err != nil {
		return err
	}
	return sw.Flush()
}

// countsAs is each Scorecards row's share of its interviewer on its
// question: 1 ÷ the scored rows with the same candidate, key and
// interviewer (an interviewer who asked a question in two rounds gives
// each answer ½), and 0 for a row without a score.
func countsAs(rows []ScoreRow) []float64 {
	type k struct {
		candidate, interviewer int64
		key                    string
	}
	n := make(map[k]int, len(rows))
	for i := range rows {
		if r := &rows[i]; r.Norm != nil {
			n[k{r.CandidateID, r.InterviewerID, r.Key}]++
		}
	}
	out := make([]float64, len(rows))
	for i := range rows {
		if r := &rows[i]; r.Norm != nil {
			out[i] = 1 / float64(n[k{r.CandidateID, r.InterviewerID, r.Key}])
		}
	}
	return out
}

// amendedText is Scorecards' Amended column: whether the card was amended,
// and whether its author had seen other interviewers' cards first.
func amendedText(r *ScoreRow) string {
	switch {
	case r.SubmittedAfterSeeing && r.AmendedAfterSeeing:
		return "submitted and amended after seeing others"
	case r.SubmittedAfterSeeing && r.Amended:
		return "submitted after seeing others; amended"
	case r.SubmittedAfterSeeing:
		return "submitted after seeing others"
	case r.AmendedAfterSeeing:
		return "after seeing others"
	case r.Amended:
		return "yes"
	}
	return ""
}

func scaleText(r *ScoreRow) string { return fmt.Sprintf("%d–%d", r.ScaleMin, r.ScaleMax) }

// extraColumns adds generated columns to Scorecards; benchmarks only.
type extraColumns struct {
	headers []string
	// fill sets dst (len(headers) values: string, int, float64 or nil)
	// for Scorecards row i (0-based).
	fill func(i int, dst []any)
}

// writeScorecards streams Scorecards, one row per ScoreRow: values only
// (Counts as is computed here, see countsAs).
func writeScorecards(f *excelize.File, st *styles, c *Committee, extra *extraColumns) error {
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
	counts := countsAs(c.Scorecards)

	// Widths from a first pass over the rows (cheap: no allocation).
	w := newWidths(header)
	for i := range c.Scorecards {
		r := &c.Scorecards[i]
		w.fit(scCandidate-1, r.Candidate)
		w.fit(scRound-1, r.Round)
		w.fit(scInterviewer-1, r.Interviewer)
		w.fit(scKey-1, r.Key)
		w.fit(scCompetency-1, r.Competency)
		w.fit(scQuestion-1, r.Question)
		w.fit(scLabel-1, r.Label)
		w.fit(scSkipReason-1, r.SkipReason)
		w.fit(scNotes-1, r.Notes)
		w.fit(scRecommendation-1, r.Recommendation)
		w.fit(scSubmitted-1, r.SubmittedAt)
		w.fit(scHash-1, r.Hash)
		if r.AmendedAfterSeeing || r.SubmittedAfterSeeing {
			w.fit(scAmended-1, amendedText(r))
		}
	}
	w[scID-1] = max(w[scID-1], 8)
	if err := w.apply(sw); err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(1, 0)); err != nil {
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
		clear(cells)
		cells[scID-1].Value = r.CandidateID
		cells[scCandidate-1] = st.text(r.Candidate, 0)
		cells[scRound-1] = st.text(r.Round, 0)
		cells[scInterviewerID-1].Value = r.InterviewerID
		cells[scInterviewer-1] = st.text(r.Interviewer, 0)
		cells[scKey-1] = st.text(r.Key, 0)
		cells[scCompetency-1] = st.text(r.Competency, 0)
		cells[scQuestion-1] = st.text(r.Question, 0)
		if r.Score != nil {
			cells[scScore-1].Value = *r.Score
		}
		cells[scScale-1] = st.text(scaleText(r), st.check)
		cells[scLabel-1] = st.text(r.Label, 0)
		cells[scNorm-1].StyleID = st.num1
		if r.Norm != nil {
			cells[scNorm-1].Value = *r.Norm
		}
		cells[scCountsAs-1].Value = counts[i]
		cells[scSkipped-1] = st.text(yesNoEmpty(r.Skipped), st.check)
		cells[scSkipReason-1] = st.text(r.SkipReason, 0)
		cells[scNotes-1] = st.text(r.Notes, 0)
		cells[scRecommendation-1] = st.text(r.Recommendation, 0)
		cells[scSubmitted-1] = st.text(r.SubmittedAt, 0)
		cells[scHash-1] = st.text(r.Hash, 0)
		cells[scAmended-1] = st.text(amendedText(r), st.check)
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
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(SheetScorecards, "A1:"+cellName(len(header), len(c.Scorecards)+1), nil); err != nil {
		return err
	}
	if err := f.AddComment(SheetScorecards, excelize.Comment{Author: "hirebench", Cell: cellName(scCountsAs, 1), Text: CountsAsNote,
		Width: 260, Height: 70}); err != nil {
		return err
	}
	return sw.Flush()
}

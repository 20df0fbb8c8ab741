// Writes the workbook's Weight history and Calibration sheets: every weight change,
// and the reliability statistics per group with their plain-language meaning.

package exports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"hirebench/app/stats"
)

// RatingsNote says what the Calibration statistics are computed from.
const RatingsNote = "Ratings are raw levels on the rubric's scale, one per interviewer per candidate × question; " +
	"interviewers are told apart by profile, not by name."

var (
	statisticHeader = []string{"Statistic", "Value", "95% CI lower", "95% CI upper", "What it means"}
	leniencyHeader  = []string{"Rater", "N", "Mean deviation", "Z", "Mean", "SD", "Verdict", "What it means"}
	// The group table's statistics, named as stats labels them when k
	// differs from group to group.
	groupStats  = []string{"icc_2_1", "icc_2_k", "alpha_ordinal", "alpha_interval"}
	groupHeader = slices.Concat([]string{"Group", "Scale", "Candidates", "Items", "Scored by 2+", "Interviewers"},
		labels(groupStats), []string{"What it means"})
)

// labels names statistic fields for a column over several groups.
func labels(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = stats.Label(f, 0)
	}
	return out
}

// writeWeightHistory writes every recorded change of a plan weight.
func writeWeightHistory(f *excelize.File, st *styles, c *Committee) error {
	const sheet = SheetWeightHistory
	w := newWidths(weightHistoryHeader)
	for i, h := range weightHistoryHeader {
		if err := st.setText(sheet, cellName(i+1, 1), h, st.header); err != nil {
			return err
		}
	}
	if len(c.WeightChanges) == 0 {
		if err := st.setText(sheet, "A2", "(no changes)", st.note); err != nil {
			return err
		}
	}
	for i, ch := range c.WeightChanges {
		r := i + 2
		texts := map[int]string{1: ch.ChangedAt, 2: ch.Actor, 3: ch.What, 6: yesNo(ch.AfterScoring), 7: ch.Reason}
		for col, s := range texts {
			style := 0
			if col == 6 {
				style = st.check
			}
			if err := st.setText(sheet, cellName(col, r), s, style); err != nil {
				return err
			}
			w.fit(col-1, s)
		}
		if ch.PlanChange {
			continue // the plan's questions changed: What says how; no weights to show
		}
		for col, v := range map[int]float64{4: ch.Old, 5: ch.New} {
			if err := st.setNum(sheet, cellName(col, r), v, 0); err != nil {
				return err
			}
		}
	}
	for i := range weightHistoryHeader {
		if err := f.SetColWidth(sheet, colName(i+1), colName(i+1), w.width(i)); err != nil {
			return err
		}
	}
	if len(c.WeightChanges) > 0 {
		if err := f.AutoFilter(sheet, "A1:"+cellName(len(weightHistoryHeader), len(c.WeightChanges)+1), nil); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, frozen(1, 0))
}

// digits is the number style for a statistic's decimals (stats.Digits: 2 or 3).
func (st *styles) digits(n int) int {
	if n == 3 {
		return st.num3
	}
	return st.num2
}

// explanation is the report's plain sentence for a statistic field, the one
// the app shows: stats.Explain's when the value was computed, else why
// not. The CI entry is added when the value has no lower limit.
func explanation(r *stats.Report, field string) string {
	s := r.Explanations[field]
	if ci := r.Explanations[field+"_ci"]; ci != "" {
		s += "; " + strings.ToLower(ci[:1]) + ci[1:]
	}
	return s
}

// References linked from Calibration (https only, through safeLink).
var calibrationRefs = []struct{ text, url string }{
	{"Shrout & Fleiss (1979), Intraclass correlations: uses in assessing rater reliability", "https://doi.org/10.1037/0033-2909.86.2.420"},
	{"Koo & Li (2016), A guideline of selecting and reporting intraclass correlation coefficients", "https://doi.org/10.1016/j.jcm.2016.02.012"},
	{"Krippendorff (2004), Content Analysis: An Introduction to Its Methodology, 2nd ed.", ""},
}

// calibrationTitle names the group whose report Calibration details.
func calibrationTitle(g *CalibrationGroup) string {
	return fmt.Sprintf("%s (%s scale): %d %s, %d %s", g.Name, g.Scale, g.Candidates, plural(g.Candidates, "candidate", "candidates"),
		g.Raters, plural(g.Raters, "interviewer", "interviewers"))
}

// NoCalibrationNote and NoRatingsNote head Calibration when no group has
// a report.
const (
	NoCalibrationNote = "No reliability report: no group of ratings has enough candidates and answers scored by two or more interviewers (see each group's reason below)."
	NoRatingsNote     = "No reliability report: there are no scored answers yet."
)

// CaveatsTitle heads the report's caveats in plain words (stats.Report.Caveats),
// as the app shows them; the technical Errors and Notes follow.
const CaveatsTitle = "What could not be computed, and caveats"

// calWriter writes Calibration row by row.
type calWriter struct {
	f  *excelize.File
	st *styles
	r  int
}

func (w *calWriter) text(col int, s string, style int) error {
	return w.st.setText(SheetCalibration, cellName(col, w.r), s, style)
}

func (w *calWriter) num(col int, v float64, style int) error {
	return w.st.setNum(SheetCalibration, cellName(col, w.r), v, style)
}

func (w *calWriter) row(vals ...string) error {
	for i, s := range vals {
		if err := w.text(i+1, s, w.st.header); err != nil {
			return err
		}
	}
	return nil
}

func (w *calWriter) section(title string) error {
	w.r += 2
	return w.text(1, title, w.st.bold)
}

// writeCalibration writes the reliability of the role's ratings: the full
// report of the first group that has one (the pooled one), then one row
// per group, then the references.
func writeCalibration(f *excelize.File, st *styles, c *Committee) error {
	w := &calWriter{f: f, st: st, r: 1}
	var first *CalibrationGroup
	for i := range c.Calibration {
		if c.Calibration[i].Report != nil {
			first = &c.Calibration[i]
			break
		}
	}
	title := NoRatingsNote
	switch {
	case first != nil:
		title = calibrationTitle(first)
	case len(c.Calibration) > 0:
		title = NoCalibrationNote
	}
	if err := w.text(1, title, st.bold); err != nil {
		return err
	}
	w.r++
	if err := w.text(1, RatingsNote, 0); err != nil {
		return err
	}
	if first != nil {
		if err := writeReport(w, first.Report); err != nil {
			return err
		}
	}
	if len(c.Calibration) > 0 {
		if err := writeGroups(w, c.Calibration); err != nil {
			return err
		}
	}
	if err := w.section("References"); err != nil {
		return err
	}
	for _, ref := range calibrationRefs {
		w.r++
		cell := cellName(1, w.r)
		if err := w.text(1, ref.text, 0); err != nil {
			return err
		}
		if link, ok := safeLink(ref.url); ok {
			if err := f.SetCellHyperLink(SheetCalibration, cell, link, "External"); err != nil {
				return err
			}
			if err := f.SetCellStyle(SheetCalibration, cell, cell, st.link); err != nil {
				return err
			}
		}
	}
	// "What it means" of the report (E) and of the leniency table (H)
	// overflow into the empty columns to their right; the leniency verdict
	// (G) fits "too few shared answers"; the group table's alpha columns
	// (I, J) fit their labels and its (K) is wide.
	for col, width := range map[string]float64{"A": 40, "B": 10, "C": 13, "D": 13, "E": 13, "F": 13, "G": 22, "H": 10, "I": 27, "J": 28, "K": 90} {
		if err := f.SetColWidth(SheetCalibration, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

// writeReport writes one stats.Report: ICC forms with their intervals and
// sentences, alphas, counts, errors, notes and interviewer leniency.
func writeReport(w *calWriter, rep *stats.Report) error {
	st := w.st
	w.r += 2
	if err := w.row(statisticHeader...); err != nil {
		return err
	}
	for _, s := range rep.Statistics {
		w.r++
		if err := w.text(1, s.Label, 0); err != nil {
			return err
		}
		if err := w.text(5, explanation(rep, s.Field), 0); err != nil {
			return err
		}
		if s.Value == nil {
			continue
		}
		if err := w.num(2, *s.Value, st.digits(s.Digits)); err != nil {
			return err
		}
		if s.CI != nil {
			if err := w.num(3, s.CI[0], st.digits(s.Digits)); err != nil {
				return err
			}
			if err := w.num(4, s.CI[1], st.digits(s.Digits)); err != nil {
				return err
			}
		}
	}
	if err := w.section("Counts"); err != nil {
		return err
	}
	for _, kv := range []struct {
		label string
		v     int
	}{
		{"Subjects (candidate × question)", rep.Subjects},
		{"Raters (interviewers)", rep.Raters},
		{"Ratings", rep.Ratings},
		{"Subjects dropped from the ICC", rep.SubjectsDropped},
		{"Raters per subject in the ICC (k)", rep.K},
	} {
		w.r++
		if err := w.text(1, kv.label, 0); err != nil {
			return err
		}
		if err := w.num(2, float64(kv.v), 0); err != nil {
			return err
		}
	}
	for _, block := range []struct {
		title string
		lines []string
	}{{CaveatsTitle, rep.Caveats}, {"Errors", rep.Errors}, {"Notes", rep.Notes}} {
		if err := w.section(block.title); err != nil {
			return err
		}
		lines := block.lines
		if len(lines) == 0 {
			lines = []string{"(none)"}
		}
		for _, line := range lines {
			w.r++
			if err := w.text(1, line, 0); err != nil {
				return err
			}
		}
	}
	if err := w.section("Interviewer leniency (positive = scores higher than colleagues on the same rated answers)"); err != nil {
		return err
	}
	w.r++
	if err := w.row(leniencyHeader...); err != nil {
		return err
	}
	for _, l := range rep.Leniency {
		w.r++
		if err := w.text(1, l.Rater, 0); err != nil {
			return err
		}
		for j, v := range []float64{float64(l.N), l.MeanDeviation, l.Z, l.Mean, l.SD} {
			style := st.num2
			if j == 0 {
				style = 0
			}
			if err := w.num(j+2, v, style); err != nil {
				return err
			}
		}
		if err := w.text(7, l.Verdict, 0); err != nil {
			return err
		}
		if err := w.text(8, l.Meaning, 0); err != nil {
			return err
		}
	}
	return nil
}

// writeGroups writes one row per calibration group.
func writeGroups(w *calWriter, groups []CalibrationGroup) error {
	st := w.st
	if err := w.section("By group (pooled, then per competency; one scale per group)"); err != nil {
		return err
	}
	w.r++
	if err := w.row(groupHeader...); err != nil {
		return err
	}
	for i := range groups {
		g := &groups[i]
		w.r++
		if err := w.text(1, g.Name, 0); err != nil {
			return err
		}
		if err := w.text(2, g.Scale, st.check); err != nil {
			return err
		}
		for j, v := range []int{g.Candidates, g.Items, g.PairedItems, g.Raters} {
			if err := w.num(3+j, float64(v), 0); err != nil {
				return err
			}
		}
		meaning := g.TooFew
		if rep := g.Report; rep != nil {
			for j, f := range groupStats {
				if i := slices.IndexFunc(rep.Statistics, func(s stats.Statistic) bool { return s.Field == f }); i >= 0 && rep.Statistics[i].Value != nil {
					if err := w.num(7+j, *rep.Statistics[i].Value, st.digits(rep.Statistics[i].Digits)); err != nil {
						return err
					}
				}
			}
			meaning = rep.Explanations["alpha_ordinal"]
		}
		if meaning == "" {
			meaning = "not reported"
		}
		if err := w.text(11, meaning, 0); err != nil {
			return err
		}
	}
	return nil
}

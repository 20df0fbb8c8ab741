// Writes the committee's Summary and Scorecards CSV files: optional byte-order mark,
// CRLF lines, quoting, and text escaped against formula injection.

package exports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// utf8BOM lets Excel recognise a CSV file as UTF-8.
const utf8BOM = "\uFEFF"

// summaryCSVLead is the first columns of the Summary CSV: values only, at
// the planned weights (the workbook's what-if columns have no CSV twin).
var summaryCSVLead = []string{"Candidate ID", "Name", "Stage", "Rank", "Composite", "Coverage", "Complete", "Uncertainty",
	"Uncertainty (words)", "Interviewers"}

// summaryCSVHeader is the Summary CSV's header.
func summaryCSVHeader(c *Committee) []string {
	h := append([]string{}, summaryCSVLead...)
	for _, comp := range c.Competencies {
		h = append(h, comp.Name)
	}
	return append(h, summaryTail...)
}

// WriteSummaryCSV writes one row per candidate with the app's numbers at
// the planned weights: Rank (empty when not ranked), Composite (0–100,
// empty without scores), Coverage (a share from 0 to 1), Complete (yes/no),
// Uncertainty and its words, Interviewers, one mean per competency, the
// recommendation counts, Disagreements, Discuss, Scorecards and Scored
// after seeing others. With bom, the file starts with a UTF-8 byte-order
// mark so Excel reads it as UTF-8.
func WriteSummaryCSV(w io.Writer, c Committee, bom bool) error {
	cw := newCSVWriter(w, bom)
	cw.text(summaryCSVHeader(&c)...)
	cw.end()
	for _, cand := range c.Candidates {
		cw.num(float64(cand.CandidateID))
		cw.text(cand.Name, cand.Stage)
		if cand.Rank > 0 {
			cw.num(float64(cand.Rank))
		} else {
			cw.field("")
		}
		cw.optNum(cand.Composite)
		cw.num(cand.Coverage)
		cw.text(yesNo(cand.Complete))
		cw.optNum(cand.Uncertainty)
		cw.text(cand.UncertaintyLabel)
		cw.num(float64(cand.Interviewers))
		for _, comp := range c.Competencies {
			if v, ok := cand.CompetencyMeans[comp.ID]; ok {
				cw.num(v)
			} else {
				cw.field("")
			}
		}
		for _, k := range recommendationKeys {
			cw.num(float64(cand.Recommendations[k]))
		}
		cw.num(float64(cand.Disagreements))
		cw.text(yesNo(cand.Disagreements > 0))
		cw.num(float64(cand.Scorecards))
		cw.num(float64(cand.ScoredAfterSeeing))
		cw.end()
	}
	return cw.flush()
}

// WriteScorecardsCSV writes the Scorecards sheet's columns as CSV, one row
// per ScoreRow, Counts as included (see countsAs).
func WriteScorecardsCSV(w io.Writer, c Committee, bom bool) error {
	cw := newCSVWriter(w, bom)
	counts := countsAs(c.Scorecards)
	cw.text(scorecardsHeader...)
	cw.end()
	for i := range c.Scorecards {
		r := &c.Scorecards[i]
		cw.num(float64(r.CandidateID))
		cw.text(r.Candidate, r.Round)
		cw.num(float64(r.InterviewerID))
		cw.text(r.Interviewer, r.Key, r.Competency, r.Question)
		if r.Score != nil {
			cw.num(float64(*r.Score))
		} else {
			cw.field("")
		}
		cw.text(scaleText(r), r.Label)
		cw.optNum(r.Norm)
		cw.num(counts[i])
		cw.text(yesNoEmpty(r.Skipped), r.SkipReason, r.Notes, r.Recommendation, r.SubmittedAt, r.Hash, amendedText(r))
		cw.end()
		if cw.err != nil {
			return cw.flush()
		}
	}
	return cw.flush()
}

// csvWriter writes RFC 4180 CSV: comma-separated fields, CRLF after every
// record, a field quoted (with "" for ") when it holds a comma, quote, CR
// or LF or starts with a space or tab. encoding/csv's Writer is not used:
// with UseCRLF it turns LF inside a field into CRLF and drops a lone CR, so
// a note would not read back as it was typed. Field bytes are written
// exactly as given; invalid UTF-8 becomes U+FFFD.
type csvWriter struct {
	w     *bufio.Writer
	first bool // no field yet on this record
	err   error
}

func newCSVWriter(w io.Writer, bom bool) *csvWriter {
	cw := &csvWriter{w: bufio.NewWriterSize(w, 64<<10), first: true}
	if bom {
		_, cw.err = cw.w.WriteString(utf8BOM)
	}
	return cw
}

// text writes text fields with formula-injection escaping (csvText).
func (cw *csvWriter) text(fields ...string) {
	for _, f := range fields {
		cw.field(csvText(strings.ToValidUTF8(f, "\uFFFD")))
	}
}

func (cw *csvWriter) num(v float64) { cw.field(strconv.FormatFloat(v, 'f', -1, 64)) }

func (cw *csvWriter) optNum(v *float64) {
	if v == nil {
		cw.field("")
		return
	}
	cw.num(*v)
}

// field writes one field as it is (quoted when needed).
func (cw *csvWriter) field(f string) {
	if cw.err != nil {
		return
	}
	if !cw.first {
		cw.err = cw.w.WriteByte(',')
	}
	cw.first = false
	if !csvNeedsQuotes(f) {
		_, cw.err = cw.w.WriteString(f)
		return
	}
	_ = cw.w.WriteByte('"')
	for {
		i := strings.IndexByte(f, '"')
		if i < 0 {
			break
		}
		_, _ = cw.w.WriteString(f[:i+1])
		_ = cw.w.WriteByte('"')
		f = f[i+1:]
	}
	_, _ = cw.w.WriteString(f)
	cw.err = cw.w.WriteByte('"')
}

func (cw *csvWriter) end() {
	if cw.err == nil {
		_, cw.err = cw.w.WriteString("\r\n")
	}
	cw.first = true
}

func (cw *csvWriter) flush() error {
	if cw.err != nil {
		return fmt.Errorf("exports: writing CSV: %w", cw.err)
	}
	if err := cw.w.Flush(); err != nil {
		return fmt.Errorf("exports: writing CSV: %w", err)
	}
	return nil
}

func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[0] == '\t' || f == `\.` {
		return true
	}
	return strings.ContainsAny(f, ",\"\r\n")
}

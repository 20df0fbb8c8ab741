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

// WriteSummaryCSV writes Summary's columns as CSV: one row per candidate,
// with values instead of formulas (Composite is the app's composite, empty
// without scores). With bom, the file starts with a UTF-8 byte-order mark
// so Excel reads it as UTF-8.
func WriteSummaryCSV(w io.Writer, c Committee, bom bool) error {
	cw := newCSVWriter(w, bom)
	header := summaryHeader(&c)
	cw.text(header...)
	cw.end()
	for _, cand := range c.Candidates {
		cw.num(float64(cand.CandidateID))
		cw.text(cand.Name, cand.Stage)
		cw.optNum(cand.Composite)
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
		cw.num(cand.Spread)
		cw.end()
	}
	return cw.flush()
}

// WriteScorecardsCSV writes Scorecards' columns as CSV, one row per
// ScoreRow, with values instead of formulas: Weight is the default weight.
func WriteScorecardsCSV(w io.Writer, c Committee, bom bool) error {
	cw := newCSVWriter(w, bom)
	defaults := make(map[string]float64, len(c.Weights))
	for _, wt := range c.Weights {
		defaults[wt.Key] = wt.Default
	}
	cw.text(scorecardsHeader...)
	cw.end()
	for i := range c.Scorecards {
		r := &c.Scorecards[i]
		cw.num(float64(r.CandidateID))
		cw.text(r.Candidate, r.Round, r.Interviewer, r.Key, r.Competency, r.Question)
		if r.Score != nil {
			cw.num(float64(*r.Score))
		} else {
			cw.field("")
		}
		cw.text(fmt.Sprintf("%d–%d", r.ScaleMin, r.ScaleMax), r.Label)
		cw.optNum(r.Norm)
		if d, ok := defaults[r.Key]; ok {
			cw.num(d)
		} else {
			cw.field("")
		}
		cw.text(yesNoEmpty(r.Skipped), r.SkipReason, r.Notes, r.Recommendation, r.SubmittedAt, r.Hash, yesNoEmpty(r.Amended))
		cw.end()
		if cw.err != nil {
			return cw.err
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

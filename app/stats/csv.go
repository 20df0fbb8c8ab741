// Reads a ratings CSV (subject, rater, score) for the stats command, naming the
// line of every problem.

package stats

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// MaxCSVRows is the most data rows ReadCSV accepts.
const MaxCSVRows = 1_000_000

// csvRowLimit is MaxCSVRows; tests lower it to exercise the limit quickly.
var csvRowLimit = MaxCSVRows

// CSVError is a ReadCSV failure. Line is the 1-based line in the file (0
// when the problem is not tied to a line, e.g. an empty file).
type CSVError struct {
	Line int
	Msg  string
}

func (e *CSVError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

func csvErr(line int, format string, a ...any) error {
	return &CSVError{Line: line, Msg: fmt.Sprintf(format, a...)}
}

// ReadCSV reads ratings from CSV with a header naming the columns subject,
// rater and score.
//
//   - Header names are case-insensitive, may be surrounded by spaces, and may
//     come in any order. Other columns (e.g. "date", "notes") are ignored, so
//     exports with extra columns load as they are; a column named twice is an
//     error.
//   - Quoting follows RFC 4180 (encoding/csv); a leading UTF-8 byte-order mark
//     is skipped; blank lines are skipped. Every row must have as many fields
//     as the header.
//   - Subject and rater are trimmed of surrounding spaces and must not be
//     empty; names compare exactly (case-sensitive) afterwards.
//   - Score is a decimal number with a dot ("3.5"); NaN and ±Inf are
//     rejected.
//   - Each (subject, rater) pair may appear once.
//   - At most MaxCSVRows data rows; a header with no rows is an error.
//
// Errors are *CSVError and name the line, e.g.
// `line 7: score "abc" is not a number` or
// `line 9: duplicate rating for subject S3 by rater R1 (first on line 4)`.
func ReadCSV(r io.Reader) ([]Rating, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // checked here, with a clearer message
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, csvErr(0, "missing header: the file is empty; expected a first line of subject,rater,score")
	}
	if err != nil {
		return nil, parseErr(err)
	}
	headerLine, _ := cr.FieldPos(0)
	nFields := len(header)
	col := map[string]int{"subject": -1, "rater": -1, "score": -1}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		prev, known := col[name]
		if !known {
			continue
		}
		if prev >= 0 {
			return nil, csvErr(headerLine, "header names column %q twice (columns %d and %d)", name, prev+1, i+1)
		}
		col[name] = i
	}
	var missing []string
	for _, name := range []string{"subject", "rater", "score"} {
		if col[name] < 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, csvErr(headerLine, "missing header column %s: the first line must name the columns subject,rater,score (found %q)",
			strings.Join(missing, ", "), strings.Join(header, ","))
	}
	si, ri, sc := col["subject"], col["rater"], col["score"]

	type pair struct{ s, r string }
	firstLine := map[pair]int{}
	var out []Rating
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, parseErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(out) >= csvRowLimit {
			return nil, csvErr(line, "too many rows: at most %d ratings are supported", csvRowLimit)
		}
		if len(rec) != nFields {
			return nil, csvErr(line, "has %d fields but the header has %d", len(rec), nFields)
		}
		subject := strings.TrimSpace(rec[si])
		rater := strings.TrimSpace(rec[ri])
		raw := strings.TrimSpace(rec[sc])
		switch {
		case subject == "":
			return nil, csvErr(line, "subject is empty")
		case rater == "":
			return nil, csvErr(line, "rater is empty")
		case raw == "":
			return nil, csvErr(line, "score is empty")
		}
		score, perr := strconv.ParseFloat(raw, 64)
		if perr != nil && !errors.Is(perr, strconv.ErrRange) {
			if strings.Contains(raw, ",") {
				return nil, csvErr(line, "score %q is not a number (use a dot as the decimal separator)", raw)
			}
			return nil, csvErr(line, "score %q is not a number", raw)
		}
		if math.IsNaN(score) || math.IsInf(score, 0) {
			return nil, csvErr(line, "score %q is not a finite number", raw)
		}
		key := pair{subject, rater}
		if first, dup := firstLine[key]; dup {
			return nil, csvErr(line, "duplicate rating for subject %s by rater %s (first on line %d)", subject, rater, first)
		}
		firstLine[key] = line
		out = append(out, Rating{Subject: subject, Rater: rater, Score: score})
	}
	if len(out) == 0 {
		return nil, csvErr(headerLine, "no ratings: the header is not followed by any data rows")
	}
	return out, nil
}

// parseErr rewords encoding/csv syntax errors with the line first.
func parseErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return csvErr(pe.Line, "malformed CSV at column %d: %v", pe.Column, pe.Err)
	}
	return fmt.Errorf("reading CSV: %w", err)
}

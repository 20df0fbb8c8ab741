// Package tidycsv reads the "tidy" CSV files the headless commands take
// (`hirebench stats --in`, `hirebench composite --in`): a header naming the
// columns, then one row per observation. It owns the rules such files share
// and the words for breaking them, so every command refuses a file alike;
// what a row means (duplicates, weights, scales) stays with its package.
//
// The rules:
//
//   - A leading UTF-8 byte-order mark is skipped; quoting follows RFC 4180
//     (encoding/csv); blank lines are skipped.
//   - The first line is the header. Its names are compared case-insensitively
//     and trimmed of surrounding spaces; the required columns may come in any
//     order. Columns that are not required are ignored (exports with extra
//     columns load as they are); a missing required column is an error, and
//     so is any name given to two columns, so that no column is dropped
//     silently (columns with no name at all may repeat).
//   - Every row has as many fields as the header; fields are trimmed of
//     surrounding spaces.
//   - Numbers are decimal with a dot ("3.5"); NaN, ±Inf and numbers larger
//     than MaxMagnitude or, other than 0, smaller than MinMagnitude in size
//     are refused (see Sane).
//   - At most maxRows data rows, and at least one.
//
// Every problem with the file's content is a *LineError naming the 1-based
// line, e.g. `line 7: score "abc" is not a number`. A failure of the reader
// itself is returned wrapped ("reading CSV: …"), not as a LineError.
package tidycsv

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

// LineError is a problem with a file's content. Line is the 1-based line in
// the file, 0 when the problem is not tied to a line (an empty file).
type LineError struct {
	Line int
	Msg  string
}

func (e *LineError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Errorf returns a *LineError at line with a formatted message; callers use
// it for their own row checks so that every error of a file reads alike.
func Errorf(line int, format string, a ...any) error {
	return &LineError{Line: line, Msg: fmt.Sprintf(format, a...)}
}

// Table reads the rows of a file after its header; see Open.
type Table struct {
	cr         *csv.Reader
	col        map[string]int // required column → index in the header
	nFields    int
	headerLine int
	maxRows    int
	rows       int
}

// Open reads the header of r and checks that it names every column of
// required (lower-case names) exactly once. maxRows is the most data rows
// Next will return before refusing the file.
func Open(r io.Reader, required []string, maxRows int) (*Table, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // checked in Next, with a clearer message
	cr.ReuseRecord = true
	expected := strings.Join(required, ",")

	header, err := cr.Read()
	if err == io.EOF {
		return nil, Errorf(0, "the file is empty; expected a first line naming the columns %s", expected)
	}
	if err != nil {
		return nil, readErr(err)
	}
	headerLine, _ := cr.FieldPos(0)
	col := make(map[string]int, len(required))
	for _, name := range required {
		col[name] = -1
	}
	seen := make(map[string]int, len(header))
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if prev, dup := seen[name]; dup && name != "" {
			return nil, Errorf(headerLine, "the header names the column %q twice (columns %d and %d)", clip(name, 60), prev+1, i+1)
		}
		seen[name] = i
		if _, known := col[name]; known {
			col[name] = i
		}
	}
	var missing []string
	for _, name := range required {
		if col[name] < 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		what := "the column"
		if len(missing) > 1 {
			what = "the columns"
		}
		return nil, Errorf(headerLine, "the header lacks %s %s; the first line must name the columns %s (found %q)",
			what, strings.Join(missing, ", "), expected, clip(strings.Join(header, ","), 200))
	}
	return &Table{cr: cr, col: col, nFields: len(header), headerLine: headerLine, maxRows: maxRows}, nil
}

// HeaderLine is the line of the header (after any blank lines).
func (t *Table) HeaderLine() int { return t.headerLine }

// Next returns the next data row, or io.EOF after the last one. A file whose
// header is followed by no rows is an error, not io.EOF. The Row is valid
// until the next call.
func (t *Table) Next() (Row, error) {
	rec, err := t.cr.Read()
	if err == io.EOF {
		if t.rows == 0 {
			return Row{}, Errorf(t.headerLine, "no data rows after the header")
		}
		return Row{}, io.EOF
	}
	if err != nil {
		return Row{}, readErr(err)
	}
	line, _ := t.cr.FieldPos(0)
	if t.rows >= t.maxRows {
		return Row{}, Errorf(line, "too many rows: at most %d data rows are supported", t.maxRows)
	}
	t.rows++
	if len(rec) != t.nFields {
		return Row{}, Errorf(line, "has %d fields but the header has %d", len(rec), t.nFields)
	}
	return Row{Line: line, rec: rec, col: t.col}, nil
}

// Row is one data row. Line is its 1-based line in the file (where the row
// starts, for a quoted field spanning lines).
type Row struct {
	Line int
	rec  []string
	col  map[string]int
}

// Text is the field of a required column, trimmed of surrounding spaces.
// Naming a column that was not required is a programming error and panics.
func (r Row) Text(name string) string {
	i, ok := r.col[name]
	if !ok {
		panic(fmt.Sprintf("tidycsv: column %q was not required", name))
	}
	return strings.TrimSpace(r.rec[i])
}

// NonEmpty refuses the row if any of the named fields is empty, naming the
// first: "line 3: subject is empty".
func (r Row) NonEmpty(names ...string) error {
	for _, name := range names {
		if r.Text(name) == "" {
			return Errorf(r.Line, "%s is empty", name)
		}
	}
	return nil
}

// Number is the field of a required column as a decimal number that Sane
// accepts. An empty field, text, NaN, ±Inf and numbers out of Sane's range
// are refused with the line; a comma gets the hint to use a dot.
func (r Row) Number(name string) (float64, error) {
	raw := r.Text(name)
	if raw == "" {
		return 0, Errorf(r.Line, "%s is empty", name)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if strings.ContainsAny(raw, "xX_") { // ParseFloat also reads hex (0x1p3) and digit separators
		err = strconv.ErrSyntax
	}
	if mantissa, _, _ := strings.Cut(strings.ToLower(raw), "e"); err == nil && v == 0 && strings.ContainsAny(mantissa, "123456789") {
		err = strconv.ErrRange // 1e-400 rounds to 0 without an error
	}
	if errors.Is(err, strconv.ErrRange) { // 1e400 reads as ±Inf, 1e-400 as 0
		if math.IsInf(v, 0) {
			v = MaxMagnitude * 2
		} else {
			v = MinMagnitude / 2
		}
		return 0, Errorf(r.Line, "%s %q %s", name, raw, outOfRange(v))
	}
	if err != nil {
		if strings.Contains(raw, ",") {
			return 0, Errorf(r.Line, "%s %q is not a number (use a dot as the decimal separator)", name, raw)
		}
		return 0, Errorf(r.Line, "%s %q is not a number", name, raw)
	}
	if why := outOfRange(v); why != "" {
		return 0, Errorf(r.Line, "%s %q %s", name, raw, why)
	}
	return v, nil
}

// The range of numbers Sane accepts. Scores, scales and weights are small
// numbers; beyond these bounds the sums of squares behind the statistics
// and composites overflow to infinity or underflow to zero, and the
// sentences about them (e.g. "no variance between subjects") would be false.
const (
	MaxMagnitude = 1e9
	MinMagnitude = 1e-9
)

// Sane reports whether v is a number the statistics and composites can be
// trusted with: finite, and 0 or between MinMagnitude and MaxMagnitude in
// size (either sign).
func Sane(v float64) bool { return outOfRange(v) == "" }

// outOfRange says why v is not Sane, "" when it is.
func outOfRange(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "is not a finite number"
	case a > MaxMagnitude:
		return fmt.Sprintf("is too large: numbers up to %g in size are supported", MaxMagnitude)
	case a != 0 && a < MinMagnitude:
		return fmt.Sprintf("is too small: numbers other than 0 must be at least %g in size", MinMagnitude)
	}
	return ""
}

// readErr turns an encoding/csv syntax error into a LineError; any other
// failure is the reader's and is wrapped as it is.
func readErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Errorf(pe.Line, "malformed CSV at column %d: %v", pe.Column, pe.Err)
	}
	return fmt.Errorf("reading CSV: %w", err)
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Reads a ratings CSV (subject, rater, score) for the stats command, naming the
// line of every problem.

package stats

import (
	"io"

	"hirebench/app/tidycsv"
)

// MaxCSVRows is the most data rows ReadCSV accepts.
const MaxCSVRows = 1_000_000

// csvRowLimit is MaxCSVRows; tests lower it to exercise the limit quickly.
var csvRowLimit = MaxCSVRows

// CSVError is a ReadCSV failure. Line is the 1-based line in the file (0
// when the problem is not tied to a line, e.g. an empty file).
type CSVError = tidycsv.LineError

// csvColumns are the columns ReadCSV reads.
var csvColumns = []string{"subject", "rater", "score"}

// ReadCSV reads ratings from CSV with a header naming the columns subject,
// rater and score. The file follows the rules of package tidycsv: BOM
// skipped, header names case-insensitive and in any order, other columns
// ignored (but no name given to two columns), RFC 4180 quoting, blank lines
// skipped, as many fields per row as in the header, fields trimmed, at most
// MaxCSVRows rows and at least one.
// Then:
//
//   - Subject and rater must not be empty; names compare exactly
//     (case-sensitive).
//   - Score is a decimal number with a dot ("3.5") that tidycsv.Sane
//     accepts: NaN, ±Inf and numbers over 1e9 or, other than 0, under 1e-9
//     in size are rejected (beyond them the statistics overflow).
//   - Each (subject, rater) pair may appear once.
//
// Errors are *CSVError and name the line, e.g.
// `line 7: score "abc" is not a number` or
// `line 9: duplicate rating for subject S3 by rater R1 (first on line 4)`.
func ReadCSV(r io.Reader) ([]Rating, error) {
	t, err := tidycsv.Open(r, csvColumns, csvRowLimit)
	if err != nil {
		return nil, err
	}
	type pair struct{ s, r string }
	firstLine := map[pair]int{}
	var out []Rating
	for {
		row, err := t.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if err := row.NonEmpty("subject", "rater"); err != nil {
			return nil, err
		}
		score, err := row.Number("score")
		if err != nil {
			return nil, err
		}
		subject, rater := row.Text("subject"), row.Text("rater")
		key := pair{subject, rater}
		if first, dup := firstLine[key]; dup {
			return nil, tidycsv.Errorf(row.Line, "duplicate rating for subject %s by rater %s (first on line %d)", subject, rater, first)
		}
		firstLine[key] = row.Line
		out = append(out, Rating{Subject: subject, Rater: rater, Score: score})
	}
}

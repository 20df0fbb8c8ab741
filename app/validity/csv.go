// Reads a score–outcome CSV for `hirebench validity --in`, naming the line of
// every problem.

package validity

import (
	"io"

	"hirebench/app/tidycsv"
)

// MaxCSVRows is the most data rows ReadCSV accepts (one row a person).
const MaxCSVRows = 1_000_000

// csvRowLimit is MaxCSVRows; tests lower it to exercise the limit quickly.
var csvRowLimit = MaxCSVRows

var csvColumns = []string{"score", "outcome"}

// ReadCSV reads one row per person with a header naming the columns score
// and outcome, following the rules of package tidycsv (BOM skipped, header
// names case-insensitive and in any order, other columns ignored, RFC 4180
// quoting, blank lines skipped, fields trimmed, numbers with a dot that
// tidycsv.Sane accepts, at most MaxCSVRows rows and at least one). Errors
// are *tidycsv.LineError naming the line, e.g. `line 4: outcome "n/a" is
// not a number`.
func ReadCSV(r io.Reader) (score, outcome []float64, err error) {
	t, err := tidycsv.Open(r, csvColumns, csvRowLimit)
	if err != nil {
		return nil, nil, err
	}
	for {
		row, err := t.Next()
		if err == io.EOF {
			return score, outcome, nil
		}
		if err != nil {
			return nil, nil, err
		}
		s, err := row.Number("score")
		if err != nil {
			return nil, nil, err
		}
		o, err := row.Number("outcome")
		if err != nil {
			return nil, nil, err
		}
		score, outcome = append(score, s), append(outcome, o)
	}
}

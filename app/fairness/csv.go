// Reads a selections CSV (group, selected) for `hirebench fairness --in`,
// naming the line of every problem.

package fairness

import (
	"io"

	"hirebench/app/tidycsv"
)

// MaxCSVRows is the most data rows ReadCSV accepts (one row a person).
const MaxCSVRows = 1_000_000

// csvRowLimit is MaxCSVRows; tests lower it to exercise the limit quickly.
var csvRowLimit = MaxCSVRows

var csvColumns = []string{"group", "selected"}

// ReadCSV reads one row per person with a header naming the columns group
// and selected, following the rules of package tidycsv (BOM skipped, header
// names case-insensitive and in any order, other columns ignored, RFC 4180
// quoting, blank lines skipped, fields trimmed, at most MaxCSVRows rows and
// at least one). Then:
//
//   - group must not be empty; names compare exactly (case-sensitive);
//   - selected is 0 (not selected) or 1 (selected), nothing else.
//
// It returns the groups in the order they first appear. Errors are
// *tidycsv.LineError naming the line, e.g. `line 4: selected "yes" must be
// 0 or 1`.
func ReadCSV(r io.Reader) ([]Group, error) {
	t, err := tidycsv.Open(r, csvColumns, csvRowLimit)
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	var groups []Group
	for {
		row, err := t.Next()
		if err == io.EOF {
			return groups, nil
		}
		if err != nil {
			return nil, err
		}
		if err := row.NonEmpty("group", "selected"); err != nil {
			return nil, err
		}
		sel := 0
		switch v := row.Text("selected"); v {
		case "0":
		case "1":
			sel = 1
		default:
			return nil, tidycsv.Errorf(row.Line, "selected %q must be 0 or 1", clip(v, 40))
		}
		name := row.Text("group")
		i, ok := index[name]
		if !ok {
			i = len(groups)
			index[name] = i
			groups = append(groups, Group{Name: name})
		}
		groups[i].N++
		groups[i].Selected += sel
	}
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

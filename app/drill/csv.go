package drill

import (
	"io"
	"math"

	"hirebench/app/tidycsv"
)

// csvRowLimit: a rubric holds far fewer samples (rubric.MaxSamples per question).
const csvRowLimit = 10000

// ReadCSV reads the levels of a drill run outside the window (`hirebench
// practice score --levels FILE`): a header sample_id,level, one row per
// sample, levels whole numbers. A sample given twice is refused with its
// line. Whether the ids and levels fit the rubric is Check's.
func ReadCSV(r io.Reader) (map[string]int, error) {
	t, err := tidycsv.Open(r, []string{"sample_id", "level"}, csvRowLimit)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	first := map[string]int{}
	for {
		row, err := t.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if err := row.NonEmpty("sample_id"); err != nil {
			return nil, err
		}
		id := row.Text("sample_id")
		lv, err := row.Number("level")
		if err != nil {
			return nil, err
		}
		if lv != math.Trunc(lv) || math.Abs(lv) > 1000 {
			return nil, tidycsv.Errorf(row.Line, "level %q is not a whole level of the scale", row.Text("level"))
		}
		if at, dup := first[id]; dup {
			return nil, tidycsv.Errorf(row.Line, "sample %q is given twice (first on line %d)", id, at)
		}
		first[id] = row.Line
		out[id] = int(lv)
	}
}

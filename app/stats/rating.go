// Ratings (subject, rater, score) and the sparse subjects × raters matrix the
// statistics are computed from.

package stats

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"

	"hirebench/app/tidycsv"
)

// Rating is one score given by one rater to one subject.
type Rating struct {
	Subject string  `json:"subject"`
	Rater   string  `json:"rater"`
	Score   float64 `json:"score"`
}

// ErrInvalidInput is wrapped by every error about malformed ratings
// (duplicate subject/rater pairs, scores that tidycsv.Sane refuses).
var ErrInvalidInput = errors.New("invalid ratings")

// insaneWords says why a score is refused: beyond this range the sums of
// squares overflow or underflow and every statistic (and its sentence)
// would be wrong.
var insaneWords = fmt.Sprintf("is not a number between %g and %g in size (or 0)", tidycsv.MinMagnitude, tidycsv.MaxMagnitude)

// Matrix is a subjects × raters table built from ratings. Cells with no rating
// are missing. Subjects and Raters are listed in order of first appearance in
// the input, so the layout follows what the user wrote. Storage is sparse
// (one entry per rating), so many subjects each seen by a few of many raters
// cost memory in proportion to the ratings, not to subjects × raters.
type Matrix struct {
	Subjects []string
	Raters   []string
	cells    [][]cell // per subject, ascending rater index
}

type cell struct {
	rater int
	score float64
}

// NewMatrix builds the subjects × raters table. It rejects a second rating of
// the same subject by the same rater (names compare exactly, case-sensitively)
// and scores that are NaN, ±Inf or out of tidycsv.Sane's range: each would
// silently bias or break every statistic.
func NewMatrix(ratings []Rating) (*Matrix, error) {
	m := &Matrix{}
	subj := map[string]int{}
	rat := map[string]int{}
	type key struct{ i, j int }
	seen := make(map[key]int, len(ratings))
	for idx, r := range ratings {
		if !tidycsv.Sane(r.Score) {
			return nil, fmt.Errorf("%w: score %g for subject %s by rater %s %s", ErrInvalidInput, r.Score, r.Subject, r.Rater, insaneWords)
		}
		i, ok := subj[r.Subject]
		if !ok {
			i = len(m.Subjects)
			subj[r.Subject] = i
			m.Subjects = append(m.Subjects, r.Subject)
			m.cells = append(m.cells, nil)
		}
		j, ok := rat[r.Rater]
		if !ok {
			j = len(m.Raters)
			rat[r.Rater] = j
			m.Raters = append(m.Raters, r.Rater)
		}
		if first, dup := seen[key{i, j}]; dup {
			return nil, fmt.Errorf("%w: duplicate rating for subject %s by rater %s (ratings #%d and #%d)", ErrInvalidInput, r.Subject, r.Rater, first+1, idx+1)
		}
		seen[key{i, j}] = idx
		m.cells[i] = append(m.cells[i], cell{j, r.Score})
	}
	for _, row := range m.cells {
		sort.Slice(row, func(a, b int) bool { return row[a].rater < row[b].rater })
	}
	return m, nil
}

// At returns the score of subject i by rater j and whether that cell is
// present.
func (m *Matrix) At(i, j int) (float64, bool) {
	row := m.cells[i]
	x := sort.Search(len(row), func(a int) bool { return row[a].rater >= j })
	if x < len(row) && row[x].rater == j {
		return row[x].score, true
	}
	return 0, false
}

// Rows returns the full table, one row per subject and one column per rater,
// with NaN in missing cells (the convention ICCRows accepts). It allocates
// subjects × raters numbers.
func (m *Matrix) Rows() [][]float64 {
	rows := make([][]float64, len(m.cells))
	for i, cs := range m.cells {
		rows[i] = make([]float64, len(m.Raters))
		for j := range rows[i] {
			rows[i][j] = math.NaN()
		}
		for _, c := range cs {
			rows[i][c.rater] = c.score
		}
	}
	return rows
}

// CompleteRows returns the rows (in rater column order) of the subjects
// rated by every rater, and how many subjects were left out because at least
// one rating was missing.
func (m *Matrix) CompleteRows() (rows [][]float64, dropped int) {
	k := len(m.Raters)
	for _, cs := range m.cells {
		if len(cs) != k {
			dropped++
			continue
		}
		row := make([]float64, k)
		for _, c := range cs {
			row[c.rater] = c.score
		}
		rows = append(rows, row)
	}
	return rows, dropped
}

// Units returns, for each subject, the scores it received (missing cells left
// out): the "units" of Krippendorff's alpha.
func (m *Matrix) Units() [][]float64 {
	units := make([][]float64, len(m.cells))
	for i, cs := range m.cells {
		units[i] = make([]float64, len(cs))
		for x, c := range cs {
			units[i][x] = c.score
		}
	}
	return units
}

// GridRatings turns a subjects × raters grid into ratings, naming subjects
// S1, S2, … and raters R1, R2, … by position. NaN cells are missing and
// produce no rating. It is a convenience for tests and examples.
func GridRatings(grid [][]float64) []Rating {
	var out []Rating
	for i, row := range grid {
		for j, v := range row {
			if math.IsNaN(v) {
				continue
			}
			out = append(out, Rating{Subject: "S" + strconv.Itoa(i+1), Rater: "R" + strconv.Itoa(j+1), Score: v})
		}
	}
	return out
}

// completeRows keeps the rows without NaN.
func completeRows(rows [][]float64) (kept [][]float64, dropped int) {
	for _, row := range rows {
		ok := true
		for _, v := range row {
			if math.IsNaN(v) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, row)
		} else {
			dropped++
		}
	}
	return kept, dropped
}

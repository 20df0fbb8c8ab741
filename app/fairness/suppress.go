// The one rule for small cells in exports: no number that leaves the app
// (workbook, CSV) describes fewer than MinCell people.

package fairness

import (
	"fmt"
	"slices"
)

// MinCell is the fewest people a count in an export may describe.
const MinCell = 5

// Suppressed reports whether a cell of count people is too small to export.
// Zero counts too: in a table where only groups with a few selected were
// hidden, a shown "0 selected" would point at the hidden groups.
func Suppressed(count int) bool { return count < MinCell }

// Exportable reports whether a group may be exported with its numbers: both
// of its cells, selected and not selected, hold at least MinCell people.
// Otherwise a reader who knows who was selected (a role's one hire) could
// tell which group they belong to.
func Exportable(g Group) bool { return !Suppressed(g.Selected) && !Suppressed(g.N-g.Selected) }

// Export is a Report fit for files that leave the app.
type Export struct {
	Report
	// Hidden lists, in the order given, the groups exported by name only,
	// as "fewer than 5 people in a cell".
	Hidden []string `json:"hidden"`
}

// ForExport analyses only the exportable groups, so that no number shown
// (a ratio against the highest group, a p-value against the rest, a total)
// is computed from a hidden group. When exactly one group would be hidden,
// the smallest exportable group is hidden too, so that subtracting the
// shown groups from a stage's total published elsewhere reveals neither.
func ForExport(groups []Group) (Export, error) {
	if err := Check(groups); err != nil {
		return Export{}, err
	}
	hide := make([]bool, len(groups))
	hidden, smallest := 0, -1
	for i, g := range groups {
		switch {
		case !Exportable(g):
			hide[i] = true
			hidden++
		case smallest < 0 || g.N < groups[smallest].N:
			smallest = i
		}
	}
	if hidden == 1 && smallest >= 0 {
		hide[smallest] = true
	}
	var shown []Group
	out := Export{Hidden: []string{}}
	for i, g := range groups {
		if hide[i] {
			out.Hidden = append(out.Hidden, g.Name)
		} else {
			shown = append(shown, g)
		}
	}
	if len(shown) == 0 {
		out.Report = Report{Groups: []Row{}, Highest: []string{}, MinN: MinGroup,
			Notes: []string{fmt.Sprintf("Every group has fewer than %d people selected or not selected: nothing can be exported.", MinCell)}}
		return out, nil
	}
	rep, err := Analyze(shown)
	if err != nil {
		return Export{}, err
	}
	if len(out.Hidden) > 0 {
		rep.Notes = slices.Insert(rep.Notes, 0, fmt.Sprintf(
			"%d groups are not shown because a count would describe fewer than %d people; the comparison is among the groups shown.", len(out.Hidden), MinCell))
	}
	out.Report = rep
	return out, nil
}

// ForExportMeans keeps the groups whose mean describes at least MinCell
// people and compares them among themselves; the others are named in
// hidden.
func ForExportMeans(samples []Sample) (rows []MeanRow, hidden []string, err error) {
	var shown []Sample
	hidden = []string{}
	for _, s := range samples {
		if Suppressed(s.N) {
			hidden = append(hidden, s.Group)
		} else {
			shown = append(shown, s)
		}
	}
	rows, err = CompareMeans(shown)
	if rows == nil && err == nil {
		rows = []MeanRow{}
	}
	return rows, hidden, err
}

// Package fairness computes adverse-impact statistics for a selection
// decision (a stage transition, a resume screen): per group the selection
// rate, its impact ratio against the group with the highest rate, the
// four-fifths flag, a two-sided Fisher exact test against everyone else and
// "too few to judge"; the mean difference between groups with a Welch
// interval; and the one rule for suppressing small cells in exports. It is
// pure: no I/O apart from ReadCSV, no storage, no personal data (groups are
// aggregate labels and counts). docs/FAIRNESS.md defines every number with
// a worked example that the tests type in.
package fairness

import (
	"errors"
	"fmt"
	"math"
)

const (
	// MinGroup is the smallest group whose four-fifths verdict is shown;
	// smaller groups are "too few to judge". At the pass rates hiring stages
	// have (a quarter to a half), one person more or less moves a group of
	// fewer than 20 by 0.1 to 0.2 in impact ratio — as much as the whole
	// gap between parity (1) and the four-fifths line (0.8) — so its flag
	// would describe one person, not the process (docs/FAIRNESS.md).
	MinGroup = 20

	// Alpha is the level below which a Fisher p-value is worded as
	// "unlikely to be chance".
	Alpha = 0.05

	// MaxPeople bounds the people in one analysis, so that the exact
	// integer comparisons below cannot overflow and Fisher's test stays fast.
	MaxPeople = 10_000_000
)

// Group is one group's count of people who reached a decision and how many
// of them were selected (passed it).
type Group struct {
	Name     string `json:"group"`
	N        int    `json:"n"`
	Selected int    `json:"selected"`
}

// Row is one group's line of a Report.
type Row struct {
	Group    string  `json:"group"`
	N        int     `json:"n"`
	Selected int     `json:"selected"`
	Rate     float64 `json:"rate"` // Selected / N
	// ImpactRatio is Rate over the highest group's rate; nil when nobody
	// at all was selected.
	ImpactRatio *float64 `json:"impact_ratio"`
	// FourFifths is the four-fifths flag: ImpactRatio < 0.8, decided in
	// exact integer arithmetic (48/100 against 60/100 is exactly 0.8, not
	// flagged). It is arithmetic, not a finding, when TooFew is set.
	FourFifths bool `json:"four_fifths_flag"`
	// FisherP is the two-sided Fisher exact p-value of this group against
	// everyone else; nil when there is no one else.
	FisherP *float64 `json:"fisher_p"`
	TooFew  bool     `json:"too_few"` // N < MinGroup
	Verdict string   `json:"verdict"` // the row in words
}

// Report is Analyze's result.
type Report struct {
	Groups   []Row `json:"groups"`
	N        int   `json:"n"`
	Selected int   `json:"selected"`
	// Highest names the group(s) with the highest rate, the ratios'
	// reference (empty when nobody was selected).
	Highest []string `json:"highest"`
	MinN    int      `json:"min_n"`
	Notes   []string `json:"notes"`
}

// Check refuses groups that cannot be analysed: no groups, an empty or
// repeated name, n < 1, selected outside 0..n, more than MaxPeople.
func Check(groups []Group) error {
	if len(groups) == 0 {
		return errors.New("no groups to compare")
	}
	seen := make(map[string]bool, len(groups))
	total := 0
	for _, g := range groups {
		switch {
		case g.Name == "":
			return errors.New("a group has no name")
		case seen[g.Name]:
			return fmt.Errorf("group %q is listed twice", g.Name)
		case g.N < 1:
			return fmt.Errorf("group %q has no people", g.Name)
		case g.Selected < 0 || g.Selected > g.N:
			return fmt.Errorf("group %q: selected %d is not between 0 and %d", g.Name, g.Selected, g.N)
		case g.N > MaxPeople-total:
			return fmt.Errorf("more than %d people: too many to compare", MaxPeople)
		}
		seen[g.Name] = true
		total += g.N
	}
	return nil
}

// Analyze compares the groups' selection rates, in the order given.
func Analyze(groups []Group) (Report, error) {
	if err := Check(groups); err != nil {
		return Report{}, err
	}
	rep := Report{Groups: make([]Row, len(groups)), MinN: MinGroup, Highest: []string{}, Notes: []string{}}
	top := -1 // index of a group with the highest rate
	for i, g := range groups {
		rep.N += g.N
		rep.Selected += g.Selected
		if top < 0 || higher(g, groups[top]) {
			top = i
		}
	}
	for i, g := range groups {
		row := Row{Group: g.Name, N: g.N, Selected: g.Selected, Rate: float64(g.Selected) / float64(g.N), TooFew: g.N < MinGroup}
		if ref := groups[top]; ref.Selected > 0 {
			// Both products are exact integers, so equal rates give exactly 1.
			r := float64(g.Selected*ref.N) / float64(g.N*ref.Selected)
			row.ImpactRatio = &r
			row.FourFifths = 5*g.Selected*ref.N < 4*g.N*ref.Selected
			if !higher(ref, g) {
				rep.Highest = append(rep.Highest, g.Name)
			}
		}
		if rest := rep.N - g.N; rest > 0 {
			restSel := rep.Selected - g.Selected
			p := FisherTwoSided(g.Selected, g.N-g.Selected, restSel, rest-restSel)
			row.FisherP = &p
		}
		row.Verdict = verdict(row, rep.N, rep.Selected)
		rep.Groups[i] = row
	}
	rep.Notes = notes(rep, groups[top])
	return rep, nil
}

// higher reports whether a's rate is above b's, exactly.
func higher(a, b Group) bool { return a.Selected*b.N > b.Selected*a.N }

// verdict words a row for the view, the workbook and the command line.
func verdict(r Row, n, selected int) string {
	switch {
	case r.TooFew:
		return fmt.Sprintf("too few to judge (fewer than %d)", MinGroup)
	case r.ImpactRatio == nil:
		return "no ratio: nobody was selected"
	}
	chance := r.FisherP == nil || *r.FisherP >= Alpha
	lower := r.FisherP != nil && r.Selected*(n-r.N) < (selected-r.Selected)*r.N // below the rest's rate
	switch {
	case r.FourFifths && chance:
		return "below four-fifths of the highest rate, but could be chance"
	case r.FourFifths:
		return "below four-fifths of the highest rate, and unlikely to be chance"
	case !chance && lower:
		return "within four-fifths, but selected less often than the rest beyond chance"
	case !chance:
		return "within four-fifths; selected more often than the rest beyond chance"
	}
	return "within four-fifths of the highest rate"
}

// notes are the caveats that apply to the whole report.
func notes(rep Report, top Group) []string {
	out := []string{}
	judged := 0
	for _, r := range rep.Groups {
		if !r.TooFew {
			judged++
		}
	}
	switch {
	case len(rep.Groups) == 1:
		out = append(out, "Only one group: there is nothing to compare it with.")
	case rep.Selected == 0:
		out = append(out, "Nobody was selected, so there are no rates to compare.")
	case judged == 0:
		out = append(out, fmt.Sprintf("Every group has fewer than %d people: too few to judge; the numbers are shown for reference only.", MinGroup))
	case top.N < MinGroup:
		out = append(out, fmt.Sprintf("The highest rate belongs to a group of fewer than %d; ratios against so small a group move a lot with one person.", MinGroup))
	}
	if len(rep.Groups) >= 3 && rep.Selected > 0 {
		out = append(out, fmt.Sprintf("With %d groups, some p-values fall below %.2f by chance alone; look for differences that persist over time and stages.", len(rep.Groups), Alpha))
	}
	return out
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

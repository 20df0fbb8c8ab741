// The fairness report of a role (docs/FAIRNESS.md, "The report of a
// role"): for the resume screen's decision and every stage transition,
// each category's groups through fairness.Analyze; mean interview
// composites and question scores by group through fairness.CompareMeans.
// "Prefer not to say" and "Not answered" are groups of their own, counted
// but kept out of every ratio and comparison. Pure: the caller gathers.

package selfid

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"hirebench/app/fairness"
	"hirebench/app/model"
	"hirebench/storage"
)

// Question is a measure the report compares by group: the interview
// composite (Key "") or a plan question, in plan order.
type Question struct{ Key, Prompt string }

// Composite is the first measure: the interview composite.
var Composite = Question{Key: "", Prompt: "Interview composite"}

// Input is what Build needs about one role: counts, never a person's
// answers (on a shared workspace the server gives nothing else).
type Input struct {
	Stages []model.Stage // the role's stages, any order
	// Classes are storage.SelfIDCounts for "" (everyone) and each category.
	Classes    []storage.SelfIDClass
	Categories []Category
	// Measures are what Sums number (Sums[i].Measure indexes Measures).
	Measures []Question
	Sums     []storage.SelfIDSum
}

// Report is a role's fairness report.
type Report struct {
	People    int        `json:"people"`    // applications of the role
	Responded int        `json:"responded"` // of them, with at least one answer
	Decisions []Decision `json:"decisions"`
	Means     []Means    `json:"means"`
	Notes     []string   `json:"notes"`
}

// Decision is one selection: the resume screen's decision or passing from
// one stage to the next.
type Decision struct {
	Name string `json:"name"` // "Resume screen" or "Screen → Interview"
	// Considered is the people decided on (the denominator); Pending the
	// people who reached the step and are still waiting, left out.
	Considered int      `json:"considered"`
	Pending    int      `json:"pending"`
	Categories []Impact `json:"categories"`
}

// Impact is one category's groups at one decision.
type Impact struct {
	Category string `json:"category"`
	// Report compares the groups who gave an answer; nil when none did.
	Report *fairness.Report `json:"report"`
	// Undisclosed are PreferNot and NotAnswered: counted, never compared.
	// Their rows carry n, selected and rate only (no ratio, no p).
	Undisclosed []fairness.Row `json:"undisclosed"`
	// Hidden (exports only) names groups too small to show.
	Hidden []string `json:"hidden"`
}

// Means is one category's mean scores by group: the composite first, then
// each question.
type Means struct {
	Category string    `json:"category"`
	Measures []Measure `json:"measures"`
}

// Measure is one score (composite or question) by group.
type Measure struct {
	Name        string             `json:"name"`
	Key         string             `json:"key"` // "" for the composite
	Groups      []fairness.MeanRow `json:"groups"`
	Undisclosed []fairness.MeanRow `json:"undisclosed"`
	Hidden      []string           `json:"hidden"`
	// LargestD is the largest |Cohen's d| of a group against the rest, so a
	// question that separates groups more than others stands out.
	LargestD *float64 `json:"largestD"`
	// StandsOut marks the question that separates the groups most, when
	// its LargestD reaches StandOutD (never the composite).
	StandsOut bool `json:"standsOut"`
}

// StandOutD is the smallest |d| that makes a question stand out: a medium
// difference in Cohen's terms.
const StandOutD = 0.5

// ScreenDecision names the resume screen's decision in the report.
const ScreenDecision = "Resume screen"

// Build makes the report; forExport applies the small-cell rule
// (fairness.ForExport, ForExportMeans) for files that leave the app.
func Build(in Input, forExport bool) (Report, error) {
	rep := Report{Decisions: []Decision{}, Means: []Means{}}
	for _, c := range in.Classes {
		if c.Part == storage.PartPeople {
			rep.People += c.N
			if c.Responded {
				rep.Responded += c.N
			}
		}
	}
	// A category nobody in the role answered has nothing to compare.
	in.Categories = slices.DeleteFunc(slices.Clone(in.Categories), func(c Category) bool {
		return !slices.ContainsFunc(in.Classes, func(k storage.SelfIDClass) bool { return k.Part == storage.PartAnswered && k.Category == c.Name })
	})
	for _, d := range decisions(in) {
		dec := Decision{Name: d.name, Considered: d.considered, Pending: d.pending, Categories: []Impact{}}
		for _, c := range in.Categories {
			imp, err := impact(c, in.Classes, d.outcome, forExport)
			if err != nil {
				return Report{}, fmt.Errorf("%s, %s: %w", d.name, c.Name, err)
			}
			dec.Categories = append(dec.Categories, imp)
		}
		rep.Decisions = append(rep.Decisions, dec)
	}
	for _, c := range in.Categories {
		m, err := means(c, in, forExport)
		if err != nil {
			return Report{}, fmt.Errorf("mean scores, %s: %w", c.Name, err)
		}
		rep.Means = append(rep.Means, m)
	}
	rep.Notes = []string{
		fmt.Sprintf("%d of %d people in this role answered at least one self-identification question.", rep.Responded, rep.People),
		fmt.Sprintf("Only the groups people chose are compared; %q and %q are counted beside them, never in a ratio or a comparison.", PreferNot, NotAnswered),
		"Categories nobody in the role answered are left out.",
		"A stage transition counts everyone who reached the earlier stage and was decided on: moved on (selected) or rejected there; people still waiting are left out.",
	}
	if forExport {
		rep.Notes = append(rep.Notes, fmt.Sprintf("No number here describes fewer than %d people: smaller groups are named only.", fairness.MinCell))
	}
	return rep, nil
}

// decided is one decision's outcomes by class (index in Classes, every
// category's): selected or not; classes still waiting are left out.
type decided struct {
	name                string
	outcome             map[int]bool
	considered, pending int // people, from the classes of everyone ("")
}

// decisions lists the resume screen (when any was decided) and each
// transition between consecutive active stages. The pipeline is ordered:
// a person whose furthest stage is k+1 passed stage k even when the board
// skipped it (the store counts the furthest stage: storage.SelfIDClass).
func decisions(in Input) []decided {
	var out []decided
	screen := decided{name: ScreenDecision, outcome: map[int]bool{}}
	for i, c := range in.Classes {
		if c.Part != storage.PartScreen {
			continue
		}
		screen.outcome[i] = c.Decision == "advance"
		if c.Category == "" {
			screen.considered += c.N
		}
	}
	if len(screen.outcome) > 0 {
		out = append(out, screen)
	}
	var active []model.Stage
	for _, s := range in.Stages {
		if s.Kind != model.StageRejected {
			active = append(active, s)
		}
	}
	slices.SortStableFunc(active, func(a, b model.Stage) int { return cmp.Compare(a.Position, b.Position) })
	byID := map[int64]int{}
	for k, s := range active {
		byID[s.ID] = k
	}
	for k := 0; k+1 < len(active); k++ {
		d := decided{name: active[k].Name + " → " + active[k+1].Name, outcome: map[int]bool{}}
		for i, c := range in.Classes {
			if c.Part != storage.PartStage {
				continue
			}
			furthest, ok := byID[c.Furthest]
			if !ok {
				continue
			}
			everyone := 0
			if c.Category == "" {
				everyone = c.N
			}
			switch {
			case furthest > k:
				d.outcome[i] = true
				d.considered += everyone
			case furthest == k && c.Rejected:
				d.outcome[i] = false
				d.considered += everyone
			case furthest == k:
				d.pending += everyone
			}
		}
		out = append(out, d)
	}
	return out
}

// groupOf is the group of an answer ("" for none).
func groupOf(answer string) string {
	if answer != "" {
		return answer
	}
	return NotAnswered
}

func undisclosed(g string) bool { return g == PreferNot || g == NotAnswered }

// order is the groups' order: the category's options, other answers given
// before an edit (alphabetically), then PreferNot and NotAnswered.
func order(c Category, present map[string]bool) []string {
	var out, extra []string
	for _, o := range c.Options {
		if present[o] {
			out = append(out, o)
		}
	}
	for g := range present {
		if !slices.Contains(c.Options, g) && !undisclosed(g) {
			extra = append(extra, g)
		}
	}
	slices.Sort(extra)
	out = append(out, extra...)
	for _, g := range []string{PreferNot, NotAnswered} {
		if present[g] {
			out = append(out, g)
		}
	}
	return out
}

func impact(c Category, classes []storage.SelfIDClass, outcome map[int]bool, forExport bool) (Impact, error) {
	counts := map[string]*fairness.Group{}
	present := map[string]bool{}
	for i, sel := range outcome {
		if classes[i].Category != c.Name {
			continue
		}
		g := groupOf(classes[i].Answer)
		if counts[g] == nil {
			counts[g] = &fairness.Group{Name: g}
		}
		counts[g].N += classes[i].N
		if sel {
			counts[g].Selected += classes[i].N
		}
		present[g] = true
	}
	imp := Impact{Category: c.Name, Undisclosed: []fairness.Row{}, Hidden: []string{}}
	var stated []fairness.Group
	for _, g := range order(c, present) {
		switch {
		case !undisclosed(g):
			stated = append(stated, *counts[g])
		case forExport && !fairness.Exportable(*counts[g]):
			imp.Hidden = append(imp.Hidden, g)
		default:
			alone, err := fairness.Analyze([]fairness.Group{*counts[g]})
			if err != nil {
				return imp, err
			}
			row := alone.Groups[0]
			row.ImpactRatio, row.FourFifths, row.Verdict = nil, false, NotCompared
			imp.Undisclosed = append(imp.Undisclosed, row)
		}
	}
	if len(stated) == 0 {
		return imp, nil
	}
	if !forExport {
		r, err := fairness.Analyze(stated)
		imp.Report = &r
		return imp, err
	}
	ex, err := fairness.ForExport(stated)
	if err != nil {
		return imp, err
	}
	imp.Report = &ex.Report
	imp.Hidden = append(ex.Hidden, imp.Hidden...)
	return imp, nil
}

func means(c Category, in Input, forExport bool) (Means, error) {
	out := Means{Category: c.Name, Measures: []Measure{}}
	for i, q := range in.Measures {
		summary := map[string]fairness.Summary{}
		present := map[string]bool{}
		for _, sum := range in.Sums {
			if sum.Measure == i && sum.Category == c.Name && sum.N > 0 {
				g := groupOf(sum.Answer)
				summary[g] = summary[g].Merge(fairness.Summary{N: sum.N, Mean: sum.Mean, M2: sum.M2})
				present[g] = true
			}
		}
		if len(present) == 0 {
			continue
		}
		m := Measure{Name: q.Prompt, Key: q.Key, Groups: []fairness.MeanRow{}, Undisclosed: []fairness.MeanRow{}, Hidden: []string{}}
		var samples []fairness.Sample
		for _, g := range order(c, present) {
			if !undisclosed(g) {
				samples = append(samples, fairness.Sample{Group: g, Summary: summary[g]})
				continue
			}
			if forExport && fairness.Suppressed(summary[g].N) {
				m.Hidden = append(m.Hidden, g)
				continue
			}
			alone, err := fairness.CompareMeans([]fairness.Sample{{Group: g, Summary: summary[g]}})
			if err != nil {
				return out, err
			}
			m.Undisclosed = append(m.Undisclosed, alone...)
		}
		var err error
		if forExport {
			var hidden []string
			m.Groups, hidden, err = fairness.ForExportMeans(samples)
			m.Hidden = append(hidden, m.Hidden...)
		} else if len(samples) > 0 {
			m.Groups, err = fairness.CompareMeans(samples)
		}
		if err != nil {
			return out, err
		}
		for _, r := range m.Groups {
			if r.VsRest != nil && r.VsRest.D != nil && (m.LargestD == nil || math.Abs(*r.VsRest.D) > *m.LargestD) {
				d := math.Abs(*r.VsRest.D)
				m.LargestD = &d
			}
		}
		out.Measures = append(out.Measures, m)
	}
	standOut(out.Measures)
	return out, nil
}

// standOut marks the question with the largest |d| when it reaches
// StandOutD; on a tie, the first in plan order.
func standOut(ms []Measure) {
	top := -1
	for i, m := range ms {
		if m.Key != "" && m.LargestD != nil && *m.LargestD >= StandOutD && (top < 0 || *m.LargestD > *ms[top].LargestD) {
			top = i
		}
	}
	if top >= 0 {
		ms[top].StandsOut = true
	}
}

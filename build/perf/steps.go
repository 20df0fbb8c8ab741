// Measuring figures, and measuring again what looks regressed: a ratio
// whose baseline took 70 ms in one run and 85 ms in the next moves by a
// fifth on the machine alone. A step with a figure more than 20% worse than
// the reference is measured three times in all and its median measurement
// is kept, whole: noise in one measurement does not carry the median, a
// regression does.

package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"hirebench/storage/benchkit"
)

// attempts is how many times a step is measured when a figure of it looks
// regressed (odd, so there is a middle one).
const attempts = 3

// step is one or more figures measured together, by name.
type step struct {
	name string
	fn   func(context.Context) (figures, error)
}

// one is a step measuring a single figure.
func one(name string, fn func(context.Context) (benchkit.Figure, error)) step {
	return step{name, func(ctx context.Context) (figures, error) {
		f, err := fn(ctx)
		return figures{name: f}, err
	}}
}

// measurement is one measurement of a step: its figures and the notes the
// step wrote on them.
type measurement struct {
	figs  figures
	notes map[string]string
}

// measureSteps measures each step into res, with a line for each figure on
// out. When res holds a reference and a figure looks regressed against it,
// the step is measured twice more and the middle one of the three
// measurements, ranked by the worst of those figures against their
// references, is kept: every figure of the step from that one measurement,
// with a note giving the ratios. A figure that passed at first is held to
// the gate in that measurement too.
func measureSteps(ctx context.Context, steps []step, res *results, out io.Writer) error {
	for _, s := range steps {
		m, err := measureOnce(ctx, s, res)
		if err != nil {
			return err
		}
		all := []measurement{m}
		looks := regressedNames(m.figs, res.ref)
		for len(looks) > 0 && len(all) < attempts {
			fmt.Fprintf(out, "bench: %s looked regressed against the reference; measuring %s again (%d of %d)\n",
				strings.Join(looks, ", "), s.name, len(all)+1, attempts)
			m, err := measureOnce(ctx, s, res)
			if err != nil {
				return err
			}
			all = append(all, m)
		}
		kept := all[0]
		if len(all) > 1 {
			score := func(m measurement) float64 {
				worst := 0.0
				for _, n := range looks {
					worst = max(worst, ratio(m.figs[n])/res.ref.Figures[n].Ratio)
				}
				return worst
			}
			byScore := slices.Clone(all)
			slices.SortStableFunc(byScore, func(a, b measurement) int { return cmp.Compare(score(a), score(b)) })
			kept = byScore[len(byScore)/2]
			for n := range kept.figs {
				kept.notes[n] = joinNotes(kept.notes[n], medianNote(n, s.name, looks, all, res.ref))
			}
		}
		for _, n := range kept.figs.sortedNames() {
			f := kept.figs[n]
			res.figs[n] = f
			if kept.notes[n] != "" {
				res.notes[n] = kept.notes[n]
			}
			fmt.Fprintf(out, "bench: %s %s %s (bare %s %s)\n", n, trim(f.Value), f.Unit, trim(f.Baseline), f.Unit)
		}
	}
	return nil
}

// measureOnce measures s, taking the notes it wrote on its figures out of
// res.notes: they belong to this measurement.
func measureOnce(ctx context.Context, s step, res *results) (measurement, error) {
	fs, err := s.fn(ctx)
	if err != nil {
		return measurement{}, fmt.Errorf("%s: %w", s.name, err)
	}
	m := measurement{figs: fs, notes: map[string]string{}}
	for n := range fs {
		if note, ok := res.notes[n]; ok {
			m.notes[n] = note
			delete(res.notes, n)
		}
	}
	return m, nil
}

// medianNote says which measurement figure n comes from: the middle one of
// the step's, ranked by the figures that looked regressed.
func medianNote(n, stepName string, looks []string, all []measurement, ref *reference) string {
	by := strings.Join(looks, ", ")
	if !slices.Contains(looks, n) {
		return fmt.Sprintf("%s was measured %d times because %s looked regressed; shown: the middle measurement by %s", stepName, len(all), by, by)
	}
	ratios := make([]string, len(all))
	for i, m := range all {
		ratios[i] = trim(ratio(m.figs[n])) + "×"
	}
	return fmt.Sprintf("measured %d times because the first looked regressed (%s against a reference of %s×); shown: the middle measurement by %s",
		len(all), strings.Join(ratios, ", "), trim(ref.Figures[n].Ratio), by)
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// regressedNames are the figures of fs regressed against ref, by name.
func regressedNames(fs figures, ref *reference) []string {
	if ref == nil {
		return nil
	}
	var names []string
	for n, f := range fs {
		if r, ok := ref.Figures[n]; ok && r.Ratio > 0 && isRegression(f, r.Ratio) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

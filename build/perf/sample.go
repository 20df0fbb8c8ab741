// Timing helpers: paired samples of the app's path and its baseline.

package main

import (
	"math"
	"slices"
	"time"

	"hirebench/storage/benchkit"
)

// pair holds the durations of the app's path and of its baseline, taken
// alternately so both see the same machine load.
type pair struct{ app, bare []time.Duration }

// time runs both once, in an order that alternates with i, and records them.
func (p *pair) time(i int, app, bare func() error) error {
	first, second := app, bare
	firstOut, secondOut := &p.app, &p.bare
	if i%2 == 1 {
		first, second, firstOut, secondOut = bare, app, &p.bare, &p.app
	}
	for _, step := range []struct {
		fn  func() error
		out *[]time.Duration
	}{{first, firstOut}, {second, secondOut}} {
		start := time.Now()
		if err := step.fn(); err != nil {
			return err
		}
		*step.out = append(*step.out, time.Since(start))
	}
	return nil
}

// sample runs step(i) for i = 0, 1, … up to n times, stopping early once
// budget has passed and at least least samples were taken: on a slow path
// or a busy machine the bench still ends, with fewer samples.
func sample(n, least int, budget time.Duration, step func(i int) error) error {
	start := time.Now()
	for i := range n {
		if i >= least && time.Since(start) > budget {
			return nil
		}
		if err := step(i); err != nil {
			return err
		}
	}
	return nil
}

// figure is percentile p (0–100, nearest rank) of both, in milliseconds.
func (p *pair) figure(pct int) benchkit.Figure {
	return benchkit.Figure{Value: ms(percentile(p.app, pct)), Baseline: ms(percentile(p.bare, pct)), Unit: "ms"}
}

// percentile is the nearest-rank percentile p (0–100) of the durations.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(float64(p)/100*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

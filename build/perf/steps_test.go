package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"hirebench/storage/benchkit"
)

func refOf(ratios map[string]float64) *reference {
	ref := &reference{Figures: benchJSON{}}
	for n, r := range ratios {
		e := ref.Figures[n]
		e.Ratio = r
		ref.Figures[n] = e
	}
	return ref
}

// A figure that looks regressed is measured three times and the median
// measurement kept; one that does not is measured once.
func TestLooksRegressedTakesTheMedianOfThree(t *testing.T) {
	ref := refOf(map[string]float64{"debrief_screen": 40})
	// 3800 ms against baselines of 70 to 90 ms: 54× (70), 53× (72), 45× (85), 42× (90) against 40× (limit 48×).
	cases := []struct {
		name      string
		baselines []float64
		ref       *reference
		calls     int
		baseline  float64
		regressed bool
	}{
		{"noise once: the median passes", []float64{70, 85, 90}, ref, 3, 85, false},
		{"within 20% at once", []float64{90, 70, 70}, ref, 1, 90, false},
		{"regressed in two of three: the median fails", []float64{70, 90, 72}, ref, 3, 72, true},
		{"regressed three times", []float64{70, 72, 71}, ref, 3, 71, true},
		{"no reference to look against: measured once", []float64{70, 85, 90}, nil, 1, 70, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			calls := 0
			s := one("debrief_screen", func(context.Context) (benchkit.Figure, error) {
				b := c.baselines[calls]
				calls++
				return benchkit.Figure{Value: 3800, Baseline: b, Unit: "ms"}, nil
			})
			res := &results{figs: figures{}, notes: map[string]string{}, ref: c.ref}
			if err := measureSteps(context.Background(), []step{s}, res, io.Discard); err != nil {
				t.Fatal(err)
			}
			if f := res.figs["debrief_screen"]; calls != c.calls || f.Baseline != c.baseline {
				t.Errorf("measured %d times, kept the baseline of %v ms; want %d times and %v ms", calls, f.Baseline, c.calls, c.baseline)
			}
			note := res.notes["debrief_screen"]
			if (c.calls > 1) != strings.Contains(note, "measured 3 times because the first looked regressed") {
				t.Errorf("note %q after %d measurements", note, calls)
			}
			if _, regressed := problems(res.figs, ref); (len(regressed) > 0) != c.regressed {
				t.Errorf("regressed = %q, want regressed %v", regressed, c.regressed)
			}
		})
	}
}

// A step of several figures keeps all of them from one measurement, with
// the notes that measurement wrote: p95 and p99 never come from different
// samples, and a caveat is neither lost nor taken from another measurement.
func TestTheMedianMeasurementIsKeptWhole(t *testing.T) {
	ref := refOf(map[string]float64{"search_p95": 2, "search_p99": 2})
	// Three measurements: p95 looks regressed in the first (3×) and in none after.
	p95 := []float64{30, 21, 23}
	// p99's own middle would be the second measurement's; the step's is the third.
	p99 := []float64{40, 45, 50}
	calls := 0
	res := &results{figs: figures{}, notes: map[string]string{}, ref: ref}
	s := step{"search", func(context.Context) (figures, error) {
		i := calls
		calls++
		switch i {
		case 1:
			res.notes["search_p99"] = "the second's caveat"
		case 2:
			res.notes["search_p95"] = "the third's caveat"
		}
		return figures{
			"search_p95": {Value: p95[i], Baseline: 10, Unit: "ms"},
			"search_p99": {Value: p99[i], Baseline: 30, Unit: "ms"},
		}, nil
	}}
	if err := measureSteps(context.Background(), []step{s}, res, io.Discard); err != nil {
		t.Fatal(err)
	}
	// By p95 (the figure that looked regressed) the measurements rank 21, 23, 30: the median is the third.
	if got := [2]float64{res.figs["search_p95"].Value, res.figs["search_p99"].Value}; calls != 3 || got != [2]float64{23, 50} {
		t.Fatalf("measured %d times, kept p95 %v and p99 %v; want 3 times, 23 and 50 from the third", calls, got[0], got[1])
	}
	if note := res.notes["search_p95"]; !strings.HasPrefix(note, "the third's caveat; ") ||
		!strings.Contains(note, "(3.00×, 2.10×, 2.30× against a reference of 2.00×); shown: the middle measurement by search_p95") {
		t.Errorf("p95 note = %q: want its own caveat and the three ratios", note)
	}
	if note := res.notes["search_p99"]; strings.Contains(note, "caveat") || !strings.Contains(note, "because search_p95 looked regressed") {
		t.Errorf("p99 note = %q: the second measurement's caveat on a figure kept from the third, or no word of why", note)
	}
}

package benchkit

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"hirebench/app/model"
	"hirebench/storage"
)

// Figure is one measured figure and its baseline, measured in the same run
// on the same machine; the ratio Value/Baseline is what regresses.
type Figure struct {
	Value, Baseline float64
	Unit            string
}

// pageSize is the candidates table's first page.
const pageSize = 50

// SearchFigures measures the candidates-table search (storage.ListCandidates:
// the first page of 50 with highlights, row details and its count) against
// a bare FTS5 query for the same page (storage.BareSearch), interleaved
// query by query so both see the same machine load; each query counts with
// the median of three runs. queries is the number of queries of each kind
// (at least 20):
//
//   - search_common_*: the bench vocabulary (a skill or two, a surname
//     prefix), where every word matches thousands of candidates;
//   - search_realistic_*: full names, surnames and rare skills as typed;
//   - search_typing_*: every keystroke of a surname or skill, one letter on;
//   - search_filtered_p95: both vocabularies with a role or stage filter;
//   - search_p50/p95/p99: all of them together.
//
// Values are milliseconds (p50, p95, p99 of the queries); a warm-up pass
// runs first so the page cache holds the index.
func SearchFigures(ctx context.Context, st *storage.Store, queries int) (map[string]Figure, error) {
	if queries < 20 {
		return nil, fmt.Errorf("benchkit: at least 20 queries of each kind, not %d", queries)
	}
	roles, err := st.ListRoles(ctx)
	if err != nil {
		return nil, err
	}
	if len(roles) == 0 {
		return nil, fmt.Errorf("benchkit: the workspace has no roles; seed it with Seed")
	}
	sets := querySets(rand.New(rand.NewPCG(1, 2)), queries, roles)
	run := func(f model.CandidateFilter) error {
		_, err := st.ListCandidates(ctx, f)
		return err
	}
	// The bare query orders its page as the search does; which order that
	// is (the probe) is asked outside the timing, so the baseline is one
	// FTS5 query.
	ranked := map[string]bool{}
	for _, set := range sets {
		for _, f := range set.filters {
			if ranked[f.Query], err = st.SearchRanked(ctx, f.Query); err != nil {
				return nil, err
			}
		}
	}
	bare := func(f model.CandidateFilter) error {
		_, err := st.BareSearch(ctx, f.Query, pageSize, ranked[f.Query])
		return err
	}
	for _, set := range sets { // warm-up
		for _, f := range set.filters {
			if err := run(f); err != nil {
				return nil, err
			}
		}
	}
	out := map[string]Figure{}
	var allApp, allBare []time.Duration
	for _, set := range sets {
		app, base := make([]time.Duration, 0, len(set.filters)), make([]time.Duration, 0, len(set.filters))
		for i, f := range set.filters {
			a, b, err := timePair(i, f, run, bare)
			if err != nil {
				return nil, err
			}
			app, base = append(app, a), append(base, b)
		}
		allApp, allBare = append(allApp, app...), append(allBare, base...)
		for _, p := range set.percentiles {
			out[fmt.Sprintf("search_%s_p%d", set.name, p)] = figure(app, base, p)
		}
	}
	for _, p := range []int{50, 95, 99} {
		out[fmt.Sprintf("search_p%d", p)] = figure(allApp, allBare, p)
	}
	return out, nil
}

// repeats is how many times each query is timed (its median counts), so a
// stall of the machine in one run does not become the query's latency.
const repeats = 3

// timePair times one query in the app and bare, alternating which goes
// first, and returns the median of each.
func timePair(i int, f model.CandidateFilter, app, bare func(model.CandidateFilter) error) (time.Duration, time.Duration, error) {
	var a, b []time.Duration
	for k := range repeats {
		first, second, fa, fb := app, bare, &a, &b
		if (i+k)%2 == 1 {
			first, second, fa, fb = bare, app, &b, &a
		}
		for _, step := range []struct {
			fn  func(model.CandidateFilter) error
			out *[]time.Duration
		}{{first, fa}, {second, fb}} {
			t := time.Now()
			if err := step.fn(f); err != nil {
				return 0, 0, fmt.Errorf("benchkit: search %q: %w", f.Query, err)
			}
			*step.out = append(*step.out, time.Since(t))
		}
	}
	return percentile(a, 50), percentile(b, 50), nil
}

type querySet struct {
	name        string
	filters     []model.CandidateFilter
	percentiles []int
}

// querySets builds the queries of each kind, deterministically.
func querySets(rng *rand.Rand, n int, roles []model.Role) []querySet {
	pick := func(words []string) string { return words[rng.IntN(len(words))] }
	prefix := func(w string, least int) string { // as typed so far, at least `least` letters
		least = min(least, len(w))
		return w[:least+rng.IntN(len(w)-least+1)]
	}
	common := querySet{name: "common", percentiles: []int{50, 95, 99}}
	for i := range n {
		var q string
		switch i % 3 {
		case 0:
			q = prefix(pick(commonLast), 3)
		case 1:
			q = pick(commonWords)
		default:
			q = pick(commonWords) + " " + pick(commonWords)
		}
		common.filters = append(common.filters, model.CandidateFilter{Query: q, Limit: pageSize})
	}
	realistic := querySet{name: "realistic", percentiles: []int{50, 95, 99}}
	for i := range n {
		var q string
		switch i % 5 {
		case 0:
			q = pick(realFirst) + " " + pick(realLast)
		case 1:
			q = prefix(pick(realLast), 3)
		case 2:
			q = realSkills[len(realSkills)/3+rng.IntN(len(realSkills)*2/3)] // a rare skill
		case 3:
			q = pick(realSkills) + " " + pick(realSkills)
		default:
			q = pick(realFirst) + " " + prefix(pick(realLast), 1)
		}
		realistic.filters = append(realistic.filters, model.CandidateFilter{Query: q, Limit: pageSize})
	}
	typing := querySet{name: "typing", percentiles: []int{50, 95, 99}}
	for len(typing.filters) < n {
		word := pick([][]string{commonLast, realLast, commonWords, realSkills}[rng.IntN(4)])
		for k := 1; k <= len(word) && len(typing.filters) < n; k++ {
			typing.filters = append(typing.filters, model.CandidateFilter{Query: strings.ToLower(word[:k]), Limit: pageSize})
		}
	}
	filtered := querySet{name: "filtered", percentiles: []int{95}}
	for i := range n {
		f := common.filters[i]
		if i%2 == 1 {
			f = realistic.filters[i]
		}
		role := roles[rng.IntN(len(roles))]
		if i%3 == 0 {
			f.StageID = role.Stages[rng.IntN(len(role.Stages))].ID
		} else {
			f.RoleID = role.ID
		}
		filtered.filters = append(filtered.filters, f)
	}
	return []querySet{common, realistic, typing, filtered}
}

// figure is percentile p of both samples, in milliseconds.
func figure(app, base []time.Duration, p int) Figure {
	return Figure{Value: ms(percentile(app, p)), Baseline: ms(percentile(base, p)), Unit: "ms"}
}

// percentile is the nearest-rank percentile p (0–100) of the durations.
func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(float64(p)/100*float64(len(s)))) - 1
	return s[max(i, 0)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

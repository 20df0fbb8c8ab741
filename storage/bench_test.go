// Benchmarks the candidates-table search on a 100,000-candidate workspace
// (storage/benchkit seeds and measures it) against a bare FTS5 query for the
// same page, reporting latency percentiles.

package storage_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hirebench/storage"
	"hirebench/storage/benchkit"
)

const (
	benchCandidates = 100_000
	benchAnswers    = 1_000_000
	benchQueries    = 300 // of each kind
)

// BenchmarkSearch writes its figures to build/bench/search.json as
// {"<figure>": {"value", "baseline", "ratio", "unit"}}.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	path, err := benchkit.Workspace(ctx, os.TempDir(), benchCandidates, benchAnswers)
	if err != nil {
		b.Fatal(err)
	}
	st, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var figs map[string]benchkit.Figure
	b.ResetTimer()
	for range b.N {
		if figs, err = benchkit.SearchFigures(ctx, st, benchQueries); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	type out struct {
		Value    float64 `json:"value"`
		Baseline float64 `json:"baseline"`
		Ratio    float64 `json:"ratio"`
		Unit     string  `json:"unit"`
	}
	res := map[string]out{}
	keys := make([]string, 0, len(figs))
	for k, f := range figs {
		res[k] = out{f.Value, f.Baseline, f.Value / f.Baseline, f.Unit}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.HasSuffix(k, "_p95") || strings.HasSuffix(k, "_p50") || k == "search_p99" {
			b.ReportMetric(figs[k].Value, k+"_ms")
			b.ReportMetric(figs[k].Baseline, k+"_bare_ms")
		}
	}
	dir := filepath.Join("..", "build", "bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Log(err)
		return
	}
	data, _ := json.MarshalIndent(res, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "search.json"), append(data, '\n'), 0o644); err != nil {
		b.Log(err)
	}
}

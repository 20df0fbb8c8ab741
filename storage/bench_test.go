// Benchmarks the candidates-table search on a 100,000-candidate workspace against a
// bare FTS5 query, reporting latency percentiles.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
)

// The benchmark workspace: 100k candidates with resumes, a third with notes,
// spread over three roles. Built once and cached, since seeding takes a while.
const benchCandidates = 100_000

var benchWords = strings.Fields(`python go typescript rust java kotlin embeddings retrieval vector rerank chunking
	prompt prompting tokens budget latency streaming caching cache batch async queue retry backoff ratelimit
	evaluation evals golden regression grader judge nondeterminism temperature seed moderation safety
	function calling tools schema json agents orchestration finetuning dataset labeling distillation
	monitoring observability tracing dashboards alerts cost throughput kubernetes postgres redis kafka
	react svelte frontend backend platform infrastructure support chatbot assistant summarisation
	translation classification extraction search ranking recommendation analytics pipeline airflow
	mentoring leadership startup enterprise consulting research published speaker opensource maintainer`)

var benchFirst = strings.Fields(`Ada Grace Linus Margaret Alan Barbara Ken Frances Dennis Radia Tim Hedy Guido Katherine
	Bjarne Shafi Edsger Sophie Yukihiro Joan Leslie Mary Niklaus Anita Donald Karen John Lynn Rasmus Jean Brian
	Evelyn Carol Rob Adele Ward Cynthia James Ellen Chioma Mateo Aiko Dmitri Priya Sam Jonas Riley Noor Lena`)

var benchLast = strings.Fields(`Lovelace Hopper Torvalds Hamilton Turing Liskov Thompson Allen Ritchie Perlman Lamarr
	Johnson Stroustrup Goldwasser Dijkstra Wilson Matsumoto Clarke Lamport Shaw Wirth Borg Knuth McCarthy Conway
	Lerdorf Sammet Kernighan Berezin Diffie Pike Goldberg Cunningham Dwork Gosling Ullman Okoye Fernandez Tanaka
	Volkov Nair Okafor Weber Chen Haddad Silva Novak Kowalski`)

func benchWorkspace(b *testing.B) *Store {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("hirebench-bench-%d-s%d.db", benchCandidates, SchemaVersion()))
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		if err := seedBench(path + ".tmp"); err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(path + ".tmp" + suffix)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			b.Fatal(err)
		}
		b.Logf("seeded %d candidates in %s (%s)", benchCandidates, time.Since(start).Round(time.Second), path)
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// seedBench writes the workspace in one transaction with raw inserts: the
// same tables and triggers the app uses, without one fsync per candidate.
func seedBench(path string) error {
	os.Remove(path)
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	var roles []model.Role
	for _, t := range []string{"Senior AI Engineer", "Conversational AI Developer", "LLM Platform Engineer"} {
		r, err := s.CreateRole(ctx, model.RoleInput{Title: t, Status: model.RoleOpen}, DefaultPipeline)
		if err != nil {
			return err
		}
		roles = append(roles, r)
	}
	rng := rand.New(rand.NewPCG(7, 100))
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = benchWords[rng.IntN(len(benchWords))]
		}
		return strings.Join(w, " ")
	}
	now := s.now()
	return s.write(ctx, func(tx *sql.Tx) error {
		insC, err := tx.Prepare(sqlInsertCandidate)
		if err != nil {
			return err
		}
		insA, err := tx.Prepare(sqlInsertApplication)
		if err != nil {
			return err
		}
		insN, err := tx.Prepare(sqlInsertNote)
		if err != nil {
			return err
		}
		insT, err := tx.Prepare(sqlInsertTag)
		if err != nil {
			return err
		}
		for i := range benchCandidates {
			name := benchFirst[rng.IntN(len(benchFirst))] + " " + benchLast[rng.IntN(len(benchLast))]
			email := fmt.Sprintf("%s.%d@example.com", strings.ToLower(strings.ReplaceAll(name, " ", ".")), i)
			res, err := insC.Exec(name, email, "", "", "", "", "", "LinkedIn", words(60), now, now, "")
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			role := roles[i%len(roles)]
			stage := role.Stages[rng.IntN(len(role.Stages))]
			if _, err := insA.Exec(id, role.ID, stage.ID, "", now, now); err != nil {
				return err
			}
			if _, err := insT.Exec(id, benchWords[rng.IntN(len(benchWords))], 0); err != nil {
				return err
			}
			if i%3 == 0 {
				if _, err := insN.Exec(id, nil, "Bench", words(25), now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

// BenchmarkSearch compares the candidates-table search (FTS5 match plus
// joins, filters, highlighting, counting and the row details of a page)
// against a bare FTS5 query on the same workspace, in the same run, and
// reports latency percentiles and their ratios. Results go to build/bench/.
func BenchmarkSearch(b *testing.B) {
	s := benchWorkspace(b)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	queries := make([]string, 300)
	for i := range queries {
		switch i % 3 {
		case 0: // a person's name, maybe a prefix
			q := benchLast[rng.IntN(len(benchLast))]
			queries[i] = q[:max(3, len(q)-rng.IntN(3))]
		case 1: // one skill
			queries[i] = benchWords[rng.IntN(len(benchWords))]
		default: // two skills
			queries[i] = benchWords[rng.IntN(len(benchWords))] + " " + benchWords[rng.IntN(len(benchWords))]
		}
	}
	measure := func(fn func(q string) error) []time.Duration {
		out := make([]time.Duration, 0, len(queries))
		for _, q := range queries {
			t := time.Now()
			if err := fn(q); err != nil {
				b.Fatal(err)
			}
			out = append(out, time.Since(t))
		}
		slices.Sort(out)
		return out
	}
	app := func(q string) error {
		_, err := s.ListCandidates(ctx, model.CandidateFilter{Query: q, Limit: 50})
		return err
	}
	bare := func(q string) error { _, err := s.BareSearch(ctx, q, 50); return err }
	measure(app) // warm the page cache for both
	var appT, bareT []time.Duration
	b.ResetTimer()
	for range b.N {
		bareT = measure(bare)
		appT = measure(app)
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	res := map[string]float64{
		"candidates":    benchCandidates,
		"queries":       float64(len(queries)),
		"search_p50_ms": ms(percentile(appT, 0.50)),
		"search_p95_ms": ms(percentile(appT, 0.95)),
		"search_p99_ms": ms(percentile(appT, 0.99)),
		"bare_p50_ms":   ms(percentile(bareT, 0.50)),
		"bare_p95_ms":   ms(percentile(bareT, 0.95)),
		"bare_p99_ms":   ms(percentile(bareT, 0.99)),
	}
	res["ratio_p50"] = res["search_p50_ms"] / res["bare_p50_ms"]
	res["ratio_p95"] = res["search_p95_ms"] / res["bare_p95_ms"]
	res["ratio_p99"] = res["search_p99_ms"] / res["bare_p99_ms"]
	for _, k := range []string{"search_p50_ms", "search_p95_ms", "search_p99_ms", "bare_p50_ms", "bare_p95_ms", "ratio_p50", "ratio_p95"} {
		b.ReportMetric(res[k], k)
	}
	if dir := benchOutDir(); dir != "" {
		data, _ := json.MarshalIndent(res, "", "  ")
		if err := os.WriteFile(filepath.Join(dir, "search.json"), append(data, '\n'), 0o644); err != nil {
			b.Log(err)
		}
	}
}

// benchOutDir is build/bench at the repository root.
func benchOutDir() string {
	dir := filepath.Join("..", "build", "bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	return dir
}

// Command bench is `make bench`, the performance budget: on a workspace of
// 100k candidates and 1M scorecard answers (seeded once into build/bench/ by
// storage/benchkit and reused while the schema matches) it measures every
// figure against a bare baseline in the same run — plain SQL, a bare excelize
// StreamWriter, a blank page in the same kind of window — and writes
// build/bench.json and docs/PERFORMANCE.md. It fails (exit 1) when a figure's
// ratio regressed more than 20% against the committed docs/perf-reference.json
// in the measurement kept: the first, or when that looks regressed the middle
// of three (steps.go). A missed target is listed and marked in the table.
// Nothing in the app imports it.
//
//	go run -tags webkit2_41 ./build/perf [-update-reference] [-skip db,pg,export,startup]
//
// The pg_ figures measure on a throwaway PostgreSQL (storage/pgtest); when
// PostgreSQL is not installed they are skipped with a line saying so.
//
// Sizes for a quicker run while developing (then the table goes to
// build/bench/PERFORMANCE.md and no regression is checked):
// BENCH_CANDIDATES, BENCH_ANSWERS, BENCH_QUERIES, BENCH_EXPORT_ROWS,
// BENCH_STARTUP_RUNS.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Full sizes: what the budget is stated for.
const (
	fullCandidates  = 100_000
	fullAnswers     = 1_000_000
	fullQueries     = 100
	fullExportRows  = 100_000
	fullStartupRuns = 9
)

type config struct {
	root            string // repository root
	candidates      int
	answers         int
	queries         int // search queries of each kind (benchkit)
	exportRows      int
	startupRuns     int
	skip            []string // figure groups not measured: db, pg, export, startup
	updateReference bool
	bin             string // the release binary, for the startup figure
}

// full reports whether the run uses the sizes the budget is stated for.
func (c config) full() bool {
	return c.candidates == fullCandidates && c.answers == fullAnswers && c.exportRows == fullExportRows
}

func (c config) skips(group string) bool { return slices.Contains(c.skip, group) }

func (c config) benchDir() string { return filepath.Join(c.root, "build", "bench") }

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseConfig(args)
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 2
	}
	if err := os.MkdirAll(cfg.benchDir(), 0o755); err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	m := describeMachine()
	fmt.Fprintf(stdout, "bench: %s, %d cores, %s RAM, %s; load average %s\n", m.CPU, m.Cores, m.RAM, m.Go, m.Load)
	res := &results{figs: figures{}, notes: map[string]string{}}
	if cfg.full() && !cfg.updateReference {
		if res.ref, err = readReference(filepath.Join(cfg.root, "docs", "perf-reference.json")); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
	}
	steps := []struct {
		group string
		fn    func(context.Context, config, *results, io.Writer) error
	}{
		{"db", measureWorkspace},
		{"pg", measurePostgres},
		{"export", measureExport},
		{"startup", measureStartup},
	}
	for _, s := range steps {
		if cfg.skips(s.group) {
			fmt.Fprintf(stdout, "bench: %s figures skipped\n", s.group)
			continue
		}
		start := time.Now()
		var sk skipped
		if err := s.fn(ctx, cfg, res, stdout); errors.As(err, &sk) {
			fmt.Fprintf(stdout, "bench: %s figures skipped: %s\n", s.group, sk.why)
			res.skipped = append(res.skipped, s.group+": "+sk.why)
			continue
		} else if err != nil {
			fmt.Fprintf(stderr, "bench: %s figures: %v\n", s.group, err)
			return 1
		}
		fmt.Fprintf(stdout, "bench: %s figures measured in %s\n", s.group, time.Since(start).Round(time.Second))
	}
	return report(cfg, m, res, stdout, stderr)
}

// skipped is a group of figures that cannot be measured on this machine,
// and why: the run goes on without them.
type skipped struct{ why string }

func (s skipped) Error() string { return s.why }

func parseConfig(args []string) (config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	update := fs.Bool("update-reference", false, "")
	skip := fs.String("skip", "", "")
	root := fs.String("root", ".", "")
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("%v (flags: -update-reference, -skip db,pg,export,startup, -root DIR)", err)
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q (flags: -update-reference, -skip db,pg,export,startup, -root DIR)", fs.Arg(0))
	}
	abs, err := filepath.Abs(*root)
	if err != nil {
		return config{}, err
	}
	if _, err := os.Stat(filepath.Join(abs, "go.mod")); err != nil {
		return config{}, fmt.Errorf("-root %s is not the repository root (no go.mod)", *root)
	}
	cfg := config{root: abs, updateReference: *update, bin: filepath.Join(abs, "build", "bin", "hirebench")}
	for _, g := range strings.Split(*skip, ",") {
		switch g = strings.TrimSpace(g); g {
		case "":
		case "db", "pg", "export", "startup":
			cfg.skip = append(cfg.skip, g)
		default:
			return config{}, fmt.Errorf("-skip %s: not a group of figures (db, pg, export, startup)", g)
		}
	}
	sizes := []struct {
		env string
		dst *int
		def int
	}{
		{"BENCH_CANDIDATES", &cfg.candidates, fullCandidates},
		{"BENCH_ANSWERS", &cfg.answers, 0},
		{"BENCH_QUERIES", &cfg.queries, fullQueries},
		{"BENCH_EXPORT_ROWS", &cfg.exportRows, fullExportRows},
		{"BENCH_STARTUP_RUNS", &cfg.startupRuns, fullStartupRuns},
	}
	for _, s := range sizes {
		*s.dst = s.def
		v := os.Getenv(s.env)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return config{}, fmt.Errorf("%s=%q: want a whole number above 0", s.env, v)
		}
		*s.dst = n
	}
	if cfg.answers == 0 { // ten answers a candidate, as at full size
		cfg.answers = cfg.candidates * (fullAnswers / fullCandidates)
	}
	if cfg.queries < 20 {
		return config{}, errors.New("BENCH_QUERIES: at least 20 queries of each kind")
	}
	if cfg.updateReference && !cfg.full() {
		return config{}, errors.New("-update-reference needs the full sizes: unset BENCH_CANDIDATES, BENCH_ANSWERS and BENCH_EXPORT_ROWS")
	}
	if cfg.updateReference && len(cfg.skip) > 0 {
		return config{}, errors.New("-update-reference needs every figure: drop -skip")
	}
	return cfg, nil
}

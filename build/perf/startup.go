// The startup figure: the release binary's first interactive frame in a real
// window under Xvfb, against a blank page in the same kind of window.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/benchkit"
)

func measureStartup(ctx context.Context, cfg config, res *results, out io.Writer) error {
	if _, err := os.Stat(cfg.bin); err != nil {
		return fmt.Errorf("%s is missing: run make build (make bench builds it)", rel(cfg.root, cfg.bin))
	}
	blank := filepath.Join(cfg.benchDir(), "blankwindow")
	build := exec.CommandContext(ctx, "go", "build", "-tags", "desktop,production,webkit2_41", "-o", blank, "./build/perf/blankwindow")
	build.Dir = cfg.root
	if msg, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building build/perf/blankwindow: %v\n%s", err, msg)
	}
	dataDir, err := startupWorkspace(ctx, cfg, out)
	if err != nil {
		return err
	}
	// One start of each first, not counted: the first start after copying
	// the workspace reads it from disk, which says more about the disk
	// cache than about hirebench.
	for _, args := range [][]string{{cfg.bin, "--data-dir", dataDir}, {blank}} {
		if _, err := startupOnce(ctx, cfg, args); err != nil {
			return err
		}
	}
	return measureSteps(ctx, []step{one("startup_interactive", func(ctx context.Context) (benchkit.Figure, error) {
		return startupFigure(ctx, cfg, dataDir, blank, out)
	})}, res, out)
}

// startupFigure starts the app and the blank window in turn, cfg.startupRuns
// times each: the median of each side.
func startupFigure(ctx context.Context, cfg config, dataDir, blank string, out io.Writer) (benchkit.Figure, error) {
	var app, bare []float64
	for i := range cfg.startupRuns {
		steps := []struct {
			args []string
			out  *[]float64
		}{{[]string{cfg.bin, "--data-dir", dataDir}, &app}, {[]string{blank}, &bare}}
		if i%2 == 1 {
			slices.Reverse(steps)
		}
		for _, s := range steps {
			ms, err := startupOnce(ctx, cfg, s.args)
			if err != nil {
				return benchkit.Figure{}, err
			}
			*s.out = append(*s.out, ms)
		}
	}
	fmt.Fprintf(out, "bench: startup to interactive %v ms (blank page %v ms)\n", app, bare)
	return benchkit.Figure{Value: median(app), Baseline: median(bare), Unit: "ms"}, nil
}

// startupWorkspace copies the seeded workspace into its own data folder
// (the window is stopped with a signal, so it never touches the seed) and
// makes the recruiter the current profile, so the window opens on the board.
func startupWorkspace(ctx context.Context, cfg config, out io.Writer) (string, error) {
	seed, err := seededWorkspace(ctx, cfg, out)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cfg.benchDir(), "window")
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	db := filepath.Join(dir, "workspace.db")
	if err := copyWorkspace(seed, db); err != nil {
		return "", err
	}
	st, err := storage.Open(db)
	if err != nil {
		return "", err
	}
	defer st.Close()
	svc := tracking.New(st)
	b := &bench{st: st, svc: svc}
	recruiter, err := b.recruiter(ctx)
	if err != nil {
		return "", err
	}
	if _, err := svc.SwitchProfile(ctx, recruiter.ID, ""); err != nil {
		return "", err
	}
	return dir, nil
}

// startupOnce runs build/scripts/startup.sh for one start of args.
func startupOnce(ctx context.Context, cfg config, args []string) (float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(cfg.root, "build", "scripts", "startup.sh"), append([]string{"1"}, args...)...)
	cmd.Dir = cfg.root
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		hint := ""
		if args[0] == cfg.bin {
			hint = " (a build older than the frontend's interactive marker? run make build)"
		}
		return 0, fmt.Errorf("%s%s: %v\n%s", filepath.Base(args[0]), hint, err, stderr.String())
	}
	ms, err := strconv.ParseFloat(strings.TrimSpace(string(stdout)), 64)
	if err != nil {
		return 0, fmt.Errorf("startup.sh printed %q, not milliseconds", stdout)
	}
	return ms, nil
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

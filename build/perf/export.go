// The export figures: the committee workbook's Scorecards writer against a
// bare excelize StreamWriter, each in a process of its own so its peak RSS
// (VmHWM, read by the process itself) is the export's own.

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

type exportRun struct {
	ms      float64 // the write, as the child timed it
	inputMB float64 // the child's peak resident set before writing (its input rows)
	rssMB   float64 // the child's peak resident set
}

var exportLine = regexp.MustCompile(`(?m)^HIREBENCH_EXPORT path=(\w+) rows=(\d+) cols=(\d+) ms=([0-9.]+) input_kb=(\d+) peak_kb=(\d+)$`)

// measureExport builds the exports test binary once and runs
// BenchmarkWorkbookProcess in it: ours, bare, bare, ours. Time is the
// better of each side's two runs, RSS the larger.
func measureExport(ctx context.Context, cfg config, res *results, out io.Writer) error {
	bin := filepath.Join(cfg.benchDir(), "exports.test")
	build := exec.CommandContext(ctx, "go", "test", "-tags", "webkit2_41", "-c", "-o", bin, "./exports/")
	build.Dir = cfg.root
	if msg, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the exports test binary: %v\n%s", err, msg)
	}
	return measureSteps(ctx, []step{{"export", func(ctx context.Context) (figures, error) {
		runs := map[string][]exportRun{}
		for _, path := range []string{"ours", "bare", "bare", "ours"} {
			r, err := exportChild(ctx, cfg, bin, path)
			if err != nil {
				return nil, err
			}
			runs[path] = append(runs[path], r)
			fmt.Fprintf(out, "bench: export (%s) %.0f ms, peak RSS %.0f MB (%.0f MB before writing)\n", path, r.ms, r.rssMB, r.inputMB)
		}
		best := func(rs []exportRun) (ms, rss float64) {
			ms = rs[0].ms
			for _, r := range rs {
				ms, rss = min(ms, r.ms), max(rss, r.rssMB)
			}
			return ms, rss
		}
		oms, orss := best(runs["ours"])
		bms, brss := best(runs["bare"])
		return figures{
			"export_xlsx_time":     {Value: oms, Baseline: bms, Unit: "ms"},
			"export_xlsx_peak_rss": {Value: orss, Baseline: brss, Unit: "MB"},
		}, nil
	}}}, res, out)
}

func exportChild(ctx context.Context, cfg config, bin, path string) (exportRun, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run", "^$", "-test.bench", "^BenchmarkWorkbookProcess$", "-test.benchtime", "1x")
	cmd.Dir = filepath.Join(cfg.root, "exports")
	cmd.Env = append(os.Environ(), "HIREBENCH_EXPORT="+path, "HIREBENCH_EXPORT_ROWS="+strconv.Itoa(cfg.exportRows))
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stdout
	if err := cmd.Run(); err != nil {
		return exportRun{}, fmt.Errorf("export (%s): %v\n%s", path, err, lastLines(stdout.String(), 10))
	}
	m := exportLine.FindStringSubmatch(stdout.String())
	if m == nil || m[1] != path {
		return exportRun{}, fmt.Errorf("export (%s) printed no HIREBENCH_EXPORT line:\n%s", path, lastLines(stdout.String(), 10))
	}
	ms, _ := strconv.ParseFloat(m[4], 64)
	input, _ := strconv.ParseFloat(m[5], 64)
	peak, _ := strconv.ParseFloat(m[6], 64)
	return exportRun{ms: ms, inputMB: input / 1024, rssMB: peak / 1024}, nil
}

func lastLines(s string, n int) string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader([]byte(s)))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

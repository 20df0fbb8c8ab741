// Benchmarks writing 100,000 Scorecards rows against a bare excelize stream, and
// tests that both paths write the same cells.

package exports

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// BenchmarkWorkbook100k writes 100,000 Scorecards rows × 50 columns (the 20
// real columns plus 30 generated ones) twice per iteration, in the same run:
//
//   - ours: writeScorecards, the path WriteWorkbook uses (text capping,
//     quote-prefix styles, number styles, width fitting, Counts as computed
//     per row, the header comment), then the package is written to
//     io.Discard;
//   - bare: a plain excelize StreamWriter writing the same cell values
//     (Counts as from the same countsAs), no styles, then written to
//     io.Discard.
//
// Each iteration first times ours, bare, bare, ours (A-B-B-A, so drift
// and warm-up hit both alike; the machine is shared, so per path the
// shorter wall time and the mean bytes allocated are kept), then runs each
// path once more for memory with the collector at GOGC=10.
//
// Reported: ms and MB (ours: wall time; bytes allocated = TotalAlloc
// delta), peak_MB (ours: peak live heap above the pre-run baseline), the
// same for bare (bare_ms, bare_MB, bare_peak_MB) and the ratios ours/bare
// ratio_time, ratio_alloc, ratio_peak.
//
// Memory method: runtime.GC() twice before each run (the second cycle
// frees what sync.Pools kept); bytes allocated = TotalAlloc delta from
// runtime.ReadMemStats. Peak = the largest live heap the collector
// measured during the run — runtime/metrics /gc/heap/live:bytes, the heap
// marked live by the latest cycle, sampled every millisecond without
// stopping the world — minus the live heap after the initial GCs (the
// input rows). Live rather than in-use heap, because in-use heap also
// counts uncollected garbage and so follows GC pacing more than the
// writer; GOGC=10 during the memory runs makes a cycle run every ~10 % of
// heap growth, so a short-lived peak (excelize's WriteTo builds the whole
// zip in a bytes.Buffer before copying it out) is not missed between
// cycles. Timing runs use the default GOGC.
//
// Run: go test -run '^$' -bench Workbook100k -benchtime 1x ./exports/
func BenchmarkWorkbook100k(b *testing.B) {
	const rows, cols = 100_000, 50
	c := benchCommittee(rows)
	extra := benchExtra(cols - len(scorecardsHeader))

	var ours, bare runStats
	for range b.N {
		runOurs := func() runStats { return measure(b, func() error { return writeOurs(io.Discard, &c, extra) }) }
		runBare := func() runStats { return measure(b, func() error { return writeBare(io.Discard, &c, extra) }) }
		o1, b1 := runOurs(), runBare()
		b2, o2 := runBare(), runOurs()
		old := debug.SetGCPercent(10)
		om, bm := runOurs(), runBare()
		debug.SetGCPercent(old)
		ours.add(runStats{ms: min(o1.ms, o2.ms), mb: (o1.mb + o2.mb) / 2, peak: om.peak})
		bare.add(runStats{ms: min(b1.ms, b2.ms), mb: (b1.mb + b2.mb) / 2, peak: bm.peak})
	}
	n := float64(b.N)
	b.ReportMetric(ours.ms/n, "ms")
	b.ReportMetric(ours.mb/n, "MB")
	b.ReportMetric(ours.peak/n, "peak_MB")
	b.ReportMetric(bare.ms/n, "bare_ms")
	b.ReportMetric(bare.mb/n, "bare_MB")
	b.ReportMetric(bare.peak/n, "bare_peak_MB")
	b.ReportMetric(ours.ms/bare.ms, "ratio_time")
	b.ReportMetric(ours.mb/bare.mb, "ratio_alloc")
	b.ReportMetric(ours.peak/bare.peak, "ratio_peak")
}

// BenchmarkWorkbookProcess is one export in a process of its own, for
// `make bench` (bench/export.go): it builds the same rows as
// BenchmarkWorkbook100k, writes them once to a file — through our writer
// when HIREBENCH_EXPORT=ours, a bare StreamWriter when =bare — and prints
// the write time and the process's peak RSS (VmHWM) before and after the
// write, so the two paths are compared in separate, otherwise identical
// processes. (Not rusage's maxrss: after a fork and exec it still holds
// the parent's peak.)
// HIREBENCH_EXPORT_ROWS sets the rows (100,000 by default). Skipped when
// HIREBENCH_EXPORT is unset, so `go test -bench .` does not run it.
func BenchmarkWorkbookProcess(b *testing.B) {
	which := os.Getenv("HIREBENCH_EXPORT")
	write := map[string]func(io.Writer, *Committee, *extraColumns) error{"ours": writeOurs, "bare": writeBare}[which]
	if write == nil {
		b.Skip("HIREBENCH_EXPORT is not ours or bare: run by make bench")
	}
	rows := 100_000
	if v := os.Getenv("HIREBENCH_EXPORT_ROWS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("HIREBENCH_EXPORT_ROWS=%q: want a positive number", v)
		}
		rows = n
	}
	const cols = 50
	c := benchCommittee(rows)
	extra := benchExtra(cols - len(scorecardsHeader))
	input, err := peakRSS()
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		f, err := os.Create(filepath.Join(b.TempDir(), "export.xlsx"))
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		w := bufio.NewWriterSize(f, 1<<16)
		err = write(w, &c, extra)
		if err == nil {
			err = w.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		elapsed := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		peak, err := peakRSS()
		if err != nil {
			b.Fatal(err)
		}
		// One line the harness parses; the metrics are for a person reading it.
		fmt.Printf("HIREBENCH_EXPORT path=%s rows=%d cols=%d ms=%.1f input_kb=%d peak_kb=%d\n",
			which, rows, cols, float64(elapsed.Microseconds())/1000, input, peak)
		b.ReportMetric(float64(elapsed.Microseconds())/1000, "write_ms")
		b.ReportMetric(float64(peak)/1024, "peak_rss_MB")
	}
}

// peakRSS is this process's peak resident set in KiB (VmHWM, Linux).
func peakRSS() (int, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}

// writeOurs writes a package holding only Scorecards through writeScorecards.
func writeOurs(w io.Writer, c *Committee, extra *extraColumns) error {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet(SheetScorecards); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := writeScorecards(f, st, c, extra); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// writeBare writes the same cells with a plain StreamWriter.
func writeBare(w io.Writer, c *Committee, extra *extraColumns) error {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet(SheetScorecards); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetScorecards)
	if err != nil {
		return err
	}
	header := append(append([]any{}, toAny(scorecardsHeader)...), toAny(extra.headers)...)
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	counts := countsAs(c.Scorecards)
	vals := make([]any, len(header))
	ext := vals[len(scorecardsHeader):]
	for i := range c.Scorecards {
		r := &c.Scorecards[i]
		n := i + 2
		var score, norm any
		if r.Score != nil {
			score = *r.Score
		}
		if r.Norm != nil {
			norm = *r.Norm
		}
		copy(vals, []any{r.CandidateID, r.Candidate, r.Round, r.InterviewerID, r.Interviewer, r.Key, r.Competency, r.Question, score,
			fmt.Sprintf("%d–%d", r.ScaleMin, r.ScaleMax), r.Label, norm, counts[i],
			yesNoEmpty(r.Skipped), r.SkipReason, r.Notes, r.Recommendation, r.SubmittedAt, r.Hash, amendedText(r)})
		extra.fill(i, ext)
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// benchCommittee makes n Scorecards rows: 12 questions per card, 4 cards
// per candidate (the first and last by the same interviewer, so those
// answers count ½), realistic text, 1 % of notes starting with a formula
// trigger and one answer in 12 skipped.
func benchCommittee(n int) Committee {
	c := Committee{RoleID: 1, RoleTitle: "Bench", CoverageThreshold: 0.8}
	var keys []string
	for comp := range 4 {
		c.Competencies = append(c.Competencies, CompetencyWeight{ID: fmt.Sprintf("comp-%d", comp), Name: fmt.Sprintf("Competency %d", comp), Weight: 1})
		for q := range 3 {
			k := fmt.Sprintf("comp-%d/q-%d", comp, q)
			keys = append(keys, k)
			c.Questions = append(c.Questions, QuestionWeight{Key: k, CompetencyID: fmt.Sprintf("comp-%d", comp), Competency: fmt.Sprintf("Competency %d", comp),
				QuestionID: fmt.Sprintf("q-%d", q), Question: fmt.Sprintf("Question %d of competency %d", q, comp), Weight: float64(q + 1), Effective: float64(q+1) / 24})
		}
	}
	names := make([]string, 0, n/48+1)
	for i := range n/48 + 1 {
		names = append(names, fmt.Sprintf("Candidate %05d Example-Name", i))
	}
	notes := []string{
		"Clear structure, asked good clarifying questions before starting; missed the edge case with empty input.",
		"Solid, idiomatic code. Tests first. Needed a hint on the concurrency part but recovered quickly.",
		"-1 on communication: talked over the interviewer twice.",
		"",
		"Strong systems intuition; trade-offs were explicit and quantified (latency budget, p99).",
	}
	hash := "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
	c.Scorecards = make([]ScoreRow, n)
	for i := range n {
		cand := i / 48
		card := i / 12
		q := i % 12
		s := (i*7)%4 + 1
		norm := float64(s-1) / 3 * 100
		who := int64(card%4%3 + 1)
		r := ScoreRow{CandidateID: int64(cand + 1), Candidate: names[cand], Round: fmt.Sprint("Round ", card%4+1), InterviewerID: who,
			Interviewer: fmt.Sprint("Interviewer ", who), Key: keys[q], Competency: c.Questions[q].Competency, Question: c.Questions[q].Question,
			ScaleMin: 1, ScaleMax: 4, Label: "Meets", Notes: notes[i%len(notes)], Recommendation: "yes",
			SubmittedAt: "2026-03-14T10:00:00Z", Hash: hash, Amended: i%50 == 0, AmendedAfterSeeing: i%100 == 0}
		if i%100 == 0 {
			r.Notes = "=SUM(A1:A9) pasted by mistake"
		}
		if q == 11 && card%3 == 0 {
			r.Skipped, r.SkipReason = true, "ran out of time"
		} else {
			r.Score, r.Norm = ptr(s), ptr(norm)
		}
		c.Scorecards[i] = r
	}
	return c
}

// benchExtra generates k padding columns: numbers and short text.
func benchExtra(k int) *extraColumns {
	e := &extraColumns{}
	for j := range k {
		e.headers = append(e.headers, fmt.Sprintf("Extra %02d", j+1))
	}
	pool := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	e.fill = func(i int, dst []any) {
		for j := range dst {
			switch j % 3 {
			case 0:
				dst[j] = i + j
			case 1:
				dst[j] = float64(i%997) + 0.25
			default:
				dst[j] = pool[(i+j)%len(pool)]
			}
		}
	}
	return e
}

type runStats struct{ ms, mb, peak float64 }

func (r *runStats) add(o runStats) { r.ms, r.mb, r.peak = r.ms+o.ms, r.mb+o.mb, r.peak+o.peak }

// measure runs fn once and returns its wall time, bytes allocated and the
// sampled peak of live heap above the starting point (see the benchmark doc).
func measure(b *testing.B, fn func() error) runStats {
	b.Helper()
	const heapMetric = "/gc/heap/live:bytes"
	sample := []metrics.Sample{{Name: heapMetric}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	// Two cycles: the first frees garbage, the second what sync.Pools
	// (zip's flate writers) kept in their victim caches.
	runtime.GC()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	base := read()

	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: heapMetric}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			v := s[0].Value.Uint64()
			mu.Lock()
			peak = max(peak, v)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	err := fn()
	elapsed := time.Since(start)
	close(stop)
	<-done
	runtime.ReadMemStats(&after)
	if err != nil {
		b.Fatal(err)
	}
	mu.Lock()
	p := peak
	mu.Unlock()
	var above uint64
	if p > base {
		above = p - base
	}
	return runStats{
		ms:   float64(elapsed.Microseconds()) / 1000,
		mb:   float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20),
		peak: float64(above) / (1 << 20),
	}
}

// TestBenchPathsWriteTheSameCells keeps the benchmark honest on a small
// scale: both paths produce the same cell values and formulas.
func TestBenchPathsWriteTheSameCells(t *testing.T) {
	c := benchCommittee(300)
	extra := benchExtra(30)
	read := func(write func(io.Writer, *Committee, *extraColumns) error) [][]string {
		var buf bytes.Buffer
		if err := write(&buf, &c, extra); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows(SheetScorecards, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			for j := range rows[i] {
				ref := cellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(SheetScorecards, ref); formula != "" {
					rows[i][j] += " =" + formula
				}
			}
		}
		return rows
	}
	ours, bare := read(writeOurs), read(writeBare)
	if len(ours) != 301 || len(ours[0]) != 50 || len(bare) != len(ours) {
		t.Fatalf("rows: ours %d × %d, bare %d", len(ours), len(ours[0]), len(bare))
	}
	for i := range ours {
		if !slices.Equal(ours[i], bare[i]) {
			t.Fatalf("row %d differs:\nours %q\nbare %q", i+1, ours[i], bare[i])
		}
	}
	// Rows 2 and 38 are the first and fourth card of candidate 1, by the
	// same interviewer: each of their answers counts ½.
	if ours[1][scCountsAs-1] != "0.5" || ours[37][scCountsAs-1] != "0.5" || ours[13][scCountsAs-1] != "1" {
		t.Errorf("Counts as = %q, %q, %q; want 0.5, 0.5, 1", ours[1][scCountsAs-1], ours[37][scCountsAs-1], ours[13][scCountsAs-1])
	}
	for i := range ours {
		for _, v := range ours[i] {
			if strings.Contains(v, " =") {
				t.Fatalf("row %d holds a formula: %q", i+1, v)
			}
		}
	}
}

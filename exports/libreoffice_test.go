//go:build unix

package exports

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// LibreOffice check: LibreOffice opens the workbook, recalculates every
// formula, and exports each sheet to CSV; the recalculated Summary (planned
// and what-if rank, composite, coverage, complete), Questions and Weights
// must equal the app's numbers, and after the committee edits what-if
// cells they must equal this test's hand computation (handResults).
//
// LibreOffice does not recalculate .xlsx files on load by default (it
// trusts the cached values, and ignores fullCalcOnLoad), so the test runs it
// with a fresh profile whose registrymodifications.xcu sets
// Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate"). The
// what-if edits leave the cached values stale, so a LibreOffice that did
// not recalculate, or a wrong formula, gives different numbers; a negative
// control (Summary's composite replaced by an unweighted mean) must
// disagree, proving the check can fail.

const sofficeTimeout = 60 * time.Second

// sofficeCSVFilter: comma, double quote, UTF-8, first line 1, no cell
// formats, language 0, don't quote all text, detect special numbers, save
// values not as shown (full precision), no formulas, no space trimming,
// -1 = every sheet to its own file <name>-<Sheet>.csv (LibreOffice 7.2+).
const sofficeCSVFilter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`

const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

func findSoffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// convertWithLibreOffice converts the workbooks to one CSV per sheet in
// outDir, with a throw-away profile and HOME, killed after sofficeTimeout.
func convertWithLibreOffice(t *testing.T, bin, outDir string, files ...string) {
	t.Helper()
	tmp := t.TempDir()
	profile := filepath.Join(tmp, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), sofficeTimeout)
	defer cancel()
	args := append([]string{"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--norestore", "--nolockcheck", "--convert-to", sofficeCSVFilter, "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+home, "TMPDIR="+tmp)
	// soffice starts soffice.bin as a child: kill the whole group on timeout.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("soffice did not finish within %v:\n%s", sofficeTimeout, out)
	}
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	t.Logf("%s %s\n%s", bin, strings.Join(args, " "), out)
}

func readLOCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", filepath.Base(path), err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(utf8BOM))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// saveEdited writes c's workbook to path, then sets the given Weights
// cells (the what-if copy) as a committee member would; the cached values
// stay the app's, now stale.
func saveEdited(t *testing.T, c Committee, path string, edits map[string]float64) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, v := range edits {
		if err := f.SetCellFloat(SheetWeights, ref, v, -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// whatIfCell is the Weights cell holding the what-if weight of a
// competency id or question key, or of the threshold ("").
func whatIfCell(t *testing.T, c Committee, idOrKey string) string {
	t.Helper()
	if idOrKey == "" {
		return cellName(wCompWhatIf, newLayout(&c).threshold)
	}
	for i, comp := range c.Competencies {
		if comp.ID == idOrKey {
			return cellName(wCompWhatIf, i+2)
		}
	}
	for i, q := range c.Questions {
		if q.Key == idOrKey {
			return cellName(wQWhatIf, i+2)
		}
	}
	t.Fatalf("no competency or question %q", idOrKey)
	return ""
}

// summaryCells is one Summary row as LibreOffice computed it.
type summaryCells struct{ rank, composite, coverage, complete string }

// readSummary reads the planned and what-if columns of LibreOffice's
// Summary CSV by candidate id.
func readSummary(t *testing.T, recs [][]string) (planned, whatIf map[string]summaryCells) {
	t.Helper()
	if len(recs) < 2 || len(recs[1]) < sumCompleteWhatIf || recs[1][sumComposite-1] != "Composite (planned)" || recs[1][sumCompositeWhatIf-1] != "Composite (what-if)" {
		t.Fatalf("Summary CSV header = %q", recs)
	}
	planned, whatIf = map[string]summaryCells{}, map[string]summaryCells{}
	for _, rec := range recs[2:] {
		get := func(ws weightSet) summaryCells {
			return summaryCells{rec[ws.rank-1], rec[ws.composite-1], rec[ws.coverage-1], rec[ws.complete-1]}
		}
		planned[rec[0]], whatIf[rec[0]] = get(plannedSet), get(whatIfSet)
	}
	return planned, whatIf
}

// appResults is the app's numbers in handResult form.
func appResults(c Committee) map[int64]handResult {
	out := map[int64]handResult{}
	for _, cand := range c.Candidates {
		out[cand.CandidateID] = handResult{composite: cand.Composite, coverage: cand.Coverage, complete: cand.Complete, rank: cand.Rank}
	}
	return out
}

// compareSummary counts the candidates whose LibreOffice values differ
// from want: composite and coverage to 1e-6, complete and rank exactly.
func compareSummary(t *testing.T, label string, got map[string]summaryCells, c Committee, want map[int64]handResult) (mismatches int) {
	t.Helper()
	for _, cand := range c.Candidates {
		id := strconv.FormatInt(cand.CandidateID, 10)
		g, ok := got[id]
		w := want[cand.CandidateID]
		if !ok {
			t.Errorf("%s: candidate %s missing from LibreOffice's Summary", label, id)
			mismatches++
			continue
		}
		wantRank, wantComposite := "", ""
		if w.rank > 0 {
			wantRank = strconv.Itoa(w.rank)
		}
		bad := g.rank != wantRank || g.complete != yesNo(w.complete) || !closeTo(g.coverage, w.coverage)
		if w.composite == nil {
			bad = bad || g.composite != ""
		} else {
			wantComposite = strconv.FormatFloat(*w.composite, 'f', 9, 64)
			bad = bad || !closeTo(g.composite, *w.composite)
		}
		if bad {
			mismatches++
			t.Logf("%s: candidate %s: LibreOffice rank %q composite %q coverage %q complete %q; want rank %q composite %s coverage %.9f complete %s",
				label, id, g.rank, g.composite, g.coverage, g.complete, wantRank, wantComposite, w.coverage, yesNo(w.complete))
		}
	}
	return mismatches
}

// closeTo parses a number from LibreOffice's CSV (which keeps the % of a
// percent-formatted cell, at full precision: "83.3333333333333%") and
// compares it with want to 1e-6.
func closeTo(s string, want float64) bool {
	scale := 1.0
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, scale = t, 0.01
	}
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && math.Abs(v*scale-want) <= 1e-6
}

// checkQuestionsAndWeights: LibreOffice's Questions (Interviewers, Mean)
// and Weights (effective weights) equal the app's.
func checkQuestionsAndWeights(t *testing.T, label string, questions, weights [][]string, c Committee) {
	t.Helper()
	if len(questions) != len(c.Answers)+1 {
		t.Fatalf("%s: LibreOffice's Questions has %d rows, want %d", label, len(questions), len(c.Answers)+1)
	}
	for i, a := range c.Answers {
		rec := questions[i+1]
		if !closeTo(rec[qaInterviewers-1], float64(a.Interviewers)) {
			t.Errorf("%s: Questions row %d interviewers = %q, want %d", label, i+2, rec[qaInterviewers-1], a.Interviewers)
		}
		if a.Mean == nil && rec[qaMean-1] != "" || a.Mean != nil && !closeTo(rec[qaMean-1], *a.Mean) {
			t.Errorf("%s: Questions row %d mean = %q, want %v", label, i+2, rec[qaMean-1], deref(a.Mean))
		}
	}
	for i, q := range c.Questions {
		rec := weights[i+1]
		if rec[wKey-1] != q.Key || !closeTo(rec[wEffPlanned-1], q.Effective) || !closeTo(rec[wEffWhatIf-1], q.Effective) {
			t.Errorf("%s: Weights row %d = %q, want %q effective %v", label, i+2, rec[wKey-1:], q.Key, q.Effective)
		}
	}
}

func TestLibreOfficeRecalculates(t *testing.T) {
	bin := findSoffice()
	if bin == "" {
		t.Skip("LibreOffice (soffice or libreoffice) is not on PATH; install it to run this check: apt-get install -y --no-install-recommends libreoffice-calc")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	fixture := buildCommittee(t, fixtureCards())

	// (a) Unchanged: recalculating gives back the app's numbers.
	saveEdited(t, fixture, filepath.Join(dir, "same.xlsx"), nil)

	// (b) What-if: Collaboration 1 → 3, question T/t3 2 → 0.5, coverage
	// needed 80% → 30% (so Partial Pat, 1/3 of the plan, gets ranked).
	compW, qW := weightsOf(fixture)
	compW["C"], qW["T/t3"] = 3, 0.5
	const threshold = 0.3
	saveEdited(t, fixture, filepath.Join(dir, "whatif.xlsx"), map[string]float64{
		whatIfCell(t, fixture, "C"): 3, whatIfCell(t, fixture, "T/t3"): 0.5, whatIfCell(t, fixture, ""): threshold,
	})
	wantWhatIf := handResults(fixture, compW, qW, threshold)

	// (c) Negative control: the planned composite as an unweighted mean.
	broken, err := excelize.OpenFile(filepath.Join(dir, "same.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	last := len(fixture.Answers) + 1
	for i := range fixture.Candidates {
		r := i + sumFirstRow
		if err := broken.SetCellFormula(SheetSummary, cellName(sumComposite, r),
			fmt.Sprintf(`IFERROR(AVERAGEIFS(Questions!$G$2:$G$%d,Questions!$A$2:$A$%d,$A%d),"")`, last, last, r)); err != nil {
			t.Fatal(err)
		}
	}
	if err := broken.SaveAs(filepath.Join(dir, "broken.xlsx")); err != nil {
		t.Fatal(err)
	}
	_ = broken.Close()

	// (d) The injection committee: keys, names and notes that look like
	// formulas or criteria; what-if weights changed on the keys "*" (a
	// competency) and "?" (a question), which wildcards would over-match.
	inj := injectionCommittee()
	injComp, injQ := weightsOf(inj)
	injComp["*"], injQ["?"] = 4, 7
	saveEdited(t, inj, filepath.Join(dir, "inject.xlsx"), map[string]float64{whatIfCell(t, inj, "*"): 4, whatIfCell(t, inj, "?"): 7})

	start := time.Now()
	convertWithLibreOffice(t, bin, out, filepath.Join(dir, "same.xlsx"), filepath.Join(dir, "whatif.xlsx"),
		filepath.Join(dir, "broken.xlsx"), filepath.Join(dir, "inject.xlsx"))
	t.Logf("LibreOffice converted 4 workbooks in %v", time.Since(start).Round(time.Millisecond))
	sheetCSV := func(base, sheet string) [][]string { return readLOCSV(t, filepath.Join(out, base+"-"+sheet+".csv")) }

	// (a)
	planned, whatIf := readSummary(t, sheetCSV("same", SheetSummary))
	app := appResults(fixture)
	if n := compareSummary(t, "unchanged, planned", planned, fixture, app); n > 0 {
		t.Errorf("unchanged workbook: %d candidates' planned columns differ from the app", n)
	}
	if n := compareSummary(t, "unchanged, what-if", whatIf, fixture, app); n > 0 {
		t.Errorf("unchanged workbook: %d candidates' what-if columns differ from the app", n)
	}
	checkQuestionsAndWeights(t, "unchanged", sheetCSV("same", SheetQuestions), sheetCSV("same", SheetWeights), fixture)

	// (b)
	planned, whatIf = readSummary(t, sheetCSV("whatif", SheetSummary))
	if n := compareSummary(t, "what-if edited, planned", planned, fixture, app); n > 0 {
		t.Errorf("editing the what-if cells changed %d candidates' planned columns", n)
	}
	if n := compareSummary(t, "what-if edited, what-if", whatIf, fixture, wantWhatIf); n > 0 {
		t.Errorf("after the what-if edits, %d candidates' what-if columns differ from the hand computation", n)
	}
	// The edits matter: the stale (app) values are not the answer, and a
	// rank and a completeness moved.
	if n := compareSummary(t, "stale", whatIf, fixture, app); n < 2 {
		t.Errorf("the what-if edits moved only %d candidates; the check proves little", n)
	}
	moved := map[string]bool{}
	for _, cand := range fixture.Candidates {
		w := wantWhatIf[cand.CandidateID]
		if w.rank != cand.Rank {
			moved["rank"] = true
		}
		if w.complete != cand.Complete {
			moved["complete"] = true
		}
		if cand.Composite != nil && math.Abs(*w.composite-*cand.Composite) > 1e-3 {
			moved["composite"] = true
		}
		if math.Abs(w.coverage-cand.Coverage) > 1e-3 {
			moved["coverage"] = true
		}
	}
	if len(moved) != 4 {
		t.Errorf("the what-if edits should move rank, complete, composite and coverage; moved %v", moved)
	}

	// (c)
	brokenPlanned, _ := readSummary(t, sheetCSV("broken", SheetSummary))
	if n := compareSummary(t, "broken formula", brokenPlanned, fixture, app); n == 0 {
		t.Errorf("an unweighted composite formula passed the check; the check cannot fail")
	}

	// (d)
	planned, whatIf = readSummary(t, sheetCSV("inject", SheetSummary))
	injApp := appResults(inj)
	injHand := handResults(inj, injComp, injQ, inj.CoverageThreshold)
	if n := compareSummary(t, "injection, planned", planned, inj, injApp); n > 0 {
		t.Errorf("injection workbook: %d candidates' planned columns differ from the app", n)
	}
	if n := compareSummary(t, "injection, what-if", whatIf, inj, injHand); n > 0 {
		t.Errorf("injection workbook: %d candidates' what-if columns differ from the hand computation", n)
	}
	if n := compareSummary(t, "injection, stale", whatIf, inj, injApp); n == 0 {
		t.Errorf("the injection what-if edits moved nothing")
	}
	w0, w1 := weightsOf(inj)
	if n := compareSummary(t, "injection, planned by hand", planned, inj, handResults(inj, w0, w1, inj.CoverageThreshold)); n > 0 {
		t.Errorf("injection workbook: planned columns differ from the hand computation")
	}
	// Text stays text: every name, and every key in Questions, reads back.
	recs := sheetCSV("inject", SheetSummary)
	if recs[0][0] != inj.WeightsNote {
		t.Errorf("LibreOffice read the note %q as %q", inj.WeightsNote, recs[0][0])
	}
	names := map[string]bool{}
	for _, rec := range recs[2:] {
		names[rec[sumName-1]] = true
	}
	for _, s := range injectionCorpus {
		if !names[s] {
			t.Errorf("LibreOffice lost the name %q; names = %v", s, names)
		}
	}
	for i, rec := range sheetCSV("inject", SheetQuestions)[1:] {
		if rec[qaKey-1] != inj.Answers[i].Key {
			t.Errorf("Questions key %q read back as %q", inj.Answers[i].Key, rec[qaKey-1])
		}
	}
	checkQuestionsAndWeights(t, "injection", sheetCSV("inject", SheetQuestions), nil, Committee{Answers: inj.Answers})
	// The fixture's "=1+1" is still called that (not 2).
	for _, rec := range sheetCSV("same", SheetSummary)[2:] {
		if rec[0] == "4" && rec[1] != "=1+1" {
			t.Errorf("LibreOffice read the name =1+1 as %q", rec[1])
		}
	}
}

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
// formula, and exports each sheet to CSV; the recalculated composites must
// equal the ones this test computes by hand from the same rows.
//
// LibreOffice does not recalculate .xlsx files on load by default (it
// trusts the cached values, and ignores fullCalcOnLoad), so the test runs it
// with a fresh profile whose registrymodifications.xcu sets
// Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate"). The weight
// of one question is changed in the Weights sheet before saving, so the
// cached composites are stale: a LibreOffice that did not recalculate, or a
// wrong formula, gives different numbers. A negative control (Summary's
// formula replaced by an unweighted mean) must disagree, proving the check
// can fail.

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

// weightRow is the Weights row (1-based) of key.
func weightRow(t *testing.T, c Committee, key string) int {
	for i, w := range c.Weights {
		if w.Key == key {
			return i + 2
		}
	}
	t.Fatalf("no weight %q", key)
	return 0
}

// saveWithWeight writes c's workbook to path with key's weight changed in
// the Weights sheet (the cached composites stay the app's, now stale).
func saveWithWeight(t *testing.T, c Committee, path, key string, w float64) {
	t.Helper()
	f, err := newWorkbook(c)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellFloat(SheetWeights, cellName(wColWeight, weightRow(t, c, key)), w, -1, 64); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// summaryComposites reads the Composite column of LibreOffice's Summary CSV.
func summaryComposites(t *testing.T, recs [][]string) map[string]string {
	if len(recs) == 0 || len(recs[0]) < 4 || recs[0][3] != "Composite" {
		t.Fatalf("Summary CSV header = %q", recs)
	}
	out := map[string]string{}
	for _, rec := range recs[1:] {
		out[rec[0]] = rec[3]
	}
	return out
}

func compareComposites(t *testing.T, label string, got map[string]string, c Committee, weights map[string]float64) (mismatches int) {
	t.Helper()
	for _, cand := range c.Candidates {
		id := strconv.FormatInt(cand.CandidateID, 10)
		want, ok := handComposite(c, cand.CandidateID, weights)
		s, present := got[id]
		if !present {
			t.Errorf("%s: candidate %s missing from LibreOffice's Summary", label, id)
			mismatches++
			continue
		}
		if !ok {
			if s != "" {
				mismatches++
			}
			continue
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(v-want) > 1e-6 {
			mismatches++
			t.Logf("%s: candidate %s: LibreOffice %q, by hand %.12f", label, id, s, want)
		}
	}
	return mismatches
}

func TestLibreOfficeRecalculates(t *testing.T) {
	bin := findSoffice()
	if bin == "" {
		t.Skip("LibreOffice (soffice or libreoffice) is not on PATH; install it to run this check: apt-get install -y --no-install-recommends libreoffice-calc")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")

	// 1. The hand-made committee: 3 candidates, 2 interviewers on 1–4 and
	// 1–5 scales, 4 questions weighted 1, 1, 2, 0.5, one skipped answer.
	// The 0.5 weight becomes 3 in the Weights sheet.
	small := buildCommittee(t, smallCards())
	const changedKey, changedWeight = "comm/listen", 3.0
	saveWithWeight(t, small, filepath.Join(dir, "small.xlsx"), changedKey, changedWeight)
	// Unchanged, too: recalculating must give back the app's composites.
	saveWithWeight(t, small, filepath.Join(dir, "same.xlsx"), changedKey, 0.5)

	// 2. The injection corpus: keys, names and notes that look like formulas.
	inj := injectionCommittee()
	injKey := injectionCorpus[6]
	saveWithWeight(t, inj, filepath.Join(dir, "inject.xlsx"), injKey, 0)

	// 3. Negative control: Summary's composite replaced by an unweighted mean.
	broken, err := excelize.OpenFile(filepath.Join(dir, "small.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range small.Candidates {
		r := i + 2
		if err := broken.SetCellFormula(SheetSummary, fmt.Sprintf("D%d", r),
			fmt.Sprintf(`IFERROR(AVERAGEIF(Scorecards!$A$2:$A$25,$A%d,Scorecards!$K$2:$K$25),"")`, r)); err != nil {
			t.Fatal(err)
		}
	}
	if err := broken.SaveAs(filepath.Join(dir, "broken.xlsx")); err != nil {
		t.Fatal(err)
	}
	_ = broken.Close()

	convertWithLibreOffice(t, bin, out, filepath.Join(dir, "small.xlsx"), filepath.Join(dir, "same.xlsx"),
		filepath.Join(dir, "inject.xlsx"), filepath.Join(dir, "broken.xlsx"))
	sheetCSV := func(base, sheet string) [][]string { return readLOCSV(t, filepath.Join(out, base+"-"+sheet+".csv")) }

	changed := defaultWeights(small)
	changed[changedKey] = changedWeight
	got := summaryComposites(t, sheetCSV("small", SheetSummary))
	if n := compareComposites(t, "changed weight", got, small, changed); n > 0 {
		t.Errorf("after changing %s to %v, %d composites recalculated by LibreOffice differ from the hand computation", changedKey, changedWeight, n)
	}
	// The change matters: the stale cached values are not the answer.
	if n := compareComposites(t, "stale", got, small, defaultWeights(small)); n == 0 {
		t.Errorf("the weight change did not move any composite; the check proves nothing")
	}
	for _, cand := range small.Candidates {
		if s := got[strconv.FormatInt(cand.CandidateID, 10)]; s != "" {
			if v, _ := strconv.ParseFloat(s, 64); math.Abs(v-*cand.Composite) <= 1e-6 {
				t.Errorf("candidate %d: LibreOffice shows the stale app composite %v; it did not recalculate", cand.CandidateID, v)
			}
		}
	}
	// With the default weights, LibreOffice reproduces the app's composites.
	same := summaryComposites(t, sheetCSV("same", SheetSummary))
	for _, cand := range small.Candidates {
		v, err := strconv.ParseFloat(same[strconv.FormatInt(cand.CandidateID, 10)], 64)
		if err != nil || math.Abs(v-*cand.Composite) > 1e-6 {
			t.Errorf("candidate %d: LibreOffice %v, app %v", cand.CandidateID, v, *cand.Composite)
		}
	}
	// The Scorecards weight column follows the Weights sheet.
	for _, rec := range sheetCSV("small", SheetScorecards)[1:] {
		if rec[4] == changedKey && rec[11] != strconv.FormatFloat(changedWeight, 'f', -1, 64) {
			t.Errorf("Scorecards weight for %s = %q, want %v", changedKey, rec[11], changedWeight)
		}
	}
	// The candidate called "=1+1" is still called that (not 2).
	for _, rec := range sheetCSV("small", SheetSummary)[1:] {
		if rec[0] == "2" && rec[1] != "=1+1" {
			t.Errorf("LibreOffice read the name =1+1 as %q", rec[1])
		}
	}

	// Injection corpus: keys that look like formulas still match in
	// VLOOKUP, composites follow the changed weight, and text stays text.
	injWeights := defaultWeights(inj)
	injWeights[injKey] = 0
	if n := compareComposites(t, "injection", summaryComposites(t, sheetCSV("inject", SheetSummary)), inj, injWeights); n > 0 {
		t.Errorf("injection workbook: %d composites differ from the hand computation", n)
	}
	names := map[string]bool{}
	for _, rec := range sheetCSV("inject", SheetSummary)[1:] {
		names[rec[1]] = true
	}
	for _, s := range injectionCorpus {
		if !names[s] {
			t.Errorf("LibreOffice lost the name %q; names = %v", s, names)
		}
	}

	// Negative control: a wrong formula is caught.
	if n := compareComposites(t, "broken formula", summaryComposites(t, sheetCSV("broken", SheetSummary)), small, changed); n == 0 {
		t.Errorf("an unweighted composite formula passed the check; the check cannot fail")
	}
}

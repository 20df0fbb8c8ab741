//go:build unix

// The AI usage sheet: its rows as given, formula-like names kept as text,
// totals as live SUMs that LibreOffice recalculates to the hand-computed
// figures after a cell is edited (the cached totals are then stale, so a
// LibreOffice that did not recalculate, or a wrong formula, fails), no
// sheet without AI, and a negative or non-finite figure refused.

package exports

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func aiUsageCommittee(t *testing.T) Committee {
	c := buildCommittee(t, fixtureCards())
	c.AIUsage = []AIUsageRow{
		{Feature: "Screening resumes", Model: "gpt-4o-mini", Calls: 6, Cached: 3, Failed: 1, TokensIn: 3600, TokensOut: 900, CostUSD: 0.0011},
		{Feature: "Second opinion on a score", Model: "=HYPERLINK(\"http://x\")", Calls: 2, TokensIn: 1600, TokensOut: 120, CostUSD: 0.00416},
	}
	return c
}

func TestAIUsageSheet(t *testing.T) {
	f, _ := writeAndOpen(t, aiUsageCommittee(t))
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, SheetAIUsage); i < 0 || sheets[i-1] != SheetCalibration {
		t.Fatalf("sheets = %q", sheets)
	}
	id, err := f.GetCellStyle(SheetAIUsage, "B4")
	quoted := err == nil && id < len(f.Styles.CellXfs.Xf) && f.Styles.CellXfs.Xf[id].QuotePrefix != nil && *f.Styles.CellXfs.Xf[id].QuotePrefix
	if got := cell(t, f, SheetAIUsage, "B4"); got != `=HYPERLINK("http://x")` || !quoted {
		t.Errorf("a model name that looks like a formula: %q", got)
	}
	if got := formulaAt(t, f, SheetAIUsage, "B4"); got != "" {
		t.Errorf("B4 became a formula: %q", got)
	}
	// Totals: 6+2 calls, 3 cached, 1 failed, 5200 and 1020 tokens, $0.00526.
	for ref, want := range map[string]float64{"C5": 8, "D5": 3, "E5": 1, "F5": 5200, "G5": 1020, "H5": 0.00526} {
		if got := num(t, f, SheetAIUsage, ref); !near(got, want) {
			t.Errorf("%s = %v, want %v", ref, got, want)
		}
		col := ref[:1]
		if got := formulaAt(t, f, SheetAIUsage, ref); got != "SUM("+col+"3:"+col+"4)" {
			t.Errorf("%s formula = %q", ref, got)
		}
	}

	plain := buildCommittee(t, fixtureCards())
	g, _ := writeAndOpen(t, plain)
	if slices.Contains(g.GetSheetList(), SheetAIUsage) {
		t.Errorf("no AI used, yet the sheets are %q", g.GetSheetList())
	}
	bad := aiUsageCommittee(t)
	bad.AIUsage[0].CostUSD = -1
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, bad); err == nil || !strings.Contains(err.Error(), "AI usage") || buf.Len() != 0 {
		t.Errorf("a negative cost: %v (%d bytes written)", err, buf.Len())
	}
}

func TestLibreOfficeRecalculatesTheAIUsageTotals(t *testing.T) {
	bin := findSoffice()
	if bin == "" {
		t.Skip("LibreOffice (soffice or libreoffice) is not on PATH; install it to run this check: apt-get install -y --no-install-recommends libreoffice-calc")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, aiUsageCommittee(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// The screening row's calls 6 → 60 and cost → $0.0211: the cached totals go stale.
	for ref, v := range map[string]float64{"C3": 60, "H3": 0.0211} {
		if err := f.SetCellFloat(SheetAIUsage, ref, v, -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "ai.xlsx")); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	out := filepath.Join(dir, "out")
	convertWithLibreOffice(t, bin, out, filepath.Join(dir, "ai.xlsx"))
	recs := readLOCSV(t, filepath.Join(out, "ai-"+SheetAIUsage+".csv"))
	if len(recs) != 5 || recs[4][0] != "Total" {
		t.Fatalf("AI usage as LibreOffice reads it: %q", recs)
	}
	// By hand: 60 + 2 calls; $0.0211 + $0.00416; the rest as written.
	for i, want := range []float64{62, 3, 1, 5200, 1020, 0.02526} {
		if got := recs[4][i+2]; !closeTo(got, want) {
			t.Errorf("total %s = %q, want %v", aiUsageHeader[i+2], got, want)
		}
	}
}

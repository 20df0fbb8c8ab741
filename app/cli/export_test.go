// Tests `export xlsx` and `export csv` on the demo workspace (sheets, rows, the
// byte-order mark) and their usage errors.

package cli_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/cli"
)

func TestExportDemoRole(t *testing.T) {
	dir := demoWorkspace(t)
	out := filepath.Join(t.TempDir(), "committee.xlsx")
	msg := mustRun(t, dir, "export", "xlsx", "--role", "Senior AI Engineer", "--out", out)
	if !strings.Contains(msg, "candidates") {
		t.Errorf("export said %q", msg)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	defer f.Close()
	for _, sheet := range []string{"Summary", "Weights", "Scorecards", "Calibration"} {
		if i, _ := f.GetSheetIndex(sheet); i < 0 {
			t.Errorf("sheet %s missing", sheet)
		}
	}
	rows, _ := f.GetRows("Scorecards")
	if len(rows) < 10 {
		t.Errorf("Scorecards has %d rows; the demo role has submitted scorecards", len(rows))
	}

	csvPath := filepath.Join(t.TempDir(), "summary.csv")
	mustRun(t, dir, "export", "csv", "--role", "Senior AI Engineer", "--out", csvPath, "--bom")
	b, _ := os.ReadFile(csvPath)
	if !strings.HasPrefix(string(b), "\uFEFF") {
		t.Error("--bom did not write a byte-order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("summary CSV: %d records, %v", len(recs), err)
	}
}

func TestExportErrors(t *testing.T) {
	dir := demoWorkspace(t)
	wantFailure(t, run(t, dir, "export", "xlsx", "--role", "No Such Role", "--out", filepath.Join(dir, "x.xlsx")), cli.ExitError, "No Such Role")
	wantFailure(t, run(t, dir, "export", "xlsx", "--out", filepath.Join(dir, "x.xlsx")), cli.ExitUsage, "--role")
	wantFailure(t, run(t, dir, "export", "csv", "--role", "1", "--out", filepath.Join(dir, "x.csv"), "--sheet", "weights"), cli.ExitUsage, "sheet")
	wantFailure(t, run(t, dir, "export", "xlsx", "--role", "1", "--out", filepath.Join(dir, "missing-dir", "x.xlsx")), cli.ExitError, "missing-dir")
}

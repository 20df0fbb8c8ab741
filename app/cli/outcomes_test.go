package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hirebench/app/cli"
	"hirebench/app/outcomes"
)

// demoHire is a hired candidate of the demo workspace and their role.
func demoHire(t *testing.T, dir string) (candidate, role string) {
	t.Helper()
	var list []struct {
		ID           int64 `json:"id"`
		Applications []struct {
			RoleID    int64  `json:"roleId"`
			StageName string `json:"stageName"`
		} `json:"applications"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "candidates", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		for _, a := range c.Applications {
			if a.StageName == "Hired" {
				return strconv.FormatInt(c.ID, 10), strconv.FormatInt(a.RoleID, 10)
			}
		}
	}
	t.Fatal("the demo workspace has nobody hired")
	return "", ""
}

func TestRecordingAnOutcomeAndTheValidityReport(t *testing.T) {
	dir := demoWorkspace(t)
	cand, role := demoHire(t, dir)
	if out := mustRun(t, dir, "validity", "--role", role); !strings.Contains(out, outcomes.Empty) {
		t.Errorf("before any outcome: %q", out)
	}
	mustRun(t, dir, "candidates", "outcome", "--candidate", cand, "--role", role, "--rating-90d", "4")
	// Leaving before the hire is refused: they would count as a leaver who never started.
	wantFailure(t, run(t, dir, "candidates", "outcome", "--candidate", cand, "--role", role, "--left", "2001-01-31", "--regretted", "no"),
		cli.ExitError, "before they were hired")
	// A later flag changes only what it names. (The demo's hires are recent: they left today.)
	today := time.Now().UTC().Format(outcomes.DateLayout)
	out := mustRun(t, dir, "candidates", "outcome", "--candidate", cand, "--role", role, "--left", today, "--regretted", "no", "--json")
	var entries []outcomes.Entry
	if err := json.Unmarshal([]byte(out), &entries); err != nil || len(entries) != 1 || entries[0].Outcome == nil {
		t.Fatalf("entries = %s (%v)", out, err)
	}
	o := entries[0].Outcome
	if o.Rating90d == nil || *o.Rating90d != 4 || o.LeftOn != today || o.Regretted == nil || *o.Regretted ||
		o.RecordedBy != "command line" {
		t.Errorf("outcome = %+v", o)
	}
	var rep outcomes.Report
	if err := json.Unmarshal([]byte(mustRun(t, dir, "validity", "--role", role, "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.People != 1 || rep.Measures[0].Rows[0].Stats.N != 1 || rep.Measures[0].Rows[0].Stats.Warning == "" {
		t.Errorf("report = %+v", rep)
	}
	text := mustRun(t, dir, "validity", "--role", role)
	if !strings.Contains(text, "1 hired with an outcome recorded") || !strings.Contains(text, "note: Only hired candidates") {
		t.Errorf("text report:\n%s", text)
	}
	// The committee workbook now has a Validity sheet, naming nobody.
	path := filepath.Join(t.TempDir(), "c.xlsx")
	mustRun(t, dir, "export", "xlsx", "--role", role, "--out", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Validity")
	if err != nil || len(rows) < 5 || rows[2][0] != "Outcome" {
		t.Fatalf("Validity sheet: %v, %v", rows, err)
	}
	// the file-based command still works beside it
	csv := filepath.Join(t.TempDir(), "v.csv")
	if err := os.WriteFile(csv, []byte("score,outcome\n1,2\n2,3\n3,5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, dir, "validity", "--in", csv); !strings.Contains(out, "3 pairs") {
		t.Errorf("validity --in: %q", out)
	}
}

func TestABadOutcomeSaysWhichFlagAndSavesNothing(t *testing.T) {
	dir := demoWorkspace(t)
	cand, role := demoHire(t, dir)
	for _, c := range []struct {
		args     []string
		code     int
		mentions []string
	}{
		{[]string{"--rating-90d", "7"}, cli.ExitError, []string{"--rating-90d", "7 is not"}},
		{[]string{"--rating-1y", "great"}, cli.ExitUsage, []string{"--rating-1y", "whole number"}},
		{[]string{"--left", "31/01/2026", "--regretted", "yes"}, cli.ExitError, []string{"--left", "YYYY-MM-DD"}},
		{[]string{"--left", "2026-01-31"}, cli.ExitError, []string{"--regretted", "yes or no"}},
		{[]string{"--left", "2026-01-31", "--regretted", "maybe"}, cli.ExitUsage, []string{"--regretted", "yes or no"}},
	} {
		args := append([]string{"candidates", "outcome", "--candidate", cand, "--role", role}, c.args...)
		wantFailure(t, run(t, dir, args...), c.code, c.mentions...)
	}
	wantFailure(t, run(t, dir, "candidates", "outcome", "--rating-90d", "3"), cli.ExitUsage, "--candidate")
	wantFailure(t, run(t, dir, "candidates", "outcome", "--candidate", cand, "--rating-90d", "3"), cli.ExitUsage, "--role")
	if out := mustRun(t, dir, "candidates", "outcome", "--candidate", cand); strings.Contains(out, "2026") || !strings.Contains(out, "—") {
		t.Errorf("after refused outcomes, something was saved:\n%s", out)
	}
}

// Tests the `stats` command's JSON on the published Shrout & Fleiss example and
// its errors on bad input.

package cli_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/cli"
)

// The Shrout & Fleiss (1979) Table 2 ratings, one CSV row per rating.
func shroutFleissCSV(t *testing.T) string {
	rows := [][]int{{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}}
	var b strings.Builder
	b.WriteString("subject,rater,score\n")
	for i, r := range rows {
		for j, v := range r {
			fmt.Fprintf(&b, "T%d,J%d,%d\n", i+1, j+1, v)
		}
	}
	path := filepath.Join(t.TempDir(), "ratings.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStatsJSONOnPublishedExample(t *testing.T) {
	dir := t.TempDir()
	out := mustRun(t, dir, "stats", "--in", shroutFleissCSV(t), "--json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// Published in Shrout & Fleiss (1979), Table 4.
	want := map[string]float64{"icc_1_1": 0.17, "icc_2_1": 0.29, "icc_3_1": 0.71, "icc_1_k": 0.44, "icc_2_k": 0.62, "icc_3_k": 0.91}
	for k, v := range want {
		got, ok := rep[k].(float64)
		if !ok || math.Abs(got-v) > 0.005 {
			t.Errorf("%s = %v, want %.2f", k, rep[k], v)
		}
	}
	for _, k := range []string{"alpha_nominal", "alpha_ordinal", "alpha_interval", "alpha_ratio"} {
		if _, ok := rep[k].(float64); !ok {
			t.Errorf("%s missing or not a number: %v", k, rep[k])
		}
	}
	if rep["subjects"] != 6.0 || rep["raters"] != 4.0 || rep["ratings"] != 24.0 {
		t.Errorf("counts = %v %v %v", rep["subjects"], rep["raters"], rep["ratings"])
	}
	if _, err := os.Stat(filepath.Join(dir, "workspace.db")); !os.IsNotExist(err) {
		t.Error("stats created a workspace")
	}
	text := mustRun(t, dir, "stats", "--in", shroutFleissCSV(t))
	if !strings.Contains(text, "icc_2_1") || !strings.Contains(text, "0.29") {
		t.Errorf("text output:\n%s", text)
	}
}

func TestStatsBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("subject,rater,score\nS1,R1,3\nS1,R2,abc\n"), 0o600)
	wantFailure(t, run(t, dir, "stats", "--in", bad, "--json"), cli.ExitError, "line 3")
	wantFailure(t, run(t, dir, "stats", "--json"), cli.ExitUsage, "--in")
	wantFailure(t, run(t, dir, "stats", "--in", filepath.Join(dir, "nope.csv")), cli.ExitError, "nope.csv")
}

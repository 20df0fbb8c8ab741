// Tests the `fairness` command on the EEOC example of docs/FAIRNESS.md, and
// the one-line errors of `fairness` and `validity` on bad input.

package cli_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/cli"
)

func writeCSV(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The EEOC example, one row a person: 80 of 120 white applicants hired,
// 12 of 40 black applicants.
func eeocCSV(t *testing.T) string {
	var b strings.Builder
	b.WriteString("group,selected\n")
	for i := range 120 {
		b.WriteString("White," + map[bool]string{true: "1", false: "0"}[i < 80] + "\n")
	}
	for i := range 40 {
		b.WriteString("Black," + map[bool]string{true: "1", false: "0"}[i < 12] + "\n")
	}
	return writeCSV(t, "hires.csv", b.String())
}

func TestFairnessCommand(t *testing.T) {
	dir := t.TempDir()
	var rep struct {
		N      int `json:"n"`
		Groups []struct {
			Group       string   `json:"group"`
			N           int      `json:"n"`
			Selected    int      `json:"selected"`
			Rate        float64  `json:"rate"`
			ImpactRatio *float64 `json:"impact_ratio"`
			FourFifths  *bool    `json:"four_fifths_flag"`
			FisherP     *float64 `json:"fisher_p"`
			TooFew      *bool    `json:"too_few"`
		} `json:"groups"`
	}
	out := mustRun(t, dir, "fairness", "--in", eeocCSV(t), "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.N != 160 || len(rep.Groups) != 2 {
		t.Fatalf("report %s", out)
	}
	w, b := rep.Groups[0], rep.Groups[1]
	if w.Group != "White" || w.N != 120 || w.Selected != 80 || math.Abs(w.Rate-0.667) > 0.0005 || *w.ImpactRatio != 1 || *w.FourFifths {
		t.Errorf("White: %+v", w)
	}
	// 30% / 66.7% = 45%, below four-fifths; Fisher p 7.8958e-05 (docs/FAIRNESS.md).
	if b.Group != "Black" || b.Rate != 0.3 || math.Abs(*b.ImpactRatio-0.45) > 1e-12 || !*b.FourFifths || *b.TooFew ||
		math.Abs(*b.FisherP-7.8958e-05) > 1e-8 {
		t.Errorf("Black: %+v", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "workspace.db")); !os.IsNotExist(err) {
		t.Error("fairness created a workspace")
	}

	text := mustRun(t, dir, "fairness", "--in", eeocCSV(t))
	for _, want := range []string{"160 people in 2 groups, 92 selected", "against the highest rate (White)", "66.7%", "0.45", "< 0.0001", "below four-fifths"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestFairnessAndValidityBadInput(t *testing.T) {
	dir := t.TempDir()
	wantFailure(t, run(t, dir, "fairness", "--in", writeCSV(t, "a.csv", "group,selected\nA,1\nB,yes\n"), "--json"), cli.ExitError, "a.csv", `line 3: selected "yes" must be 0 or 1`)
	wantFailure(t, run(t, dir, "fairness", "--in", writeCSV(t, "b.csv", "group,hired\nA,1\n")), cli.ExitError, "line 1", "lacks the column selected")
	wantFailure(t, run(t, dir, "fairness", "--in", writeCSV(t, "c.csv", "group,selected\n\"A\nB\",1\n,0\n")), cli.ExitError, "line 4: group is empty")
	wantFailure(t, run(t, dir, "fairness", "--json"), cli.ExitUsage, "--in")
	wantFailure(t, run(t, dir, "fairness", "--in", filepath.Join(dir, "nope.csv")), cli.ExitError, "nope.csv")
	wantFailure(t, run(t, dir, "fairness", "--in", dir), cli.ExitError)
	wantFailure(t, run(t, dir, "fairness", "--in", "x.csv", "extra"), cli.ExitUsage, "unexpected argument")

	wantFailure(t, run(t, dir, "validity", "--in", writeCSV(t, "d.csv", "score,outcome\n1,2\n3,n/a\n")), cli.ExitError, "d.csv", `line 3: outcome "n/a" is not a number`)
	wantFailure(t, run(t, dir, "validity", "--in", writeCSV(t, "e.csv", "score,outcome\n1,2,3\n")), cli.ExitError, "line 2: has 3 fields but the header has 2")
	wantFailure(t, run(t, dir, "validity", "--in", writeCSV(t, "f.csv", "")), cli.ExitError, "empty")
	wantFailure(t, run(t, dir, "validity"), cli.ExitUsage, "--in")
	wantFailure(t, run(t, dir, "validity", "--bogus"), cli.ExitUsage)
}

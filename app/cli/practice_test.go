// Tests `practice samples|score|status`: a scripted drill over the built-in
// rubric's 32 samples completes practice; bad input is one line.

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/cli"
)

func TestPracticeFromTheCommandLine(t *testing.T) {
	dir := demoWorkspace(t)
	var rubrics []struct {
		ID      int64 `json:"id"`
		Builtin bool  `json:"builtin"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "rubric", "list", "--json")), &rubrics); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, r := range rubrics {
		if r.Builtin {
			id = strconv.FormatInt(r.ID, 10)
		}
	}
	var d struct {
		Samples []struct {
			ID        string `json:"id"`
			Reference *int   `json:"reference"`
		} `json:"samples"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "practice", "samples", "--rubric", id, "--json")), &d); err != nil || len(d.Samples) != 32 {
		t.Fatalf("samples: %d, %v", len(d.Samples), err)
	}
	csv := "sample_id,level\n"
	for _, s := range d.Samples {
		if s.Reference != nil {
			t.Fatal("the samples give their reference level away")
		}
		csv += s.ID + ",2\n"
	}
	file := filepath.Join(t.TempDir(), "levels.csv")
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	// Eight questions with samples at levels 1–4, all scored 2: 8 exact,
	// 24 within one level (the 1s, 2s and 3s), bias (+1 + 0 − 1 − 2) × 8 / 32 = −0.5.
	out := mustRun(t, dir, "practice", "score", "--rubric", id, "--as", "Sam Okafor", "--levels", file)
	for _, want := range []string{"32 of 32 samples (practice complete)", "exact agreement     25%", "within one level    75%",
		"You scored 0.5 levels below the reference on average: stricter than the rubric.", "the anchor you chose: "} {
		if !strings.Contains(out, want) {
			t.Errorf("score printed\n%s\nwithout %q", out, want)
		}
	}
	status := mustRun(t, dir, "practice", "status", "--rubric", id)
	for _, line := range strings.Split(strings.TrimSpace(status), "\n")[2:] {
		if strings.HasPrefix(line, "Sam Okafor") == strings.Contains(line, "not practised") {
			t.Errorf("status line %q: only Sam practised", line)
		}
	}

	dup := filepath.Join(t.TempDir(), "dup.csv")
	os.WriteFile(dup, []byte("sample_id,level\n"+d.Samples[0].ID+",2\n"+d.Samples[0].ID+",3\n"), 0o600)
	wantFailure(t, run(t, dir, "practice", "score", "--rubric", id, "--as", "Sam Okafor", "--levels", dup), cli.ExitError, "line 3", "given twice")
	off := filepath.Join(t.TempDir(), "off.csv")
	os.WriteFile(off, []byte("sample_id,level\n"+d.Samples[0].ID+",9\n"), 0o600)
	wantFailure(t, run(t, dir, "practice", "score", "--rubric", id, "--as", "Sam Okafor", "--levels", off), cli.ExitError, d.Samples[0].ID, "off the scale")
	wantFailure(t, run(t, dir, "practice", "score", "--rubric", id, "--levels", off), cli.ExitUsage, "--as")
	wantFailure(t, run(t, dir, "practice", "status"), cli.ExitUsage, "--rubric")
}

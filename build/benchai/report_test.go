package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
)

// The summary replaces the mock's block every time and the real model's
// only when one was measured: a run without a key keeps the last real figures.
func TestUpdateDocsKeepsTheRealBlockWhenNotMeasured(t *testing.T) {
	path := filepath.Join(t.TempDir(), "AI.md")
	doc := "# AI\n\n" + mockStart + "\nold mock\n" + mockEnd + "\n\n" + realStart + "\ngpt-4o-mini: every goal met\n" + realEnd + "\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &assist.ProbeReport{ProbeFigures: ai.ProbeFigures{StableShare: 1, StablePass: true, ImpactPass: true, Pass: true,
		Groups: []ai.GroupRate{{Group: "A", ImpactRatio: 1}, {Group: "B", ImpactRatio: 0.95}}}, Calls: 64, CostUSD: 0.01}
	rep := &report{At: "2026-01-02T03:04:05Z", Results: []*result{{Target: "mock", Kind: "mock", Expect: "it works", Probe: p}}}
	if err := updateDocs(path, rep); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	got := string(b)
	for _, want := range []string{"The mock, 2026-01-02", "| mock |", "0.95 (B) pass", "as expected: it works", "gpt-4o-mini: every goal met"} {
		if !strings.Contains(got, want) {
			t.Errorf("docs lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "old mock") {
		t.Errorf("the mock's old block stayed:\n%s", got)
	}
	if err := os.WriteFile(path, []byte("# AI without the blocks\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateDocs(path, rep); err == nil || !strings.Contains(err.Error(), mockStart) {
		t.Errorf("a page without the blocks: %v", err)
	}
}

// The mock calls each flag by its rules: the misquoted flag's quote is not
// in the resume, and the second run's seed wavers on one flag.
func TestMockAnswer(t *testing.T) {
	user := "Checklist:\n<checklist>\n- measures-quality-and-health [green flag]: x\n- unbacked-expertise-claims [red flag]: y\n</checklist>\n\n" +
		"Resume:\n<resume>\nKenya Mack\nMonitors latency and cost.\n</resume>"
	first, second := answer(user, 7, mockOptions{}), answer(user, 8, mockOptions{})
	if !strings.Contains(first, `"quote":"Also monitors latency and cost."`) || !strings.Contains(first, `"status":"present"`) {
		t.Errorf("run 1: %s", first)
	}
	if strings.Count(first, `"status":"absent"`) != 1 || strings.Count(second, `"status":"unclear"`) != 1 {
		t.Errorf("unbacked-expertise-claims: run 1 %s, run 2 %s", first, second)
	}
	if bent := answer(user, 7, mockOptions{disfavoured: []string{"Kenya Mack"}}); strings.Contains(bent, `"present"`) {
		t.Errorf("a disfavoured name kept a green present: %s", bent)
	}
}

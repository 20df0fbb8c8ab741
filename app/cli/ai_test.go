// Tests the `ai` commands against the fake OpenAI server: the key's
// sources, the JSON the issue promises, the cache, usage, the budget stop
// and failures as one line.

package cli_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"hirebench/app/assist/openaitest"
	"hirebench/app/cli"
	"hirebench/app/rubric"
)

// modelReply marks every built-in checklist flag unclear, and the first
// present with a quote the resume does not contain.
func modelReply(t *testing.T) string {
	t.Helper()
	var flags []map[string]string
	for i, f := range rubric.Builtin().Screen {
		fl := map[string]string{"id": f.ID, "status": "unclear", "quote": "", "reason": "Not in the resume."}
		if i == 0 {
			fl["status"], fl["quote"] = "present", "won the Turing award twice"
		}
		flags = append(flags, fl)
	}
	b, _ := json.Marshal(map[string]any{"flags": flags})
	return string(b)
}

type screenOut struct {
	Flags []struct {
		ID, Status, Quote string
		Verified          bool
	} `json:"flags"`
	Dropped   int     `json:"dropped"`
	Cached    bool    `json:"cached"`
	Model     string  `json:"model"`
	TokensIn  int     `json:"tokens_in"`
	TokensOut int     `json:"tokens_out"`
	CostUSD   float64 `json:"cost_usd"`
}

func TestAIScreen(t *testing.T) {
	dir := demoWorkspace(t)
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Content: modelReply(t), PromptTokens: 2000, CompletionTokens: 500})
	screen := []string{"ai", "screen", "--candidate", "ada.liskov@example.com", "--role", "Senior AI Engineer",
		"--base-url", srv.URL(), "--json"}

	restore := cli.SetGetenv(func(string) string { return "" })
	wantFailure(t, run(t, dir, screen...), cli.ExitError, "OPENAI_API_KEY")
	restore()

	defer cli.SetGetenv(func(k string) string {
		if k == "OPENAI_API_KEY" {
			return openaitest.Key
		}
		return ""
	})()
	var got screenOut
	if err := json.Unmarshal([]byte(mustRun(t, dir, screen...)), &got); err != nil {
		t.Fatal(err)
	}
	// Three runs (the default), each gpt-4o-mini: 2000 × $0.15/M + 500 × $0.60/M = $0.0003 + $0.0003;
	// the invented quote is dropped in each.
	if len(got.Flags) != len(rubric.Builtin().Screen) || got.Dropped != 3 || got.Cached || got.Model != "gpt-4o-mini" ||
		got.TokensIn != 6000 || got.TokensOut != 1500 || fmt.Sprintf("%.6f", got.CostUSD) != "0.001800" {
		t.Errorf("ai screen = %+v", got)
	}
	if got.Flags[0].Quote != "" || got.Flags[0].Verified {
		t.Errorf("an invented quote was kept: %+v", got.Flags[0])
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, screen...)), &got); err != nil || !got.Cached || got.CostUSD != 0 {
		t.Errorf("the repeat should come from the cache at no cost: %+v %v", got, err)
	}
	if n := len(srv.Completions()); n != 3 {
		t.Errorf("%d paid calls, want 3 (one per run)", n)
	}

	var usage struct {
		Rows []struct {
			Feature, Model        string
			Calls, Cached, Failed int
			CostUSD               float64
		} `json:"rows"`
		MonthUSD, BudgetUSD float64
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "ai", "usage", "--json")), &usage); err != nil {
		t.Fatal(err)
	}
	if len(usage.Rows) != 1 || usage.Rows[0].Calls != 6 || usage.Rows[0].Cached != 3 || usage.BudgetUSD != 10 {
		t.Errorf("ai usage = %+v", usage)
	}

	// A model without a price is refused before anything is sent; with one, the budget stops it.
	other := append(screen[:len(screen):len(screen)], "--model", "local-llama")
	wantFailure(t, run(t, dir, other...), cli.ExitError, "no price", "ai price")
	mustRun(t, dir, "ai", "price", "--model", "local-llama", "--input", "1", "--output", "2")
	mustRun(t, dir, "ai", "budget", "--set", "0.0001")
	wantFailure(t, run(t, dir, other...), cli.ExitError, "budget")
	if n := len(srv.Completions()); n != 3 {
		t.Errorf("%d paid calls, want still 3: nothing is sent over the budget", n)
	}
}

func TestAIScreenFailures(t *testing.T) {
	dir := demoWorkspace(t)
	srv := openaitest.New(t)
	defer cli.SetGetenv(func(string) string { return "sk-not-the-right-one" })()
	r := run(t, dir, "ai", "screen", "--candidate", "ada.liskov@example.com", "--role", "Senior AI Engineer", "--base-url", srv.URL())
	wantFailure(t, r, cli.ExitError, "API key", "401")
	if strings.Contains(r.stderr, "sk-not") {
		t.Errorf("the key was printed: %q", r.stderr)
	}
	for _, tc := range [][]string{
		{"ai", "screen", "--role", "Senior AI Engineer"},
		{"ai", "screen", "--candidate", "ada.liskov@example.com", "--role", "Senior AI Engineer", "--base-url", "ftp://x"},
		{"ai", "price", "--model", "m", "--input", "cheap", "--output", "1"},
		{"ai", "budget", "--set", "lots"},
	} {
		wantFailure(t, run(t, dir, tc...), cli.ExitUsage)
	}
	wantFailure(t, run(t, dir, "ai", "budget", "--set", "-5"), cli.ExitError, "budget")
	wantFailure(t, run(t, dir, "ai", "screen", "--candidate", "nobody@example.com", "--role", "Senior AI Engineer"), cli.ExitError, "not found")
}

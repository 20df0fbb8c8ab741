package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"hirebench/app/assist/openaitest"
	"hirebench/app/cli"
)

// `ai probe` on the demo: every sampled resume under each of the 32 names,
// one call each; a model that ignores the name passes both goals.
func TestAIProbe(t *testing.T) {
	dir := demoWorkspace(t)
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Content: modelReply(t), PromptTokens: 1000, CompletionTokens: 100})
	defer cli.SetGetenv(func(k string) string {
		if k == "OPENAI_API_KEY" {
			return openaitest.Key
		}
		return ""
	})()
	probe := []string{"ai", "probe", "--role", "Senior AI Engineer", "--candidates", "2", "--base-url", srv.URL()}
	var got struct {
		Sampled, Names, Calls int
		Pass                  bool
		StableShare           float64
		Groups                []struct {
			Group       string
			ImpactRatio float64
		}
		Model, PromptVersion string
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, append(probe, "--json")...)), &got); err != nil {
		t.Fatal(err)
	}
	if got.Sampled != 2 || got.Names != 32 || got.Calls != 64 || !got.Pass || got.StableShare != 1 || len(got.Groups) != 8 ||
		got.Model != "gpt-4o-mini" || got.PromptVersion != "screen-v1" {
		t.Errorf("ai probe = %+v", got)
	}
	if n := len(srv.Completions()); n != 64 {
		t.Errorf("%d requests, want 64", n)
	}
	out := mustRun(t, dir, append(probe, "--parallel", "1")...)
	for _, want := range []string{"Black women", "impact ratio of every group at least 0.90: pass", "2 of 2 (100%; goal 95%): pass", "probe: pass"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}

	for _, bad := range [][]string{
		{"ai", "probe"},
		{"ai", "probe", "--role", "Senior AI Engineer", "--candidates", "0"},
		{"ai", "probe", "--role", "Senior AI Engineer", "--parallel", "9"},
	} {
		wantFailure(t, run(t, dir, bad...), cli.ExitUsage)
	}
	wantFailure(t, run(t, dir, "ai", "probe", "--role", "No such role", "--base-url", srv.URL()), cli.ExitError, "no role")
}

// Tests `ai settings` (a model per task, an unknown task refused in one
// line) and `ai quality` (the quality view from the calls a screen made).

package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"hirebench/app/assist/openaitest"
	"hirebench/app/cli"
	"hirebench/app/rubric"
)

func TestAISettingsModelPerTask(t *testing.T) {
	dir := demoWorkspace(t)
	out := mustRun(t, dir, "ai", "settings")
	for _, want := range []string{"screen    gpt-4o-mini  gpt-4o-mini  Screening resumes", "rate      gpt-4.1      gpt-4.1      Second opinion on a score"} {
		if !strings.Contains(out, want) {
			t.Errorf("ai settings does not list %q:\n%s", want, out)
		}
	}
	var got struct {
		Models map[string]string `json:"models"`
		Tasks  []struct{ Feature, DefaultModel string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "ai", "settings", "--model", "rate=gpt-4o", "--model", "summary = gpt-4o", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if got.Models["rate"] != "gpt-4o" || got.Models["summary"] != "gpt-4o" || got.Models["screen"] != "gpt-4o-mini" || len(got.Tasks) != 4 {
		t.Errorf("after --model: %+v", got)
	}
	wantFailure(t, run(t, dir, "ai", "settings", "--model", "translate=gpt-4o"), cli.ExitUsage, "translate", "not a task")
	wantFailure(t, run(t, dir, "ai", "settings", "--model", "rate"), cli.ExitUsage, "TASK=MODEL")
	if !strings.Contains(mustRun(t, dir, "ai", "settings"), "rate      gpt-4o ") {
		t.Error("a refused change was saved")
	}
}

func TestAIQuality(t *testing.T) {
	dir := demoWorkspace(t)
	if out := mustRun(t, dir, "ai", "quality"); !strings.Contains(out, "no AI calls recorded yet") || !strings.Contains(out, "has not been probed yet") {
		t.Errorf("before any call:\n%s", out)
	}
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Content: modelReply(t), PromptTokens: 2000, CompletionTokens: 500})
	defer cli.SetGetenv(func(k string) string {
		if k == "OPENAI_API_KEY" {
			return openaitest.Key
		}
		return ""
	})()
	mustRun(t, dir, "ai", "screen", "--candidate", "ada.liskov@example.com", "--role", "Senior AI Engineer", "--base-url", srv.URL())
	var q struct {
		Features []struct {
			Feature, Label, Model                            string
			Calls, Quotes, Verified, Dropped, Items, Repairs int
			CacheHitRate, VerifiedShare                      float64
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "ai", "quality", "--json")), &q); err != nil {
		t.Fatal(err)
	}
	// Three runs, each quoting something the resume does not hold: 3 quotes, all dropped.
	flags := len(rubric.Builtin().Screen)
	if len(q.Features) != 1 || q.Features[0].Label != "Screening resumes" || q.Features[0].Calls != 3 || q.Features[0].Quotes != 3 ||
		q.Features[0].Dropped != 3 || q.Features[0].Verified != 0 || q.Features[0].VerifiedShare != 0 || q.Features[0].Items != flags ||
		q.Features[0].CacheHitRate != 0 {
		t.Errorf("ai quality = %+v", q)
	}
	if out := mustRun(t, dir, "ai", "quality"); !strings.Contains(out, "Screening resumes  gpt-4o-mini  3      0%") {
		t.Errorf("ai quality:\n%s", out)
	}
}

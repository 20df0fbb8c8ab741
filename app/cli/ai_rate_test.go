// Tests `ai rate` and `ai agreement` against the fake OpenAI server on the
// demo workspace: the JSON, the level kept beside the interviewer's, the
// refusal before a card is submitted, and bad input as one line.

package cli_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/assist/openaitest"
	"hirebench/app/cli"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// demoAnswer is a question of a submitted demo scorecard that has a score
// and notes, with its role and the question's anchor of level 2 (the
// service's tests cover the refusals a draft meets).
type demoAnswer struct {
	role     string
	card     int64
	question string
	human    int
	anchor2  string
}

func findDemoAnswer(t *testing.T, dir string) demoAnswer {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	roles, err := s.ListRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out demoAnswer
	for _, r := range roles {
		cards, err := s.RoleScorecards(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cards {
			if c.Status != scoring.Submitted || out.card != 0 {
				continue
			}
			rb, err := s.ScorecardRubric(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			answers, _, _ := c.Current()
			for _, comp := range rb.Competencies {
				for _, q := range comp.Questions {
					if a := answers[q.ID]; a.Score != nil && a.Notes != "" && out.card == 0 {
						out.role, out.card, out.question, out.human, out.anchor2 = r.Title, c.ID, q.ID, *a.Score, q.Anchors[1]
					}
				}
			}
		}
	}
	if out.card == 0 {
		t.Fatal("the demo has no submitted answer with notes")
	}
	return out
}

func TestAIRate(t *testing.T) {
	dir := demoWorkspace(t)
	a := findDemoAnswer(t, dir)
	srv := openaitest.New(t)
	level := 2
	reply, _ := json.Marshal(map[string]any{"fragments": []string{"no such words in the notes"}, "reason": "Matches level 2.",
		"anchor": a.anchor2, "level": level})
	srv.Script(openaitest.Reply{Content: string(reply), PromptTokens: 900, CompletionTokens: 80})
	defer cli.SetGetenv(func(k string) string {
		if k == "OPENAI_API_KEY" {
			return openaitest.Key
		}
		return ""
	})()
	rate := []string{"ai", "rate", "--scorecard", strconv.FormatInt(a.card, 10), "--question", a.question, "--base-url", srv.URL(), "--json"}
	var got struct {
		Level, HumanLevel, Dropped int
		Anchor                     string
		Fragments                  []any
		Model                      string
		PromptVersion              string
		TokensIn                   int `json:"tokens_in"`
		RatingID                   int64
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, rate...)), &got); err != nil {
		t.Fatal(err)
	}
	if got.Level != 2 || got.HumanLevel != a.human || got.Dropped != 1 || len(got.Fragments) != 0 || got.Anchor != strings.Join(strings.Fields(a.anchor2), " ") ||
		got.Model != "gpt-4.1" || got.PromptVersion != "rate-v1" || got.TokensIn != 900 || got.RatingID == 0 {
		t.Errorf("ai rate = %+v", got)
	}
	if reqs := srv.Completions(); len(reqs) != 1 || reqs[0].Invalid != "" {
		t.Errorf("requests = %+v", reqs)
	}
	text := mustRun(t, dir, rate[:len(rate)-1]...)
	if !strings.Contains(text, "AI level 2") || !strings.Contains(text, "the interviewer gave "+strconv.Itoa(a.human)) ||
		!strings.Contains(text, "from the cache") {
		t.Errorf("ai rate (text) = %q", text)
	}

	// One rated answer: agreement is there, too few to say.
	var ag struct {
		Models []struct {
			Model        string
			Competencies []struct{ AI, Humans struct{ TooFew bool } }
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "ai", "agreement", "--role", a.role, "--json")), &ag); err != nil {
		t.Fatal(err)
	}
	if len(ag.Models) != 1 || ag.Models[0].Model != "gpt-4.1" || len(ag.Models[0].Competencies) != 1 || !ag.Models[0].Competencies[0].AI.TooFew {
		t.Errorf("ai agreement = %+v", ag)
	}
	if out := mustRun(t, dir, "ai", "agreement", "--role", a.role); !strings.Contains(out, "too few to say: 1 candidate") ||
		!strings.Contains(out, "AI vs interviewer") {
		t.Errorf("ai agreement (text) = %q", out)
	}
}

func TestAIRateFailures(t *testing.T) {
	dir := demoWorkspace(t)
	a := findDemoAnswer(t, dir)
	srv := openaitest.New(t)
	defer cli.SetGetenv(func(string) string { return openaitest.Key })()
	for _, tc := range [][]string{
		{"ai", "rate", "--question", a.question},
		{"ai", "rate", "--scorecard", "seven", "--question", a.question},
		{"ai", "rate", "--scorecard", strconv.FormatInt(a.card, 10)},
		{"ai", "agreement"},
		{"ai", "agreement", "--role", a.role, "extra"},
	} {
		wantFailure(t, run(t, dir, tc...), cli.ExitUsage)
	}
	base := []string{"--base-url", srv.URL()}
	wantFailure(t, run(t, dir, append([]string{"ai", "rate", "--scorecard", "999999", "--question", a.question}, base...)...), cli.ExitError, "not found")
	wantFailure(t, run(t, dir, append([]string{"ai", "rate", "--scorecard", strconv.FormatInt(a.card, 10), "--question", "nope"}, base...)...),
		cli.ExitError, "no question")
	wantFailure(t, run(t, dir, "ai", "agreement", "--role", "No Such Role"), cli.ExitError, "no role")
	if out := mustRun(t, dir, "ai", "agreement", "--role", a.role); !strings.Contains(out, "no AI levels suggested yet") {
		t.Errorf("agreement before any rating = %q", out)
	}
	if n := len(srv.Completions()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

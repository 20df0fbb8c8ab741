package assist_test

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
)

const shipped = "shipped a COBOL compiler to thousands of users"

// A suggestion from a valid reply: every flag in checklist order, the real
// quote verified with its place in the resume, an invented one dropped and
// counted; what was sent carries no identity and follows the spec; what it
// cost is in the ledger and the exchange in the candidate's audit.
func TestSuggestScreenVerifiesQuotesAndRecordsTheCall(t *testing.T) {
	f := newFixture(t)
	content := f.reply(t, shipped)
	// The second flag claims a quote the resume does not contain.
	content = strings.Replace(content, `"status":"unclear","quote":""`, `"status":"present","quote":"led a team of 200 engineers"`, 1)
	f.srv.Script(openaitest.Reply{Content: content, PromptTokens: 1000, CompletionTokens: 200, Fingerprint: "fp_42"})

	res, err := f.service(oneRun()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Flags) != len(f.ids) || res.Flags[0].ID != f.ids[0] {
		t.Fatalf("flags = %+v, want one per checklist item in order", res.Flags)
	}
	first := res.Flags[0]
	if !first.Verified || resume[first.Start:first.End] != shipped {
		t.Errorf("first flag = %+v, want its quote verified at its place in the resume", first)
	}
	if res.Dropped != 1 || res.Flags[1].Quote != "" || res.Flags[1].Verified {
		t.Errorf("dropped = %d, second flag %+v: the invented quote should be dropped and counted", res.Dropped, res.Flags[1])
	}
	// gpt-4o-mini: 1000 × $0.15/M + 200 × $0.60/M = $0.00015 + $0.00012.
	if math.Abs(res.CostUSD-0.00027) > 1e-12 || res.TokensIn != 1000 || res.TokensOut != 200 || res.Cached {
		t.Errorf("cost %v tokens %d/%d cached %v, want $0.00027 for 1000/200", res.CostUSD, res.TokensIn, res.TokensOut, res.Cached)
	}
	if res.Model != "gpt-4o-mini" || res.Fingerprint != "fp_42" || res.PromptVersion != ai.ScreenPromptVersion {
		t.Errorf("model %q fingerprint %q prompt %q", res.Model, res.Fingerprint, res.PromptVersion)
	}

	reqs := f.srv.Completions()
	if len(reqs) != 1 || reqs[0].Invalid != "" || !reqs[0].Authorized {
		t.Fatalf("requests = %+v, want one valid, authorised request", reqs)
	}
	body := string(reqs[0].Body)
	for _, personal := range []string{"Grace", "Hopper", "grace@navy.example", "555 0143", "She shipped"} {
		if strings.Contains(body, personal) {
			t.Errorf("the request carries %q: identity must be redacted before sending", personal)
		}
	}
	var sent map[string]any
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	if sent["temperature"] == nil || sent["temperature"].(float64) > 1e-30 || sent["seed"] != float64(7) {
		t.Errorf("temperature %v seed %v: a zero temperature and the seed must be in the JSON", sent["temperature"], sent["seed"])
	}
	rf, _ := sent["response_format"].(map[string]any)
	if js, _ := rf["json_schema"].(map[string]any); rf["type"] != "json_schema" || js["strict"] != true {
		t.Errorf("response_format = %v, want a strict json_schema", rf)
	}

	usage := f.ledger(t)
	if len(usage) != 1 || usage[0].Calls != 1 || usage[0].TokensIn != 1000 || math.Abs(usage[0].CostUSD-0.00027) > 1e-12 {
		t.Errorf("ledger = %+v", usage)
	}
	audit, err := f.store.AIAudit(f.ctx, f.cand)
	if err != nil || len(audit) != 1 || audit[0].Outcome != "ok" || !strings.Contains(audit[0].Request, "[CANDIDATE]") ||
		audit[0].Response != content {
		t.Errorf("audit = %+v, %v: want the exact redacted request and the reply", audit, err)
	}
}

// The same request again is answered from the workspace: no paid call, cost 0, marked cached.
func TestSuggestScreenAnswersARepeatFromTheCache(t *testing.T) {
	f := newFixture(t)
	f.srv.Script(openaitest.Reply{Content: f.reply(t, shipped), PromptTokens: 900, CompletionTokens: 150})
	svc := f.service(oneRun())
	if _, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{}); err != nil {
		t.Fatal(err)
	}
	again, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || again.CostUSD != 0 || len(f.srv.Completions()) != 1 || !again.Flags[0].Verified {
		t.Errorf("cached %v cost %v requests %d: want the second answer from the cache", again.Cached, again.CostUSD, len(f.srv.Completions()))
	}
	if u := f.ledger(t); len(u) != 1 || u[0].Calls != 2 || u[0].Cached != 1 || u[0].TokensIn != 900 {
		t.Errorf("ledger = %+v, want 2 calls, 1 cached, tokens billed once", u)
	}
	// Another model is another request.
	if r, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Model: "gpt-4o"}); err != nil || r.Cached {
		t.Errorf("another model: cached %v, %v", r.Cached, err)
	}
}

// A 429 with Retry-After is retried after at least that long; the person is told.
func TestSuggestScreenHonoursRetryAfter(t *testing.T) {
	f := newFixture(t)
	limited := openaitest.Fail(429, "rate_limit_exceeded", "requests")
	limited.RetryAfter = "3"
	f.srv.Script(limited, openaitest.Reply{Content: f.reply(t, shipped), PromptTokens: 10, CompletionTokens: 10})
	res, err := f.service(oneRun()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Attempts != 2 || len(f.sleeps) != 1 || f.sleeps[0] < 3*time.Second {
		t.Errorf("attempts %d, waits %v: want one wait of at least the 3 s asked for", res.Attempts, f.sleeps)
	}
	if len(f.notices) != 1 || f.notices[0].Attempt != 2 || f.notices[0].Wait != f.sleeps[0] {
		t.Errorf("notices = %+v", f.notices)
	}
}

// Failures that will not get better are not retried, and say what happened.
func TestSuggestScreenDoesNotRetryWhatCannotSucceed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		reply openaitest.Reply
		want  string
	}{
		{"no quota", openaitest.Fail(429, "insufficient_quota", "insufficient_quota"), "quota"},
		{"bad request", openaitest.Fail(400, "invalid_value", "invalid_request_error"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.srv.Script(tc.reply)
			_, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
			var fail ai.Failure
			if !errors.As(err, &fail) || len(f.srv.Completions()) != 1 || len(f.sleeps) != 0 {
				t.Fatalf("err %v after %d requests: want one try and an ai.Failure", err, len(f.srv.Completions()))
			}
			if !strings.Contains(strings.ToLower(err.Error()), tc.want) {
				t.Errorf("message %q, want it to mention %q", err, tc.want)
			}
		})
	}
	t.Run("bad key", func(t *testing.T) {
		f := newFixture(t)
		svc := assist.New(f.store, f.iv, assist.NewOpenAI(f.srv.URL(), "sk-wrong", nil), assist.DefaultSettings())
		_, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
		if err == nil || !strings.Contains(err.Error(), "401") || len(f.srv.Completions()) != 1 {
			t.Errorf("err %v after %d requests", err, len(f.srv.Completions()))
		}
	})
}

// Server errors are retried up to the policy's tries, then given up.
func TestSuggestScreenGivesUpAfterItsTries(t *testing.T) {
	f := newFixture(t)
	f.srv.Script(openaitest.Fail(503, "", "server_error"))
	_, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err == nil || len(f.srv.Completions()) != ai.DefaultPolicy().Attempts {
		t.Errorf("err %v after %d requests, want %d tries", err, len(f.srv.Completions()), ai.DefaultPolicy().Attempts)
	}
}

// A reply that breaks the schema gets one repair attempt that shows the model its mistake.
func TestSuggestScreenRepairsAnInvalidReplyOnce(t *testing.T) {
	f := newFixture(t)
	bad := strings.Replace(f.reply(t, shipped), f.ids[1], "made-up-flag", 1)
	f.srv.Script(openaitest.Reply{Content: bad, PromptTokens: 100, CompletionTokens: 50},
		openaitest.Reply{Content: f.reply(t, shipped), PromptTokens: 300, CompletionTokens: 60})
	res, err := f.service(oneRun()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.srv.Completions()
	if !res.Repaired || len(reqs) != 2 || res.TokensIn != 400 || res.TokensOut != 110 {
		t.Fatalf("repaired %v requests %d tokens %d/%d", res.Repaired, len(reqs), res.TokensIn, res.TokensOut)
	}
	if !strings.Contains(string(reqs[1].Body), `"role":"assistant"`) || !strings.Contains(string(reqs[1].Body), "made-up-flag") {
		t.Errorf("the repair request should carry the bad reply and what was wrong with it")
	}

	// Invalid twice: an error, and nothing to fill in.
	g := newFixture(t)
	g.srv.Script(openaitest.Reply{Content: `{"flags": "none"}`})
	if res, err := g.service(oneRun()).SuggestScreen(g.ctx, g.app, assist.ScreenOptions{}); err == nil || len(res.Flags) != 0 {
		t.Errorf("two invalid replies: %+v, %v", res.Flags, err)
	}
	if u := g.ledger(t); len(u) != 1 || u[0].Failed != 1 {
		t.Errorf("ledger = %+v, want the failure counted", u)
	}
}

// The month's budget is a hard stop: nothing is sent past it.
func TestSuggestScreenStopsAtTheBudget(t *testing.T) {
	f := newFixture(t)
	s := assist.DefaultSettings()
	s.BudgetUSD = 0.000001
	_, err := f.service(s).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	var be *assist.BudgetError
	if !errors.As(err, &be) || len(f.srv.Completions()) != 0 {
		t.Fatalf("err %v after %d requests, want a budget stop before sending", err, len(f.srv.Completions()))
	}
	if a, _ := f.store.AIAudit(f.ctx, f.cand); len(a) != 0 {
		t.Errorf("a stop sends nothing, so the candidate's audit stays empty: %+v", a)
	}
}

// A candidate marked human-only never reaches the AI.
func TestSuggestScreenRespectsHumanOnly(t *testing.T) {
	f := newFixture(t)
	if err := f.store.SetHumanOnly(f.ctx, f.cand, true); err != nil {
		t.Fatal(err)
	}
	_, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if !errors.Is(err, assist.ErrHumanOnly) || len(f.srv.Completions()) != 0 {
		t.Errorf("err %v after %d requests", err, len(f.srv.Completions()))
	}
}

// The API key is never written to the workspace or anything beside it.
func TestTheKeyNeverReachesDisk(t *testing.T) {
	f := newFixture(t)
	f.srv.Script(openaitest.Reply{Content: f.reply(t, shipped), PromptTokens: 10, CompletionTokens: 10})
	if _, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{}); err != nil {
		t.Fatal(err)
	}
	err := filepath.Walk(f.dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(b), openaitest.Key) {
			t.Errorf("%s holds the API key", filepath.Base(p))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// oneRun: the settings with one run per suggestion, for tests of what a single call does.
func oneRun() assist.Settings {
	s := assist.DefaultSettings()
	s.Runs = 1
	return s
}

// The window's AI desk: the switch, who may change what, the preview that
// is exactly what is sent, human-only, the per-person "don't ask again",
// cancelling, retries announced, and failures in plain words.

package assist_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/app/tracking"
)

type deskFixture struct {
	*fixture
	desk       *assist.Desk
	riley, sam model.Profile
}

// newDesk: no keyring on this computer (the key is kept in memory), the
// workspace's AI settings pointed at the fake server.
func newDesk(t *testing.T) *deskFixture {
	t.Helper()
	keyring.MockInitWithError(errors.New("no Secret Service here"))
	f := newFixture(t)
	d := &deskFixture{fixture: f}
	profiles, err := f.store.ListProfiles(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	d.riley = profiles[0]
	if d.sam, err = tracking.New(f.store).CreateProfile(f.ctx, "Sam Okafor", false, false, d.riley); err != nil {
		t.Fatal(err)
	}
	d.desk = assist.NewDesk(f.store, f.iv, assist.NewKeyStore(func(string) string { return "" }),
		assist.WithRandom(func() float64 { return 0.5 }),
		assist.WithSleep(func(_ context.Context, w time.Duration) error { f.sleeps = append(f.sleeps, w); return nil }))
	if _, err := d.desk.SaveSettings(f.ctx, d.riley, d.settings(1)); err != nil {
		t.Fatal(err)
	}
	return d
}

// settings point at the fake server and ask each suggestion runs times.
func (d *deskFixture) settings(runs int) assist.Settings {
	s := assist.DefaultSettings()
	s.BaseURL, s.Runs = d.srv.URL(), runs
	return s
}

// on switches AI on and saves the fake server's key, as the recruiter.
func (d *deskFixture) on(t *testing.T) {
	t.Helper()
	if _, err := d.desk.SetEnabled(d.ctx, d.riley, true); err != nil {
		t.Fatal(err)
	}
	if _, err := d.desk.SaveKey(d.ctx, d.riley, openaitest.Key); err != nil {
		t.Fatal(err)
	}
}

func conflict(t *testing.T, what string, err error, says string) {
	t.Helper()
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), says) {
		t.Errorf("%s: %v, want a refusal saying %q", what, err, says)
	}
}

// Off by default: the window offers nothing and sends nothing until the
// recruiter switches it on.
func TestTheWindowOffersNoAIUntilSwitchedOn(t *testing.T) {
	d := newDesk(t)
	if st, err := d.desk.Status(d.ctx, d.riley); err != nil || st.Enabled {
		t.Fatalf("a new workspace: %+v, %v; want AI off", st, err)
	}
	if o, err := d.desk.Offer(d.ctx, d.riley, d.cand); err != nil || o.Suggest || o.Enabled {
		t.Errorf("offer while off: %+v, %v", o, err)
	}
	_, err := d.desk.Preview(d.ctx, d.app)
	conflict(t, "preview while off", err, "AI help is off in this workspace")
	_, err = d.desk.Suggest(d.ctx, d.app, nil)
	conflict(t, "suggest while off", err, "AI help is off in this workspace")
	if n := len(d.srv.Requests()); n != 0 {
		t.Errorf("%d requests reached the endpoint while AI was off", n)
	}
	d.on(t)
	if o, err := d.desk.Offer(d.ctx, d.sam, d.cand); err != nil || !o.Suggest || !o.AskFirst {
		t.Errorf("offer once on: %+v, %v", o, err)
	}
}

// The preview is exactly what is then sent, its estimate is the one the
// budget is checked against, and once answered the same request is cached.
func TestThePreviewIsWhatIsSent(t *testing.T) {
	d := newDesk(t)
	d.on(t)
	d.srv.Script(openaitest.Reply{Content: d.reply(t, shipped), PromptTokens: 900, CompletionTokens: 150})
	p, err := d.desk.Preview(d.ctx, d.app)
	if err != nil {
		t.Fatal(err)
	}
	for _, personal := range []string{"Grace", "Hopper", "grace@navy.example", "555 0143", "She "} {
		if strings.Contains(p.Resume, personal) {
			t.Errorf("the preview's resume holds %q", personal)
		}
	}
	// The fixture's resume: the full name once, an email, a phone, "She".
	want := map[string]int{ai.KindName: 1, ai.KindEmail: 1, ai.KindPhone: 1, ai.KindPronoun: 1}
	for k, n := range want {
		if p.Redacted[k] != n {
			t.Errorf("redacted %s = %d, want %d (all: %v)", k, p.Redacted[k], n, p.Redacted)
		}
	}
	if p.Model != "gpt-4o-mini" || p.Runs != 1 || p.Cached != 0 || !p.PriceKnown || p.Flags != len(d.ids) || p.Endpoint != strings.TrimPrefix(strings.TrimSuffix(d.srv.URL(), "/v1"), "http://") {
		t.Errorf("preview = model %q cached %v price %v flags %d endpoint %q", p.Model, p.Cached, p.PriceKnown, p.Flags, p.Endpoint)
	}
	// gpt-4o-mini costs $0.15 in and $0.60 out per million tokens.
	if got := (float64(p.TokensIn)*0.15 + float64(p.TokensOut)*0.60) / 1e6; p.TokensIn < 500 || math.Abs(p.EstimateUSD-got) > 1e-12 {
		t.Errorf("estimate $%v for %d+%d tokens, want $%v", p.EstimateUSD, p.TokensIn, p.TokensOut, got)
	}

	s, err := d.desk.Suggest(d.ctx, d.app, nil)
	if err != nil || s.Cancelled {
		t.Fatalf("suggest: %+v, %v", s, err)
	}
	reqs := d.srv.Completions()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	var sent struct {
		Model    string `json:"model"`
		Messages []struct{ Role, Content string }
	}
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	if sent.Model != p.Model || len(sent.Messages) != len(p.Messages) {
		t.Fatalf("sent %q with %d messages, the preview showed %q with %d", sent.Model, len(sent.Messages), p.Model, len(p.Messages))
	}
	for i, m := range sent.Messages {
		if m.Role != p.Messages[i].Role || m.Content != p.Messages[i].Content {
			t.Errorf("message %d sent differs from the preview's:\nsent: %q\nshown: %q", i, m.Content, p.Messages[i].Content)
		}
	}
	if !strings.Contains(sent.Messages[1].Content, p.Resume) {
		t.Error("the resume the preview shows is not the one sent")
	}
	if s.Result.EstimateUSD != p.EstimateUSD {
		t.Errorf("the service estimated $%v, the preview showed $%v", s.Result.EstimateUSD, p.EstimateUSD)
	}

	again, err := d.desk.Preview(d.ctx, d.app)
	if err != nil || again.Cached != 1 || again.EstimateUSD != 0 {
		t.Errorf("the preview of an answered request: cached %d, $%v, %v", again.Cached, again.EstimateUSD, err)
	}
	s, err = d.desk.Suggest(d.ctx, d.app, nil)
	if err != nil || !s.Result.Cached || s.Result.CostUSD != 0 || len(d.srv.Completions()) != 1 {
		t.Errorf("asked again: cached %v cost %v requests %d, %v", s.Result.Cached, s.Result.CostUSD, len(d.srv.Completions()), err)
	}

	// Three runs: the first is the request answered above, two are paid.
	if _, err := d.desk.SaveSettings(d.ctx, d.riley, d.settings(3)); err != nil {
		t.Fatal(err)
	}
	three, err := d.desk.Preview(d.ctx, d.app)
	if err != nil || three.Runs != 3 || three.Cached != 1 || three.TokensIn != 2*p.TokensIn ||
		math.Abs(three.EstimateUSD-2*p.EstimateUSD) > 1e-12 {
		t.Errorf("three runs, one cached: %d runs, %d cached, %d tokens, $%v; one run was %d tokens, $%v",
			three.Runs, three.Cached, three.TokensIn, three.EstimateUSD, p.TokensIn, p.EstimateUSD)
	}
	s, err = d.desk.Suggest(d.ctx, d.app, nil)
	if err != nil || s.Result.EstimateUSD != three.EstimateUSD || len(d.srv.Completions()) != 3 {
		t.Errorf("three runs: estimated $%v (preview $%v), %d requests in all, %v", s.Result.EstimateUSD, three.EstimateUSD, len(d.srv.Completions()), err)
	}
}

// Human only: anyone may keep AI away from a candidate; only the
// recruiter lets it back. Nothing about them is previewed or sent.
func TestHumanOnlyKeepsAIAwayFromTheCandidate(t *testing.T) {
	d := newDesk(t)
	d.on(t)
	o, err := d.desk.SetHumanOnly(d.ctx, d.sam, d.cand, true)
	if err != nil || !o.HumanOnly || o.Suggest || o.HumanOnlyNote == "" {
		t.Fatalf("Sam marks the candidate human only: %+v, %v", o, err)
	}
	_, err = d.desk.Preview(d.ctx, d.app)
	conflict(t, "preview", err, "human only")
	_, err = d.desk.Suggest(d.ctx, d.app, nil)
	conflict(t, "suggest", err, "human only")
	_, err = d.desk.SetHumanOnly(d.ctx, d.sam, d.cand, false)
	conflict(t, "Sam lifts it", err, "only the recruiter lets AI help back")
	if o, _ := d.desk.Offer(d.ctx, d.riley, d.cand); !o.HumanOnly || o.HumanOnlyNote != "" {
		t.Errorf("after Sam's refusal, Riley sees %+v", o)
	}
	if o, err := d.desk.SetHumanOnly(d.ctx, d.riley, d.cand, false); err != nil || o.HumanOnly || !o.Suggest {
		t.Errorf("Riley lifts it: %+v, %v", o, err)
	}
	if n := len(d.srv.Requests()); n != 0 {
		t.Errorf("%d requests reached the endpoint for a human-only candidate", n)
	}
	if _, err := d.desk.SetHumanOnly(d.ctx, d.riley, 999999, true); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an unknown candidate: %v", err)
	}
}

// Settings, the switch and the key are the recruiter's; an interviewer's
// attempts change nothing.
func TestOnlyTheRecruiterChangesSettingsAndTheKey(t *testing.T) {
	d := newDesk(t)
	const note = "only the recruiter switches AI help on or off"
	s := assist.DefaultSettings()
	s.BudgetUSD = 99
	_, err := d.desk.SetEnabled(d.ctx, d.sam, true)
	conflict(t, "switch", err, note)
	_, err = d.desk.SaveSettings(d.ctx, d.sam, s)
	conflict(t, "settings", err, note)
	_, err = d.desk.SaveKey(d.ctx, d.sam, "sk-sam-0000000000")
	conflict(t, "key", err, note)
	_, err = d.desk.ForgetKey(d.ctx, d.sam)
	conflict(t, "forget", err, note)
	st, err := d.desk.Status(d.ctx, d.sam)
	if err != nil || st.Enabled || st.Settings.BudgetUSD != 10 || st.Key.Source != assist.KeyNone ||
		st.Rights.Manage || !strings.HasPrefix(st.Rights.ManageNote, "Only the recruiter") {
		t.Errorf("after Sam's attempts: %+v, %v", st, err)
	}
	if st, _ := d.desk.Status(d.ctx, d.riley); !st.Rights.Manage {
		t.Errorf("Riley's rights: %+v", st.Rights)
	}
}

// Without a keyring the key is kept until hirebench closes, and the window
// is told so; it learns only the last 4 characters; nothing of it reaches
// the data folder.
func TestTheKeyWithoutAKeyring(t *testing.T) {
	d := newDesk(t)
	d.on(t)
	d.srv.Script(openaitest.Reply{Content: d.reply(t, shipped), PromptTokens: 900, CompletionTokens: 150})
	st, err := d.desk.Status(d.ctx, d.riley)
	if err != nil || st.Key.Source != assist.KeyMemory || st.Key.Last4 != "test" ||
		st.Key.Note != "Kept until hirebench closes: no keyring on this computer" {
		t.Errorf("key state: %+v, %v", st.Key, err)
	}
	if b, _ := json.Marshal(st); strings.Contains(string(b), openaitest.Key) {
		t.Errorf("the status the window gets holds the key: %s", b)
	}
	if _, err := d.desk.Suggest(d.ctx, d.app, nil); err != nil {
		t.Fatal(err)
	}
	if !d.srv.Completions()[0].Authorized {
		t.Error("the key kept in memory was not sent")
	}
	filepath.WalkDir(d.dir, func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if b, _ := os.ReadFile(path); strings.Contains(string(b), openaitest.Key) {
				t.Errorf("%s holds the API key", filepath.Base(path))
			}
		}
		return nil
	})
	var ve *model.ValidationError
	if _, err := d.desk.SaveKey(d.ctx, d.riley, "sk with spaces"); !errors.As(err, &ve) || ve.Fields[0].Field != "key" {
		t.Errorf("a key with spaces: %v", err)
	}
	if st, err := d.desk.ForgetKey(d.ctx, d.riley); err != nil || st.Key.Source != assist.KeyNone || st.Key.Last4 != "" {
		t.Errorf("forgotten: %+v, %v", st.Key, err)
	}
}

// With a keyring the key is saved there; OPENAI_API_KEY wins, as in the CLI.
func TestKeyStoreWithAKeyringAndTheEnvironment(t *testing.T) {
	keyring.MockInit()
	k := assist.NewKeyStore(func(string) string { return "" })
	if st := k.State(); st.Source != assist.KeyNone || st.Note != "None" {
		t.Errorf("nothing saved: %+v", st)
	}
	st, err := k.Save("  sk-proj-abcdefgh1234  ")
	if err != nil || st.Source != assist.KeyKeyring || st.Last4 != "1234" || st.Note != "Saved in the keyring" {
		t.Errorf("saved: %+v, %v", st, err)
	}
	if key, err := k.Key(); key != "sk-proj-abcdefgh1234" || err != nil {
		t.Errorf("key = %q, %v", key, err)
	}
	env := assist.NewKeyStore(func(n string) string {
		if n == assist.KeyEnv {
			return "sk-from-the-env-9876"
		}
		return ""
	})
	if st := env.State(); st.Source != assist.KeyEnvironment || st.Last4 != "9876" || !strings.Contains(st.Note, "OPENAI_API_KEY") {
		t.Errorf("from the environment: %+v", st)
	}
	if st, err := k.Forget(); err != nil || st.Source != assist.KeyNone {
		t.Errorf("forgotten: %+v, %v", st, err)
	}
	if _, err := k.Key(); !errors.Is(err, assist.ErrNoKey) {
		t.Errorf("after forgetting: %v", err)
	}
	if st, err := k.Save("short"); err != nil || st.Last4 != "" {
		t.Errorf("a short key shows no characters: %+v, %v", st, err)
	}
	k.Forget()
}

// A changed or new price is dated today; an unchanged one keeps its date.
func TestSavedPricesAreDated(t *testing.T) {
	d := newDesk(t)
	st, _ := d.desk.Status(d.ctx, d.riley)
	s := st.Settings
	old := s.Prices[1]
	s.Prices[0].InputPerMTok = 0.2
	s.Prices = append(s.Prices, ai.Price{Model: "llama3.1:8b", AsOf: "1999-01-01"})
	st, err := d.desk.SaveSettings(d.ctx, d.riley, s)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format("2006-01-02")
	got := st.Settings.Prices
	if got[0].AsOf != today || got[0].InputPerMTok != 0.2 || got[1] != old || got[len(got)-1].AsOf != today {
		t.Errorf("prices = %+v, want the changed and new rows dated %s, the others as they were", got, today)
	}
	s.BudgetUSD = -1
	var ve *model.ValidationError
	if _, err := d.desk.SaveSettings(d.ctx, d.riley, s); !errors.As(err, &ve) || ve.Fields[0].Field != "budgetUsd" {
		t.Errorf("a negative budget: %v", err)
	}
}

// "Don't ask again" is each person's own choice, and can be taken back.
func TestDontAskAgainIsPerPerson(t *testing.T) {
	d := newDesk(t)
	d.on(t)
	if st, err := d.desk.SetAskFirst(d.ctx, d.riley, ai.FeatureScreen, false); err != nil || st.AskFirst {
		t.Fatalf("Riley: %+v, %v", st, err)
	}
	if o, _ := d.desk.Offer(d.ctx, d.riley, d.cand); o.AskFirst {
		t.Error("Riley is still asked")
	}
	if o, _ := d.desk.Offer(d.ctx, d.sam, d.cand); !o.AskFirst {
		t.Error("Sam is no longer asked because Riley said so")
	}
	if st, _ := d.desk.SetAskFirst(d.ctx, d.riley, ai.FeatureScreen, true); !st.AskFirst {
		t.Error("Riley could not ask for the preview again")
	}
	var ve *model.ValidationError
	if _, err := d.desk.SetAskFirst(d.ctx, d.riley, "horoscope", false); !errors.As(err, &ve) {
		t.Errorf("an unknown feature: %v", err)
	}
}

// Test connection: the models and the time it took, or what went wrong.
func TestConnection(t *testing.T) {
	d := newDesk(t)
	c, err := d.desk.TestConnection(d.ctx, d.riley, d.srv.URL())
	if err != nil || c.OK || c.Problem != "There is no API key to test with: save one first." {
		t.Errorf("no key: %+v, %v", c, err)
	}
	d.on(t)
	d.srv.SetModels("gpt-4o", "gpt-4o-mini")
	c, err = d.desk.TestConnection(d.ctx, d.riley, d.srv.URL())
	if err != nil || !c.OK || !slices.Equal(c.Models, []string{"gpt-4o", "gpt-4o-mini"}) || !c.HasModel || c.LatencyMS < 0 || c.Problem != "" {
		t.Errorf("connected: %+v, %v", c, err)
	}
	d.srv.SetModels("llama3.1:8b")
	if c, _ := d.desk.TestConnection(d.ctx, d.riley, d.srv.URL()); !c.OK || c.HasModel {
		t.Errorf("the screening model is not served: %+v", c)
	}
	if _, err := d.desk.SaveKey(d.ctx, d.riley, "sk-wrong-key-0000"); err != nil {
		t.Fatal(err)
	}
	if c, _ := d.desk.TestConnection(d.ctx, d.riley, d.srv.URL()); c.OK || !strings.Contains(c.Problem, "refused the API key (HTTP 401)") {
		t.Errorf("a wrong key: %+v", c)
	}
	if c, _ := d.desk.TestConnection(d.ctx, d.riley, "http://127.0.0.1:1/v1"); c.OK || !strings.Contains(c.Problem, "could not be reached") {
		t.Errorf("nothing listening: %+v", c)
	}
	var ve *model.ValidationError
	if _, err := d.desk.TestConnection(d.ctx, d.riley, "ftp://example.com"); !errors.As(err, &ve) {
		t.Errorf("not an http address: %v", err)
	}
	if _, err := d.desk.TestConnection(d.ctx, d.riley, "http://models.example.com/v1"); !errors.As(err, &ve) {
		t.Errorf("the key in clear text to another computer: %v", err)
	}
	// An interviewer tests the saved address, never one of their own choosing.
	saved, err := assist.LoadSettings(d.ctx, d.store)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.desk.TestConnection(d.ctx, d.sam, saved.BaseURL); err != nil {
		t.Errorf("Sam testing the saved address: %v", err)
	}
	before := len(d.srv.Requests())
	if _, err := d.desk.TestConnection(d.ctx, d.sam, "https://collector.example.com/v1"); !errors.Is(err, model.ErrConflict) && err == nil {
		t.Errorf("Sam sent the key to an address of his own: %v", err)
	}
	if len(d.srv.Requests()) != before {
		t.Error("a refused test reached a server")
	}
}

// Retries are announced as they happen; the failure that ends a call
// reaches the window in plain words; a cancelled call is just cancelled.
func TestSuggestAnnouncesRetriesAndSaysWhatWentWrong(t *testing.T) {
	d := newDesk(t)
	d.on(t)
	limited := openaitest.Fail(429, "rate_limit_exceeded", "requests")
	limited.RetryAfter = "3"
	d.srv.Script(limited, openaitest.Reply{Content: d.reply(t, shipped), PromptTokens: 900, CompletionTokens: 150})
	var heard []assist.Retrying
	s, err := d.desk.Suggest(d.ctx, d.app, func(r assist.Retrying) { heard = append(heard, r) })
	if err != nil || len(s.Result.Flags) != len(d.ids) {
		t.Fatalf("after one 429: %+v, %v", s, err)
	}
	if len(heard) != 1 || heard[0].Attempt != 2 || heard[0].Wait < 3*time.Second || !strings.Contains(heard[0].Why, "HTTP 429") {
		t.Errorf("retries heard: %+v, want one, after at least the 3 s asked", heard)
	}

	d.srv.Script(openaitest.Fail(429, "insufficient_quota", "insufficient_quota"))
	if _, err := d.desk.SaveSettings(d.ctx, d.riley, func() assist.Settings { s := d.settings(1); s.Seed = 8; return s }()); err != nil {
		t.Fatal(err)
	}
	_, err = d.desk.Suggest(d.ctx, d.app, nil)
	conflict(t, "no quota", err, "The AI account has no quota left.")

	d.srv.Script(openaitest.Reply{Content: d.reply(t, shipped), FinishReason: "length"})
	_, err = d.desk.Suggest(d.ctx, d.app, nil)
	conflict(t, "a reply cut at its length limit", err, "the AI reply was cut at its length limit")

	d.srv.Script(openaitest.Reply{Content: `{"flags":[]}`})
	_, err = d.desk.Suggest(d.ctx, d.app, nil)
	conflict(t, "a reply that breaks the checklist, repaired in vain", err, "the AI reply did not follow the checklist")

	d.srv.Script(openaitest.Reply{Delay: time.Minute, Content: "{}"})
	ctx, cancel := context.WithCancel(d.ctx)
	go func() {
		for len(d.srv.Completions()) < 7 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	if s, err := d.desk.Suggest(ctx, d.app, nil); err != nil || !s.Cancelled {
		t.Errorf("cancelled: %+v, %v", s, err)
	}
	usage, err := d.desk.Usage(d.ctx)
	if err != nil || len(usage.Rows) != 1 || usage.Rows[0].Calls != 5 || usage.Rows[0].Failed != 4 || usage.BudgetUSD != 10 {
		t.Errorf("usage: %+v, %v", usage, err)
	}
}

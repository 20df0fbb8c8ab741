package assist_test

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// setStatus is reply content with one flag's status changed.
func setStatus(t *testing.T, content, id, status string) string {
	t.Helper()
	var r struct {
		Flags []flagOut `json:"flags"`
	}
	if err := json.Unmarshal([]byte(content), &r); err != nil {
		t.Fatal(err)
	}
	for i := range r.Flags {
		if r.Flags[i].ID == id {
			r.Flags[i].Status = status
		}
	}
	b, _ := json.Marshal(r)
	return string(b)
}

// seeds are the seeds the fake server was sent, in order.
func seeds(t *testing.T, srv *openaitest.Server) []int {
	t.Helper()
	var out []int
	for _, r := range srv.Completions() {
		var body struct {
			Seed int `json:"seed"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		out = append(out, body.Seed)
	}
	return out
}

// Three runs by default, one call each with its own seed; a flag the runs
// disagree on keeps the majority's status and is marked uncertain with what
// each run said; flags they agree on are not. Each run is a ledger row and
// an audit entry; what they cost adds up.
func TestSuggestScreenRunsThreeTimesAndMarksDisagreement(t *testing.T) {
	f := newFixture(t)
	base := f.reply(t, shipped)
	f.srv.Script(
		openaitest.Reply{Content: setStatus(t, base, f.ids[1], "present"), PromptTokens: 1000, CompletionTokens: 200},
		openaitest.Reply{Content: setStatus(t, base, f.ids[1], "present"), PromptTokens: 1000, CompletionTokens: 200},
		openaitest.Reply{Content: setStatus(t, base, f.ids[1], "absent"), PromptTokens: 1000, CompletionTokens: 200},
	)
	res, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := seeds(t, f.srv); !slices.Equal(got, []int{7, 8, 9}) {
		t.Errorf("seeds sent = %v, want 7, 8, 9 (the settings' seed, then the next ones)", got)
	}
	second := res.Flags[1]
	if second.Status != scoring.Present || !second.Uncertain ||
		!slices.Equal(second.Seen, []scoring.Mark{scoring.Present, scoring.Present, scoring.Absent}) {
		t.Errorf("second flag = %+v, want present (2 of 3), uncertain, seen present/present/absent", second)
	}
	first := res.Flags[0]
	if first.Uncertain || first.Status != scoring.Present || !first.Verified || resume[first.Start:first.End] != shipped {
		t.Errorf("first flag = %+v, want present, certain, its quote verified", first)
	}
	if res.Runs != 3 || res.Uncertain != 1 || res.Quotes != 3 || res.Dropped != 0 {
		t.Errorf("runs %d uncertain %d quotes %d dropped %d", res.Runs, res.Uncertain, res.Quotes, res.Dropped)
	}
	// 3 × (1000 × $0.15/M + 200 × $0.60/M) = 3 × $0.00027.
	if res.TokensIn != 3000 || res.TokensOut != 600 || math.Abs(res.CostUSD-0.00081) > 1e-12 || res.Attempts != 3 {
		t.Errorf("tokens %d/%d cost %v attempts %d", res.TokensIn, res.TokensOut, res.CostUSD, res.Attempts)
	}
	if u := f.ledger(t); len(u) != 1 || u[0].Calls != 3 || u[0].Cached != 0 || math.Abs(u[0].CostUSD-0.00081) > 1e-12 {
		t.Errorf("ledger = %+v, want 3 paid calls", u)
	}
	if a, err := f.store.AIAudit(f.ctx, f.cand); err != nil || len(a) != 3 {
		t.Errorf("audit: %d entries, %v; want one per run", len(a), err)
	}

	// The same suggestion again comes from the cache, run by run, with the
	// same uncertainty, at no cost.
	again, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || again.CostUSD != 0 || again.EstimateUSD != 0 || len(f.srv.Completions()) != 3 ||
		!again.Flags[1].Uncertain || again.Flags[1].Status != scoring.Present {
		t.Errorf("repeat: cached %v cost %v estimate %v requests %d flag %+v", again.Cached, again.CostUSD,
			again.EstimateUSD, len(f.srv.Completions()), again.Flags[1])
	}
	if u := f.ledger(t); u[0].Calls != 6 || u[0].Cached != 3 {
		t.Errorf("ledger = %+v, want 6 calls, 3 from the cache", u)
	}
}

// With no majority (two runs, two statuses) the flag is shown as unclear,
// uncertain, with the first run's quote kept as evidence and a reason that
// says why.
func TestSuggestScreenWithoutAMajorityIsUnclear(t *testing.T) {
	f := newFixture(t)
	base := f.reply(t, shipped)
	f.srv.Script(openaitest.Reply{Content: base}, openaitest.Reply{Content: setStatus(t, base, f.ids[0], "absent")})
	res, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Runs: 2})
	if err != nil {
		t.Fatal(err)
	}
	fl := res.Flags[0]
	if fl.Status != scoring.Unclear || !fl.Uncertain || !fl.Verified ||
		fl.Reason != "The runs disagreed (present, absent), so this is shown as unclear." {
		t.Errorf("flag = %+v", fl)
	}
	if len(f.srv.Completions()) != 2 {
		t.Errorf("%d requests, want 2", len(f.srv.Completions()))
	}
}

// The estimate and the budget count every run that will be sent: a budget
// with room for two calls stops a three-run suggestion before anything is sent.
func TestSuggestScreenBudgetsForEveryRun(t *testing.T) {
	one := newFixture(t)
	one.srv.Script(openaitest.Reply{Content: one.reply(t, shipped)})
	single, err := one.service(oneRun()).SuggestScreen(one.ctx, one.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}

	f := newFixture(t)
	s := assist.DefaultSettings()
	s.BudgetUSD = 2 * single.EstimateUSD
	_, err = f.service(s).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	var be *assist.BudgetError
	if !errors.As(err, &be) || len(f.srv.Completions()) != 0 {
		t.Fatalf("err %v after %d requests, want a budget stop before sending", err, len(f.srv.Completions()))
	}
	if math.Abs(be.EstimateUSD-3*single.EstimateUSD) > 1e-12 {
		t.Errorf("estimate %v, want 3 × %v", be.EstimateUSD, single.EstimateUSD)
	}
	if u := f.ledger(t); len(u) != 1 || u[0].Calls != 1 || u[0].Failed != 1 || u[0].CostUSD != 0 {
		t.Errorf("ledger = %+v, want the stop noted once", u)
	}
}

// A run that fails fails the suggestion (nothing half-filled), but the runs
// that succeeded were cached: asking again pays only for the rest.
func TestSuggestScreenFailedRunKeepsTheOthersCached(t *testing.T) {
	f := newFixture(t)
	good := openaitest.Reply{Content: f.reply(t, shipped), PromptTokens: 100, CompletionTokens: 10}
	f.srv.Script(good, openaitest.Fail(400, "invalid_value", "invalid_request_error"))
	res, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err == nil || len(res.Flags) != 0 || res.Cached || len(f.srv.Completions()) != 2 {
		t.Fatalf("flags %d cached %v err %v after %d requests", len(res.Flags), res.Cached, err, len(f.srv.Completions()))
	}
	f.srv.Script(good)
	res, err = f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil || len(res.Flags) != len(f.ids) || len(f.srv.Completions()) != 4 || res.Cached {
		t.Fatalf("retry: flags %d err %v requests %d", len(res.Flags), err, len(f.srv.Completions()))
	}
	if got := seeds(t, f.srv); !slices.Equal(got, []int{7, 8, 8, 9}) {
		t.Errorf("seeds sent = %v, want run 1 once (then from the cache), run 2 twice, run 3 once", got)
	}
	if res.TokensIn != 200 {
		t.Errorf("tokens in %d, want the two runs paid this time", res.TokensIn)
	}
}

// Runs are 1 to 5; 0 means the default of 3.
func TestSettingsRuns(t *testing.T) {
	f := newFixture(t)
	for _, n := range []int{-1, 6} {
		s := assist.DefaultSettings()
		s.Runs = n
		var ve *model.ValidationError
		if err := assist.SaveSettings(f.ctx, f.store, s); !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "runs" {
			t.Errorf("runs %d: %v, want a message on runs", n, err)
		}
	}
	s := assist.DefaultSettings()
	s.Runs = 0
	if err := assist.SaveSettings(f.ctx, f.store, s); err != nil {
		t.Fatal(err)
	}
	if got, err := assist.LoadSettings(f.ctx, f.store); err != nil || got.Runs != 3 {
		t.Errorf("runs = %d, %v; want the default 3", got.Runs, err)
	}
}

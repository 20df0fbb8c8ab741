// Tests the measured output estimate through the service: the preview and
// the suggestion read the ledger's recent paid, successful calls of the
// same kind, and every call sent records the fixed figure it was expected at.

package assist_test

import (
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/storage"
)

func TestTheScreenEstimateLearnsTheReplySizeFromTheLedger(t *testing.T) {
	f := newFixture(t)
	svc := f.service(oneRun())
	fixed := 60 * len(f.ids) // 60 tokens a flag
	preview := func() assist.Preview {
		t.Helper()
		p, err := svc.Preview(f.ctx, f.app, assist.ScreenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	if p := preview(); p.TokensOut != fixed {
		t.Fatalf("empty ledger: %d reply tokens expected, want the fixed %d", p.TokensOut, fixed)
	}
	record := func(outcome string, cached bool, billed int) {
		t.Helper()
		c := storage.AICall{Feature: ai.FeatureScreen, Model: "gpt-4o-mini", PromptVersion: ai.ScreenPromptVersion,
			TokensIn: 1000, TokensOut: billed, CostUSD: 0.001, Outcome: outcome, Cached: cached, Attempts: 1, EstimateOut: fixed}
		if cached {
			c.CostUSD = 0
		}
		if _, err := f.store.RecordAI(f.ctx, storage.AIRecord{Call: c}); err != nil {
			t.Fatal(err)
		}
	}
	for range 4 {
		record("ok", false, fixed/2)
	}
	// Neither a cache hit nor a failed call says what a reply is billed.
	record("ok", true, 3*fixed)
	record("error:invalid_output", false, 3*fixed)
	if p := preview(); p.TokensOut != fixed {
		t.Errorf("4 paid calls (+1 cached, +1 failed): %d reply tokens expected, want the fixed %d", p.TokensOut, fixed)
	}
	record("ok", false, 3*fixed/4)
	// Ratios 0.5, 0.5, 0.5, 0.5, 0.75: the median is 0.5.
	p := preview()
	if p.TokensOut != fixed/2 {
		t.Errorf("5 paid calls at half the fixed figure: %d reply tokens expected, want %d", p.TokensOut, fixed/2)
	}
	if want := (float64(p.TokensIn)*0.15 + float64(fixed/2)*0.60) / 1e6; p.EstimateUSD != want {
		t.Errorf("estimate $%v, want $%v", p.EstimateUSD, want)
	}

	// The suggestion checks the budget against the same estimate.
	f.srv.Script(openaitest.Reply{Content: f.reply(t, "shipped a COBOL compiler"), PromptTokens: 1000, CompletionTokens: 200})
	res, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.EstimateTokensOut != fixed/2 || res.EstimateUSD != p.EstimateUSD {
		t.Errorf("the suggestion expected %d tokens, $%v; the preview %d, $%v", res.EstimateTokensOut, res.EstimateUSD, fixed/2, p.EstimateUSD)
	}
}

// A call sent records the fixed figure (not the measured one, which would
// feed on itself) beside what it was billed; a cache hit records none.
func TestACallRecordsTheFixedReplySizeItWasExpectedAt(t *testing.T) {
	f := newFixture(t)
	svc := f.service(oneRun())
	f.srv.Script(openaitest.Reply{Content: f.reply(t, "shipped a COBOL compiler"), PromptTokens: 1000, CompletionTokens: 200})
	for range 2 { // the second from the cache
		if _, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := f.store.AIOutputHistory(f.ctx, "gpt-4o-mini", ai.ScreenPromptVersion, 20)
	if want := (storage.AIOutput{EstimateOut: 60 * len(f.ids), TokensOut: 200}); err != nil || len(got) != 1 || got[0] != want {
		t.Errorf("history = %+v, %v; want one call %+v", got, err, want)
	}
}

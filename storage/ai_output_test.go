package storage

import (
	"context"
	"reflect"
	"testing"
)

// The output history holds only paid, successful calls of the model and
// prompt version asked for, with their expected size, newest first; a
// probe variant (the screen's request under another ledger name) counts.
func TestAIOutputHistoryKeepsOnlyPaidSuccessfulCallsOfTheSameKind(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ok := func(estimate, out int) AICall {
			c := screenCall(1000, out, 0.001)
			c.EstimateOut = estimate
			return c
		}
		rec := func(c AICall) { mustRecord(t, s, AIRecord{Call: c}) }
		rec(ok(720, 400)) // the oldest kept
		cached := ok(720, 999)
		cached.Cached, cached.CostUSD = true, 0
		rec(cached)
		failed := ok(720, 998)
		failed.Outcome = "error:invalid_output"
		rec(failed)
		otherModel := ok(720, 997)
		otherModel.Model = "gpt-4o"
		rec(otherModel)
		otherPrompt := ok(720, 996)
		otherPrompt.PromptVersion = "screen-v2"
		rec(otherPrompt)
		probe := ok(720, 380)
		probe.Feature = "screen-probe"
		rec(probe)
		rec(ok(0, 994)) // no expected size recorded
		rec(ok(240, 150))
		rec(ok(720, 430)) // the newest

		got, err := s.AIOutputHistory(ctx, "gpt-4o-mini", "screen-v1", 20)
		want := []AIOutput{{720, 430}, {240, 150}, {720, 380}, {720, 400}}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("history = %+v, %v; want %+v", got, err, want)
		}
		got, err = s.AIOutputHistory(ctx, "gpt-4o-mini", "screen-v1", 2)
		if want := want[:2]; err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("the newest 2 = %+v, %v; want %+v", got, err, want)
		}
		got, err = s.AIOutputHistory(ctx, "gpt-4o-mini", "summary-v1", 20)
		if err != nil || len(got) != 0 {
			t.Errorf("a prompt never sent: %+v, %v; want none", got, err)
		}
	})
}

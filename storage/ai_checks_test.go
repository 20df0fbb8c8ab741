// Tests the AI checks and the usage totals reports read: checks added up per
// feature and model, impossible counts refused, and a role's usage made of
// the calls about its own candidates only, which leave it with an erased
// candidate while the workspace's totals keep them.

package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"hirebench/app/model"
)

func TestAIChecksAddUpPerFeatureAndModel(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		for _, c := range []AICheck{
			{Feature: "screen", Model: "gpt-4o-mini", PromptVersion: "screen-v1", Runs: 3, Items: 12, Uncertain: 1, Quotes: 9, Dropped: 2, Repairs: 1},
			{Feature: "screen", Model: "gpt-4o-mini", PromptVersion: "screen-v1", Runs: 2, Items: 12, Uncertain: 0, Quotes: 6, Dropped: 0},
			{Feature: "rate", Model: "gpt-4.1", PromptVersion: "rate-v1", Runs: 1, Items: 1, Quotes: 3, Dropped: 1},
			{At: "2025-01-15T10:00:00Z", Feature: "rate", Model: "gpt-4.1", PromptVersion: "rate-v1", Runs: 1, Items: 1, Quotes: 2},
		} {
			if err := s.AddAICheck(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.AIChecks(ctx, "")
		want := []AICheckTotals{
			{Feature: "rate", Model: "gpt-4.1", Suggestions: 2, Runs: 2, Items: 2, Quotes: 5, Dropped: 1},
			{Feature: "screen", Model: "gpt-4o-mini", Suggestions: 2, Runs: 5, Items: 24, Uncertain: 1, Quotes: 15, Dropped: 2, Repairs: 1},
		}
		if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("totals = %+v, %v\nwant %+v", got, err, want)
		}
		// The store's clock says 2025-03-01: the January check is before the month.
		got, err = s.AIChecks(ctx, "2025-03-01T00:00:00Z")
		if err != nil || len(got) != 2 || got[0].Suggestions != 1 || got[0].Quotes != 3 {
			t.Errorf("since March = %+v, %v", got, err)
		}
		var ve *model.ValidationError
		if _, err := s.AIChecks(ctx, "March"); !errors.As(err, &ve) {
			t.Errorf("a bad since: %v, want invalid", err)
		}
	})
}

func TestAIChecksRefuseImpossibleCounts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		for name, c := range map[string]AICheck{
			"more dropped than given":       {Runs: 1, Items: 1, Quotes: 1, Dropped: 2},
			"more uncertain than suggested": {Runs: 1, Items: 1, Uncertain: 2},
			"more repairs than calls":       {Runs: 1, Items: 1, Repairs: 2},
			"no call":                       {Runs: 0, Items: 1},
		} {
			c.Feature, c.Model = "screen", "gpt-4o-mini"
			if err := s.AddAICheck(ctx, c); err == nil {
				t.Errorf("%s: kept", name)
			}
		}
		if got, err := s.AIChecks(ctx, ""); err != nil || len(got) != 0 {
			t.Errorf("after refusals: %+v, %v", got, err)
		}
		if _, err := rawExec(s, sqlInsertAICheck, "2025-03-01T00:00:00Z", "rate", "m", "", 1, 1, 0, 0, 0, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := rawExec(s, `UPDATE ai_checks SET dropped = 0`); err == nil {
			t.Error("a check was changed after it was recorded")
		}
	})
}

func TestAIRoleUsageCountsTheCallsAboutItsCandidates(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	eng, ops := mustRole(t, s, "Engineer"), mustRole(t, s, "Operations")
	ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, eng.ID)
	bob := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Bob Ops"}}, ops.ID)
	cached := screenCall(1000, 100, 0)
	cached.Cached = true
	failed := screenCall(0, 0, 0)
	failed.Outcome = "error:timeout"
	rate := AICall{Feature: "rate", Model: "gpt-4.1", PromptVersion: "rate-v1", TokensIn: 800, TokensOut: 60, CostUSD: 0.00208,
		Outcome: "ok", Attempts: 1}
	for _, r := range []AIRecord{
		{Call: screenCall(1200, 300, 0.00036), CandidateID: ada.ID, Request: "r", Response: "a"},
		{Call: screenCall(1000, 200, 0.00027), CandidateID: ada.ID, Request: "r", Response: "a"},
		{Call: cached, CandidateID: ada.ID, Request: "r", Response: "a"},
		{Call: failed, CandidateID: ada.ID, Request: "r"},
		{Call: rate, CandidateID: ada.ID, Request: "r", Response: "a"},
		{Call: screenCall(5000, 900, 0.0013), CandidateID: bob.ID, Request: "r", Response: "a"},
		{Call: screenCall(7000, 100, 0.0011)}, // about nobody (a budget stop, a probe variant)
	} {
		mustRecord(t, s, r)
	}
	got, err := s.AIRoleUsage(ctx, eng.ID)
	// Ada's screen calls: 4 rows, 1 cached (no tokens), 1 failed; tokens 1200+1000, 300+200; cost 0.00036+0.00027.
	want := []AIUsageRow{
		{Feature: "rate", Model: "gpt-4.1", Calls: 1, TokensIn: 800, TokensOut: 60, CostUSD: 0.00208},
		{Feature: "screen", Model: "gpt-4o-mini", Calls: 4, Cached: 1, Failed: 1, TokensIn: 2200, TokensOut: 500, CostUSD: 0.00063},
	}
	if err != nil || fmt.Sprintf("%.6v", got) != fmt.Sprintf("%.6v", want) {
		t.Errorf("the engineer role's usage = %+v, %v\nwant %+v", got, err, want)
	}
	if got, err := s.AIRoleUsage(ctx, 999); err != nil || len(got) != 0 {
		t.Errorf("a role without AI: %+v, %v", got, err)
	}
	if _, err := s.EraseCandidates(ctx, []int64{ada.ID}, byRequest); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AIRoleUsage(ctx, eng.ID); err != nil || len(got) != 0 {
		t.Errorf("after Ada's erasure the role's usage = %+v, %v; want none", got, err)
	}
	all, err := s.AIUsageTotals(ctx, "")
	if err != nil || len(all) != 2 || all[1].Calls != 6 || all[0].Calls != 1 {
		t.Errorf("the workspace keeps every call: %+v, %v", all, err)
	}
}

// Tests AI assist's records: a call's ledger, audit and cache rows written
// together or not at all, the cache, spend and usage totals read back from
// the ledger, a candidate's audit newest first, the human-only switch, and
// an upgrade from schema 10.

package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hirebench/app/model"
)

// screenCall is a successful, billed resume-screen call.
func screenCall(in, out int, usd float64) AICall {
	return AICall{Feature: "screen", Model: "gpt-4o-mini", PromptVersion: "screen-v1", TokensIn: in, TokensOut: out,
		CostUSD: usd, LatencyMS: 850, Outcome: "ok", Attempts: 1, Fingerprint: "fp_44709d6fcb"}
}

func mustRecord(t *testing.T, s *Store, r AIRecord) int64 {
	t.Helper()
	id, err := s.RecordAI(context.Background(), r)
	if err != nil {
		t.Fatalf("RecordAI: %v", err)
	}
	return id
}

// aiRows counts the rows of the three AI tables.
func aiRows(t *testing.T, s *Store) string {
	t.Helper()
	var calls, audit, cache int
	if err := rawQueryRow(s, `SELECT (SELECT count(*) FROM ai_calls), (SELECT count(*) FROM ai_audit), (SELECT count(*) FROM ai_cache)`).
		Scan(&calls, &audit, &cache); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("calls %d, audit %d, cache %d", calls, audit, cache)
}

func TestRecordAIKeepsTheCallTheExchangeAndTheAnswer(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
		id := mustRecord(t, s, AIRecord{Call: screenCall(1200, 300, 0.375), CandidateID: ada.ID, CacheKey: "k1",
			Request: `[{"role":"user","content":"[NAME] wrote the first program."}]`, Response: `{"flags":[]}`})
		if id <= 0 {
			t.Fatalf("call id = %d", id)
		}
		got, err := s.AICached(ctx, "k1")
		want := AICacheEntry{Response: `{"flags":[]}`, Model: "gpt-4o-mini", Fingerprint: "fp_44709d6fcb",
			CreatedAt: "2025-03-01T09:00:00.000Z", TokensIn: 1200, TokensOut: 300}
		if err != nil || got != want {
			t.Errorf("cached = %+v, %v; want %+v", got, err, want)
		}
		audit, err := s.AIAudit(ctx, ada.ID)
		if err != nil || len(audit) != 1 {
			t.Fatalf("audit = %+v, %v", audit, err)
		}
		wantAudit := AIAuditEntry{ID: audit[0].ID, CallID: id, At: "2025-03-01T09:00:00.000Z", Feature: "screen", Model: "gpt-4o-mini",
			PromptVersion: "screen-v1", Outcome: "ok", Request: `[{"role":"user","content":"[NAME] wrote the first program."}]`,
			Response: `{"flags":[]}`}
		if audit[0] != wantAudit {
			t.Errorf("audit = %+v, %v; want %+v", audit, err, wantAudit)
		}
		usage, err := s.AIUsage(ctx, "")
		wantUsage := AIUsageRow{Day: "2025-03-01", Feature: "screen", Model: "gpt-4o-mini", Calls: 1, TokensIn: 1200, TokensOut: 300, CostUSD: 0.375}
		if err != nil || len(usage) != 1 || usage[0] != wantUsage {
			t.Errorf("usage = %+v, %v; want %+v", usage, err, wantUsage)
		}
	})
}

func TestAICachedMissIsNotFound(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		if _, err := s.AICached(context.Background(), "never-asked"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a miss: %v, want not found", err)
		}
	})
}

func TestWhatTheCacheKeeps(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
		failed := screenCall(1200, 0, 0.0003)
		failed.Outcome = "invalid_output"
		mustRecord(t, s, AIRecord{Call: failed, CandidateID: ada.ID, CacheKey: "k-failed", Request: "q", Response: "not json"})
		if _, err := s.AICached(ctx, "k-failed"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a failed call's answer was cached: %v", err)
		}
		// An answer about nobody is cached too, and kept with no candidate.
		mustRecord(t, s, AIRecord{Call: screenCall(10, 5, 0.5), CacheKey: "k-nobody", Request: "q", Response: "first"})
		if e, err := s.AICached(ctx, "k-nobody"); err != nil || e.Response != "first" {
			t.Errorf("an answer about nobody: %+v, %v", e, err)
		}
		// A cache hit leaves the entry as it was: its age is the answer's.
		clk.Advance(time.Hour)
		hit := screenCall(10, 5, 0)
		hit.Cached = true
		mustRecord(t, s, AIRecord{Call: hit, CacheKey: "k-nobody", Request: "q", Response: "first"})
		if e, _ := s.AICached(ctx, "k-nobody"); e.CreatedAt != "2025-03-01T09:00:00.000Z" {
			t.Errorf("a cache hit rewrote the entry: %+v", e)
		}
		// A new paid answer to the same request replaces the old one.
		mustRecord(t, s, AIRecord{Call: screenCall(10, 7, 0.25), CandidateID: ada.ID, CacheKey: "k-nobody", Request: "q", Response: "second"})
		want := AICacheEntry{Response: "second", Model: "gpt-4o-mini", Fingerprint: "fp_44709d6fcb", CreatedAt: "2025-03-01T10:00:00.000Z",
			TokensIn: 10, TokensOut: 7}
		if e, err := s.AICached(ctx, "k-nobody"); err != nil || e != want {
			t.Errorf("after a newer answer: %+v, %v; want %+v", e, err, want)
		}
		if got := aiRows(t, s); got != "calls 4, audit 2, cache 1" {
			t.Errorf("rows: %s", got)
		}
	})
}

func TestRecordAIWritesAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
	ok := AIRecord{Call: screenCall(1200, 300, 0.375), CandidateID: ada.ID, CacheKey: "k1", Request: "q", Response: "a"}

	// The cache entry is the last row written: when it fails, the ledger
	// and audit rows written before it in the same call go too.
	if _, err := rawExec(s, `CREATE TRIGGER test_cache_fails BEFORE INSERT ON ai_cache BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordAI(ctx, ok); err == nil {
		t.Fatal("RecordAI succeeded although the cache refused its row")
	}
	if got := aiRows(t, s); got != "calls 0, audit 0, cache 0" {
		t.Errorf("after a failed cache insert: %s", got)
	}
	if _, err := rawExec(s, `DROP TRIGGER test_cache_fails`); err != nil {
		t.Fatal(err)
	}

	bad := map[string]AIRecord{}
	for name, change := range map[string]func(r *AIRecord){
		"negative tokens in":     func(r *AIRecord) { r.Call.TokensIn = -1 },
		"negative tokens out":    func(r *AIRecord) { r.Call.TokensOut = -5 },
		"negative cost":          func(r *AIRecord) { r.Call.CostUSD = -0.01 },
		"negative latency":       func(r *AIRecord) { r.Call.LatencyMS = -1 },
		"no outcome":             func(r *AIRecord) { r.Call.Outcome = "" },
		"no feature":             func(r *AIRecord) { r.Call.Feature = "" },
		"no model":               func(r *AIRecord) { r.Call.Model = "" },
		"a billed cache hit":     func(r *AIRecord) { r.Call.Cached = true },
		"an empty answer":        func(r *AIRecord) { r.Response = "" },
		"an unknown candidate":   func(r *AIRecord) { r.CandidateID = 999999 },
		"a time that is no time": func(r *AIRecord) { r.Call.At = "yesterday" },
	} {
		r := ok
		change(&r)
		bad[name] = r
	}
	for name, r := range bad {
		if _, err := s.RecordAI(ctx, r); err == nil {
			t.Errorf("%s: recorded", name)
		}
	}
	if got := aiRows(t, s); got != "calls 0, audit 0, cache 0" {
		t.Errorf("after refused records: %s", got)
	}
	if _, err := s.RecordAI(ctx, bad["an unknown candidate"]); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an unknown candidate: %v, want not found", err)
	}
	_, err := s.RecordAI(ctx, bad["a time that is no time"])
	wantValidation(t, err, "at")
	mustRecord(t, s, ok)
	if got := aiRows(t, s); got != "calls 1, audit 1, cache 1" {
		t.Errorf("after a good record: %s", got)
	}
}

func TestTheLedgerIsAppendOnly(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		mustRecord(t, s, AIRecord{Call: screenCall(10, 5, 0.5)})
		if _, err := rawExec(s, `UPDATE ai_calls SET cost_usd = 0`); err == nil {
			t.Error("a ledger row was rewritten")
		}
	})
}

// ledgerDays records calls across three UTC days (one stamped in another
// time zone), with a failure and a cache hit.
func ledgerDays(t *testing.T, s *Store) {
	t.Helper()
	at := func(c AICall, when string) AICall { c.At = when; return c }
	failed := at(screenCall(800, 0, 0.125), "2025-03-02T08:00:00Z")
	failed.Outcome = "timeout"
	hit := at(screenCall(1200, 300, 0), "2025-03-02T09:00:00.5Z")
	hit.Cached = true
	summary := AICall{Feature: "summary", Model: "gpt-4o", PromptVersion: "summary-v1", TokensIn: 3000, TokensOut: 700,
		CostUSD: 1.5, Outcome: "ok", Attempts: 2}
	for _, c := range []AICall{
		at(screenCall(1000, 200, 0.25), "2025-02-28T23:59:59.999Z"),
		at(screenCall(1200, 300, 0.5), "2025-03-01T10:00:00Z"),
		// 01:30 in UTC+02:00 is 23:30 the day before in UTC.
		at(screenCall(900, 100, 0.25), "2025-03-02T01:30:00+02:00"),
		failed, hit,
		at(summary, "2025-03-02T12:00:00Z"),
	} {
		mustRecord(t, s, AIRecord{Call: c})
	}
}

func TestAISpentSince(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ledgerDays(t, s)
		for since, want := range map[string]float64{
			"":                          2.625,
			"2025-03-01T00:00:00Z":      2.375,
			"2025-03-01T01:00:00+01:00": 2.375, // midnight UTC
			"2025-03-02T00:00:00Z":      1.625,
			"2025-03-02T08:30:00Z":      1.5, // the cache hit since then billed nothing
			"2025-04-01T00:00:00Z":      0,
		} {
			if got, err := s.AISpentSince(ctx, since); err != nil || got != want {
				t.Errorf("spent since %q = %v, %v; want %v", since, got, err, want)
			}
		}
		_, err := s.AISpentSince(ctx, "March")
		wantValidation(t, err, "since")
	})
}

func TestAIUsagePerDayFeatureAndModel(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ledgerDays(t, s)
		got, err := s.AIUsage(ctx, "2025-03-01T00:00:00Z")
		if err != nil {
			t.Fatal(err)
		}
		want := []AIUsageRow{
			{Day: "2025-03-02", Feature: "screen", Model: "gpt-4o-mini", Calls: 2, Cached: 1, Failed: 1, TokensIn: 800, CostUSD: 0.125},
			{Day: "2025-03-02", Feature: "summary", Model: "gpt-4o", Calls: 1, TokensIn: 3000, TokensOut: 700, CostUSD: 1.5},
			{Day: "2025-03-01", Feature: "screen", Model: "gpt-4o-mini", Calls: 2, TokensIn: 2100, TokensOut: 400, CostUSD: 0.75},
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("usage =\n%+v\nwant\n%+v", got, want)
		}
		all, err := s.AIUsage(ctx, "")
		if err != nil || len(all) != 4 || all[3].Day != "2025-02-28" || all[3].Calls != 1 {
			t.Errorf("all usage = %+v, %v; want the 28th last", all, err)
		}
		if none, err := s.AIUsage(ctx, "2026-01-01T00:00:00Z"); err != nil || none == nil || len(none) != 0 {
			t.Errorf("usage of a quiet period = %#v, %v; want an empty list", none, err)
		}
		_, err = s.AIUsage(ctx, "2025-13-01")
		wantValidation(t, err, "since")
	})
}

func TestAIAuditIsPerCandidateNewestFirst(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}})
		first := mustRecord(t, s, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: ada.ID, Request: "first", Response: "one"})
		mustRecord(t, s, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: grace.ID, Request: "grace's", Response: "two"})
		clk.Advance(time.Minute)
		failed := screenCall(10, 0, 0.125)
		failed.Outcome = "rate_limited"
		second := mustRecord(t, s, AIRecord{Call: failed, CandidateID: ada.ID, Request: "second", Response: ""})
		got, err := s.AIAudit(ctx, ada.ID)
		if err != nil || len(got) != 2 {
			t.Fatalf("audit = %+v, %v", got, err)
		}
		if got[0].CallID != second || got[0].Request != "second" || got[0].Outcome != "rate_limited" || got[0].At != "2025-03-01T09:01:00.000Z" ||
			got[1].CallID != first || got[1].Request != "first" || got[1].Outcome != "ok" {
			t.Errorf("audit = %+v; want the rate-limited call first, then the first one", got)
		}
		if none, err := s.AIAudit(ctx, mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Alan Turing"}}).ID); err != nil ||
			none == nil || len(none) != 0 {
			t.Errorf("someone never sent = %#v, %v; want an empty list", none, err)
		}
		if _, err := s.AIAudit(ctx, 999999); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an unknown candidate: %v", err)
		}
	})
}

func TestHumanOnlySwitch(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}})
		if on, err := s.HumanOnly(ctx, ada.ID); err != nil || on {
			t.Errorf("a new candidate is human-only: %v, %v", on, err)
		}
		for _, on := range []bool{true, true, false} {
			if err := s.SetHumanOnly(ctx, ada.ID, on); err != nil {
				t.Fatal(err)
			}
			if got, err := s.HumanOnly(ctx, ada.ID); err != nil || got != on {
				t.Errorf("after SetHumanOnly(%v): %v, %v", on, got, err)
			}
		}
		if err := s.SetHumanOnly(ctx, grace.ID, true); err != nil {
			t.Fatal(err)
		}
		if on, _ := s.HumanOnly(ctx, ada.ID); on {
			t.Error("switching Grace switched Ada")
		}
		if err := s.SetHumanOnly(ctx, 999999, true); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("set on an unknown candidate: %v", err)
		}
		if _, err := s.HumanOnly(ctx, 999999); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("read of an unknown candidate: %v", err)
		}
		if _, err := rawExec(s, `UPDATE candidates SET human_only = 2 WHERE id = ?`, ada.ID); err == nil {
			t.Error("human_only took a value other than 0 or 1")
		}
	})
}

func TestUpgradeFromSchema10KeepsCandidatesAndLeavesAIOn(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	db := openRaw(t, path)
	if err := migrateTo(ctx, db, 10); err != nil {
		t.Fatal(err)
	}
	seedCoreRows(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.GetCandidate(ctx, 1)
	if err != nil || c.Name != "Grace Hopper" || c.Email != "grace@navy.example" || c.ResumeText != "Wrote the first compiler." {
		t.Errorf("Grace after the upgrade: %+v, %v", c, err)
	}
	if on, err := s.HumanOnly(ctx, 1); err != nil || on {
		t.Errorf("human-only after the upgrade: %v, %v; want off", on, err)
	}
	mustRecord(t, s, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: 1, CacheKey: "k", Request: "q", Response: "a"})
	if _, err := s.EraseCandidates(ctx, []int64{1}, byRequest); err != nil {
		t.Fatal(err)
	}
	if got := aiRows(t, s); got != "calls 1, audit 0, cache 0" {
		t.Errorf("after erasing the upgraded candidate: %s", got)
	}
}

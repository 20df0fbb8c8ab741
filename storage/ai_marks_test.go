// Tests that an AI call finishing after its candidate was erased,
// anonymised or replaced keeps nothing about them (issue 11 review), and
// the budget reservations that keep calls made at once under the budget.

package storage

import (
	"context"
	"errors"
	"sync"
	"testing"

	"hirebench/app/model"
)

// An answer that comes back after the candidate was anonymised is not
// written back to them: no audit row, no cache entry, no rating, and the
// ledger is left for the service to write about nobody.
func TestAIRecordsRefuseACandidateAnonymisedMeanwhile(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	mark, err := p.s.AIMark(ctx, p.quorra.ID)
	if err != nil || len(mark) != 32 {
		t.Fatalf("mark %q, %v", mark, err)
	}
	before := aiRows(t, p.s)
	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, Erasure{Action: ActionAnonymise, Why: "request", Actor: tester}); err != nil {
		t.Fatal(err)
	}
	afterErase := aiRows(t, p.s)

	_, err = p.s.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.01), CandidateID: p.quorra.ID, CandidateUID: mark,
		CacheKey: "late", Request: "Screen the resume of Quorra", Response: `{"flags":[]}`})
	if !errors.Is(err, ErrAIGone) || !errors.Is(err, model.ErrNotFound) {
		t.Errorf("RecordAI after anonymising: %v, want ErrAIGone", err)
	}
	// Without the mark too: an anonymised candidate is never written to.
	if _, err := p.s.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.01), CandidateID: p.quorra.ID, Request: "x", Response: "y"}); !errors.Is(err, ErrAIGone) {
		t.Errorf("RecordAI without a mark: %v, want ErrAIGone", err)
	}
	q := p.card.Revisions[0].Answers
	var qid string
	for id := range q {
		qid = id
	}
	_, err = p.s.AddAIRating(ctx, AIRating{ScorecardID: p.card.ID, QuestionID: qid, RubricVersionID: p.card.RubricVersionID,
		Model: "gpt-4o-mini", PromptVersion: "rate-v1", SuggestedLevel: 3, HumanLevel: 4, CandidateUID: mark,
		Fragments: []AIFragment{{Text: "explained Xylophantic parsing", Start: 7, End: 36}}})
	if !errors.Is(err, ErrAIGone) {
		t.Errorf("AddAIRating after anonymising: %v, want ErrAIGone", err)
	}
	if err := p.s.AddAIAudit(ctx, p.quorraCall, p.quorra.ID, mark, `{"probe":1}`, ""); !errors.Is(err, ErrAIGone) {
		t.Errorf("AddAIAudit after anonymising: %v, want ErrAIGone", err)
	}
	if got := aiRows(t, p.s); got != afterErase {
		t.Errorf("rows %s, want %s as the anonymisation left them (before it: %s)", got, afterErase, before)
	}
	var ratings int
	if err := p.s.w.QueryRow(`SELECT count(*) FROM ai_ratings`).Scan(&ratings); err != nil || ratings != 0 {
		t.Errorf("%d ratings, %v", ratings, err)
	}
	if _, err := p.s.AIMark(ctx, p.quorra.ID); !errors.Is(err, ErrAIGone) {
		t.Errorf("the mark of an anonymised candidate: %v, want ErrAIGone", err)
	}
	// Ada was not touched: her records still go in.
	adaMark, err := p.s.AIMark(ctx, p.ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.s.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.01), CandidateID: p.ada.ID, CandidateUID: adaMark, Request: "x", Response: "y"}); err != nil {
		t.Errorf("Ada: %v", err)
	}
}

// A row id SQLite hands out again after an erasure (the newest candidate
// erased, then someone added) belongs to another person: the old call's
// answer must not land in their records.
func TestAIRecordsRefuseARowIDTakenBySomeoneElse(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
	mark, err := s.AIMark(ctx, ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EraseCandidates(ctx, []int64{ada.ID}, Erasure{Action: ActionErase, Why: "request", Actor: tester}); err != nil {
		t.Fatal(err)
	}
	bob := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Bob Babbage"}})
	if bob.ID != ada.ID {
		t.Skipf("SQLite gave the new row id %d, not %d: nothing to test", bob.ID, ada.ID)
	}
	_, err = s.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.01), CandidateID: ada.ID, CandidateUID: mark, CacheKey: "k",
		Request: "Screen Ada", Response: "{}"})
	if !errors.Is(err, ErrAIGone) {
		t.Errorf("RecordAI into Bob's row: %v, want ErrAIGone", err)
	}
	if got := aiRows(t, s); got != "calls 0, audit 0, cache 0" {
		t.Errorf("rows %s, want none", got)
	}
}

// Reservations are checked and held in one transaction: of calls asking
// at once, only as many as the budget holds get one; the ledger row
// releases a call's reservation, and a lapsed one no longer counts.
func TestReserveAIHoldsTheBudgetAtomically(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		mustRecord(t, s, AIRecord{Call: screenCall(1000, 100, 0.25)}) // spent $0.25 this month
		const budget = 1.0
		allow := func(committed float64) error {
			if committed+0.25 > budget {
				return errors.New("over")
			}
			return nil
		}
		r := AIReservation{Since: "2025-03-01T00:00:00Z", Now: "2025-03-01T09:00:00Z", Until: "2025-03-01T09:03:00Z", USD: []float64{0.25}}
		var wg sync.WaitGroup
		var mu sync.Mutex
		var held [][]int64
		refused := 0
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ids, err := s.ReserveAI(ctx, r, allow)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					refused++
					return
				}
				held = append(held, ids)
			}()
		}
		wg.Wait()
		// $0.25 spent + 3 × $0.25 held = $1.00: three fit, five do not.
		if len(held) != 3 || refused != 5 {
			t.Fatalf("%d held, %d refused; want 3 and 5", len(held), refused)
		}
		// A call's ledger row releases its reservation: its cost (here none:
		// it failed unbilled) takes its place.
		failed := screenCall(0, 0, 0)
		failed.Outcome = "error:network"
		mustRecord(t, s, AIRecord{Call: failed, Reservations: held[0]})
		if _, err := s.ReserveAI(ctx, r, allow); err != nil {
			t.Errorf("after one call failed unbilled: %v", err)
		}
		if _, err := s.ReserveAI(ctx, r, allow); err == nil {
			t.Error("a fifth reservation fitted a full budget")
		}
		if err := s.ReleaseAI(ctx, held[1]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReserveAI(ctx, r, allow); err != nil {
			t.Errorf("after a release: %v", err)
		}
		// Three minutes on, every reservation has lapsed (a process that stopped).
		later := r
		later.Now, later.Until = "2025-03-01T09:03:00Z", "2025-03-01T09:06:00Z"
		var committed float64
		if _, err := s.ReserveAI(ctx, later, func(c float64) error { committed = c; return nil }); err != nil {
			t.Fatal(err)
		}
		if committed != 0.25 {
			t.Errorf("committed $%v after the reservations lapsed, want the $0.25 spent", committed)
		}
		var live int
		if err := rawQueryRow(s, `SELECT count(*) FROM ai_reservations`).Scan(&live); err != nil || live != 1 {
			t.Errorf("%d reservations kept, want the new one only (%v)", live, err)
		}
		if _, err := s.ReserveAI(ctx, AIReservation{Since: "yesterday", Now: r.Now, Until: r.Until}, allow); err == nil {
			t.Error("a bad time was accepted")
		}
	})
}

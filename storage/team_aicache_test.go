// Team mode: the AI cache answers by its key only, since an answer can
// quote the cards of a colleague the asker may not read yet.

package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hirebench/app/model"
)

func TestTeamAICacheAnswersOnlyByItsKey(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	sam, priya := tm.storeAs(t, tm.sam), tm.storeAs(t, tm.priya)
	key := strings.Repeat("5a", 32)
	const answer = `{"summary":"Sam wrote: weak on retries"}`
	if _, err := sam.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: tm.ada.ID, CacheKey: key,
		Request: "q", Response: answer}); err != nil {
		t.Fatalf("Sam's app caches an answer: %v", err)
	}
	// Sam's own app finds it again (the point of the cache), and so does
	// anyone who sends the very same request: they hold what it quotes.
	for who, s := range map[string]*Store{"Sam": sam, "Priya": priya} {
		if e, err := s.AICached(ctx, key); err != nil || e.Response != answer {
			t.Errorf("%s's AICached(key) = %+v, %v; want the answer", who, e, err)
		}
		if _, err := s.AICached(ctx, strings.Repeat("00", 32)); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s's AICached(another key) = %v; want not found", who, err)
		}
	}
	// Priya's SQL client lists nothing, and changes nothing in the table.
	db := tm.as(t, tm.priya)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ai_cache`).Scan(&n); err != nil || n != 0 {
		t.Errorf("Priya's SQL client counts %d cached answers (%v); want none listed", n, err)
	}
	stillBlind(t, db, "Priya", `UPDATE ai_cache SET response = 'x'`)
	stillBlind(t, db, "Priya", `DELETE FROM ai_cache`)
	stillBlind(t, db, "Priya", `INSERT INTO ai_cache (key, response, model, created_at) VALUES ('k', 'x', 'm', 't')`)
	// Through the function she adds answers, but replaces none: she could
	// otherwise swap an answer a recruiter reads for one of her own.
	const put = `SELECT hb_ai_cache_put($1, NULL, $2, 'm', '', 0, 0, $3)`
	for _, args := range [][]any{{key, "planted by Priya", "2026-12-02T10:00:00.000Z"}, {"k2", "bad time", "not a time"}} {
		if _, err := db.Exec(put, args...); err != nil {
			t.Fatalf("Priya's put %v: %v", args, err)
		}
	}
	if e, err := tm.owner.AICached(ctx, key); err != nil || e.Response != answer {
		t.Errorf("after Priya's tries the answer reads %+v, %v; want Sam's", e, err)
	}
	if _, err := tm.owner.AICached(ctx, "k2"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an answer put with a time that is no time: %v; want none kept", err)
	}
	// A recruiter asking again replaces it.
	rita := tm.storeAs(t, tm.rita)
	if _, err := rita.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: tm.ada.ID, CacheKey: key,
		Request: "q", Response: `{"summary":"asked again"}`}); err != nil {
		t.Fatal(err)
	}
	if e, err := priya.AICached(ctx, key); err != nil || e.Response != `{"summary":"asked again"}` {
		t.Errorf("after the recruiter asked again: %+v, %v; want her answer", e, err)
	}
}

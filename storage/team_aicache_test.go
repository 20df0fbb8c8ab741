// Team mode: the AI cache answers by its key only, since an answer can
// quote the cards of a colleague the asker may not read yet; and an
// interviewer's answer is trusted by its asker alone, so nobody can plant one
// for a recruiter or a colleague to read.

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
	// Sam's own app finds it again (the point of the cache). Priya, sending
	// the very same request, does not: an interviewer's answer is trusted by
	// its asker alone (migration 0025).
	if e, err := sam.AICached(ctx, key); err != nil || e.Response != answer {
		t.Errorf("Sam's AICached(key) = %+v, %v; want his answer", e, err)
	}
	for who, s := range map[string]*Store{"Sam": sam, "Priya": priya} {
		if _, err := s.AICached(ctx, strings.Repeat("00", 32)); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s's AICached(another key) = %v; want not found", who, err)
		}
	}
	if e, err := priya.AICached(ctx, key); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Priya's AICached(Sam's key) = %+v, %v; want not found", e, err)
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
	// Through the function she puts answers: the one under Sam's key
	// replaces his (an interviewer's answer is nobody's but its asker's),
	// and is trusted by her alone.
	const put = `SELECT hb_ai_cache_put($1, NULL, $2, 'm', '', 0, 0, $3)`
	for _, args := range [][]any{{key, "planted by Priya", "2026-12-02T10:00:00.000Z"}, {"k2", "bad time", "not a time"}} {
		if _, err := db.Exec(put, args...); err != nil {
			t.Fatalf("Priya's put %v: %v", args, err)
		}
	}
	if _, err := tm.owner.AICached(ctx, "k2"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an answer put with a time that is no time: %v; want none kept", err)
	}
	rita := tm.storeAs(t, tm.rita)
	for who, s := range map[string]*Store{"Sam": sam, "the recruiter": rita} {
		if e, err := s.AICached(ctx, key); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s's AICached(key) after Priya's put = %+v, %v; want not found", who, e, err)
		}
	}
	if e, err := priya.AICached(ctx, key); err != nil || e.Response != "planted by Priya" {
		t.Errorf("Priya's AICached(key) = %+v, %v; want her own answer", e, err)
	}
	// The recruiter asks the model and replaces it: now everyone's, and no
	// interviewer replaces it.
	if _, err := rita.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: tm.ada.ID, CacheKey: key,
		Request: "q", Response: `{"summary":"asked again"}`}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(put, key, "planted again", "2026-12-02T11:00:00.000Z"); err != nil {
		t.Fatal(err)
	}
	for who, s := range map[string]*Store{"Sam": sam, "Priya": priya, "the recruiter": rita} {
		if e, err := s.AICached(ctx, key); err != nil || e.Response != `{"summary":"asked again"}` {
			t.Errorf("%s's AICached(key) after the recruiter asked = %+v, %v; want her answer", who, e, err)
		}
	}
}

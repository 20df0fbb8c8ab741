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
	"time"

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

// Whose answer it is is fixed when it is cached: an interviewer's planted
// answer stays theirs after a promotion, and a laptop that pulls the
// workspace asks again rather than read it (and its own answer replaces it).
func TestTeamAICacheTrustIsFixedWhenCached(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	sam := tm.storeAs(t, tm.sam)
	db := tm.as(t, tm.priya)
	const put = `SELECT hb_ai_cache_put($1, NULL, $2, 'm', '', 0, 0, '2026-12-02T10:00:00.000Z')`
	if _, err := db.Exec(put, "k3", "planted by Priya"); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.owner.w.Exec(`UPDATE profiles SET is_recruiter = 1 WHERE id = $1`, tm.priya.ID); err != nil {
		t.Fatal(err)
	}
	if e, err := sam.AICached(ctx, "k3"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("after Priya's promotion Sam reads her planted answer: %+v, %v; want not found", e, err)
	}

	laptop, _ := mustOpen(t)
	if _, err := CopyWorkspace(ctx, tm.owner, laptop); err != nil {
		t.Fatal(err)
	}
	if e, err := laptop.AICached(ctx, "k3"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the pulled laptop reads Priya's planted answer: %+v, %v; want not found", e, err)
	}
	if _, err := laptop.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.5), CacheKey: "k3", Request: "q", Response: "the laptop's own"}); err != nil {
		t.Fatal(err)
	}
	if e, err := laptop.AICached(ctx, "k3"); err != nil || e.Response != "the laptop's own" {
		t.Errorf("the laptop's own answer reads %+v, %v", e, err)
	}
}

// Anonymising on a shared workspace holds the candidate until it ends: an
// AI answer a colleague's app gets meanwhile, marked with the candidate as
// they were, is refused, not kept beside the anonymous record.
func TestTeamAnonymisingWaitsForNoColleague(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	sam := tm.storeAs(t, tm.sam)
	mark, err := sam.AIMark(ctx, tm.ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The erasure's last write waits a second, holding the candidate.
	if _, err := tm.owner.w.Exec(`CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$;
		CREATE TRIGGER slow BEFORE INSERT ON privacy_audit FOR EACH ROW EXECUTE FUNCTION slow()`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := tm.owner.EraseCandidates(ctx, []int64{tm.ada.ID}, Erasure{Action: ActionAnonymise, Why: "request", Actor: byRequest.Actor})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	_, err = sam.RecordAI(ctx, AIRecord{Call: screenCall(10, 5, 0.5), CandidateID: tm.ada.ID, CandidateUID: mark,
		CacheKey: strings.Repeat("ab", 32), Request: "about Ada Lovelace", Response: "Ada Lovelace looks strong"})
	if !errors.Is(err, ErrAIGone) {
		t.Errorf("Sam's AI answer during the anonymising: %v; want refused, the candidate gone", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var n int
	if err := rawQueryRow(tm.owner, `SELECT count(*) FROM ai_audit WHERE candidate_id = ?`, tm.ada.ID).Scan(&n); err != nil || n != 0 {
		t.Errorf("the anonymous record has %d AI exchanges about her (%v)", n, err)
	}
}

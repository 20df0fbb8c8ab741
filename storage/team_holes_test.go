// Team mode: the ways a person with a SQL client of their own could get
// around the blind rule, each closed by the server (a review found them on
// a throwaway server; each step here failed before its policy or grant).

package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// stillBlind runs a statement that must change nothing: refused for want of
// a privilege, or changing no row.
func stillBlind(t *testing.T, db *sql.DB, who, q string, args ...any) {
	t.Helper()
	res, err := db.Exec(q, args...)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege: a grant or a policy said no
		return
	}
	if err != nil { // anything else would let a mistyped statement pass for a refusal
		t.Errorf("%s: %s: %v; want refused for want of a privilege, or no row changed", who, q, err)
		return
	}
	if n, _ := res.RowsAffected(); n != 0 {
		t.Errorf("%s: %s changed %d rows", who, q, n)
	}
}

func TestTeamClosesTheWaysAroundTheBlindRule(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	rita, sam, priya, lee := tm.as(t, tm.rita), tm.as(t, tm.sam), tm.as(t, tm.priya), tm.as(t, tm.lee)
	samCard, priyaCard := tm.start(t, tm.sam), tm.start(t, tm.priya)
	tm.submit(t, samCard)
	version := samCard.RubricVersionID

	// Lee interviews in none of Ada's rounds: no card of his there, submitted or not.
	for _, status := range []string{"submitted", "draft"} {
		stillBlind(t, lee, "Lee", `INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id, status, started_at, updated_at)
			VALUES (repeat('c', 32), $1, $2, (SELECT id FROM profiles WHERE login = session_user), 'Lee Park', $3, $4, 'x', 'x')`,
			tm.app, tm.round, version, status)
	}
	// Priya may start a draft only: a card born submitted skips the rules of a submit.
	if _, err := priya.Exec(`DELETE FROM scorecards WHERE id = $1`, priyaCard.ID); err != nil { // her own draft: hers to drop
		t.Fatal(err)
	}
	stillBlind(t, priya, "Priya", `INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id, status, started_at, updated_at)
		VALUES (repeat('d', 32), $1, $2, (SELECT id FROM profiles WHERE login = session_user), 'Priya Nair', $3, 'submitted', 'x', 'x')`,
		tm.app, tm.round, version)
	if got := cardsSeen(t, priya); len(got) != 0 {
		t.Errorf("Priya reads %v after dropping her draft; want nothing", got)
	}

	// Erasure's marker lifts immutability: nobody's but the owner's, and no
	// temporary table can stand in for it.
	stillBlind(t, lee, "Lee", `INSERT INTO privacy_erasing (candidate_id) VALUES ($1)`, tm.ada.ID)
	if _, err := lee.Exec(`CREATE TEMP TABLE privacy_erasing (candidate_id bigint)`); err == nil {
		t.Error("Lee created a temporary table")
	}
	// A submitted card stays submitted, even to its author.
	stillBlind(t, sam, "Sam", `UPDATE scorecards SET status = 'draft', notes = 'after reading' WHERE id = $1`, samCard.ID)
	stillBlind(t, sam, "Sam", `DELETE FROM scorecards WHERE id = $1`, samCard.ID)
	// A recruiter reads no draft by submitting it for its author.
	priyaCard = tm.start(t, tm.priya)
	stillBlind(t, rita, "the recruiter", `UPDATE scorecards SET status = 'submitted'`)
	if got := cardsSeen(t, rita); len(got) != 1 || got[0] != "Sam Okafor:submitted" {
		t.Errorf("the recruiter reads %v; want Sam's submitted card only", got)
	}
	// Nobody amends another's card, nor changes or removes an amendment.
	stillBlind(t, rita, "the recruiter", `UPDATE scorecards SET notes = 'x' WHERE id = $1`, priyaCard.ID)
	if _, err := tm.owner.AmendScorecard(ctx, samCard.ID, tm.sam, func(_ rubric.Rubric, c scoring.Scorecard, rev *scoring.Revision) error {
		rev.Answers, rev.Recommendation, rev.Reason = c.Answers, "strong_yes", "Second look."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tm.submit(t, priyaCard) // Priya is done: she reads Sam's card and its amendment
	stillBlind(t, priya, "Priya", `INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation, reason, author_id, author_name, created_at, sha256)
		VALUES ($1, 2, '{}', 'strong_no', 'mine', (SELECT id FROM profiles WHERE login = session_user), 'Sam Okafor', 'x', repeat('0', 64))`, samCard.ID)
	stillBlind(t, priya, "Priya", `UPDATE scorecard_revisions SET recommendation = 'strong_no'`)
	stillBlind(t, priya, "Priya", `DELETE FROM scorecard_revisions`)
	stillBlind(t, priya, "Priya", `INSERT INTO ai_ratings (scorecard_id, question_id, rubric_version_id, model, prompt_version, suggested_level, human_level, at)
		VALUES ($1, 'q1', $2, 'm', 'v1', 1, 1, '2025-01-01T00:00:00Z')`, samCard.ID, version)

	// Shrinking one's duty: an application keeps its role and only a recruiter removes one.
	stillBlind(t, priya, "Priya", `UPDATE applications SET role_id = role_id WHERE id = $1`, tm.app)
	stillBlind(t, priya, "Priya", `DELETE FROM applications WHERE id = $1`, tm.app)
	stillBlind(t, priya, "Priya", `DELETE FROM card_exposures`)

	// The AI endpoint is the recruiter's: an interviewer could send the recruiter's key elsewhere.
	stillBlind(t, lee, "Lee", `INSERT INTO settings (key, value) VALUES ('ai', '{"baseUrl":"https://evil.example/v1"}')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
	if _, err := lee.Exec(`INSERT INTO settings (key, value) VALUES ('prefs.runner.' || (SELECT id FROM profiles WHERE login = session_user), '{}')`); err != nil {
		t.Errorf("Lee saving his own runner preferences: %v", err)
	}
	stillBlind(t, lee, "Lee", `INSERT INTO settings (key, value) VALUES ('prefs.runner.' || $1::bigint, '{}')`, tm.sam.ID)
	// What was sent to the AI can quote notes: the recruiter's to read.
	if _, err := rawExec(tm.owner, `INSERT INTO ai_calls (at, feature, model, outcome) VALUES ('2025-01-01T00:00:00Z', 'summary', 'm', 'ok')`); err != nil {
		t.Fatal(err)
	}
	if _, err := rawExec(tm.owner, `INSERT INTO ai_audit (call_id, candidate_id, request, response, at) VALUES ((SELECT max(id) FROM ai_calls), ?, 'Sam wrote: clear on evals', '', 'x')`, tm.ada.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := lee.QueryRow(`SELECT count(*) FROM ai_audit`).Scan(&n); err != nil || n != 0 {
		t.Errorf("Lee reads %d AI audit rows, %v", n, err)
	}
	if err := rita.QueryRow(`SELECT count(*) FROM ai_audit`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the recruiter reads %d AI audit rows, %v; want 1", n, err)
	}
}

func TestTeamKeepsNoPassphraseHashes(t *testing.T) {
	tm := newTeam(t)
	if _, err := rawExec(tm.owner, `UPDATE profiles SET passphrase_hash = '$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA' WHERE id = ?`, tm.lee.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.owner.InitTeam(context.Background()); err != nil { // again, as after an upgrade
		t.Fatal(err)
	}
	var hashes int
	if err := tm.as(t, tm.sam).QueryRow(`SELECT count(*) FROM profiles WHERE passphrase_hash <> ''`).Scan(&hashes); err != nil || hashes != 0 {
		t.Errorf("Sam reads %d passphrase hashes, %v", hashes, err)
	}
	if strings.Contains(tm.ownerURL, "password") {
		t.Fatal("the test server needs no password")
	}
}

// What a second review found, with psql as each person, after the first
// round of fixes.
func TestTeamClosesTheSecondReviewsWays(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	rita, sam, priya, lee := tm.as(t, tm.rita), tm.as(t, tm.sam), tm.as(t, tm.priya), tm.as(t, tm.lee)
	samCard := tm.start(t, tm.sam)
	tm.submit(t, samCard)
	priyaDraft := tm.start(t, tm.priya)
	other := mustRole(t, tm.owner, "Data Engineer")

	// A draft stays where it was started: moved elsewhere and submitted, it would make its author "done".
	stillBlind(t, priya, "Priya", `UPDATE scorecards SET application_id = application_id, round_id = round_id WHERE id = $1`, priyaDraft.ID)
	stillBlind(t, priya, "Priya", `UPDATE scorecards SET author_name = 'Sam Okafor' WHERE id = $1`, priyaDraft.ID)
	// Applying a candidate to a role where one interviews: the recruiter's.
	stillBlind(t, lee, "Lee", `INSERT INTO applications (candidate_id, role_id, stage_id, created_at, entered_stage_at)
		VALUES ($1, $2, (SELECT min(id) FROM stages WHERE role_id = $2), 'x', 'x')`, tm.ada.ID, other.ID)
	// Deletes that cascade past row-level security, and the plan's weights.
	stillBlind(t, sam, "Sam", `DELETE FROM roles WHERE id = $1`, other.ID)
	stillBlind(t, sam, "Sam", `DELETE FROM stages WHERE role_id = $1`, other.ID)
	stillBlind(t, lee, "Lee", `DELETE FROM candidates WHERE id = $1`, tm.ada.ID)
	var weights int // fixed by Sam's submit (storage.freezePlan)
	if err := rawQueryRow(tm.owner, `SELECT count(*) FROM plan_weights`).Scan(&weights); err != nil || weights == 0 {
		t.Fatalf("%d plan weights, %v; want the plan Sam's submit fixed", weights, err)
	}
	stillBlind(t, sam, "Sam", `UPDATE plan_weights SET weight = 0`)
	stillBlind(t, sam, "Sam", `DELETE FROM plan_weights`)
	// Nobody signs in another's name: not an interviewer, nor a recruiter for someone who signs in.
	stillBlind(t, sam, "Sam", `INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation, reason, author_id, author_name, created_at, sha256)
		VALUES ($1, 1, '{}', 'strong_no', 'mine', (SELECT id FROM profiles WHERE login = session_user), 'Priya Nair', 'x', repeat('0', 64))`, samCard.ID)
	stillBlind(t, rita, "the recruiter", `INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation, reason, author_id, author_name, created_at, sha256)
		VALUES ($1, 1, '{}', 'strong_no', 'forged', $2, 'Sam Okafor', 'x', repeat('0', 64))`, samCard.ID, tm.sam.ID)
	stillBlind(t, rita, "the recruiter", `INSERT INTO scorecards (uid, application_id, round_id, author_id, author_name, rubric_version_id, status, started_at, updated_at)
		VALUES (repeat('e', 32), $1, $2, $3, 'Lee Park', $4, 'submitted', 'x', 'x')`, tm.app, tm.round, tm.lee.ID, samCard.RubricVersionID)
	// The view is read, never locked: FOR UPDATE would stall others' autosaves.
	tx, err := lee.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var pe *pgconn.PgError
	if _, err := tx.Exec(`SELECT id FROM scorecards_seen WHERE id = $1 FOR UPDATE`, priyaDraft.ID); !errors.As(err, &pe) || pe.Code != "42501" {
		t.Errorf("Lee locking Priya's draft through the view: %v; want refused", err)
	}
}

// Every function of the schema, each migration's new ones included, looks
// up its tables in this schema only (storage.sqlGrantTeam pins them at init
// and after every migration), so nobody's object can stand in for ours.
func TestTeamEveryFunctionHasItsSearchPathPinned(t *testing.T) {
	tm := newTeam(t)
	var loose []string
	rows, err := tm.owner.w.Query(`SELECT p.oid::regprocedure::text FROM pg_proc p
		WHERE p.pronamespace = current_schema()::regnamespace
		AND NOT coalesce(array_to_string(p.proconfig, ',') LIKE '%search_path=' || current_schema() || ', pg_temp%', false)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			t.Fatal(err)
		}
		loose = append(loose, f)
	}
	if len(loose) > 0 {
		t.Errorf("functions whose search path is not pinned: %v", loose)
	}
	var n int
	if err := tm.owner.w.QueryRow(`SELECT count(*) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace
		AND proname IN ('hb_self_id_counts', 'hb_ai_cache_put', 'hb_card_problem', 'hb_done_with')`).Scan(&n); err != nil || n != 4 {
		t.Errorf("found %d of the four functions looked for (%v)", n, err)
	}
}

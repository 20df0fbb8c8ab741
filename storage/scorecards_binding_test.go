// Tests that a submitted scorecard is bound to its candidate, role and round: a
// row moved to another application or round by hand (triggers dropped) no longer
// verifies, and cards submitted before migration 6 keep verifying while their
// later amendments are bound.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// tamper runs SQL on the workspace as someone with the sqlite3 shell would,
// after dropping the trigger that keeps submitted cards immutable.
func tamper(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(`DROP TRIGGER scorecards_submitted_immutable`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

func TestScorecardMovedInTheDatabaseIsCaught(t *testing.T) {
	ctx := context.Background()
	t.Run("to another candidate", func(t *testing.T) {
		s, card := scoredWorkspace(t)
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper", Email: "grace@example.com"}}, card.RoleID)
		tamper(t, s.w, `UPDATE scorecards SET application_id = ? WHERE id = ?`, onlyApplication(t, s, grace.ID).ID, card.ID)
		got, err := s.GetScorecard(ctx, card.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.CandidateID != grace.ID {
			t.Fatalf("the tampering did not move the card (candidate %d)", got.CandidateID)
		}
		if err := scoring.Verify(got); err == nil || !strings.Contains(err.Error(), "another candidate, role or round") {
			t.Errorf("Verify of a card moved to Grace = %v, want it refused as moved", err)
		}
	})
	t.Run("to another round", func(t *testing.T) {
		s, card := scoredWorkspace(t)
		other, err := s.SaveRound(ctx, scoring.RoundInput{RoleID: card.RoleID, Name: "Systems", RubricID: card.RubricID, DurationMin: 45})
		if err != nil {
			t.Fatal(err)
		}
		tamper(t, s.w, `UPDATE scorecards SET round_id = ? WHERE id = ?`, other.ID, card.ID)
		got, err := s.GetScorecard(ctx, card.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := scoring.Verify(got); err == nil || !strings.Contains(err.Error(), "another candidate, role or round") {
			t.Errorf("Verify of a card moved to round Systems = %v, want it refused as moved", err)
		}
	})
}

// A workspace at schema 5 holds a submitted, amended card (hash version 1).
// After the upgrade it still verifies; an amendment made now is sealed with
// version 2 and bound, so moving the card is caught through it.
func TestMigration6KeepsOldCardsAndBindsNewAmendments(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	db := openRaw(t, path)
	if err := migrateTo(ctx, db, 5); err != nil {
		t.Fatal(err)
	}
	seedCoreRows(t, db)
	const at = "2024-02-03T04:05:06.000Z"
	content, err := json.Marshal(rubric.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	q := rubric.Builtin().Competencies[0].Questions[0].ID
	card := scoring.Scorecard{UID: strings.Repeat("ab", 16), AuthorName: "Riley Chen", RubricSHA256: strings.Repeat("c", 64),
		Competencies: []string{rubric.Builtin().Competencies[0].ID}, Status: scoring.Submitted,
		Answers: map[string]scoring.Answer{q: {Score: ptrInt(3)}}, Recommendation: "yes", SubmittedAt: at}
	card.SHA256 = scoring.Hash(card)
	rev := scoring.Revision{Revision: 1, Answers: map[string]scoring.Answer{q: {Score: ptrInt(2)}}, Recommendation: "no",
		Reason: "typo", AuthorName: "Riley Chen", CreatedAt: at}
	rev.SHA256 = scoring.RevisionHash(card, rev, card.SHA256)
	comps, _ := json.Marshal(card.Competencies)
	answers, _ := json.Marshal(card.Answers)
	revAnswers, _ := json.Marshal(rev.Answers)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO rubrics (id, name, created_at, updated_at) VALUES (1, 'Old', ?, ?)`, []any{at, at}},
		{`INSERT INTO rubric_versions (id, rubric_id, version, content, sha256, created_at) VALUES (1, 1, 1, ?, ?, ?)`, []any{string(content), card.RubricSHA256, at}},
		{`INSERT INTO interview_rounds (id, role_id, name, position, rubric_id, competencies, created_at, updated_at) VALUES (1, 1, 'Screen', 1, 1, ?, ?, ?)`, []any{string(comps), at, at}},
		{`INSERT INTO round_interviewers (round_id, profile_id) VALUES (1, 1)`, nil},
		{`INSERT INTO scorecards (id, uid, application_id, round_id, author_id, author_name, rubric_version_id, competencies, status, answers,
			recommendation, started_at, updated_at, submitted_at, sha256) VALUES (1, ?, 1, 1, 1, 'Riley Chen', 1, ?, 'submitted', ?, 'yes', ?, ?, ?, ?)`,
			[]any{card.UID, string(comps), string(answers), at, at, at, card.SHA256}},
		{`INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation, reason, author_id, author_name, created_at, sha256)
			VALUES (1, 1, ?, 'no', 'typo', 1, 'Riley Chen', ?, ?)`, []any{string(revAnswers), at, rev.SHA256}},
		// Alan applies too, so the card has somewhere to be moved to.
		{`INSERT INTO applications (id, candidate_id, role_id, stage_id, created_at, entered_stage_at) VALUES (2, 2, 1, 1, ?, ?)`, []any{at, at}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatalf("seed at v5: %v\n%s", err, q.sql)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.GetScorecard(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := scoring.Verify(got); err != nil || got.SHA256 != card.SHA256 || got.HashVersion != scoring.HashV1 {
		t.Fatalf("old card after the upgrade: verify %v, hash %s, version %d", err, got.SHA256, got.HashVersion)
	}
	// Records made before the upgrade got their own uid.
	err = s.Read(ctx, func(tx *Tx) error {
		for k, id := range map[string]int64{"candidate": got.CandidateID, "role": got.RoleID, "round": got.RoundID} {
			kind := map[string]UIDKind{"candidate": CandidateUIDs, "role": RoleUIDs, "round": RoundUIDs}[k]
			if uids, err := tx.UIDsOf(kind, id); err != nil || len(uids) != 1 {
				t.Errorf("%s %d after the upgrade has uids %v (%v), want one", k, id, uids, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	riley := model.Profile{ID: 1, Name: "Riley Chen"}
	amended, err := s.AmendScorecard(ctx, 1, riley, func(_ rubric.Rubric, c scoring.Scorecard, r *scoring.Revision) error {
		r.Answers, r.Recommendation, r.Reason = c.Answers, "strong_no", "Checked the references."
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.GetScorecard(ctx, 1)
	if err := scoring.Verify(again); err != nil || len(again.Revisions) != 2 {
		t.Fatalf("after a new amendment: verify %v, %d amendments", err, len(again.Revisions))
	}
	if r := again.Revisions[1]; r.HashVersion != scoring.HashV2 || r.Binding != amended.Revisions[1].Binding || !r.Binding.Complete() {
		t.Errorf("the new amendment: version %d, binding %+v; want version 2, bound", r.HashVersion, r.Binding)
	}
	if again.Revisions[0].HashVersion != scoring.HashV1 {
		t.Errorf("the old amendment's version became %d", again.Revisions[0].HashVersion)
	}

	tamper(t, s.w, `UPDATE scorecards SET application_id = 2 WHERE id = 1`)
	moved, _ := s.GetScorecard(ctx, 1)
	if err := scoring.Verify(moved); err == nil || !strings.Contains(err.Error(), "amendment 2") {
		t.Errorf("old card moved to Alan after a bound amendment: %v, want amendment 2 named", err)
	}
}

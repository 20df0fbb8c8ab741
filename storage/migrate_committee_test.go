// Tests that migration 4 keeps cards scored before it working: the author is assigned
// the round, and the card and its amendment still verify.

package storage

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/scoring"
)

// A workspace written before migration 4 has a round nobody was assigned
// to (anyone could start it then) with a submitted, amended card. After the
// upgrade the card's author interviews that round, and the card and its
// amendment still verify (the new seen-others flag defaults to false and
// is left out of the hash).
func TestMigration4KeepsOldCardsWorking(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	db := openRaw(t, path)
	if err := migrateTo(ctx, db, 3); err != nil {
		t.Fatal(err)
	}
	seedCoreRows(t, db)
	const at = "2024-02-03T04:05:06.000Z"
	content := `{"format":"hirebench.rubric/v1","name":"Old","scale":{"min":1,"max":4,"labels":["a","b","c","d"]},` +
		`"competencies":[{"id":"c","name":"C","weight":1,"questions":[{"id":"q","prompt":"Q?","weight":1,"anchors":["1","2","3","4"]}]}]}`
	card := scoring.Scorecard{UID: strings.Repeat("ab", 16), AuthorName: "Riley Chen", RubricSHA256: strings.Repeat("c", 64),
		Competencies: []string{}, Status: scoring.Submitted, Answers: map[string]scoring.Answer{"q": {Score: ptrInt(3)}},
		Recommendation: "yes", SubmittedAt: at}
	card.SHA256 = scoring.Hash(card)
	rev := scoring.Revision{Revision: 1, Answers: map[string]scoring.Answer{"q": {Score: ptrInt(2)}}, Recommendation: "no",
		Reason: "typo", AuthorName: "Riley Chen", CreatedAt: at}
	rev.SHA256 = scoring.RevisionHash(card, rev, card.SHA256)
	answers, _ := json.Marshal(card.Answers)
	revAnswers, _ := json.Marshal(rev.Answers)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO rubrics (id, name, created_at, updated_at) VALUES (1, 'Old', ?, ?)`, []any{at, at}},
		{`INSERT INTO rubric_versions (id, rubric_id, version, content, sha256, created_at) VALUES (1, 1, 1, ?, ?, ?)`, []any{content, card.RubricSHA256, at}},
		{`INSERT INTO interview_rounds (id, role_id, name, position, rubric_id, created_at, updated_at) VALUES (1, 1, 'Screen', 1, 1, ?, ?)`, []any{at, at}},
		{`INSERT INTO interview_rounds (id, role_id, name, position, rubric_id, created_at, updated_at) VALUES (2, 1, 'Unheld', 2, 1, ?, ?)`, []any{at, at}},
		{`INSERT INTO scorecards (id, uid, application_id, round_id, author_id, author_name, rubric_version_id, status, answers,
			recommendation, started_at, updated_at, submitted_at, sha256) VALUES (1, ?, 1, 1, 1, 'Riley Chen', 1, 'submitted', ?, 'yes', ?, ?, ?, ?)`,
			[]any{card.UID, string(answers), at, at, at, card.SHA256}},
		{`INSERT INTO scorecard_revisions (scorecard_id, revision, answers, recommendation, reason, author_id, author_name, created_at, sha256)
			VALUES (1, 1, ?, 'no', 'typo', 1, 'Riley Chen', ?, ?)`, []any{string(revAnswers), at, rev.SHA256}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatalf("seed at v3: %v\n%s", err, q.sql)
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
	if err := scoring.Verify(got); err != nil || got.SeenOthers || got.Revisions[0].SeenOthers {
		t.Errorf("old card after the upgrade: verify %v, seen %v/%v", err, got.SeenOthers, got.Revisions[0].SeenOthers)
	}
	screen, err := s.GetRound(ctx, 1)
	if err != nil || len(screen.Interviewers) != 1 || screen.Interviewers[0].Name != "Riley Chen" {
		t.Errorf("the round with a card: interviewers %+v (%v); want its author", screen.Interviewers, err)
	}
	unheld, _ := s.GetRound(ctx, 2)
	if len(unheld.Interviewers) != 0 {
		t.Errorf("a round without cards got interviewers: %+v", unheld.Interviewers)
	}
}

func ptrInt(v int) *int { return &v }

// Calibration drills (migration 0020): an interviewer's practice attempts on
// a rubric version and the level they gave each sample. Practice rows are
// read only by the drill itself and by "who completed practice": never by
// scorecards, the composite, calibration, exports or bundles. They belong
// to the profile (deleted with it), not to any candidate. Which samples a
// version has and what counts as complete is app/interviews' to decide.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PracticeLevel is the level given to one sample: a question's n-th sample.
type PracticeLevel struct {
	QuestionID string
	Index      int
	Level      int
}

// PracticeAttempt is one drill as stored.
type PracticeAttempt struct {
	ID              int64
	ProfileID       int64
	RubricVersionID int64
	RubricSHA256    string // the version's hash when it began
	StartedAt       string
	CompletedAt     string // '' while not every sample is scored
	FinishedAt      string // when its result was shown; '' while it is being scored
	Levels          []PracticeLevel
}

// PracticeCompletion says a profile completed practice on a rubric version
// (the text it has now), and when last.
type PracticeCompletion struct {
	ProfileID       int64
	ProfileName     string
	RubricID        int64
	RubricVersionID int64
	Version         int
	CompletedAt     string
}

const (
	sqlInsertPractice = `INSERT INTO practice_attempts (profile_id, rubric_version_id, rubric_sha256, started_at) VALUES (?, ?, ?, ?)`
	sqlGetPractice    = `SELECT id, profile_id, rubric_version_id, rubric_sha256, started_at, completed_at, finished_at FROM practice_attempts WHERE id = ?`
	sqlPracticeLevels = `SELECT question_id, sample_index, level FROM practice_levels WHERE attempt_id = ? ORDER BY question_id, sample_index`
	sqlPutPractice    = `INSERT INTO practice_levels (attempt_id, question_id, sample_index, level, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (attempt_id, question_id, sample_index) DO UPDATE SET level = excluded.level, at = excluded.at`
	sqlCompletePractice = `UPDATE practice_attempts SET completed_at = ? WHERE id = ? AND completed_at = ''`
	sqlFinishPractice   = `UPDATE practice_attempts SET finished_at = ? WHERE id = ? AND finished_at = ''`
	// Practice on a version edited in place since (its hash changed) no
	// longer counts: it was practice on another text.
	sqlPracticeDone = `SELECT a.profile_id, p.name, v.rubric_id, a.rubric_version_id, v.version, max(a.completed_at)
		FROM practice_attempts a JOIN profiles p ON p.id = a.profile_id
		JOIN rubric_versions v ON v.id = a.rubric_version_id AND v.sha256 = a.rubric_sha256
		WHERE a.completed_at <> '' AND CAST(? AS bigint) IN (0, v.rubric_id)
		GROUP BY a.profile_id, a.rubric_version_id, p.name, v.rubric_id, v.version
		ORDER BY p.name COLLATE NOCASE, v.rubric_id, v.version`
)

// InsertPracticeAttempt begins a drill of a profile on a rubric version.
func (t *Tx) InsertPracticeAttempt(profileID, versionID int64, sha256 string) (int64, error) {
	return t.insert("begin practice", sqlInsertPractice, profileID, versionID, sha256, t.now)
}

// PracticeAttempt returns a drill with its levels, or ErrNotFound.
func (t *Tx) PracticeAttempt(id int64) (PracticeAttempt, error) {
	return practiceAttempt(t.ctx, t.q, id)
}

// PracticeAttempt returns a drill with its levels, or ErrNotFound.
func (s *Store) PracticeAttempt(ctx context.Context, id int64) (PracticeAttempt, error) {
	var a PracticeAttempt
	err := s.read(ctx, func(tx queryer) error {
		var err error
		a, err = practiceAttempt(ctx, tx, id)
		return err
	})
	return a, err
}

func practiceAttempt(ctx context.Context, q queryer, id int64) (PracticeAttempt, error) {
	var a PracticeAttempt
	err := q.QueryRowContext(ctx, sqlGetPractice, id).Scan(&a.ID, &a.ProfileID, &a.RubricVersionID, &a.RubricSHA256, &a.StartedAt, &a.CompletedAt, &a.FinishedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return a, notFound("practice attempt", id)
	}
	if err != nil {
		return a, fmt.Errorf("storage: practice attempt %d: %w", id, err)
	}
	a.Levels = []PracticeLevel{}
	err = each(ctx, q, sqlPracticeLevels, []any{id}, func(sc scanner) error {
		var l PracticeLevel
		err := sc.Scan(&l.QuestionID, &l.Index, &l.Level)
		a.Levels = append(a.Levels, l)
		return err
	})
	return a, err
}

// PutPracticeLevel records (or replaces) the level given to a sample.
func (t *Tx) PutPracticeLevel(attemptID int64, l PracticeLevel) error {
	if _, err := t.q.ExecContext(t.ctx, sqlPutPractice, attemptID, l.QuestionID, l.Index, l.Level, t.now); err != nil {
		return fmt.Errorf("storage: practice attempt %d: %w", attemptID, err)
	}
	return nil
}

// FinishPracticeAttempt closes a drill whose result was shown (once: the
// first time stays).
func (t *Tx) FinishPracticeAttempt(id int64) error {
	if _, err := t.q.ExecContext(t.ctx, sqlFinishPractice, t.now, id); err != nil {
		return fmt.Errorf("storage: finish practice attempt %d: %w", id, err)
	}
	return nil
}

// CompletePracticeAttempt marks a drill complete (once: the first time stays).
func (t *Tx) CompletePracticeAttempt(id int64) error {
	if _, err := t.q.ExecContext(t.ctx, sqlCompletePractice, t.now, id); err != nil {
		return fmt.Errorf("storage: practice attempt %d: %w", id, err)
	}
	return nil
}

// PracticeCompletions lists who completed practice on which version of a
// rubric (0: of every rubric) as that version reads now, by name.
func (s *Store) PracticeCompletions(ctx context.Context, rubricID int64) ([]PracticeCompletion, error) {
	out := []PracticeCompletion{}
	err := s.read(ctx, func(tx queryer) error {
		return each(ctx, tx, sqlPracticeDone, []any{rubricID}, func(sc scanner) error {
			var c PracticeCompletion
			err := sc.Scan(&c.ProfileID, &c.ProfileName, &c.RubricID, &c.RubricVersionID, &c.Version, &c.CompletedAt)
			out = append(out, c)
			return err
		})
	})
	return out, err
}

// Stores rubric drafts: what an author typed in the rubric editor and has not
// published yet, one per rubric and author (migration 0013). The rules (when
// a draft is kept, dropped or stale) are the interviews service's; publishing
// (SaveRubric, CreateRubricFromDraft in rubrics.go) deletes the author's draft
// in the same transaction.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/rubric"
)

// RubricDraft is an author's unpublished edit of a rubric as stored, with
// what the service needs to word it: the rubric's name and latest version now.
type RubricDraft struct {
	RubricID      int64 // 0: a rubric not created yet
	AuthorID      int64
	AuthorName    string
	BaseVersion   int    // the version it was started from (0: new rubric)
	BaseSHA256    string // that version's hash ('' for a new rubric)
	RubricName    string // the rubric's name now ('' for a new rubric)
	LatestVersion int
	LatestSHA256  string
	Content       rubric.Rubric
	CreatedAt     string
	UpdatedAt     string
}

const (
	// A rubric not created yet has no row: its drafts read as rubric 0.
	sqlDraftColumns = `coalesce(d.rubric_id, 0), d.author_id, p.name, d.base_version, d.base_sha256,
		coalesce(r.name, ''), coalesce(v.version, 0), coalesce(v.sha256, ''), d.content, d.created_at, d.updated_at
		FROM rubric_drafts d JOIN profiles p ON p.id = d.author_id
		LEFT JOIN rubrics r ON r.id = d.rubric_id
		LEFT JOIN rubric_versions v ON v.rubric_id = d.rubric_id
			AND v.version = (SELECT max(version) FROM rubric_versions WHERE rubric_id = d.rubric_id)`
	sqlGetDraft    = `SELECT ` + sqlDraftColumns + ` WHERE d.author_id = ? AND coalesce(d.rubric_id, 0) = ?`
	sqlListDrafts  = `SELECT ` + sqlDraftColumns + ` WHERE ? IN (0, d.author_id) ORDER BY d.updated_at DESC, d.id`
	sqlInsertDraft = `INSERT INTO rubric_drafts (rubric_id, author_id, base_version, base_sha256, content, created_at, updated_at)
		VALUES (nullif(?, 0), ?, ?, ?, ?, ?, ?)`
	sqlUpdateDraft = `UPDATE rubric_drafts SET content = ?, updated_at = ? WHERE author_id = ? AND coalesce(rubric_id, 0) = ?`
	sqlDeleteDraft = `DELETE FROM rubric_drafts WHERE author_id = ? AND coalesce(rubric_id, 0) = ?`
)

func scanDraft(sc scanner) (RubricDraft, error) {
	var d RubricDraft
	var content string
	err := sc.Scan(&d.RubricID, &d.AuthorID, &d.AuthorName, &d.BaseVersion, &d.BaseSHA256,
		&d.RubricName, &d.LatestVersion, &d.LatestSHA256, &content, &d.CreatedAt, &d.UpdatedAt)
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(content), &d.Content); err != nil {
		return d, fmt.Errorf("storage: the draft of rubric %d is unreadable: %w", d.RubricID, err)
	}
	return d, nil
}

func getDraft(ctx context.Context, q queryer, rubricID, authorID int64) (RubricDraft, error) {
	d, err := scanDraft(q.QueryRowContext(ctx, sqlGetDraft, authorID, rubricID))
	if errors.Is(err, sql.ErrNoRows) {
		return d, notFoundAs("rubric draft")
	}
	return d, err
}

// RubricDraft returns an author's draft of a rubric (0: of a new rubric), or ErrNotFound.
func (s *Store) RubricDraft(ctx context.Context, rubricID, authorID int64) (RubricDraft, error) {
	return getDraft(ctx, s.rd, rubricID, authorID)
}

// RubricDrafts lists an author's drafts (authorID 0: everyone's), newest first.
func (s *Store) RubricDrafts(ctx context.Context, authorID int64) ([]RubricDraft, error) {
	out := []RubricDraft{}
	err := s.read(ctx, func(tx queryer) error {
		return each(ctx, tx, sqlListDrafts, []any{authorID}, func(sc scanner) error {
			d, err := scanDraft(sc)
			out = append(out, d)
			return err
		})
	})
	return out, err
}

// RubricDraft returns an author's draft of a rubric, or ErrNotFound.
func (t *Tx) RubricDraft(rubricID, authorID int64) (RubricDraft, error) {
	return getDraft(t.ctx, t.q, rubricID, authorID)
}

// PutRubricDraft stores d's content as its author's draft of its rubric: a
// draft already there keeps its base and creation time.
func (t *Tx) PutRubricDraft(d RubricDraft) error {
	b, err := json.Marshal(d.Content)
	if err != nil {
		return fmt.Errorf("storage: encode rubric draft: %w", err)
	}
	res, err := t.q.ExecContext(t.ctx, sqlUpdateDraft, string(b), t.now, d.AuthorID, d.RubricID)
	if err != nil {
		return fmt.Errorf("storage: save rubric draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	err = t.exec("save rubric draft", sqlInsertDraft, d.RubricID, d.AuthorID, d.BaseVersion, d.BaseSHA256, string(b), t.now, t.now)
	return err
}

// DeleteRubricDraft removes an author's draft of a rubric, if any.
func (t *Tx) DeleteRubricDraft(rubricID, authorID int64) error {
	return deleteDraft(t.ctx, t.q, rubricID, authorID)
}

func deleteDraft(ctx context.Context, q queryer, rubricID, authorID int64) error {
	if authorID == 0 {
		return nil // nobody's: the built-in upgrade, the command line
	}
	if _, err := q.ExecContext(ctx, sqlDeleteDraft, authorID, rubricID); err != nil {
		return fmt.Errorf("storage: delete rubric draft: %w", err)
	}
	return nil
}

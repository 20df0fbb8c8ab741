// Stores an application's resume screen: its flag marks and decision.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

const (
	// One statement, so the decision and its reasons (kept in the latest
	// first-slot revision; anonymising drops those) come from one moment.
	sqlGetScreen = `SELECT s.application_id, s.rubric_version_id, s.marks, s.decision, coalesce(s.author_id, 0), s.author_name, s.updated_at,
		coalesce(r.suggested, ''), coalesce(r.reject_reason, ''), coalesce(r.override_reason, '')
	FROM resume_screens s LEFT JOIN screen_revisions r
		ON r.id = (SELECT max(id) FROM screen_revisions WHERE application_id = s.application_id AND slot = 1)
	WHERE s.application_id = ?`
	sqlUpsertScreen = `INSERT INTO resume_screens (application_id, rubric_version_id, marks, decision, author_id, author_name, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (application_id) DO UPDATE SET rubric_version_id = excluded.rubric_version_id,
		marks = excluded.marks, decision = excluded.decision, author_id = excluded.author_id, author_name = excluded.author_name,
		updated_at = excluded.updated_at`
)

// GetScreen returns an application's resume screen, or ErrNotFound if none was started.
func (s *Store) GetScreen(ctx context.Context, applicationID int64) (scoring.Screen, error) {
	var sc scoring.Screen
	var marks string
	err := s.rd.QueryRowContext(ctx, sqlGetScreen, applicationID).Scan(&sc.ApplicationID, &sc.RubricVersionID, &marks, &sc.Decision,
		&sc.AuthorID, &sc.AuthorName, &sc.UpdatedAt, &sc.Suggested, &sc.RejectReason, &sc.OverrideReason)
	if errors.Is(err, sql.ErrNoRows) {
		return sc, notFound("resume screen of application", applicationID)
	}
	if err != nil {
		return sc, fmt.Errorf("storage: get screen: %w", err)
	}
	sc.Marks = map[string]scoring.FlagMark{}
	if err := json.Unmarshal([]byte(marks), &sc.Marks); err != nil {
		return sc, err
	}
	v, err := s.RubricVersion(ctx, sc.RubricVersionID)
	if err != nil {
		return sc, err
	}
	sc.Checklist = v.Content.Screen
	return sc, nil
}

// SaveScreen writes a validated screen, pinned to the rubric version whose
// checklist it uses, as a new revision in one transaction; the first
// screener's is also the application's current screen.
func (s *Store) SaveScreen(ctx context.Context, in ScreenSave, actor model.Profile) error {
	b, err := json.Marshal(in.Marks)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx queryer) error {
		if _, err := getApplication(ctx, tx, in.ApplicationID); err != nil {
			return err
		}
		at := s.now()
		if err := insertScreenRevision(ctx, tx, in, string(b), actor, at); err != nil {
			return err
		}
		if in.Second {
			return nil
		}
		if _, err := tx.ExecContext(ctx, sqlUpsertScreen, in.ApplicationID, in.VersionID, string(b), in.Decision, actorID(actor), actor.Name, at); err != nil {
			return fmt.Errorf("storage: save screen: %w", err)
		}
		return nil
	})
}

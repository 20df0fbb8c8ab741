// Stores every save of a resume screen as a revision (docs/SCREEN.md):
// slot 1 is the screen (resume_screens mirrors its latest), slot 2 the
// optional second screener's independent screen.

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
	sqlRevisionColumns = `id, application_id, slot, marks, decision, suggested, reject_reason, override_reason,
		coalesce(author_id, 0), author_name, at`
	sqlInsertScreenRevision = `INSERT INTO screen_revisions (application_id, slot, rubric_version_id, marks, decision, suggested,
		reject_reason, override_reason, author_id, author_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlScreenRevisions = `SELECT ` + sqlRevisionColumns + ` FROM screen_revisions WHERE application_id = ? ORDER BY id`
	sqlLatestRevision  = `SELECT ` + sqlRevisionColumns + `, rubric_version_id FROM screen_revisions
		WHERE application_id = ? AND slot = ? ORDER BY id DESC LIMIT 1`
	// The first decided revision of each slot of the role's applications
	// both screeners decided: the pairs screen agreement is computed on. Not
	// the latest: deciding reveals the other screen, and a change made after
	// that could copy it.
	sqlScreenPairs = `SELECT ` + sqlRevisionColumns + ` FROM screen_revisions WHERE id IN (
		SELECT min(r.id) FROM screen_revisions r JOIN applications a ON a.id = r.application_id
		WHERE a.role_id = ? AND r.decision <> '' GROUP BY r.application_id, r.slot)
		AND application_id IN (SELECT application_id FROM screen_revisions WHERE decision <> ''
			GROUP BY application_id HAVING count(DISTINCT slot) = 2)
		ORDER BY application_id, slot`
)

// sqlToScreen lists, in application order, a role's live applications
// (candidate not archived, stage not Rejected) whose screen in slot ?3 is
// the viewer's to make: undecided and started by nobody else. The second
// slot also needs a decided first screen by someone else.
const sqlToScreen = `SELECT a.id FROM applications a
	JOIN candidates c ON c.id = a.candidate_id
	JOIN stages st ON st.id = a.stage_id
	WHERE a.role_id = ?1 AND c.archived_at = '' AND st.kind = 'active'
	AND NOT EXISTS (SELECT 1 FROM screen_revisions r WHERE r.application_id = a.id AND r.slot = ?3
		AND (r.decision <> '' OR coalesce(r.author_id, 0) <> ?2))
	AND (?3 = 1 OR (EXISTS (SELECT 1 FROM screen_revisions r WHERE r.application_id = a.id AND r.slot = 1 AND r.decision <> '')
		AND NOT EXISTS (SELECT 1 FROM screen_revisions r WHERE r.application_id = a.id AND r.slot = 1 AND coalesce(r.author_id, 0) = ?2)))
	ORDER BY a.id`

// ToScreen lists the applications of a role whose first (or, second, the
// second) screen the viewer may make blind now.
func (s *Store) ToScreen(ctx context.Context, roleID int64, second bool, viewerID int64) ([]int64, error) {
	out := []int64{}
	err := each(ctx, s.rd, sqlToScreen, []any{roleID, viewerID, slotOf(second)}, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		out = append(out, id)
		return err
	})
	return out, err
}

// ScreenSave is one save of a screen, appended as a revision.
type ScreenSave struct {
	ApplicationID, VersionID     int64
	Second                       bool
	Marks                        map[string]scoring.FlagMark
	Decision, Suggested          scoring.Decision
	RejectReason, OverrideReason string
}

func slotOf(second bool) int {
	if second {
		return 2
	}
	return 1
}

func scanRevision(sc scanner, extra ...any) (scoring.ScreenRevision, error) {
	var r scoring.ScreenRevision
	var slot int
	var marks string
	dest := append([]any{&r.ID, &r.ApplicationID, &slot, &marks, &r.Decision, &r.Suggested, &r.RejectReason, &r.OverrideReason,
		&r.AuthorID, &r.AuthorName, &r.At}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return r, err
	}
	r.Second = slot == 2
	r.Marks = map[string]scoring.FlagMark{}
	if err := json.Unmarshal([]byte(marks), &r.Marks); err != nil {
		return r, fmt.Errorf("storage: screen revision %d: %w", r.ID, err)
	}
	return r, nil
}

// ScreenRevisions lists every save of an application's screens, oldest first.
func (s *Store) ScreenRevisions(ctx context.Context, applicationID int64) ([]scoring.ScreenRevision, error) {
	out := []scoring.ScreenRevision{}
	err := each(ctx, s.rd, sqlScreenRevisions, []any{applicationID}, func(sc scanner) error {
		r, err := scanRevision(sc)
		out = append(out, r)
		return err
	})
	return out, err
}

// latestRevision is a slot's current screen, with the version it used.
func (s *Store) latestRevision(ctx context.Context, applicationID int64, second bool) (scoring.ScreenRevision, int64, error) {
	var version int64
	r, err := scanRevision(s.rd.QueryRowContext(ctx, sqlLatestRevision, applicationID, slotOf(second)), &version)
	if errors.Is(err, sql.ErrNoRows) {
		return r, 0, notFound("resume screen of application", applicationID)
	}
	return r, version, err
}

// GetSecondScreen returns the second screener's current screen of an
// application, or ErrNotFound if they have not saved one.
func (s *Store) GetSecondScreen(ctx context.Context, applicationID int64) (scoring.Screen, error) {
	r, version, err := s.latestRevision(ctx, applicationID, true)
	if err != nil {
		return scoring.Screen{}, err
	}
	v, err := s.RubricVersion(ctx, version)
	if err != nil {
		return scoring.Screen{}, err
	}
	return scoring.Screen{ApplicationID: applicationID, RubricVersionID: version, Checklist: v.Content.Screen, Marks: r.Marks,
		Decision: r.Decision, Suggested: r.Suggested, RejectReason: r.RejectReason, OverrideReason: r.OverrideReason,
		Second: true, AuthorID: r.AuthorID, AuthorName: r.AuthorName, UpdatedAt: r.At}, nil
}

// ScreenPairs returns, for each of the role's applications both screeners
// screened, the two current screens (first, then second).
func (s *Store) ScreenPairs(ctx context.Context, roleID int64) ([][2]scoring.ScreenRevision, error) {
	var out [][2]scoring.ScreenRevision
	err := each(ctx, s.rd, sqlScreenPairs, []any{roleID}, func(sc scanner) error {
		r, err := scanRevision(sc)
		if err != nil {
			return err
		}
		if !r.Second {
			out = append(out, [2]scoring.ScreenRevision{r})
		} else if n := len(out); n > 0 && out[n-1][0].ApplicationID == r.ApplicationID {
			out[n-1][1] = r
		}
		return nil
	})
	return out, err
}

// insertScreenRevision appends a save to the revisions within tx.
func insertScreenRevision(ctx context.Context, tx queryer, in ScreenSave, marks string, actor model.Profile, at string) error {
	_, err := tx.ExecContext(ctx, sqlInsertScreenRevision, in.ApplicationID, slotOf(in.Second), in.VersionID, marks, in.Decision,
		in.Suggested, in.RejectReason, in.OverrideReason, actorID(actor), actor.Name, at)
	if err != nil {
		return fmt.Errorf("storage: save screen revision: %w", err)
	}
	return nil
}

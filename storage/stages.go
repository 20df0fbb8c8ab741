// Stores a role's pipeline stages (add, rename, reorder, delete with moving their
// applications) and the workspace's rejection reasons.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"hirebench/app/model"
)

const (
	sqlGetStage = `SELECT s.id, s.role_id, s.name, s.position, s.kind,
		(SELECT count(*) FROM applications a WHERE a.stage_id = s.id)
		FROM stages s WHERE s.id = ?`
	sqlNextStagePosition = `SELECT coalesce(max(position), 0) + 1 FROM stages WHERE role_id = ? AND kind = 'active'`
	sqlCountStages       = `SELECT count(*) FROM stages WHERE role_id = ?`
	sqlRenameStage       = `UPDATE stages SET name = ? WHERE id = ?`
	sqlSetStagePosition  = `UPDATE stages SET position = ? WHERE id = ? AND role_id = ? AND kind = 'active'`
	sqlActiveStageIDs    = `SELECT id FROM stages WHERE role_id = ? AND kind = 'active' ORDER BY position, id`
	sqlDeleteStage       = `DELETE FROM stages WHERE id = ?`
	sqlAppsInStage       = `SELECT id FROM applications WHERE stage_id = ?`
	sqlTouchRole         = `UPDATE roles SET updated_at = ? WHERE id = ?`
	sqlShiftStages       = `UPDATE stages SET position = position + 1 WHERE role_id = ? AND kind = 'active' AND position >= ?`
)

// getStage returns a stage; Count here includes archived candidates, because
// it guards deletion, not display.
func getStage(ctx context.Context, q queryer, id int64) (model.Stage, error) {
	var st model.Stage
	err := q.QueryRowContext(ctx, sqlGetStage, id).Scan(&st.ID, &st.RoleID, &st.Name, &st.Position, &st.Kind, &st.Count)
	if errors.Is(err, sql.ErrNoRows) {
		return st, notFound("stage", id)
	}
	if err != nil {
		return st, fmt.Errorf("storage: get stage: %w", err)
	}
	return st, nil
}

// GetStage returns one stage.
func (s *Store) GetStage(ctx context.Context, id int64) (model.Stage, error) {
	return getStage(ctx, s.rd, id)
}

func stageNameTaken(err error, name string) error {
	if isUniqueViolation(err) {
		return model.Invalid("name", "this role already has a stage called %q", name)
	}
	return fmt.Errorf("storage: save stage: %w", err)
}

// AddStage adds an active stage to a role's pipeline at the index among its
// active stages (in order) that at chooses; nil appends it (before Rejected).
func (s *Store) AddStage(ctx context.Context, roleID int64, name string, at func(active []model.Stage) int) (model.Role, error) {
	var r model.Role
	err := s.write(ctx, func(tx queryer) error {
		role, err := getRole(ctx, tx, roleID)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, sqlCountStages, roleID).Scan(&n); err != nil {
			return err
		}
		if n >= model.MaxStages {
			return model.Invalid("name", "a pipeline holds at most %d stages", model.MaxStages)
		}
		active := []model.Stage{}
		for _, st := range role.Stages {
			if st.Kind == model.StageActive {
				active = append(active, st)
			}
		}
		i := len(active)
		if at != nil {
			i = min(max(at(active), 0), len(active))
		}
		if _, err := stageAt(ctx, tx, roleID, active, i, name, s.now()); err != nil {
			return err
		}
		r, err = getRole(ctx, tx, roleID)
		return err
	})
	return r, err
}

// stageAt adds an active stage at index i of active (a role's active
// stages in order), or after them all, and returns its id.
func stageAt(ctx context.Context, tx queryer, roleID int64, active []model.Stage, i int, name, now string) (int64, error) {
	if i < len(active) {
		return insertStageBefore(ctx, tx, active[i], name, now)
	}
	st, err := appendStage(ctx, tx, roleID, name, now)
	return st.ID, err
}

// insertStageBefore adds an active stage just before next, moving next and
// the stages after it one place down.
func insertStageBefore(ctx context.Context, tx queryer, next model.Stage, name, now string) (int64, error) {
	if _, err := tx.ExecContext(ctx, sqlShiftStages, next.RoleID, next.Position); err != nil {
		return 0, fmt.Errorf("storage: make room for a stage: %w", err)
	}
	id, err := insertID(ctx, tx, sqlInsertStage, next.RoleID, name, next.Position, model.StageActive)
	if err != nil {
		return 0, stageNameTaken(err, name)
	}
	_, err = tx.ExecContext(ctx, sqlTouchRole, now, next.RoleID)
	return id, err
}

// appendStage adds an active stage after the others (before Rejected).
func appendStage(ctx context.Context, tx queryer, roleID int64, name, now string) (model.Stage, error) {
	st := model.Stage{RoleID: roleID, Name: name, Kind: model.StageActive}
	if err := tx.QueryRowContext(ctx, sqlNextStagePosition, roleID).Scan(&st.Position); err != nil {
		return st, err
	}
	var err error
	st.ID, err = insertID(ctx, tx, sqlInsertStage, roleID, name, st.Position, model.StageActive)
	if err != nil {
		return st, stageNameTaken(err, name)
	}
	_, err = tx.ExecContext(ctx, sqlTouchRole, now, roleID)
	return st, err
}

// Stage returns one stage.
func (t *Tx) Stage(id int64) (model.Stage, error) { return getStage(t.ctx, t.tx, id) }

// InsertStageAt adds an active stage to a role at index i among its active
// stages (after them all when i is past the end) and returns it; the caller
// keeps to model.MaxStages and checks the name.
func (t *Tx) InsertStageAt(roleID int64, name string, i int) (model.Stage, error) {
	role, err := getRole(t.ctx, t.tx, roleID)
	if err != nil {
		return model.Stage{}, err
	}
	active := []model.Stage{}
	for _, st := range role.Stages {
		if st.Kind == model.StageActive {
			active = append(active, st)
		}
	}
	id, err := stageAt(t.ctx, t.tx, roleID, active, max(i, 0), name, t.now)
	if err != nil {
		return model.Stage{}, err
	}
	return getStage(t.ctx, t.tx, id)
}

// AppendStage adds an active stage after a role's others (before Rejected);
// the caller keeps to model.MaxStages.
func (t *Tx) AppendStage(roleID int64, name string) (model.Stage, error) {
	return appendStage(t.ctx, t.tx, roleID, name, t.now)
}

// RenameStage renames a stage; history keeps the names it was written with.
func (s *Store) RenameStage(ctx context.Context, stageID int64, name string) (model.Role, error) {
	var r model.Role
	err := s.write(ctx, func(tx queryer) error {
		st, err := getStage(ctx, tx, stageID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqlRenameStage, name, stageID); err != nil {
			return stageNameTaken(err, name)
		}
		if _, err := tx.ExecContext(ctx, sqlTouchRole, s.now(), st.RoleID); err != nil {
			return err
		}
		r, err = getRole(ctx, tx, st.RoleID)
		return err
	})
	return r, err
}

// ReorderStages sets the order of a role's active stages. ids must name each
// active stage exactly once; Rejected stays last.
func (s *Store) ReorderStages(ctx context.Context, roleID int64, ids []int64) (model.Role, error) {
	var r model.Role
	err := s.write(ctx, func(tx queryer) error {
		if _, err := getRole(ctx, tx, roleID); err != nil {
			return err // not_found, rather than "list each of the role's 0 stages"
		}
		current, err := int64s(ctx, tx, sqlActiveStageIDs, roleID)
		if err != nil {
			return err
		}
		if !sameSet(current, ids) {
			return model.Invalid("stages", "the new order must list each of the role's %d stages exactly once", len(current))
		}
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, sqlSetStagePosition, i+1, id, roleID); err != nil {
				return fmt.Errorf("storage: reorder stages: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, sqlTouchRole, s.now(), roleID); err != nil {
			return err
		}
		r, err = getRole(ctx, tx, roleID)
		return err
	})
	return r, err
}

// DeleteStage removes a stage. If candidates sit in it they are first moved
// to moveTo (a stage of the same role), each move recorded in their history.
// It returns what undoing the deletion needs (model.StageDeletion).
func (s *Store) DeleteStage(ctx context.Context, stageID, moveTo int64, actor model.Profile) (model.StageDeletion, error) {
	var d model.StageDeletion
	err := s.write(ctx, func(tx queryer) error {
		st, err := getStage(ctx, tx, stageID)
		if err != nil {
			return err
		}
		if st.Kind == model.StageRejected {
			return model.Invalid("stage", "the Rejected stage ends every pipeline and cannot be deleted")
		}
		active, err := int64s(ctx, tx, sqlActiveStageIDs, st.RoleID)
		if err != nil {
			return err
		}
		if len(active) <= 1 {
			return model.Invalid("stage", "a pipeline needs at least one stage besides Rejected")
		}
		now := s.now()
		d = model.StageDeletion{Stage: st.Name, Index: slices.Index(active, st.ID), Moved: []int64{}, At: now}
		if st.Count > 0 {
			if moveTo == 0 {
				return model.Invalid("moveTo", "%q holds %d candidate(s): choose the stage to move them to", st.Name, st.Count)
			}
			target, err := getStage(ctx, tx, moveTo)
			if err != nil || target.RoleID != st.RoleID || target.ID == st.ID {
				return model.Invalid("moveTo", "choose another stage of the same role to move the candidates to")
			}
			if target.Kind == model.StageRejected {
				return model.Invalid("moveTo", "candidates cannot be rejected in bulk by deleting a stage; choose an active stage")
			}
			if d.Moved, err = int64s(ctx, tx, sqlAppsInStage, stageID); err != nil {
				return err
			}
			d.MovedTo = target.ID
			for _, appID := range d.Moved {
				if err := moveApplication(ctx, tx, appID, st, target, "", "stage "+st.Name+" deleted", "", actor, now); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, sqlDeleteStage, stageID); err != nil {
			return fmt.Errorf("storage: delete stage: %w", err)
		}
		if _, err := tx.ExecContext(ctx, sqlTouchRole, now, st.RoleID); err != nil {
			return err
		}
		d.Role, err = getRole(ctx, tx, st.RoleID)
		return err
	})
	return d, err
}

func int64s(ctx context.Context, q queryer, query string, args ...any) ([]int64, error) {
	return column[int64](ctx, q, query, args...)
}

func sameSet(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[int64]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
		if seen[x] < 0 {
			return false
		}
	}
	return true
}

const (
	sqlListReasons   = `SELECT label FROM rejection_reasons ORDER BY position, id`
	sqlDeleteReasons = `DELETE FROM rejection_reasons`
	sqlInsertReason  = `INSERT INTO rejection_reasons (label, position) VALUES (?, ?)`
)

// RejectionReasons returns the editable list offered when rejecting.
func (s *Store) RejectionReasons(ctx context.Context) ([]string, error) {
	return rejectionReasons(ctx, s.rd)
}

func rejectionReasons(ctx context.Context, q queryer) ([]string, error) {
	return column[string](ctx, q, sqlListReasons)
}

// SetRejectionReasons replaces the list. Reasons already recorded on
// applications are copies and stay as they were.
func (s *Store) SetRejectionReasons(ctx context.Context, labels []string) error {
	return s.write(ctx, func(tx queryer) error {
		if _, err := tx.ExecContext(ctx, sqlDeleteReasons); err != nil {
			return err
		}
		for i, l := range labels {
			if _, err := tx.ExecContext(ctx, sqlInsertReason, l, i+1); err != nil {
				if isUniqueViolation(err) {
					return model.Invalid("reasons", "reason %q appears twice", l)
				}
				return fmt.Errorf("storage: save rejection reason: %w", err)
			}
		}
		return nil
	})
}

// Stores roles with their default pipeline of stages, and the role lookups a
// bundle transfer needs.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hirebench/app/model"
)

// DefaultPipeline is the stage list every new role starts with; Rejected is
// the terminal stage and always comes last.
var DefaultPipeline = []string{"Applied", "Screen", "Interview", "Offer", "Hired"}

const RejectedStageName = "Rejected"

const (
	sqlRoleColumns = `id, title, team, location, status, created_at, updated_at`
	sqlListRoles   = `SELECT ` + sqlRoleColumns + ` FROM roles
		ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'on_hold' THEN 1 ELSE 2 END, title COLLATE NOCASE, id`
	sqlGetRole    = `SELECT ` + sqlRoleColumns + ` FROM roles WHERE id = ?`
	sqlInsertRole = `INSERT INTO roles (title, team, location, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
	sqlUpdateRole = `UPDATE roles SET title = ?, team = ?, location = ?, status = ?, updated_at = ? WHERE id = ?`
	// live_count is kept by triggers (migration 0010).
	sqlRoleStages = `SELECT s.id, s.role_id, s.name, s.position, s.kind, s.live_count
		FROM stages s WHERE s.role_id = ? ORDER BY s.kind = 'rejected', s.position, s.id`
	sqlInsertStage     = `INSERT INTO stages (role_id, name, position, kind) VALUES (?, ?, ?, ?)`
	sqlFindRoleByTitle = `SELECT id FROM roles WHERE title = ? COLLATE NOCASE ORDER BY id`
)

func scanRole(row interface{ Scan(...any) error }) (model.Role, error) {
	var r model.Role
	err := row.Scan(&r.ID, &r.Title, &r.Team, &r.Location, &r.Status, &r.CreatedAt, &r.UpdatedAt)
	return r, err
}

// ListRoles returns every role with its pipeline, open roles first.
func (s *Store) ListRoles(ctx context.Context) ([]model.Role, error) {
	out := []model.Role{}
	err := s.read(ctx, func(tx queryer) error {
		rows, err := tx.QueryContext(ctx, sqlListRoles)
		if err != nil {
			return fmt.Errorf("storage: list roles: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanRole(rows)
			if err != nil {
				return fmt.Errorf("storage: scan role: %w", err)
			}
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range out {
			if out[i].Stages, err = roleStages(ctx, tx, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// GetRole returns one role with its pipeline.
func (s *Store) GetRole(ctx context.Context, id int64) (model.Role, error) {
	var r model.Role
	err := s.read(ctx, func(tx queryer) (err error) {
		r, err = getRole(ctx, tx, id)
		return err
	})
	return r, err
}

// RoleTitle returns a role's title, or ErrNotFound: all the plan and the
// debrief need of a role. GetRole also counts every stage's applications,
// which they do not show and which cost 120–180 ms a role at 100k
// candidates when one candidate's debrief asked for them.
func (s *Store) RoleTitle(ctx context.Context, id int64) (string, error) {
	r, err := scanRole(s.rd.QueryRowContext(ctx, sqlGetRole, id))
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("role", id)
	}
	if err != nil {
		return "", fmt.Errorf("storage: get role %d: %w", id, err)
	}
	return r.Title, nil
}

// FindRolesByTitle returns the ids of roles with this title (case-insensitive).
func (s *Store) FindRolesByTitle(ctx context.Context, title string) ([]int64, error) {
	return column[int64](ctx, s.rd, sqlFindRoleByTitle, title)
}

func getRole(ctx context.Context, q queryer, id int64) (model.Role, error) {
	r, err := scanRole(q.QueryRowContext(ctx, sqlGetRole, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, notFound("role", id)
	}
	if err != nil {
		return r, fmt.Errorf("storage: get role: %w", err)
	}
	r.Stages, err = roleStages(ctx, q, id)
	return r, err
}

func roleStages(ctx context.Context, q queryer, roleID int64) ([]model.Stage, error) {
	out := []model.Stage{}
	err := each(ctx, q, sqlRoleStages, []any{roleID}, func(sc scanner) error {
		var st model.Stage
		err := sc.Scan(&st.ID, &st.RoleID, &st.Name, &st.Position, &st.Kind, &st.Count)
		out = append(out, st)
		return err
	})
	return out, err
}

// CreateRole adds a role with the given active stages followed by Rejected.
func (s *Store) CreateRole(ctx context.Context, in model.RoleInput, stages []string) (model.Role, error) {
	var r model.Role
	err := s.write(ctx, func(tx queryer) error {
		now := s.now()
		id, err := insertID(ctx, tx, sqlInsertRole, in.Title, in.Team, in.Location, in.Status, now, now)
		if err != nil {
			return fmt.Errorf("storage: create role: %w", err)
		}
		for i, name := range stages {
			if _, err := tx.ExecContext(ctx, sqlInsertStage, id, name, i+1, model.StageActive); err != nil {
				if isUniqueViolation(err) {
					return model.Invalid("stages", "stage %q appears twice", name)
				}
				return fmt.Errorf("storage: create stage: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, sqlInsertStage, id, RejectedStageName, len(stages)+1, model.StageRejected); err != nil {
			return fmt.Errorf("storage: create rejected stage: %w", err)
		}
		r, err = getRole(ctx, tx, id)
		return err
	})
	return r, err
}

// UpdateRole changes a role's title, team, location and status.
func (s *Store) UpdateRole(ctx context.Context, id int64, in model.RoleInput) (model.Role, error) {
	var r model.Role
	err := s.write(ctx, func(tx queryer) error {
		res, err := tx.ExecContext(ctx, sqlUpdateRole, in.Title, in.Team, in.Location, in.Status, s.now(), id)
		if err != nil {
			return fmt.Errorf("storage: update role: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("role", id)
		}
		r, err = getRole(ctx, tx, id)
		return err
	})
	return r, err
}

const (
	sqlRoleIDs     = `SELECT id FROM roles ORDER BY title COLLATE NOCASE, id`
	sqlRolesTitled = `SELECT ` + sqlRoleColumns + ` FROM roles WHERE title = ? COLLATE NOCASE ORDER BY id`
)

// RoleIDs lists every role by title.
func (t *Tx) RoleIDs() ([]int64, error) { return t.ids(sqlRoleIDs) }

// Role returns one role with its pipeline.
func (t *Tx) Role(id int64) (model.Role, error) { return getRole(t.ctx, t.tx, id) }

// RolesTitled lists the roles with this title (case-insensitive), oldest
// first, without their stages.
func (t *Tx) RolesTitled(title string) ([]model.Role, error) {
	out := []model.Role{}
	err := each(t.ctx, t.tx, sqlRolesTitled, []any{title}, func(sc scanner) error {
		r, err := scanRole(sc)
		out = append(out, r)
		return err
	})
	return out, err
}

// InsertRole adds a role as given, times included; its stages come
// separately (InsertStage).
func (t *Tx) InsertRole(r model.Role) (int64, error) {
	return t.insert("add role", sqlInsertRole, r.Title, r.Team, r.Location, r.Status, r.CreatedAt, r.UpdatedAt)
}

// InsertStage adds a stage at a position of a role's pipeline.
func (t *Tx) InsertStage(roleID int64, name string, position int, kind model.StageKind) error {
	err := t.exec("add stage", sqlInsertStage, roleID, name, position, kind)
	return err
}

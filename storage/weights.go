// Stores a role's plan weights, their change history, and the plan fixed at the
// first submitted scorecard.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

const (
	sqlPlanWeights  = `SELECT competency_id, question_id, weight FROM plan_weights WHERE role_id = ?`
	sqlUpsertWeight = `INSERT INTO plan_weights (role_id, competency_id, question_id, weight) VALUES (?, ?, ?, ?)
		ON CONFLICT (role_id, competency_id, question_id) DO UPDATE SET weight = excluded.weight`
	sqlInsertWeightChange = `INSERT INTO plan_weight_changes (role_id, competency_id, question_id, label, old_weight, new_weight,
		reason, after_scoring, actor_id, actor_name, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlWeightChanges = `SELECT id, role_id, competency_id, question_id, label, old_weight, new_weight, reason, after_scoring,
		actor_name, changed_at FROM plan_weight_changes WHERE role_id = ? ORDER BY id`
	sqlFreezeWeight   = `INSERT INTO plan_weights (role_id, competency_id, question_id, weight) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`
	sqlInsertSnapshot = `INSERT INTO plan_snapshots (role_id, questions, taken_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`
	sqlGetSnapshot    = `SELECT questions, taken_at FROM plan_snapshots WHERE role_id = ?`
)

// Whether scoring began counts every submitted card, readable or not (everyCard).
var (
	sqlRoleHasSubmitted = spell(func(d dialect) string {
		return `SELECT EXISTS (SELECT 1 FROM ` + d.everyCard() + ` sc JOIN applications a ON a.id = sc.application_id
		WHERE a.role_id = ? AND sc.status = 'submitted')`
	})
	sqlScoredUnfixedRoles = spell(func(d dialect) string {
		return `SELECT DISTINCT a.role_id FROM ` + d.everyCard() + ` sc JOIN applications a ON a.id = sc.application_id
	WHERE sc.status = 'submitted' AND a.role_id NOT IN (SELECT role_id FROM plan_snapshots)`
	})
)

// PlanWeights returns the weights set on a role's interview plan.
func (s *Store) PlanWeights(ctx context.Context, roleID int64) (scoring.PlanWeights, error) {
	return planWeights(ctx, s.rd, roleID)
}

func planWeights(ctx context.Context, q queryer, roleID int64) (scoring.PlanWeights, error) {
	w := scoring.PlanWeights{Competencies: map[string]float64{}, Questions: map[string]float64{}}
	err := each(ctx, q, sqlPlanWeights, []any{roleID}, func(sc scanner) error {
		var comp, question string
		var v float64
		if err := sc.Scan(&comp, &question, &v); err != nil {
			return err
		}
		if question == "" {
			w.Competencies[comp] = v
		} else {
			w.Questions[scoring.WeightKey(comp, question)] = v
		}
		return nil
	})
	if err != nil {
		return w, fmt.Errorf("storage: plan weights: %w", err)
	}
	return w, nil
}

// RoleHasSubmitted says whether any scorecard of the role was submitted:
// from then on weight changes are recorded as made after scoring began.
func (s *Store) RoleHasSubmitted(ctx context.Context, roleID int64) (bool, error) {
	return roleHasSubmitted(ctx, s.rd, roleID)
}

func roleHasSubmitted(ctx context.Context, q queryer, roleID int64) (bool, error) {
	var ok bool
	if err := q.QueryRowContext(ctx, sqlRoleHasSubmitted.in(q), roleID).Scan(&ok); err != nil {
		return false, fmt.Errorf("storage: role scored: %w", err)
	}
	return ok, nil
}

// ChangeWeights stores validated weight changes and appends each to the
// role's weight history, in one transaction. check runs inside it with
// whether scoring has begun, so a card submitted meanwhile is not missed.
func (s *Store) ChangeWeights(ctx context.Context, roleID int64, actor model.Profile,
	check func(afterScoring bool) ([]scoring.WeightChange, error)) ([]scoring.WeightChange, error) {
	var out []scoring.WeightChange
	err := s.write(ctx, func(tx queryer) error {
		out = nil // afresh when the server runs the write again (writeTx)
		if _, err := getRole(ctx, tx, roleID); err != nil {
			return err
		}
		after, err := roleHasSubmitted(ctx, tx, roleID)
		if err != nil {
			return err
		}
		changes, err := check(after)
		if err != nil {
			return err
		}
		now := s.now()
		for _, ch := range changes {
			if _, err := tx.ExecContext(ctx, sqlUpsertWeight, roleID, ch.CompetencyID, ch.QuestionID, ch.New); err != nil {
				return fmt.Errorf("storage: set weight: %w", err)
			}
			ch, err := insertWeightChange(ctx, tx, roleID, ch, actor, now)
			if err != nil {
				return err
			}
			out = append(out, ch)
		}
		return nil
	})
	return out, err
}

func insertWeightChange(ctx context.Context, tx queryer, roleID int64, ch scoring.WeightChange, actor model.Profile, now string) (scoring.WeightChange, error) {
	id, err := insertID(ctx, tx, sqlInsertWeightChange, roleID, ch.CompetencyID, ch.QuestionID, ch.Label, ch.Old, ch.New,
		ch.Reason, ch.AfterScoring, actorID(actor), actor.Name, now)
	if err != nil {
		return ch, fmt.Errorf("storage: record weight change: %w", err)
	}
	ch.ID = id
	ch.RoleID, ch.ActorName, ch.ChangedAt = roleID, actor.Name, now
	return ch, nil
}

// Plan returns a role's plan: every question its rounds ask (each round's
// rubric at its latest version, limited to its competencies) with the
// weights set on the plan, by scoring.BuildPlan.
func (s *Store) Plan(ctx context.Context, roleID int64) ([]scoring.PlanQuestion, error) {
	return readValue(ctx, s, func(tx queryer) ([]scoring.PlanQuestion, error) { return plan(ctx, tx, roleID) })
}

func plan(ctx context.Context, q queryer, roleID int64) ([]scoring.PlanQuestion, error) {
	rounds, err := listRounds(ctx, q, roleID)
	if err != nil {
		return nil, err
	}
	versions := map[int64]rubric.Rubric{}
	var rs []rubric.Rubric
	for _, r := range rounds {
		v, ok := versions[r.RubricID]
		if !ok {
			latest, err := latestVersion(ctx, q, r.RubricID)
			if err != nil {
				return nil, err
			}
			v = latest.Content
			versions[r.RubricID] = v
		}
		rs = append(rs, v.Subset(r.Competencies))
	}
	w, err := planWeights(ctx, q, roleID)
	if err != nil {
		return nil, err
	}
	out := scoring.BuildPlan(rs, w)
	if out == nil {
		out = []scoring.PlanQuestion{}
	}
	return out, nil
}

// FixPlan fixes a role's plan if it has submitted scorecards but no fixed
// plan yet (scored before plans were fixed, or by an older build).
func (s *Store) FixPlan(ctx context.Context, roleID int64) error {
	return s.write(ctx, func(tx queryer) error {
		scored, err := roleHasSubmitted(ctx, tx, roleID)
		if err != nil || !scored {
			return err
		}
		return freezePlan(ctx, tx, roleID, s.now())
	})
}

// freezePlan fixes a role's plan when its first scorecard is submitted (or
// arrives in a bundle): every weight of the plan is written into
// plan_weights (unless already set), so later rubric edits cannot move it,
// and the plan's questions are kept as the snapshot later plans are
// compared with. A role already fixed is left as it is.
func freezePlan(ctx context.Context, tx queryer, roleID int64, now string) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM plan_snapshots WHERE role_id = ?)`, roleID).Scan(&exists); err != nil || exists {
		return err
	}
	plan, err := plan(ctx, tx, roleID)
	if err != nil {
		return err
	}
	for _, q := range plan {
		if _, err := tx.ExecContext(ctx, sqlFreezeWeight, roleID, q.CompetencyID, "", q.CompetencyWeight); err != nil {
			return fmt.Errorf("storage: fix plan weights: %w", err)
		}
		if _, err := tx.ExecContext(ctx, sqlFreezeWeight, roleID, q.CompetencyID, q.QuestionID, q.QuestionWeight); err != nil {
			return fmt.Errorf("storage: fix plan weights: %w", err)
		}
	}
	b, err := json.Marshal(plan)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, sqlInsertSnapshot, roleID, string(b), now); err != nil {
		return fmt.Errorf("storage: keep the plan: %w", err)
	}
	return nil
}

// PlanSnapshot returns a role's plan as it stood at its first submitted
// scorecard; ok is false before that.
func (s *Store) PlanSnapshot(ctx context.Context, roleID int64) (plan []scoring.PlanQuestion, takenAt string, ok bool, err error) {
	var raw string
	err = s.rd.QueryRowContext(ctx, sqlGetSnapshot, roleID).Scan(&raw, &takenAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", false, nil
	}
	if err != nil {
		return nil, "", false, fmt.Errorf("storage: plan snapshot: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &plan); err != nil {
		return nil, "", false, fmt.Errorf("storage: plan snapshot of role %d: %w", roleID, err)
	}
	return plan, takenAt, true, nil
}

// WeightChanges returns a role's weight history, oldest first.
func (s *Store) WeightChanges(ctx context.Context, roleID int64) ([]scoring.WeightChange, error) {
	return weightChanges(ctx, s.rd, roleID)
}

func weightChanges(ctx context.Context, q queryer, roleID int64) ([]scoring.WeightChange, error) {
	out := []scoring.WeightChange{}
	err := each(ctx, q, sqlWeightChanges, []any{roleID}, func(sc scanner) error {
		var c scoring.WeightChange
		if err := sc.Scan(&c.ID, &c.RoleID, &c.CompetencyID, &c.QuestionID, &c.Label, &c.Old, &c.New, &c.Reason, &c.AfterScoring,
			&c.ActorName, &c.ChangedAt); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: weight history: %w", err)
	}
	return out, nil
}

// PlanWeights returns the weights set on a role's plan.
func (t *Tx) PlanWeights(roleID int64) (scoring.PlanWeights, error) {
	return planWeights(t.ctx, t.tx, roleID)
}

// PlanWeightList lists the weights set on a role's plan by competency, then
// question (the competency's own, with QuestionID "", first).
func (t *Tx) PlanWeightList(roleID int64) ([]scoring.WeightEdit, error) {
	out := []scoring.WeightEdit{}
	err := each(t.ctx, t.tx, sqlPlanWeights+` ORDER BY competency_id, question_id`, []any{roleID}, func(sc scanner) error {
		var w scoring.WeightEdit
		err := sc.Scan(&w.CompetencyID, &w.QuestionID, &w.Weight)
		out = append(out, w)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: plan weights: %w", err)
	}
	return out, nil
}

// SetWeight sets one weight of a role's plan (questionID "" for a
// competency's); the history is the caller's (InsertWeightChange).
func (t *Tx) SetWeight(roleID int64, competencyID, questionID string, weight float64) error {
	if _, err := t.tx.ExecContext(t.ctx, sqlUpsertWeight, roleID, competencyID, questionID, weight); err != nil {
		return fmt.Errorf("storage: set weight: %w", err)
	}
	return nil
}

// WeightChanges returns a role's weight history, oldest first.
func (t *Tx) WeightChanges(roleID int64) ([]scoring.WeightChange, error) {
	return weightChanges(t.ctx, t.tx, roleID)
}

// InsertWeightChange appends a change made elsewhere to a role's weight
// history: its author is named (c.ActorName), not a local profile, and it
// keeps its time (c.ChangedAt).
func (t *Tx) InsertWeightChange(roleID int64, c scoring.WeightChange) error {
	_, err := insertWeightChange(t.ctx, t.tx, roleID, c, model.Profile{Name: c.ActorName}, c.ChangedAt)
	return err
}

// FixedPlan returns a role's plan as fixed at its first submission, as
// stored (JSON of []scoring.PlanQuestion), and when; ErrNotFound before.
func (t *Tx) FixedPlan(roleID int64) (questions json.RawMessage, takenAt string, err error) {
	var raw string
	err = t.tx.QueryRowContext(t.ctx, sqlGetSnapshot, roleID).Scan(&raw, &takenAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", notFoundAs("fixed plan")
	}
	if err != nil {
		return nil, "", fmt.Errorf("storage: fixed plan: %w", err)
	}
	return json.RawMessage(raw), takenAt, nil
}

// InsertFixedPlan keeps a plan fixed elsewhere as a role's, unless the role
// has one already; added says which.
func (t *Tx) InsertFixedPlan(roleID int64, questions json.RawMessage, takenAt string) (added bool, err error) {
	res, err := t.tx.ExecContext(t.ctx, sqlInsertSnapshot, roleID, string(questions), takenAt)
	if err != nil {
		return false, fmt.Errorf("storage: keep the plan: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// FixScoredPlans fixes, now, the plan of every role that has submitted
// scorecards but no fixed plan (freezePlan).
func (t *Tx) FixScoredPlans() error {
	roles, err := t.ids(sqlScoredUnfixedRoles.in(t.tx))
	if err != nil {
		return err
	}
	for _, id := range roles {
		if err := freezePlan(t.ctx, t.tx, id, t.now); err != nil {
			return err
		}
	}
	return nil
}

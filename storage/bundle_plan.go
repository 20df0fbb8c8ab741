package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/bundle"
)

// A role's plan in a bundle (v2): the weights set on it, their history, the
// plan fixed at its first submission, and the recruiter's per-candidate
// round assignments. Imports keep local data and list differences, as for
// every other record.

const sqlBundleAssignments = `SELECT ir.name, p.name FROM round_assignments ra
	JOIN interview_rounds ir ON ir.id = ra.round_id JOIN profiles p ON p.id = ra.profile_id
	WHERE ra.application_id = ? ORDER BY ir.position, ir.id, p.name COLLATE NOCASE`

// exportPlan fills a bundle role's weights, history and fixed plan.
func exportPlan(ctx context.Context, tx *sql.Tx, roleID int64, br *bundle.Role) error {
	err := each(ctx, tx, sqlPlanWeights, []any{roleID}, func(sc scanner) error {
		var w bundle.Weight
		if err := sc.Scan(&w.CompetencyID, &w.QuestionID, &w.Weight); err != nil {
			return err
		}
		br.Weights = append(br.Weights, w)
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: export weights: %w", err)
	}
	err = each(ctx, tx, sqlWeightChanges, []any{roleID}, func(sc scanner) error {
		var id, role int64
		var c bundle.WeightChange
		if err := sc.Scan(&id, &role, &c.CompetencyID, &c.QuestionID, &c.Label, &c.Old, &c.New, &c.Reason, &c.AfterScoring,
			&c.ActorName, &c.ChangedAt); err != nil {
			return err
		}
		br.WeightChanges = append(br.WeightChanges, c)
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: export weight history: %w", err)
	}
	var raw string
	switch err := tx.QueryRowContext(ctx, sqlGetSnapshot, roleID).Scan(&raw, &br.PlanFixedAt); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("storage: export fixed plan: %w", err)
	}
	br.PlanSnapshot = json.RawMessage(raw)
	return nil
}

// exportAssignments lists an application's reassigned rounds.
func exportAssignments(ctx context.Context, tx *sql.Tx, appID int64) ([]bundle.Assignment, error) {
	var out []bundle.Assignment
	err := each(ctx, tx, sqlBundleAssignments, []any{appID}, func(sc scanner) error {
		var round, who string
		if err := sc.Scan(&round, &who); err != nil {
			return err
		}
		if n := len(out); n > 0 && out[n-1].Round == round {
			out[n-1].Interviewers = append(out[n-1].Interviewers, who)
		} else {
			out = append(out, bundle.Assignment{Round: round, Interviewers: []string{who}})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: export assignments: %w", err)
	}
	return out, nil
}

// mergePlan adds the bundle's weights the local plan lacks (a different
// local weight is kept and listed), the history entries it lacks, and the
// fixed plan when the local role has none.
func (im *importer) mergePlan(role *importRole, br bundle.Role) error {
	local, err := planWeights(im.ctx, im.tx, role.id)
	if err != nil {
		return err
	}
	for _, w := range br.Weights {
		have, ok := local.Competencies[w.CompetencyID]
		name := "competency " + w.CompetencyID
		if w.QuestionID != "" {
			key := w.CompetencyID + "/" + w.QuestionID
			have, ok, name = local.Questions[key], hasKey(local.Questions, key), "question "+key
		}
		switch {
		case ok && have == w.Weight:
		case ok:
			im.conflict("role %q: the weight of %s is %g here and %g in the bundle; local kept", br.Title, name, have, w.Weight)
		default:
			if _, err := im.tx.ExecContext(im.ctx, sqlUpsertWeight, role.id, w.CompetencyID, w.QuestionID, w.Weight); err != nil {
				return fmt.Errorf("storage: import weight: %w", err)
			}
		}
	}
	var history []bundle.WeightChange
	err = each(im.ctx, im.tx, sqlWeightChanges, []any{role.id}, func(sc scanner) error {
		var id, r int64
		var c bundle.WeightChange
		err := sc.Scan(&id, &r, &c.CompetencyID, &c.QuestionID, &c.Label, &c.Old, &c.New, &c.Reason, &c.AfterScoring, &c.ActorName, &c.ChangedAt)
		history = append(history, c)
		return err
	})
	if err != nil {
		return err
	}
	// The same change: same weight, old and new values, author and time
	// (labels and reasons are text a bundle may have reflowed).
	same := func(a, b bundle.WeightChange) bool {
		return a.CompetencyID == b.CompetencyID && a.QuestionID == b.QuestionID && a.Old == b.Old && a.New == b.New &&
			a.ChangedAt == b.ChangedAt && strings.EqualFold(a.ActorName, b.ActorName)
	}
	for _, c := range br.WeightChanges {
		if slices.ContainsFunc(history, func(h bundle.WeightChange) bool { return same(h, c) }) {
			continue
		}
		if _, err := im.tx.ExecContext(im.ctx, sqlInsertWeightChange, role.id, c.CompetencyID, c.QuestionID, c.Label, c.Old, c.New,
			c.Reason, c.AfterScoring, nil, c.ActorName, c.ChangedAt); err != nil {
			return fmt.Errorf("storage: import weight history: %w", err)
		}
	}
	if len(br.PlanSnapshot) == 0 {
		return nil
	}
	res, err := im.tx.ExecContext(im.ctx, sqlInsertSnapshot, role.id, string(br.PlanSnapshot), br.PlanFixedAt)
	if err != nil {
		return fmt.Errorf("storage: import fixed plan: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var raw, at string
		if err := im.tx.QueryRowContext(im.ctx, sqlGetSnapshot, role.id).Scan(&raw, &at); err == nil && at != br.PlanFixedAt {
			im.note("role %q: its plan was fixed here at %s and in the bundle at %s; this workspace's kept", br.Title, at, br.PlanFixedAt)
		}
	}
	return nil
}

func hasKey(m map[string]float64, k string) bool {
	_, ok := m[k]
	return ok
}

// mergeAssignments adds the bundle's reassigned rounds of an application
// where the local one follows the plan; a different local assignment is
// kept and listed.
func (im *importer) mergeAssignments(role *importRole, appID int64, bc bundle.Candidate, a bundle.Application) error {
	have, err := exportAssignments(im.ctx, im.tx, appID)
	if err != nil {
		return err
	}
	for _, as := range a.Assignments {
		roundID, ok := role.rounds[strings.ToLower(as.Round)]
		if !ok {
			continue // the check made sure the bundle's plan has it; merged rounds match by name
		}
		var local []string
		for _, x := range have {
			if strings.EqualFold(x.Round, as.Round) {
				local = x.Interviewers
			}
		}
		if len(local) > 0 {
			if !sameNames(local, as.Interviewers) {
				im.conflict("%s, %s: round %q is assigned to %s here and to %s in the bundle; local kept",
					bc.Label(), a.RoleTitle, as.Round, strings.Join(local, ", "), strings.Join(as.Interviewers, ", "))
			}
			continue
		}
		for _, name := range as.Interviewers {
			pid, err := im.profile(name)
			if err != nil {
				return err
			}
			if _, err := im.tx.ExecContext(im.ctx, sqlAssign, appID, roundID, pid); err != nil {
				return fmt.Errorf("storage: import assignment: %w", err)
			}
		}
	}
	return nil
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]bool{}
	for _, x := range a {
		seen[strings.ToLower(x)] = true
	}
	for _, x := range b {
		if !seen[strings.ToLower(x)] {
			return false
		}
	}
	return true
}

// fixScoredPlans fixes the plan of every role that has submitted cards but
// no fixed plan, as a local first submission would: scorecards that arrive
// in a bundle start scoring too.
func (im *importer) fixScoredPlans() error {
	var roles []int64
	err := each(im.ctx, im.tx, `SELECT DISTINCT a.role_id FROM scorecards sc JOIN applications a ON a.id = sc.application_id
		WHERE sc.status = 'submitted' AND a.role_id NOT IN (SELECT role_id FROM plan_snapshots)`, nil, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		roles = append(roles, id)
		return err
	})
	if err != nil {
		return err
	}
	for _, id := range roles {
		if err := freezePlan(im.ctx, im.tx, id, im.now); err != nil {
			return err
		}
	}
	return nil
}

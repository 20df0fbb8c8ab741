// Stores a role's interview rounds (order, rubric, interviewers), their scheduling,
// and per-candidate round assignments.

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
	sqlRoundColumns = `ir.id, ir.role_id, ir.name, ir.position, ir.rubric_id, r.name, ir.competencies, ir.duration_min`
	sqlListRounds   = `SELECT ` + sqlRoundColumns + ` FROM interview_rounds ir JOIN rubrics r ON r.id = ir.rubric_id
		WHERE ir.role_id = ? ORDER BY ir.position, ir.id`
	sqlGetRound          = `SELECT ` + sqlRoundColumns + ` FROM interview_rounds ir JOIN rubrics r ON r.id = ir.rubric_id WHERE ir.id = ?`
	sqlRoundInterviewers = `SELECT ` + sqlProfileColumnsP + ` FROM round_interviewers ri
		JOIN profiles p ON p.id = ri.profile_id WHERE ri.round_id = ? ORDER BY p.name COLLATE NOCASE`
	// A new round goes to the end of its role's plan.
	sqlInsertRound = `INSERT INTO interview_rounds (role_id, name, position, rubric_id, competencies, duration_min, created_at, updated_at)
		VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM interview_rounds WHERE role_id = ?), ?, ?, ?, ?, ?)`
	sqlAddInterviewer = `INSERT INTO round_interviewers (round_id, profile_id) VALUES (?, ?) ON CONFLICT DO NOTHING`
)

func scanRound(sc scanner) (scoring.Round, error) {
	var r scoring.Round
	var comps string
	if err := sc.Scan(&r.ID, &r.RoleID, &r.Name, &r.Position, &r.RubricID, &r.RubricName, &comps, &r.DurationMin); err != nil {
		return r, err
	}
	r.Competencies = []string{}
	return r, json.Unmarshal([]byte(comps), &r.Competencies)
}

func fillInterviewers(ctx context.Context, q queryer, r *scoring.Round) error {
	r.Interviewers = []model.Profile{}
	return each(ctx, q, sqlRoundInterviewers, []any{r.ID}, func(sc scanner) error {
		p, err := scanProfile(sc)
		if err == nil {
			r.Interviewers = append(r.Interviewers, p)
		}
		return err
	})
}

// ListRounds returns a role's interview plan in order.
func (s *Store) ListRounds(ctx context.Context, roleID int64) ([]scoring.Round, error) {
	return readValue(ctx, s, func(tx queryer) ([]scoring.Round, error) { return listRounds(ctx, tx, roleID) })
}

func listRounds(ctx context.Context, q queryer, roleID int64) ([]scoring.Round, error) {
	out := []scoring.Round{}
	err := each(ctx, q, sqlListRounds, []any{roleID}, func(sc scanner) error {
		r, err := scanRound(sc)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := fillInterviewers(ctx, q, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// GetRound returns one round with its interviewers.
func (s *Store) GetRound(ctx context.Context, id int64) (scoring.Round, error) {
	return getRound(ctx, s.rd, id)
}

func getRound(ctx context.Context, q queryer, id int64) (scoring.Round, error) {
	r, err := scanRound(q.QueryRowContext(ctx, sqlGetRound, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, notFound("interview round", id)
	}
	if err != nil {
		return r, fmt.Errorf("storage: get round: %w", err)
	}
	return r, fillInterviewers(ctx, q, &r)
}

// SaveRound creates (ID 0) or updates a round and replaces its interviewers.
// The input is validated by the service first.
func (s *Store) SaveRound(ctx context.Context, in scoring.RoundInput) (scoring.Round, error) {
	var out scoring.Round
	err := s.write(ctx, func(tx queryer) error {
		if _, err := getRole(ctx, tx, in.RoleID); err != nil {
			return err
		}
		comps, _ := json.Marshal(nonNilStrings(in.Competencies))
		now := s.now()
		id := in.ID
		if id == 0 {
			var err error
			if id, err = insertRound(ctx, tx, in, now); err != nil {
				return err
			}
		} else {
			cur, err := getRound(ctx, tx, id)
			if err != nil {
				return err
			}
			if cur.RoleID != in.RoleID {
				return fmt.Errorf("round %d belongs to another role: %w", id, model.ErrConflict)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE interview_rounds SET name = ?, rubric_id = ?, competencies = ?, duration_min = ?, updated_at = ? WHERE id = ?`,
				in.Name, in.RubricID, string(comps), in.DurationMin, now, id); err != nil {
				return fmt.Errorf("storage: update round: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM round_interviewers WHERE round_id = ?`, id); err != nil {
			return err
		}
		for _, p := range in.InterviewerIDs {
			if _, err := getProfile(ctx, tx, p); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, sqlAddInterviewer, id, p); err != nil {
				return fmt.Errorf("storage: assign interviewer: %w", err)
			}
		}
		var err error
		out, err = getRound(ctx, tx, id)
		return err
	})
	return out, err
}

func insertRound(ctx context.Context, tx queryer, in scoring.RoundInput, now string) (int64, error) {
	comps, _ := json.Marshal(nonNilStrings(in.Competencies))
	id, err := insertID(ctx, tx, sqlInsertRound, in.RoleID, in.Name, in.RoleID, in.RubricID, string(comps), in.DurationMin, now, now)
	if err != nil {
		return 0, fmt.Errorf("storage: add round: %w", err)
	}
	return id, nil
}

// MoveRound puts a round at a new 1-based position in its role's plan.
func (s *Store) MoveRound(ctx context.Context, id int64, position int) error {
	return s.write(ctx, func(tx queryer) error {
		r, err := getRound(ctx, tx, id)
		if err != nil {
			return err
		}
		rounds, err := listRounds(ctx, tx, r.RoleID)
		if err != nil {
			return err
		}
		ids := make([]int64, 0, len(rounds))
		for _, x := range rounds {
			if x.ID != id {
				ids = append(ids, x.ID)
			}
		}
		position = max(1, min(position, len(rounds)))
		ids = append(ids[:position-1], append([]int64{id}, ids[position-1:]...)...)
		for i, rid := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE interview_rounds SET position = ? WHERE id = ?`, i+1, rid); err != nil {
				return err
			}
		}
		return nil
	})
}

// A round that holds any card stays, whoever may read the card (everyCard).
// The round is locked first: a card started meanwhile waits for the delete
// (and then finds no round), or is counted.
var (
	sqlLockRound  = spell(func(d dialect) string { return `SELECT id FROM interview_rounds WHERE id = ?` + d.forUpdate() })
	sqlRoundCards = spell(func(d dialect) string { return `SELECT count(*) FROM ` + d.everyCard() + ` WHERE round_id = ?` })
)

// DeleteRound removes a round no scorecard was started in.
func (s *Store) DeleteRound(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx queryer) error {
		r, err := getRound(ctx, tx, id)
		if err != nil {
			return err
		}
		var locked, n int64
		if err := tx.QueryRowContext(ctx, sqlLockRound.in(tx), id).Scan(&locked); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, sqlRoundCards.in(tx), id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("round %q holds %d scorecard(s) and cannot be deleted: %w", r.Name, n, model.ErrConflict)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM interview_rounds WHERE id = ?`, id)
		return err
	})
}

// ScheduleRound records (or clears, with "") when a candidate's round takes place.
func (s *Store) ScheduleRound(ctx context.Context, applicationID, roundID int64, at string) error {
	return s.write(ctx, func(tx queryer) error {
		if at == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM round_schedule WHERE application_id = ? AND round_id = ?`, applicationID, roundID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO round_schedule (application_id, round_id, scheduled_at) VALUES (?, ?, ?)
			ON CONFLICT (application_id, round_id) DO UPDATE SET scheduled_at = excluded.scheduled_at`, applicationID, roundID, at)
		if err != nil {
			return fmt.Errorf("storage: schedule round: %w", err)
		}
		return nil
	})
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

const (
	sqlAssignmentsOfCandidate = `SELECT ra.application_id, ra.round_id, ` + sqlProfileColumnsP + `
		FROM round_assignments ra JOIN applications a ON a.id = ra.application_id JOIN profiles p ON p.id = ra.profile_id
		WHERE a.candidate_id = ? ORDER BY p.name COLLATE NOCASE`
	sqlAssignmentsOfRole = `SELECT ra.application_id, ra.round_id, ` + sqlProfileColumnsP + `
		FROM round_assignments ra JOIN applications a ON a.id = ra.application_id JOIN profiles p ON p.id = ra.profile_id
		WHERE a.role_id = ? ORDER BY p.name COLLATE NOCASE`
)

const sqlAssign = `INSERT INTO round_assignments (application_id, round_id, profile_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`

// Assignments returns the rounds a recruiter reassigned for one
// candidate's applications, with who interviews in each.
func (s *Store) Assignments(ctx context.Context, candidateID int64) (map[scoring.RoundKey][]model.Profile, error) {
	return assignments(ctx, s.rd, sqlAssignmentsOfCandidate, candidateID)
}

// RoleAssignments is Assignments for every application of a role.
func (s *Store) RoleAssignments(ctx context.Context, roleID int64) (map[scoring.RoundKey][]model.Profile, error) {
	return assignments(ctx, s.rd, sqlAssignmentsOfRole, roleID)
}

func assignments(ctx context.Context, q queryer, query string, id int64) (map[scoring.RoundKey][]model.Profile, error) {
	out := map[scoring.RoundKey][]model.Profile{}
	err := each(ctx, q, query, []any{id}, func(sc scanner) error {
		var k scoring.RoundKey
		var p model.Profile
		if err := sc.Scan(&k.ApplicationID, &k.RoundID, &p.ID, &p.Name, &p.IsRecruiter, &p.CreatedAt, &p.Protected); err != nil {
			return err
		}
		out[k] = append(out[k], p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: round assignments: %w", err)
	}
	return out, nil
}

// AssignRound sets who interviews one candidate in one round; an empty
// list returns the round to the plan's interviewers. Inputs are checked by
// the service; the application's role must own the round.
func (s *Store) AssignRound(ctx context.Context, applicationID, roundID int64, profileIDs []int64) error {
	return s.write(ctx, func(tx queryer) error {
		if _, err := roundOfApplication(ctx, tx, applicationID, roundID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM round_assignments WHERE application_id = ? AND round_id = ?`, applicationID, roundID); err != nil {
			return fmt.Errorf("storage: reassign round: %w", err)
		}
		for _, id := range profileIDs {
			if _, err := getProfile(ctx, tx, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, sqlAssign, applicationID, roundID, id); err != nil {
				return fmt.Errorf("storage: reassign round: %w", err)
			}
		}
		return nil
	})
}

const sqlAssignmentsOfApplication = `SELECT ir.id, ir.name, ` + sqlProfileColumnsP + ` FROM round_assignments ra
	JOIN interview_rounds ir ON ir.id = ra.round_id JOIN profiles p ON p.id = ra.profile_id
	WHERE ra.application_id = ? ORDER BY ir.position, ir.id, p.name COLLATE NOCASE`

// RoundAssignment is one round of an application that the recruiter
// reassigned: who interviews in it instead of the plan's interviewers.
type RoundAssignment struct {
	RoundID      int64
	Round        string
	Interviewers []model.Profile
}

// Rounds returns a role's interview plan in order, with interviewers.
func (t *Tx) Rounds(roleID int64) ([]scoring.Round, error) { return listRounds(t.ctx, t.tx, roleID) }

// Round returns one round with its interviewers.
func (t *Tx) Round(id int64) (scoring.Round, error) { return getRound(t.ctx, t.tx, id) }

// InsertRound adds a round at the end of its role's plan, with
// in.InterviewerIDs as its interviewers; in is checked by the caller.
func (t *Tx) InsertRound(in scoring.RoundInput) (int64, error) {
	id, err := insertRound(t.ctx, t.tx, in, t.now)
	if err != nil {
		return 0, err
	}
	for _, p := range in.InterviewerIDs {
		if _, err := t.tx.ExecContext(t.ctx, sqlAddInterviewer, id, p); err != nil {
			return 0, fmt.Errorf("storage: assign interviewer: %w", err)
		}
	}
	return id, nil
}

// ApplicationAssignments lists an application's reassigned rounds in plan
// order, each with its interviewers by name.
func (t *Tx) ApplicationAssignments(applicationID int64) ([]RoundAssignment, error) {
	var out []RoundAssignment
	err := each(t.ctx, t.tx, sqlAssignmentsOfApplication, []any{applicationID}, func(sc scanner) error {
		var a RoundAssignment
		var p model.Profile
		if err := sc.Scan(&a.RoundID, &a.Round, &p.ID, &p.Name, &p.IsRecruiter, &p.CreatedAt, &p.Protected); err != nil {
			return err
		}
		if n := len(out); n > 0 && out[n-1].RoundID == a.RoundID {
			out[n-1].Interviewers = append(out[n-1].Interviewers, p)
		} else {
			a.Interviewers = []model.Profile{p}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: round assignments: %w", err)
	}
	return out, nil
}

// Assign adds an interviewer to one candidate's round.
func (t *Tx) Assign(applicationID, roundID, profileID int64) error {
	if _, err := t.tx.ExecContext(t.ctx, sqlAssign, applicationID, roundID, profileID); err != nil {
		return fmt.Errorf("storage: assign round: %w", err)
	}
	return nil
}

// roundOfApplication reads a round of the application's role's plan; a
// round of another role is a conflict.
func roundOfApplication(ctx context.Context, q queryer, applicationID, roundID int64) (scoring.Round, error) {
	app, err := getApplication(ctx, q, applicationID)
	if err != nil {
		return scoring.Round{}, err
	}
	round, err := getRound(ctx, q, roundID)
	if err != nil {
		return round, err
	}
	if round.RoleID != app.RoleID {
		return round, fmt.Errorf("round %q is not part of this application's role: %w", round.Name, model.ErrConflict)
	}
	return round, nil
}

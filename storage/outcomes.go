// Outcomes after a hire (migration 0019): per hired application its 90-day
// and 1-year ratings and whether the person left (when, regretted or not),
// with who recorded it. Erased with the candidate and kept without identity
// on anonymisation, like scores (candidateData). Who may record one, and
// which applications count as hired, is app/outcomes's to decide.

package storage

import (
	"context"
	"database/sql"
	"fmt"

	"hirebench/app/model"
)

// Outcome is one application's outcome as stored; nil is "not recorded".
type Outcome struct {
	ApplicationID int64
	CandidateID   int64
	Rating90d     *int
	Rating1y      *int
	LeftOn        string // YYYY-MM-DD, "" while still employed
	Regretted     *bool
	RecordedBy    string
	RecordedAt    string
	// HiredAt is when the application entered the stage it is in now.
	HiredAt string
}

const (
	sqlOutcomeCols = `o.application_id, a.candidate_id, o.rating_90d, o.rating_1y, o.left_on, o.regretted,
		o.recorded_name, o.recorded_at, a.entered_stage_at`
	sqlPutOutcome = `INSERT INTO outcomes (application_id, rating_90d, rating_1y, left_on, regretted, recorded_by, recorded_name, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (application_id) DO UPDATE SET rating_90d = excluded.rating_90d, rating_1y = excluded.rating_1y,
		left_on = excluded.left_on, regretted = excluded.regretted, recorded_by = excluded.recorded_by,
		recorded_name = excluded.recorded_name, recorded_at = excluded.recorded_at`
	sqlOutcomesOfCandidate = `SELECT ` + sqlOutcomeCols + ` FROM outcomes o JOIN applications a ON a.id = o.application_id
		WHERE a.candidate_id = ? ORDER BY o.application_id`
	sqlHasOutcome     = `SELECT count(*) FROM outcomes WHERE application_id = ?`
	sqlOutcomesOfRole = `SELECT ` + sqlOutcomeCols + ` FROM outcomes o JOIN applications a ON a.id = o.application_id
		WHERE a.role_id = ? ORDER BY o.application_id`
)

// HasOutcome says whether an application has an outcome recorded.
func (t *Tx) HasOutcome(applicationID int64) (bool, error) {
	var n int
	if err := t.q.QueryRowContext(t.ctx, sqlHasOutcome, applicationID).Scan(&n); err != nil {
		return false, fmt.Errorf("storage: outcome of application %d: %w", applicationID, err)
	}
	return n > 0, nil
}

// PutOutcome records (or replaces) an application's outcome, stamped with
// the actor and the transaction's time.
func (t *Tx) PutOutcome(o Outcome, actor model.Profile) error {
	var by any
	if actor.ID > 0 {
		by = actor.ID
	}
	var regretted any
	if o.Regretted != nil {
		regretted = *o.Regretted
	}
	if _, err := t.q.ExecContext(t.ctx, sqlPutOutcome, o.ApplicationID, intOrNull(o.Rating90d), intOrNull(o.Rating1y),
		o.LeftOn, regretted, by, actor.Name, t.now); err != nil {
		return fmt.Errorf("storage: outcome of application %d: %w", o.ApplicationID, err)
	}
	return nil
}

// CandidateOutcomes returns the outcomes of a candidate's applications.
func (s *Store) CandidateOutcomes(ctx context.Context, candidateID int64) ([]Outcome, error) {
	return s.outcomes(ctx, sqlOutcomesOfCandidate, candidateID)
}

// RoleOutcomes returns the outcomes of a role's applications.
func (s *Store) RoleOutcomes(ctx context.Context, roleID int64) ([]Outcome, error) {
	return s.outcomes(ctx, sqlOutcomesOfRole, roleID)
}

func (s *Store) outcomes(ctx context.Context, query string, id int64) ([]Outcome, error) {
	out := []Outcome{}
	err := s.read(ctx, func(tx queryer) error {
		return each(ctx, tx, query, []any{id}, func(sc scanner) error {
			var o Outcome
			var r90, r1y, regretted sql.NullInt64
			if err := sc.Scan(&o.ApplicationID, &o.CandidateID, &r90, &r1y, &o.LeftOn, &regretted,
				&o.RecordedBy, &o.RecordedAt, &o.HiredAt); err != nil {
				return err
			}
			o.Rating90d, o.Rating1y = intOf(r90), intOf(r1y)
			if regretted.Valid {
				b := regretted.Int64 == 1
				o.Regretted = &b
			}
			out = append(out, o)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: outcomes: %w", err)
	}
	return out, nil
}

func intOrNull(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func intOf(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

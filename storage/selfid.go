// Voluntary self-identification: per candidate and category the answer
// they gave (migration 0018). Special-category personal data: erased and
// anonymised away with the candidate (candidateData). Who may record or
// read it, and which categories and answers exist, is app/selfid's to
// decide; the fairness report reads it per role with the stage history.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
)

// SelfIDFact is one application of a role as the fairness report needs it:
// where it is, the stages its history says it entered (names as they were
// then), the resume screen's decision ("", advance, reject) and the
// candidate's self-identification (category → answer).
type SelfIDFact struct {
	CandidateID int64
	StageID     int64
	Reached     []string
	Decision    string
	Values      map[string]string
}

const (
	sqlSelfIDCandidate = `SELECT count(*) FROM candidates WHERE id = ?`
	sqlSelfIDPut       = `INSERT INTO self_id (candidate_id, category, value, at) VALUES (?, ?, ?, ?)
		ON CONFLICT (candidate_id, category) DO UPDATE SET value = excluded.value, at = excluded.at`
	sqlSelfIDClear = `DELETE FROM self_id WHERE candidate_id = ? AND category = ?`
	sqlSelfIDOf    = `SELECT category, value FROM self_id WHERE candidate_id = ? ORDER BY category`
)

// One row per application: its stage events and answers as JSON.
var sqlSelfIDRole = spell(func(d dialect) string {
	return `SELECT a.candidate_id, a.stage_id,
		(SELECT ` + d.jsonArray("e.to_stage", "e.id") + ` FROM stage_events e WHERE e.application_id = a.id),
		coalesce((SELECT rs.decision FROM resume_screens rs WHERE rs.application_id = a.id), ''),
		(SELECT ` + d.jsonObject("si.category", "si.value") + ` FROM self_id si WHERE si.candidate_id = a.candidate_id)
		FROM applications a WHERE a.role_id = ? ORDER BY a.id`
})

// SetSelfID records a candidate's answers in one transaction: each category
// given is set to its answer, or cleared when the answer is "". Categories
// not given are left as they are. An unknown candidate is ErrNotFound.
func (s *Store) SetSelfID(ctx context.Context, candidateID int64, answers map[string]string) error {
	return s.write(ctx, func(tx queryer) error {
		var n int
		if err := tx.QueryRowContext(ctx, sqlSelfIDCandidate, candidateID).Scan(&n); err != nil {
			return fmt.Errorf("storage: self-identification of candidate %d: %w", candidateID, err)
		}
		if n == 0 {
			return fmt.Errorf("candidate %d: %w", candidateID, model.ErrNotFound)
		}
		at := s.now()
		for category, value := range answers {
			var err error
			if value == "" {
				_, err = tx.ExecContext(ctx, sqlSelfIDClear, candidateID, category)
			} else {
				_, err = tx.ExecContext(ctx, sqlSelfIDPut, candidateID, category, value, at)
			}
			if err != nil {
				return fmt.Errorf("storage: self-identification of candidate %d: %w", candidateID, err)
			}
		}
		return nil
	})
}

// SelfID returns a candidate's answers (category → answer); an unknown
// candidate is ErrNotFound.
func (s *Store) SelfID(ctx context.Context, candidateID int64) (map[string]string, error) {
	out := map[string]string{}
	err := s.read(ctx, func(tx queryer) error {
		var n int
		if err := tx.QueryRowContext(ctx, sqlSelfIDCandidate, candidateID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("candidate %d: %w", candidateID, model.ErrNotFound)
		}
		rows, err := tx.QueryContext(ctx, sqlSelfIDOf, candidateID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c, v string
			if err := rows.Scan(&c, &v); err != nil {
				return err
			}
			out[c] = v
		}
		return rows.Err()
	})
	// Not found reaches the user as it is; only internal errors say where.
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return nil, fmt.Errorf("storage: self-identification of candidate %d: %w", candidateID, err)
	}
	return out, err
}

// SelfIDFacts returns every application of a role with its stage history,
// screen decision and the candidate's answers, from one read snapshot.
func (s *Store) SelfIDFacts(ctx context.Context, roleID int64) ([]SelfIDFact, error) {
	var out []SelfIDFact
	err := s.read(ctx, func(tx queryer) error {
		rows, err := tx.QueryContext(ctx, sqlSelfIDRole.in(tx), roleID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f SelfIDFact
			var reached string
			var values sql.NullString
			if err := rows.Scan(&f.CandidateID, &f.StageID, &reached, &f.Decision, &values); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(reached), &f.Reached); err != nil {
				return err
			}
			f.Values = map[string]string{}
			if values.Valid && values.String != "" {
				if err := json.Unmarshal([]byte(values.String), &f.Values); err != nil {
					return err
				}
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("storage: fairness facts of role %d: %w", roleID, err)
	}
	return out, nil
}

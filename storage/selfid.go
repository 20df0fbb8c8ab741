// Voluntary self-identification: per candidate and category the answer
// they gave (migration 0018). Special-category personal data: erased and
// anonymised away with the candidate (candidateData). Who may record or
// read it, and which categories and answers exist, is app/selfid's to
// decide; the fairness report reads it per role with the stage history.

package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
)

// The parts of SelfIDCounts.
const (
	PartPeople   = "people"
	PartAnswered = "answered"
	PartScreen   = "screen"
	PartStage    = "stage"
)

// SelfIDClass is how many applications of a role share one class, as the
// fairness report needs them and no finer (migration 0024), each category
// asked on its own ("" is everyone):
//   - Part "people": everyone, by whether they answered any category asked;
//   - Part "answered": one class (N 1) for each category someone answered;
//   - Part "screen": by answer and the resume screen's decision (advance,
//     reject; undecided ones are not counted);
//   - Part "stage": by answer, the furthest active stage reached (its id, 0
//     for none: the stage the application is in, or one whose name its
//     history entered, ignoring case as stage names are unique) and whether
//     it is in the rejected stage now. For a category (not everyone), only
//     what the report's transitions show: at the first active stage only
//     the rejected, at the last one all together (Rejected false), none
//     that reached no active stage, none in a role of one active stage.
//
// Every count per answer can so be worked out from the report itself; on a
// shared workspace these counts are all a recruiter can read.
type SelfIDClass struct {
	Part      string
	Category  string
	Answer    string
	Furthest  int64
	Rejected  bool
	Decision  string
	Responded bool
	N         int
}

// SelfIDScore is one candidate's score (0–100) on one of the report's
// measures (a composite, a question), numbered by the caller.
type SelfIDScore struct {
	CandidateID int64
	Measure     int
	Score       float64
}

// SelfIDSum is one group's scores on one measure: for a category asked, the
// answer ("" for none), how many, their mean and the sum of squared
// deviations from it.
type SelfIDSum struct {
	Measure  int
	Category string
	Answer   string
	N        int
	Mean     float64
	M2       float64
}

const (
	sqlSelfIDCandidate = `SELECT count(*) FROM candidates WHERE id = ?`
	sqlSelfIDClear     = `DELETE FROM self_id WHERE candidate_id = ? AND category = ?`
	sqlSelfIDOf        = `SELECT category, value FROM self_id WHERE candidate_id = ? ORDER BY category`
)

// On a shared workspace a person's answers are written through a function
// and read by nobody (migration 0024); the counts and sums are the server's
// functions, spelled here for SQLite.
var (
	sqlSelfIDPut = spell(func(d dialect) string {
		if d == postgresSQL {
			return `SELECT hb_self_id_put(?, ?, ?, ?)`
		}
		return `INSERT INTO self_id (candidate_id, category, value, at) VALUES (?, ?, ?, ?)
		ON CONFLICT (candidate_id, category) DO UPDATE SET value = excluded.value, at = excluded.at`
	})
	sqlSelfIDCounts = spell(func(d dialect) string {
		if d == postgresSQL {
			return `SELECT part, category, answer, furthest, rejected, decision, responded, n FROM hb_self_id_counts(?, ?::jsonb)`
		}
		return `WITH asked AS (SELECT value AS name FROM json_each(?)),
		apps AS (
			SELECT a.candidate_id,
				coalesce((SELECT s.id FROM stages s WHERE s.role_id = a.role_id AND s.kind = 'active'
					AND (s.id = a.stage_id OR lower(s.name) IN (SELECT lower(e.to_stage) FROM stage_events e WHERE e.application_id = a.id))
					ORDER BY s.position DESC, s.id DESC LIMIT 1), 0) AS furthest,
				EXISTS (SELECT 1 FROM stages s WHERE s.id = a.stage_id AND s.kind = 'rejected') AS rejected,
				coalesce((SELECT rs.decision FROM resume_screens rs WHERE rs.application_id = a.id), '') AS decision,
				EXISTS (SELECT 1 FROM self_id si WHERE si.candidate_id = a.candidate_id
					AND si.category IN (SELECT name FROM asked)) AS responded
			FROM applications a WHERE a.role_id = ?),
		answered AS (
			SELECT c.name AS category, coalesce(si.value, '') AS answer, apps.furthest, apps.rejected, apps.decision
			FROM apps CROSS JOIN asked c
			LEFT JOIN self_id si ON si.candidate_id = apps.candidate_id AND si.category = c.name),
		ends AS (
			SELECT coalesce((SELECT s.id FROM stages s WHERE s.role_id = ? AND s.kind = 'active'
					ORDER BY s.position, s.id LIMIT 1), 0) AS first,
				coalesce((SELECT s.id FROM stages s WHERE s.role_id = ? AND s.kind = 'active'
					ORDER BY s.position DESC, s.id DESC LIMIT 1), 0) AS last)
		SELECT 'people', '', '', 0, 0, '', responded, count(*) FROM apps GROUP BY responded
		UNION ALL
		SELECT 'answered', category, '', 0, 0, '', 0, 1 FROM answered WHERE answer <> '' GROUP BY category
		UNION ALL
		SELECT 'screen', category, answer, 0, 0, decision, 0, count(*) FROM answered WHERE decision <> ''
		GROUP BY category, answer, decision
		UNION ALL
		SELECT 'stage', category, answer, furthest, rejected AND (category = '' OR furthest <> ends.last), '', 0, count(*)
		FROM answered CROSS JOIN ends
		WHERE category = '' OR (furthest <> 0 AND ends.first <> ends.last AND (furthest <> ends.first OR rejected))
		GROUP BY 2, 3, 4, 5
		ORDER BY 1, 2, 3, 4, 5, 6, 7`
	})
	sqlSelfIDMeans = spell(func(d dialect) string {
		if d == postgresSQL {
			return `SELECT measure, category, answer, n, mean, m2 FROM hb_self_id_means(?, ?::jsonb, ?::jsonb)`
		}
		return `WITH asked AS (SELECT value AS name FROM json_each(?)),
		v AS (
			SELECT json_extract(j.value, '$[0]') AS candidate_id, json_extract(j.value, '$[1]') AS measure,
				json_extract(j.value, '$[2]') AS score
			FROM json_each(?) j),
		g AS (
			SELECT v.measure, c.name AS category, coalesce(si.value, '') AS answer, v.score
			FROM v CROSS JOIN asked c
			LEFT JOIN self_id si ON si.candidate_id = v.candidate_id AND si.category = c.name),
		w AS (SELECT g.*, avg(g.score) OVER (PARTITION BY g.measure, g.category, g.answer) AS group_mean FROM g)
		SELECT w.measure, w.category, w.answer, count(*), avg(w.score), sum((w.score - w.group_mean) * (w.score - w.group_mean))
		FROM w GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
	})
)

// SelfIDReadable says whether a person's answers can be read back: not by a
// person's login on a shared workspace, where they leave the server only as
// counts; its owner's login reads them (a subject access export needs them).
func (s *Store) SelfIDReadable(ctx context.Context) (bool, error) {
	person, err := s.asPerson(ctx)
	return err == nil && !person, err
}

// errSelfIDUnread is a person's login asking for a person's answers.
var errSelfIDUnread = fmt.Errorf("on a shared workspace self-identification is never read back, only counted in the role's "+
	"fairness report (hirebench fairness --role ID); record answers with --set: %w", model.ErrConflict)

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
			if value == "" && tx.engine() != postgresSQL { // the server's function clears on ""
				_, err = tx.ExecContext(ctx, sqlSelfIDClear, candidateID, category)
			} else {
				_, err = tx.ExecContext(ctx, sqlSelfIDPut.in(tx), candidateID, category, value, at)
			}
			if err != nil {
				return selfIDRefused(fmt.Sprintf("self-identification of candidate %d", candidateID), err)
			}
		}
		return nil
	})
}

// SelfID returns a candidate's answers (category → answer); an unknown
// candidate is ErrNotFound.
func (s *Store) SelfID(ctx context.Context, candidateID int64) (map[string]string, error) {
	if ok, err := s.SelfIDReadable(ctx); err != nil || !ok {
		return nil, cmp.Or(err, errSelfIDUnread)
	}
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

// SelfIDCounts counts the role's applications (SelfIDClass) for each
// category asked and for everyone (""), from one read snapshot.
func (s *Store) SelfIDCounts(ctx context.Context, roleID int64, categories []string) ([]SelfIDClass, error) {
	asked, err := json.Marshal(append([]string{""}, categories...))
	if err != nil {
		return nil, err
	}
	var out []SelfIDClass
	err = s.read(ctx, func(tx queryer) error {
		out = nil
		args := []any{string(asked), roleID, roleID, roleID}
		if tx.engine() == postgresSQL {
			args = []any{roleID, string(asked)}
		}
		rows, err := tx.QueryContext(ctx, sqlSelfIDCounts.in(tx), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c SelfIDClass
			if err := rows.Scan(&c.Part, &c.Category, &c.Answer, &c.Furthest, &c.Rejected, &c.Decision, &c.Responded, &c.N); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, selfIDRefused(fmt.Sprintf("fairness counts of role %d", roleID), err)
	}
	return out, nil
}

// SelfIDMeans sums the scores by group: for each measure and category
// asked, each answer's (and no answer's) count, mean and sum of squared
// deviations. Scores are one per candidate of the role and measure, from 0
// to 100 (the shared workspace's server refuses others).
func (s *Store) SelfIDMeans(ctx context.Context, roleID int64, categories []string, scores []SelfIDScore) ([]SelfIDSum, error) {
	if len(scores) == 0 || len(categories) == 0 {
		return nil, nil
	}
	asked, err := json.Marshal(categories)
	if err != nil {
		return nil, err
	}
	triples := make([][3]any, len(scores))
	for i, sc := range scores {
		triples[i] = [3]any{sc.CandidateID, sc.Measure, sc.Score}
	}
	sent, err := json.Marshal(triples)
	if err != nil {
		return nil, fmt.Errorf("storage: mean scores of role %d: %w", roleID, err)
	}
	var out []SelfIDSum
	err = s.read(ctx, func(tx queryer) error {
		out = nil
		args := []any{string(asked), string(sent)}
		if tx.engine() == postgresSQL {
			args = []any{roleID, string(asked), string(sent)}
		}
		rows, err := tx.QueryContext(ctx, sqlSelfIDMeans.in(tx), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m SelfIDSum
			if err := rows.Scan(&m.Measure, &m.Category, &m.Answer, &m.N, &m.Mean, &m.M2); err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, selfIDRefused(fmt.Sprintf("mean scores of role %d", roleID), err)
	}
	return out, nil
}

// selfIDRefused says plainly when the server refused a login that is not
// a recruiter's.
func selfIDRefused(what string, err error) error {
	if RefusedByServer(err) {
		return fmt.Errorf("only a recruiter records or counts self-identification: %w", model.ErrConflict)
	}
	return fmt.Errorf("storage: %s: %w", what, err)
}

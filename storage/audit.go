// The privacy audit log (who erased or anonymised which candidate, when, and
// how many rows went; never what they held) and the candidates a retention
// policy makes due for review.

package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// AuditEntry is one candidate erased or anonymised.
type AuditEntry struct {
	ID                 int64
	Action             EraseAction
	Why                string
	CandidateID        int64
	CandidateUID       string // their own uid when erased ("" in rows older than uids)
	Counts             map[string]int
	ActorID            int64
	ActorName          string
	At                 string
	SnapshotsRewritten int
	SnapshotsDropped   int
}

const (
	// A new row (the engine numbers it), and a row carried into a
	// restored copy as it was.
	sqlInsertAudit = `INSERT INTO privacy_audit (action, why, candidate_id, candidate_uid, counts, actor_id, actor_name, at,
		snapshots_rewritten, snapshots_dropped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertAuditAsWas = `INSERT INTO privacy_audit (id, action, why, candidate_id, candidate_uid, counts, actor_id, actor_name, at,
		snapshots_rewritten, snapshots_dropped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlAuditLog = `SELECT id, action, why, candidate_id, candidate_uid, counts, actor_id, actor_name, at, snapshots_rewritten, snapshots_dropped
		FROM privacy_audit ORDER BY id DESC LIMIT ?`
	sqlAuditSnapshots = `UPDATE privacy_audit SET snapshots_rewritten = ?, snapshots_dropped = ? WHERE id = ?`
	sqlAuditIDFree    = `SELECT NOT EXISTS (SELECT 1 FROM privacy_audit WHERE id = ?)`
)

func (t *Tx) insertAudit(a AuditEntry) (int64, error) {
	counts, err := json.Marshal(a.Counts)
	if err != nil {
		return 0, err
	}
	args := []any{a.Action, a.Why, a.CandidateID, a.CandidateUID, string(counts), a.ActorID, a.ActorName, a.At,
		a.SnapshotsRewritten, a.SnapshotsDropped}
	if a.ID != 0 {
		return t.insert("record the erasure", sqlInsertAuditAsWas, append([]any{a.ID}, args...)...)
	}
	return t.insert("record the erasure", sqlInsertAudit, args...)
}

// auditUID is the uid an audit row names candidate id by: their own, "" if
// they have none (the row is then matched by id and creation time).
func (t *Tx) auditUID(id int64) (string, error) {
	uids, err := column[string](t.ctx, t.q, CandidateUIDs.own.in(t.q), id)
	if err != nil || len(uids) == 0 {
		return "", err
	}
	return uids[0], nil
}

// AuditLog returns the latest limit entries, newest first (every one when
// limit < 0).
func (s *Store) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	return auditLog(ctx, s.rd, limit)
}

func auditLog(ctx context.Context, q queryer, limit int) ([]AuditEntry, error) {
	out := []AuditEntry{}
	if limit < 0 { // every one: SQLite reads a negative LIMIT so, PostgreSQL refuses it
		limit = math.MaxInt32
	}
	err := each(ctx, q, sqlAuditLog, []any{limit}, func(sc scanner) error {
		var a AuditEntry
		var counts string
		if err := sc.Scan(&a.ID, &a.Action, &a.Why, &a.CandidateID, &a.CandidateUID, &counts, &a.ActorID, &a.ActorName, &a.At,
			&a.SnapshotsRewritten, &a.SnapshotsDropped); err != nil {
			return err
		}
		out = append(out, a)
		return json.Unmarshal([]byte(counts), &out[len(out)-1].Counts)
	})
	return out, err
}

// RecordSnapshots notes on audit rows how many automatic snapshots were
// rewritten without the people and how many were dropped.
func (s *Store) RecordSnapshots(ctx context.Context, auditIDs []int64, rewritten, dropped int) error {
	return s.write(ctx, func(tx queryer) error {
		for _, id := range auditIDs {
			if _, err := tx.ExecContext(ctx, sqlAuditSnapshots, rewritten, dropped, id); err != nil {
				return fmt.Errorf("storage: record snapshots: %w", err)
			}
		}
		return nil
	})
}

// DueCandidate is a candidate a retention policy makes due: every
// application rejected (withdrawals included) and nothing done since.
type DueCandidate struct {
	ID           int64
	Name         string
	Email        string
	LastActivity string
	Applications []string // "Role: reason" (or the stage's name when no reason)
}

// sqlDue lists candidates, not anonymised, with at least one application
// and all of them in a rejected stage, whose last activity (their row, a
// stage move, a note, a scorecard) is before the cutoff.
var sqlDue = spell(func(d dialect) string {
	return `SELECT id, name, email, last, apps FROM (
	SELECT c.id, c.name, c.email, ` + d.greatest(`c.updated_at`,
		`coalesce((SELECT max(a.entered_stage_at) FROM applications a WHERE a.candidate_id = c.id), '')`,
		`coalesce((SELECT max(n.created_at) FROM notes n WHERE n.candidate_id = c.id), '')`,
		`coalesce((SELECT max(e.at) FROM stage_events e JOIN applications a ON a.id = e.application_id WHERE a.candidate_id = c.id), '')`,
		`coalesce((SELECT max(sc.updated_at) FROM scorecards sc JOIN applications a ON a.id = sc.application_id WHERE a.candidate_id = c.id), '')`) + ` AS last,
	(SELECT ` + d.groupConcat(`r.title || ': ' || CASE a.rejection_reason WHEN '' THEN s.name ELSE a.rejection_reason END`, "31") + `
		FROM applications a JOIN roles r ON r.id = a.role_id JOIN stages s ON s.id = a.stage_id WHERE a.candidate_id = c.id) AS apps
	FROM candidates c
	WHERE c.anonymised_at = ''
		AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id)
		AND NOT EXISTS (SELECT 1 FROM applications a JOIN stages s ON s.id = a.stage_id
			WHERE a.candidate_id = c.id AND s.kind <> 'rejected')
) AS due WHERE last < ? ORDER BY last, id`
})

// DueForRetention lists the candidates whose last activity is before
// cutoff (model.TimeLayout) and whose every application was rejected.
func (s *Store) DueForRetention(ctx context.Context, cutoff string) ([]DueCandidate, error) {
	out := []DueCandidate{}
	err := each(ctx, s.rd, sqlDue.in(s.rd), []any{cutoff}, func(sc scanner) error {
		var d DueCandidate
		var apps string
		if err := sc.Scan(&d.ID, &d.Name, &d.Email, &d.LastActivity, &apps); err != nil {
			return err
		}
		d.Applications = strings.Split(apps, "\x1f")
		out = append(out, d)
		return nil
	})
	return out, err
}

// auditKey is what makes two audit rows the same erasure, wherever they sit.
type auditKey struct {
	action      EraseAction
	why         string
	candidateID int64
	actorID     int64
	actorName   string
	at          string
}

func keyOf(a AuditEntry) auditKey {
	return auditKey{a.Action, a.Why, a.CandidateID, a.ActorID, a.ActorName, a.At}
}

// carryAudit adds to this (copy's) log the rows of log (newest first) it
// lacks, oldest first, under their own ids where those are free; it
// returns how many it added.
func (t *Tx) carryAudit(log []AuditEntry) (int, error) {
	have, err := auditLog(t.ctx, t.q, -1)
	if err != nil {
		return 0, err
	}
	seen := map[auditKey]bool{}
	for _, a := range have {
		seen[keyOf(a)] = true
	}
	added := 0
	for i := len(log) - 1; i >= 0; i-- {
		a := log[i]
		if seen[keyOf(a)] {
			continue
		}
		var free bool
		if err := t.q.QueryRowContext(t.ctx, sqlAuditIDFree, a.ID).Scan(&free); err != nil {
			return 0, fmt.Errorf("storage: carry the audit log: %w", err)
		}
		if !free {
			a.ID = 0
		}
		if _, err := t.insertAudit(a); err != nil {
			return 0, err
		}
		seen[keyOf(a)] = true
		added++
	}
	return added, nil
}

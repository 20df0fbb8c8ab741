// Record uids: identities of candidates, roles and interview rounds that are the
// same on every laptop, which submitted scorecards are bound to. A record gets
// its own uid when it is created (a trigger); a bundle import adopts the uids
// another laptop knows it by.

package storage

import (
	"context"
	"fmt"

	"hirebench/app/scoring"
)

// UIDKind is a kind of record that has uids, with its statements.
type UIDKind struct {
	what             string
	owner, add, drop string
	all, own, of     spelled // in the order the uids were added, the record's own first
}

func uidKind(what, table, column string) UIDKind {
	return UIDKind{what: what,
		all: spell(func(d dialect) string {
			return `SELECT ` + column + `, uid FROM ` + table + ` ORDER BY ` + d.uidOrder("")
		}),
		owner: `SELECT ` + column + ` FROM ` + table + ` WHERE uid = ?`,
		own: spell(func(d dialect) string {
			return `SELECT uid FROM ` + table + ` WHERE ` + column + ` = ? ORDER BY ` + d.uidOrder("") + ` LIMIT 1`
		}),
		of: spell(func(d dialect) string {
			return `SELECT uid FROM ` + table + ` WHERE ` + column + ` = ? ORDER BY ` + d.uidOrder("")
		}),
		add:  `INSERT INTO ` + table + ` (uid, ` + column + `) VALUES (?, ?)`,
		drop: `DELETE FROM ` + table + ` WHERE ` + column + ` = ?`,
	}
}

// The kinds of record that have uids.
var (
	CandidateUIDs = uidKind("candidate", "candidate_uids", "candidate_id")
	RoleUIDs      = uidKind("role", "role_uids", "role_id")
	RoundUIDs     = uidKind("round", "round_uids", "round_id")
)

// UIDs returns every record's uids, its own first.
func (t *Tx) UIDs(k UIDKind) (map[int64][]string, error) {
	out := map[int64][]string{}
	err := each(t.ctx, t.q, k.all.in(t.q), nil, func(sc scanner) error {
		var id int64
		var uid string
		if err := sc.Scan(&id, &uid); err != nil {
			return err
		}
		out[id] = append(out[id], uid)
		return nil
	})
	return out, err
}

// UIDsOf returns one record's uids, its own first.
func (t *Tx) UIDsOf(k UIDKind, id int64) ([]string, error) {
	return column[string](t.ctx, t.q, k.of.in(t.q), id)
}

// WithUID returns the record known by uid, or ErrNotFound.
func (t *Tx) WithUID(k UIDKind, uid string) (int64, error) {
	return t.oneID(k.what+" uid "+uid, k.owner, uid)
}

// AdoptUID records that the record is also known by uid (on another
// laptop). The caller has checked no other record holds it.
func (t *Tx) AdoptUID(k UIDKind, id int64, uid string) error {
	err := t.exec("adopt "+k.what+" uid", k.add, uid, id)
	return err
}

// ReplaceUIDs gives a record just created by this transaction the uids it
// has elsewhere, the first as its own, in place of the one it was given.
func (t *Tx) ReplaceUIDs(k UIDKind, id int64, uids []string) error {
	if _, err := t.q.ExecContext(t.ctx, k.drop, id); err != nil {
		return fmt.Errorf("storage: replace %s uids: %w", k.what, err)
	}
	for _, uid := range uids {
		if err := t.AdoptUID(k, id, uid); err != nil {
			return err
		}
	}
	return nil
}

// ownUID returns a record's own uid, giving it one if it has none (a row
// written by hand, or by a build older than the uids).
func ownUID(ctx context.Context, q queryer, k UIDKind, id int64) (string, error) {
	uids, err := column[string](ctx, q, k.own.in(q), id)
	if err != nil {
		return "", err
	}
	if len(uids) > 0 {
		return uids[0], nil
	}
	uid := NewUID()
	if _, err := q.ExecContext(ctx, k.add, uid, id); err != nil {
		return "", fmt.Errorf("storage: give %s %d a uid: %w", k.what, id, err)
	}
	return uid, nil
}

// bindingOf is the binding a card or amendment written now is sealed with:
// the own uids of its candidate, role and round.
func bindingOf(ctx context.Context, q queryer, c scoring.Scorecard) (scoring.Binding, error) {
	var b scoring.Binding
	var err error
	if b.CandidateUID, err = ownUID(ctx, q, CandidateUIDs, c.CandidateID); err != nil {
		return b, err
	}
	if b.RoleUID, err = ownUID(ctx, q, RoleUIDs, c.RoleID); err != nil {
		return b, err
	}
	b.RoundUID, err = ownUID(ctx, q, RoundUIDs, c.RoundID)
	return b, err
}

// sqlPlaced says whether the binding columns of the row aliased x name the
// card's candidate, role and round (one of their uids each); the query
// joins applications a and scorecards sc. scoring.Verify reads it as Placed.
func sqlPlaced(x string) string {
	return `(EXISTS (SELECT 1 FROM candidate_uids u WHERE u.uid = ` + x + `.candidate_uid AND u.candidate_id = a.candidate_id)
		AND EXISTS (SELECT 1 FROM role_uids u WHERE u.uid = ` + x + `.role_uid AND u.role_id = a.role_id)
		AND EXISTS (SELECT 1 FROM round_uids u WHERE u.uid = ` + x + `.round_uid AND u.round_id = sc.round_id))`
}

// AI budget reservations (migration 0015): a call's worst case held
// against the month's budget from before it is sent until its ledger row
// is written, so calls made at once cannot all pass under the budget. How
// much to hold and whether it fits is the assist service's to decide; this
// file checks and holds it in one transaction.

package storage

import (
	"context"
	"fmt"

	"hirebench/app/model"
)

// AIReservation is money held for calls about to be sent.
type AIReservation struct {
	// Since is when the budget's period began (RFC 3339): the ledger's
	// calls since then count as spent.
	Since string
	// Now and Until (RFC 3339): reservations that lapsed at or before Now
	// (left by a process that stopped) no longer count; this one lapses at
	// Until.
	Now, Until string
	// USD is held once per entry: one reservation per call.
	USD []float64
}

const (
	sqlClearLapsedAI = `DELETE FROM ai_reservations WHERE until <= ?`
	sqlAIReserved    = `SELECT coalesce(sum(usd), 0) FROM ai_reservations WHERE until > ?`
	sqlReserveAI     = `INSERT INTO ai_reservations (usd, until) VALUES (?, ?)`
	sqlReleaseAI     = `DELETE FROM ai_reservations WHERE id = ?`
)

// ReserveAI, in one transaction, clears lapsed reservations, passes allow
// what is committed (the ledger's spend since r.Since plus the live
// reservations), and holds r's reservations only if allow returns nil,
// whose error is returned as is otherwise. It returns their ids, for
// RecordAI (or ReleaseAI) to release.
func (s *Store) ReserveAI(ctx context.Context, r AIReservation, allow func(committedUSD float64) error) ([]int64, error) {
	var now, until, since string
	for _, f := range []struct {
		name string
		in   string
		out  *string
	}{{"now", r.Now, &now}, {"until", r.Until, &until}, {"since", r.Since, &since}} {
		t, err := model.ParseTime(f.in)
		if err != nil {
			return nil, model.Invalid(f.name, "the %s of an AI budget reservation must be RFC 3339, not %q", f.name, f.in)
		}
		*f.out = t
	}
	var ids []int64
	err := s.write(ctx, func(tx queryer) error {
		ids = nil // afresh when the server runs the write again (writeTx)
		if _, err := tx.ExecContext(ctx, sqlClearLapsedAI, now); err != nil {
			return fmt.Errorf("storage: clear lapsed AI reservations: %w", err)
		}
		var spent, held float64
		if err := tx.QueryRowContext(ctx, sqlAISpentSince, since).Scan(&spent); err != nil {
			return fmt.Errorf("storage: read AI spend: %w", err)
		}
		if err := tx.QueryRowContext(ctx, sqlAIReserved, now).Scan(&held); err != nil {
			return fmt.Errorf("storage: read AI reservations: %w", err)
		}
		if err := allow(spent + held); err != nil {
			return err
		}
		for _, usd := range r.USD {
			id, err := insertID(ctx, tx, sqlReserveAI, usd, until)
			if err != nil {
				return fmt.Errorf("storage: reserve AI budget: %w", err)
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// ReleaseAI drops reservations whose calls were not sent after all.
func (s *Store) ReleaseAI(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return s.write(ctx, func(tx queryer) error { return releaseAI(ctx, tx, ids) })
}

func releaseAI(ctx context.Context, tx queryer, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, sqlReleaseAI, id); err != nil {
			return fmt.Errorf("storage: release AI reservation %d: %w", id, err)
		}
	}
	return nil
}

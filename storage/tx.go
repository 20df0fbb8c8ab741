// Tx: one transaction a service runs across several entities (the bundle
// export and import); the per-entity methods sit in each entity's file.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hirebench/app/model"
)

// Tx is one transaction handed to a service: Write's commits everything or
// nothing, Read's sees one consistent snapshot (and refuses writes). Its
// methods live beside the SQL of their entity and reuse the same
// statements as the Store's own methods, so each INSERT is written once.
// Rules (what matches what, what wins) stay in the service; Tx only reads
// and writes rows. A Tx must not be kept after fn returns.
type Tx struct {
	ctx context.Context // the transaction's: sql.Tx is bound to it too
	tx  *sql.Tx
	now string
}

// Write runs fn in one immediate transaction on the writer connection. An
// error from fn rolls everything back.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		return fn(&Tx{ctx: ctx, tx: tx, now: s.now()})
	})
}

// Read runs fn in a read transaction, so every query sees the same state.
func (s *Store) Read(ctx context.Context, fn func(tx *Tx) error) error {
	return s.read(ctx, func(tx *sql.Tx) error {
		return fn(&Tx{ctx: ctx, tx: tx, now: s.now()})
	})
}

// Now is the time this transaction stamps its writes with, taken once when
// it began, so one import writes one time throughout.
func (t *Tx) Now() string { return t.now }

// insert runs an INSERT and returns the new row's id.
func (t *Tx) insert(what, query string, args ...any) (int64, error) {
	res, err := t.tx.ExecContext(t.ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("storage: %s: %w", what, err)
	}
	return res.LastInsertId()
}

// ids runs a query returning one id per row.
func (t *Tx) ids(query string, args ...any) ([]int64, error) {
	return int64s(t.ctx, t.tx, query, args...)
}

// oneID runs a query returning at most one id; none is model.ErrNotFound.
func (t *Tx) oneID(what, query string, args ...any) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(t.ctx, query, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFoundAs(what)
	}
	if err != nil {
		return 0, fmt.Errorf("storage: %s: %w", what, err)
	}
	return id, nil
}

// notFoundAs is model.ErrNotFound for a lookup by something other than an id.
func notFoundAs(what string) error { return fmt.Errorf("%s: %w", what, model.ErrNotFound) }

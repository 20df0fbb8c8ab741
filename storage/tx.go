// Tx: one transaction a service runs across several entities (the bundle
// export and import, a candidate-file import); the per-entity methods sit in
// each entity's file.

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
	tx  bound           // the transaction, its statements rebound for its engine
	q   *stmts          // runs every query of the methods, each prepared once
	now string
}

func newTx(ctx context.Context, tx *sql.Tx, d dialect, now string) *Tx {
	return &Tx{ctx: ctx, tx: bind(tx, d), q: &stmts{tx: tx, d: d, cache: map[string]*sql.Stmt{}}, now: now}
}

// Write runs fn in one immediate transaction on the writer connection. An
// error from fn rolls everything back. On a shared workspace fn may run
// again from the start (the server broke a deadlock; see writeTx): it must
// change nothing but through tx, and set what it returns afresh each run.
func (s *Store) Write(ctx context.Context, fn func(tx *Tx) error) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		return fn(newTx(ctx, tx, s.d, s.now()))
	})
}

// Read runs fn in a read transaction, so every query sees the same state.
func (s *Store) Read(ctx context.Context, fn func(tx *Tx) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		return fn(newTx(ctx, tx, s.d, s.now()))
	})
}

// Now is the time this transaction stamps its writes with, taken once when
// it began, so one import writes one time throughout.
func (t *Tx) Now() string { return t.now }

// insert runs an INSERT and returns the new row's id.
func (t *Tx) insert(what, query string, args ...any) (int64, error) {
	id, err := insertID(t.ctx, t.q, query, args...)
	if err != nil {
		return 0, fmt.Errorf("storage: %s: %w", what, err)
	}
	return id, nil
}

// exec runs a statement whose new row's id is not needed (some tables,
// the uid ones, have none).
func (t *Tx) exec(what, query string, args ...any) error {
	if _, err := t.q.ExecContext(t.ctx, query, args...); err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	}
	return nil
}

// ids runs a query returning one id per row.
func (t *Tx) ids(query string, args ...any) ([]int64, error) {
	return int64s(t.ctx, t.q, query, args...)
}

// oneID runs a query returning at most one id; none is model.ErrNotFound.
func (t *Tx) oneID(what, query string, args ...any) (int64, error) {
	var id int64
	err := t.q.QueryRowContext(t.ctx, query, args...).Scan(&id)
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

// stmts is the queryer of a Tx: it prepares each statement once per
// transaction, since parsing the same SQL again for every row of a
// 50,000-row import would cost half its time. Queries must be constants
// (the cache holds one statement per distinct text), and a query's rows must
// be read or closed before the same query runs again (one statement is one
// SQLite handle); the statements close with the transaction.
type stmts struct {
	tx    *sql.Tx
	d     dialect
	cache map[string]*sql.Stmt
}

func (q *stmts) engine() dialect { return q.d }

func (q *stmts) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := q.cache[query]; ok {
		return st, nil
	}
	st, err := q.tx.PrepareContext(ctx, q.d.rebind(query))
	if err != nil {
		return nil, fmt.Errorf("storage: prepare: %w", err)
	}
	q.cache[query] = st
	return st, nil
}

func (q *stmts) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, q.d.args(args)...)
}

func (q *stmts) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return q.tx.QueryRowContext(ctx, q.d.rebind(query), q.d.args(args)...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, q.d.args(args)...)
}

func (q *stmts) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, q.d.args(args)...)
}

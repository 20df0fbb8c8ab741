// Package storage keeps the workspace in one SQLite file: one writer
// connection taking immediate transactions, a read-only pool beside it, WAL,
// foreign keys on and synchronous=FULL so a committed write survives a crash.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"hirebench/app/model"

	_ "modernc.org/sqlite"
)

// Store is the workspace database.
type Store struct {
	path string
	w    *sql.DB // exactly one connection: SQLite allows one writer at a time
	r    *sql.DB
	// clock stamps every write (WithClock, Clocked); the wall clock by default.
	clock func() time.Time
}

// Option configures Open.
type Option func(*Store)

// WithClock stamps writes with now instead of the wall clock (tests).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.clock = now } }

// Now is the time the store stamps writes with.
func (s *Store) Now() time.Time { return s.clock() }

// Clocked is the same workspace seen through another clock: it shares the
// connections (close the original, not this one). The demo seeder writes
// six weeks of history through one.
func (s *Store) Clocked(now func() time.Time) *Store {
	c := *s
	c.clock = now
	return &c
}

const busyTimeoutMS = 5000

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range []string{
		"foreign_keys(1)",
		"journal_mode(WAL)",
		fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS),
		"synchronous(FULL)",
	} {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the workspace database at path and brings
// its schema up to date. A database written by a newer hirebench is refused
// untouched.
func Open(path string, opts ...Option) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("storage: cannot create workspace folder: %w", err)
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: path, w: w, clock: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	_ = os.Chmod(path, 0o600) // candidate data: readable by this user only
	if err := migrate(context.Background(), w); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("storage: open read pool: %w", err)
	}
	r.SetMaxOpenConns(4)
	s.r = r
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL and closes both pools.
func (s *Store) Close() error {
	_, _ = s.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return errors.Join(s.r.Close(), s.w.Close())
}

func (s *Store) now() string { return s.Now().UTC().Format(model.TimeLayout) }

// write runs fn in one immediate transaction: everything or nothing is saved.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: commit: %w", err)
	}
	return nil
}

// read runs fn in a read transaction so multi-query views are consistent.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("storage: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// readValue runs fn in a read transaction and returns what it read.
func readValue[T any](ctx context.Context, s *Store, fn func(tx *sql.Tx) (T, error)) (T, error) {
	var out T
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	return out, err
}

// queryer is what both *sql.Tx and *sql.DB offer.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func notFound(what string, id int64) error {
	return fmt.Errorf("%s %d: %w", what, id, model.ErrNotFound)
}

// Package storage keeps the workspace in one SQLite file: one writer
// connection taking immediate transactions, a read-only pool beside it, WAL,
// foreign keys on and synchronous=FULL so a committed write survives a crash.
// A team's workspace can live in PostgreSQL instead (OpenPostgres): the same
// statements, rebound for it (dialect.go).
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"time"

	"hirebench/app/model"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is the workspace database.
type Store struct {
	path string
	w    *sql.DB // exactly one connection: SQLite allows one writer at a time
	r    *sql.DB
	d    dialect // the engine's SQL (dialect.go)
	rd   bound   // r, its statements rebound for d
	// clock stamps every write (WithClock, Clocked); the wall clock by default.
	clock func() time.Time
	pg    *pgConfig // PostgreSQL: how Listen opens its own connection (notify.go)
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
		// Every byte the writer frees (an old version of a cell, a merged
		// search segment, a dropped table) is zeroed, so an erasure needs
		// to clear free space only once (see scrub.go).
		q.Add("_pragma", "secure_delete(1)")
		q.Set("_txlock", "immediate")
	}
	return fileURI(path) + "?" + q.Encode()
}

// fileURI is path as an SQLite URI, so '?' or '#' in a folder name stay
// part of the path.
func fileURI(path string) string { return "file:" + (&url.URL{Path: path}).EscapedPath() }

// Open opens (creating if needed) the workspace database at path and brings
// its schema up to date. A file it will not use is refused untouched (see
// prepare): read-only, another program's database, or written by a newer
// hirebench. Only modes of what this user owns are ever tightened.
func Open(path string, opts ...Option) (*Store, error) {
	p, err := prepare(path)
	if err != nil {
		return nil, err
	}
	if err := p.apply(); err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", filepath.Base(path), err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: path, w: w, clock: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("storage: open %s: %w", filepath.Base(path), err)
	}
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
	s.r, s.rd = r, bind(r, sqliteSQL)
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL and closes both pools. The checkpoint does not
// wait: while another process writes it is left to the last one to close,
// rather than holding this one up for the busy timeout.
func (s *Store) Close() error {
	if s.d == sqliteSQL {
		_, _ = s.w.Exec(`PRAGMA busy_timeout = 0`)
		_, _ = s.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	return errors.Join(s.r.Close(), s.w.Close())
}

func (s *Store) now() string { return s.Now().UTC().Format(model.TimeLayout) }

// write runs fn in one immediate transaction: everything or nothing is saved.
func (s *Store) write(ctx context.Context, fn func(tx queryer) error) error {
	return s.writeTx(ctx, func(tx *sql.Tx) error { return fn(bind(tx, s.d)) })
}

// writeTx is write with the transaction as it is, for a Tx to bind. On a
// shared workspace the server may abort it to break a deadlock with another
// app's (two people dragging cards between the same two stages, in opposite
// directions, lock the stages' counts in opposite order): it is run again
// from the start, so fn must set what it returns afresh each time.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.writeOnce(ctx, fn)
		if err == nil || attempt == maxWriteAttempts || !runAgain(err) {
			return err
		}
		// A random pause, so the two do not meet again at once.
		select {
		case <-time.After(time.Duration(attempt) * time.Duration(5+rand.IntN(20)) * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// maxWriteAttempts bounds the runs of one write the server keeps aborting.
const maxWriteAttempts = 5

// runAgain is PostgreSQL aborting a transaction for another's sake: a
// deadlock broken, or a serialisation failure. Nothing of it was saved.
func runAgain(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

func (s *Store) writeOnce(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := beginWrite(ctx, s.w)
	if err != nil {
		return err
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

// maxWriteWait is how long a write waits for another process's transaction
// to end, a long import in a second window say; SQLite's own wait
// (busy_timeout) is shorter, so beginWrite asks again until then.
const maxWriteWait = 3 * time.Minute

// ErrStillSaving is a write that waited maxWriteWait for another hirebench
// (a window or a command) to finish saving to the same workspace; a
// conflict, so the window shows its sentence.
var ErrStillSaving = fmt.Errorf("another hirebench has been saving to this workspace for minutes (a large import?); nothing was saved, try again when it has finished: %w", model.ErrConflict)

// beginWrite begins an immediate transaction on a writer connection,
// waiting as long as another process keeps the workspace's one write lock
// (up to maxWriteWait), so the user never reads SQLite's lock error.
func beginWrite(ctx context.Context, db beginner) (*sql.Tx, error) {
	return beginWriteWithin(ctx, db, maxWriteWait)
}

// beginner is a writer pool or one of its connections.
type beginner interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}

func beginWriteWithin(ctx context.Context, db beginner, wait time.Duration) (*sql.Tx, error) {
	deadline := time.Now().Add(wait)
	for {
		tx, err := db.BeginTx(ctx, nil)
		switch {
		case err == nil:
			return tx, nil
		case !isBusy(err):
			return nil, fmt.Errorf("storage: begin: %w", err)
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case time.Now().After(deadline):
			return nil, ErrStillSaving
		}
	}
}

// isBusy is SQLite's SQLITE_BUSY, in any of its extended forms.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// read runs fn in a read transaction so multi-query views are consistent.
func (s *Store) read(ctx context.Context, fn func(tx queryer) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error { return fn(bind(tx, s.d)) })
}

// readTx is read with the transaction as it is, for a Tx to bind.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, s.d.readOptions())
	if err != nil {
		return fmt.Errorf("storage: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// readValue runs fn in a read transaction and returns what it read.
func readValue[T any](ctx context.Context, s *Store, fn func(tx queryer) (T, error)) (T, error) {
	var out T
	err := s.read(ctx, func(tx queryer) error {
		var err error
		out, err = fn(tx)
		return err
	})
	return out, err
}

func notFound(what string, id int64) error {
	return fmt.Errorf("%s %d: %w", what, id, model.ErrNotFound)
}

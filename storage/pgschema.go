// The PostgreSQL schema (team mode, issue 15): migrations numbered and named
// in step with SQLite's (storage/migrations/postgres/NNNN_name.sql, one per
// SQLite migration), applied in order, each in its own transaction, and
// recorded in the same schema_version table.

package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed migrations/postgres/*.sql
var pgMigrationFS embed.FS

// pgMigrationLock is the advisory lock two apps initialising one server at
// once take in turn ("HIRB" as a number, like SQLite's application_id).
const pgMigrationLock = applicationID

// pgMigrations are the PostgreSQL migrations, checked to pair one to one
// with SQLite's: same number, same file name.
func pgMigrations() ([]migration, error) {
	lite, err := migrations()
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(pgMigrationFS, "migrations/postgres")
	if err != nil {
		return nil, err
	}
	if len(entries) != len(lite) {
		return nil, fmt.Errorf("storage: %d PostgreSQL migrations for %d SQLite ones", len(entries), len(lite))
	}
	out := make([]migration, len(lite))
	for i, e := range entries { // ReadDir sorts by name
		if e.Name() != lite[i].name {
			return nil, fmt.Errorf("storage: PostgreSQL migration %s is out of step with SQLite's %s", e.Name(), lite[i].name)
		}
		b, err := pgMigrationFS.ReadFile("migrations/postgres/" + e.Name())
		if err != nil {
			return nil, err
		}
		out[i] = migration{version: lite[i].version, name: e.Name(), sql: string(b)}
	}
	return out, nil
}

// pgMigrateTo applies pending PostgreSQL migrations up to target (-1: all),
// each in its own transaction under an advisory lock, so two apps starting
// on an empty server do not both apply one.
func pgMigrateTo(ctx context.Context, db *sql.DB, target int) error {
	ms, err := pgMigrations()
	if err != nil {
		return err
	}
	if target < 0 {
		target = len(ms)
	}
	// Up to date: nothing to create or lock. A person's login (team mode)
	// may read the schema but not change it, so it must not try.
	if current, err := pgSchemaVersion(ctx, db); err != nil {
		return err
	} else if current > len(ms) {
		return &ErrNewerSchema{Found: current, Known: len(ms)}
	} else if current >= target {
		return nil
	}
	for applied := 0; ; applied++ {
		done, err := pgMigrateOne(ctx, db, ms, target)
		if err != nil {
			return pgMigrateError(err, len(ms))
		}
		if done {
			if applied > 0 {
				return regrantTeam(ctx, db) // new tables are the people's too
			}
			return nil
		}
	}
}

// pgSchemaVersion is the workspace's schema version without writing
// anything (0: an empty database).
func pgSchemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var current int
	err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table: nothing migrated yet
		return 0, nil
	}
	if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege
		return 0, errors.New("storage: this login has no access to the shared workspace; its owner adds people with `hirebench --db URL people add`")
	}
	if err != nil {
		return 0, fmt.Errorf("storage: read schema version: %w", err)
	}
	return current, nil
}

// pgMigrateError says plainly that a person's login cannot bring the shared
// workspace up to date; its owner can.
func pgMigrateError(err error, want int) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege
		return fmt.Errorf("storage: this shared workspace's schema is older than this app's (%d); its owner runs `hirebench --db URL init` to bring it up to date", want)
	}
	return err
}

// pgMigrateOne applies the next pending migration, if any is due.
func pgMigrateOne(ctx context.Context, db *sql.DB, ms []migration, target int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, pgMigrationLock); err != nil {
		return false, fmt.Errorf("storage: wait for the schema lock: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version bigint PRIMARY KEY,
		name text NOT NULL,
		applied_at text NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
	)`); err != nil {
		return false, fmt.Errorf("storage: create schema_version: %w", err)
	}
	// SQLite's NOCASE as a PostgreSQL collation, so statements compare and
	// sort names ignoring case as written for SQLite (COLLATE NOCASE); ICU
	// folds every letter's case where SQLite folds ASCII only.
	if _, err := tx.ExecContext(ctx, `CREATE COLLATION IF NOT EXISTS nocase
		(provider = icu, locale = 'und-u-ks-level2', deterministic = false)`); err != nil {
		return false, fmt.Errorf("storage: create the nocase collation: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return false, fmt.Errorf("storage: read schema version: %w", err)
	}
	if current > len(ms) {
		return false, &ErrNewerSchema{Found: current, Known: len(ms)}
	}
	if current >= target {
		return true, nil
	}
	m := ms[current]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("storage: PostgreSQL migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
		return false, fmt.Errorf("storage: record migration %s: %w", m.name, err)
	}
	return false, tx.Commit()
}

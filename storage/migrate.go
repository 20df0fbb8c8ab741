// Applies the embedded SQL migrations in one transaction, and refuses a workspace
// written by a newer schema.

package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded files NNNN_name.sql, in order. Append only:
// a shipped migration is never edited.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("storage: migration %q is not named NNNN_name.sql", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("storage: migrations must be numbered 1..n without gaps; %s is out of place", m.name)
		}
	}
	return out, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err)
	}
	return len(ms)
}

// ErrNewerSchema means the file was written by a newer hirebench.
type ErrNewerSchema struct{ Found, Known int }

func (e *ErrNewerSchema) Error() string {
	return fmt.Sprintf("this workspace was written by a newer hirebench (schema %d; this build knows up to %d): update hirebench to open it; the file was not changed", e.Found, e.Known)
}

func migrate(ctx context.Context, db *sql.DB) error {
	return migrateTo(ctx, db, -1)
}

// migrateTo applies pending migrations up to target (-1: all) in one
// transaction, so a failed upgrade leaves the previous schema intact. An
// up-to-date workspace is only read: opening takes no write lock.
func migrateTo(ctx context.Context, db *sql.DB, target int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if target < 0 {
		target = len(ms)
	}
	var current, id int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(version), 0) FROM schema_version), (SELECT application_id FROM pragma_application_id)`).Scan(&current, &id); err == nil {
		if current > len(ms) {
			return &ErrNewerSchema{Found: current, Known: len(ms)}
		}
		if current == target && id == applicationID {
			return nil
		}
	}
	tx, err := beginWrite(ctx, db)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
	)`); err != nil {
		return fmt.Errorf("storage: this file is not a hirebench workspace (or is damaged): %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return fmt.Errorf("storage: read schema version: %w", err)
	}
	if current > len(ms) {
		return &ErrNewerSchema{Found: current, Known: len(ms)}
	}
	for _, m := range ms[current:target] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("storage: migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version, name) VALUES (?, ?)`, m.version, m.name); err != nil {
			return fmt.Errorf("storage: record migration %s: %w", m.name, err)
		}
	}
	// In the same transaction as the schema, so a workspace is marked
	// exactly when it holds one.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
		return fmt.Errorf("storage: mark the workspace: %w", err)
	}
	return tx.Commit()
}

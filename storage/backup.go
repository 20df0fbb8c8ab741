// Copies of the workspace and putting one back: a consistent copy taken on a
// read-only connection (VACUUM INTO), the checks a file passes before it may
// replace the workspace, and the replacement itself in one transaction.

package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"modernc.org/sqlite"
)

// Why a file cannot replace the workspace (InspectFile); the newer-schema
// case is *ErrNewerSchema.
var (
	ErrNotSQLite    = errors.New("not a database file")
	ErrNotWorkspace = errors.New("a database, but not a hirebench workspace")
	ErrDamaged      = errors.New("damaged: the database's integrity check failed")
)

// sqliteHeader opens every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// FileFacts is what InspectFile learnt about a workspace file.
type FileFacts struct {
	Schema int // its schema version; below SchemaVersion() it is upgraded on restore
	Counts
}

// Counts say how much a workspace holds, so a restore can say what it replaces with what.
type Counts struct {
	Candidates int `json:"candidates"`
	Roles      int `json:"roles"`
}

// sqlCounts holds since the first schema.
const sqlCounts = `SELECT (SELECT count(*) FROM candidates), (SELECT count(*) FROM roles)`

// Counts counts what the workspace holds.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	if err := s.r.QueryRowContext(ctx, sqlCounts).Scan(&c.Candidates, &c.Roles); err != nil {
		return c, fmt.Errorf("storage: count: %w", err)
	}
	return c, nil
}

// roDSN opens path read-only. immutable: a file nobody else writes (a backup,
// a staged copy) is read without locks, without -wal/-shm files, and so
// without touching it or its folder.
func roDSN(path string, immutable bool) string {
	q := url.Values{}
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	return fileURI(path) + "?" + q.Encode()
}

// InspectFile checks, without changing it, that path is a hirebench
// workspace this build can open: an SQLite file (ErrNotSQLite), whole
// (integrity and foreign keys; ErrDamaged), with the workspace's tables
// (ErrNotWorkspace) and a schema no newer than this build's
// (*ErrNewerSchema). The file must not be written meanwhile.
func InspectFile(ctx context.Context, path string) (FileFacts, error) {
	var facts FileFacts
	f, err := os.Open(path)
	if err != nil {
		return facts, err
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return facts, ErrNotSQLite
	}
	db, err := sql.Open("sqlite", roDSN(path, true))
	if err != nil {
		return facts, fmt.Errorf("storage: inspect: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := checkIntegrity(ctx, db); err != nil {
		return facts, err
	}
	// Whose file it is, and how new, is the rule Open applies (inspect).
	var refused *RefusedError
	if err := inspect(path); errors.As(err, &refused) {
		return facts, ErrNotWorkspace
	} else if err != nil {
		return facts, err
	}
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&facts.Schema); err != nil || facts.Schema == 0 {
		return facts, ErrNotWorkspace // an empty database is not a workspace to restore
	}
	if known := SchemaVersion(); facts.Schema > known {
		return facts, &ErrNewerSchema{Found: facts.Schema, Known: known}
	}
	if err := db.QueryRowContext(ctx, sqlCounts).Scan(&facts.Candidates, &facts.Roles); err != nil {
		return facts, damaged(err)
	}
	return facts, nil
}

// checkIntegrity runs integrity_check and foreign_key_check: either finding
// anything is ErrDamaged. integrity_check proves the structure whole (pages,
// b-trees, indexes against their rows), not that every byte of text is the
// one written.
func checkIntegrity(ctx context.Context, db *sql.DB) error {
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&res); err != nil {
		return damaged(err)
	}
	if res != "ok" {
		return ErrDamaged
	}
	rows, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return damaged(err)
	}
	defer rows.Close()
	if rows.Next() {
		return ErrDamaged
	}
	if err := rows.Err(); err != nil {
		return damaged(err)
	}
	return nil
}

// damaged is ErrDamaged for what SQLite says of a broken file, else err.
func damaged(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	for _, s := range []string{"malformed", "not a database", "corrupt", "no such table", "no such column"} {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w (%s)", ErrDamaged, s)
		}
	}
	return fmt.Errorf("storage: inspect: %w", err)
}

// UpgradeFile brings a workspace file that InspectFile accepted up to this
// build's schema, in one transaction, without switching it to WAL. It is for
// a copy about to replace the workspace (ReplaceFrom).
func UpgradeFile(ctx context.Context, path string) error {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "secure_delete(1)") // as the writer: a migration's dropped table is zeroed
	db, err := sql.Open("sqlite", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("storage: upgrade: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return migrate(ctx, db)
}

// Copier is a read-only connection of the backups' own: VACUUM INTO needs a
// connection that is not query_only, and PRAGMA data_version only means
// "someone wrote" when asked of the same connection each time.
type Copier struct {
	db   *sql.DB
	conn *sql.Conn
}

// NewCopier opens the workspace once more, read-only. Close it when done.
func (s *Store) NewCopier(ctx context.Context) (*Copier, error) {
	db, err := sql.Open("sqlite", roDSN(s.path, false))
	if err != nil {
		return nil, fmt.Errorf("storage: open copier: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("storage: open copier: %w", err)
	}
	return &Copier{db: db, conn: conn}, nil
}

// Close closes the copier's connection.
func (c *Copier) Close() error { return errors.Join(c.conn.Close(), c.db.Close()) }

// DataVersion changes whenever another connection (this process's writer,
// another hirebench) has committed since the last call.
func (c *Copier) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := c.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("storage: data version: %w", err)
	}
	return v, nil
}

// VacuumInto writes a compact copy of the workspace as of one moment to
// path, which must not exist or be empty. Writers carry on meanwhile (WAL):
// the copy holds what was committed when it began, nothing after. It is not
// synced: the caller syncs it before relying on it.
func (c *Copier) VacuumInto(ctx context.Context, path string) error {
	if _, err := c.conn.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("storage: copy the workspace: %w", err)
	}
	return nil
}

// restoreStep is how many pages ReplaceFrom copies per step (-1: all in
// one); betweenSteps runs after each step. Tests set both to stop a restore
// halfway.
var (
	restoreStep  int32 = -1
	betweenSteps       = func(copied, total int) error { return nil }
)

// ErrPageSize: the file's page size differs from the workspace's, which the
// online backup cannot change on a WAL database.
var ErrPageSize = errors.New("made with another page size")

// ReplaceFrom makes the workspace a copy of the workspace file at path
// (checked with InspectFile and brought up to date with UpgradeFile first),
// page by page, in one transaction on the writer connection: a crash or an
// error midway leaves the workspace as it was; other connections see the old
// content until it commits and the new one after, so nothing needs reopening.
func (s *Store) ReplaceFrom(ctx context.Context, path string) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("storage: restore: %w", err)
	}
	defer conn.Close()
	var mine, theirs int
	if err := conn.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&mine); err != nil {
		return fmt.Errorf("storage: restore: %w", err)
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("storage: restore: the driver has no online backup")
		}
		b, err := r.NewRestore(roDSN(path, true))
		if err != nil {
			return fmt.Errorf("storage: restore: %w", err)
		}
		more := true
		for more && err == nil {
			if more, err = b.Step(restoreStep); err == nil && more {
				err = betweenSteps(b.PageCount()-b.Remaining(), b.PageCount())
			}
		}
		// Finish without the last step done rolls the destination back.
		if ferr := b.Finish(); err == nil {
			err = ferr
		}
		return err
	})
	if err != nil {
		if db, oerr := sql.Open("sqlite", roDSN(path, true)); oerr == nil {
			_ = db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&theirs)
			db.Close()
		}
		if theirs != 0 && theirs != mine {
			return ErrPageSize
		}
		return fmt.Errorf("storage: restore: %w", err)
	}
	return nil
}

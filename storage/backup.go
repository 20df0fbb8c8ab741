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
	if err := s.rd.QueryRowContext(ctx, sqlCounts).Scan(&c.Candidates, &c.Roles); err != nil {
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
	if err := s.onlySQLite("backup"); err != nil {
		return nil, err
	}
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
	if err := s.onlySQLite("restore"); err != nil {
		return err
	}
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

// ErasedAgain counts the people a copy of the workspace still holds whom
// this workspace's audit log records as erased or anonymised since.
type ErasedAgain struct {
	Erased     int `json:"erased"`
	Anonymised int `json:"anonymised"`
}

// The schemas that brought what matching a person in a copy relies on:
// candidates' uids (0006; a copy made before gets new ones as it is
// upgraded, which no audit row names) and anonymised_at (0005).
const (
	uidsSince       = 6
	anonymisedSince = 5
)

// sqlSameRow finds an audit row's candidate by id among those created by
// then (rows written before uids; ids are reused only after a delete).
const sqlSameRow = `SELECT id FROM candidates WHERE id = ? AND created_at <= ?`

// ErasedIn says how many of the people this workspace's audit log records
// as erased or anonymised the workspace copy at path (checked by
// InspectFile, made with schema madeAt, not upgraded yet) still holds:
// restoring it as it is would bring them back. The copy is only read.
func (s *Store) ErasedIn(ctx context.Context, path string, madeAt int) (ErasedAgain, error) {
	if err := s.onlySQLite("reading a workspace copy"); err != nil {
		return ErasedAgain{}, err
	}
	log, err := s.AuditLog(ctx, -1)
	if err != nil || len(log) == 0 {
		return ErasedAgain{}, err
	}
	db, err := sql.Open("sqlite", roDSN(path, true))
	if err != nil {
		return ErasedAgain{}, fmt.Errorf("storage: read a copy: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	targets, err := erasedIn(ctx, bind(db, sqliteSQL), log, madeAt, madeAt >= anonymisedSince)
	return tally(targets), err
}

// EraseAgainIn makes a workspace copy about to replace the workspace (path,
// checked and upgraded to this schema; made with schema madeAt) keep what
// this workspace's audit log promised: in one transaction it adds the log's
// rows the copy lacks, and erases or anonymises again everyone they record
// that the copy still holds (no new audit rows: the carried ones say it);
// then VACUUM rewrites the copy so no free page keeps them. A copy the log
// adds nothing to is left untouched. On an error the copy may still hold
// them: the caller drops it.
func (s *Store) EraseAgainIn(ctx context.Context, path string, madeAt int) (ErasedAgain, error) {
	if err := s.onlySQLite("erasing in a workspace copy"); err != nil {
		return ErasedAgain{}, err
	}
	log, err := s.AuditLog(ctx, -1)
	if err != nil || len(log) == 0 {
		return ErasedAgain{}, err
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "secure_delete(1)")
	db, err := sql.Open("sqlite", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return ErasedAgain{}, fmt.Errorf("storage: open a copy: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return ErasedAgain{}, fmt.Errorf("storage: open a copy: %w", err)
	}
	defer conn.Close()
	targets, changed, err := eraseAgainOn(ctx, conn, s.now(), log, madeAt)
	if err != nil || !changed {
		return ErasedAgain{}, err
	}
	if len(targets) > 0 {
		if _, err := conn.ExecContext(ctx, `VACUUM`); err != nil {
			return ErasedAgain{}, fmt.Errorf("storage: rewrite a copy: %w", err)
		}
	}
	return tally(targets), truncateWAL(ctx, conn)
}

// eraseAgainOn is EraseAgainIn's transaction; changed is false when it had
// nothing to do (and committed nothing).
func eraseAgainOn(ctx context.Context, conn *sql.Conn, now string, log []AuditEntry, madeAt int) ([]reErasure, bool, error) {
	sqlTx, err := beginWrite(ctx, conn)
	if err != nil {
		return nil, false, err
	}
	defer sqlTx.Rollback()
	t := newTx(ctx, sqlTx, sqliteSQL, now)
	added, err := t.carryAudit(log)
	if err != nil {
		return nil, false, err
	}
	targets, err := erasedIn(ctx, t.q, log, madeAt, true)
	if err != nil {
		return nil, false, err
	}
	for _, tg := range targets {
		if _, err := t.eraseOne(tg.id, Erasure{Action: tg.action, again: true}); err != nil {
			return nil, false, err
		}
	}
	if len(targets) > 0 {
		if _, err := t.q.ExecContext(ctx, sqlOptimizeSearch); err != nil {
			return nil, false, fmt.Errorf("storage: erase: rewrite the search index: %w", err)
		}
	}
	if added == 0 && len(targets) == 0 {
		return nil, false, nil
	}
	if err := sqlTx.Commit(); err != nil {
		return nil, false, fmt.Errorf("storage: erase again: commit: %w", err)
	}
	return targets, true, nil
}

// reErasure is a candidate of a copy to erase or anonymise again.
type reErasure struct {
	id     int64
	action EraseAction
}

// erasedIn finds, in a copy of the workspace, the people the workspace's
// audit log (newest first) records, oldest row first: by the uid a row
// names when the copy's uids are the workspace's own (made with schema
// madeAt ≥ uidsSince), else by id among those created by the row's time;
// a row that finds no one reaches whom an earlier row about the same id
// found (anonymising gives a person a new uid, which a later erasure
// names). Erasing wins over anonymising; someone the copy holds already
// anonymised is not anonymised again (when the copy can say: anonymised).
func erasedIn(ctx context.Context, q queryer, log []AuditEntry, madeAt int, anonymised bool) ([]reErasure, error) {
	var out []reErasure
	at := map[int64]int{}     // copy id → index in out
	same := map[int64]int64{} // an audit row's candidate id → whom it found in the copy
	for i := len(log) - 1; i >= 0; i-- {
		a := log[i]
		var found []int64
		var err error
		if a.CandidateUID != "" && madeAt >= uidsSince {
			found, err = int64s(ctx, q, CandidateUIDs.owner, a.CandidateUID)
		} else {
			found, err = int64s(ctx, q, sqlSameRow, a.CandidateID, a.At)
		}
		if err != nil {
			return nil, fmt.Errorf("storage: read a copy: %w", err)
		}
		if id, ok := same[a.CandidateID]; ok && len(found) == 0 {
			found = []int64{id}
		}
		for _, id := range found {
			same[a.CandidateID] = id
			k, seen := at[id]
			switch {
			case seen && a.Action == ActionErase:
				out[k].action = ActionErase
			case seen:
			case a.Action == ActionAnonymise && anonymised:
				when, err := column[string](ctx, q, sqlAnonymisedAt, id)
				if err != nil {
					return nil, fmt.Errorf("storage: read a copy: %w", err)
				}
				if len(when) == 1 && when[0] != "" {
					continue
				}
				fallthrough
			default:
				at[id] = len(out)
				out = append(out, reErasure{id: id, action: a.Action})
			}
		}
	}
	return out, nil
}

func tally(targets []reErasure) ErasedAgain {
	var n ErasedAgain
	for _, tg := range targets {
		if tg.action == ActionErase {
			n.Erased++
		} else {
			n.Anonymised++
		}
	}
	return n
}

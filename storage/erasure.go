// Erasing and anonymising candidates: the one list of tables that hold rows
// about a person (candidateData: erasure deletes them, the subject access
// export reads them), the erasure transaction with secure_delete on and the
// search index rewritten (anonymising: anonymise.go), the WAL emptied after
// it (and free space older builds left cleared once, scrub.go), the same
// erasure applied to another copy of the workspace (an automatic snapshot),
// a retention erasure's check that everyone is still due, and whether a
// person a bundle holds was erased here.

package storage

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"hirebench/app/model"
)

// EraseAction is what an erasure does to each candidate.
type EraseAction string

const (
	// ActionErase deletes the candidate and every row about them.
	ActionErase EraseAction = "erase"
	// ActionAnonymise keeps the candidate's applications, stage history and
	// submitted scores (for calibration and pipeline figures) under an
	// anonymous name, and removes everything that says who they were:
	// contact fields, resume, tags, notes, attachments, the free text of
	// scorecards and resume screens, and draft scorecards.
	ActionAnonymise EraseAction = "anonymise"
)

// AnonymousName is an anonymised candidate's name, followed by their id.
const AnonymousName = "Anonymised candidate"

// Erasure is what to do and who asked, for the audit log.
type Erasure struct {
	Action EraseAction
	Why    string // "request" (one person asked) or "retention" (the policy)
	Actor  model.Profile
	// DueBefore (retention): every candidate must still be due under this
	// cutoff (as DueForRetention lists them) inside the erasure's own
	// transaction, else nothing changes and the error is a *NotDueError.
	DueBefore string
	// again: re-applied to a workspace copy about to be restored, whose
	// audit rows are carried over from the workspace (EraseAgainIn), so no
	// new row is written.
	again bool
}

// NotDueError: a retention erasure found candidates no longer due when it
// ran (moved, noted, anonymised or gone since the list was made); it
// changed nothing.
type NotDueError struct{ IDs []int64 }

func (e *NotDueError) Error() string {
	return fmt.Sprintf("storage: candidates %v are not due under the retention policy any more", e.IDs)
}

// Person is how a candidate is recognised in another copy of the workspace:
// the same row (id and creation time) or the same email.
type Person struct {
	ID        int64
	CreatedAt string
	Email     string
}

// Erased is one candidate erased or anonymised: their audit row and how
// many rows of each table were removed or cleared.
type Erased struct {
	AuditID int64
	Person  Person
	Counts  map[string]int
}

// personalTable is a table holding rows about one candidate; where picks
// them by the candidate's id (its one parameter). gone: anonymising deletes
// its rows too (they say who the person is and carry no score).
type personalTable struct {
	table, where string
	gone         bool
}

const (
	byCandidate   = `candidate_id = ?`
	byApplication = `application_id IN (SELECT id FROM applications WHERE candidate_id = ?)`
	byScorecard   = `scorecard_id IN (SELECT sc.id FROM scorecards sc JOIN applications a ON a.id = sc.application_id
		WHERE a.candidate_id = ?)`
)

// candidateData is every table that holds rows about one candidate,
// children first: erasing deletes them in this order, anonymising deletes
// those marked gone (and clears the rest in place), the subject access
// export reads them all. A table added later that keeps anything about a
// candidate joins this list, and all three follow. The search index
// (candidate_search) follows the candidates table by its triggers.
var candidateData = []personalTable{
	// The AI second rater's levels, with fragments of the interviewer's
	// notes about them (anonymising clears those notes, so these go too).
	{"ai_ratings", byScorecard, true},
	{"scorecard_revisions", byScorecard, false},
	{"scorecards", byApplication, false},
	// Every save of a screen, with its quotes and reasons: anonymising
	// keeps only the current screen's marks and decision (resume_screens).
	{"screen_revisions", byApplication, true},
	{"resume_screens", byApplication, false},
	{"round_schedule", byApplication, false},
	{"round_assignments", byApplication, false},
	{"stage_events", byApplication, false},
	// Outcomes after a hire (outcomes.go): kept on anonymising, like the
	// scores they are read against (validity needs both).
	{"outcomes", byApplication, false},
	{"applications", byCandidate, false},
	{"notes", byCandidate, true},
	{"attachments", byCandidate, true},
	{"candidate_tags", byCandidate, true},
	// A uid is how bundles recognise the person: anonymising deletes it
	// too, and gives the row a new one (anonymise).
	{"candidate_uids", byCandidate, true},
	{"card_exposures", byCandidate, false},
	// What was sent to a model about them and what came back; the ledger
	// rows of those calls (ai_calls) name nobody and stay.
	{"ai_audit", byCandidate, true},
	{"ai_cache", byCandidate, true},
	// Voluntary self-identification (selfid.go): anonymising drops it too,
	// or the anonymous record could be told by its answers.
	{"self_id", byCandidate, true},
	{"candidates", `id = ?`, false},
}

func (p personalTable) deleteSQL() string { return `DELETE FROM ` + p.table + ` WHERE ` + p.where }
func (p personalTable) selectSQL() string { return `SELECT * FROM ` + p.table + ` WHERE ` + p.where }

const (
	sqlMarkErasing   = `INSERT INTO privacy_erasing (candidate_id) VALUES (?)`
	sqlUnmarkErasing = `DELETE FROM privacy_erasing WHERE candidate_id = ?`
	// optimize merges the search index into one segment without the deleted
	// rows: until then old segments (and the delete markers) hold the
	// person's words.
	sqlOptimizeSearch = `INSERT INTO candidate_search (candidate_search) VALUES ('optimize')`
	sqlFindPerson     = `SELECT id FROM candidates WHERE (id = ? AND created_at = ?) OR (? <> '' AND email = ?)`
)

// sqlErasedUIDs: the latest erasure of a person known by one of the uids in
// a JSON array (privacy_audit names them by their own uid). Bundle imports
// ask it on either engine.
var sqlErasedUIDs = spell(func(d dialect) string {
	return `SELECT action, at FROM privacy_audit
		WHERE candidate_uid <> '' AND candidate_uid IN (SELECT value FROM ` + d.jsonTexts("?") + ` AS j) ORDER BY id DESC LIMIT 1`
})

// sqlStillDue: candidate id is among those DueForRetention lists.
var sqlStillDue = spell(func(d dialect) string { return `SELECT id FROM (` + sqlDue[d] + `) AS due WHERE id = ?` })

// sqlLockCandidate (PostgreSQL's; eraseShared) holds a candidate's row
// until the erasure ends.
var sqlLockCandidate = `SELECT id FROM candidates WHERE id = ?` + postgresSQL.forUpdate()

// ErrLogBusy: the erasure is saved, but other connections kept the WAL from
// being emptied, so it may still hold what was erased until they finish.
var ErrLogBusy = errors.New("the erasure is saved, but the workspace's write-ahead log is still in use; it is emptied when hirebench closes")

// EraseCandidates erases or anonymises candidates in one transaction, with
// secure_delete on so freed pages are zeroed, the search index merged so no
// old segment keeps their words, and an audit row for each; then, once per
// workspace, it clears free space older builds left unzeroed (scrubOnce),
// and empties the WAL (TRUNCATE), which held the pages as they were. An
// unknown id fails the whole call; after the commit the erasure stands, and
// ErrNotScrubbed or ErrLogBusy say what could not be made clean at once.
func (s *Store) EraseCandidates(ctx context.Context, ids []int64, e Erasure) ([]Erased, error) {
	if s.Shared() {
		return s.eraseShared(ctx, ids, e)
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("storage: erase: %w", err)
	}
	defer conn.Close()
	out, err := eraseOn(ctx, conn, s.now(), ids, e)
	if err != nil {
		return nil, err
	}
	return out, errors.Join(s.scrubOnce(ctx, conn), truncateWAL(ctx, conn))
}

// ErrOwnerErases is a person's login asking a shared workspace to erase:
// row-level security hides from it rows the erasure must reach (colleagues'
// drafts, the AI cache, self-identification), so the owner's login erases.
var ErrOwnerErases = fmt.Errorf("on a shared workspace only its owner's login erases or anonymises candidates "+
	"(the login that ran init: hirebench --db OWNER-URL …): %w", model.ErrConflict)

// ErasesHere says whether this login may erase and anonymise: on a shared
// workspace only its owner's (ErrOwnerErases); on a laptop, whoever opens it.
func (s *Store) ErasesHere(ctx context.Context) error {
	if person, err := s.asPerson(ctx); err != nil || person {
		return cmp.Or(err, ErrOwnerErases)
	}
	return nil
}

// eraseShared erases or anonymises candidates on a shared workspace in one
// transaction, as eraseOn does locally. The server frees the deleted rows'
// space when it vacuums them (docs/TEAM.md says what its storage, backups
// and WAL archive keep until then), so there is no page to zero here.
func (s *Store) eraseShared(ctx context.Context, ids []int64, e Erasure) ([]Erased, error) {
	if e.Action != ActionErase && e.Action != ActionAnonymise {
		return nil, fmt.Errorf("storage: unknown erasure %q", e.Action)
	}
	if err := s.ErasesHere(ctx); err != nil {
		return nil, err
	}
	var out []Erased
	err := s.Write(ctx, func(t *Tx) error {
		out = nil
		// The candidates first: a colleague's write about one of them (an AI
		// answer, checked by sqlAIMarkLocked) waits, then meets the erasure.
		for _, id := range ids {
			if _, err := t.q.ExecContext(t.ctx, sqlLockCandidate, id); err != nil {
				return fmt.Errorf("storage: erase candidate %d: %w", id, err)
			}
		}
		if e.DueBefore != "" {
			if err := t.stillDue(ids, e.DueBefore); err != nil {
				return err
			}
		}
		for _, id := range ids {
			er, err := t.eraseOne(id, e)
			if err != nil {
				return err
			}
			out = append(out, er)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eraseOn runs an erasure on one connection (the writer, or a copy's).
func eraseOn(ctx context.Context, conn *sql.Conn, now string, ids []int64, e Erasure) (out []Erased, err error) {
	if e.Action != ActionErase && e.Action != ActionAnonymise {
		return nil, fmt.Errorf("storage: unknown erasure %q", e.Action)
	}
	var was int
	if err := conn.QueryRowContext(ctx, `PRAGMA secure_delete`).Scan(&was); err != nil {
		return nil, fmt.Errorf("storage: erase: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA secure_delete = 1`); err != nil {
		return nil, fmt.Errorf("storage: erase: %w", err)
	}
	defer func() {
		_, rerr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA secure_delete = `+strconv.Itoa(was))
		if err == nil && rerr != nil {
			err = fmt.Errorf("storage: erase: %w", rerr)
		}
	}()
	sqlTx, err := beginWrite(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer sqlTx.Rollback()
	t := newTx(ctx, sqlTx, sqliteSQL, now)
	if e.DueBefore != "" {
		if err := t.stillDue(ids, e.DueBefore); err != nil {
			return nil, err
		}
	}
	for _, id := range ids {
		er, err := t.eraseOne(id, e)
		if err != nil {
			return nil, err
		}
		out = append(out, er)
	}
	if _, err := t.q.ExecContext(ctx, sqlOptimizeSearch); err != nil {
		return nil, fmt.Errorf("storage: erase: rewrite the search index: %w", err)
	}
	if err := sqlTx.Commit(); err != nil {
		return nil, fmt.Errorf("storage: erase: commit: %w", err)
	}
	return out, nil
}

// stillDue checks, inside the erasure's transaction, that every candidate
// is due under cutoff: a list made before another window or process moved
// or noted one erases nobody.
func (t *Tx) stillDue(ids []int64, cutoff string) error {
	var stale []int64
	for _, id := range ids {
		due, err := t.ids(sqlStillDue.in(t.q), cutoff, id)
		if err != nil {
			return fmt.Errorf("storage: erase: check who is due: %w", err)
		}
		if len(due) == 0 {
			stale = append(stale, id)
		}
	}
	if len(stale) > 0 {
		return &NotDueError{IDs: stale}
	}
	return nil
}

// eraseOne erases or anonymises one candidate inside the erasure's
// transaction. privacy_erasing holds their id meanwhile: the schema lets
// their submitted scorecards be changed or deleted only then.
func (t *Tx) eraseOne(id int64, e Erasure) (Erased, error) {
	c, err := getCandidate(t.ctx, t.q, id)
	if err != nil {
		return Erased{}, err
	}
	er := Erased{Person: Person{ID: id, CreatedAt: c.CreatedAt, Email: c.Email}, Counts: map[string]int{}}
	uid, err := t.auditUID(id) // read before the rows go
	if err != nil {
		return er, err
	}
	if _, err := t.q.ExecContext(t.ctx, sqlMarkErasing, id); err != nil {
		return er, fmt.Errorf("storage: erase candidate %d: %w", id, err)
	}
	if e.Action == ActionErase {
		for _, p := range candidateData {
			if err := t.count(er.Counts, p.table, p.deleteSQL(), id); err != nil {
				return er, fmt.Errorf("storage: erase candidate %d: %w", id, err)
			}
		}
	} else if err := t.anonymise(id, er.Counts, e.Actor); err != nil {
		return er, fmt.Errorf("storage: anonymise candidate %d: %w", id, err)
	}
	if _, err := t.q.ExecContext(t.ctx, sqlUnmarkErasing, id); err != nil {
		return er, fmt.Errorf("storage: erase candidate %d: %w", id, err)
	}
	if e.again {
		return er, nil
	}
	er.AuditID, err = t.insertAudit(AuditEntry{Action: e.Action, Why: e.Why, CandidateID: id, CandidateUID: uid, Counts: er.Counts,
		ActorID: e.Actor.ID, ActorName: e.Actor.Name, At: t.now})
	return er, err
}

// count runs a statement and adds the rows it changed to counts[what].
func (t *Tx) count(counts map[string]int, what, query string, args ...any) error {
	res, err := t.q.ExecContext(t.ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n > 0 {
		counts[what] += int(n)
	}
	return nil
}

// ErasedHere says whether this workspace erased or anonymised a person
// known by one of uids, and when (action "" if not): a bundle made before
// holds them still, and importing it must not bring them back. Erasures
// recorded before the audit named uids are not found.
func (t *Tx) ErasedHere(uids []string) (action EraseAction, at string, err error) {
	if len(uids) == 0 {
		return "", "", nil
	}
	list, err := json.Marshal(uids)
	if err != nil {
		return "", "", err
	}
	err = t.q.QueryRowContext(t.ctx, sqlErasedUIDs.in(t.q), string(list)).Scan(&action, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("storage: read the erasure audit: %w", err)
	}
	return action, at, nil
}

// truncateWAL checkpoints the whole WAL into the database and truncates it
// to nothing, waiting (a few seconds at most) for readers of older pages.
func truncateWAL(ctx context.Context, conn *sql.Conn) error {
	for try := 0; ; try++ {
		var busy, frames, done int
		if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
			return fmt.Errorf("storage: empty the write-ahead log: %w", err)
		}
		if busy == 0 {
			return nil
		}
		if try == 50 {
			return ErrLogBusy
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// EraseFromCopy applies the same erasure to another copy of the workspace
// at path (an automatic snapshot): the candidates there that are one of
// people (same row, or same email) are erased or anonymised, the copy is
// brought to this build's schema first, and VACUUM rewrites it whole after.
// A copy holding none of them is left untouched (changed false). On an
// error the copy may still hold them: the caller removes it.
func (s *Store) EraseFromCopy(ctx context.Context, path string, people []Person, e Erasure) (changed bool, err error) {
	if err := s.onlySQLite("erasing in a workspace copy"); err != nil {
		return false, err
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		return false, fmt.Errorf("storage: open a copy: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var ids []int64
	for _, p := range people {
		found, err := int64s(ctx, bind(db, sqliteSQL), sqlFindPerson, p.ID, p.CreatedAt, p.Email, p.Email)
		if err != nil {
			return false, fmt.Errorf("storage: read a copy: %w", err)
		}
		for _, id := range found {
			if !containsID(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return false, nil
	}
	if err := migrate(ctx, db); err != nil {
		return false, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("storage: open a copy: %w", err)
	}
	defer conn.Close()
	// Whether they are due was decided in the workspace; a copy holds them
	// as they were, maybe before they were rejected.
	e.DueBefore = ""
	if _, err := eraseOn(ctx, conn, s.now(), ids, e); err != nil {
		return false, err
	}
	if _, err := conn.ExecContext(ctx, `VACUUM`); err != nil {
		return false, fmt.Errorf("storage: rewrite a copy: %w", err)
	}
	return true, truncateWAL(ctx, conn)
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

// SubjectTable is every row one table holds about a candidate, each row
// column by column as SQLite gives it (text, integer, real or bytes).
type SubjectTable struct {
	Table string
	Rows  []map[string]any
	// Withheld says why the rows are not here ("" when they are): on a
	// shared workspace self-identification is not read back.
	Withheld string
}

// SubjectData reads everything held about a candidate (every table of
// candidateData, the candidate's own row first) from one consistent view.
func (s *Store) SubjectData(ctx context.Context, id int64) ([]SubjectTable, error) {
	readable, err := s.SelfIDReadable(ctx)
	if err != nil {
		return nil, err
	}
	var out []SubjectTable
	err = s.read(ctx, func(tx queryer) error {
		if _, err := getCandidate(ctx, tx, id); err != nil {
			return err
		}
		for i := len(candidateData) - 1; i >= 0; i-- {
			p := candidateData[i]
			if p.table == "self_id" && !readable {
				out = append(out, SubjectTable{Table: p.table, Rows: []map[string]any{}, Withheld: fmt.Sprintf(
					"self-identification is readable on the shared workspace by its database owner alone "+
						"(SELECT category, value, at FROM self_id WHERE candidate_id = %d)", id)})
				continue
			}
			rows, err := allColumns(ctx, tx, p.selectSQL(), id)
			if err != nil {
				return fmt.Errorf("storage: read %s: %w", p.table, err)
			}
			out = append(out, SubjectTable{Table: p.table, Rows: rows})
		}
		return nil
	})
	return out, err
}

// allColumns reads every row of query as column → value.
func allColumns(ctx context.Context, q queryer, query string, args ...any) ([]map[string]any, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

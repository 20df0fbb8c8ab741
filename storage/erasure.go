// Erasing and anonymising candidates: the one list of tables that hold rows
// about a person (candidateData: erasure deletes them, the subject access
// export reads them), the erasure transaction with secure_delete on and the
// search index rewritten, the WAL emptied after it (and free space older
// builds left cleared once, scrub.go), the same erasure applied
// to another copy of the workspace (an automatic snapshot), and the
// candidates a retention policy makes due.

package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"hirebench/app/model"
	"hirebench/app/scoring"
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

// anonymisedText replaces free text that a record needs to keep (a skip's
// reason, an amendment's reason) once the person is anonymised.
const anonymisedText = "(anonymised)"

// Erasure is what to do and who asked, for the audit log.
type Erasure struct {
	Action EraseAction
	Why    string // "request" (one person asked) or "retention" (the policy)
	Actor  model.Profile
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
// candidate joins this list, and all three follow. Issue 11: the AI cache
// and the AI audit entries join here (gone: true). The search index
// (candidate_search) follows the candidates table by its triggers.
var candidateData = []personalTable{
	{"scorecard_revisions", byScorecard, false},
	{"scorecards", byApplication, false},
	{"resume_screens", byApplication, false},
	{"round_schedule", byApplication, false},
	{"round_assignments", byApplication, false},
	{"stage_events", byApplication, false},
	{"applications", byCandidate, false},
	{"notes", byCandidate, true},
	{"attachments", byCandidate, true},
	{"candidate_tags", byCandidate, true},
	{"card_exposures", byCandidate, false},
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
	sqlOptimizeSearch     = `INSERT INTO candidate_search (candidate_search) VALUES ('optimize')`
	sqlAnonymiseCandidate = `UPDATE candidates SET name = ?, email = '', phone = '', location = '', linkedin = '', github = '',
		portfolio = '', source = '', resume_text = '', archived_at = CASE WHEN archived_at = '' THEN ? ELSE archived_at END,
		anonymised_at = ?, updated_at = ? WHERE id = ?`
	sqlDeleteDrafts = `DELETE FROM scorecards WHERE status = 'draft' AND ` + byApplication
	sqlSubmittedOf  = `SELECT sc.id FROM scorecards sc JOIN applications a ON a.id = sc.application_id
		WHERE a.candidate_id = ? AND sc.status = 'submitted' ORDER BY sc.id`
	sqlAnonymiseCard     = `UPDATE scorecards SET answers = ?, notes = '', sha256 = ? WHERE id = ?`
	sqlAnonymiseRevision = `UPDATE scorecard_revisions SET answers = ?, notes = '', reason = ?, sha256 = ?
		WHERE scorecard_id = ? AND revision = ?`
	sqlScreensOf      = `SELECT application_id, marks FROM resume_screens WHERE ` + byApplication
	sqlAnonymiseMarks = `UPDATE resume_screens SET marks = ? WHERE application_id = ?`
	sqlFindPerson     = `SELECT id FROM candidates WHERE (id = ? AND created_at = ?) OR (? <> '' AND email = ?)`
)

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
	t := newTx(ctx, sqlTx, now)
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

// eraseOne erases or anonymises one candidate inside the erasure's
// transaction. privacy_erasing holds their id meanwhile: the schema lets
// their submitted scorecards be changed or deleted only then.
func (t *Tx) eraseOne(id int64, e Erasure) (Erased, error) {
	c, err := getCandidate(t.ctx, t.q, id)
	if err != nil {
		return Erased{}, err
	}
	er := Erased{Person: Person{ID: id, CreatedAt: c.CreatedAt, Email: c.Email}, Counts: map[string]int{}}
	if _, err := t.q.ExecContext(t.ctx, sqlMarkErasing, id); err != nil {
		return er, fmt.Errorf("storage: erase candidate %d: %w", id, err)
	}
	if e.Action == ActionErase {
		for _, p := range candidateData {
			if err := t.count(er.Counts, p.table, p.deleteSQL(), id); err != nil {
				return er, fmt.Errorf("storage: erase candidate %d: %w", id, err)
			}
		}
	} else if err := t.anonymise(id, er.Counts); err != nil {
		return er, fmt.Errorf("storage: anonymise candidate %d: %w", id, err)
	}
	if _, err := t.q.ExecContext(t.ctx, sqlUnmarkErasing, id); err != nil {
		return er, fmt.Errorf("storage: erase candidate %d: %w", id, err)
	}
	er.AuditID, err = t.insertAudit(AuditEntry{Action: e.Action, Why: e.Why, CandidateID: id, Counts: er.Counts,
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

// anonymise removes what says who candidate id was and keeps the rest.
func (t *Tx) anonymise(id int64, counts map[string]int) error {
	if err := t.count(counts, "scorecards", sqlDeleteDrafts, id); err != nil {
		return err
	}
	for _, p := range candidateData {
		if p.gone {
			if err := t.count(counts, p.table, p.deleteSQL(), id); err != nil {
				return err
			}
		}
	}
	name := AnonymousName + " " + strconv.FormatInt(id, 10)
	if err := t.count(counts, "candidates", sqlAnonymiseCandidate, name, t.now, t.now, t.now, id); err != nil {
		return err
	}
	if err := t.anonymiseScreens(id, counts); err != nil {
		return err
	}
	// After the candidate's row: a card's hash is recomputed over what it
	// says now, whoever it names.
	cards, err := t.ids(sqlSubmittedOf, id)
	if err != nil {
		return err
	}
	for _, cardID := range cards {
		if err := t.anonymiseCard(cardID, counts); err != nil {
			return err
		}
	}
	return nil
}

// anonymiseScreens clears the evidence typed into the candidate's resume
// screens; the marks and decisions stay.
func (t *Tx) anonymiseScreens(id int64, counts map[string]int) error {
	marks := map[int64]string{}
	err := each(t.ctx, t.q, sqlScreensOf, []any{id}, func(sc scanner) error {
		var app int64
		var m string
		err := sc.Scan(&app, &m)
		marks[app] = m
		return err
	})
	if err != nil {
		return err
	}
	for app, m := range marks {
		flags := map[string]scoring.FlagMark{}
		if err := json.Unmarshal([]byte(m), &flags); err != nil {
			return fmt.Errorf("resume screen of application %d: %w", app, err)
		}
		for k, f := range flags {
			f.Evidence = ""
			flags[k] = f
		}
		b, err := json.Marshal(flags)
		if err != nil {
			return err
		}
		if err := t.count(counts, "resume_screens", sqlAnonymiseMarks, string(b), app); err != nil {
			return err
		}
	}
	return nil
}

// anonymiseCard clears a submitted card's free text (notes, skip and
// amendment reasons) and seals it again: its hash and its amendments'
// chained hashes are recomputed over what it says now, so it still
// verifies. The audit row records that this happened.
func (t *Tx) anonymiseCard(id int64, counts map[string]int) error {
	c, err := getScorecard(t.ctx, t.q, id)
	if err != nil {
		return err
	}
	c.Notes, c.Answers = "", anonymousAnswers(c.Answers)
	c.SHA256 = scoring.Hash(c)
	answers, err := json.Marshal(nonNilAnswers(c.Answers))
	if err != nil {
		return err
	}
	if err := t.count(counts, "scorecards", sqlAnonymiseCard, string(answers), c.SHA256, id); err != nil {
		return err
	}
	prev := c.SHA256
	for _, r := range c.Revisions {
		r.Notes, r.Reason, r.Answers = "", anonymisedText, anonymousAnswers(r.Answers)
		r.SHA256 = scoring.RevisionHash(c, r, prev)
		prev = r.SHA256
		answers, err := json.Marshal(nonNilAnswers(r.Answers))
		if err != nil {
			return err
		}
		if err := t.count(counts, "scorecard_revisions", sqlAnonymiseRevision, string(answers), r.Reason, r.SHA256, id, r.Revision); err != nil {
			return err
		}
	}
	return nil
}

// anonymousAnswers keeps the scores and skips, without notes; a skip keeps
// a reason (it counts as answered only with one), but not the words.
func anonymousAnswers(in map[string]scoring.Answer) map[string]scoring.Answer {
	out := make(map[string]scoring.Answer, len(in))
	for k, a := range in {
		a.Notes = ""
		if a.SkipReason != "" {
			a.SkipReason = anonymisedText
		}
		out[k] = a
	}
	return out
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
	db, err := sql.Open("sqlite", fileURI(path)+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		return false, fmt.Errorf("storage: open a copy: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var ids []int64
	for _, p := range people {
		found, err := int64s(ctx, db, sqlFindPerson, p.ID, p.CreatedAt, p.Email, p.Email)
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
}

// SubjectData reads everything held about a candidate (every table of
// candidateData, the candidate's own row first) from one consistent view.
func (s *Store) SubjectData(ctx context.Context, id int64) ([]SubjectTable, error) {
	var out []SubjectTable
	err := s.read(ctx, func(tx *sql.Tx) error {
		if _, err := getCandidate(ctx, tx, id); err != nil {
			return err
		}
		for i := len(candidateData) - 1; i >= 0; i-- {
			p := candidateData[i]
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

// Stores candidates: creating, updating and archiving them with their tags, the
// unique-email check, the email index an import is planned from, and a candidate's
// detail and applications.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hirebench/app/model"
)

const (
	sqlCandidateColumns = `id, name, email, phone, location, linkedin, github, portfolio, source,
		resume_text, created_at, updated_at, archived_at, version, changed_by`
	sqlGetCandidate    = `SELECT ` + sqlCandidateColumns + ` FROM candidates WHERE id = ?`
	sqlCandidateByMail = `SELECT id, name FROM candidates WHERE email = ? AND email <> ''`
	sqlInsertCandidate = `INSERT INTO candidates (name, email, phone, location, linkedin, github, portfolio,
		source, resume_text, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	// Only while the row is at the version the transaction read: on
	// PostgreSQL another app's transaction may have changed it since (read
	// committed), and its change must not be overwritten.
	sqlUpdateCandidate = `UPDATE candidates SET name = ?, email = ?, phone = ?, location = ?, linkedin = ?,
		github = ?, portfolio = ?, source = ?, resume_text = ?, updated_at = ?, ` + sqlCountChange + `
		WHERE id = ? AND version = ?`
	sqlSetArchived = `UPDATE candidates SET archived_at = ?, updated_at = ?, ` + sqlCountChange + ` WHERE id = ?`
	// Touching marks activity around a candidate (a note, a move, a file),
	// not a change to the record: it leaves the version alone, so adding a
	// note never refuses someone's edit of the phone number.
	sqlTouchCandidate  = `UPDATE candidates SET updated_at = ? WHERE id = ?`
	sqlCandidateTags   = `SELECT tag FROM candidate_tags WHERE candidate_id = ? ORDER BY position`
	sqlDeleteTags      = `DELETE FROM candidate_tags WHERE candidate_id = ?`
	sqlInsertTag       = `INSERT INTO candidate_tags (candidate_id, tag, position) VALUES (?, ?, ?)`
	sqlCountCandidates = `SELECT count(*) FROM candidates`
	sqlEmailIndex      = `SELECT email, id FROM candidates WHERE email <> ''`
	// sqlCountChange counts a change to a candidate's record and names who
	// made it and when (its two arguments): every statement that changes what
	// the record says ends with it.
	sqlCountChange = `version = version + 1, changed_by = ?, changed_at = ?`
	sqlChangedAt   = `SELECT changed_at FROM candidates WHERE id = ?`
)

func scanCandidate(row interface{ Scan(...any) error }) (model.Candidate, error) {
	var c model.Candidate
	err := row.Scan(&c.ID, &c.Name, &c.Email, &c.Phone, &c.Location, &c.LinkedIn, &c.GitHub, &c.Portfolio,
		&c.Source, &c.ResumeText, &c.CreatedAt, &c.UpdatedAt, &c.ArchivedAt, &c.Version, &c.ChangedBy)
	return c, err
}

func getCandidate(ctx context.Context, q queryer, id int64) (model.Candidate, error) {
	c, err := scanCandidate(q.QueryRowContext(ctx, sqlGetCandidate, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, notFound("candidate", id)
	}
	if err != nil {
		return c, fmt.Errorf("storage: get candidate: %w", err)
	}
	c.Tags, err = candidateTags(ctx, q, id)
	return c, err
}

func candidateTags(ctx context.Context, q queryer, id int64) ([]string, error) {
	return column[string](ctx, q, sqlCandidateTags, id)
}

// writeTags replaces a candidate's tags.
func writeTags(ctx context.Context, q queryer, id int64, tags []string) error {
	if _, err := q.ExecContext(ctx, sqlDeleteTags, id); err != nil {
		return fmt.Errorf("storage: write tags: %w", err)
	}
	return insertTags(ctx, q, id, tags)
}

// insertTags adds tags to a candidate who has none (a new one).
func insertTags(ctx context.Context, q queryer, id int64, tags []string) error {
	for i, t := range tags {
		if _, err := q.ExecContext(ctx, sqlInsertTag, id, t, i); err != nil {
			return fmt.Errorf("storage: write tags: %w", err)
		}
	}
	return nil
}

// touchCandidate marks a candidate updated at now.
func touchCandidate(ctx context.Context, q queryer, id int64, now string) error {
	if _, err := q.ExecContext(ctx, sqlTouchCandidate, now, id); err != nil {
		return fmt.Errorf("storage: touch candidate: %w", err)
	}
	return nil
}

// GetCandidate returns one candidate with tags.
func (s *Store) GetCandidate(ctx context.Context, id int64) (model.Candidate, error) {
	var c model.Candidate
	err := s.read(ctx, func(tx queryer) (err error) {
		c, err = getCandidate(ctx, tx, id)
		return err
	})
	return c, err
}

// FindByEmail returns the candidate holding this (normalized) email, or ErrNotFound.
func (s *Store) FindByEmail(ctx context.Context, email string) (model.Candidate, error) {
	var id int64
	var name string
	err := s.rd.QueryRowContext(ctx, sqlCandidateByMail, email).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Candidate{}, fmt.Errorf("email: %w", model.ErrNotFound)
	}
	if err != nil {
		return model.Candidate{}, fmt.Errorf("storage: find by email: %w", err)
	}
	return s.GetCandidate(ctx, id)
}

// EmailIndex maps every email on file (archived candidates included) to
// its candidate's id, for planning an import.
func (s *Store) EmailIndex(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	err := each(ctx, s.rd, sqlEmailIndex, nil, func(sc scanner) error {
		var email string
		var id int64
		err := sc.Scan(&email, &id)
		out[email] = id
		return err
	})
	return out, err
}

// duplicateOf reports the candidate other than self already holding email.
func duplicateOf(ctx context.Context, q queryer, email string, self int64) error {
	if email == "" {
		return nil
	}
	var id int64
	var name string
	err := q.QueryRowContext(ctx, sqlCandidateByMail, email).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && id == self) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("storage: duplicate check: %w", err)
	}
	return &model.DuplicateEmailError{Email: email, ExistingID: id, ExistingName: name}
}

// CreateCandidate saves a validated candidate and applies them to roleIDs
// (each at its first stage), all in one transaction.
func (s *Store) CreateCandidate(ctx context.Context, c model.Candidate, roleIDs []int64, actor model.Profile) (model.Candidate, error) {
	var out model.Candidate
	err := s.write(ctx, func(tx queryer) error {
		if err := duplicateOf(ctx, tx, c.Email, 0); err != nil {
			return err
		}
		now := s.now()
		c.CreatedAt, c.UpdatedAt, c.ArchivedAt = now, now, ""
		id, err := insertCandidate(ctx, tx, c)
		if err != nil {
			return err
		}
		for _, roleID := range roleIDs {
			if _, err := apply(ctx, tx, id, roleID, actor, now); err != nil {
				return err
			}
		}
		out, err = getCandidate(ctx, tx, id)
		return err
	})
	return out, err
}

// insertCandidate adds a candidate as given, times and tags included.
func insertCandidate(ctx context.Context, q queryer, c model.Candidate) (int64, error) {
	id, err := insertID(ctx, q, sqlInsertCandidate, c.Name, c.Email, c.Phone, c.Location, c.LinkedIn,
		c.GitHub, c.Portfolio, c.Source, c.ResumeText, c.CreatedAt, c.UpdatedAt, c.ArchivedAt)
	if err != nil {
		return 0, fmt.Errorf("storage: create candidate: %w", err)
	}
	return id, insertTags(ctx, q, id, c.Tags)
}

// updateCandidate saves a candidate's fields (not its tags) over the
// version c was read at, updated at now by actor; a change another
// transaction made since is a *model.ChangedError and nothing is written.
func updateCandidate(ctx context.Context, q queryer, c model.Candidate, actor model.Profile, now string) error {
	res, err := q.ExecContext(ctx, sqlUpdateCandidate, c.Name, c.Email, c.Phone, c.Location, c.LinkedIn,
		c.GitHub, c.Portfolio, c.Source, c.ResumeText, now, actor.Name, now, c.ID, c.Version)
	if err != nil {
		return fmt.Errorf("storage: update candidate: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	cur, err := getCandidate(ctx, q, c.ID)
	if err != nil {
		return err
	}
	return changedSince(ctx, q, cur, actor, now)
}

// changedSince is the refusal of an edit of c made from an older version,
// worded for actor at now: who changed the record, and when.
func changedSince(ctx context.Context, q queryer, c model.Candidate, actor model.Profile, now string) error {
	at := c.UpdatedAt // a record last changed before migration 0023 says when it was last touched
	var changed string
	if err := q.QueryRowContext(ctx, sqlChangedAt, c.ID).Scan(&changed); err != nil {
		return fmt.Errorf("storage: when candidate %d changed: %w", c.ID, err)
	}
	if changed != "" {
		at = changed
	}
	return &model.ChangedError{By: c.ChangedBy, Self: c.ChangedBy != "" && c.ChangedBy == actor.Name, At: at, Now: now}
}

// UpdateCandidate loads a candidate, lets change modify (and validate) it,
// and saves the result as actor's change; if change fails nothing is
// written. version is the one the edit was made from: when another change
// came since (the stored version differs) the edit is refused with a
// *model.ChangedError naming who and when, and nothing is written; 0
// skips the check (the command line).
func (s *Store) UpdateCandidate(ctx context.Context, id, version int64, actor model.Profile, change func(*model.Candidate) error) (model.Candidate, error) {
	var out model.Candidate
	err := s.write(ctx, func(tx queryer) error {
		c, err := getCandidate(ctx, tx, id)
		if err != nil {
			return err
		}
		if version != 0 && c.Version != version {
			return changedSince(ctx, tx, c, actor, s.now())
		}
		if err := change(&c); err != nil {
			return err
		}
		if err := duplicateOf(ctx, tx, c.Email, id); err != nil {
			return err
		}
		c.ID = id
		if err := updateCandidate(ctx, tx, c, actor, s.now()); err != nil {
			return err
		}
		if err := writeTags(ctx, tx, id, c.Tags); err != nil {
			return err
		}
		out, err = getCandidate(ctx, tx, id)
		return err
	})
	return out, err
}

// SetArchived archives (hides from board, table and search) or restores a
// candidate, as actor's change.
func (s *Store) SetArchived(ctx context.Context, id int64, archived bool, actor model.Profile) (model.Candidate, error) {
	var out model.Candidate
	err := s.write(ctx, func(tx queryer) error {
		var err error
		out, err = setArchived(ctx, tx, id, archived, actor, s.now())
		return err
	})
	return out, err
}

func setArchived(ctx context.Context, q queryer, id int64, archived bool, actor model.Profile, now string) (model.Candidate, error) {
	at := ""
	if archived {
		at = now
	}
	res, err := q.ExecContext(ctx, sqlSetArchived, at, now, actor.Name, now, id)
	if err != nil {
		return model.Candidate{}, fmt.Errorf("storage: archive candidate: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return model.Candidate{}, notFound("candidate", id)
	}
	return getCandidate(ctx, q, id)
}

// SetArchived archives or restores a candidate (SetArchived of the Store).
func (t *Tx) SetArchived(id int64, archived bool, actor model.Profile) (model.Candidate, error) {
	return setArchived(t.ctx, t.q, id, archived, actor, t.now)
}

// CountCandidates counts every candidate, archived included.
func (s *Store) CountCandidates(ctx context.Context) (int, error) {
	var n int
	err := s.rd.QueryRowContext(ctx, sqlCountCandidates).Scan(&n)
	return n, err
}

const (
	sqlDetailApplications = `SELECT a.id, a.candidate_id, a.role_id, r.title, a.stage_id, s.name, s.kind,
		a.rejection_reason, a.created_at, a.entered_stage_at
		FROM applications a JOIN roles r ON r.id = a.role_id JOIN stages s ON s.id = a.stage_id
		WHERE a.candidate_id = ? ORDER BY a.created_at, a.id`
	sqlDetailNotes = `SELECT id, candidate_id, coalesce(author_id, 0), author_name, body, created_at
		FROM notes WHERE candidate_id = ? ORDER BY created_at DESC, id DESC`
	sqlDetailHistory = `SELECT e.id, e.application_id, r.title, e.from_stage, e.to_stage, e.actor_name, e.reason, e.note, e.at
		FROM stage_events e JOIN applications a ON a.id = e.application_id JOIN roles r ON r.id = a.role_id
		WHERE a.candidate_id = ? ORDER BY e.at DESC, e.id DESC`
	sqlDetailAttachments = `SELECT id, candidate_id, file_name, mime_type, size, extracted_text <> '', created_at
		FROM attachments WHERE candidate_id = ? ORDER BY created_at, id`
)

// CandidateDetail returns everything the detail screen shows, read consistently.
func (s *Store) CandidateDetail(ctx context.Context, id int64) (model.CandidateDetail, error) {
	var d model.CandidateDetail
	err := s.read(ctx, func(tx queryer) error {
		var err error
		if d.Candidate, err = getCandidate(ctx, tx, id); err != nil {
			return err
		}
		if d.Applications, err = candidateApplications(ctx, tx, id); err != nil {
			return err
		}
		d.Notes = []model.Note{}
		if err := each(ctx, tx, sqlDetailNotes, []any{id}, func(sc scanner) error {
			var n model.Note
			err := sc.Scan(&n.ID, &n.CandidateID, &n.AuthorID, &n.AuthorName, &n.Body, &n.CreatedAt)
			d.Notes = append(d.Notes, n)
			return err
		}); err != nil {
			return err
		}
		d.History = []model.StageEvent{}
		if err := each(ctx, tx, sqlDetailHistory, []any{id}, func(sc scanner) error {
			var e model.StageEvent
			err := sc.Scan(&e.ID, &e.ApplicationID, &e.RoleTitle, &e.FromStage, &e.ToStage, &e.ActorName, &e.Reason, &e.Note, &e.At)
			d.History = append(d.History, e)
			return err
		}); err != nil {
			return err
		}
		d.Attachments = []model.Attachment{}
		return each(ctx, tx, sqlDetailAttachments, []any{id}, func(sc scanner) error {
			var a model.Attachment
			err := sc.Scan(&a.ID, &a.CandidateID, &a.FileName, &a.MimeType, &a.Size, &a.HasText, &a.CreatedAt)
			d.Attachments = append(d.Attachments, a)
			return err
		})
	})
	return d, err
}

// CandidateApplications lists a candidate's applications (every role).
func (s *Store) CandidateApplications(ctx context.Context, id int64) ([]model.Application, error) {
	return candidateApplications(ctx, s.rd, id)
}

func candidateApplications(ctx context.Context, q queryer, id int64) ([]model.Application, error) {
	out := []model.Application{}
	err := each(ctx, q, sqlDetailApplications, []any{id}, func(sc scanner) error {
		var a model.Application
		err := sc.Scan(&a.ID, &a.CandidateID, &a.RoleID, &a.RoleTitle, &a.StageID, &a.StageName, &a.StageKind,
			&a.RejectionReason, &a.CreatedAt, &a.EnteredStageAt)
		out = append(out, a)
		return err
	})
	return out, err
}

const (
	sqlCandidateIDs   = `SELECT id FROM candidates ORDER BY id`
	sqlCandidatesMade = `SELECT ` + sqlCandidateColumns + ` FROM candidates WHERE name = ? COLLATE NOCASE AND created_at = ? ORDER BY id`
)

// CandidateIDs lists every candidate, archived included, oldest first.
func (t *Tx) CandidateIDs() ([]int64, error) { return t.ids(sqlCandidateIDs) }

// Candidate returns one candidate with tags.
func (t *Tx) Candidate(id int64) (model.Candidate, error) { return getCandidate(t.ctx, t.q, id) }

// CandidateWithEmail returns the id of the candidate holding this
// (normalized, non-empty) email, or ErrNotFound.
func (t *Tx) CandidateWithEmail(email string) (int64, error) {
	var id int64
	var name string
	err := t.q.QueryRowContext(t.ctx, sqlCandidateByMail, email).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFoundAs("email")
	}
	if err != nil {
		return 0, fmt.Errorf("storage: find by email: %w", err)
	}
	return id, nil
}

// CandidatesNamed lists the candidates with this name (case-insensitive)
// created at exactly this time, oldest first, without their tags.
func (t *Tx) CandidatesNamed(name, createdAt string) ([]model.Candidate, error) {
	out := []model.Candidate{}
	err := each(t.ctx, t.q, sqlCandidatesMade, []any{name, createdAt}, func(sc scanner) error {
		c, err := scanCandidate(sc)
		out = append(out, c)
		return err
	})
	return out, err
}

// InsertCandidate adds a candidate as given: times, archived state and
// tags included (an import keeps them).
func (t *Tx) InsertCandidate(c model.Candidate) (int64, error) {
	return insertCandidate(t.ctx, t.q, c)
}

// UpdateCandidate saves c's fields over candidate c.ID, as read at
// c.Version (a *model.ChangedError when it changed since), and stamps it
// updated now by actor; its tags are left as they are (WriteTags).
func (t *Tx) UpdateCandidate(c model.Candidate, actor model.Profile) error {
	return updateCandidate(t.ctx, t.q, c, actor, t.now)
}

// WriteTags replaces a candidate's tags with tags, in this order.
func (t *Tx) WriteTags(candidateID int64, tags []string) error {
	return writeTags(t.ctx, t.q, candidateID, tags)
}

// TouchCandidate stamps a candidate updated now.
func (t *Tx) TouchCandidate(id int64) error { return touchCandidate(t.ctx, t.q, id, t.now) }

// CandidateApplications lists a candidate's applications (every role).
func (t *Tx) CandidateApplications(id int64) ([]model.Application, error) {
	return candidateApplications(t.ctx, t.q, id)
}

type scanner interface{ Scan(...any) error }

// column runs a query of one column and returns its values, never nil.
func column[T any](ctx context.Context, q queryer, query string, args ...any) ([]T, error) {
	out := []T{}
	err := each(ctx, q, query, args, func(sc scanner) error {
		var v T
		err := sc.Scan(&v)
		out = append(out, v)
		return err
	})
	return out, err
}

// each runs query and calls fn for every row, wrapping scan errors.
func each(ctx context.Context, q queryer, query string, args []any, fn func(scanner) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("storage: query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("storage: scan: %w", err)
		}
	}
	return rows.Err()
}

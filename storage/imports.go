// The SQL of a candidate-file import: the email index a plan is made from
// and writing the planned rows in one transaction.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"hirebench/app/model"
)

const sqlEmailIndex = `SELECT email, id FROM candidates WHERE email <> ''`

// ImportRow is one candidate of an import, already normalized and
// validated by the service.
type ImportRow struct {
	// Row is the file's row, used in messages.
	Row       int
	Candidate model.Candidate
	// Note, when not empty, is added to the candidate signed by the actor.
	Note string
	// Merge fills the empty fields of the candidate holding Candidate.Email
	// (and adds tags, the application and the note) instead of creating one.
	Merge bool
}

// EmailIndex maps every email on file (archived candidates included) to
// its candidate's id, for planning an import.
func (s *Store) EmailIndex(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	err := each(ctx, s.r, sqlEmailIndex, nil, func(sc scanner) error {
		var email string
		var id int64
		err := sc.Scan(&email, &id)
		out[email] = id
		return err
	})
	return out, err
}

// importRowInvalid names the file row in a validation message: "row 7 · email".
func importRowInvalid(row int, field, format string, args ...any) error {
	return model.Invalid(fmt.Sprintf("row %d · %s", row, field), format, args...)
}

// ImportCandidates creates and merges candidates, applies each to roleID
// (at its first stage, unless a merged candidate has applied already) and
// adds their notes, in one transaction: everything or nothing is saved.
func (s *Store) ImportCandidates(ctx context.Context, rows []ImportRow, roleID int64, actor model.Profile) (model.ImportResult, error) {
	var res model.ImportResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		res = model.ImportResult{CreatedIDs: []int64{}, MergedIDs: []int64{}}
		if _, err := getRole(ctx, tx, roleID); errors.Is(err, model.ErrNotFound) {
			return model.Invalid("roleId", "role %d does not exist", roleID)
		} else if err != nil {
			return err
		}
		// The first stage is looked up once: apply() counts the stage's
		// applications on every call, which would grow with the import.
		var stageID int64
		if err := tx.QueryRowContext(ctx, sqlFirstStage, roleID).Scan(&stageID); errors.Is(err, sql.ErrNoRows) {
			return model.Invalid("roleId", "role %d has no active stage to import into", roleID)
		} else if err != nil {
			return fmt.Errorf("storage: first stage: %w", err)
		}
		first, err := getStage(ctx, tx, stageID)
		if err != nil {
			return err
		}
		im := &candidateImport{q: &importStmts{tx: tx, cache: map[string]*sql.Stmt{}}, tx: tx,
			roleID: roleID, stage: first, actor: actor, now: s.now()}
		for _, r := range rows {
			var id int64
			var applied bool
			var err error
			if r.Merge {
				id, applied, err = im.merge(ctx, r)
				res.Merged++
				res.MergedIDs = append(res.MergedIDs, id)
			} else {
				id, err = im.create(ctx, r)
				applied = true
				res.Created++
				res.CreatedIDs = append(res.CreatedIDs, id)
			}
			if err != nil {
				return err
			}
			if applied {
				res.Applications++
			}
			if r.Note != "" {
				if _, err := im.q.ExecContext(ctx, sqlInsertNote, id, actorID(actor), actor.Name, r.Note, im.now); err != nil {
					return fmt.Errorf("storage: import row %d: add note: %w", r.Row, err)
				}
				res.Notes++
			}
		}
		return nil
	})
	if err != nil {
		return model.ImportResult{CreatedIDs: []int64{}, MergedIDs: []int64{}}, err
	}
	return res, nil
}

// importStmts is a queryer that prepares each statement once per
// transaction: parsing the same SQL for every row of a 50,000-row import
// would cost half the time. The statements close with the transaction.
type importStmts struct {
	tx    *sql.Tx
	cache map[string]*sql.Stmt
}

func (q *importStmts) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := q.cache[query]; ok {
		return st, nil
	}
	st, err := q.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("storage: prepare: %w", err)
	}
	q.cache[query] = st
	return st, nil
}

func (q *importStmts) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (q *importStmts) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return q.tx.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (q *importStmts) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := q.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// candidateImport is one import in progress: where candidates apply (a
// role's first stage), who imports them and when.
type candidateImport struct {
	q      *importStmts
	tx     *sql.Tx
	roleID int64
	stage  model.Stage
	actor  model.Profile
	now    string
}

func (im *candidateImport) create(ctx context.Context, r ImportRow) (int64, error) {
	c := r.Candidate
	var dup *model.DuplicateEmailError
	if err := duplicateOf(ctx, im.q, c.Email, 0); errors.As(err, &dup) {
		return 0, importRowInvalid(r.Row, "email", "email %s now belongs to candidate %d (%s); preview the file again",
			dup.Email, dup.ExistingID, dup.ExistingName)
	} else if err != nil {
		return 0, err
	}
	res, err := im.q.ExecContext(ctx, sqlInsertCandidate, c.Name, c.Email, c.Phone, c.Location, c.LinkedIn,
		c.GitHub, c.Portfolio, c.Source, c.ResumeText, im.now, im.now, "")
	if err != nil {
		return 0, fmt.Errorf("storage: import row %d: create candidate: %w", r.Row, err)
	}
	id, _ := res.LastInsertId()
	for i, t := range c.Tags { // a new candidate has no tags to replace (writeTags would delete first)
		if _, err := im.q.ExecContext(ctx, sqlInsertTag, id, t, i); err != nil {
			return 0, fmt.Errorf("storage: import row %d: write tags: %w", r.Row, err)
		}
	}
	return id, im.apply(ctx, id, false) // created just now: no touch needed
}

// merge fills the existing candidate's empty fields from the row, adds the
// row's tags after theirs and applies them to the role if they have not
// applied yet. It reports whether an application was added.
func (im *candidateImport) merge(ctx context.Context, r ImportRow) (int64, bool, error) {
	var id int64
	var name string
	err := im.q.QueryRowContext(ctx, sqlCandidateByMail, r.Candidate.Email).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, importRowInvalid(r.Row, "email", "no candidate has the email %q any more; preview the file again", r.Candidate.Email)
	}
	if err != nil {
		return 0, false, fmt.Errorf("storage: import row %d: find by email: %w", r.Row, err)
	}
	ex, err := getCandidate(ctx, im.q, id)
	if err != nil {
		return 0, false, err
	}
	m := ex
	m.Tags = slices.Clone(ex.Tags)
	changed := m.FillEmpty(r.Candidate.CandidateInput)
	if err := m.Validate(); err != nil {
		var ve *model.ValidationError
		if !errors.As(err, &ve) {
			return 0, false, err
		}
		out := &model.ValidationError{}
		for _, f := range ve.Fields {
			out.Add(fmt.Sprintf("row %d · %s", r.Row, f.Field), "merging into candidate %d: %s", id, f.Message)
		}
		return 0, false, out
	}
	if changed {
		if _, err := im.q.ExecContext(ctx, sqlUpdateCandidate, m.Name, m.Email, m.Phone, m.Location, m.LinkedIn,
			m.GitHub, m.Portfolio, m.Source, m.ResumeText, im.now, id); err != nil {
			return 0, false, fmt.Errorf("storage: import row %d: merge candidate: %w", r.Row, err)
		}
		if !slices.Equal(m.Tags, ex.Tags) {
			if err := writeTags(ctx, im.tx, id, m.Tags); err != nil {
				return 0, false, err
			}
		}
	}
	apps, err := candidateApplications(ctx, im.q, id)
	if err != nil {
		return 0, false, err
	}
	if !slices.ContainsFunc(apps, func(a model.Application) bool { return a.RoleID == im.roleID }) {
		return id, true, im.apply(ctx, id, true)
	}
	if changed || r.Note != "" {
		if _, err := im.q.ExecContext(ctx, sqlTouchCandidate, im.now, id); err != nil {
			return 0, false, err
		}
	}
	return id, false, nil
}

// apply does what apply() does, with the stage looked up once per import;
// touch marks the candidate updated.
func (im *candidateImport) apply(ctx context.Context, candidateID int64, touch bool) error {
	res, err := im.q.ExecContext(ctx, sqlInsertApplication, candidateID, im.roleID, im.stage.ID, "", im.now, im.now)
	if err != nil {
		return fmt.Errorf("storage: create application: %w", err)
	}
	appID, _ := res.LastInsertId()
	if _, err := im.q.ExecContext(ctx, sqlInsertEvent, appID, "", im.stage.Name, actorID(im.actor), im.actor.Name, "", im.now); err != nil {
		return fmt.Errorf("storage: record stage history: %w", err)
	}
	if touch {
		_, err = im.q.ExecContext(ctx, sqlTouchCandidate, im.now, candidateID)
	}
	return err
}

// Previews and commits a candidate-file import: reads and maps the file, plans it
// against the emails on file, and saves every row in one transaction or none.

package tracking

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"hirebench/app/importer"
	"hirebench/app/model"
	"hirebench/storage"
)

// PreviewImport reads a CSV or XLSX file (opts.Sheet chooses a workbook's
// sheet), maps its columns — guessed from the headers when m is nil — and
// plans the import against the emails already on file. Nothing is saved.
// The table is returned even when the mapping is refused, so a form can
// offer the headers.
func (s *Service) PreviewImport(ctx context.Context, name string, data []byte, m *importer.Mapping, opts importer.Options) (importer.Preview, importer.Table, error) {
	t, err := importer.ReadSheet(name, data, opts.Sheet)
	if err != nil {
		return importer.Preview{}, importer.Table{}, err
	}
	mapping := importer.GuessMapping(t.Headers)
	if m != nil {
		mapping = *m
	}
	if opts.ExistingEmails, err = s.store.EmailIndex(ctx); err != nil {
		return importer.Preview{}, t, err
	}
	p, err := importer.Plan(t, mapping, opts)
	if err != nil {
		return importer.Preview{}, t, err
	}
	return p, t, nil
}

// CommitImport saves a previewed import: creates and merges, each applied
// to roleID, in one transaction. When any row has errors the import is
// refused with every row error ("row 7 · Email") and nothing is saved,
// unless validOnly, which imports the other rows and leaves those out.
// Rows are checked again, as the preview may have travelled through the UI.
func (s *Service) CommitImport(ctx context.Context, preview importer.Preview, roleID int64, validOnly bool, actor model.Profile) (model.ImportResult, error) {
	if _, err := s.store.GetRole(ctx, roleID); errors.Is(err, model.ErrNotFound) {
		return model.ImportResult{}, model.Invalid("roleId", "role %d does not exist", roleID)
	} else if err != nil {
		return model.ImportResult{}, err
	}
	var rows []importRow
	problems := &model.ValidationError{}
	skipped, invalid := 0, 0
	for _, pr := range preview.Rows {
		errs := pr.Errors
		var row importRow
		switch pr.Action {
		case importer.ActionSkip:
			skipped++
			continue
		case importer.ActionCreate, importer.ActionMerge:
			row, errs = checkImportRow(pr)
		case importer.ActionError:
			if len(errs) == 0 {
				errs = []importer.CellError{{Row: pr.Row, Message: "the row has errors"}}
			}
		default:
			errs = []importer.CellError{{Row: pr.Row, Message: fmt.Sprintf("unknown action %q", pr.Action)}}
		}
		if len(errs) > 0 {
			invalid++
			for _, e := range errs {
				label := e.Column
				if label == "" {
					label = e.Field
				}
				field := fmt.Sprintf("row %d", pr.Row)
				if label != "" {
					field += " · " + label
				}
				problems.Add(field, "%s", e.Message)
			}
			continue
		}
		rows = append(rows, row)
	}
	if invalid > 0 && !validOnly {
		return model.ImportResult{}, problems
	}
	var res model.ImportResult
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		res = model.ImportResult{CreatedIDs: []int64{}, MergedIDs: []int64{}}
		im, err := startImport(tx, roleID, actor)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := im.save(r, &res); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return model.ImportResult{}, err
	}
	res.Skipped, res.Invalid = skipped+invalid, invalid
	return res, nil
}

// importRow is one candidate of an import, normalized and checked again.
type importRow struct {
	// row is the file's row, named in messages.
	row       int
	candidate model.Candidate
	// note, when not empty, is added to the candidate signed by the importer.
	note string
	// merge fills the empty fields of the candidate holding the row's email
	// (and adds tags, the application and the note) instead of creating one.
	merge bool
}

// checkImportRow validates a create or merge row again, with the rules of
// the candidate form and of notes.
func checkImportRow(pr importer.PreviewRow) (importRow, []importer.CellError) {
	in := pr.Input
	c := model.Candidate{CandidateInput: in}
	c.Normalize()
	var errs []importer.CellError
	// field overrides the error's own field name when not empty.
	add := func(err error, field string) {
		var ve *model.ValidationError
		if !errors.As(err, &ve) {
			errs = append(errs, importer.CellError{Row: pr.Row, Field: field, Message: err.Error()})
			return
		}
		for _, f := range ve.Fields {
			if field != "" {
				f.Field = field
			}
			errs = append(errs, importer.CellError{Row: pr.Row, Field: f.Field, Message: f.Message})
		}
	}
	if err := c.Validate(); err != nil {
		add(err, "")
	}
	note := ""
	if pr.Notes != "" {
		var err error
		if note, err = model.NoteBody(pr.Notes); err != nil {
			add(err, importer.FieldNotes)
		}
	}
	merge := pr.Action == importer.ActionMerge
	if merge && c.Email == "" {
		errs = append(errs, importer.CellError{Row: pr.Row, Field: "email", Message: "a row merged into an existing candidate needs their email"})
	}
	return importRow{row: pr.Row, candidate: c, note: note, merge: merge}, errs
}

// candidateImport is one import being written: the transaction, the role
// its candidates apply to and the stage they start in, and who imports.
type candidateImport struct {
	tx     *storage.Tx
	roleID int64
	// first is looked up once: a stage's lookup counts its applications,
	// which would grow with the import if done for every row.
	first model.Stage
	actor model.Profile
}

// startImport checks, inside the transaction, that the role still exists
// and has a stage to import into.
func startImport(tx *storage.Tx, roleID int64, actor model.Profile) (*candidateImport, error) {
	if _, err := tx.Role(roleID); errors.Is(err, model.ErrNotFound) {
		return nil, model.Invalid("roleId", "role %d does not exist", roleID)
	} else if err != nil {
		return nil, err
	}
	first, err := tx.FirstStage(roleID)
	if errors.Is(err, model.ErrNotFound) {
		return nil, model.Invalid("roleId", "role %d has no active stage to import into", roleID)
	} else if err != nil {
		return nil, err
	}
	return &candidateImport{tx: tx, roleID: roleID, first: first, actor: actor}, nil
}

// rowInvalid names the file row in a validation message: "row 7 · email".
func rowInvalid(row int, field, format string, args ...any) error {
	return model.Invalid(fmt.Sprintf("row %d · %s", row, field), format, args...)
}

// save creates or merges one row, applies the candidate to the role unless
// they have applied already, adds the row's note and counts it all in res.
func (im *candidateImport) save(r importRow, res *model.ImportResult) error {
	var id int64
	var applied bool
	var err error
	if r.merge {
		id, applied, err = im.merge(r)
		res.Merged++
		res.MergedIDs = append(res.MergedIDs, id)
	} else {
		id, err = im.create(r)
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
	if r.note != "" {
		if _, err := im.tx.AddNote(id, r.note, im.actor); err != nil {
			return fmt.Errorf("tracking: import row %d: %w", r.row, err)
		}
		res.Notes++
	}
	return nil
}

// create adds the row as a new candidate, unless someone took its email
// since the preview, and applies them to the role.
func (im *candidateImport) create(r importRow) (int64, error) {
	c := r.candidate
	if c.Email != "" {
		holder, err := im.tx.CandidateWithEmail(c.Email)
		if err == nil {
			ex, err := im.tx.Candidate(holder)
			if err != nil {
				return 0, err
			}
			return 0, rowInvalid(r.row, "email", "email %s now belongs to candidate %d (%s); preview the file again",
				c.Email, holder, ex.Name)
		}
		if !errors.Is(err, model.ErrNotFound) {
			return 0, err
		}
	}
	now := im.tx.Now()
	c.CreatedAt, c.UpdatedAt, c.ArchivedAt = now, now, ""
	id, err := im.tx.InsertCandidate(c)
	if err != nil {
		return 0, fmt.Errorf("tracking: import row %d: %w", r.row, err)
	}
	return id, im.apply(id) // created just now: no touch needed
}

// merge fills the existing candidate's empty fields from the row
// (model.CandidateInput.FillEmpty), adds the row's tags after theirs and
// applies them to the role if they have not applied yet. It reports
// whether an application was added.
func (im *candidateImport) merge(r importRow) (int64, bool, error) {
	id, err := im.tx.CandidateWithEmail(r.candidate.Email)
	if errors.Is(err, model.ErrNotFound) {
		return 0, false, rowInvalid(r.row, "email", "no candidate has the email %q any more; preview the file again", r.candidate.Email)
	}
	if err != nil {
		return 0, false, fmt.Errorf("tracking: import row %d: %w", r.row, err)
	}
	ex, err := im.tx.Candidate(id)
	if err != nil {
		return 0, false, err
	}
	m := ex
	m.Tags = slices.Clone(ex.Tags)
	changed := m.FillEmpty(r.candidate.CandidateInput)
	if err := m.Validate(); err != nil {
		var ve *model.ValidationError
		if !errors.As(err, &ve) {
			return 0, false, err
		}
		out := &model.ValidationError{}
		for _, f := range ve.Fields {
			out.Add(fmt.Sprintf("row %d · %s", r.row, f.Field), "merging into candidate %d: %s", id, f.Message)
		}
		return 0, false, out
	}
	if changed {
		if err := im.tx.UpdateCandidate(m); err != nil {
			return 0, false, fmt.Errorf("tracking: import row %d: %w", r.row, err)
		}
		if !slices.Equal(m.Tags, ex.Tags) {
			if err := im.tx.WriteTags(id, m.Tags); err != nil {
				return 0, false, err
			}
		}
	}
	_, err = im.tx.ApplicationOf(id, im.roleID)
	if errors.Is(err, model.ErrNotFound) {
		if err := im.apply(id); err != nil {
			return 0, false, err
		}
		return id, true, im.tx.TouchCandidate(id)
	}
	if err != nil {
		return 0, false, err
	}
	if changed || r.note != "" {
		if err := im.tx.TouchCandidate(id); err != nil {
			return 0, false, err
		}
	}
	return id, false, nil
}

// apply puts a candidate into the role's first stage, recording the move
// in the stage history.
func (im *candidateImport) apply(candidateID int64) error {
	now := im.tx.Now()
	_, err := im.tx.InsertApplication(model.Application{CandidateID: candidateID, RoleID: im.roleID,
		StageID: im.first.ID, StageName: im.first.Name, CreatedAt: now, EnteredStageAt: now}, "", im.actor)
	return err
}

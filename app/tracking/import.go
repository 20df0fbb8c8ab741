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
// plans the import against the emails and the roles already on file (a
// Job column's titles, a stage column's names). Nothing is saved.
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
	if opts.Roles, err = s.store.ListRoles(ctx); err != nil {
		return importer.Preview{}, t, err
	}
	p, err := importer.Plan(t, mapping, opts)
	if err != nil {
		return importer.Preview{}, t, err
	}
	return p, t, nil
}

// CommitImport saves a previewed import: creates and merges, each applied
// to the role and stage the plan chose (roleID and its first stage for rows
// the plan left without one), in one transaction. When any row has errors
// the import is refused with every row error ("row 7 · Email") and nothing
// is saved, unless validOnly, which imports the other rows and leaves those
// out. The result counts the rows as the preview did. Rows are checked
// again, as the preview may have travelled through the UI.
func (s *Service) CommitImport(ctx context.Context, preview importer.Preview, roleID int64, validOnly bool, actor model.Profile) (model.ImportResult, error) {
	if roleID != 0 {
		if _, err := s.store.GetRole(ctx, roleID); errors.Is(err, model.ErrNotFound) {
			return model.ImportResult{}, model.Invalid("roleId", "role %d does not exist", roleID)
		} else if err != nil {
			return model.ImportResult{}, err
		}
	}
	var rows []importRow
	problems := &model.ValidationError{}
	res := model.ImportResult{Skips: preview.Skips, InvalidRows: []int{}}
	if res.Skips == nil {
		res.Skips = []model.ImportSkip{}
	}
	for _, pr := range preview.Rows {
		errs := pr.Errors
		var row importRow
		switch pr.Action {
		case importer.ActionSkip:
			res.Skipped++
			continue
		case importer.ActionCreate, importer.ActionMerge:
			row, errs = checkImportRow(pr, roleID)
		case importer.ActionError:
			if len(errs) == 0 {
				errs = []importer.CellError{{Row: pr.Row, Message: "the row has errors"}}
			}
		default:
			errs = []importer.CellError{{Row: pr.Row, Message: fmt.Sprintf("unknown action %q", pr.Action)}}
		}
		if len(errs) > 0 {
			res.Invalid++
			if len(res.InvalidRows) < maxListedRows {
				res.InvalidRows = append(res.InvalidRows, pr.Row)
			}
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
	if res.Invalid > 0 && !validOnly {
		return model.ImportResult{}, problems
	}
	if slices.ContainsFunc(rows, func(r importRow) bool { return r.roleID == 0 }) {
		return model.ImportResult{}, model.Invalid("roleId", "choose the role the candidates apply to")
	}
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		res.CreatedIDs, res.MergedIDs = []int64{}, []int64{}
		res.Created, res.Merged, res.Applications, res.Notes = 0, 0, 0, 0
		im := &candidateImport{tx: tx, roles: map[int64]model.Role{}, actor: actor}
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
	res.Imported = res.Created + res.Merged
	return res, nil
}

// maxListedRows caps the rows a result names (those left out with errors).
const maxListedRows = 20

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
	// roleID and stageID are where the row applies (stageID 0: the role's
	// first stage).
	roleID, stageID int64
}

// checkImportRow validates a create or merge row again, with the rules of
// the candidate form and of notes; a row the plan gave no role goes to roleID.
func checkImportRow(pr importer.PreviewRow, roleID int64) (importRow, []importer.CellError) {
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
	r := importRow{row: pr.Row, candidate: c, note: note, merge: merge, roleID: pr.RoleID, stageID: pr.StageID}
	if r.roleID == 0 {
		r.roleID = roleID
		if pr.FileStage != "" {
			// Its stage was never matched against a role's stages.
			errs = append(errs, importer.CellError{Row: pr.Row, Field: importer.FieldStage,
				Message: "the stage was planned without a role; preview the import again with the role chosen"})
		}
	}
	return r, errs
}

// candidateImport is one import being written: the transaction, the roles
// its rows apply to (each read once, with its stages), and who imports.
type candidateImport struct {
	tx    *storage.Tx
	roles map[int64]model.Role
	actor model.Profile
}

// stage returns a row's role and stage as they are now, refusing a role or
// stage deleted since the preview.
func (im *candidateImport) stage(r importRow) (model.Stage, error) {
	role, ok := im.roles[r.roleID]
	if !ok {
		var err error
		role, err = im.tx.Role(r.roleID)
		if errors.Is(err, model.ErrNotFound) {
			return model.Stage{}, rowInvalid(r.row, "job", "role %d no longer exists; preview the file again", r.roleID)
		} else if err != nil {
			return model.Stage{}, err
		}
		im.roles[r.roleID] = role
	}
	for _, st := range role.Stages {
		if st.ID == r.stageID || r.stageID == 0 && st.Kind == model.StageActive {
			return st, nil
		}
	}
	if r.stageID == 0 {
		return model.Stage{}, rowInvalid(r.row, "job", "role %q has no active stage to import into", role.Title)
	}
	return model.Stage{}, rowInvalid(r.row, "stage", "stage %d is no longer a stage of role %q; preview the file again", r.stageID, role.Title)
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
	st, err := im.stage(r)
	if err != nil {
		return err
	}
	if r.merge {
		id, applied, err = im.merge(r, st)
		res.Merged++
		res.MergedIDs = append(res.MergedIDs, id)
	} else {
		id, err = im.create(r, st)
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
func (im *candidateImport) create(r importRow, st model.Stage) (int64, error) {
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
	return id, im.apply(id, st) // created just now: no touch needed
}

// merge fills the existing candidate's empty fields from the row
// (model.CandidateInput.FillEmpty), adds the row's tags after theirs and
// applies them to the role at the row's stage if they have not applied yet
// (an application already there stays in its stage). It reports whether an
// application was added.
func (im *candidateImport) merge(r importRow, st model.Stage) (int64, bool, error) {
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
		if err := im.tx.UpdateCandidate(m, im.actor); err != nil {
			return 0, false, fmt.Errorf("tracking: import row %d: %w", r.row, err)
		}
		if !slices.Equal(m.Tags, ex.Tags) {
			if err := im.tx.WriteTags(id, m.Tags); err != nil {
				return 0, false, err
			}
		}
	}
	_, err = im.tx.ApplicationOf(id, st.RoleID)
	if errors.Is(err, model.ErrNotFound) {
		if err := im.apply(id, st); err != nil {
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

// apply puts a candidate into a stage of a role, recording the arrival in
// the stage history with the reason "imported"; into a rejected stage with
// the rejection reason importer.RejectedReason, never none.
func (im *candidateImport) apply(candidateID int64, st model.Stage) error {
	now := im.tx.Now()
	_, err := im.tx.InsertApplication(model.Application{CandidateID: candidateID, RoleID: st.RoleID,
		StageID: st.ID, StageName: st.Name, RejectionReason: importer.RejectionReason(st), CreatedAt: now, EnteredStageAt: now},
		ImportedReason, im.actor)
	return err
}

// ImportedReason is the stage history's reason for an imported application.
const ImportedReason = "imported"

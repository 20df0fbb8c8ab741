// Previews and commits a candidate-file import: reads and maps the file, plans it
// against the emails on file, and saves every row in one transaction or none.

package tracking

import (
	"context"
	"errors"
	"fmt"

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
	var rows []storage.ImportRow
	problems := &model.ValidationError{}
	skipped, invalid := 0, 0
	for _, pr := range preview.Rows {
		errs := pr.Errors
		var row storage.ImportRow
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
	res, err := s.store.ImportCandidates(ctx, rows, roleID, actor)
	if err != nil {
		return model.ImportResult{}, err
	}
	res.Skipped, res.Invalid = skipped+invalid, invalid
	return res, nil
}

// checkImportRow validates a create or merge row again, with the rules of
// the candidate form and of notes.
func checkImportRow(pr importer.PreviewRow) (storage.ImportRow, []importer.CellError) {
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
	return storage.ImportRow{Row: pr.Row, Candidate: c, Note: note, Merge: merge}, errs
}

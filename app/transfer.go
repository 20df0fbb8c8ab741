// The window's Transfer facade: choosing, previewing and committing a candidate-file
// import, and exporting or importing a workspace bundle.

package app

import (
	"context"
	"io"
	"path/filepath"

	"hirebench/app/bundle"
	"hirebench/app/files"
	"hirebench/app/importer"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
)

// Transfer is bound to the window: importing candidate files and moving
// work between laptops as bundles.
type Transfer struct {
	svc     *tracking.Service
	bundles *transfer.Service
	ws      *Workspace
	rt      Shell

	files *chooser // candidate files chosen to import
}

func NewTransfer(svc *tracking.Service, bundles *transfer.Service, ws *Workspace, rt Shell) *Transfer {
	chosen := &chooser{rt: rt,
		title: "Choose a candidate file", pattern: "*.csv;*.CSV;*.xlsx;*.XLSX", patternName: "CSV or Excel file",
		what: "imports", limit: importer.MaxFileSize}
	ws.onProfileSwitch(chosen.forgetAll)
	return &Transfer{svc: svc, bundles: bundles, ws: ws, rt: rt, files: chosen}
}

// ImportRequest is the chosen candidate file (by its token) with the
// user's choices. Go reads the file again for every preview and on commit,
// so what is saved is re-read and re-checked, never a preview the page
// could have altered.
type ImportRequest struct {
	Token     string           `json:"token"`
	Sheet     string           `json:"sheet"`
	Mapping   importer.Mapping `json:"mapping"` // nil or empty: guess from the headers
	Policy    string           `json:"policy"`  // skip or merge
	RoleID    int64            `json:"roleId"`  // for rows that name no job
	ValidOnly bool             `json:"validOnly"`
	// Jobs and Stages answer the job titles and stage names of the file
	// that match no role or stage.
	Jobs   []importer.JobChoice   `json:"jobs"`
	Stages []importer.StageChoice `json:"stages"`
}

// ImportPreview is what the wizard shows: the first rows, every error
// (capped), the counts and why rows are skipped, and where the file's jobs
// and stages go.
type ImportPreview struct {
	Headers    []string              `json:"headers"`
	Sheets     []string              `json:"sheets"`
	Sheet      string                `json:"sheet"`
	Mapping    importer.Mapping      `json:"mapping"`
	Fields     []string              `json:"fields"`
	Rows       []importer.PreviewRow `json:"rows"`
	TotalRows  int                   `json:"totalRows"`
	Errors     []importer.CellError  `json:"errors"`
	MoreErrors int                   `json:"moreErrors"`
	Counts     importer.Counts       `json:"counts"`
	Skips      []model.ImportSkip    `json:"skips"`
	Jobs       []importer.JobMatch   `json:"jobs"`
	MoreJobs   int                   `json:"moreJobs"`
	Stages     []importer.StageMatch `json:"stages"`
	MoreStages int                   `json:"moreStages"`
}

const (
	previewRows   = 50
	previewErrors = 500
)

// ChooseImportFile shows the open dialog for a CSV or Excel file and checks
// it is a file of at most importer.MaxFileSize bytes (nothing is read yet);
// nil when the user cancelled.
func (t *Transfer) ChooseImportFile() (*ImportFile, error) {
	return result(t.files.choose())
}

// plan reads the chosen file again, checks it again and plans the import.
func (t *Transfer) plan(req ImportRequest) (importer.Preview, importer.Table, error) {
	name, data, err := t.files.read(req.Token)
	if err != nil {
		return importer.Preview{}, importer.Table{}, err
	}
	var m *importer.Mapping
	if len(req.Mapping) > 0 {
		m = &req.Mapping
	}
	return t.svc.PreviewImport(context.Background(), name, data, m, importer.Options{DuplicatePolicy: req.Policy, Sheet: req.Sheet,
		RoleID: req.RoleID, Jobs: req.Jobs, Stages: req.Stages})
}

// PreviewImport reads the chosen CSV/XLSX file and plans the import; nothing is saved.
func (t *Transfer) PreviewImport(req ImportRequest) (ImportPreview, error) {
	p, tab, err := t.plan(req)
	if err != nil {
		return ImportPreview{}, userError(err)
	}
	out := ImportPreview{Headers: p.Headers, Sheets: tab.Sheets, Sheet: tab.Sheet, Mapping: p.Mapping, Fields: importer.Fields,
		TotalRows: len(p.Rows), Counts: p.Counts, Errors: []importer.CellError{}, Skips: p.Skips,
		Jobs: p.Jobs, MoreJobs: p.MoreJobs, Stages: p.Stages, MoreStages: p.MoreStages}
	out.Rows = p.Rows[:min(len(p.Rows), previewRows)]
	for _, e := range p.Errors() {
		if len(out.Errors) < previewErrors {
			out.Errors = append(out.Errors, e)
		} else {
			out.MoreErrors++
		}
	}
	return out, nil
}

// CommitImport reads the chosen file again and imports it: all rows or
// nothing, unless ValidOnly. Once imported, the file's token is spent.
func (t *Transfer) CommitImport(req ImportRequest) (model.ImportResult, error) {
	// Who imports is asked first: nobody signed in hears that, whatever the file.
	res, err := withActor(t.ws, func(a model.Profile) (model.ImportResult, error) {
		p, _, err := t.plan(req)
		if err != nil {
			return model.ImportResult{}, err
		}
		return t.svc.CommitImport(context.Background(), p, req.RoleID, req.ValidOnly, a)
	})
	if err == nil {
		t.files.forget(req.Token)
	}
	return res, err
}

// BundleResult says where a bundle was written; Saved is false when cancelled.
type BundleResult struct {
	Saved   bool           `json:"saved"`
	Path    string         `json:"path"`
	Summary bundle.Summary `json:"summary"`
}

// ExportBundle asks where to save a bundle: the whole workspace, or only
// the current profile's submitted scorecards (mine) to send to the recruiter.
func (t *Transfer) ExportBundle(mine bool) (BundleResult, error) {
	return withActor(t.ws, func(a model.Profile) (BundleResult, error) {
		name := "hirebench-workspace.hbundle"
		opts := bundle.ExportOptions{AppVersion: Version}
		if mine {
			name = fileName("hirebench scorecards "+a.Name, "hirebench-scorecards", ".hbundle")
			opts.AuthorID = a.ID
		}
		if err := transfer.MayExportBundle(opts, scoring.ExporterOf(a)); err != nil {
			return BundleResult{}, err // before the dialog: no asking where to save what cannot be saved
		}
		path, err := t.rt.savePath("Export bundle", name, "*.hbundle;*.zip", "hirebench bundle")
		if err != nil || path == "" {
			return BundleResult{}, err
		}
		var sum bundle.Summary
		err = saveTo(context.Background(), t.ws, path, func(w io.Writer) error {
			var err error
			sum, err = t.bundles.ExportBundle(context.Background(), w, opts, scoring.ExporterOf(a))
			return err
		})
		return BundleResult{Saved: err == nil, Path: path, Summary: sum}, err
	})
}

// ImportBundle asks for a bundle file and merges it; the report lists what
// was added, what was already here and every conflict (local data kept).
func (t *Transfer) ImportBundle() (*bundle.ImportReport, error) {
	return withActor(t.ws, func(a model.Profile) (*bundle.ImportReport, error) {
		path, err := t.rt.openPath("Import bundle", "*.hbundle;*.zip", "hirebench bundle")
		if err != nil || path == "" {
			return nil, err
		}
		f, st, err := files.OpenRegular(path)
		if err != nil {
			return nil, files.Refusal(filepath.Base(path), "bundles", 0, err)
		}
		defer f.Close()
		rep, err := t.bundles.ImportBundle(context.Background(), f, st.Size(), a, scoring.ExporterOf(a), bundle.ImportOptions{})
		return &rep, err
	})
}

package app

import (
	"context"
	"encoding/base64"
	"io"
	"os"

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
}

func NewTransfer(svc *tracking.Service, bundles *transfer.Service, ws *Workspace, rt Shell) *Transfer {
	return &Transfer{svc: svc, bundles: bundles, ws: ws, rt: rt}
}

// ImportRequest is a candidate file as the window read it, with the
// user's choices. The file travels again on commit, so what is saved is
// re-read and re-checked, never a preview the page could have altered.
type ImportRequest struct {
	Name      string           `json:"name"`
	Base64    string           `json:"base64"`
	Sheet     string           `json:"sheet"`
	Mapping   importer.Mapping `json:"mapping"` // nil or empty: guess from the headers
	Policy    string           `json:"policy"`  // skip or merge
	RoleID    int64            `json:"roleId"`
	ValidOnly bool             `json:"validOnly"`
}

// ImportPreview is what the mapping screen shows: the first rows, every
// error (capped) and the counts.
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
}

const (
	previewRows   = 50
	previewErrors = 500
)

func (t *Transfer) plan(req ImportRequest) (importer.Preview, importer.Table, error) {
	data, err := base64.StdEncoding.DecodeString(req.Base64)
	if err != nil {
		return importer.Preview{}, importer.Table{}, model.Invalid("file", "%s could not be read", req.Name)
	}
	var m *importer.Mapping
	if len(req.Mapping) > 0 {
		m = &req.Mapping
	}
	return t.svc.PreviewImport(context.Background(), req.Name, data, m, importer.Options{DuplicatePolicy: req.Policy, Sheet: req.Sheet})
}

// PreviewImport reads a CSV/XLSX file and plans the import; nothing is saved.
func (t *Transfer) PreviewImport(req ImportRequest) (ImportPreview, error) {
	p, tab, err := t.plan(req)
	if err != nil {
		return ImportPreview{}, userError(err)
	}
	out := ImportPreview{Headers: p.Headers, Sheets: tab.Sheets, Sheet: tab.Sheet, Mapping: p.Mapping, Fields: importer.Fields,
		TotalRows: len(p.Rows), Counts: p.Counts, Errors: []importer.CellError{}}
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

// CommitImport imports the file: all rows or nothing, unless ValidOnly.
func (t *Transfer) CommitImport(req ImportRequest) (model.ImportResult, error) {
	if req.RoleID == 0 {
		return model.ImportResult{}, userError(model.Invalid("roleId", "choose the role the candidates apply to"))
	}
	p, _, err := t.plan(req)
	if err != nil {
		return model.ImportResult{}, userError(err)
	}
	return withActor(t.ws, func(a model.Profile) (model.ImportResult, error) {
		return t.svc.CommitImport(context.Background(), p, req.RoleID, req.ValidOnly, a)
	})
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
			name = "hirebench-scorecards-" + fileName(a.Name) + ".hbundle"
			opts.AuthorID = a.ID
		}
		path, err := t.rt.savePath("Export bundle", name, "*.hbundle;*.zip", "hirebench bundle")
		if err != nil || path == "" {
			return BundleResult{}, err
		}
		var sum bundle.Summary
		err = files.WriteAtomic(path, func(w io.Writer) error {
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
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		rep, err := t.bundles.ImportBundle(context.Background(), f, st.Size(), a, scoring.ExporterOf(a), bundle.ImportOptions{})
		return &rep, err
	})
}

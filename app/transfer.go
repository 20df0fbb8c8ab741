package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

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

	mu     sync.Mutex
	chosen []chosenFile // the last few files chosen to import, newest last
}

// chosenFile is a file the user chose in the open dialog. The page only
// ever holds its token: it never sends a path for Go to read.
type chosenFile struct {
	token, path, name string
}

// keepChosen is how many chosen files stay valid: the wizard needs only the
// latest, a few spare ones cover answers still on their way.
const keepChosen = 4

func NewTransfer(svc *tracking.Service, bundles *transfer.Service, ws *Workspace, rt Shell) *Transfer {
	return &Transfer{svc: svc, bundles: bundles, ws: ws, rt: rt}
}

// ImportFile is the candidate file the user chose: the token stands for it
// in ImportRequest.
type ImportFile struct {
	Token string `json:"token"`
	Name  string `json:"name"`
	Size  int64  `json:"size"`
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

// ChooseImportFile shows the open dialog for a CSV or Excel file and checks
// it is a file of at most importer.MaxFileSize bytes (nothing is read yet);
// nil when the user cancelled.
func (t *Transfer) ChooseImportFile() (*ImportFile, error) {
	path, err := t.rt.openPath("Choose a candidate file", "*.csv;*.CSV;*.xlsx;*.XLSX", "CSV or Excel file")
	if err != nil || path == "" {
		return nil, userError(err)
	}
	name := filepath.Base(path)
	st, err := files.Check(path, importer.MaxFileSize)
	if err != nil {
		return nil, userError(chosenFileError(name, "imports", importer.MaxFileSize, err))
	}
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	f := chosenFile{token: hex.EncodeToString(b[:]), path: path, name: name}
	t.mu.Lock()
	t.chosen = append(t.chosen, f)
	if len(t.chosen) > keepChosen {
		t.chosen = append([]chosenFile(nil), t.chosen[len(t.chosen)-keepChosen:]...)
	}
	t.mu.Unlock()
	return &ImportFile{Token: f.token, Name: name, Size: st.Size()}, nil
}

func (t *Transfer) lookup(token string) (chosenFile, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, f := range t.chosen {
		if token != "" && f.token == token {
			return f, true
		}
	}
	return chosenFile{}, false
}

func (t *Transfer) forget(token string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, f := range t.chosen {
		if f.token == token {
			t.chosen = append(t.chosen[:i:i], t.chosen[i+1:]...)
			return
		}
	}
}

// chosenFileError says in plain words why a chosen file cannot be read,
// naming the file but never its folder (paths can hold people's names).
// what is "imports" or "attachments", limit their size in bytes.
func chosenFileError(name, what string, limit int64, err error) error {
	switch {
	case errors.Is(err, files.ErrTooBig):
		return model.Invalid("file", "%s is over the %d MB limit for %s", name, limit>>20, what)
	case errors.Is(err, files.ErrFolder):
		return model.Invalid("file", "%s is a folder; choose a file", name)
	case errors.Is(err, files.ErrNotRegular):
		return model.Invalid("file", "%s is not an ordinary file; choose a file", name)
	case errors.Is(err, fs.ErrNotExist):
		return model.Invalid("file", "%s is no longer there; choose it again", name)
	case errors.Is(err, fs.ErrPermission):
		return model.Invalid("file", "%s could not be opened: you may not read it", name)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path stays out of the log
	}
	slog.Warn("a chosen file could not be read", "err", err)
	return model.Invalid("file", "%s could not be read; try again", name)
}

// plan reads the chosen file again, checks it again and plans the import.
func (t *Transfer) plan(req ImportRequest) (importer.Preview, importer.Table, error) {
	f, ok := t.lookup(req.Token)
	if !ok {
		return importer.Preview{}, importer.Table{}, model.Invalid("file", "choose the file again")
	}
	data, err := files.ReadLimited(f.path, importer.MaxFileSize)
	if err != nil {
		return importer.Preview{}, importer.Table{}, chosenFileError(f.name, "imports", importer.MaxFileSize, err)
	}
	var m *importer.Mapping
	if len(req.Mapping) > 0 {
		m = &req.Mapping
	}
	return t.svc.PreviewImport(context.Background(), f.name, data, m, importer.Options{DuplicatePolicy: req.Policy, Sheet: req.Sheet})
}

// PreviewImport reads the chosen CSV/XLSX file and plans the import; nothing is saved.
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

// CommitImport reads the chosen file again and imports it: all rows or
// nothing, unless ValidOnly. Once imported, the file's token is spent.
func (t *Transfer) CommitImport(req ImportRequest) (model.ImportResult, error) {
	if req.RoleID == 0 {
		return model.ImportResult{}, userError(model.Invalid("roleId", "choose the role the candidates apply to"))
	}
	p, _, err := t.plan(req)
	if err != nil {
		return model.ImportResult{}, userError(err)
	}
	res, err := withActor(t.ws, func(a model.Profile) (model.ImportResult, error) {
		return t.svc.CommitImport(context.Background(), p, req.RoleID, req.ValidOnly, a)
	})
	if err == nil {
		t.forget(req.Token)
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

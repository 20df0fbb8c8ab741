// The window's Exports facade: asks where to save, then writes the committee
// workbook or a CSV, reporting progress and allowing a cancel.

package app

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"sync"

	"hirebench/app/files"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/exports"
)

// Exports is bound to the window: the committee workbook and CSV files.
type Exports struct {
	svc *interviews.Service
	ws  *Workspace
	rt  Shell

	mu     sync.Mutex
	cancel context.CancelFunc // of the export running, if any
}

func NewExports(svc *interviews.Service, ws *Workspace, rt Shell) *Exports {
	return &Exports{svc: svc, ws: ws, rt: rt}
}

// ExportResult says what was written; Saved is false when the user
// cancelled, in the save dialog or (Cancelled) while it was written.
type ExportResult struct {
	Saved      bool   `json:"saved"`
	Cancelled  bool   `json:"cancelled"`
	Path       string `json:"path"`
	Candidates int    `json:"candidates"`
	Rows       int    `json:"rows"`
}

// ExportProgress is emitted as "export:progress" while an export runs.
// Every export ends with one of done, failed or cancelled.
type ExportProgress struct {
	Stage   string `json:"stage"` // gathering, choosing, writing, then done, failed or cancelled
	Percent int    `json:"percent"`
}

// CancelExport stops the export being written; it writes nothing (the
// file it was writing is removed, an existing one kept).
func (e *Exports) CancelExport() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
	}
}

// cancellable is a writer that stops once ctx is cancelled.
type cancellable struct {
	ctx context.Context
	w   io.Writer
}

func (c cancellable) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// Workbook asks where to save, then writes the role's committee workbook.
func (e *Exports) Workbook(roleID int64) (ExportResult, error) {
	return e.export(roleID, "Export committee workbook", ".xlsx", "*.xlsx", "Excel workbook", func(w io.Writer, c exports.Committee) error {
		return exports.WriteWorkbook(w, c)
	})
}

// CSV writes the role's Summary ("summary") or Scorecards ("scorecards") as
// CSV; bom adds the byte-order mark older Excel versions need for UTF-8.
func (e *Exports) CSV(roleID int64, which string, bom bool) (ExportResult, error) {
	write := exports.WriteSummaryCSV
	switch which {
	case "summary":
	case "scorecards":
		write = exports.WriteScorecardsCSV
	default:
		return ExportResult{}, userError(model.Invalid("which", "choose summary or scorecards"))
	}
	return e.export(roleID, "Export "+which+" CSV", "-"+which+".csv", "*.csv", "CSV file", func(w io.Writer, c exports.Committee) error {
		return write(w, c, bom)
	})
}

func (e *Exports) export(roleID int64, title, suffix, pattern, patternName string, write func(io.Writer, exports.Committee) error) (res ExportResult, err error) {
	ctx, cancel := context.WithCancel(context.Background())
	e.mu.Lock()
	e.cancel = cancel
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		e.cancel = nil
		e.mu.Unlock()
		cancel()
		// However it went, the page learns that the export ended.
		switch {
		case res.Cancelled:
			e.rt.emit("export:progress", ExportProgress{Stage: "cancelled", Percent: 100})
		case err != nil:
			e.rt.emit("export:progress", ExportProgress{Stage: "failed", Percent: 100})
		default:
			e.rt.emit("export:progress", ExportProgress{Stage: "done", Percent: 100})
		}
	}()
	viewer, err := e.ws.actor()
	if err != nil {
		return ExportResult{}, userError(err)
	}
	// Gathered first: the service refuses someone who may not export it
	// before a save dialog asks where to put it.
	e.rt.emit("export:progress", ExportProgress{Stage: "gathering", Percent: 0})
	c, err := e.svc.Committee(ctx, roleID, Version, scoring.ExporterOf(viewer))
	if err != nil {
		return ExportResult{}, userError(err)
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "choosing", Percent: 10})
	path, err := e.rt.savePath(title, fileName(c.RoleTitle)+suffix, pattern, patternName)
	if err != nil || path == "" {
		return ExportResult{}, userError(err)
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "writing", Percent: 40})
	err = files.WriteAtomic(path, func(w io.Writer) error { return write(cancellable{ctx, w}, c) })
	switch {
	case errors.Is(err, context.Canceled):
		return ExportResult{Cancelled: true, Path: path}, nil
	case err != nil:
		return ExportResult{}, userError(files.SaveRefusal(filepath.Base(path), err))
	}
	return ExportResult{Saved: true, Path: path, Candidates: len(c.Candidates), Rows: len(c.Scorecards)}, nil
}

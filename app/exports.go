// The window's Exports facade: asks where to save, then writes the committee
// workbook or a CSV, reporting progress and allowing a cancel.

package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

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
	cancel context.CancelFunc // of the export running, if any (one at a time)
}

func NewExports(svc *interviews.Service, ws *Workspace, rt Shell) *Exports {
	return &Exports{svc: svc, ws: ws, rt: rt}
}

// ExportResult says what was written. Cancelled (and not Saved) when the
// user pressed Cancel at any step or closed the save dialog: nothing was
// written (Path is set only when Cancel came while the file was written).
type ExportResult struct {
	Saved      bool   `json:"saved"`
	Cancelled  bool   `json:"cancelled"`
	Path       string `json:"path"`
	Candidates int    `json:"candidates"`
	Rows       int    `json:"rows"`
}

// ExportProgress is emitted as "export:progress" while an export runs.
// Every export ends with one of done, failed or cancelled; one refused
// because another is running emits nothing.
type ExportProgress struct {
	Stage   string `json:"stage"` // gathering, choosing, writing, then done, failed or cancelled
	Percent int    `json:"percent"`
}

// CancelExport stops the export running, at whatever step it is; it writes
// nothing (the file it was writing is removed, an existing one kept).
func (e *Exports) CancelExport() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
	}
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
	defer cancel()
	// One export at a time, so Cancel always means the one the page shows;
	// a second is refused before it says anything on the progress channel.
	if !e.begin(cancel) {
		return ExportResult{}, userError(errExportRunning)
	}
	defer func() {
		e.end()
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
	switch {
	case ctx.Err() != nil: // Cancel pressed: whatever the read said, it is not a failure
		return ExportResult{Cancelled: true}, nil
	case err != nil:
		return ExportResult{}, userError(err)
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "choosing", Percent: 10})
	path, err := e.rt.savePath(title, fileName(c.RoleTitle, "role", suffix), pattern, patternName)
	switch {
	case err != nil:
		return ExportResult{}, userError(err)
	case path == "" || ctx.Err() != nil: // the dialog was closed, or Cancel pressed meanwhile
		return ExportResult{Cancelled: true}, nil
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "writing", Percent: 40})
	err = saveTo(ctx, e.ws, path, func(w io.Writer) error { return write(w, c) })
	switch {
	case err != nil && (errors.Is(err, context.Canceled) || ctx.Err() != nil):
		return ExportResult{Cancelled: true, Path: path}, nil
	case err != nil:
		return ExportResult{}, userError(err)
	}
	return ExportResult{Saved: true, Path: path, Candidates: len(c.Candidates), Rows: len(c.Scorecards)}, nil
}

// errExportRunning refuses an export while another one is running.
var errExportRunning = fmt.Errorf("another export is still running; wait for it to finish or cancel it: %w", model.ErrConflict)

// begin takes the one export slot for an export cancelled by cancel; false
// when another export holds it.
func (e *Exports) begin(cancel context.CancelFunc) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		return false
	}
	e.cancel = cancel
	return true
}

// end frees the slot begin took.
func (e *Exports) end() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cancel = nil
}

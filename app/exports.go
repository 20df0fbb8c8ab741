package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

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
	rt  *Runtime
}

func NewExports(svc *interviews.Service, ws *Workspace, rt *Runtime) *Exports {
	return &Exports{svc: svc, ws: ws, rt: rt}
}

// ExportResult says what was written; Saved is false when the user cancelled.
type ExportResult struct {
	Saved      bool   `json:"saved"`
	Path       string `json:"path"`
	Candidates int    `json:"candidates"`
	Rows       int    `json:"rows"`
}

// ExportProgress is emitted as "export:progress" while an export runs.
type ExportProgress struct {
	Stage   string `json:"stage"` // choosing, gathering, writing, done
	Percent int    `json:"percent"`
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

func (e *Exports) export(roleID int64, title, suffix, pattern, patternName string, write func(io.Writer, exports.Committee) error) (ExportResult, error) {
	ctx := context.Background()
	viewer, err := e.ws.actor()
	if err != nil {
		return ExportResult{}, userError(err)
	}
	// Gathered first: the service refuses someone who may not export it
	// before a save dialog asks where to put it.
	e.rt.emit("export:progress", ExportProgress{Stage: "gathering", Percent: 0})
	c, err := e.svc.Committee(ctx, roleID, Version, scoring.ExporterOf(viewer))
	if err != nil {
		e.rt.emit("export:progress", ExportProgress{Stage: "done", Percent: 100})
		return ExportResult{}, userError(err)
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "choosing", Percent: 10})
	path, err := e.rt.savePath(title, fileName(c.RoleTitle)+suffix, pattern, patternName)
	if err != nil || path == "" {
		e.rt.emit("export:progress", ExportProgress{Stage: "done", Percent: 100})
		return ExportResult{}, userError(err)
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "writing", Percent: 40})
	if err := files.WriteAtomic(path, func(w io.Writer) error { return write(w, c) }); err != nil {
		e.rt.emit("export:progress", ExportProgress{Stage: "done", Percent: 100})
		return ExportResult{}, userError(fmt.Errorf("export to %s: %w", filepath.Base(path), err))
	}
	e.rt.emit("export:progress", ExportProgress{Stage: "done", Percent: 100})
	return ExportResult{Saved: true, Path: path, Candidates: len(c.Candidates), Rows: len(c.Scorecards)}, nil
}

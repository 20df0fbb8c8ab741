// The window's Candidates facade: creating, editing and listing candidates, their
// applications, stage moves, notes and attached files.

package app

import (
	"context"
	"path/filepath"

	"hirebench/app/filename"
	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/tracking"
)

// Candidates is bound to the window: candidates, applications, notes, files.
type Candidates struct {
	svc *tracking.Service
	ws  *Workspace
	rt  Shell
}

func NewCandidates(svc *tracking.Service, ws *Workspace, rt Shell) *Candidates {
	return &Candidates{svc: svc, ws: ws, rt: rt}
}

// Create adds a candidate applied to roleIDs; a known email fails with code "duplicate".
func (c *Candidates) Create(in model.CandidateInput, roleIDs []int64) (model.Candidate, error) {
	return withActor(c.ws, func(a model.Profile) (model.Candidate, error) {
		return c.svc.CreateCandidate(context.Background(), in, roleIDs, a)
	})
}

// Update saves the fields set in patch (autosave) as the current profile's
// change; code "changed" when someone changed the candidate after
// patch.Version, the version the edit was made from.
func (c *Candidates) Update(id int64, patch model.CandidatePatch) (model.Candidate, error) {
	return withActor(c.ws, func(a model.Profile) (model.Candidate, error) {
		return c.svc.UpdateCandidate(context.Background(), id, patch, a)
	})
}

// FindByEmail returns who already has an email; not_found when nobody does.
func (c *Candidates) FindByEmail(email string) (model.Candidate, error) {
	return result(c.svc.FindByEmail(context.Background(), email))
}

func (c *Candidates) Detail(id int64) (model.CandidateDetail, error) {
	return result(c.svc.Detail(context.Background(), id))
}

func (c *Candidates) List(f model.CandidateFilter) (model.CandidatePage, error) {
	return result(c.svc.List(context.Background(), f))
}

func (c *Candidates) Facets() (model.Facets, error) {
	return result(c.svc.Facets(context.Background()))
}

func (c *Candidates) Archive(id int64) (model.Candidate, error) {
	return withActor(c.ws, func(a model.Profile) (model.Candidate, error) {
		return c.svc.SetArchived(context.Background(), id, true, a)
	})
}

func (c *Candidates) Restore(id int64) (model.Candidate, error) {
	return withActor(c.ws, func(a model.Profile) (model.Candidate, error) {
		return c.svc.SetArchived(context.Background(), id, false, a)
	})
}

func (c *Candidates) AddNote(candidateID int64, body string) (model.Note, error) {
	return withActor(c.ws, func(a model.Profile) (model.Note, error) {
		return c.svc.AddNote(context.Background(), candidateID, body, a)
	})
}

func (c *Candidates) Apply(candidateID, roleID int64) (model.Application, error) {
	return withActor(c.ws, func(a model.Profile) (model.Application, error) {
		return c.svc.Apply(context.Background(), candidateID, roleID, a)
	})
}

// Move moves an application from the stage the window shows it in
// (fromStageID) to a stage; reason is required for Rejected. Code
// "changed" when someone moved it since.
func (c *Candidates) Move(applicationID, fromStageID, stageID int64, reason string) (model.Application, error) {
	return withActor(c.ws, func(a model.Profile) (model.Application, error) {
		return c.svc.Move(context.Background(), applicationID, fromStageID, stageID, reason, a)
	})
}

// Reject moves an application from the stage the window shows it in
// (fromStageID) to its role's Rejected stage with a reason from the list
// and an optional note, both kept in the candidate's history. Code
// "changed" when someone moved it since.
func (c *Candidates) Reject(applicationID, fromStageID int64, reason, note string) (model.Application, error) {
	return withActor(c.ws, func(a model.Profile) (model.Application, error) {
		return c.svc.Reject(context.Background(), applicationID, fromStageID, reason, note, a)
	})
}

// UndoMove moves an application back where its move (or rejection) at
// movedAt took it from, unless it has moved since (tracking.UndoMove).
func (c *Candidates) UndoMove(applicationID int64, movedAt string) (model.Application, error) {
	return withActor(c.ws, func(a model.Profile) (model.Application, error) {
		return c.svc.UndoMove(context.Background(), applicationID, movedAt, a)
	})
}

// UndoArchive restores a candidate archived at archivedAt, unless that
// changed since (tracking.UndoArchive).
func (c *Candidates) UndoArchive(id int64, archivedAt string) (model.Candidate, error) {
	return withActor(c.ws, func(a model.Profile) (model.Candidate, error) {
		return c.svc.UndoArchive(context.Background(), id, archivedAt, a)
	})
}

// Board returns a role's board; shown maps a stage id to how many cards its
// column shows now, so "Show more" and a reload keep what is on screen.
func (c *Candidates) Board(roleID int64, shown map[int64]int) (model.Board, error) {
	return result(c.svc.Board(context.Background(), roleID, shown))
}

// AttachFile shows the open dialog and stores the chosen file with the
// candidate. Its size is checked before it is read, and it is read from
// disk here, never through the page. nil when the user cancelled.
func (c *Candidates) AttachFile(candidateID int64) (*model.Attachment, error) {
	return withActor(c.ws, func(who model.Profile) (*model.Attachment, error) {
		path, err := c.rt.openPath("Attach a file", "*.pdf;*.PDF;*.docx;*.DOCX;*.txt;*.TXT", "PDF, DOCX or TXT")
		if err != nil || path == "" {
			return nil, err
		}
		name := filepath.Base(path)
		data, err := files.ReadLimited(path, model.MaxAttachment)
		if err != nil {
			return nil, files.Refusal(name, "attachments", model.MaxAttachment, err)
		}
		a, err := c.svc.Attach(context.Background(), candidateID, name, data, who)
		if err != nil {
			return nil, err
		}
		return &a, nil
	})
}

// SaveAttachment asks where to save a stored file and writes it there
// whole or not at all. It returns false when the user cancels.
func (c *Candidates) SaveAttachment(id int64) (bool, error) {
	a, data, err := c.svc.Attachment(context.Background(), id)
	if err != nil {
		return false, userError(err)
	}
	return result(saveAs(c.ws, c.rt, "Save attachment", filename.Safe(a.FileName, "attachment"), data))
}

func (c *Candidates) DeleteAttachment(id int64) error {
	return signedInDo(c.ws, func() error { return c.svc.DeleteAttachment(context.Background(), id) })
}

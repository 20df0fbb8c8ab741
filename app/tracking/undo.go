// Undo: reversing exactly one action a toast offers to undo (a stage move, a
// rejection, archiving, deleting a stage), and refusing in plain words when
// the workspace changed since. Each undo is one transaction, and the stage
// history records it as a move of its own, with why.

package tracking

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/model"
	"hirebench/storage"
)

// undoWords starts the history reason of every undo, so undoing an undo
// (the command line's undo-move twice) knows not to restore it as a
// rejection reason.
const undoWords = "Undo of "

// UndoMove moves an application back to the stage its last move took it
// from: the move of a drag or key on the board, the drawer's stage select,
// or a rejection (then the reason is cleared). movedAt is when that move
// happened (the EnteredStageAt Move and Reject return); it must still be
// the application's last change, or the undo is refused. An empty movedAt
// undoes whatever the last move was (the command line). Going back into
// Rejected restores the reason it was rejected with, and the time the
// application entered the stage it returns to is restored too.
func (s *Service) UndoMove(ctx context.Context, applicationID int64, movedAt string, actor model.Profile) (model.Application, error) {
	var out model.Application
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		app, err := tx.Application(applicationID)
		if err != nil {
			return err
		}
		events, err := tx.StageEvents(applicationID, 50)
		if err != nil {
			return err
		}
		if len(events) == 0 || (movedAt != "" && events[0].At != movedAt) {
			return model.Invalid("applicationId", "This candidate has moved since (now in %s), so the move was not undone", app.StageName)
		}
		last := events[0]
		if last.FromStage == "" {
			return model.Invalid("applicationId", "There is no move to undo: the candidate arrived in %s and has not moved since", app.StageName)
		}
		role, err := tx.Role(app.RoleID)
		if err != nil {
			return err
		}
		back, ok := stageNamed(role, last.FromStage)
		if !ok {
			return model.Invalid("applicationId", "Stage %q no longer exists, so the move was not undone; move the candidate by hand", last.FromStage)
		}
		reason := ""
		if back.Kind == model.StageRejected {
			if reason = rejectedWith(events[1:], back.Name); reason == "" {
				return model.Invalid("applicationId", "The reason this candidate was rejected is not on record; reject them again with a reason")
			}
		}
		enteredAt := last.At
		if len(events) > 1 {
			enteredAt = events[1].At // when it first arrived where it goes back to
		}
		if err := tx.MoveBack(app.ID, back, reason, enteredAt, undoWhy(app, last), actor); err != nil {
			return err
		}
		out, err = tx.Application(app.ID)
		return err
	})
	return out, err
}

// undoWhy is the history's reason for undoing last.
func undoWhy(app model.Application, last model.StageEvent) string {
	if app.StageKind == model.StageRejected {
		return undoWords + "the rejection"
	}
	return undoWords + "the move to " + last.ToStage
}

// rejectedWith is the reason of the latest rejection into stage in history
// (newest first), skipping undos, which carry no reason of their own.
func rejectedWith(history []model.StageEvent, stage string) string {
	for _, e := range history {
		if strings.EqualFold(e.ToStage, stage) && e.Reason != "" && !strings.HasPrefix(e.Reason, undoWords) {
			return e.Reason
		}
	}
	return ""
}

// stageNamed finds a role's stage by name, any case (names are unique so).
func stageNamed(role model.Role, name string) (model.Stage, bool) {
	for _, st := range role.Stages {
		if strings.EqualFold(st.Name, name) {
			return st, true
		}
	}
	return model.Stage{}, false
}

// UndoArchive restores a candidate archived at archivedAt (the ArchivedAt
// archiving returned), as actor's change; refused when they were restored
// or archived again since.
func (s *Service) UndoArchive(ctx context.Context, candidateID int64, archivedAt string, actor model.Profile) (model.Candidate, error) {
	var out model.Candidate
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		c, err := tx.Candidate(candidateID)
		if err != nil {
			return err
		}
		switch {
		case c.ArchivedAt == "":
			return model.Invalid("candidateId", "This candidate is not archived any more; nothing to undo")
		case c.ArchivedAt != archivedAt:
			return model.Invalid("candidateId", "This candidate was restored and archived again since, so archiving was not undone")
		}
		out, err = tx.SetArchived(candidateID, false, actor)
		return err
	})
	return out, err
}

// UndoDeleteStage puts a deleted stage back where it was, with its name,
// and moves back the candidates deleting it moved (d is what DeleteStage
// returned). It is refused when the role has a stage of that name again,
// is full, or any of those candidates has moved since: nothing is changed
// then.
func (s *Service) UndoDeleteStage(ctx context.Context, d model.StageDeletion, actor model.Profile) (model.Role, error) {
	name, err := model.StageName(d.Stage)
	if err != nil {
		return model.Role{}, err
	}
	var out model.Role
	err = s.store.Write(ctx, func(tx *storage.Tx) error {
		role, err := tx.Role(d.Role.ID)
		if err != nil {
			return err
		}
		if _, taken := stageNamed(role, name); taken {
			return model.Invalid("stage", "The role has a stage called %q again, so the deleted one was not brought back; rename that one first", name)
		}
		if len(role.Stages) >= model.MaxStages {
			return model.Invalid("stage", "The pipeline is full (%d stages), so %q was not brought back", model.MaxStages, name)
		}
		back := make(map[int64]string, len(d.Moved)) // application → when it had entered the deleted stage
		moved := 0
		for _, id := range d.Moved {
			app, err := tx.Application(id)
			if errors.Is(err, model.ErrNotFound) {
				moved++ // erased since
				continue
			}
			if err != nil {
				return err
			}
			events, err := tx.StageEvents(id, 2)
			if err != nil {
				return err
			}
			if app.StageID != d.MovedTo || app.RoleID != role.ID || len(events) < 2 || events[0].At != d.At {
				moved++
				continue
			}
			back[id] = events[1].At
		}
		if moved > 0 {
			return model.Invalid("stage", "%s moved since deleting %q, so it was not brought back; add the stage again by hand",
				model.Count(moved, "of its candidates has", "of its candidates have"), name)
		}
		st, err := tx.InsertStageAt(role.ID, name, d.Index)
		if err != nil {
			return err
		}
		why := fmt.Sprintf("%sdeleting stage %s", undoWords, name)
		for _, id := range d.Moved {
			if err := tx.MoveBack(id, st, "", back[id], why, actor); err != nil {
				return err
			}
		}
		out, err = tx.Role(role.ID)
		return err
	})
	return out, err
}

// Stores applications: applying a candidate to a role, moving between stages with
// their history events, and a role's kanban board.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/model"
)

const (
	sqlFirstStage        = `SELECT id FROM stages WHERE role_id = ? AND kind = 'active' ORDER BY position, id LIMIT 1`
	sqlInsertApplication = `INSERT INTO applications (candidate_id, role_id, stage_id, rejection_reason, created_at, entered_stage_at)
		VALUES (?, ?, ?, ?, ?, ?)`
	sqlApplicationFrom = `SELECT a.id, a.candidate_id, a.role_id, r.title, a.stage_id, s.name, s.kind,
		a.rejection_reason, a.created_at, a.entered_stage_at
		FROM applications a JOIN roles r ON r.id = a.role_id JOIN stages s ON s.id = a.stage_id`
	sqlGetApplication  = sqlApplicationFrom + ` WHERE a.id = ?`
	sqlApplicationOf   = sqlApplicationFrom + ` WHERE a.candidate_id = ? AND a.role_id = ?`
	sqlMoveApplication = `UPDATE applications SET stage_id = ?, rejection_reason = ?, entered_stage_at = ? WHERE id = ?`
	// A move from the stage the transaction read: on PostgreSQL another
	// app's transaction may have moved the card since (read committed).
	sqlMoveApplicationFrom = sqlMoveApplication + ` AND stage_id = ?`
	sqlInsertEvent         = `INSERT INTO stage_events (application_id, from_stage, to_stage, actor_id, actor_name, reason, note, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
)

func scanApplication(row scanner) (model.Application, error) {
	var a model.Application
	err := row.Scan(&a.ID, &a.CandidateID, &a.RoleID, &a.RoleTitle,
		&a.StageID, &a.StageName, &a.StageKind, &a.RejectionReason, &a.CreatedAt, &a.EnteredStageAt)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("storage: get application: %w", err)
	}
	return a, err
}

func getApplication(ctx context.Context, q queryer, id int64) (model.Application, error) {
	a, err := scanApplication(q.QueryRowContext(ctx, sqlGetApplication, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, notFound("application", id)
	}
	return a, err
}

// GetApplication returns one application with its role and stage names.
func (s *Store) GetApplication(ctx context.Context, id int64) (model.Application, error) {
	return getApplication(ctx, s.rd, id)
}

func actorID(p model.Profile) any {
	if p.ID == 0 {
		return nil
	}
	return p.ID
}

func insertEvent(ctx context.Context, q queryer, appID int64, from, to, reason, note string, actor model.Profile, at string) error {
	if _, err := q.ExecContext(ctx, sqlInsertEvent, appID, from, to, actorID(actor), actor.Name, reason, note, at); err != nil {
		return fmt.Errorf("storage: record stage history: %w", err)
	}
	return nil
}

// firstStage returns the first active stage of a role's pipeline, where
// applications start; none is ErrNotFound.
func firstStage(ctx context.Context, q queryer, roleID int64) (model.Stage, error) {
	var stageID int64
	err := q.QueryRowContext(ctx, sqlFirstStage, roleID).Scan(&stageID)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Stage{}, notFound("role", roleID)
	}
	if err != nil {
		return model.Stage{}, fmt.Errorf("storage: first stage: %w", err)
	}
	return getStage(ctx, q, stageID)
}

// apply puts a candidate into the first stage of a role's pipeline.
func apply(ctx context.Context, tx queryer, candidateID, roleID int64, actor model.Profile, now string) (int64, error) {
	st, err := firstStage(ctx, tx, roleID)
	if err != nil {
		return 0, err
	}
	id, err := insertID(ctx, tx, sqlInsertApplication, candidateID, roleID, st.ID, "", now, now)
	if err != nil {
		if isUniqueViolation(err) {
			return 0, model.Invalid("roleId", "the candidate has already applied to this role")
		}
		return 0, fmt.Errorf("storage: create application: %w", err)
	}
	if err := insertEvent(ctx, tx, id, "", st.Name, "", "", actor, now); err != nil {
		return 0, err
	}
	return id, touchCandidate(ctx, tx, candidateID, now)
}

// Apply adds an application of a candidate to a role, at its first stage.
func (s *Store) Apply(ctx context.Context, candidateID, roleID int64, actor model.Profile) (model.Application, error) {
	var a model.Application
	err := s.write(ctx, func(tx queryer) error {
		if _, err := getCandidate(ctx, tx, candidateID); err != nil {
			return err
		}
		if _, err := getRole(ctx, tx, roleID); err != nil {
			return err
		}
		id, err := apply(ctx, tx, candidateID, roleID, actor, s.now())
		if err != nil {
			return err
		}
		a, err = getApplication(ctx, tx, id)
		return err
	})
	return a, err
}

// moveApplication moves an application from stage from (where the
// transaction found it) to stage to; errMovedMeanwhile when another
// transaction moved it first.
func moveApplication(ctx context.Context, tx queryer, appID int64, from, to model.Stage, rejectReason, eventReason, note string, actor model.Profile, now string) error {
	res, err := tx.ExecContext(ctx, sqlMoveApplicationFrom, to.ID, rejectReason, now, appID, from.ID)
	if err != nil {
		if strings.Contains(err.Error(), "stage does not belong") {
			return model.Invalid("stageId", "stage %q belongs to another role", to.Name)
		}
		return fmt.Errorf("storage: move application: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return errMovedMeanwhile
	}
	if eventReason == "" {
		eventReason = rejectReason
	}
	return insertEvent(ctx, tx, appID, from.Name, to.Name, eventReason, note, actor, now)
}

// errMovedMeanwhile: an application was moved by another transaction
// between reading its stage and moving it.
var errMovedMeanwhile = fmt.Errorf("a candidate was moved by someone else meanwhile; reload and try again: %w", model.ErrConflict)

// MoveApplication moves an application to another stage of its role and
// records who moved it, from where, to where and when. rejectReason is kept
// only for the Rejected stage. Wherever the application is, it moves (the
// command line); MoveApplicationNoted can refuse a move made from an
// older view.
func (s *Store) MoveApplication(ctx context.Context, appID, toStageID int64, rejectReason string, actor model.Profile) (model.Application, error) {
	return s.MoveApplicationNoted(ctx, appID, 0, toStageID, rejectReason, "", actor)
}

// MoveApplicationNoted is MoveApplication with a note kept on the stage
// event (a rejection's free text, shown in the candidate's history), from
// the stage the mover saw the application in (fromStageID; 0 skips the
// check): when it is elsewhere by now, someone moved it since, and the
// move is refused with a *model.ChangedError naming the stage, who moved
// it there and when (the latest stage event); nothing is written.
func (s *Store) MoveApplicationNoted(ctx context.Context, appID, fromStageID, toStageID int64, rejectReason, note string, actor model.Profile) (model.Application, error) {
	var a model.Application
	err := s.write(ctx, func(tx queryer) error {
		cur, err := getApplication(ctx, tx, appID)
		if err != nil {
			return err
		}
		if fromStageID != 0 && cur.StageID != fromStageID {
			return movedSince(ctx, tx, cur, actor, s.now())
		}
		from, err := getStage(ctx, tx, cur.StageID)
		if err != nil {
			return err
		}
		to, err := getStage(ctx, tx, toStageID)
		if errors.Is(err, model.ErrNotFound) {
			return model.Invalid("stageId", "stage %d does not exist (it may have been deleted); reload the board", toStageID)
		}
		if err != nil {
			return err
		}
		if to.RoleID != cur.RoleID {
			return model.Invalid("stageId", "stage %q belongs to another role", to.Name)
		}
		if to.Kind != model.StageRejected {
			rejectReason = ""
		}
		if to.ID == from.ID && rejectReason == cur.RejectionReason && note == "" {
			a = cur
			return nil // dropping a card where it was is not a move
		}
		now := s.now()
		if err := moveApplication(ctx, tx, appID, from, to, rejectReason, "", note, actor, now); errors.Is(err, errMovedMeanwhile) {
			if cur, err = getApplication(ctx, tx, appID); err != nil {
				return err
			}
			return movedSince(ctx, tx, cur, actor, now)
		} else if err != nil {
			return err
		}
		if err := touchCandidate(ctx, tx, cur.CandidateID, now); err != nil {
			return err
		}
		a, err = getApplication(ctx, tx, appID)
		return err
	})
	return a, err
}

// movedSince is the refusal of a move made from an older view of
// application a: the stage it is in now, and who moved it there when (its
// latest stage event), worded for actor at now.
func movedSince(ctx context.Context, q queryer, a model.Application, actor model.Profile, now string) error {
	events, err := stageEvents(ctx, q, a.ID, 1)
	if err != nil {
		return err
	}
	e := &model.ChangedError{MovedTo: a.StageName, At: a.EnteredStageAt, Now: now}
	if len(events) == 1 {
		e.By, e.At = events[0].ActorName, events[0].At
		e.Self = e.By != "" && e.By == actor.Name
	}
	return e
}

// Application returns one application with its role and stage names.
func (t *Tx) Application(id int64) (model.Application, error) { return getApplication(t.ctx, t.q, id) }

// The history of one application, newest first (by id: the order they
// were written in, whatever their times say).
const sqlStageEventsOf = `SELECT e.id, e.application_id, r.title, e.from_stage, e.to_stage, e.actor_name, e.reason, e.note, e.at
	FROM stage_events e JOIN applications a ON a.id = e.application_id JOIN roles r ON r.id = a.role_id
	WHERE e.application_id = ? ORDER BY e.id DESC LIMIT ?`

// StageEvents returns an application's last n stage events, newest first.
func (t *Tx) StageEvents(appID int64, n int) ([]model.StageEvent, error) {
	return stageEvents(t.ctx, t.q, appID, n)
}

func stageEvents(ctx context.Context, q queryer, appID int64, n int) ([]model.StageEvent, error) {
	out := []model.StageEvent{}
	err := each(ctx, q, sqlStageEventsOf, []any{appID, n}, func(sc scanner) error {
		var e model.StageEvent
		err := sc.Scan(&e.ID, &e.ApplicationID, &e.RoleTitle, &e.FromStage, &e.ToStage, &e.ActorName, &e.Reason, &e.Note, &e.At)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: stage history: %w", err)
	}
	return out, nil
}

// MoveBack moves an application to stage to as an undo: rejectReason is
// kept (for Rejected), the time it entered the stage is set to enteredAt
// (the time it first arrived there) and the history records the move, with
// why, at the transaction's time.
func (t *Tx) MoveBack(appID int64, to model.Stage, rejectReason, enteredAt, why string, actor model.Profile) error {
	cur, err := getApplication(t.ctx, t.q, appID)
	if err != nil {
		return err
	}
	if to.RoleID != cur.RoleID {
		return model.Invalid("stageId", "stage %q belongs to another role", to.Name)
	}
	if _, err := t.q.ExecContext(t.ctx, sqlMoveApplication, to.ID, rejectReason, enteredAt, appID); err != nil {
		return fmt.Errorf("storage: move application back: %w", err)
	}
	if err := insertEvent(t.ctx, t.q, appID, cur.StageName, to.Name, why, "", actor, t.now); err != nil {
		return err
	}
	return touchCandidate(t.ctx, t.q, cur.CandidateID, t.now)
}

// ApplicationOf returns a candidate's application to a role, or ErrNotFound.
func (t *Tx) ApplicationOf(candidateID, roleID int64) (model.Application, error) {
	a, err := scanApplication(t.q.QueryRowContext(t.ctx, sqlApplicationOf, candidateID, roleID))
	if errors.Is(err, sql.ErrNoRows) {
		return a, notFoundAs("application")
	}
	return a, err
}

// InsertApplication adds an application as given (stage, rejection reason
// and times) and records its arrival in a.StageName, by actor with reason,
// in the stage history.
func (t *Tx) InsertApplication(a model.Application, reason string, actor model.Profile) (int64, error) {
	id, err := t.insert("add application", sqlInsertApplication, a.CandidateID, a.RoleID, a.StageID, a.RejectionReason,
		a.CreatedAt, a.EnteredStageAt)
	if err != nil {
		return 0, err
	}
	return id, insertEvent(t.ctx, t.q, id, "", a.StageName, reason, "", actor, t.now)
}

// FirstStage returns the stage applications to a role start in (its
// first active one), with its count; none is ErrNotFound.
func (t *Tx) FirstStage(roleID int64) (model.Stage, error) { return firstStage(t.ctx, t.q, roleID) }

// A column's cards, oldest arrivals first, a page at a time
// (index applications_stage_arrival, migration 0010).
var sqlBoardCards = spell(func(d dialect) string {
	return `SELECT a.id, c.id, c.name, c.email, c.source, a.rejection_reason, a.entered_stage_at,
	coalesce((SELECT ` + d.groupConcat("tag", "31") + ` FROM (SELECT tag FROM candidate_tags WHERE candidate_id = c.id ORDER BY position) AS t), '')
	FROM applications a JOIN candidates c ON c.id = a.candidate_id
	WHERE a.stage_id = ? AND c.archived_at = ''
	ORDER BY a.entered_stage_at, a.id LIMIT ?`
})

// Board returns a role's kanban: one column per stage with its first
// shown(stage) cards, oldest arrivals first, and how many more it holds.
func (s *Store) Board(ctx context.Context, roleID int64, shown func(model.Stage) int) (model.Board, error) {
	var b model.Board
	err := s.read(ctx, func(tx queryer) error {
		var err error
		if b.Role, err = getRole(ctx, tx, roleID); err != nil {
			return err
		}
		b.Columns = make([]model.BoardColumn, len(b.Role.Stages))
		for i, st := range b.Role.Stages {
			col := model.BoardColumn{Stage: st, Cards: []model.BoardCard{}}
			err := each(ctx, tx, sqlBoardCards.in(tx), []any{st.ID, shown(st)}, func(sc scanner) error {
				c := model.BoardCard{}
				var tags string
				if err := sc.Scan(&c.ApplicationID, &c.CandidateID, &c.Name, &c.Email, &c.Source,
					&c.RejectionReason, &c.EnteredStageAt, &tags); err != nil {
					return err
				}
				c.Tags = splitList(tags)
				col.Cards = append(col.Cards, c)
				return nil
			})
			if err != nil {
				return fmt.Errorf("storage: board of role %d: %w", roleID, err)
			}
			col.More = max(st.Count-len(col.Cards), 0)
			b.Columns[i] = col
		}
		return nil
	})
	return b, err
}

const sqlCandidateStages = `SELECT a.candidate_id, s.name FROM applications a JOIN stages s ON s.id = a.stage_id
	JOIN candidates c ON c.id = a.candidate_id WHERE a.role_id = ? AND c.archived_at = ''`

// CandidateStages returns the stage each of a role's candidates is in, by
// candidate id, archived candidates left out as on the board: what the
// debrief shows of the board, without the board's cards and counts.
func (s *Store) CandidateStages(ctx context.Context, roleID int64) (map[int64]string, error) {
	out := map[int64]string{}
	err := each(ctx, s.rd, sqlCandidateStages, []any{roleID}, func(sc scanner) error {
		var id int64
		var name string
		err := sc.Scan(&id, &name)
		out[id] = name
		return err
	})
	return out, err
}

// splitList splits a group_concat made with the unit separator (char 31),
// which cannot occur in tags.
func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\x1f")
}

// Tests of undo: a move, a rejection, archiving and deleting a stage are
// reversed exactly once, recorded in the history, and refused in plain words
// when the workspace changed since.

package tracking_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/storage"
)

func TestUndoMovePutsTheCardBackWhereItWas(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Barbara Liskov"}, r.ID)
	app := e.app(t, c.ID, r.ID)
	arrived := app.EnteredStageAt
	e.clock.Advance(3 * 24 * time.Hour)
	moved, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Interview").ID, "", e.actor)
	if err != nil {
		t.Fatal(err)
	}

	undoneAt := e.clock.Advance(5 * time.Second)
	back, err := e.svc.UndoMove(e.ctx, app.ID, moved.EnteredStageAt, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	// Back in Applied, with its three days there: the card keeps its place.
	if back.StageName != "Applied" || back.EnteredStageAt != arrived {
		t.Errorf("after undo: %s since %s, want Applied since %s", back.StageName, back.EnteredStageAt, arrived)
	}
	if _, col, _ := e.card(t, r.ID, c.ID); col != "Applied" {
		t.Errorf("the board shows the card in %q, want Applied", col)
	}
	h := e.detail(t, c.ID).History
	if len(h) != 3 {
		t.Fatalf("history has %d events, want 3 (applied, moved, undone): %+v", len(h), h)
	}
	if u := h[0]; u.FromStage != "Interview" || u.ToStage != "Applied" || u.ActorName != "Riley Chen" ||
		u.Reason != "Undo of the move to Interview" || u.At != undoneAt.Format(model.TimeLayout) {
		t.Errorf("the undo's history event = %+v", u)
	}

	// The same toast's Undo pressed twice does nothing the second time.
	_, err = e.svc.UndoMove(e.ctx, app.ID, moved.EnteredStageAt, e.actor)
	wantField(t, err, "applicationId")
	if !strings.Contains(err.Error(), "has moved since (now in Applied)") {
		t.Errorf("second undo: %v", err)
	}
	if got := e.app(t, c.ID, r.ID); got.StageName != "Applied" || len(e.detail(t, c.ID).History) != 3 {
		t.Errorf("a refused undo changed something: %+v", got)
	}
}

func TestUndoMoveIsRefusedOnceTheCandidateMovedAgain(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Edsger Dijkstra"}, r.ID)
	app := e.app(t, c.ID, r.ID)
	e.clock.Advance(time.Minute)
	first, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Screen").ID, "", e.actor)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Minute)
	if _, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Interview").ID, "", e.actor); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.UndoMove(e.ctx, app.ID, first.EnteredStageAt, e.actor)
	wantField(t, err, "applicationId")
	if got := e.app(t, c.ID, r.ID); got.StageName != "Interview" {
		t.Errorf("a stale undo moved the candidate to %q", got.StageName)
	}

	// History keeps stage names as they were: a stage renamed (or deleted)
	// since is not found by its old name, so the undo is refused and
	// nothing moves.
	if _, err := e.svc.RenameStage(e.ctx, stage(t, r, "Screen").ID, "Phone screen"); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.UndoMove(e.ctx, app.ID, "", e.actor)
	if err == nil || !strings.Contains(err.Error(), `Stage "Screen" no longer exists`) {
		t.Errorf("undo to a renamed stage: %v", err)
	}
	if got := e.app(t, c.ID, r.ID); got.StageName != "Interview" {
		t.Errorf("a refused undo moved the candidate to %q", got.StageName)
	}
}

func TestUndoRejectionClearsTheReasonAndKeepsTheNoteInHistory(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Alan Kay"}, r.ID)
	app := e.app(t, c.ID, r.ID)
	e.clock.Advance(time.Hour)
	if _, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Screen").ID, "", e.actor); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Hour)
	rej, err := e.svc.Reject(e.ctx, app.ID, 0, "Position filled", "Keep in touch for the platform team", e.actor)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Second)
	back, err := e.svc.UndoMove(e.ctx, app.ID, rej.EnteredStageAt, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if back.StageName != "Screen" || back.RejectionReason != "" {
		t.Errorf("after undoing the rejection: %s, reason %q; want Screen and no reason", back.StageName, back.RejectionReason)
	}
	if card, col, _ := e.card(t, r.ID, c.ID); col != "Screen" || card.RejectionReason != "" {
		t.Errorf("board: %q with reason %q", col, card.RejectionReason)
	}
	h := e.detail(t, c.ID).History
	if h[0].Reason != "Undo of the rejection" || h[0].FromStage != storage.RejectedStageName || h[0].ToStage != "Screen" {
		t.Errorf("undo event = %+v", h[0])
	}
	if h[1].Reason != "Position filled" || h[1].Note != "Keep in touch for the platform team" {
		t.Errorf("the rejection left the history: %+v", h[1])
	}

	// Undoing the undo (the command line's undo-move, twice) rejects again,
	// with the reason it was rejected with.
	again, err := e.svc.UndoMove(e.ctx, app.ID, "", e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if again.StageKind != model.StageRejected || again.RejectionReason != "Position filled" {
		t.Errorf("undoing the undo: %s with reason %q", again.StageName, again.RejectionReason)
	}
}

func TestUndoMoveOfAnArrivalIsRefused(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Ken Thompson"}, r.ID)
	app := e.app(t, c.ID, r.ID)
	_, err := e.svc.UndoMove(e.ctx, app.ID, "", e.actor)
	wantField(t, err, "applicationId")
	if !strings.Contains(err.Error(), "There is no move to undo") {
		t.Errorf("undo of an arrival: %v", err)
	}
	if _, err := e.svc.UndoMove(e.ctx, 999999, "", e.actor); err == nil {
		t.Error("undid a move of an application that does not exist")
	}
}

func TestUndoArchive(t *testing.T) {
	e := newEnv(t)
	c := e.candidate(t, model.CandidateInput{Name: "Frances Allen", Email: "fran@example.com"})
	e.clock.Advance(time.Minute)
	archived, err := e.svc.SetArchived(e.ctx, c.ID, true, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.svc.UndoArchive(e.ctx, c.ID, archived.ArchivedAt, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if got.ArchivedAt != "" || !slices.Contains(e.search(t, "frances"), c.ID) {
		t.Errorf("after undo: archived at %q, found by search: %v", got.ArchivedAt, e.search(t, "frances"))
	}
	// Nothing left to undo; and an archive since is another archive.
	_, err = e.svc.UndoArchive(e.ctx, c.ID, archived.ArchivedAt, e.actor)
	wantField(t, err, "candidateId")
	e.clock.Advance(time.Minute)
	if _, err := e.svc.SetArchived(e.ctx, c.ID, true, e.actor); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.UndoArchive(e.ctx, c.ID, archived.ArchivedAt, e.actor)
	wantField(t, err, "candidateId")
	if d := e.detail(t, c.ID); d.Candidate.ArchivedAt == "" {
		t.Error("a stale undo restored a candidate archived again since")
	}
}

func TestUndoDeleteStageBringsItBackWithItsCandidates(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	screen, interview := stage(t, r, "Screen"), stage(t, r, "Interview")
	var ids []int64
	for _, name := range []string{"Leslie Lamport", "Radia Perlman"} {
		c := e.candidate(t, model.CandidateInput{Name: name}, r.ID)
		ids = append(ids, c.ID)
		if _, err := e.svc.Move(e.ctx, e.app(t, c.ID, r.ID).ID, 0, screen.ID, "", e.actor); err != nil {
			t.Fatal(err)
		}
	}
	enteredScreen := e.app(t, ids[0], r.ID).EnteredStageAt
	e.clock.Advance(time.Hour)
	del, err := e.svc.DeleteStage(e.ctx, screen.ID, interview.ID, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if del.Stage != "Screen" || del.Index != 1 || del.MovedTo != interview.ID || len(del.Moved) != 2 {
		t.Fatalf("deletion receipt = %+v", del)
	}

	e.clock.Advance(time.Second)
	got, err := e.svc.UndoDeleteStage(e.ctx, del, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if want := stageNames(r); !slices.Equal(stageNames(got), want) {
		t.Errorf("stages after undo %v, want %v", stageNames(got), want)
	}
	for _, id := range ids {
		app := e.app(t, id, r.ID)
		if app.StageName != "Screen" || app.EnteredStageAt != enteredScreen {
			t.Errorf("candidate %d: %s since %s, want Screen since %s", id, app.StageName, app.EnteredStageAt, enteredScreen)
		}
		if h := e.detail(t, id).History[0]; h.Reason != "Undo of deleting stage Screen" || h.FromStage != "Interview" {
			t.Errorf("candidate %d history: %+v", id, h)
		}
	}
	// The receipt is spent: the stage exists again.
	_, err = e.svc.UndoDeleteStage(e.ctx, del, e.actor)
	wantField(t, err, "stage")
}

func TestUndoDeleteStageIsRefusedWhenTheWorldChanged(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, e *env, r model.Role, c model.Candidate)
		says   string
	}{
		{"a candidate moved since", func(t *testing.T, e *env, r model.Role, c model.Candidate) {
			if _, err := e.svc.Move(e.ctx, e.app(t, c.ID, r.ID).ID, 0, stage(t, r, "Offer").ID, "", e.actor); err != nil {
				t.Fatal(err)
			}
		}, "1 of its candidates has moved since"},
		{"the name is taken again", func(t *testing.T, e *env, r model.Role, c model.Candidate) {
			if _, err := e.svc.AddStage(e.ctx, r.ID, "screen"); err != nil {
				t.Fatal(err)
			}
		}, `has a stage called "Screen" again`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			r := e.role(t, "Backend Engineer")
			c := e.candidate(t, model.CandidateInput{Name: "Leslie Lamport"}, r.ID)
			if _, err := e.svc.Move(e.ctx, e.app(t, c.ID, r.ID).ID, 0, stage(t, r, "Screen").ID, "", e.actor); err != nil {
				t.Fatal(err)
			}
			e.clock.Advance(time.Minute)
			del, err := e.svc.DeleteStage(e.ctx, stage(t, r, "Screen").ID, stage(t, r, "Interview").ID, e.actor)
			if err != nil {
				t.Fatal(err)
			}
			e.clock.Advance(time.Minute)
			tc.change(t, e, del.Role, c)
			before := stageNames(e.roleNow(t, r.ID))
			where := e.app(t, c.ID, r.ID).StageName
			_, err = e.svc.UndoDeleteStage(e.ctx, del, e.actor)
			wantField(t, err, "stage")
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("refusal %q does not say %q", err, tc.says)
			}
			if got := stageNames(e.roleNow(t, r.ID)); !slices.Equal(got, before) || e.app(t, c.ID, r.ID).StageName != where {
				t.Errorf("a refused undo changed the pipeline to %v or moved the candidate", got)
			}
		})
	}
}

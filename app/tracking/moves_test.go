// Tests of moving applications along a pipeline: the history kept, rejection
// with a listed reason, stages of other roles, applying twice to one role.

package tracking_test

import (
	"errors"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/storage"
)

func TestMoveRecordsHistory(t *testing.T) {
	e := newEnv(t)
	sam, err := e.svc.CreateProfile(e.ctx, "Sam Okafor", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Barbara Liskov"}, r.ID)
	app := e.app(t, c.ID, r.ID)
	if app.StageName != "Applied" || app.StageID != r.Stages[0].ID {
		t.Fatalf("new application at %q, want the first stage", app.StageName)
	}

	at := e.clock.Advance(2 * time.Hour)
	moved, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Screen").ID, "", sam)
	if err != nil {
		t.Fatal(err)
	}
	if moved.StageName != "Screen" || moved.EnteredStageAt != at.Format(model.TimeLayout) {
		t.Errorf("moved application = %+v", moved)
	}
	h := e.detail(t, c.ID).History
	if len(h) != 2 {
		t.Fatalf("history has %d events, want 2 (applied, moved): %+v", len(h), h)
	}
	latest := h[0]
	if latest.FromStage != "Applied" || latest.ToStage != "Screen" || latest.ActorName != "Sam Okafor" ||
		latest.At != at.Format(model.TimeLayout) || latest.RoleTitle != "Backend Engineer" || latest.ApplicationID != app.ID {
		t.Errorf("latest event = %+v", latest)
	}
	if first := h[1]; first.FromStage != "" || first.ToStage != "Applied" || first.ActorName != "Riley Chen" {
		t.Errorf("application event = %+v", first)
	}
	if _, col, _ := e.card(t, r.ID, c.ID); col != "Screen" {
		t.Errorf("board shows the card in %q, want Screen", col)
	}
	if got := e.roleNow(t, r.ID); stage(t, got, "Screen").Count != 1 || stage(t, got, "Applied").Count != 0 {
		t.Errorf("stage counts after move: %+v", got.Stages)
	}

	// Dropping the card where it already is records nothing.
	e.clock.Advance(time.Minute)
	if _, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Screen").ID, "", sam); err != nil {
		t.Fatal(err)
	}
	if n := len(e.detail(t, c.ID).History); n != 2 {
		t.Errorf("a no-op move added history (%d events)", n)
	}
}

func TestMoveToRejected(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Alan Kay"}, r.ID)
	app := e.app(t, c.ID, r.ID)
	rejected := stage(t, r, storage.RejectedStageName)
	reasons, err := e.svc.RejectionReasons(e.ctx)
	if err != nil || len(reasons) == 0 {
		t.Fatalf("reasons = %v, %v", reasons, err)
	}

	for _, tc := range []struct{ name, reason string }{
		{"no reason", ""},
		{"blank reason", "  \t "},
		{"reason not in the list", "Did not like their shoes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.svc.Move(e.ctx, app.ID, 0, rejected.ID, tc.reason, e.actor)
			wantField(t, err, "reason")
			if got := e.app(t, c.ID, r.ID); got.StageID != app.StageID || got.RejectionReason != "" {
				t.Errorf("refused rejection still moved the application: %+v", got)
			}
		})
	}

	reason := reasons[len(reasons)-1]
	e.clock.Advance(time.Hour)
	got, err := e.svc.Move(e.ctx, app.ID, 0, rejected.ID, reason, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if got.StageKind != model.StageRejected || got.RejectionReason != reason {
		t.Errorf("rejected application = %+v", got)
	}
	card, col, ok := e.card(t, r.ID, c.ID)
	if !ok || col != storage.RejectedStageName || card.RejectionReason != reason {
		t.Errorf("board card = %+v in %q, want reason %q in Rejected", card, col, reason)
	}
	if h := e.detail(t, c.ID).History[0]; h.ToStage != storage.RejectedStageName || h.Reason != reason {
		t.Errorf("rejection event = %+v", h)
	}

	// Moving back out of Rejected clears the reason; a reason passed with a
	// move to an ordinary stage is ignored.
	e.clock.Advance(time.Hour)
	got, err = e.svc.Move(e.ctx, app.ID, 0, stage(t, r, "Interview").ID, reason, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if got.RejectionReason != "" || got.StageName != "Interview" {
		t.Errorf("after un-rejecting: %+v", got)
	}
	if card, _, _ := e.card(t, r.ID, c.ID); card.RejectionReason != "" {
		t.Errorf("board card keeps reason %q after leaving Rejected", card.RejectionReason)
	}

	// An edited list of reasons is what is accepted from then on.
	if _, err := e.svc.SetRejectionReasons(e.ctx, []string{"Team changed plans", " "}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Move(e.ctx, app.ID, 0, rejected.ID, reason, e.actor); err == nil {
		t.Errorf("a removed reason %q was still accepted", reason)
	}
	if _, err := e.svc.Move(e.ctx, app.ID, 0, rejected.ID, "Team changed plans", e.actor); err != nil {
		t.Errorf("a newly listed reason was refused: %v", err)
	}
	_, err = e.svc.SetRejectionReasons(e.ctx, []string{" ", ""})
	wantField(t, err, "reasons")
}

func TestMoveToAnotherRolesStage(t *testing.T) {
	e := newEnv(t)
	a := e.role(t, "Role A")
	b := e.role(t, "Role B")
	c := e.candidate(t, model.CandidateInput{Name: "Edsger Dijkstra"}, a.ID)
	app := e.app(t, c.ID, a.ID)
	_, err := e.svc.Move(e.ctx, app.ID, 0, stage(t, b, "Screen").ID, "", e.actor)
	wantField(t, err, "stageId")
	_, err = e.svc.Move(e.ctx, app.ID, 0, 999999, "", e.actor)
	wantField(t, err, "stageId")
	if got := e.app(t, c.ID, a.ID); got.StageID != app.StageID {
		t.Errorf("application moved to %q", got.StageName)
	}
	if n := len(e.detail(t, c.ID).History); n != 1 {
		t.Errorf("refused moves added history: %d events", n)
	}
	if _, err := e.svc.Move(e.ctx, 999999, 0, stage(t, a, "Screen").ID, "", e.actor); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("moving a missing application: err = %v", err)
	}
}

func TestApplyTwiceToSameRole(t *testing.T) {
	e := newEnv(t)
	a := e.role(t, "Role A")
	b := e.role(t, "Role B")
	c := e.candidate(t, model.CandidateInput{Name: "Niklaus Wirth"}, a.ID)
	_, err := e.svc.Apply(e.ctx, c.ID, a.ID, e.actor)
	wantField(t, err, "roleId")
	app, err := e.svc.Apply(e.ctx, c.ID, b.ID, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if app.RoleID != b.ID || app.StageID != b.Stages[0].ID {
		t.Errorf("second application = %+v", app)
	}
	if n := len(e.detail(t, c.ID).Applications); n != 2 {
		t.Errorf("%d applications, want 2", n)
	}
}

// Two people on one candidate: an edit or a move made from what someone
// loaded before another change is refused in words that say who changed it
// and how long ago (issue 15).

package tracking_test

import (
	"errors"
	"testing"
	"time"

	"hirebench/app/model"
)

// refused checks err is a changed record's refusal saying want.
func refused(t *testing.T, err error, want string) {
	t.Helper()
	var ce *model.ChangedError
	if !errors.As(err, &ce) || !errors.Is(err, model.ErrConflict) {
		t.Fatalf("err = %v, want a refusal: the record changed", err)
	}
	if err.Error() != want {
		t.Errorf("refusal says %q, want %q", err.Error(), want)
	}
}

func TestEditFromAnOlderVersionIsRefused(t *testing.T) {
	e := newEnv(t)
	priya, err := e.svc.CreateProfile(e.ctx, "Priya Nair", false, false, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace", Phone: "+44 1"})

	// Riley's drawer autosaves three fields one after another, each from
	// the version the last save answered with: none refuses the next.
	v := ada.Version
	for _, p := range []model.CandidatePatch{{Phone: ptr("+44 2")}, {Location: ptr("London")}, {Source: ptr("Referral")}} {
		p.Version = v
		c, err := e.svc.UpdateCandidate(e.ctx, ada.ID, p, e.actor)
		if err != nil {
			t.Fatalf("autosave from version %d: %v", v, err)
		}
		v = c.Version
	}
	if v != 4 {
		t.Errorf("after three saves the version is %d, want 4", v)
	}

	// Priya's drawer loaded version 1 before all that; two minutes on she
	// types an email.
	e.clock.Advance(2 * time.Minute)
	_, err = e.svc.UpdateCandidate(e.ctx, ada.ID, model.CandidatePatch{Email: ptr("ada@example.com"), Version: 1}, priya)
	refused(t, err, "changed by Riley Chen 2 minutes ago — reload to see their change")
	if got := e.detail(t, ada.ID).Candidate; got.Email != "" || got.Version != 4 || got.ChangedBy != "Riley Chen" {
		t.Errorf("after the refusal: email %q, version %d by %q; want none, 4 by Riley Chen", got.Email, got.Version, got.ChangedBy)
	}

	// Reloaded, her edit is saved and is hers.
	c, err := e.svc.UpdateCandidate(e.ctx, ada.ID, model.CandidatePatch{Email: ptr("ada@example.com"), Version: 4}, priya)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != 5 || c.ChangedBy != "Priya Nair" {
		t.Errorf("Priya's save: version %d by %q, want 5 by Priya Nair", c.Version, c.ChangedBy)
	}

	// Riley's other window, left open since version 4, hours later.
	e.clock.Advance(5 * time.Hour)
	_, err = e.svc.UpdateCandidate(e.ctx, ada.ID, model.CandidatePatch{Phone: ptr("+44 3"), Version: 4}, e.actor)
	refused(t, err, "changed by Priya Nair 5 hours ago — reload to see their change")
	// Riley's own archive, seen from a window of the day before.
	if _, err := e.svc.SetArchived(e.ctx, ada.ID, true, e.actor); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(24 * time.Hour)
	_, err = e.svc.UpdateCandidate(e.ctx, ada.ID, model.CandidatePatch{Phone: ptr("+44 3"), Version: 5}, e.actor)
	refused(t, err, "changed by you in another window on 1 March 2025 — reload to see your change")

	// The command line sends no version: it edits what is there.
	if _, err := e.svc.UpdateCandidate(e.ctx, ada.ID, model.CandidatePatch{Phone: ptr("+44 3")}, e.actor); err != nil {
		t.Errorf("an edit without a version: %v", err)
	}
}

func TestMoveFromAStageTheCardLeftIsRefused(t *testing.T) {
	e := newEnv(t)
	priya, err := e.svc.CreateProfile(e.ctx, "Priya Nair", true, false, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	r := e.role(t, "Backend Engineer")
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace"}, r.ID)
	app := e.app(t, ada.ID, r.ID)
	applied, offer := stage(t, r, "Applied"), stage(t, r, "Offer")

	// Riley and Priya both see Ada in Applied; Priya moves her to Offer.
	if _, err := e.svc.Move(e.ctx, app.ID, applied.ID, offer.ID, "", priya); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(2 * time.Minute)
	_, err = e.svc.Move(e.ctx, app.ID, applied.ID, stage(t, r, "Screen").ID, "", e.actor)
	refused(t, err, "moved to Offer by Priya Nair 2 minutes ago — reload to see the move")
	_, err = e.svc.Reject(e.ctx, app.ID, applied.ID, "Position filled", "", e.actor)
	refused(t, err, "moved to Offer by Priya Nair 2 minutes ago — reload to see the move")
	if got := e.app(t, ada.ID, r.ID); got.StageName != "Offer" {
		t.Errorf("after the refusals Ada is in %s, want Offer", got.StageName)
	}

	// Reloaded, Riley sees Offer, and his rejection goes through.
	got, err := e.svc.Reject(e.ctx, app.ID, offer.ID, "Position filled", "", e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if got.StageName != "Rejected" {
		t.Errorf("rejected into %s", got.StageName)
	}
}

// Tests of editing a role's pipeline: deleting a stage (and where its
// candidates go), reordering, renaming and adding stages, with their limits.

package tracking_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/storage"
)

func TestDeleteStage(t *testing.T) {
	e := newEnv(t)
	sam, err := e.svc.CreateProfile(e.ctx, "Sam Okafor", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	r := e.role(t, "Backend Engineer")
	other := e.role(t, "Other Role")
	c := e.candidate(t, model.CandidateInput{Name: "Leslie Lamport"}, r.ID)
	archived := e.candidate(t, model.CandidateInput{Name: "Archived Person"}, r.ID)
	screen, interview := stage(t, r, "Screen"), stage(t, r, "Interview")
	for _, id := range []int64{c.ID, archived.ID} {
		if _, err := e.svc.Move(e.ctx, e.app(t, id, r.ID).ID, 0, screen.ID, "", e.actor); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.SetArchived(e.ctx, archived.ID, true, e.actor); err != nil {
		t.Fatal(err)
	}

	refusals := []struct {
		name   string
		stage  int64
		moveTo int64
		field  string
	}{
		{"rejected stage", stage(t, r, storage.RejectedStageName).ID, 0, "stage"},
		{"occupied without target", screen.ID, 0, "moveTo"},
		{"target is itself", screen.ID, screen.ID, "moveTo"},
		{"target in another role", screen.ID, stage(t, other, "Screen").ID, "moveTo"},
		{"target is Rejected", screen.ID, stage(t, r, storage.RejectedStageName).ID, "moveTo"},
		{"target does not exist", screen.ID, 999999, "moveTo"},
	}
	for _, tc := range refusals {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.svc.DeleteStage(e.ctx, tc.stage, tc.moveTo, sam)
			wantField(t, err, tc.field)
			if got := e.roleNow(t, r.ID); len(got.Stages) != len(r.Stages) {
				t.Errorf("stages after refusal: %v", stageNames(got))
			}
		})
	}

	// Only an archived candidate sits in Screen besides Leslie; both move.
	at := e.clock.Advance(time.Hour)
	del, err := e.svc.DeleteStage(e.ctx, screen.ID, interview.ID, sam)
	if err != nil {
		t.Fatal(err)
	}
	if got := del.Role; slices.Contains(stageNames(got), "Screen") {
		t.Errorf("Screen still listed: %v", stageNames(got))
	}
	for _, id := range []int64{c.ID, archived.ID} {
		if app := e.app(t, id, r.ID); app.StageID != interview.ID {
			t.Errorf("candidate %d is in %q after deleting Screen, want Interview", id, app.StageName)
		}
		h := e.detail(t, id).History[0]
		if h.FromStage != "Screen" || h.ToStage != "Interview" || h.ActorName != "Sam Okafor" ||
			h.Reason != "stage Screen deleted" || h.At != at.Format(model.TimeLayout) {
			t.Errorf("candidate %d history = %+v", id, h)
		}
	}

	// Empty stages go without a target; the last active stage stays.
	current := e.roleNow(t, r.ID)
	var active []model.Stage
	for _, st := range current.Stages {
		if st.Kind == model.StageActive {
			active = append(active, st)
		}
	}
	keep := active[len(active)-1]
	for _, st := range active[:len(active)-1] {
		moveTo := int64(0)
		if st.Count > 0 || st.ID == interview.ID {
			moveTo = keep.ID
		}
		if _, err := e.svc.DeleteStage(e.ctx, st.ID, moveTo, sam); err != nil {
			t.Fatalf("delete %q: %v", st.Name, err)
		}
	}
	_, err = e.svc.DeleteStage(e.ctx, keep.ID, 0, sam)
	wantField(t, err, "stage")
	final := e.roleNow(t, r.ID)
	if want := []string{keep.Name, storage.RejectedStageName}; !slices.Equal(stageNames(final), want) {
		t.Errorf("final pipeline %v, want %v", stageNames(final), want)
	}
	// New candidates now start in the only stage left.
	n := e.candidate(t, model.CandidateInput{Name: "Newcomer"}, r.ID)
	if app := e.app(t, n.ID, r.ID); app.StageID != keep.ID {
		t.Errorf("new application in %q, want %q", app.StageName, keep.Name)
	}
}

func TestReorderStages(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	other := e.role(t, "Other Role")
	var active []int64
	for _, st := range r.Stages {
		if st.Kind == model.StageActive {
			active = append(active, st.ID)
		}
	}
	rejectedID := r.Stages[len(r.Stages)-1].ID
	bad := map[string][]int64{
		"missing one":        active[1:],
		"duplicate":          append(slices.Clone(active[1:]), active[1]),
		"includes rejected":  append(slices.Clone(active[1:]), rejectedID),
		"other role's stage": append(slices.Clone(active[1:]), other.Stages[0].ID),
		"extra":              append(slices.Clone(active), rejectedID),
		"empty":              nil,
	}
	for name, order := range bad {
		t.Run(name, func(t *testing.T) {
			_, err := e.svc.ReorderStages(e.ctx, r.ID, order)
			wantField(t, err, "stages")
			if got := stageNames(e.roleNow(t, r.ID)); !slices.Equal(got, stageNames(r)) {
				t.Errorf("order changed by a refused reorder: %v", got)
			}
		})
	}
	reversed := slices.Clone(active)
	slices.Reverse(reversed)
	got, err := e.svc.ReorderStages(e.ctx, r.ID, reversed)
	if err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(storage.DefaultPipeline), storage.RejectedStageName)
	slices.Reverse(want[:len(want)-1])
	if !slices.Equal(stageNames(got), want) {
		t.Errorf("after reorder %v, want %v", stageNames(got), want)
	}
	// The board follows, and new candidates start in the new first stage.
	b, err := e.svc.Board(e.ctx, r.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Columns[0].Stage.Name != want[0] || b.Columns[len(b.Columns)-1].Stage.Kind != model.StageRejected {
		t.Errorf("board columns start with %q and end with %q", b.Columns[0].Stage.Name, b.Columns[len(b.Columns)-1].Stage.Name)
	}
	c := e.candidate(t, model.CandidateInput{Name: "First Stage Check"}, r.ID)
	if app := e.app(t, c.ID, r.ID); app.StageName != want[0] {
		t.Errorf("new application in %q, want %q", app.StageName, want[0])
	}
	// Other roles keep their order.
	if got := stageNames(e.roleNow(t, other.ID)); !slices.Equal(got, stageNames(other)) {
		t.Errorf("other role reordered: %v", got)
	}
}

func TestRenameAndAddStages(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Tim Berners-Lee"}, r.ID)
	screen := stage(t, r, "Screen")
	if _, err := e.svc.Move(e.ctx, e.app(t, c.ID, r.ID).ID, 0, screen.ID, "", e.actor); err != nil {
		t.Fatal(err)
	}
	got, err := e.svc.RenameStage(e.ctx, screen.ID, "  Phone   screen ")
	if err != nil {
		t.Fatal(err)
	}
	if stage(t, got, "Phone screen").ID != screen.ID {
		t.Error("renamed stage has a different id")
	}
	if app := e.app(t, c.ID, r.ID); app.StageName != "Phone screen" {
		t.Errorf("application shows %q after rename", app.StageName)
	}
	if h := e.detail(t, c.ID).History; h[0].ToStage != "Screen" || h[1].ToStage != "Applied" {
		t.Errorf("history rewritten by rename: %+v", h)
	}
	if _, col, _ := e.card(t, r.ID, c.ID); col != "Phone screen" {
		t.Errorf("board column %q", col)
	}
	// Renaming a stage to its own name in another case is allowed.
	if _, err := e.svc.RenameStage(e.ctx, screen.ID, "PHONE SCREEN"); err != nil {
		t.Errorf("case-only rename refused: %v", err)
	}

	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"rename onto existing (other case)", func() error { _, err := e.svc.RenameStage(e.ctx, screen.ID, "interview"); return err }},
		{"rename onto Rejected", func() error { _, err := e.svc.RenameStage(e.ctx, screen.ID, "rejected"); return err }},
		{"rename to blank", func() error { _, err := e.svc.RenameStage(e.ctx, screen.ID, "   "); return err }},
		{"rename too long", func() error { _, err := e.svc.RenameStage(e.ctx, screen.ID, strings.Repeat("s", 61)); return err }},
		{"add duplicate", func() error { _, err := e.svc.AddStage(e.ctx, r.ID, "OFFER"); return err }},
		{"add blank", func() error { _, err := e.svc.AddStage(e.ctx, r.ID, ""); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := stageNames(e.roleNow(t, r.ID))
			wantField(t, tc.call(), "name")
			if after := stageNames(e.roleNow(t, r.ID)); !slices.Equal(after, before) {
				t.Errorf("stages changed by a refusal: %v -> %v", before, after)
			}
		})
	}

	// Another role may use the same stage names.
	other := e.role(t, "Other")
	if _, err := e.svc.RenameStage(e.ctx, stage(t, other, "Screen").ID, "PHONE SCREEN"); err != nil {
		t.Errorf("same name in another role refused: %v", err)
	}

	// Added stages go before the closing stages (Offer, Hired, Rejected),
	// up to the limit.
	got, err = e.svc.AddStage(e.ctx, r.ID, "Take-home")
	if err != nil {
		t.Fatal(err)
	}
	names := stageNames(got)
	if want := []string{"Applied", "PHONE SCREEN", "Interview", "Take-home", "Offer", "Hired", storage.RejectedStageName}; !slices.Equal(names, want) {
		t.Errorf("after AddStage: %v, want %v", names, want)
	}
	for i := len(names); i < model.MaxStages; i++ {
		if _, err := e.svc.AddStage(e.ctx, r.ID, "Extra "+strconv.Itoa(i)); err != nil {
			t.Fatalf("adding stage %d: %v", i+1, err)
		}
	}
	_, err = e.svc.AddStage(e.ctx, r.ID, "One too many")
	wantField(t, err, "name")
	if n := len(e.roleNow(t, r.ID).Stages); n != model.MaxStages {
		t.Errorf("%d stages, want the limit %d", n, model.MaxStages)
	}
}

package tracking_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
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
	moved, err := e.svc.Move(e.ctx, app.ID, stage(t, r, "Screen").ID, "", sam)
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
	if _, err := e.svc.Move(e.ctx, app.ID, stage(t, r, "Screen").ID, "", sam); err != nil {
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
			_, err := e.svc.Move(e.ctx, app.ID, rejected.ID, tc.reason, e.actor)
			wantField(t, err, "reason")
			if got := e.app(t, c.ID, r.ID); got.StageID != app.StageID || got.RejectionReason != "" {
				t.Errorf("refused rejection still moved the application: %+v", got)
			}
		})
	}

	reason := reasons[len(reasons)-1]
	e.clock.Advance(time.Hour)
	got, err := e.svc.Move(e.ctx, app.ID, rejected.ID, reason, e.actor)
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
	got, err = e.svc.Move(e.ctx, app.ID, stage(t, r, "Interview").ID, reason, e.actor)
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
	if _, err := e.svc.Move(e.ctx, app.ID, rejected.ID, reason, e.actor); err == nil {
		t.Errorf("a removed reason %q was still accepted", reason)
	}
	if _, err := e.svc.Move(e.ctx, app.ID, rejected.ID, "Team changed plans", e.actor); err != nil {
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
	_, err := e.svc.Move(e.ctx, app.ID, stage(t, b, "Screen").ID, "", e.actor)
	wantField(t, err, "stageId")
	_, err = e.svc.Move(e.ctx, app.ID, 999999, "", e.actor)
	wantField(t, err, "stageId")
	if got := e.app(t, c.ID, a.ID); got.StageID != app.StageID {
		t.Errorf("application moved to %q", got.StageName)
	}
	if n := len(e.detail(t, c.ID).History); n != 1 {
		t.Errorf("refused moves added history: %d events", n)
	}
	if _, err := e.svc.Move(e.ctx, 999999, stage(t, a, "Screen").ID, "", e.actor); !errors.Is(err, model.ErrNotFound) {
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
		if _, err := e.svc.Move(e.ctx, e.app(t, id, r.ID).ID, screen.ID, "", e.actor); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.svc.SetArchived(e.ctx, archived.ID, true); err != nil {
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
	got, err := e.svc.DeleteStage(e.ctx, screen.ID, interview.ID, sam)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(stageNames(got), "Screen") {
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
	b, err := e.svc.Board(e.ctx, r.ID)
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
	if _, err := e.svc.Move(e.ctx, e.app(t, c.ID, r.ID).ID, screen.ID, "", e.actor); err != nil {
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

	// Added stages go before Rejected, up to the limit.
	got, err = e.svc.AddStage(e.ctx, r.ID, "Take-home")
	if err != nil {
		t.Fatal(err)
	}
	names := stageNames(got)
	if names[len(names)-2] != "Take-home" || names[len(names)-1] != storage.RejectedStageName {
		t.Errorf("after AddStage: %v", names)
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

func TestResolveRole(t *testing.T) {
	e := newEnv(t)
	senior := e.role(t, "Senior AI Engineer")
	twinA := e.role(t, "Designer")
	twinB := e.role(t, "designer")
	numeric := e.role(t, "2026")

	ok := []struct {
		ref  string
		want int64
	}{
		{strconv.FormatInt(senior.ID, 10), senior.ID},
		{" " + strconv.FormatInt(senior.ID, 10) + " ", senior.ID},
		{"Senior AI Engineer", senior.ID},
		{"  senior ai ENGINEER ", senior.ID},
		{strconv.FormatInt(twinB.ID, 10), twinB.ID}, // an id disambiguates
		{"2026", numeric.ID},                        // no role has id 2026, so the title matches
	}
	for _, tc := range ok {
		got, err := e.svc.ResolveRole(e.ctx, tc.ref)
		if err != nil || got.ID != tc.want {
			t.Errorf("ResolveRole(%q) = %d, %v; want %d", tc.ref, got.ID, err, tc.want)
		}
		if err == nil && len(got.Stages) == 0 {
			t.Errorf("ResolveRole(%q) returned a role without its pipeline", tc.ref)
		}
	}
	for _, ref := range []string{"", "Nope", "99999", "Senior"} {
		_, err := e.svc.ResolveRole(e.ctx, ref)
		wantField(t, err, "role")
	}
	_, err := e.svc.ResolveRole(e.ctx, "DESIGNER")
	wantField(t, err, "role")
	if err != nil {
		for _, id := range []int64{twinA.ID, twinB.ID} {
			if !strings.Contains(err.Error(), strconv.FormatInt(id, 10)) {
				t.Errorf("ambiguity message %q does not list id %d", err, id)
			}
		}
	}
}

func TestRolesValidation(t *testing.T) {
	e := newEnv(t)
	_, err := e.svc.CreateRole(e.ctx, model.RoleInput{Title: "  "})
	wantField(t, err, "title")
	_, err = e.svc.CreateRole(e.ctx, model.RoleInput{Title: "X", Status: "paused"})
	wantField(t, err, "status")
	roles, _ := e.svc.Roles(e.ctx)
	if len(roles) != 0 {
		t.Fatalf("refused roles were saved: %+v", roles)
	}
	r := e.role(t, "  Staff   Engineer ")
	if r.Title != "Staff Engineer" || r.Status != model.RoleOpen {
		t.Errorf("role = %+v", r)
	}
	want := append(slices.Clone(storage.DefaultPipeline), storage.RejectedStageName)
	if !slices.Equal(stageNames(r), want) {
		t.Errorf("pipeline %v, want %v", stageNames(r), want)
	}
	up, err := e.svc.UpdateRole(e.ctx, r.ID, model.RoleInput{Title: "Principal Engineer", Status: model.RoleClosed})
	if err != nil || up.Title != "Principal Engineer" || up.Status != model.RoleClosed || len(up.Stages) != len(want) {
		t.Errorf("UpdateRole = %+v, %v", up, err)
	}
	if _, err := e.svc.UpdateRole(e.ctx, r.ID+99, model.RoleInput{Title: "X"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("updating a missing role: %v", err)
	}
	// Open roles list before closed ones.
	open := e.role(t, "Zebra Keeper")
	roles, _ = e.svc.Roles(e.ctx)
	if len(roles) != 2 || roles[0].ID != open.ID {
		t.Errorf("roles order = %+v", roles)
	}
}

func TestProfiles(t *testing.T) {
	e := newEnv(t) // creates Riley Chen as current
	cur, err := e.svc.CurrentProfile(e.ctx)
	if err != nil || cur.ID != e.actor.ID {
		t.Fatalf("CurrentProfile = %+v, %v", cur, err)
	}
	if _, err := e.svc.CreateProfile(e.ctx, "riley CHEN", false, false, model.Profile{}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("duplicate profile name: err = %v, want ErrConflict", err)
	}
	_, err = e.svc.CreateProfile(e.ctx, "  ", false, false, model.Profile{})
	wantField(t, err, "name")
	sam, err := e.svc.CreateProfile(e.ctx, "Sam", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	if cur, _ := e.svc.CurrentProfile(e.ctx); cur.ID != e.actor.ID {
		t.Error("creating a profile without makeCurrent switched to it")
	}
	if _, err := e.svc.SwitchProfile(e.ctx, sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	if cur, _ := e.svc.CurrentProfile(e.ctx); cur.ID != sam.ID {
		t.Error("SwitchProfile did not switch")
	}
	if _, err := e.svc.SwitchProfile(e.ctx, 9999, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("switching to a missing profile: %v", err)
	}
	if cur, _ := e.svc.CurrentProfile(e.ctx); cur.ID != sam.ID {
		t.Error("a failed switch changed the current profile")
	}
	ps, _ := e.svc.Profiles(e.ctx)
	if len(ps) != 2 {
		t.Errorf("profiles = %+v", ps)
	}
}

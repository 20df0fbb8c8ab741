// Tests of roles and profiles through the service: finding a role by id or
// title, role validation and order, creating and switching profiles.

package tracking_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/storage"
)

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

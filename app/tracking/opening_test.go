// Tests the window's opening answer: who resumes, and that a locked
// workspace shows nothing of its roles.

package tracking_test

import (
	"path/filepath"
	"testing"

	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

func TestOpeningOfAFreshWorkspaceAsksWhoYouAre(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, err := tracking.New(s).Opening(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.Profile != nil || o.LockedID != 0 || len(o.Profiles) != 0 || len(o.Roles) != 0 || o.Board != nil {
		t.Fatalf("a fresh workspace opened with %+v; want nobody, no roles, no board", o)
	}
}

func TestOpeningBringsTheFirstRolesBoard(t *testing.T) {
	e := newEnv(t)
	backend := e.role(t, "Backend Engineer")
	research := e.role(t, "Research Engineer")
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace"}, backend.ID, research.ID)

	o, err := e.svc.Opening(e.ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.Profile == nil || o.Profile.Name != "Riley Chen" || o.LockedID != 0 {
		t.Fatalf("resumed %+v (locked %d), want Riley", o.Profile, o.LockedID)
	}
	if len(o.Profiles) != 1 || len(o.Roles) != 2 {
		t.Fatalf("%d profiles and %d roles, want 1 and 2", len(o.Profiles), len(o.Roles))
	}
	// The board is the one the window shows first: the first role listed.
	if o.Board == nil || o.Board.Role.ID != o.Roles[0].ID {
		t.Fatalf("board %+v, want the board of %q", o.Board, o.Roles[0].Title)
	}
	first := o.Board.Columns[0]
	if len(first.Cards) != 1 || first.Cards[0].CandidateID != ada.ID {
		t.Fatalf("first column %q holds %+v, want Ada", first.Stage.Name, first.Cards)
	}
}

func TestOpeningOfALockedProfileShowsNoRoles(t *testing.T) {
	e := newEnv(t)
	e.role(t, "Backend Engineer")
	riley, err := e.svc.SetPassphrase(e.ctx, e.actor, "", "blue heron at dawn")
	if err != nil {
		t.Fatal(err)
	}
	o, err := e.svc.Opening(e.ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.LockedID != riley.ID || o.Profile != nil {
		t.Fatalf("opened as %+v (locked %d); want Riley locked", o.Profile, o.LockedID)
	}
	if len(o.Roles) != 0 || o.Board != nil {
		t.Fatalf("a locked workspace showed %d roles and a board", len(o.Roles))
	}
	if len(o.Profiles) != 1 {
		t.Fatalf("the lock screen needs the profiles (for the name): got %d", len(o.Profiles))
	}
	// The window that unlocked Riley reloads without asking again.
	o, err = e.svc.Opening(e.ctx, riley.ID)
	if err != nil || o.Profile == nil || o.Profile.ID != riley.ID || len(o.Roles) != 1 || o.Board == nil {
		t.Fatalf("after unlocking: %+v, %v", o, err)
	}
}

// Team mode: on a shared workspace the login says who you are; nobody picks
// or creates a profile from the app, and the owner adds people.

package tracking_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/pgtest"
)

func TestTeamLoginSaysWhoYouAre(t *testing.T) {
	ctx := context.Background()
	raw := pgtest.URL(t)
	owner, err := storage.OpenPostgres(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	admin := tracking.New(owner)
	if _, err := admin.InitTeam(ctx); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(raw)
	login := strings.TrimPrefix(u.Path, "/") + "_priya"
	priya, err := admin.AddPerson(ctx, "  Priya Nair ", login, "", false)
	if err != nil || priya.Profile.Name != "Priya Nair" || len(priya.GeneratedPassword) != 20 {
		t.Fatalf("AddPerson = %+v, %v; want Priya with a generated password", priya, err)
	}
	rita, err := admin.AddPerson(ctx, "Rita Recruiter", strings.TrimPrefix(u.Path, "/")+"_rita", "twelve chars!", true)
	if err != nil || !rita.Profile.IsRecruiter {
		t.Fatalf("AddPerson = %+v, %v", rita, err)
	}

	u.User = url.User(login)
	s, err := storage.OpenPostgres(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := tracking.New(s)
	if p, err := svc.CurrentProfile(ctx); err != nil || p.ID != priya.Profile.ID {
		t.Errorf("CurrentProfile = %+v, %v; want Priya, whose login this is", p, err)
	}
	o, err := svc.Opening(ctx, 0)
	if err != nil || o.Profile == nil || o.Profile.ID != priya.Profile.ID || !o.SignedIn {
		t.Errorf("Opening = %+v, %v; want it to open as Priya", o, err)
	}
	if _, err := svc.SwitchProfile(ctx, rita.Profile.ID, ""); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "signs in with their own login") {
		t.Errorf("Priya switching to Rita: %v", err)
	}
	if _, err := svc.CreateProfile(ctx, "Someone Else", false, true, priya.Profile); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Priya creating a profile: %v", err)
	}
	if o, err := admin.Opening(ctx, 0); err != nil || o.SignedIn {
		t.Errorf("the owner's Opening = %+v, %v; want no login's profile", o, err)
	}
	// Applying someone to a role is the recruiter's on the server: the refusal is told as such.
	role, err := admin.CreateRoleWithStages(ctx, model.RoleInput{Title: "Data Engineer", Status: model.RoleOpen}, tracking.DefaultStages())
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace"}, []int64{role.ID}, priya.Profile)
	if !storage.RefusedByServer(err) {
		t.Errorf("Priya applying a candidate to a role: %v; want the server's refusal", err)
	}
	// The owner's login is nobody's profile: the app asks who is using it, as on first launch.
	if _, err := admin.CurrentProfile(ctx); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the owner's CurrentProfile: %v; want none chosen yet", err)
	}
}

package privacy

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
	"hirebench/storage/pgtest"
)

// On a shared workspace a recruiter's login exports and sets the retention
// policy but does not erase (the server would refuse it half-way): the
// window is told so; the owner's login erases.
func TestOnASharedWorkspaceOnlyTheOwnersLoginErases(t *testing.T) {
	ctx := context.Background()
	ownerURL := pgtest.URL(t)
	owner, err := storage.OpenPostgres(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	if _, err := owner.InitTeam(ctx); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(ownerURL)
	login := strings.TrimPrefix(u.Path, "/") + "_rita"
	if _, err := owner.AddPerson(ctx, storage.PersonInput{Name: "Rita Recruiter", Login: login, Password: "correct horse battery", Recruiter: true}); err != nil {
		t.Fatal(err)
	}
	u.User = url.User(login)
	rita, err := storage.OpenPostgres(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer rita.Close()
	r, err := New(rita).RightsOf(ctx, scoring.Exporter{IsRecruiter: true})
	if err != nil || !r.Manage || r.Erase || r.EraseNote != model.RefusalSentence(storage.ErrOwnerErases) {
		t.Errorf("the recruiter's login: %+v, %v; want managing without erasing, and why", r, err)
	}
	if r, err := New(owner).RightsOf(ctx, scoring.Exporter{Owner: true}); err != nil || !r.Manage || !r.Erase {
		t.Errorf("the owner's login: %+v, %v; want everything", r, err)
	}
}

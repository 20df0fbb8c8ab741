// Package teamtest sets up a shared workspace on a throwaway PostgreSQL
// (storage/pgtest) for tests outside storage: its owner's store, ready for
// people, and each person's store over their own login, as their app opens
// it. (storage's own tests cannot import it; team_test.go has theirs.)
package teamtest

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"hirebench/storage"
	"hirebench/storage/pgtest"
)

// Team is a shared workspace set up by its owner.
type Team struct {
	Owner *storage.Store
	url   url.URL
}

// New opens a fresh test database as its owner and sets it up for people
// (InitTeam). Without PostgreSQL the test is skipped, as pgtest.URL says.
func New(t testing.TB) *Team {
	t.Helper()
	raw := pgtest.URL(t)
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := storage.OpenPostgres(context.Background(), raw)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	if _, err := owner.InitTeam(context.Background()); err != nil {
		t.Fatalf("InitTeam: %v", err)
	}
	return &Team{Owner: owner, url: *u}
}

// Login adds the person in (their login prefixed with the test database's
// name: logins are the server's, shared by every test database) and opens
// the workspace as that login, which the test server trusts on its socket.
func (tm *Team) Login(t testing.TB, in storage.PersonInput) *storage.Store {
	t.Helper()
	in.Login = strings.TrimPrefix(tm.url.Path, "/") + "_" + in.Login
	if in.Password == "" {
		in.Password = "correct horse " + in.Login
	}
	if _, err := tm.Owner.AddPerson(context.Background(), in); err != nil {
		t.Fatalf("AddPerson %s: %v", in.Name, err)
	}
	u := tm.url
	u.User = url.User(in.Login)
	s, err := storage.OpenPostgres(context.Background(), u.String())
	if err != nil {
		t.Fatalf("open as %s: %v", in.Name, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

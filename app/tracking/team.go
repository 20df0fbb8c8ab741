// Team mode (issue 15): on a shared PostgreSQL workspace each person signs
// in with a database login of their own, and that login says who they are;
// the workspace's owner adds people (`hirebench people add`).

package tracking

import (
	"context"
	"crypto/rand"
	"fmt"
	"regexp"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/storage"
)

// loginPattern is a login that needs no quoting anywhere a person types it
// (a connection URL, psql, pg_hba.conf): lower-case letters, digits, "_",
// "." and "-", starting with a letter, at most 63 bytes (PostgreSQL's limit).
var loginPattern = regexp.MustCompile(`^[a-z][a-z0-9_.-]{0,62}$`)

// MinPasswordLength is the shortest password people add accepts.
const MinPasswordLength = 12

// Person is who was added: their profile, their login and, when none was
// given, the password generated for them (shown once, never stored here).
type Person struct {
	Profile           model.Profile `json:"profile"`
	Login             string        `json:"login"`
	GeneratedPassword string        `json:"generatedPassword,omitempty"`
}

// AddPerson adds a person to a shared workspace: a login on the server and
// the profile it signs in as. An empty password is generated (20 letters
// and digits). Every problem with the input is reported at once.
func (s *Service) AddPerson(ctx context.Context, name, login, password string, recruiter bool) (Person, error) {
	v := &model.ValidationError{}
	name, err := model.ProfileName(name)
	if err != nil {
		v.Fields = append(v.Fields, err.(*model.ValidationError).Fields...)
	}
	if !loginPattern.MatchString(login) {
		v.Add("login", "a login is 1 to 63 lower-case letters, digits, '_', '.' or '-', starting with a letter")
	}
	generated := ""
	if password == "" {
		generated = rand.Text()[:20]
		password = generated
	} else if n := utf8.RuneCountInString(password); n < MinPasswordLength {
		v.Add("password", "the password is %d characters long; at least %d are needed", n, MinPasswordLength)
	}
	if err := v.Err(); err != nil {
		return Person{}, err
	}
	p, err := s.store.AddPerson(ctx, storage.PersonInput{Name: name, Login: login, Password: password, Recruiter: recruiter})
	if err != nil {
		return Person{}, err
	}
	return Person{Profile: p, Login: login, GeneratedPassword: generated}, nil
}

// InitTeam sets up a shared workspace's grants: run by its owner once, and
// again after an upgrade.
func (s *Service) InitTeam(ctx context.Context) (storage.TeamGrants, error) {
	return s.store.InitTeam(ctx)
}

// signedIn is the person this shared workspace's login belongs to (ok
// false on a local workspace and for the owner's login).
func (s *Service) signedIn(ctx context.Context) (model.Profile, bool, error) {
	return s.store.SignedIn(ctx)
}

// errSignedIn refuses choosing who you are where your login says it.
var errSignedIn = fmt.Errorf("on a shared workspace each person signs in with their own login; ask its owner to add you (hirebench people add): %w", model.ErrConflict)

package tracking

import (
	"context"
	"errors"

	"hirebench/app/model"
)

// Opening gathers what the window shows first, so that the window needs no
// round trip before its first screen (each costs tens of milliseconds in
// the webview). unlockedID is the profile this window already unlocked.
func (s *Service) Opening(ctx context.Context, unlockedID int64) (model.Opening, error) {
	o := model.Opening{Profiles: []model.Profile{}, Roles: []model.Role{}}
	profiles, err := s.Profiles(ctx)
	if err != nil {
		return o, err
	}
	if profiles != nil {
		o.Profiles = profiles
	}
	p, err := s.Resume(ctx, unlockedID)
	var locked *model.LockedError
	switch {
	case errors.As(err, &locked):
		o.LockedID = locked.ProfileID
		return o, nil
	case errors.Is(err, model.ErrNotFound):
		return o, nil
	case err != nil:
		return o, err
	}
	o.Profile = &p
	if _, o.SignedIn, err = s.signedIn(ctx); err != nil {
		return o, err
	}
	roles, err := s.Roles(ctx)
	if err != nil {
		return o, err
	}
	if len(roles) > 0 {
		o.Roles = roles
		b, err := s.Board(ctx, o.Roles[0].ID, nil)
		if err != nil {
			return o, err
		}
		o.Board = &b
	}
	return o, nil
}

// Local profiles: creating them, who is current, switching profiles, and setting,
// removing or resetting a profile's passphrase.

package tracking

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"hirebench/app/model"
	"hirebench/app/passphrase"
)

// CommandLine is the actor recorded for changes made from the CLI.
var CommandLine = model.Profile{Name: "command line"}

const settingCurrentProfile = "current_profile"

// Profiles lists local profiles.
func (s *Service) Profiles(ctx context.Context) ([]model.Profile, error) {
	return s.store.ListProfiles(ctx)
}

// CreateProfile adds a person to this workspace; makeCurrent also switches
// to them. by is who asks (zero on the first-launch screen or when nobody
// is unlocked). A recruiter profile sees every scorecard and exports them,
// so only a recruiter can add another one — except the first: a workspace
// without a recruiter lets anyone become it.
func (s *Service) CreateProfile(ctx context.Context, name string, recruiter, makeCurrent bool, by model.Profile) (model.Profile, error) {
	name, err := model.ProfileName(name)
	if err != nil {
		return model.Profile{}, err
	}
	if _, ok, err := s.signedIn(ctx); err != nil || ok {
		return model.Profile{}, cmp.Or(err, errSignedIn)
	}
	if recruiter && !by.IsRecruiter {
		all, err := s.store.ListProfiles(ctx)
		if err != nil {
			return model.Profile{}, err
		}
		for _, p := range all {
			if p.IsRecruiter {
				return model.Profile{}, fmt.Errorf("%s is this workspace's recruiter; only a recruiter can add another recruiter profile: %w", p.Name, model.ErrConflict)
			}
		}
	}
	p, err := s.store.CreateProfile(ctx, name, recruiter)
	if err != nil || !makeCurrent {
		return p, err
	}
	return p, s.store.PutSetting(ctx, settingCurrentProfile, strconv.FormatInt(p.ID, 10))
}

// CurrentProfile returns who used the app last, or ErrNotFound on first launch.
// On a shared workspace it is whoever the login belongs to.
func (s *Service) CurrentProfile(ctx context.Context) (model.Profile, error) {
	if p, ok, err := s.signedIn(ctx); err != nil || ok {
		return p, err
	}
	v, err := s.store.Setting(ctx, settingCurrentProfile)
	if err != nil {
		return model.Profile{}, err
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	if id == 0 {
		return model.Profile{}, fmt.Errorf("current profile: %w", model.ErrNotFound)
	}
	return s.store.GetProfile(ctx, id)
}

// Resume returns who is using the app when a window opens or reloads. A
// passphrase-protected profile is a LockedError unless this session
// already unlocked it (unlockedID), so reopening the app asks again.
func (s *Service) Resume(ctx context.Context, unlockedID int64) (model.Profile, error) {
	p, err := s.CurrentProfile(ctx)
	if err != nil {
		return p, err
	}
	if p.Protected && p.ID != unlockedID {
		return model.Profile{}, &model.LockedError{ProfileID: p.ID, Name: p.Name}
	}
	return p, nil
}

// WrongPassphraseDelay slows down guessing; tests set it to 0.
var WrongPassphraseDelay = 700 * time.Millisecond

// SwitchProfile makes another existing profile current. A protected
// profile needs its passphrase; the others switch with one click.
func (s *Service) SwitchProfile(ctx context.Context, id int64, pass string) (model.Profile, error) {
	if _, ok, err := s.signedIn(ctx); err != nil || ok {
		return model.Profile{}, cmp.Or(err, errSignedIn)
	}
	p, err := s.store.GetProfile(ctx, id)
	if err != nil {
		return p, err
	}
	if p.Protected {
		if err := s.checkPassphrase(ctx, p, pass); err != nil {
			return model.Profile{}, err
		}
	}
	return p, s.store.PutSetting(ctx, settingCurrentProfile, strconv.FormatInt(id, 10))
}

func (s *Service) checkPassphrase(ctx context.Context, p model.Profile, pass string) error {
	if pass == "" {
		return model.Invalid("passphrase", "%s's profile is protected: enter its passphrase", p.Name)
	}
	stored, err := s.store.PassphraseHash(ctx, p.ID)
	if err != nil {
		return err
	}
	ok, err := passphrase.Verify(stored, pass)
	if err != nil {
		return fmt.Errorf("profile %d: %w", p.ID, err)
	}
	if !ok {
		time.Sleep(WrongPassphraseDelay)
		return model.Invalid("passphrase", "That passphrase is not right")
	}
	return nil
}

// SetPassphrase protects the actor's own profile with a passphrase or
// changes it (changing needs the current one). RemovePassphrase removes it.
func (s *Service) SetPassphrase(ctx context.Context, actor model.Profile, current, next string) (model.Profile, error) {
	if msg := passphrase.Check(next); msg != "" {
		return model.Profile{}, model.Invalid("passphrase", "%s", msg)
	}
	return s.storePassphrase(ctx, actor, current, next)
}

// RemovePassphrase takes the protection off the actor's own profile; it
// needs the current passphrase.
func (s *Service) RemovePassphrase(ctx context.Context, actor model.Profile, current string) (model.Profile, error) {
	return s.storePassphrase(ctx, actor, current, "")
}

func (s *Service) storePassphrase(ctx context.Context, actor model.Profile, current, next string) (model.Profile, error) {
	p, err := s.store.GetProfile(ctx, actor.ID)
	if err != nil {
		return p, err
	}
	if p.Protected {
		if err := s.checkPassphrase(ctx, p, current); err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				return model.Profile{}, model.Invalid("current", "%s", ve.Fields[0].Message)
			}
			return model.Profile{}, err
		}
	}
	hash := ""
	if next != "" {
		if hash, err = passphrase.Hash(next); err != nil {
			return model.Profile{}, err
		}
	}
	if err := s.store.SetPassphraseHash(ctx, p.ID, hash); err != nil {
		return model.Profile{}, err
	}
	return s.store.GetProfile(ctx, p.ID)
}

// ResetPassphrase removes a profile's passphrase without knowing it: the
// command line's way out of a forgotten one (whoever runs it owns the data
// folder and could read the database directly).
func (s *Service) ResetPassphrase(ctx context.Context, id int64) (model.Profile, error) {
	if err := s.store.SetPassphraseHash(ctx, id, ""); err != nil {
		return model.Profile{}, err
	}
	return s.store.GetProfile(ctx, id)
}

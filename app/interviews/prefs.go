// The interview runner's preferences, one set per profile, kept in the workspace
// so they follow the person whichever window or command reads them.

package interviews

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"hirebench/app/model"
)

// RunnerPrefs are how one interviewer likes the runner to behave.
type RunnerPrefs struct {
	// AdvanceAfterScore: choosing a score moves on to the next question,
	// so a second key press scores that one instead of overwriting.
	AdvanceAfterScore bool `json:"advanceAfterScore"`
}

// DefaultRunnerPrefs are a profile's preferences until they change one.
func DefaultRunnerPrefs() RunnerPrefs { return RunnerPrefs{AdvanceAfterScore: true} }

func runnerPrefsKey(profileID int64) string {
	return "prefs.runner." + strconv.FormatInt(profileID, 10)
}

// RunnerPrefs returns who's runner preferences (the defaults until saved).
func (s *Service) RunnerPrefs(ctx context.Context, who model.Profile) (RunnerPrefs, error) {
	p := DefaultRunnerPrefs()
	if who.ID == 0 {
		return p, fmt.Errorf("runner preferences need a profile: %w", model.ErrConflict)
	}
	raw, err := s.store.Setting(ctx, runnerPrefsKey(who.ID))
	if err != nil || raw == "" {
		return p, err
	}
	// A preference that cannot be read is not worth stopping an interview
	// for: the defaults stand until the next save rewrites it.
	if json.Unmarshal([]byte(raw), &p) != nil {
		return DefaultRunnerPrefs(), nil
	}
	return p, nil
}

// SetRunnerPrefs saves who's runner preferences and returns them.
func (s *Service) SetRunnerPrefs(ctx context.Context, who model.Profile, p RunnerPrefs) (RunnerPrefs, error) {
	if who.ID == 0 {
		return p, fmt.Errorf("runner preferences need a profile: %w", model.ErrConflict)
	}
	b, err := json.Marshal(p)
	if err != nil {
		return p, err
	}
	return p, s.store.PutSetting(ctx, runnerPrefsKey(who.ID), string(b))
}

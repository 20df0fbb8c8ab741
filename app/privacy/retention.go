// The retention policy: a workspace setting of N months (off by default);
// rejected or withdrawn candidates with nothing done for longer are listed
// for review, then anonymised or erased together.

package privacy

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

const (
	settingRetention = "privacy.retention_months"
	// MaxRetentionMonths bounds the setting (ten years).
	MaxRetentionMonths = 120
)

// Review is the retention policy and the candidates it makes due.
type Review struct {
	// Months is the policy; 0 when it is off (nobody is due then).
	Months int `json:"months"`
	// Cutoff: candidates with no activity since are due (RFC 3339; "" when off).
	Cutoff     string `json:"cutoff"`
	Candidates []Due  `json:"candidates"`
	// MaxMonths is the longest policy SetRetention accepts.
	MaxMonths int `json:"maxMonths"`
}

// Due is a candidate due under the policy: every application rejected
// (withdrawals are rejections with that reason) and nothing done since the
// cutoff.
type Due struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Email        string   `json:"email"`
	LastActivity string   `json:"lastActivity"`
	Applications []string `json:"applications"` // "Role: reason"
}

// RetentionMonths is the policy in force, 0 when off.
func (s *Service) RetentionMonths(ctx context.Context) (int, error) {
	v, err := s.store.Setting(ctx, settingRetention)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > MaxRetentionMonths {
		return 0, nil
	}
	return n, nil
}

// SetRetention sets the policy to months (0 turns it off).
func (s *Service) SetRetention(ctx context.Context, months int, who scoring.Exporter) error {
	if err := May(who); err != nil {
		return err
	}
	if months < 0 || months > MaxRetentionMonths {
		return model.Invalid("months", "give a number of months from 1 to %d, or 0 to turn the policy off", MaxRetentionMonths)
	}
	return s.store.PutSetting(ctx, settingRetention, strconv.Itoa(months))
}

// cutoff is the policy in force and the time before which nothing done
// makes a candidate due ("" when off).
func (s *Service) cutoff(ctx context.Context) (int, string, error) {
	months, err := s.RetentionMonths(ctx)
	if err != nil || months == 0 {
		return 0, "", err
	}
	return months, s.store.Now().UTC().AddDate(0, -months, 0).Format(model.TimeLayout), nil
}

// Retention lists the candidates due under the policy, longest idle first.
func (s *Service) Retention(ctx context.Context) (Review, error) {
	months, cutoff, err := s.cutoff(ctx)
	if err != nil || months == 0 {
		return Review{Candidates: []Due{}, MaxMonths: MaxRetentionMonths}, err
	}
	rows, err := s.store.DueForRetention(ctx, cutoff)
	if err != nil {
		return Review{}, err
	}
	out := Review{Months: months, Cutoff: cutoff, Candidates: make([]Due, len(rows)), MaxMonths: MaxRetentionMonths}
	for i, r := range rows {
		out.Candidates[i] = Due{ID: r.ID, Name: r.Name, Email: r.Email, LastActivity: r.LastActivity, Applications: r.Applications}
	}
	return out, nil
}

// ApplyRetention anonymises or erases the reviewed candidates together.
// Each must be due under the policy when the erasure runs (checked inside
// its transaction, so another window or process moving or noting one
// meanwhile counts too): a list made before erases nobody, and says who is
// no longer due.
func (s *Service) ApplyRetention(ctx context.Context, ids []int64, action Action, actor model.Profile, who scoring.Exporter) (Result, error) {
	if err := May(who); err != nil {
		return Result{}, err
	}
	if err := action.check(); err != nil {
		return Result{}, err
	}
	ids = unique(ids)
	if len(ids) == 0 {
		return Result{}, model.Invalid("candidates", "choose the candidates to %s", action)
	}
	months, cutoff, err := s.cutoff(ctx)
	if err != nil {
		return Result{}, err
	}
	if months == 0 {
		return Result{}, fmt.Errorf("the retention policy is off, so nobody is due: set one first: %w", model.ErrConflict)
	}
	res, err := s.erase(ctx, ids, action, "retention", cutoff, actor)
	var notDue *storage.NotDueError
	if errors.As(err, &notDue) {
		stale := make([]string, len(notDue.IDs))
		for i, id := range notDue.IDs {
			stale[i] = strconv.FormatInt(id, 10)
		}
		return Result{}, fmt.Errorf("%s %s %s not due under the retention policy any more (moved, noted or gone since the list was made); nothing was changed: reload the list: %w",
			model.Plural(len(stale), "candidate", "candidates"), strings.Join(stale, ", "), model.Plural(len(stale), "is", "are"), model.ErrConflict)
	}
	return res, err
}

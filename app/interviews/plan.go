// A role's interview plan as the committee weighs it: its questions, weights and
// their history, drift since scoring began, and the coverage needed to rank.

package interviews

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

// Plan is a role's interview plan as the committee weighs it: every
// question its rounds ask, with the weights fixed on the plan.
type Plan struct {
	RoleID    int64                  `json:"roleId"`
	Questions []scoring.PlanQuestion `json:"questions"`
	// Changes is the weight history, oldest first.
	Changes []scoring.WeightChange `json:"changes"`
	// ScoringBegan: a scorecard of the role was submitted; weight changes
	// from then on need a reason and are shown to the committee.
	ScoringBegan bool `json:"scoringBegan"`
	// FixedAt is when the first scorecard was submitted and the plan's
	// weights were fixed ("" before).
	FixedAt string `json:"fixedAt"`
	// Drift says how today's questions differ from the plan fixed then
	// (a round added or removed, a rubric edited), one sentence each.
	Drift []string `json:"drift"`
	// ChangedAfterScoring: weights or questions changed after scoring began.
	ChangedAfterScoring bool `json:"changedAfterScoring"`
	// WeightsNote is the sentence the debrief and workbook show when
	// weights changed after scoring began ("" otherwise).
	WeightsNote       string  `json:"weightsNote"`
	CoverageThreshold float64 `json:"coverageThreshold"`
}

const (
	settingCoverage = "coverage_threshold"
	maxWeightReason = 2000
)

// planQuestions is a role's plan as it stands (storage.Plan).
func (s *Service) planQuestions(ctx context.Context, roleID int64) ([]scoring.PlanQuestion, error) {
	return s.store.Plan(ctx, roleID)
}

// Plan returns a role's plan with its weights and their history.
func (s *Service) Plan(ctx context.Context, roleID int64) (Plan, error) {
	if _, err := s.store.RoleTitle(ctx, roleID); err != nil { // a missing role is not found, not an empty plan
		return Plan{}, err
	}
	qs, err := s.planQuestions(ctx, roleID)
	if err != nil {
		return Plan{}, err
	}
	changes, err := s.store.WeightChanges(ctx, roleID)
	if err != nil {
		return Plan{}, err
	}
	began, err := s.store.RoleHasSubmitted(ctx, roleID)
	if err != nil {
		return Plan{}, err
	}
	threshold, err := s.CoverageThreshold(ctx)
	if err != nil {
		return Plan{}, err
	}
	p := Plan{RoleID: roleID, Questions: qs, Changes: changes, ScoringBegan: began, CoverageThreshold: threshold, Drift: []string{}}
	fixed, at, ok, err := s.store.PlanSnapshot(ctx, roleID)
	if err != nil {
		return Plan{}, err
	}
	if began && !ok {
		// Scored before plans were fixed (an older build): fix it now.
		if err := s.store.FixPlan(ctx, roleID); err != nil {
			return Plan{}, err
		}
		if fixed, at, ok, err = s.store.PlanSnapshot(ctx, roleID); err != nil {
			return Plan{}, err
		}
		if qs, err = s.planQuestions(ctx, roleID); err != nil {
			return Plan{}, err
		}
		p.Questions = qs
	}
	if ok {
		p.FixedAt = at
		p.Drift = append(p.Drift, scoring.PlanDrift(fixed, qs)...)
	}
	p.WeightsNote = weightsNote(changes, p.Drift)
	p.ChangedAfterScoring = p.WeightsNote != ""
	return p, nil
}

// weightsNote is the sentence the debrief and the workbook lead with when
// the plan moved after scoring began ("" when it did not).
func weightsNote(changes []scoring.WeightChange, drift []string) string {
	var after int
	for _, c := range changes {
		if c.AfterScoring {
			after++
		}
	}
	if after == 0 && len(drift) == 0 {
		return ""
	}
	var parts []string
	if after > 0 {
		parts = append(parts, fmt.Sprintf("%d weight %s (see the weight history)", after, model.Plural(after, "change", "changes")))
	}
	if len(drift) > 0 {
		parts = append(parts, "the plan "+model.JoinAnd(drift))
	}
	return "Weights changed after scoring began: " + strings.Join(parts, "; ") + ". The ranking is not the one planned before interviews."
}

// SetWeights changes weights on a role's plan. The recruiter alone sets
// them; once a scorecard of the role is submitted each change needs a
// reason, and all of them are recorded (who, when, old → new, why).
func (s *Service) SetWeights(ctx context.Context, roleID int64, edits []scoring.WeightEdit, reason string, actor model.Profile) (Plan, error) {
	if err := planEditor(actor); err != nil {
		return Plan{}, err
	}
	reason = model.MultiLine(reason)
	if utf8.RuneCountInString(reason) > maxWeightReason {
		return Plan{}, model.Invalid("reason", "is longer than %d characters", maxWeightReason)
	}
	qs, err := s.planQuestions(ctx, roleID)
	if err != nil {
		return Plan{}, err
	}
	if _, err := s.store.ChangeWeights(ctx, roleID, actor, func(afterScoring bool) ([]scoring.WeightChange, error) {
		return scoring.CheckWeightEdits(qs, edits, reason, afterScoring)
	}); err != nil {
		return Plan{}, err
	}
	return s.Plan(ctx, roleID)
}

// CoverageThreshold is the share of the plan a candidate's answers must
// carry to be ranked (workspace setting, default 80%).
func (s *Service) CoverageThreshold(ctx context.Context) (float64, error) {
	v, err := s.store.Setting(ctx, settingCoverage)
	if err != nil || v == "" {
		return scoring.DefaultCoverageThreshold, err
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		return scoring.DefaultCoverageThreshold, nil
	}
	return f, nil
}

// SetCoverageThreshold sets it (0–1, in whole percent); recruiter only.
func (s *Service) SetCoverageThreshold(ctx context.Context, v float64, actor model.Profile) error {
	if err := planEditor(actor); err != nil {
		return err
	}
	if math.IsNaN(v) || v < 0 || v > 1 {
		return model.Invalid("coverageThreshold", "must be between 0%% and 100%%")
	}
	return s.store.PutSetting(ctx, settingCoverage, strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64))
}

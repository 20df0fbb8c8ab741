// Gathers a role's fairness report (app/selfid builds it): the stage
// history and screen decisions with each person's self-identification, and
// the debrief's composites and question scores. The recruiter's alone,
// like every person's answers; the workbook carries its export form.

package interviews

import (
	"context"

	"hirebench/app/scoring"
	"hirebench/app/selfid"
)

// Fairness is the role's fairness report as the window and `hirebench
// fairness --role` show it (every group, no suppression).
func (s *Service) Fairness(ctx context.Context, roleID int64, who scoring.Exporter) (selfid.Report, error) {
	if err := selfid.May(who); err != nil {
		return selfid.Report{}, err
	}
	d, err := s.loadRole(ctx, roleID)
	if err != nil {
		return selfid.Report{}, err
	}
	in, err := s.fairnessInput(ctx, roleID, d)
	if err != nil {
		return selfid.Report{}, err
	}
	return selfid.Build(in, false)
}

// fairnessInput reads what the report needs from one role's data.
func (s *Service) fairnessInput(ctx context.Context, roleID int64, d roleData) (selfid.Input, error) {
	var in selfid.Input
	role, err := s.store.GetRole(ctx, roleID)
	if err != nil {
		return in, err
	}
	in.Stages = role.Stages
	if in.Facts, err = s.store.SelfIDFacts(ctx, roleID); err != nil {
		return in, err
	}
	if in.Categories, err = selfid.New(s.store).Categories(ctx); err != nil {
		return in, err
	}
	seen := map[string]bool{}
	for _, cd := range d.debriefs(d.order) {
		sc := selfid.Scores{CandidateID: cd.Debrief.CandidateID, Composite: cd.Debrief.Composite, Questions: map[string]float64{}}
		for _, r := range cd.Debrief.Rows {
			if r.Mean == nil || !r.InPlan {
				continue
			}
			sc.Questions[r.Key] = *r.Mean
			if !seen[r.Key] {
				seen[r.Key] = true
				in.Questions = append(in.Questions, selfid.Question{Key: r.Key, Prompt: r.Prompt})
			}
		}
		in.Scores = append(in.Scores, sc)
	}
	return in, nil
}

// fairnessSheet is the workbook's Fairness sheet, cut by the small-cell
// rule; nil when nobody in the role self-identified.
func (s *Service) fairnessSheet(ctx context.Context, roleID int64, d roleData) (*selfid.Report, error) {
	in, err := s.fairnessInput(ctx, roleID, d)
	if err != nil {
		return nil, err
	}
	answered := false
	for _, f := range in.Facts {
		answered = answered || len(f.Values) > 0
	}
	if !answered {
		return nil, nil
	}
	rep, err := selfid.Build(in, true)
	return &rep, err
}

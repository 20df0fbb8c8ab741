// Gathers a role's fairness report (app/selfid builds it): the stage
// history and screen decisions with each person's self-identification, and
// the debrief's composites and question scores. The recruiter's alone,
// like every person's answers; the workbook carries its export form.

package interviews

import (
	"context"
	"math"

	"hirebench/app/scoring"
	"hirebench/app/selfid"
	"hirebench/storage"
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

// fairnessInput reads what the report needs from one role's data: the
// store's counts, and each group's mean of the debrief's composites and
// question means, which the store sums by group (on a shared workspace the
// server: nobody reads a person's answers there).
func (s *Service) fairnessInput(ctx context.Context, roleID int64, d roleData) (selfid.Input, error) {
	var in selfid.Input
	role, err := s.store.GetRole(ctx, roleID)
	if err != nil {
		return in, err
	}
	in.Stages = role.Stages
	cats, err := selfid.New(s.store).Categories(ctx)
	if err != nil {
		return in, err
	}
	in.Categories = cats
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = c.Name
	}
	if in.Classes, err = s.store.SelfIDCounts(ctx, roleID, names); err != nil {
		return in, err
	}
	in.Measures = []selfid.Question{selfid.Composite}
	measure := map[string]int{}
	var scores []storage.SelfIDScore
	for _, cd := range d.debriefs(d.order) {
		id := cd.Debrief.CandidateID
		add := func(measure int, v float64) {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				scores = append(scores, storage.SelfIDScore{CandidateID: id, Measure: measure, Score: on0to100(v)})
			}
		}
		if c := cd.Debrief.Composite; c != nil {
			add(0, *c)
		}
		for _, r := range cd.Debrief.Rows {
			if r.Mean == nil || !r.InPlan {
				continue
			}
			m, ok := measure[r.Key]
			if !ok {
				m = len(in.Measures)
				measure[r.Key] = m
				in.Measures = append(in.Measures, selfid.Question{Key: r.Key, Prompt: r.Prompt})
			}
			add(m, *r.Mean)
		}
	}
	in.Sums, err = s.store.SelfIDMeans(ctx, roleID, names, scores)
	return in, err
}

// on0to100 keeps a score on its scale: a weighted mean of top marks can
// come out as 100.00000000000001, which a shared workspace's server
// refuses as out of range.
func on0to100(v float64) float64 { return min(100, max(0, v)) }

// fairnessSheet is the workbook's Fairness sheet, cut by the small-cell
// rule; nil when nobody in the role self-identified.
func (s *Service) fairnessSheet(ctx context.Context, roleID int64, d roleData) (*selfid.Report, error) {
	in, err := s.fairnessInput(ctx, roleID, d)
	if err != nil {
		return nil, err
	}
	rep, err := selfid.Build(in, true)
	if err != nil || rep.Responded == 0 {
		return nil, err
	}
	return &rep, nil
}

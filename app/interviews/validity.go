// Outcomes after a hire and the role's Validity report (app/outcomes has
// the rules): recording one checks the application is hired inside the
// write, and the report pairs the debrief's composites and competency
// scores with the outcomes. The recruiter's alone, like every person's
// outcome; the workbook carries the report's aggregates.

package interviews

import (
	"context"
	"time"

	"hirebench/app/model"
	"hirebench/app/outcomes"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Outcomes returns a candidate's hired applications with their outcomes.
// None is "no outcome form": not hired, or asked by someone other than the
// recruiter, whom the outcomes are not for (recording refuses them).
func (s *Service) Outcomes(ctx context.Context, candidateID int64, who scoring.Exporter) ([]outcomes.Entry, error) {
	if outcomes.May(who) != nil {
		return []outcomes.Entry{}, nil
	}
	det, err := s.store.CandidateDetail(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	got, err := s.store.CandidateOutcomes(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	byApp := map[int64]storage.Outcome{}
	for _, o := range got {
		byApp[o.ApplicationID] = o
	}
	out := []outcomes.Entry{}
	for _, a := range det.Applications {
		o, recorded := byApp[a.ID]
		if !outcomes.Hired(a.StageName, a.StageKind) && !recorded {
			continue
		}
		e := outcomes.Entry{ApplicationID: a.ID, RoleID: a.RoleID, RoleTitle: a.RoleTitle, Stage: a.StageName,
			HiredAt: a.EnteredStageAt, Scale: outcomes.Scale}
		if recorded {
			e.Outcome = &outcomes.Outcome{Input: inputOf(o), RecordedBy: o.RecordedBy, RecordedAt: o.RecordedAt}
		}
		out = append(out, e)
	}
	return out, nil
}

// RecordOutcome records (replaces) the outcome of a candidate's hired
// application to a role: checked first, then one transaction that finds
// the application still hired and writes it.
func (s *Service) RecordOutcome(ctx context.Context, candidateID, roleID int64, in outcomes.Input, who scoring.Exporter,
	actor model.Profile) ([]outcomes.Entry, error) {
	if err := outcomes.May(who); err != nil {
		return nil, err
	}
	in = outcomes.Tidy(in)
	if err := outcomes.Check(in, s.store.Now()); err != nil {
		return nil, err
	}
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		a, err := tx.ApplicationOf(candidateID, roleID)
		if err != nil {
			return err
		}
		// Once recorded, an outcome stays editable when the person moves on
		// from the hired stage; a first one needs the hire.
		if !outcomes.Hired(a.StageName, a.StageKind) {
			has, err := tx.HasOutcome(a.ID)
			if err != nil {
				return err
			}
			if !has {
				return outcomes.NotHired(a.StageName)
			}
		} else if err := outcomes.CheckAfterHire(in, a.EnteredStageAt); err != nil {
			return err
		}
		return tx.PutOutcome(storage.Outcome{ApplicationID: a.ID, Rating90d: in.Rating90d, Rating1y: in.Rating1y,
			LeftOn: in.LeftOn, Regretted: in.Regretted}, actor)
	})
	if err != nil {
		return nil, err
	}
	return s.Outcomes(ctx, candidateID, who)
}

// Validity is the role's Validity report as the window and `hirebench
// validity --role` show it.
func (s *Service) Validity(ctx context.Context, roleID int64, who scoring.Exporter) (outcomes.Report, error) {
	if err := outcomes.May(who); err != nil {
		return outcomes.Report{}, err
	}
	d, err := s.loadRole(ctx, roleID)
	if err != nil {
		return outcomes.Report{}, err
	}
	return s.validityReport(ctx, roleID, d)
}

func (s *Service) validityReport(ctx context.Context, roleID int64, d roleData) (outcomes.Report, error) {
	got, err := s.store.RoleOutcomes(ctx, roleID)
	if err != nil {
		return outcomes.Report{}, err
	}
	people := make(map[int64]outcomes.Person, len(got))
	for _, o := range got {
		people[o.CandidateID] = outcomes.Person{Outcome: inputOf(o), HiredAt: o.HiredAt}
	}
	var scores []outcomes.Scores
	var comps []outcomes.Competency
	seen := map[string]bool{}
	for _, cd := range d.debriefs(d.order) {
		sc := outcomes.Scores{CandidateID: cd.Debrief.CandidateID, Composite: cd.Debrief.Composite, Competencies: map[string]float64{}}
		for _, c := range cd.Debrief.Competencies {
			if !seen[c.ID] {
				seen[c.ID] = true
				comps = append(comps, outcomes.Competency{ID: c.ID, Name: c.Name})
			}
			if c.Norm != nil {
				sc.Competencies[c.ID] = *c.Norm
			}
		}
		scores = append(scores, sc)
	}
	rep := outcomes.Build(scores, comps, people, s.store.Now().In(time.UTC))
	rep.RoleID, rep.RoleTitle = roleID, d.title
	return rep, nil
}

// validitySheet is the workbook's Validity report; nil when no outcome is
// recorded for the role.
func (s *Service) validitySheet(ctx context.Context, roleID int64, d roleData) (*outcomes.Report, error) {
	rep, err := s.validityReport(ctx, roleID, d)
	if err != nil || rep.People == 0 {
		return nil, err
	}
	return &rep, nil
}

func inputOf(o storage.Outcome) outcomes.Input {
	return outcomes.Input{Rating90d: o.Rating90d, Rating1y: o.Rating1y, LeftOn: o.LeftOn, Regretted: o.Regretted}
}

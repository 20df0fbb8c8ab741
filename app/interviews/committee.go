// Gathers what the committee workbook and CSV files hold for a role: every
// submitted scorecard, the plan's weights, the app's numbers and the calibration.

package interviews

import (
	"context"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/exports"
)

// Committee gathers what the committee workbook and its CSV files hold for
// a role: every submitted scorecard, the plan's weights, the app's own
// numbers at those weights and the calibration. It holds everyone's cards,
// so it is the recruiter's (or the command line's) alone: scoring.MayExport.
func (s *Service) Committee(ctx context.Context, roleID int64, appVersion string, who scoring.Exporter) (exports.Committee, error) {
	if err := scoring.MayExport(who, scoring.ExportCommittee); err != nil {
		return exports.Committee{}, err
	}
	d, err := s.loadRole(ctx, roleID)
	if err != nil {
		return exports.Committee{}, err
	}
	c := exports.Committee{RoleID: roleID, RoleTitle: d.role.Title, AppVersion: appVersion, ExportedAt: s.store.Now().UTC(),
		CoverageThreshold: d.plan.CoverageThreshold, WeightsNote: d.plan.WeightsNote}
	seenComp := map[string]bool{}
	for _, q := range d.plan.Questions {
		if !seenComp[q.CompetencyID] {
			seenComp[q.CompetencyID] = true
			c.Competencies = append(c.Competencies, exports.CompetencyWeight{ID: q.CompetencyID, Name: q.Competency, Weight: q.CompetencyWeight})
		}
		c.Questions = append(c.Questions, exports.QuestionWeight{Key: q.Key, CompetencyID: q.CompetencyID, Competency: q.Competency,
			QuestionID: q.QuestionID, Question: q.Prompt, Weight: q.QuestionWeight, Effective: q.Effective})
	}
	for _, ch := range d.plan.Changes {
		what := "competency: " + ch.Label
		if ch.QuestionID != "" {
			what = "question: " + ch.Label
		}
		c.WeightChanges = append(c.WeightChanges, exports.WeightChange{ChangedAt: ch.ChangedAt, Actor: ch.ActorName, What: what,
			Old: ch.Old, New: ch.New, AfterScoring: ch.AfterScoring, Reason: ch.Reason})
	}
	for _, drift := range d.plan.Drift {
		c.WeightChanges = append(c.WeightChanges, exports.WeightChange{What: "since " + d.plan.FixedAt + " the plan " + drift,
			PlanChange: true, AfterScoring: true})
	}
	for _, cd := range d.debriefs(d.order) {
		deb := cd.Debrief
		cid := deb.CandidateID
		sum := exports.CandidateSummary{CandidateID: cid, Name: deb.CandidateName, Stage: cd.Stage, Rank: cd.Rank,
			Composite: deb.Composite, Coverage: deb.Coverage, Complete: deb.Complete, Uncertainty: deb.Uncertainty,
			UncertaintyLabel: deb.UncertaintyLabel, Interviewers: scorers(deb), CompetencyMeans: map[string]float64{},
			Recommendations: deb.Recommendations, Disagreements: deb.Disagreements, Scorecards: deb.Cards,
			ScoredAfterSeeing: deb.ScoredAfterSeeing}
		for _, cs := range deb.Competencies {
			if cs.Norm != nil {
				sum.CompetencyMeans[cs.ID] = *cs.Norm
			}
		}
		c.Candidates = append(c.Candidates, sum)
		for _, row := range deb.Rows {
			if !row.InPlan {
				continue
			}
			c.Answers = append(c.Answers, exports.AnswerRow{CandidateID: cid, Candidate: deb.CandidateName, Key: row.Key,
				Competency: row.CompetencyName, Question: row.Prompt, Interviewers: row.N, Mean: row.Mean})
		}
		c.Scorecards = append(c.Scorecards, scoreRows(d, cid)...)
	}
	cal := calibrate(d, d.order)
	for _, g := range append(cal.Pooled, cal.Competencies...) {
		c.Calibration = append(c.Calibration, exports.CalibrationGroup{Name: g.Name, Scale: g.Scale, Candidates: g.Candidates,
			Items: g.Items, PairedItems: g.PairedItems, Raters: g.Raters, TooFew: g.Reason, Report: g.Report})
	}
	return c, nil
}

// scorers counts the interviewers the composite and its uncertainty rest
// on: those who scored a question of the plan.
func scorers(d scoring.Debrief) int {
	n := 0
	for _, iv := range d.Interviewers {
		if iv.Composite != nil {
			n++
		}
	}
	return n
}

// scoreRows lists one candidate's answers, card by card.
func scoreRows(d roleData, cid int64) []exports.ScoreRow {
	var out []exports.ScoreRow
	for _, card := range d.cards[cid] {
		r, _ := d.rubricOf(card)
		answers, rec, _ := card.Current()
		for _, comp := range r.Competencies {
			for _, q := range comp.Questions {
				a, ok := answers[q.ID]
				if !ok {
					continue
				}
				row := exports.ScoreRow{CandidateID: cid, Candidate: card.CandidateName, Round: card.RoundName, InterviewerID: card.AuthorID,
					Interviewer: card.AuthorName, Key: scoring.WeightKey(comp.ID, q.ID), Competency: comp.Name, Question: q.Prompt,
					ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max, Skipped: a.Skipped, SkipReason: a.SkipReason, Notes: a.Notes,
					Recommendation: rubric.RecommendationLabel(rubric.Recommendation(rec)), SubmittedAt: card.SubmittedAt,
					Hash: card.SHA256, Amended: len(card.Revisions) > 0, AmendedAfterSeeing: card.AmendedAfterSeeing(),
					SubmittedAfterSeeing: card.SubmittedAfterSeeing()}
				if a.Score != nil {
					score := *a.Score
					norm := scoring.Normalize(score, r.Scale.Min, r.Scale.Max)
					row.Score, row.Norm, row.Label = &score, &norm, r.Scale.Label(score)
				}
				out = append(out, row)
			}
		}
	}
	return out
}

// CommitteeDebrief is the headless debrief (`hirebench debrief --json`):
// every candidate of the role with the plan's weights, as the owner of the
// workspace sees it.
func (s *Service) CommitteeDebrief(ctx context.Context, roleID int64) (RoleDebrief, error) {
	return s.RoleDebrief(ctx, roleID, model.Profile{IsRecruiter: true})
}

// Role returns a role (for export file names and titles).
func (s *Service) Role(ctx context.Context, id int64) (model.Role, error) {
	return s.store.GetRole(ctx, id)
}

// Gathers what the committee workbook and CSV files hold for a role: every
// submitted scorecard, the plan's weights, the app's numbers, the calibration
// and the AI usage about the role's candidates (aggregates, nobody named).

package interviews

import (
	"context"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/app/outcomes"
	"hirebench/app/scoring"
	"hirebench/app/selfid"
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
	c := exports.Committee{RoleID: roleID, RoleTitle: d.title, AppVersion: appVersion, ExportedAt: s.store.Now().UTC(),
		CoverageThreshold: d.plan.CoverageThreshold, WeightsNote: d.plan.WeightsNote}
	c.Competencies, c.Questions = exports.PlanWeights(d.plan.Questions)
	c.WeightChanges = exports.WeightChanges(d.plan.Changes, d.plan.Drift, d.plan.FixedAt)
	for _, cd := range d.debriefs(d.order) {
		c.AddCandidate(cd.Debrief, cd.Stage, cd.Rank, d.cards[cd.Debrief.CandidateID], d.rubricOf)
	}
	c.Calibration = exports.CalibrationGroups(ratingGroups(d, d.order))
	fair, err := s.fairnessSheet(ctx, roleID, d) // app/interviews/fairness.go
	if err != nil {
		return exports.Committee{}, err
	}
	if fair != nil {
		c.Fairness = selfid.Workbook(*fair)
	}
	val, err := s.validitySheet(ctx, roleID, d) // app/interviews/validity.go
	if err != nil {
		return exports.Committee{}, err
	}
	if val != nil {
		c.Validity = outcomes.Workbook(*val)
	}
	usage, err := s.store.AIRoleUsage(ctx, roleID)
	if err != nil {
		return exports.Committee{}, err
	}
	for _, u := range usage {
		c.AIUsage = append(c.AIUsage, exports.AIUsageRow{Feature: ai.FeatureLabel(u.Feature), Model: u.Model, Calls: u.Calls,
			Cached: u.Cached, Failed: u.Failed, TokensIn: u.TokensIn, TokensOut: u.TokensOut, CostUSD: u.CostUSD})
	}
	return c, nil
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

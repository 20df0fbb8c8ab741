// Who is on a candidate's interview panel: round assignments and reassignments, who
// may start a card or see others' cards, and what a profile may edit or export.

package interviews

import (
	"context"
	"fmt"
	"slices"

	"hirebench/app/model"
	"hirebench/app/outcomes"
	"hirebench/app/scoring"
	"hirebench/app/selfid"
)

// panel is what the blind rule needs to know about one candidate: their
// applications, each role's rounds, the recruiter's reassignments and every
// scorecard (anyone's, any status).
type panel struct {
	apps      []model.Application
	rounds    map[int64][]scoring.Round // by role
	overrides map[scoring.RoundKey][]model.Profile
	cards     []scoring.Scorecard
}

func (s *Service) loadPanel(ctx context.Context, candidateID int64) (panel, error) {
	p := panel{rounds: map[int64][]scoring.Round{}}
	var err error
	if p.apps, err = s.store.CandidateApplications(ctx, candidateID); err != nil {
		return p, err
	}
	for _, a := range p.apps {
		if _, ok := p.rounds[a.RoleID]; ok {
			continue
		}
		if p.rounds[a.RoleID], err = s.store.ListRounds(ctx, a.RoleID); err != nil {
			return p, err
		}
	}
	if p.overrides, err = s.store.Assignments(ctx, candidateID); err != nil {
		return p, err
	}
	p.cards, err = s.store.CandidateScorecards(ctx, candidateID)
	return p, err
}

// assignees is who interviews the candidate in one round of an application.
func (p panel) assignees(appID int64, r scoring.Round) (who []model.Profile, reassigned bool) {
	o := p.overrides[scoring.RoundKey{ApplicationID: appID, RoundID: r.ID}]
	return scoring.Assignees(r, o), len(o) > 0
}

// assignedTo lists the candidate's rounds a profile interviews in.
func (p panel) assignedTo(profileID int64) []scoring.RoundKey {
	return scoring.AssignedTo(profileID, p.apps, p.rounds, p.overrides)
}

// viewer is the blind rule's view of who is looking.
func (p panel) viewer(v model.Profile) scoring.Viewer {
	return scoring.Viewer{ProfileID: v.ID, IsRecruiter: v.IsRecruiter,
		DoneWithCandidate: scoring.DoneWithCandidate(v.ID, p.assignedTo(v.ID), p.cards)}
}

// sawOthers says whether other interviewers' cards for the candidate are,
// or ever were, open to the viewer: recorded with a submission or an
// amendment, so the committee knows the score may be anchored.
func (s *Service) sawOthers(ctx context.Context, p panel, viewer model.Profile, candidateID int64) (bool, error) {
	if scoring.SawOthers(p.viewer(viewer), p.cards) {
		return true, nil
	}
	return s.store.Exposed(ctx, viewer.ID, candidateID)
}

// exposes says whether showing these cards of one candidate shows the
// viewer other interviewers' submitted cards (see sawOthers).
func exposes(viewer model.Profile, shown []scoring.Scorecard) bool {
	return slices.ContainsFunc(shown, func(c scoring.Scorecard) bool {
		return c.AuthorID != viewer.ID && c.Status == scoring.Submitted
	})
}

// exposed records that the viewer is being shown other interviewers'
// submitted cards for the candidate, if these cards include any.
func (s *Service) exposed(ctx context.Context, viewer model.Profile, candidateID int64, shown []scoring.Scorecard) error {
	if !exposes(viewer, shown) {
		return nil
	}
	return s.store.RecordExposures(ctx, viewer.ID, []int64{candidateID})
}

// AssignRound lets the recruiter choose who interviews one candidate in one
// round (an empty list goes back to the plan's interviewers). A card an
// interviewer already started stays theirs.
func (s *Service) AssignRound(ctx context.Context, applicationID, roundID int64, profileIDs []int64, actor model.Profile) error {
	if err := planEditor(actor); err != nil {
		return err
	}
	ids := []int64{}
	for _, id := range profileIDs {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return s.store.AssignRound(ctx, applicationID, roundID, ids)
}

// mayStart checks that the viewer interviews this candidate in this round.
func (p panel) mayStart(viewer model.Profile, appID int64, r scoring.Round) error {
	who, _ := p.assignees(appID, r)
	if slices.ContainsFunc(who, func(x model.Profile) bool { return x.ID == viewer.ID }) {
		return nil
	}
	if len(who) == 0 {
		return fmt.Errorf("nobody is assigned to %q for this candidate yet; the recruiter assigns interviewers on the interview plan: %w", r.Name, model.ErrConflict)
	}
	names := make([]string, len(who))
	for i, x := range who {
		names[i] = x.Name
	}
	return fmt.Errorf("%q is assigned to %s; the recruiter can reassign it: %w", r.Name, model.JoinAnd(names), model.ErrConflict)
}

// Rights says what a profile may do with plans and exports, each with the
// sentence the app shows when it may not: the UI asks instead of deciding.
type Rights struct {
	EditPlan            bool   `json:"editPlan"`
	EditPlanNote        string `json:"editPlanNote"`
	ExportCommittee     bool   `json:"exportCommittee"`
	ExportCommitteeNote string `json:"exportCommitteeNote"`
	ExportWorkspace     bool   `json:"exportWorkspace"`
	ExportWorkspaceNote string `json:"exportWorkspaceNote"`
	// SelfID: recording and reading self-identification and the role's
	// fairness report (selfid.May).
	SelfID     bool   `json:"selfId"`
	SelfIDNote string `json:"selfIdNote"`
	// Outcomes: recording outcomes after a hire and the Validity report
	// (outcomes.May).
	Outcomes     bool   `json:"outcomes"`
	OutcomesNote string `json:"outcomesNote"`
}

// RightsOf applies planEditor and scoring.MayExport to a profile.
func RightsOf(p model.Profile) Rights {
	var r Rights
	r.EditPlan, r.EditPlanNote = allowed(planEditor(p))
	r.ExportCommittee, r.ExportCommitteeNote = allowed(scoring.MayExport(scoring.ExporterOf(p), scoring.ExportCommittee))
	r.ExportWorkspace, r.ExportWorkspaceNote = allowed(scoring.MayExport(scoring.ExporterOf(p), scoring.ExportBundleAll))
	r.SelfID, r.SelfIDNote = allowed(selfid.May(scoring.ExporterOf(p)))
	r.Outcomes, r.OutcomesNote = allowed(outcomes.May(scoring.ExporterOf(p)))
	return r
}

func allowed(err error) (bool, string) {
	if err == nil {
		return true, ""
	}
	return false, model.RefusalSentence(err)
}

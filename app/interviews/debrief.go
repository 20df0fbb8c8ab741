// A role's debrief: its candidates ranked by composite, complete ones first, with
// the plan and the calibration, showing only what the blind rule lets the viewer see.

package interviews

import (
	"context"
	"fmt"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// CandidateDebrief is one candidate's debrief within a role.
type CandidateDebrief struct {
	Stage string `json:"stage"`
	// Rank among the complete candidates (1 = highest composite; equal
	// composites share a rank); 0 for an incomplete or unscored one.
	Rank    int             `json:"rank"`
	Debrief scoring.Debrief `json:"debrief"`
	// Practice says whether each interviewer completed practice on the
	// rubric version they scored with (practice.go); the window's only.
	Practice []PracticeMark `json:"practice"`
}

// RoleDebrief is a role's candidates ranked by composite, complete ones
// first, with the plan they were weighed against and the calibration of
// the role's interviewers.
type RoleDebrief struct {
	RoleID      int64              `json:"roleId"`
	RoleTitle   string             `json:"roleTitle"`
	Candidates  []CandidateDebrief `json:"candidates"`
	Plan        Plan               `json:"plan"`
	Calibration Calibration        `json:"calibration"`
	// Hidden counts candidates whose cards the viewer may not see yet
	// (they have not finished their own rounds for them).
	Hidden int `json:"hidden"`
	// RankNote explains missing ranks: with candidates hidden, a rank among
	// the visible ones would mislead, so none is given ("" otherwise).
	RankNote string `json:"rankNote"`
	// ExportNote says why this viewer may not export the committee
	// workbook or its CSV files ("" when they may): scoring.MayExport.
	ExportNote string `json:"exportNote"`
}

type roleData struct {
	title    string
	stages   map[int64]string
	cards    map[int64][]scoring.Scorecard // by candidate, submitted only
	order    []int64
	rubricOf scoring.CardRubric
	versions map[int64]rubric.Rubric
	plan     Plan
}

// loadRole gathers a role's submitted cards, the exact rubrics they used
// and the role's plan.
func (s *Service) loadRole(ctx context.Context, roleID int64) (roleData, error) {
	d := roleData{cards: map[int64][]scoring.Scorecard{}, versions: map[int64]rubric.Rubric{}}
	var err error
	if d.title, err = s.store.RoleTitle(ctx, roleID); err != nil {
		return d, err
	}
	if d.plan, err = s.Plan(ctx, roleID); err != nil {
		return d, err
	}
	if d.stages, err = s.store.CandidateStages(ctx, roleID); err != nil {
		return d, err
	}
	all, err := s.store.RoleScorecards(ctx, roleID)
	if err != nil {
		return d, err
	}
	for _, c := range all {
		if c.Status != scoring.Submitted {
			continue
		}
		if _, ok := d.versions[c.RubricVersionID]; !ok {
			v, err := s.store.RubricVersion(ctx, c.RubricVersionID)
			if err != nil {
				return d, err
			}
			d.versions[c.RubricVersionID] = v.Content
		}
		if _, ok := d.cards[c.CandidateID]; !ok {
			d.order = append(d.order, c.CandidateID)
		}
		d.cards[c.CandidateID] = append(d.cards[c.CandidateID], c)
	}
	d.rubricOf = func(c scoring.Scorecard) (rubric.Rubric, bool) {
		r, ok := d.versions[c.RubricVersionID]
		return r.Subset(c.Competencies), ok
	}
	return d, nil
}

// debriefs builds the debrief of each listed candidate and ranks them:
// complete candidates by composite, then incomplete ones, then unscored.
func (d roleData) debriefs(ids []int64) []CandidateDebrief {
	out := make([]CandidateDebrief, 0, len(ids))
	items := make([]scoring.Ranked, 0, len(ids))
	for _, cid := range ids {
		deb := scoring.BuildDebrief(d.cards[cid], d.rubricOf, d.plan.Questions, d.plan.CoverageThreshold)
		out = append(out, CandidateDebrief{Stage: d.stages[cid], Debrief: deb})
		items = append(items, scoring.Ranked{Composite: deb.Composite, Complete: deb.Complete, Name: deb.CandidateName})
	}
	order, rank := scoring.Rank(items)
	sorted := make([]CandidateDebrief, len(out))
	for i, j := range order {
		sorted[i] = out[j]
		sorted[i].Rank = rank[j]
	}
	return sorted
}

// RoleDebrief returns the role's debriefs the viewer may see: recruiters
// see every candidate; an interviewer sees a candidate's cards only after
// submitting every round they interview that candidate in.
func (s *Service) RoleDebrief(ctx context.Context, roleID int64, viewer model.Profile) (RoleDebrief, error) {
	d, err := s.loadRole(ctx, roleID)
	if err != nil {
		return RoleDebrief{}, err
	}
	out := RoleDebrief{RoleID: roleID, RoleTitle: d.title, Plan: d.plan}
	var visible, exposed []int64
	for _, cid := range d.order {
		if !viewer.IsRecruiter {
			p, err := s.loadPanel(ctx, cid)
			if err != nil {
				return RoleDebrief{}, err
			}
			if !p.viewer(viewer).DoneWithCandidate {
				out.Hidden++
				continue
			}
		}
		if exposes(viewer, d.cards[cid]) {
			exposed = append(exposed, cid)
		}
		visible = append(visible, cid)
	}
	// All at once: a recruiter's first opening of a role shows thousands.
	if err := s.store.RecordExposures(ctx, viewer.ID, exposed); err != nil {
		return RoleDebrief{}, err
	}
	out.Candidates = d.debriefs(visible)
	if err := s.markPractice(ctx, d, out.Candidates); err != nil {
		return RoleDebrief{}, err
	}
	if out.Hidden > 0 {
		for i := range out.Candidates {
			out.Candidates[i].Rank = 0
		}
		out.RankNote = fmt.Sprintf("No ranks while %d %s of this role %s hidden from you: a rank among the ones you see would mislead.",
			out.Hidden, model.Plural(out.Hidden, "candidate", "candidates"), model.Plural(out.Hidden, "is", "are"))
	}
	out.ExportNote = RightsOf(viewer).ExportCommitteeNote
	out.Calibration = calibrate(d, visible)
	return out, nil
}

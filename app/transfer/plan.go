// A role's plan in a bundle (v2): the weights set on it, their history, the
// plan fixed at its first submission, and the recruiter's per-candidate
// round assignments. Imports keep local data and list differences, as for
// every other record.

package transfer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// exportPlan fills a bundle role's weights, history and fixed plan.
func exportPlan(tx *storage.Tx, roleID int64, br *bundle.Role) error {
	weights, err := tx.PlanWeightList(roleID)
	if err != nil {
		return err
	}
	for _, w := range weights {
		br.Weights = append(br.Weights, bundle.Weight{CompetencyID: w.CompetencyID, QuestionID: w.QuestionID, Weight: w.Weight})
	}
	history, err := tx.WeightChanges(roleID)
	if err != nil {
		return err
	}
	for _, c := range history {
		br.WeightChanges = append(br.WeightChanges, weightChange(c))
	}
	raw, at, err := tx.FixedPlan(roleID)
	switch {
	case errors.Is(err, model.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	br.PlanSnapshot, br.PlanFixedAt = raw, at
	return nil
}

func weightChange(c scoring.WeightChange) bundle.WeightChange {
	return bundle.WeightChange{CompetencyID: c.CompetencyID, QuestionID: c.QuestionID, Label: c.Label, Old: c.Old, New: c.New,
		Reason: c.Reason, AfterScoring: c.AfterScoring, ActorName: c.ActorName, ChangedAt: c.ChangedAt}
}

// exportAssignments lists an application's reassigned rounds in plan
// order; rounds that share a name and follow each other make one entry, as
// rounds match by name.
func exportAssignments(tx *storage.Tx, appID int64) ([]bundle.Assignment, error) {
	list, err := tx.ApplicationAssignments(appID)
	if err != nil {
		return nil, err
	}
	var out []bundle.Assignment
	for _, a := range list {
		names := make([]string, len(a.Interviewers))
		for i, p := range a.Interviewers {
			names[i] = p.Name
		}
		if n := len(out); n > 0 && out[n-1].Round == a.Round {
			out[n-1].Interviewers = append(out[n-1].Interviewers, names...)
		} else {
			out = append(out, bundle.Assignment{Round: a.Round, Interviewers: names})
		}
	}
	return out, nil
}

// mergePlan adds the bundle's weights the local plan lacks (a different
// local weight is kept and listed), the history entries it lacks, and the
// fixed plan when the local role has none.
func (m *merger) mergePlan(role *localRole, br bundle.Role) error {
	local, err := m.tx.PlanWeights(role.id)
	if err != nil {
		return err
	}
	for _, w := range br.Weights {
		have, ok := local.Competencies[w.CompetencyID]
		name := "competency " + w.CompetencyID
		if w.QuestionID != "" {
			key := scoring.WeightKey(w.CompetencyID, w.QuestionID)
			have, ok = local.Questions[key]
			name = "question " + key
		}
		switch {
		case ok && have == w.Weight:
		case ok:
			m.conflict("role %q: the weight of %s is %g here and %g in the bundle; local kept", br.Title, name, have, w.Weight)
		default:
			if err := m.tx.SetWeight(role.id, w.CompetencyID, w.QuestionID, w.Weight); err != nil {
				return err
			}
		}
	}
	history, err := m.tx.WeightChanges(role.id)
	if err != nil {
		return err
	}
	for _, c := range br.WeightChanges {
		if slices.ContainsFunc(history, func(h scoring.WeightChange) bool { return sameChange(weightChange(h), c) }) {
			continue
		}
		err := m.tx.InsertWeightChange(role.id, scoring.WeightChange{CompetencyID: c.CompetencyID, QuestionID: c.QuestionID,
			Label: c.Label, Old: c.Old, New: c.New, Reason: c.Reason, AfterScoring: c.AfterScoring, ActorName: c.ActorName, ChangedAt: c.ChangedAt})
		if err != nil {
			return err
		}
	}
	if len(br.PlanSnapshot) == 0 {
		return nil
	}
	added, err := m.tx.InsertFixedPlan(role.id, br.PlanSnapshot, br.PlanFixedAt)
	if err != nil || added {
		return err
	}
	if _, at, err := m.tx.FixedPlan(role.id); err == nil && at != br.PlanFixedAt {
		m.note("role %q: its plan was fixed here at %s and in the bundle at %s; this workspace's kept", br.Title, at, br.PlanFixedAt)
	}
	return nil
}

// sameChange says two history entries are the same change: same weight,
// old and new values, author and time (labels and reasons are text a
// bundle may have reflowed).
func sameChange(a, b bundle.WeightChange) bool {
	return a.CompetencyID == b.CompetencyID && a.QuestionID == b.QuestionID && a.Old == b.Old && a.New == b.New &&
		a.ChangedAt == b.ChangedAt && strings.EqualFold(a.ActorName, b.ActorName)
}

// mergeAssignments adds the bundle's reassigned rounds of an application
// where the local one follows the plan; a different local assignment is
// kept and listed.
func (m *merger) mergeAssignments(role *localRole, appID int64, bc bundle.Candidate, a bundle.Application) error {
	have, err := exportAssignments(m.tx, appID)
	if err != nil {
		return err
	}
	for _, as := range a.Assignments {
		roundID, ok := role.rounds[strings.ToLower(as.Round)]
		if !ok {
			continue // the check made sure the bundle's plan has it; merged rounds match by name
		}
		var local []string
		for _, x := range have {
			if strings.EqualFold(x.Round, as.Round) {
				local = x.Interviewers
			}
		}
		if len(local) > 0 {
			if !sameNames(local, as.Interviewers) {
				m.conflict("%s, %s: round %q is assigned to %s here and to %s in the bundle; local kept",
					bc.Label(), a.RoleTitle, as.Round, strings.Join(local, ", "), strings.Join(as.Interviewers, ", "))
			}
			continue
		}
		for _, name := range as.Interviewers {
			pid, err := m.profile(name)
			if err != nil {
				return err
			}
			if err := m.tx.Assign(appID, roundID, pid); err != nil {
				return fmt.Errorf("transfer: import assignment: %w", err)
			}
		}
	}
	return nil
}

// sameNames says two lists name the same people, whatever the order and case.
func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]bool{}
	for _, x := range a {
		seen[strings.ToLower(x)] = true
	}
	for _, x := range b {
		if !seen[strings.ToLower(x)] {
			return false
		}
	}
	return true
}

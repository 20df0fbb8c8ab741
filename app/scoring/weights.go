package scoring

import (
	"fmt"
	"math"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// PlanWeights are the weights a recruiter set on a role's interview plan,
// overriding the rubric's: competency id → weight, and WeightKey → a
// question's weight within its competency. Missing entries keep the rubric's.
type PlanWeights struct {
	Competencies map[string]float64 `json:"competencies"`
	Questions    map[string]float64 `json:"questions"`
}

// BuildPlan lists the questions of a role's plan: every question of every
// competency its rounds cover, in round order, then rubric order; a
// competency covered by two rounds counts once (the first round's rubric
// names it). rounds holds each round's rubric (latest version), already
// limited to the round's competencies. Effective weights are filled in.
func BuildPlan(rounds []rubric.Rubric, w PlanWeights) []PlanQuestion {
	var out []PlanQuestion
	seen := map[string]bool{}
	for _, r := range rounds {
		for _, c := range r.Competencies {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			cw := orDefault(c.Weight)
			if v, ok := w.Competencies[c.ID]; ok {
				cw = v
			}
			for _, q := range c.Questions {
				key := WeightKey(c.ID, q.ID)
				qw := orDefault(q.Weight)
				if v, ok := w.Questions[key]; ok {
					qw = v
				}
				out = append(out, PlanQuestion{Key: key, CompetencyID: c.ID, Competency: c.Name, QuestionID: q.ID, Prompt: q.Prompt,
					CompetencyWeight: cw, QuestionWeight: qw})
			}
		}
	}
	return Effective(out)
}

// orDefault reads an unset (zero) rubric weight as the format's default.
func orDefault(w float64) float64 {
	if w == 0 {
		return rubric.DefaultWeight
	}
	return w
}

// Kinds of change in a role's weight history.
const (
	ChangeWeight = "weight" // one weight, old → new
	ChangePlan   = "plan"   // the plan's questions (Label says how)
)

// WeightChange is one recorded change of a plan weight, or of the plan's
// questions (Kind "plan": a round added, removed or covering other
// competencies, which moves every share).
type WeightChange struct {
	ID           int64   `json:"id"`
	RoleID       int64   `json:"roleId"`
	Kind         string  `json:"kind"`
	CompetencyID string  `json:"competencyId"`
	QuestionID   string  `json:"questionId"` // "" for a competency's weight
	Label        string  `json:"label"`      // the competency or question as named then
	Old          float64 `json:"old"`
	New          float64 `json:"new"`
	Reason       string  `json:"reason"`
	// AfterScoring: the role already had a submitted scorecard.
	AfterScoring bool   `json:"afterScoring"`
	ActorName    string `json:"actorName"`
	ChangedAt    string `json:"changedAt"`
}

// WeightEdit asks to set one plan weight; QuestionID "" sets the competency's.
type WeightEdit struct {
	CompetencyID string  `json:"competencyId"`
	QuestionID   string  `json:"questionId"`
	Weight       float64 `json:"weight"`
}

// CheckWeightEdits validates edits against the current plan and returns the
// changes they make (edits that change nothing are dropped). After scoring
// began a reason is required, so the committee can read why.
func CheckWeightEdits(plan []PlanQuestion, edits []WeightEdit, reason string, afterScoring bool) ([]WeightChange, error) {
	v := &model.ValidationError{}
	comps := map[string]PlanQuestion{}
	questions := map[string]PlanQuestion{}
	for _, q := range plan {
		if _, ok := comps[q.CompetencyID]; !ok {
			comps[q.CompetencyID] = q
		}
		questions[q.Key] = q
	}
	var out []WeightChange
	done := map[string]bool{}
	for i, e := range edits {
		field := fmt.Sprintf("weights[%d]", i)
		key := e.CompetencyID
		if e.QuestionID != "" {
			key = WeightKey(e.CompetencyID, e.QuestionID)
		}
		if done[key] {
			v.Add(field, "%s is changed twice in one save", key)
			continue
		}
		done[key] = true
		if math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight <= 0 || e.Weight > rubric.MaxWeight {
			v.Add(field, "must be a number greater than 0 and at most %g, not %g", rubric.MaxWeight, e.Weight)
			continue
		}
		ch := WeightChange{CompetencyID: e.CompetencyID, QuestionID: e.QuestionID, New: e.Weight, AfterScoring: afterScoring}
		if e.QuestionID == "" {
			c, ok := comps[e.CompetencyID]
			if !ok {
				v.Add(field, "%q is not a competency of this interview plan", e.CompetencyID)
				continue
			}
			ch.Label, ch.Old = c.Competency, c.CompetencyWeight
		} else {
			q, ok := questions[key]
			if !ok {
				v.Add(field, "%q is not a question of this interview plan", key)
				continue
			}
			ch.Label, ch.Old = q.Prompt, q.QuestionWeight
		}
		if ch.Old != ch.New {
			out = append(out, ch)
		}
	}
	if afterScoring && len(out) > 0 && reason == "" {
		v.Add("reason", "scoring has begun for this role: say why the weights change, so the committee can read it")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Reason = reason
	}
	return out, nil
}

// PlanDiff names the competencies a plan gained and lost (by name, in
// plan order): what moves every share when rounds change.
func PlanDiff(before, after []PlanQuestion) (added, removed []string) {
	in := func(plan []PlanQuestion) (map[string]bool, []PlanQuestion) {
		seen := map[string]bool{}
		var firsts []PlanQuestion
		for _, q := range plan {
			if !seen[q.CompetencyID] {
				seen[q.CompetencyID] = true
				firsts = append(firsts, q)
			}
		}
		return seen, firsts
	}
	had, old := in(before)
	has, now := in(after)
	for _, q := range now {
		if !had[q.CompetencyID] {
			added = append(added, q.Competency)
		}
	}
	for _, q := range old {
		if !has[q.CompetencyID] {
			removed = append(removed, q.Competency)
		}
	}
	return added, removed
}

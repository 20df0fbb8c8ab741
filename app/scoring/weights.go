// A role's plan weights: building the plan's questions from its rounds' rubrics,
// checking weight edits and their reason, and describing drift from the fixed plan.

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
// competency its rounds cover, in round order, then rubric order. A
// competency two rounds cover counts once, with every question either
// round's rubric asks (the first round's rubric names it and weighs it).
// rounds holds each round's rubric (latest version), already limited to the
// round's competencies. Effective weights are filled in.
func BuildPlan(rounds []rubric.Rubric, w PlanWeights) []PlanQuestion {
	var order []string
	byComp := map[string][]PlanQuestion{}
	compWeight := map[string]float64{}
	seenQ := map[string]bool{}
	for _, r := range rounds {
		for _, c := range r.Competencies {
			cw, known := compWeight[c.ID]
			if !known {
				cw = orDefault(c.Weight)
				if v, ok := w.Competencies[c.ID]; ok {
					cw = v
				}
				compWeight[c.ID] = cw
				order = append(order, c.ID)
			}
			for _, q := range c.Questions {
				key := WeightKey(c.ID, q.ID)
				if seenQ[key] {
					continue
				}
				seenQ[key] = true
				qw := orDefault(q.Weight)
				if v, ok := w.Questions[key]; ok {
					qw = v
				}
				byComp[c.ID] = append(byComp[c.ID], PlanQuestion{Key: key, CompetencyID: c.ID, Competency: c.Name, QuestionID: q.ID,
					Prompt: q.Prompt, CompetencyWeight: cw, QuestionWeight: qw})
			}
		}
	}
	var out []PlanQuestion
	for _, id := range order {
		out = append(out, byComp[id]...)
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

// WeightChange is one recorded change of a plan weight.
type WeightChange struct {
	ID           int64   `json:"id"`
	RoleID       int64   `json:"roleId"`
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
			ch.Label, ch.Old = model.OneLine(c.Competency), c.CompetencyWeight
		} else {
			q, ok := questions[key]
			if !ok {
				v.Add(field, "%q is not a question of this interview plan", key)
				continue
			}
			ch.Label, ch.Old = model.OneLine(q.Prompt), q.QuestionWeight
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

// PlanDrift says, in sentences, how a plan differs from the one fixed at
// the role's first submission: competencies and questions it gained or
// lost (weights cannot drift: they were fixed then, and changes to them are
// in the weight history). Empty when the questions are the same.
func PlanDrift(fixed, now []PlanQuestion) []string {
	type comp struct {
		name string
		qs   map[string]string // question id → prompt
		ids  []string
	}
	index := func(plan []PlanQuestion) (map[string]*comp, []string) {
		out := map[string]*comp{}
		var order []string
		for _, q := range plan {
			c := out[q.CompetencyID]
			if c == nil {
				c = &comp{name: q.Competency, qs: map[string]string{}}
				out[q.CompetencyID] = c
				order = append(order, q.CompetencyID)
			}
			c.qs[q.QuestionID] = q.Prompt
			c.ids = append(c.ids, q.QuestionID)
		}
		return out, order
	}
	was, wasOrder := index(fixed)
	is, isOrder := index(now)
	var out []string
	for _, id := range isOrder {
		c := is[id]
		old := was[id]
		if old == nil {
			out = append(out, fmt.Sprintf("now also asks %s (%d %s)", c.name, len(c.ids), model.Plural(len(c.ids), "question", "questions")))
			continue
		}
		for _, q := range c.ids {
			if _, ok := old.qs[q]; !ok {
				out = append(out, fmt.Sprintf("%s now also asks “%s”", c.name, shorten(c.qs[q])))
			}
		}
		for _, q := range old.ids {
			if _, ok := c.qs[q]; !ok {
				out = append(out, fmt.Sprintf("%s no longer asks “%s”", c.name, shorten(old.qs[q])))
			}
		}
	}
	for _, id := range wasOrder {
		if is[id] == nil {
			out = append(out, "no longer asks "+was[id].name)
		}
	}
	return out
}

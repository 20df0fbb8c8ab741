// Agreement between the AI second rater and interviewers, per competency,
// with the same statistics (app/stats) and the same minimums as the
// calibration of interviewers, shown beside the interviewers' agreement
// with each other on the same questions.

package assist

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/stats"
	"hirebench/storage"
)

// AgreementScope picks the suggestions to compare: a role's, a rubric's
// (every version, every role), or both; Model "" reports every model, each
// on its own.
type AgreementScope struct {
	RoleID   int64  `json:"roleId"`
	RubricID int64  `json:"rubricId"`
	Model    string `json:"model"`
}

// Agreement is how far each model agrees with the interviewers.
type Agreement struct {
	Scope  AgreementScope   `json:"scope"`
	Models []ModelAgreement `json:"models"`
	// The calibration's minimums, below which a group says "too few to say".
	MinCandidates  int               `json:"minCandidates"`
	MinPairedItems int               `json:"minPairedItems"`
	Labels         map[string]string `json:"labels"`
}

// ModelAgreement is one model's agreement, pooled over all the questions
// it rated (one group per scale) and per competency.
type ModelAgreement struct {
	Model          string           `json:"model"`
	PromptVersions []string         `json:"promptVersions"`
	Pooled         []AgreementGroup `json:"pooled"`
	Competencies   []AgreementGroup `json:"competencies"`
}

// AgreementGroup sets the model against the interviewers (AI: each item is
// one card's answer, rated by its interviewer and by the model) beside the
// interviewers against each other (Humans: each item one candidate's answer
// to one of the same questions, as the calibration counts it).
type AgreementGroup struct {
	ID     string                      `json:"id"`   // competency id; "" when pooled
	Name   string                      `json:"name"` // competency name, or "All questions"
	Scale  string                      `json:"scale"`
	AI     interviews.CalibrationGroup `json:"ai"`
	Humans interviews.CalibrationGroup `json:"humans"`
}

// agreeItem is one AI-rated answer: the interviewer's level before any AI
// level was shown, and the model's latest.
type agreeItem struct {
	candidate, card int64
	key             string // scoring.WeightKey
	comp, name      string
	pos             int // the competency's place in its rubric
	scale           string
	human, ai       float64
}

// Agreement compares each model's suggested levels with the interviewers'.
// Per card and question, the interviewer's level is the one recorded with
// the first suggestion of any model (a later amendment may have seen one)
// and the model's is its latest.
func (s *Service) Agreement(ctx context.Context, scope AgreementScope) (Agreement, error) {
	if scope.RoleID == 0 && scope.RubricID == 0 {
		return Agreement{}, model.Invalid("scope", "choose a role or a rubric")
	}
	out := Agreement{Scope: scope, Models: []ModelAgreement{}, MinCandidates: interviews.MinCalibrationCandidates,
		MinPairedItems: interviews.MinCalibrationPaired, Labels: stats.Labels()}
	rows, err := s.store.AIRatings(ctx, storage.AIRatingFilter{RoleID: scope.RoleID, RubricID: scope.RubricID})
	if err != nil {
		return out, err
	}
	versions := map[int64]rubric.Rubric{}
	version := func(id int64) (rubric.Rubric, error) {
		if r, ok := versions[id]; ok {
			return r, nil
		}
		v, err := s.store.RubricVersion(ctx, id)
		versions[id] = v.Content
		return v.Content, err
	}
	type answer struct {
		card int64
		q    string
	}
	firstHuman := map[answer]int{}
	latest := map[string]map[answer]storage.AIRating{} // by model
	// rows come oldest first.
	for _, r := range rows {
		a := answer{r.ScorecardID, r.QuestionID}
		if _, ok := firstHuman[a]; !ok {
			firstHuman[a] = r.HumanLevel
		}
		if scope.Model != "" && r.Model != scope.Model {
			continue
		}
		if latest[r.Model] == nil {
			latest[r.Model] = map[answer]storage.AIRating{}
		}
		latest[r.Model][a] = r
	}
	models := make([]string, 0, len(latest))
	for m := range latest {
		models = append(models, m)
	}
	sort.Strings(models)
	for _, m := range models {
		ma := ModelAgreement{Model: m, PromptVersions: []string{}}
		var items []agreeItem
		for a, r := range latest[m] {
			ver, err := version(r.RubricVersionID)
			if err != nil {
				return out, err
			}
			comp, _, ok := ver.FindQuestion(a.q)
			if !ok {
				continue // not in its own rubric version: nothing to compare on
			}
			pos := slices.IndexFunc(ver.Competencies, func(c rubric.Competency) bool { return c.ID == comp.ID })
			items = append(items, agreeItem{candidate: r.CandidateID, card: a.card, key: scoring.WeightKey(comp.ID, a.q),
				comp: comp.ID, name: comp.Name, pos: pos, scale: fmt.Sprintf("%d–%d", ver.Scale.Min, ver.Scale.Max),
				human: float64(firstHuman[a]), ai: float64(r.SuggestedLevel)})
			if !slices.Contains(ma.PromptVersions, r.PromptVersion) {
				ma.PromptVersions = append(ma.PromptVersions, r.PromptVersion)
			}
		}
		sort.Strings(ma.PromptVersions)
		sort.Slice(items, func(i, j int) bool {
			a, b := items[i], items[j]
			if a.pos != b.pos {
				return a.pos < b.pos
			}
			if a.card != b.card {
				return a.card < b.card
			}
			return a.key < b.key
		})
		humans, err := s.humanAgreement(ctx, scope, rows, items, version)
		if err != nil {
			return out, err
		}
		ma.Pooled, ma.Competencies = groupAgreement(m, items, humans)
		out.Models = append(out.Models, ma)
	}
	return out, nil
}

// groupAgreement reports the items pooled per scale and per competency and
// scale, each beside the interviewers' group of the same competency and scale.
func groupAgreement(modelName string, items []agreeItem, humans map[[2]string]interviews.CalibrationGroup) (pooled, comps []AgreementGroup) {
	type gkey struct{ id, scale string }
	byKey := map[gkey][]agreeItem{}
	names := map[gkey]string{}
	var order []gkey
	add := func(k gkey, name string, it agreeItem) {
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
			names[k] = name
		}
		byKey[k] = append(byKey[k], it)
	}
	for _, it := range items {
		add(gkey{"", it.scale}, "All questions", it)
		add(gkey{it.comp, it.scale}, it.name, it)
	}
	pooled, comps = []AgreementGroup{}, []AgreementGroup{}
	for _, k := range order {
		g := AgreementGroup{ID: k.id, Name: names[k], Scale: k.scale, AI: aiGroup(k.id, names[k], k.scale, modelName, byKey[k])}
		var ok bool
		if g.Humans, ok = humans[[2]string{k.id, k.scale}]; !ok {
			g.Humans = interviews.CalibrationGroup{ID: k.id, Name: names[k], Scale: k.scale, TooFew: true,
				Reason: "too few to say: no submitted scores on these questions"}
		}
		if k.id == "" {
			pooled = append(pooled, g)
		} else {
			comps = append(comps, g)
		}
	}
	return pooled, comps
}

// aiGroup computes the model-against-interviewer statistics of one group:
// two raters, the interviewer who wrote each card (as one rater, "the
// interviewer") and the model, at the calibration's minimums.
func aiGroup(id, name, scale, modelName string, items []agreeItem) interviews.CalibrationGroup {
	g := interviews.CalibrationGroup{ID: id, Name: name, Scale: scale, Items: len(items), PairedItems: len(items),
		Raters: 2, Ratings: 2 * len(items)}
	cands := map[int64]bool{}
	ratings := make([]stats.Rating, 0, 2*len(items))
	for _, it := range items {
		cands[it.candidate] = true
		subject := strconv.FormatInt(it.card, 10) + "/" + it.key
		ratings = append(ratings, stats.Rating{Subject: subject, Rater: "interviewer", Score: it.human},
			stats.Rating{Subject: subject, Rater: modelName, Score: it.ai})
	}
	g.Candidates = len(cands)
	switch {
	case g.Candidates < interviews.MinCalibrationCandidates:
		g.Reason = fmt.Sprintf("too few to say: %s (needs at least %d)",
			model.Count(g.Candidates, "candidate", "candidates"), interviews.MinCalibrationCandidates)
	case g.PairedItems < interviews.MinCalibrationPaired:
		g.Reason = fmt.Sprintf("too few to say: %s rated by the AI and the interviewer (needs at least %d)",
			model.Count(g.PairedItems, "answer", "answers"), interviews.MinCalibrationPaired)
	default:
		rep := stats.Analyze(ratings)
		g.Report = &rep
	}
	g.TooFew = g.Reason != ""
	return g
}

// humanAgreement is the interviewers' calibration (scoring.Calibrate, the
// same rule and minimums as the debrief's) on the questions the model
// rated, over the submitted cards of the scope: the role's, or for a rubric
// those of every role with a rated card, on that rubric.
func (s *Service) humanAgreement(ctx context.Context, scope AgreementScope, rows []storage.AIRating, items []agreeItem,
	version func(int64) (rubric.Rubric, error)) (map[[2]string]interviews.CalibrationGroup, error) {
	keys := map[string]bool{}
	for _, it := range items {
		keys[it.key] = true
	}
	roles := []int64{scope.RoleID}
	if scope.RoleID == 0 {
		roles = nil
		for _, r := range rows {
			if !slices.Contains(roles, r.RoleID) {
				roles = append(roles, r.RoleID)
			}
		}
	}
	cards := map[int64][]scoring.Scorecard{}
	var candidates []int64
	for _, role := range roles {
		list, err := s.store.RoleScorecards(ctx, role)
		if err != nil {
			return nil, err
		}
		for _, c := range list {
			if c.Status != scoring.Submitted || (scope.RubricID != 0 && c.RubricID != scope.RubricID) {
				continue
			}
			if _, err := version(c.RubricVersionID); err != nil {
				return nil, err
			}
			if _, ok := cards[c.CandidateID]; !ok {
				candidates = append(candidates, c.CandidateID)
			}
			cards[c.CandidateID] = append(cards[c.CandidateID], c)
		}
	}
	rubricOf := func(c scoring.Scorecard) (rubric.Rubric, bool) {
		r, err := version(c.RubricVersionID)
		return onlyQuestions(r.Subset(c.Competencies), keys), err == nil
	}
	pooled, comps := scoring.Calibrate(candidates, cards, rubricOf, scoring.CalibrationMinimums{
		Candidates: interviews.MinCalibrationCandidates, PairedItems: interviews.MinCalibrationPaired})
	out := map[[2]string]interviews.CalibrationGroup{}
	for _, g := range append(pooled, comps...) {
		out[[2]string{g.CompetencyID, g.Scale}] = interviews.CalibrationGroup{ID: g.CompetencyID, Name: g.Name, Scale: g.Scale,
			Candidates: g.Candidates, Items: g.Items, PairedItems: g.PairedItems, Raters: g.Raters, Ratings: g.Ratings,
			TooFew: g.Reason != "", Reason: g.Reason, Report: g.Report}
	}
	return out, nil
}

// onlyQuestions is a copy of r keeping only the questions whose
// scoring.WeightKey is in keys (and the competencies left with any).
func onlyQuestions(r rubric.Rubric, keys map[string]bool) rubric.Rubric {
	comps := []rubric.Competency{}
	for _, c := range r.Competencies {
		var qs []rubric.Question
		for _, q := range c.Questions {
			if keys[scoring.WeightKey(c.ID, q.ID)] {
				qs = append(qs, q)
			}
		}
		if len(qs) > 0 {
			c.Questions = qs
			comps = append(comps, c)
		}
	}
	r.Competencies = comps
	return r
}

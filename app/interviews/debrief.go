package interviews

import (
	"context"
	"fmt"
	"sort"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/stats"
	"hirebench/exports"
)

// CandidateDebrief is one candidate's debrief within a role.
type CandidateDebrief struct {
	Stage   string          `json:"stage"`
	Debrief scoring.Debrief `json:"debrief"`
}

// RoleDebrief is a role's candidates ranked by composite, with the
// calibration statistics of the role's interviewers.
type RoleDebrief struct {
	RoleID      int64              `json:"roleId"`
	RoleTitle   string             `json:"roleTitle"`
	Candidates  []CandidateDebrief `json:"candidates"`
	Calibration stats.Report       `json:"calibration"`
	// Hidden counts candidates whose cards the viewer may not see yet
	// (they have not submitted their own for them).
	Hidden int `json:"hidden"`
}

type roleData struct {
	role     model.Role
	stages   map[int64]string
	cards    map[int64][]scoring.Scorecard // by candidate, submitted only
	order    []int64
	rubricOf scoring.CardRubric
	versions map[int64]rubric.Rubric
}

// loadRole gathers a role's submitted cards and the exact rubrics they used.
func (s *Service) loadRole(ctx context.Context, roleID int64) (roleData, error) {
	d := roleData{stages: map[int64]string{}, cards: map[int64][]scoring.Scorecard{}, versions: map[int64]rubric.Rubric{}}
	var err error
	if d.role, err = s.store.GetRole(ctx, roleID); err != nil {
		return d, err
	}
	board, err := s.store.Board(ctx, roleID)
	if err != nil {
		return d, err
	}
	for _, col := range board.Columns {
		for _, c := range col.Cards {
			d.stages[c.CandidateID] = col.Stage.Name
		}
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

// ratings turns cards into one rating per candidate × interviewer: the
// interviewer's own composite (0–100) for that candidate, averaged over
// rounds. Reliability is about whether interviewers agree on candidates.
func ratings(d roleData, w scoring.Weights) []stats.Rating {
	var out []stats.Rating
	for _, cid := range d.order {
		byAuthor := map[string][]scoring.Scorecard{}
		var authors []string
		for _, c := range d.cards[cid] {
			if _, ok := byAuthor[c.AuthorName]; !ok {
				authors = append(authors, c.AuthorName)
			}
			byAuthor[c.AuthorName] = append(byAuthor[c.AuthorName], c)
		}
		for _, a := range authors {
			deb := scoring.BuildDebrief(byAuthor[a], d.rubricOf, w)
			if deb.Composite != nil {
				out = append(out, stats.Rating{Subject: fmt.Sprintf("%d", cid), Rater: a, Score: *deb.Composite})
			}
		}
	}
	return out
}

// RoleDebrief returns the role's debriefs the viewer may see: recruiters
// see every candidate; an interviewer sees a candidate's cards only after
// submitting their own for that candidate.
func (s *Service) RoleDebrief(ctx context.Context, roleID int64, viewer model.Profile) (RoleDebrief, error) {
	d, err := s.loadRole(ctx, roleID)
	if err != nil {
		return RoleDebrief{}, err
	}
	out := RoleDebrief{RoleID: roleID, RoleTitle: d.role.Title, Candidates: []CandidateDebrief{}}
	visible := roleData{role: d.role, stages: d.stages, cards: map[int64][]scoring.Scorecard{}, rubricOf: d.rubricOf, versions: d.versions}
	for _, cid := range d.order {
		cards := d.cards[cid]
		mine := false
		for _, c := range cards {
			if c.AuthorID == viewer.ID {
				mine = true
			}
		}
		if !viewer.IsRecruiter && !mine {
			out.Hidden++
			continue
		}
		visible.order = append(visible.order, cid)
		visible.cards[cid] = cards
		out.Candidates = append(out.Candidates, CandidateDebrief{Stage: d.stages[cid], Debrief: scoring.BuildDebrief(cards, d.rubricOf, nil)})
	}
	sort.SliceStable(out.Candidates, func(i, j int) bool {
		a, b := out.Candidates[i].Debrief.Composite, out.Candidates[j].Debrief.Composite
		if a == nil || b == nil {
			return a != nil
		}
		return *a > *b
	})
	out.Calibration = stats.Analyze(ratings(visible, nil))
	return out, nil
}

// Committee gathers what the committee workbook holds for a role: every
// submitted scorecard, the rubric weights as defaults, the app's own
// composites and the calibration statistics.
func (s *Service) Committee(ctx context.Context, roleID int64, appVersion string) (exports.Committee, error) {
	d, err := s.loadRole(ctx, roleID)
	if err != nil {
		return exports.Committee{}, err
	}
	c := exports.Committee{RoleID: roleID, RoleTitle: d.role.Title, AppVersion: appVersion, ExportedAt: s.store.Now().UTC()}
	seenComp, seenKey := map[string]bool{}, map[string]bool{}
	for _, cid := range d.order {
		cards := d.cards[cid]
		deb := scoring.BuildDebrief(cards, d.rubricOf, nil)
		sum := exports.CandidateSummary{CandidateID: cid, Name: deb.CandidateName, Stage: d.stages[cid], Composite: deb.Composite,
			CompetencyMeans: map[string]float64{}, Recommendations: deb.Recommendations, Disagreements: deb.Disagreements,
			Scorecards: deb.Cards, Spread: deb.Spread}
		for _, cs := range deb.Competencies {
			if cs.N > 0 {
				sum.CompetencyMeans[cs.ID] = cs.Norm
			}
			if !seenComp[cs.ID] {
				seenComp[cs.ID] = true
				c.Competencies = append(c.Competencies, exports.CompetencyColumn{ID: cs.ID, Name: cs.Name})
			}
		}
		c.Candidates = append(c.Candidates, sum)
		for _, card := range cards {
			r, _ := d.rubricOf(card)
			answers, rec, _ := card.Current()
			for _, comp := range r.Competencies {
				for _, q := range comp.Questions {
					key := scoring.WeightKey(comp.ID, q.ID)
					if !seenKey[key] {
						seenKey[key] = true
						c.Weights = append(c.Weights, exports.Weight{Key: key, CompetencyID: comp.ID, Competency: comp.Name,
							QuestionID: q.ID, Question: q.Prompt, Default: scoring.DefaultWeight(comp, q)})
					}
					a, ok := answers[q.ID]
					if !ok {
						continue
					}
					row := exports.ScoreRow{CandidateID: cid, Candidate: card.CandidateName, Round: card.RoundName, Interviewer: card.AuthorName,
						Key: key, Competency: comp.Name, Question: q.Prompt, ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max,
						Skipped: a.Skipped, SkipReason: a.SkipReason, Notes: a.Notes, Recommendation: rubric.RecommendationLabel(rubric.Recommendation(rec)),
						SubmittedAt: card.SubmittedAt, Hash: card.SHA256, Amended: len(card.Revisions) > 0}
					if a.Score != nil {
						score := *a.Score
						norm := scoring.Normalize(score, r.Scale.Min, r.Scale.Max)
						row.Score, row.Norm, row.Label = &score, &norm, r.Scale.Label(score)
					}
					c.Scorecards = append(c.Scorecards, row)
				}
			}
		}
	}
	c.Stats = stats.Analyze(ratings(d, nil))
	return c, nil
}

// Role returns a role (for export file names and titles).
func (s *Service) Role(ctx context.Context, id int64) (model.Role, error) {
	return s.store.GetRole(ctx, id)
}

// Turns the app's numbers into a Committee's rows: the plan's weight lists, the
// weight history, each candidate's summary, answer and score rows, the calibration.

package exports

import (
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// PlanWeights lists the plan's competencies (in order of first appearance)
// and its questions with their planned and effective weights.
func PlanWeights(plan []scoring.PlanQuestion) ([]CompetencyWeight, []QuestionWeight) {
	var comps []CompetencyWeight
	var questions []QuestionWeight
	seenComp := map[string]bool{}
	for _, q := range plan {
		if !seenComp[q.CompetencyID] {
			seenComp[q.CompetencyID] = true
			comps = append(comps, CompetencyWeight{ID: q.CompetencyID, Name: q.Competency, Weight: q.CompetencyWeight})
		}
		questions = append(questions, QuestionWeight{Key: q.Key, CompetencyID: q.CompetencyID, Competency: q.Competency,
			QuestionID: q.QuestionID, Question: q.Prompt, Weight: q.QuestionWeight, Effective: q.Effective})
	}
	return comps, questions
}

// WeightChanges lists the weight history, oldest first, then one row per
// way the plan's questions drifted since it was fixed (at fixedAt).
func WeightChanges(changes []scoring.WeightChange, drift []string, fixedAt string) []WeightChange {
	var out []WeightChange
	for _, ch := range changes {
		what := "competency: " + ch.Label
		if ch.QuestionID != "" {
			what = "question: " + ch.Label
		}
		out = append(out, WeightChange{ChangedAt: ch.ChangedAt, Actor: ch.ActorName, What: what,
			Old: ch.Old, New: ch.New, AfterScoring: ch.AfterScoring, Reason: ch.Reason})
	}
	for _, d := range drift {
		out = append(out, WeightChange{What: "since " + fixedAt + " the plan " + d, PlanChange: true, AfterScoring: true})
	}
	return out
}

// AddCandidate appends one debriefed candidate (in ranked order): their
// Summary row, one answer row per plan question and one score row per
// answer on their cards (the submitted cards the debrief was built from).
func (c *Committee) AddCandidate(deb scoring.Debrief, stage string, rank int, cards []scoring.Scorecard, rubricOf scoring.CardRubric) {
	c.Candidates = append(c.Candidates, CandidateSummaryOf(deb, stage, rank))
	c.Answers = append(c.Answers, AnswerRows(deb)...)
	c.Scorecards = append(c.Scorecards, ScoreRows(cards, rubricOf)...)
}

// CandidateSummaryOf is a candidate's Summary row: the debrief's numbers,
// with the stage and rank (0 = not ranked) the service gives.
func CandidateSummaryOf(deb scoring.Debrief, stage string, rank int) CandidateSummary {
	sum := CandidateSummary{CandidateID: deb.CandidateID, Name: deb.CandidateName, Stage: stage, Rank: rank,
		Composite: deb.Composite, Coverage: deb.Coverage, Complete: deb.Complete, Uncertainty: deb.Uncertainty,
		UncertaintyLabel: deb.UncertaintyLabel, Interviewers: scorers(deb), CompetencyMeans: map[string]float64{},
		Recommendations: deb.Recommendations, Disagreements: deb.Disagreements, Scorecards: deb.Cards,
		ScoredAfterSeeing: deb.ScoredAfterSeeing}
	for _, cs := range deb.Competencies {
		if cs.Norm != nil {
			sum.CompetencyMeans[cs.ID] = *cs.Norm
		}
	}
	return sum
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

// AnswerRows is one row per plan question of a candidate's debrief: how
// many interviewers scored it and their mean.
func AnswerRows(deb scoring.Debrief) []AnswerRow {
	var out []AnswerRow
	for _, row := range deb.Rows {
		if !row.InPlan {
			continue
		}
		out = append(out, AnswerRow{CandidateID: deb.CandidateID, Candidate: deb.CandidateName, Key: row.Key,
			Competency: row.CompetencyName, Question: row.Prompt, Interviewers: row.N, Mean: row.Mean})
	}
	return out
}

// ScoreRows lists the answers on the given cards, card by card, each in its
// rubric's order; a card whose rubric is unknown has none.
func ScoreRows(cards []scoring.Scorecard, rubricOf scoring.CardRubric) []ScoreRow {
	var out []ScoreRow
	for _, card := range cards {
		r, _ := rubricOf(card)
		answers, rec, _ := card.Current()
		for _, comp := range r.Competencies {
			for _, q := range comp.Questions {
				a, ok := answers[q.ID]
				if !ok {
					continue
				}
				row := ScoreRow{CandidateID: card.CandidateID, Candidate: card.CandidateName, Round: card.RoundName,
					InterviewerID: card.AuthorID, Interviewer: card.AuthorName, Key: scoring.WeightKey(comp.ID, q.ID),
					Competency: comp.Name, Question: q.Prompt, ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max,
					Skipped: a.Skipped, SkipReason: a.SkipReason, Notes: a.Notes,
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

// CalibrationGroups lists scoring.Calibrate's groups as the Calibration
// sheet shows them: the pooled ones first, then those per competency.
func CalibrationGroups(pooled, competencies []scoring.RatingGroup) []CalibrationGroup {
	var out []CalibrationGroup
	for _, g := range append(append([]scoring.RatingGroup{}, pooled...), competencies...) {
		out = append(out, CalibrationGroup{Name: g.Name, Scale: g.Scale, Candidates: g.Candidates, Items: g.Items,
			PairedItems: g.PairedItems, Raters: g.Raters, TooFew: g.Reason, Report: g.Report})
	}
	return out
}

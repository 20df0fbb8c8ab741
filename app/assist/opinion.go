// The second rater in the window: beside each scored question of a
// submitted scorecard, "Second opinion (AI)" shows the AI's level, the
// anchor it matched and the fragments of the notes it rested on. Whether it
// is offered, and why not, is decided here (the switch, human only, and
// rateable: submitted and scored first, so it cannot anchor the score); a
// level already kept for the question is shown, never asked for again.

package assist

import (
	"context"
	"errors"
	"fmt"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Opinion is the AI's level for one question, beside the interviewer's.
type Opinion struct {
	QuestionID string `json:"questionId"`
	Level      int    `json:"level"`
	Label      string `json:"label"`
	// Anchor is the question's anchor for Level, which the model matched.
	Anchor string `json:"anchor"`
	// Fragments are the interviewer's own words it rested on (verified in
	// the notes); Dropped counts those it gave that the notes do not hold.
	Fragments []storage.AIFragment `json:"fragments"`
	Dropped   int                  `json:"dropped"`
	// HumanLevel is the interviewer's level when the AI was asked.
	HumanLevel int `json:"humanLevel"`
	// Says compares the two levels in words.
	Says  string `json:"says"`
	Model string `json:"model"`
	At    string `json:"at"`
}

// OpinionSlot is what the window shows beside one question.
type OpinionSlot struct {
	QuestionID string `json:"questionId"`
	// Ask: "Second opinion (AI)" may be asked for (nothing kept yet).
	Ask bool `json:"ask"`
	// Note says why it may not ("" when it may, or when Opinion is shown).
	Note    string   `json:"note"`
	Opinion *Opinion `json:"opinion"`
}

// CardOpinions is the second rater's part of one scorecard.
type CardOpinions struct {
	ScorecardID int64 `json:"scorecardId"`
	// Show: the window shows the second rater on this card at all (AI on,
	// the candidate not human only); Note says why not, or why no question
	// is offered (the card is not submitted).
	Show      bool          `json:"show"`
	Note      string        `json:"note"`
	Questions []OpinionSlot `json:"questions"`
}

// Opinions says, question by question, what the second rater offers on a
// scorecard the viewer may see (the blind rule), with the levels kept.
func (d *Desk) Opinions(ctx context.Context, who model.Profile, scorecardID int64) (CardOpinions, error) {
	v, err := d.screens.Scorecard(ctx, scorecardID, who)
	if err != nil {
		return CardOpinions{}, err
	}
	out := CardOpinions{ScorecardID: scorecardID, Questions: []OpinionSlot{}}
	if err := d.enabled(ctx); err != nil {
		out.Note = model.RefusalSentence(err)
		return out, nil
	}
	if off, err := d.store.HumanOnly(ctx, v.Card.CandidateID); err != nil {
		return out, err
	} else if off {
		out.Note = model.RefusalSentence(ErrHumanOnly)
		return out, nil
	}
	out.Show = true
	if v.Card.Status != scoring.Submitted {
		out.Note = opinionNote(v.Card, ErrScoreFirst)
		return out, nil
	}
	kept, err := d.keptOpinions(ctx, v)
	if err != nil {
		return out, err
	}
	for _, c := range v.Rubric.Competencies {
		for _, q := range c.Questions {
			slot := OpinionSlot{QuestionID: q.ID, Opinion: kept[q.ID]}
			if slot.Opinion == nil {
				if _, _, _, err := rateable(v.Card, v.Rubric, q.ID); err != nil {
					slot.Note = opinionNote(v.Card, err)
				} else {
					slot.Ask = true
				}
			}
			out.Questions = append(out.Questions, slot)
		}
	}
	return out, nil
}

// AskOpinion asks the second rater about one question, unless a level is
// kept for it already (then that one comes back, and nothing is sent).
func (d *Desk) AskOpinion(ctx context.Context, who model.Profile, scorecardID int64, questionID string) (Opinion, error) {
	if err := d.enabled(ctx); err != nil {
		return Opinion{}, err
	}
	v, err := d.screens.Scorecard(ctx, scorecardID, who)
	if err != nil {
		return Opinion{}, err
	}
	kept, err := d.keptOpinions(ctx, v)
	if err != nil {
		return Opinion{}, err
	}
	if o := kept[questionID]; o != nil {
		return *o, nil
	}
	s, err := d.service(ctx)
	if err != nil {
		return Opinion{}, err
	}
	res, err := s.SuggestLevel(ctx, scorecardID, questionID, who, RateOptions{})
	if err != nil {
		return Opinion{}, refusal(err)
	}
	// Read back as kept, so the window shows what it will show next time.
	if kept, err = d.keptOpinions(ctx, v); err != nil {
		return Opinion{}, err
	}
	if o := kept[questionID]; o != nil {
		return *o, nil
	}
	return Opinion{}, fmt.Errorf("the AI's level %d for question %q on scorecard %d was not kept: %w", res.Level, questionID, scorecardID, model.ErrNotFound)
}

// keptOpinions are the latest level kept for each question of the card.
func (d *Desk) keptOpinions(ctx context.Context, v interviews.ScorecardView) (map[string]*Opinion, error) {
	rows, err := d.store.AIRatingsOfCard(ctx, v.Card.ID)
	if err != nil {
		return nil, err
	}
	out := map[string]*Opinion{}
	for _, r := range rows { // oldest first: the latest wins
		out[r.QuestionID] = opinionOf(r, v.Rubric)
	}
	return out, nil
}

func opinionOf(r storage.AIRating, rb rubric.Rubric) *Opinion {
	o := &Opinion{QuestionID: r.QuestionID, Level: r.SuggestedLevel, Label: rb.Scale.Label(r.SuggestedLevel),
		Fragments: r.Fragments, Dropped: r.Dropped, HumanLevel: r.HumanLevel, Model: r.Model, At: r.At,
		Says: compareLevels(r.SuggestedLevel, r.HumanLevel)}
	if o.Fragments == nil {
		o.Fragments = []storage.AIFragment{}
	}
	if _, q, ok := rb.FindQuestion(r.QuestionID); ok {
		if i := r.SuggestedLevel - rb.Scale.Min; i >= 0 && i < len(q.Anchors) {
			o.Anchor = q.Anchors[i]
		}
	}
	return o
}

// compareLevels says how the AI's level stands to the interviewer's.
func compareLevels(ai, human int) string {
	switch diff := ai - human; {
	case diff == 0:
		return "The same level as the interviewer's."
	case diff > 0:
		return fmt.Sprintf("%s above the interviewer's %d.", model.Count(diff, "level", "levels"), human)
	default:
		return fmt.Sprintf("%s below the interviewer's %d.", model.Count(-diff, "level", "levels"), human)
	}
}

// opinionNote says, in the window's words, why the second rater is not
// offered on a question (or, for a card not submitted, on any).
func opinionNote(card scoring.Scorecard, err error) string {
	var ve *model.ValidationError
	switch {
	case errors.Is(err, ErrScoreFirst) && card.Status != scoring.Submitted:
		return "The AI's second opinion is offered once this scorecard is submitted, so it cannot sway a score."
	case errors.Is(err, ErrScoreFirst):
		return "No score on this question (skipped or not asked), so no second opinion."
	case errors.As(err, &ve) && len(ve.Fields) > 0 && ve.Fields[0].Field == "notes":
		return "No notes on this question for the AI to read."
	}
	return model.RefusalSentence(err)
}

// The AI second rater: from one interviewer's notes for one question of a
// submitted scorecard, a suggested level on the rubric's scale with the
// anchor it matched and the fragments of the notes it rests on. Shown
// beside the human score, never before it, and never written as a score.

package assist

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// outputPerRating is a rate reply's expected size (a few fragments, a
// reason, the anchor and the level), for the estimate before sending.
const outputPerRating = 200

// ErrScoreFirst: the AI's level is only shown once the interviewer's own
// is final, so it cannot anchor it.
var ErrScoreFirst = fmt.Errorf("the AI's level is shown only beside a submitted score, so it cannot sway it: %w", model.ErrConflict)

// RateOptions adjust one suggested level.
type RateOptions struct {
	Model string // "" is the settings' model for rating (else for screening)
	// NoRedact sends the notes as written; redaction is on unless a person turns it off.
	NoRedact bool
}

// RateResult is a suggested level beside the interviewer's. Fragments the
// notes do not contain were dropped (Dropped).
type RateResult struct {
	RatingID        int64         `json:"ratingId"`
	ScorecardID     int64         `json:"scorecardId"`
	QuestionID      string        `json:"questionId"`
	CompetencyID    string        `json:"competencyId"`
	RubricVersionID int64         `json:"rubricVersionId"`
	Level           int           `json:"level"`
	Label           string        `json:"label"`
	Anchor          string        `json:"anchor"`
	Reason          string        `json:"reason"`
	Fragments       []ai.Fragment `json:"fragments"`
	Dropped         int           `json:"dropped"`
	HumanLevel      int           `json:"humanLevel"`
	CallSummary
}

// SuggestLevel asks the model for a level on one question of a submitted
// scorecard the actor may see (the blind rule), from that interviewer's
// notes for the question, and keeps it beside their level. One question,
// one card, one candidate per call.
func (s *Service) SuggestLevel(ctx context.Context, scorecardID int64, questionID string, actor model.Profile, opt RateOptions) (RateResult, error) {
	v, err := s.screens.Scorecard(ctx, scorecardID, actor)
	if err != nil {
		return RateResult{}, err
	}
	card := v.Card
	if off, err := s.store.HumanOnly(ctx, card.CandidateID); err != nil || off {
		return RateResult{}, errors.Join(err, humanOnly(off))
	}
	comp, q, ans, err := rateable(card, v.Rubric, questionID)
	if err != nil {
		return RateResult{}, err
	}
	// Who they are now: if they are erased or anonymised before the answer
	// comes back, nothing of it is kept with them.
	mark, err := s.store.AIMark(ctx, card.CandidateID)
	if err != nil {
		return RateResult{}, err
	}
	c, err := s.store.GetCandidate(ctx, card.CandidateID)
	if err != nil {
		return RateResult{}, err
	}
	out := RateResult{ScorecardID: card.ID, QuestionID: questionID, CompetencyID: comp.ID, RubricVersionID: card.RubricVersionID,
		HumanLevel: *ans.Score, CallSummary: CallSummary{PromptVersion: ai.RatePromptVersion, Redacted: map[string]int{}}}
	sent := ans.Notes
	if !opt.NoRedact {
		// The candidate's identity, then colleagues' names, as the summary
		// does: the card's author is "the interviewer", everyone else a colleague.
		aliases, err := s.aliases(ctx, []person{{card.AuthorID, card.AuthorName, "the interviewer"}})
		if err != nil {
			return RateResult{}, err
		}
		sent = redactNotes(ans.Notes, c, aliases, out.Redacted)
	}
	scale := v.Rubric.Scale
	var sug ai.LevelSuggestion
	j := job{
		req: ai.RateRequest(scale, *comp, *q, sent), model: cmp(opt.Model, cmp(s.settings.Models[ai.FeatureRate], s.settings.Models[ai.FeatureScreen])),
		rubricVersionID: card.RubricVersionID, candidateID: c.ID, mark: mark, outTokens: outputPerRating,
		parse: func(content string) (err error) {
			sug, err = ai.ParseRating([]byte(content), scale, *q, ans.Notes)
			return err
		},
		repair:  ai.RateRepairRequest,
		invalid: "the AI reply did not follow the rubric, so no level was suggested",
	}
	callID, err := s.run(ctx, j, &out.CallSummary)
	if err != nil {
		return out, err
	}
	out.Level, out.Label, out.Anchor, out.Reason = sug.Level, scale.Label(sug.Level), sug.Anchor, sug.Reason
	out.Fragments, out.Dropped = sug.Fragments, sug.Dropped
	frags := make([]storage.AIFragment, len(sug.Fragments))
	for i, f := range sug.Fragments {
		frags[i] = storage.AIFragment{Text: f.Text, Start: f.Start, End: f.End}
	}
	kept, err := s.store.AddAIRating(context.WithoutCancel(ctx), storage.AIRating{ScorecardID: card.ID, QuestionID: questionID,
		RubricVersionID: card.RubricVersionID, CallID: callID, Model: out.Model, PromptVersion: out.PromptVersion,
		SuggestedLevel: out.Level, HumanLevel: out.HumanLevel, Fragments: frags, Dropped: out.Dropped, CandidateUID: mark})
	if errors.Is(err, model.ErrNotFound) {
		// Nothing about them comes back either: ids only.
		return RateResult{ScorecardID: card.ID, QuestionID: questionID}, fmt.Errorf("candidate %d (scorecard %d) was erased or anonymised while the AI call ran; the suggested level was not kept: %w",
			card.CandidateID, card.ID, model.ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("the suggested level could not be kept: %w", err)
	}
	out.RatingID = kept.ID
	return out, s.noteChecks(ctx, rateChecks(out)) // checks.go
}

// rateable is the question of a card the second rater may be asked about,
// with the interviewer's answer in force: only once the card is submitted
// and the question scored (no anchoring), and only from notes.
func rateable(card scoring.Scorecard, r rubric.Rubric, questionID string) (*rubric.Competency, *rubric.Question, scoring.Answer, error) {
	comp, q, ok := r.FindQuestion(questionID)
	if !ok {
		return nil, nil, scoring.Answer{}, model.Invalid("question", "scorecard %d has no question %q", card.ID, questionID)
	}
	if card.Status != scoring.Submitted {
		return nil, nil, scoring.Answer{}, fmt.Errorf("scorecard %d is not submitted yet; %w", card.ID, ErrScoreFirst)
	}
	answers, _, _ := card.Current()
	ans := answers[questionID]
	if ans.Score == nil {
		return nil, nil, ans, fmt.Errorf("question %q on scorecard %d has no score (skipped or not asked); %w", questionID, card.ID, ErrScoreFirst)
	}
	if strings.TrimSpace(ans.Notes) == "" {
		return nil, nil, ans, model.Invalid("notes", "question %q on scorecard %d has no notes to rate from", questionID, card.ID)
	}
	return comp, q, ans, nil
}

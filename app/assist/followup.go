// Follow-up questions during an interview: for the interviewer writing a
// draft, up to three short questions to ask next on the current question,
// from the question, its anchors and their notes so far, streamed. Never a
// score, and only ever from the author's own card.

package assist

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/ai"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// outputPerFollowUps is a reply's expected size (three short questions),
// for the estimate before sending.
const outputPerFollowUps = 90

// ErrNotAuthor: follow-ups are suggested only to the card's author.
var ErrNotAuthor = fmt.Errorf("AI follow-up questions are suggested only to the interviewer writing this scorecard: %w", model.ErrConflict)

// ErrInterviewOver: follow-ups are for an interview in progress.
var ErrInterviewOver = fmt.Errorf("AI follow-up questions are for an interview in progress, and this scorecard is submitted: %w", model.ErrConflict)

// FollowUpResult is the follow-ups suggested for one question of a draft.
type FollowUpResult struct {
	ScorecardID int64  `json:"scorecardId"`
	QuestionID  string `json:"questionId"`
	// Text is the reply as it streamed. Incomplete: it stopped after
	// pieces were shown; Text is what was shown, and the error says why.
	Text       string `json:"text"`
	Incomplete bool   `json:"incomplete"`
	// Questions (at most 3) and Dropped: ai.ParseFollowUps of Text.
	ai.FollowUps
	CallSummary
}

// followUpCard is the viewer's own draft, refused first when it is not
// theirs (decided before anything of the card is read), submitted, or
// about a human-only candidate.
func (s *Service) followUpCard(ctx context.Context, scorecardID int64, viewer model.Profile) (interviews.ScorecardView, error) {
	if author, err := s.store.GetScorecard(ctx, scorecardID); err != nil {
		return interviews.ScorecardView{}, err
	} else if viewer.ID == 0 || author.AuthorID != viewer.ID {
		return interviews.ScorecardView{}, ErrNotAuthor
	}
	v, err := s.screens.Scorecard(ctx, scorecardID, viewer)
	if err != nil {
		return v, err
	}
	if v.Card.Status != scoring.Draft {
		return v, ErrInterviewOver
	}
	if off, err := s.store.HumanOnly(ctx, v.Card.CandidateID); err != nil || off {
		return v, errors.Join(err, humanOnly(off))
	}
	return v, nil
}

// followUpJob is the call SuggestFollowUps makes and the preview shows;
// what it redacted is added to redacted.
func (s *Service) followUpJob(ctx context.Context, scorecardID int64, questionID string, viewer model.Profile, redacted map[string]int) (job, error) {
	v, err := s.followUpCard(ctx, scorecardID, viewer)
	if err != nil {
		return job{}, err
	}
	card := v.Card
	comp, q, ok := v.Rubric.FindQuestion(questionID)
	if !ok {
		return job{}, model.Invalid("question", "scorecard %d has no question %q", card.ID, questionID)
	}
	c, err := s.store.GetCandidate(ctx, card.CandidateID)
	if err != nil {
		return job{}, err
	}
	aliases, err := s.aliases(ctx, []person{{viewer.ID, card.AuthorName, "the interviewer"}})
	if err != nil {
		return job{}, err
	}
	notes := redactNotes(card.Answers[questionID].Notes, c, aliases, redacted)
	return job{req: ai.FollowUpRequest(v.Rubric.Scale, *comp, *q, notes),
		model:           cmp(s.settings.Models[ai.FeatureFollowUp], s.settings.Models[ai.FeatureScreen]),
		rubricVersionID: card.RubricVersionID, candidateID: c.ID, outTokens: outputPerFollowUps,
		invalid: "the AI reply held no follow-up question to suggest"}, nil
}

// SuggestFollowUps streams follow-up questions for one question of the
// viewer's own draft to onDelta (nil: not streamed to anyone).
func (s *Service) SuggestFollowUps(ctx context.Context, scorecardID int64, questionID string, viewer model.Profile, onDelta func(string)) (FollowUpResult, error) {
	out := FollowUpResult{ScorecardID: scorecardID, QuestionID: questionID, FollowUps: ai.FollowUps{Questions: []string{}},
		CallSummary: CallSummary{PromptVersion: ai.FollowUpPromptVersion, Redacted: map[string]int{}}}
	j, err := s.followUpJob(ctx, scorecardID, questionID, viewer, out.Redacted)
	if err != nil {
		return out, err
	}
	var shown strings.Builder
	j.parse = func(content string) (err error) {
		out.Text = content
		out.FollowUps, err = ai.ParseFollowUps(content)
		return err
	}
	j.onDelta = func(piece string) {
		shown.WriteString(piece)
		if onDelta != nil {
			onDelta(piece)
		}
	}
	if _, err := s.run(ctx, j, &out.CallSummary); err != nil {
		out.Text, out.Incomplete = shown.String(), shown.Len() > 0
		out.FollowUps = ai.FollowUps{Questions: []string{}}
		return out, err
	}
	return out, nil
}

// The window's streamed AI features: the debrief summary and the follow-up
// questions. For each, the offer (on, and allowed for this person: the
// summary's blind rule, the follow-ups' author-only draft rule, with the
// reason when not), the preview of exactly what is sent with its estimate,
// and the call, whose pieces, retries and end the window hears as events.
// The rules are the service's (summary.go, followup.go); here they are asked.

package assist

import (
	"context"
	"errors"
	"fmt"
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
)

// StreamOffer is whether the window offers a streamed feature here.
type StreamOffer struct {
	// Enabled: AI help is on in this workspace (off: nothing is shown).
	Enabled bool `json:"enabled"`
	// Offered: this person may ask here now; else Reason says why not.
	Offered bool   `json:"offered"`
	Reason  string `json:"reason"`
	// AskFirst: show the preview before sending.
	AskFirst bool `json:"askFirst"`
}

// StreamPreview is a streamed call before it is sent.
type StreamPreview struct {
	Feature       string `json:"feature"`
	Model         string `json:"model"`
	PromptVersion string `json:"promptVersion"`
	// Endpoint is where it goes: "OpenAI" or the custom address's host.
	Endpoint string `json:"endpoint"`
	// Messages are sent as they are (the instructions, then the data).
	Messages []ai.Message `json:"messages"`
	// Redacted counts what was taken out per kind (name, email, …,
	// interviewer: a colleague's name replaced by a label).
	Redacted map[string]int `json:"redacted"`
	// Notes is how many scorecard notes a summary sends (0 for follow-ups).
	Notes int `json:"notes"`
	// Cached: answered before, so nothing is paid and the answer comes at once.
	Cached bool `json:"cached"`
	// TokensIn, TokensOut and EstimateUSD: the offline count of what is
	// sent and the reply's expected size (0 when cached).
	TokensIn    int     `json:"tokensIn"`
	TokensOut   int     `json:"tokensOut"`
	EstimateUSD float64 `json:"estimateUsd"`
	// PriceKnown is false when the price table has no row for the model
	// (then nothing is sent until one is added).
	PriceKnown bool `json:"priceKnown"`
	// SpentUSD this month and the monthly BudgetUSD (0: no limit).
	SpentUSD  float64 `json:"spentUsd"`
	BudgetUSD float64 `json:"budgetUsd"`
}

// StreamRetry is a wait before the call is tried again.
type StreamRetry struct {
	Attempt int    `json:"attempt"`
	WaitMS  int64  `json:"waitMs"`
	Why     string `json:"why"`
}

// StreamDone is how a streamed request ended: whole (Problem ""), cut or
// failed after pieces were shown (Problem says why in plain words; the
// result is marked incomplete), cancelled (what was shown is kept), or
// failed before anything was shown (Error, in plain words; no result).
type StreamDone struct {
	RequestID string          `json:"requestId"`
	Cancelled bool            `json:"cancelled"`
	Problem   string          `json:"problem"`
	Error     string          `json:"error"`
	Summary   *SummaryResult  `json:"summary,omitempty"`
	FollowUps *FollowUpResult `json:"followUps,omitempty"`
}

// StreamEvent is one event of a streamed request, on StreamEventName(id):
// "delta" (Text: the next piece), "retrying" (Retry) or "done" (Done).
type StreamEvent struct {
	Kind  string       `json:"kind"`
	Text  string       `json:"text,omitempty"`
	Retry *StreamRetry `json:"retry,omitempty"`
	Done  *StreamDone  `json:"done,omitempty"`
}

// The event kinds.
const (
	StreamDelta    = "delta"
	StreamRetrying = "retrying"
	StreamEnded    = "done"
)

// SummaryOffer says whether "Summarise with AI" is offered on a
// candidate's debrief for a role, and why not (the blind rule, human only,
// nothing submitted yet).
func (d *Desk) SummaryOffer(ctx context.Context, who model.Profile, roleID, candidateID int64) (StreamOffer, error) {
	return d.offer(ctx, who, ai.FeatureSummary, func(s *Service) error {
		appID, err := d.applicationIn(ctx, roleID, candidateID)
		if err == nil {
			_, err = s.summaryJob(ctx, appID, who)
		}
		return err
	})
}

// FollowUpOffer says whether follow-up questions are offered on a
// scorecard: to its author, while it is a draft.
func (d *Desk) FollowUpOffer(ctx context.Context, who model.Profile, scorecardID int64) (StreamOffer, error) {
	return d.offer(ctx, who, ai.FeatureFollowUp, func(s *Service) error {
		_, err := s.followUpCard(ctx, scorecardID, who)
		return err
	})
}

// offer asks check (the service's own refusals) once AI is on; a refusal
// is the reason shown, anything else an error.
func (d *Desk) offer(ctx context.Context, who model.Profile, feature string, check func(*Service) error) (StreamOffer, error) {
	p, err := loadPrefsFor(ctx, d.store, who.ID)
	if err != nil {
		return StreamOffer{}, err
	}
	o := StreamOffer{Enabled: p.Enabled, AskFirst: p.AskFirst(who.ID, feature)}
	if !p.Enabled {
		o.Reason = model.RefusalSentence(ErrOff)
		return o, nil
	}
	s, err := d.service(ctx)
	if err != nil {
		return StreamOffer{}, err
	}
	var ve *model.ValidationError
	switch err := check(s); {
	case err == nil:
		o.Offered = true
	case errors.Is(err, model.ErrConflict):
		o.Reason = model.RefusalSentence(err)
	case errors.As(err, &ve):
		o.Reason = model.Sentence(ve.Error())
	default:
		return StreamOffer{}, err
	}
	return o, nil
}

// SummaryPreview is exactly what a summary of a candidate's scorecards for
// a role would send for this person.
func (d *Desk) SummaryPreview(ctx context.Context, who model.Profile, roleID, candidateID int64) (StreamPreview, error) {
	return d.preview(ctx, func(s *Service) (StreamPreview, error) {
		appID, err := d.applicationIn(ctx, roleID, candidateID)
		if err != nil {
			return StreamPreview{}, err
		}
		return s.PreviewSummary(ctx, appID, who)
	})
}

// FollowUpPreview is exactly what follow-ups on a question of the
// person's draft would send.
func (d *Desk) FollowUpPreview(ctx context.Context, who model.Profile, scorecardID int64, questionID string) (StreamPreview, error) {
	return d.preview(ctx, func(s *Service) (StreamPreview, error) {
		return s.PreviewFollowUps(ctx, scorecardID, questionID, who)
	})
}

func (d *Desk) preview(ctx context.Context, build func(*Service) (StreamPreview, error)) (StreamPreview, error) {
	if err := d.enabled(ctx); err != nil {
		return StreamPreview{}, err
	}
	s, err := d.service(ctx)
	if err != nil {
		return StreamPreview{}, err
	}
	p, err := build(s)
	return p, refusal(err)
}

// PreviewSummary is exactly what SuggestSummary would send for the viewer,
// with its estimate; nothing is sent.
func (s *Service) PreviewSummary(ctx context.Context, applicationID int64, viewer model.Profile) (StreamPreview, error) {
	p, err := s.summaryJob(ctx, applicationID, viewer)
	if err != nil {
		return StreamPreview{}, err
	}
	return s.streamPreview(ctx, p.job, p.out.Redacted, len(p.out.Notes))
}

// PreviewFollowUps is exactly what SuggestFollowUps would send; nothing is sent.
func (s *Service) PreviewFollowUps(ctx context.Context, scorecardID int64, questionID string, viewer model.Profile) (StreamPreview, error) {
	redacted := map[string]int{}
	j, err := s.followUpJob(ctx, scorecardID, questionID, viewer, redacted)
	if err != nil {
		return StreamPreview{}, err
	}
	return s.streamPreview(ctx, j, redacted, 0)
}

func (s *Service) streamPreview(ctx context.Context, j job, redacted map[string]int, notes int) (StreamPreview, error) {
	p := StreamPreview{Feature: j.req.Feature, Model: j.model, PromptVersion: j.req.PromptVersion,
		Endpoint: endpointName(s.settings.BaseURL), Messages: j.req.Messages, Redacted: redacted, Notes: notes,
		BudgetUSD: s.settings.BudgetUSD}
	var err error
	if _, p.Cached, err = s.cachedAnswer(ctx, j); err != nil {
		return StreamPreview{}, err
	}
	if !p.Cached {
		if p.TokensIn, p.TokensOut, p.EstimateUSD, err = s.estimateOf(ctx, j); err != nil {
			return StreamPreview{}, err
		}
	}
	_, p.PriceKnown = ai.PriceOf(s.settings.Prices, j.model)
	if p.SpentUSD, err = s.store.AISpentSince(ctx, s.monthStart().Format(time.RFC3339Nano)); err != nil {
		return StreamPreview{}, err
	}
	return p, nil
}

// Summarise streams a summary of a candidate's scorecards for a role to
// emit, piece by piece, with every wait before a retry; a cancelled ctx
// ends it with what was shown kept.
func (d *Desk) Summarise(ctx context.Context, who model.Profile, roleID, candidateID int64, emit func(StreamEvent)) (StreamDone, error) {
	if err := d.enabled(ctx); err != nil {
		return StreamDone{}, err
	}
	appID, err := d.applicationIn(ctx, roleID, candidateID)
	if err != nil {
		return StreamDone{}, err
	}
	s, err := d.service(ctx, WithRetryNotice(retryEvents(emit)))
	if err != nil {
		return StreamDone{}, err
	}
	res, err := s.SuggestSummary(ctx, appID, who, deltaEvents(emit))
	done, err := ended(ctx, err, res.Incomplete)
	done.Summary = &res
	return done, err
}

// FollowUps streams follow-up questions for a question of the person's
// draft to emit, like Summarise.
func (d *Desk) FollowUps(ctx context.Context, who model.Profile, scorecardID int64, questionID string, emit func(StreamEvent)) (StreamDone, error) {
	if err := d.enabled(ctx); err != nil {
		return StreamDone{}, err
	}
	s, err := d.service(ctx, WithRetryNotice(retryEvents(emit)))
	if err != nil {
		return StreamDone{}, err
	}
	res, err := s.SuggestFollowUps(ctx, scorecardID, questionID, who, deltaEvents(emit))
	done, err := ended(ctx, err, res.Incomplete)
	done.FollowUps = &res
	return done, err
}

func deltaEvents(emit func(StreamEvent)) func(string) {
	return func(piece string) { emit(StreamEvent{Kind: StreamDelta, Text: piece}) }
}

func retryEvents(emit func(StreamEvent)) func(Retrying) {
	return func(r Retrying) {
		emit(StreamEvent{Kind: StreamRetrying, Retry: &StreamRetry{Attempt: r.Attempt, WaitMS: r.Wait.Milliseconds(), Why: r.Why}})
	}
}

// ended sorts how a streamed call stopped: cancelled (whatever was shown
// stays), stopped after pieces were shown (kept, with the reason in words),
// or failed before anything was shown (an error, in words).
func ended(ctx context.Context, err error, incomplete bool) (StreamDone, error) {
	switch {
	case err == nil:
		return StreamDone{}, nil
	case errors.Is(err, context.Canceled), errors.Is(ctx.Err(), context.Canceled):
		return StreamDone{Cancelled: true}, nil
	case incomplete:
		why := "The answer stopped before the end."
		if r := refusal(err); errors.Is(r, model.ErrConflict) {
			why = model.RefusalSentence(r)
		}
		return StreamDone{Problem: why}, nil
	}
	return StreamDone{}, refusal(err)
}

// applicationIn is the candidate's application to the role.
func (d *Desk) applicationIn(ctx context.Context, roleID, candidateID int64) (int64, error) {
	apps, err := d.store.CandidateApplications(ctx, candidateID)
	if err != nil {
		return 0, err
	}
	for _, a := range apps {
		if a.RoleID == roleID {
			return a.ID, nil
		}
	}
	return 0, fmt.Errorf("candidate %d has not applied to role %d: %w", candidateID, roleID, model.ErrNotFound)
}

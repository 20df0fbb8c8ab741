// The window's AI facade: the AI dialog (on/off, settings, the key, test
// connection, usage), the human-only switch and the resume screen
// suggestion with its preview. Who may do what, and every rule, is
// app/assist's (Desk).

package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"hirebench/app/assist"
	"hirebench/app/model"
)

// AI is bound to the window.
type AI struct {
	desk *assist.Desk
	ws   *Workspace
	rt   Shell

	mu     sync.Mutex
	cancel context.CancelFunc // of the suggestion running, if any (one at a time)

	streams assist.Streams // the streamed requests running (summary, follow-ups), by id
}

func NewAI(desk *assist.Desk, ws *Workspace, rt Shell) *AI {
	a := &AI{desk: desk, ws: ws, rt: rt}
	if c, ok := rt.(interface{ onClose(func()) }); ok {
		c.onClose(a.closeRequests)
	}
	return a
}

// closeRequests cancels every AI request still running when the window
// closes (a paid call must not run on unseen) and waits briefly for their
// ledger rows ("cancelled") to be written before the store closes.
func (a *AI) closeRequests() {
	a.CancelSuggestion()
	if !a.streams.CancelAll(2 * time.Second) {
		slog.Warn("AI requests still running when the window closed did not end in time")
	}
}

// Status is what the AI dialog shows: on or off, the settings, where the
// key lives (never the key), and what the current profile may change.
func (a *AI) Status() (assist.Status, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Status, error) { return a.desk.Status(context.Background(), p) })
}

// SetEnabled switches AI help in the window on or off (the recruiter's).
func (a *AI) SetEnabled(on bool) (assist.Status, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Status, error) {
		return a.desk.SetEnabled(context.Background(), p, on)
	})
}

// SaveSettings stores the endpoint, models, budget and prices (the recruiter's).
func (a *AI) SaveSettings(s assist.Settings) (assist.Status, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Status, error) {
		return a.desk.SaveSettings(context.Background(), p, s)
	})
}

// SaveKey keeps the API key in the OS keyring, or in memory until the app
// closes when there is none (the status says which).
func (a *AI) SaveKey(key string) (assist.Status, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Status, error) {
		return a.desk.SaveKey(context.Background(), p, key)
	})
}

// ForgetKey removes the saved key.
func (a *AI) ForgetKey() (assist.Status, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Status, error) { return a.desk.ForgetKey(context.Background(), p) })
}

// SetAskFirst is the current profile's "show me the preview first" for a
// feature ("don't ask again" sets it false).
func (a *AI) SetAskFirst(feature string, ask bool) (assist.Status, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Status, error) {
		return a.desk.SetAskFirst(context.Background(), p, feature, ask)
	})
}

// TestConnection lists the models at baseURL with the key in use and
// times it; a failure is in the result, in plain words.
func (a *AI) TestConnection(baseURL string) (assist.Connection, error) {
	return withActor(a.ws, func(who model.Profile) (assist.Connection, error) {
		return a.desk.TestConnection(context.Background(), who, baseURL)
	})
}

// Usage is this month's AI calls per day, feature and model, and the spend
// against the budget.
func (a *AI) Usage() (assist.UsageView, error) {
	return signedIn(a.ws, func() (assist.UsageView, error) { return a.desk.Usage(context.Background()) })
}

// Offer says what the window offers for a candidate: whether AI is on,
// whether they are human only, and whether to preview first.
func (a *AI) Offer(candidateID int64) (assist.Offer, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Offer, error) {
		return a.desk.Offer(context.Background(), p, candidateID)
	})
}

// SetHumanOnly switches AI off for a candidate (on) or back on.
func (a *AI) SetHumanOnly(candidateID int64, on bool) (assist.Offer, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Offer, error) {
		return a.desk.SetHumanOnly(context.Background(), p, candidateID, on)
	})
}

// Preview is exactly what a resume screen suggestion would send (after
// redaction), its estimated tokens and cost, and whether it is cached.
func (a *AI) Preview(applicationID int64) (assist.Preview, error) {
	return signedIn(a.ws, func() (assist.Preview, error) { return a.desk.Preview(context.Background(), applicationID) })
}

// Retrying is the "ai:retrying" event: the page shows "retrying in N s".
type Retrying struct {
	ApplicationID int64  `json:"applicationId"`
	Attempt       int    `json:"attempt"`
	WaitMS        int64  `json:"waitMs"`
	Why           string `json:"why"`
}

// SuggestScreen asks for a resume screen suggestion; every wait before a
// retry is announced ("ai:retrying"); CancelSuggestion ends it as cancelled.
func (a *AI) SuggestScreen(applicationID int64) (assist.Suggestion, error) {
	return signedIn(a.ws, func() (assist.Suggestion, error) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		if !a.begin(cancel) {
			return assist.Suggestion{}, errSuggestionRunning
		}
		defer a.end()
		return a.desk.Suggest(ctx, applicationID, func(r assist.Retrying) {
			a.rt.emit("ai:retrying", Retrying{ApplicationID: applicationID, Attempt: r.Attempt, WaitMS: r.Wait.Milliseconds(), Why: r.Why})
		})
	})
}

// CancelSuggestion stops the suggestion running; nothing is filled in.
func (a *AI) CancelSuggestion() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cancel != nil {
		a.cancel()
	}
}

var errSuggestionRunning = fmt.Errorf("another AI suggestion is still running; wait for it or cancel it: %w", model.ErrConflict)

func (a *AI) begin(cancel context.CancelFunc) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cancel != nil {
		return false
	}
	a.cancel = cancel
	return true
}

func (a *AI) end() {
	a.mu.Lock()
	a.cancel = nil
	a.mu.Unlock()
}

// SummaryOffer says whether "Summarise with AI" is offered on a
// candidate's debrief for a role, and why not.
func (a *AI) SummaryOffer(roleID, candidateID int64) (assist.StreamOffer, error) {
	return withActor(a.ws, func(p model.Profile) (assist.StreamOffer, error) {
		return a.desk.SummaryOffer(context.Background(), p, roleID, candidateID)
	})
}

// SummaryPreview is exactly what a debrief summary would send, and its estimate.
func (a *AI) SummaryPreview(roleID, candidateID int64) (assist.StreamPreview, error) {
	return withActor(a.ws, func(p model.Profile) (assist.StreamPreview, error) {
		return a.desk.SummaryPreview(context.Background(), p, roleID, candidateID)
	})
}

// SuggestSummary starts a debrief summary and returns at once (the page's
// bridge may carry one call at a time, and CancelAI must get through while
// it streams): the StreamDone it returns only names the request. The
// summary streams on the event "ai:stream:<requestID>": pieces, retries,
// then "done" with the checked result or what went wrong. CancelAI stops
// it, keeping what was shown.
func (a *AI) SuggestSummary(requestID string, roleID, candidateID int64) (assist.StreamDone, error) {
	return withActor(a.ws, func(p model.Profile) (assist.StreamDone, error) {
		return assist.StreamDone{RequestID: requestID}, a.streams.Start(requestID, a.streamTo(requestID), plainWords,
			func(ctx context.Context, emit func(assist.StreamEvent)) (assist.StreamDone, error) {
				return a.desk.Summarise(ctx, p, roleID, candidateID, emit)
			})
	})
}

// FollowUpOffer says whether follow-up questions are offered on a scorecard, and why not.
func (a *AI) FollowUpOffer(scorecardID int64) (assist.StreamOffer, error) {
	return withActor(a.ws, func(p model.Profile) (assist.StreamOffer, error) {
		return a.desk.FollowUpOffer(context.Background(), p, scorecardID)
	})
}

// FollowUpPreview is exactly what follow-ups on a question would send.
func (a *AI) FollowUpPreview(scorecardID int64, questionID string) (assist.StreamPreview, error) {
	return withActor(a.ws, func(p model.Profile) (assist.StreamPreview, error) {
		return a.desk.FollowUpPreview(context.Background(), p, scorecardID, questionID)
	})
}

// SuggestFollowUps starts follow-up question drafts for a question of the
// current profile's draft, and streams them like SuggestSummary.
func (a *AI) SuggestFollowUps(requestID string, scorecardID int64, questionID string) (assist.StreamDone, error) {
	return withActor(a.ws, func(p model.Profile) (assist.StreamDone, error) {
		return assist.StreamDone{RequestID: requestID}, a.streams.Start(requestID, a.streamTo(requestID), plainWords,
			func(ctx context.Context, emit func(assist.StreamEvent)) (assist.StreamDone, error) {
				return a.desk.FollowUps(ctx, p, scorecardID, questionID, emit)
			})
	})
}

// CancelAI stops the streamed request requestID; what was shown stays.
func (a *AI) CancelAI(requestID string) {
	a.streams.Cancel(requestID)
}

func (a *AI) streamTo(requestID string) func(assist.StreamEvent) {
	return func(ev assist.StreamEvent) { a.rt.emit(assist.StreamEventName(requestID), ev) }
}

// Opinions says, question by question, what the AI second rater offers on
// a scorecard (only beside submitted scores) and shows the levels kept.
func (a *AI) Opinions(scorecardID int64) (assist.CardOpinions, error) {
	return withActor(a.ws, func(p model.Profile) (assist.CardOpinions, error) {
		return a.desk.Opinions(context.Background(), p, scorecardID)
	})
}

// AskOpinion asks the AI second rater about one question of a submitted
// scorecard; a level kept for it already comes back without asking.
func (a *AI) AskOpinion(scorecardID int64, questionID string) (assist.Opinion, error) {
	return withActor(a.ws, func(p model.Profile) (assist.Opinion, error) {
		return a.desk.AskOpinion(context.Background(), p, scorecardID, questionID)
	})
}

// RoleAgreement is the AI's agreement with a role's interviewers, per
// rubric and model, shown beside the calibration.
func (a *AI) RoleAgreement(roleID int64) (assist.AgreementView, error) {
	return withActor(a.ws, func(p model.Profile) (assist.AgreementView, error) {
		return a.desk.RoleAgreement(context.Background(), p, roleID)
	})
}

// Quality is the AI quality view (the recruiter's): per feature and model,
// the probes and the agreement figures.
func (a *AI) Quality() (assist.QualityView, error) {
	return withActor(a.ws, func(p model.Profile) (assist.QualityView, error) { return a.desk.Quality(context.Background(), p) })
}

// plainWords is what the page shows for an error that ends a request in
// the background: the message a call's error would carry (userError).
func plainWords(err error) string {
	var ue *UserError
	if errors.As(userError(err), &ue) {
		return ue.Message
	}
	return err.Error()
}

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
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
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

// CallSummary is what one suggestion cost and how it went.
type CallSummary struct {
	Cached        bool           `json:"cached"`
	Model         string         `json:"model"`
	PromptVersion string         `json:"promptVersion"`
	Fingerprint   string         `json:"fingerprint"`
	TokensIn      int            `json:"tokens_in"`
	TokensOut     int            `json:"tokens_out"`
	CostUSD       float64        `json:"cost_usd"`
	EstimateUSD   float64        `json:"estimate_usd"`
	Attempts      int            `json:"attempts"`
	Repaired      bool           `json:"repaired"`
	Redacted      map[string]int `json:"redacted"`
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
	comp, q, ok := v.Rubric.FindQuestion(questionID)
	if !ok {
		return RateResult{}, model.Invalid("question", "scorecard %d has no question %q", card.ID, questionID)
	}
	if card.Status != scoring.Submitted {
		return RateResult{}, fmt.Errorf("scorecard %d is not submitted yet; %w", card.ID, ErrScoreFirst)
	}
	answers, _, _ := card.Current()
	ans := answers[questionID]
	if ans.Score == nil {
		return RateResult{}, fmt.Errorf("question %q on scorecard %d has no score (skipped or not asked); %w", questionID, card.ID, ErrScoreFirst)
	}
	if strings.TrimSpace(ans.Notes) == "" {
		return RateResult{}, model.Invalid("notes", "question %q on scorecard %d has no notes to rate from", questionID, card.ID)
	}
	c, err := s.store.GetCandidate(ctx, card.CandidateID)
	if err != nil {
		return RateResult{}, err
	}
	out := RateResult{ScorecardID: card.ID, QuestionID: questionID, CompetencyID: comp.ID, RubricVersionID: card.RubricVersionID,
		HumanLevel: *ans.Score, CallSummary: CallSummary{PromptVersion: ai.RatePromptVersion, Redacted: map[string]int{}}}
	sent := ans.Notes
	if !opt.NoRedact {
		r := ai.Redact(ans.Notes, identity(c))
		sent, out.Redacted = r.Text, r.Kinds
	}
	scale := v.Rubric.Scale
	var sug ai.LevelSuggestion
	j := oneSuggestion{
		req: ai.RateRequest(scale, *comp, *q, sent), model: cmp(opt.Model, cmp(s.settings.Models[ai.FeatureRate], s.settings.Models[ai.FeatureScreen])),
		rubricVersionID: card.RubricVersionID, candidateID: c.ID, outTokens: outputPerRating,
		parse: func(content string) (err error) {
			sug, err = ai.ParseRating([]byte(content), scale, *q, ans.Notes)
			return err
		},
		repair:  ai.RateRepairRequest,
		invalid: "the AI reply did not follow the rubric, so no level was suggested",
	}
	callID, err := s.suggestOnce(ctx, j, &out.CallSummary)
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
		SuggestedLevel: out.Level, HumanLevel: out.HumanLevel, Fragments: frags, Dropped: out.Dropped})
	if err != nil {
		return out, fmt.Errorf("the suggested level could not be kept: %w", err)
	}
	out.RatingID = kept.ID
	return out, nil
}

// oneSuggestion is one suggestion for the runner: the request, where it is cached,
// whom it is about, and how its reply is read and repaired.
type oneSuggestion struct {
	req             ai.Request
	model           string
	rubricVersionID int64
	candidateID     int64
	outTokens       int // expected reply size, for the estimate
	// parse reads a reply into the caller's result; an *ai.OutputError
	// earns one repair.
	parse   func(content string) error
	repair  func(r ai.Request, reply string, err error) ai.Request
	invalid string // what to say when the repaired reply is still unusable
}

// suggestOnce answers one suggestion from the cache or with one call (retries inside),
// within the monthly budget, with one repair of invalid output, and
// records the ledger row, the exchange with the candidate and the answer in
// the cache. It returns the ledger row's id.
func (s *Service) suggestOnce(ctx context.Context, j oneSuggestion, out *CallSummary) (int64, error) {
	out.Model = j.model
	call := Call{Model: j.model, Messages: j.req.Messages, SchemaName: j.req.SchemaName, Schema: j.req.Schema,
		Temperature: s.settings.Temperature, Seed: s.settings.Seed, MaxTokens: s.settings.MaxTokens}
	key := ai.CacheKey(call.Model, call.Temperature, call.Seed, j.rubricVersionID, j.req)
	price, known := ai.PriceOf(s.settings.Prices, j.model)
	out.EstimateUSD = ai.Cost(price, ai.EstimateTokens(j.model, j.req), j.outTokens)

	rec := storage.AIRecord{Call: storage.AICall{Feature: j.req.Feature, Model: j.model, PromptVersion: j.req.PromptVersion},
		CandidateID: j.candidateID, Request: requestText(call)}
	started := s.now()
	finish := func(outcome, reply string, err error) (int64, error) {
		rec.Call.At = started.UTC().Format(time.RFC3339Nano)
		rec.Call.LatencyMS = s.now().Sub(started).Milliseconds()
		rec.Call.Outcome, rec.Call.Cached, rec.Call.Attempts = outcome, out.Cached, out.Attempts
		rec.Call.TokensIn, rec.Call.TokensOut, rec.Call.CostUSD = out.TokensIn, out.TokensOut, out.CostUSD
		rec.Call.Fingerprint, rec.Response = out.Fingerprint, reply
		if outcome == storage.AIOutcomeOK && !out.Cached {
			rec.CacheKey = key
		}
		if outcome == "stopped:budget" {
			rec.CandidateID, rec.Request = 0, "" // nothing was sent: the ledger notes the stop
		}
		id, rerr := s.store.RecordAI(context.WithoutCancel(ctx), rec)
		if errors.Is(rerr, model.ErrNotFound) && rec.CandidateID != 0 {
			// Erased meanwhile: the call still counts against the budget, about nobody.
			rec.CandidateID, rec.CacheKey, rec.Request, rec.Response = 0, "", "", ""
			if _, rerr = s.store.RecordAI(context.WithoutCancel(ctx), rec); rerr == nil {
				rerr = fmt.Errorf("candidate %d was erased meanwhile: %w", j.candidateID, model.ErrNotFound)
			}
		}
		if rerr != nil && err == nil {
			err = fmt.Errorf("the suggestion could not be recorded: %w", rerr)
		}
		return id, err
	}

	if hit, err := s.store.AICached(ctx, key); err == nil {
		if j.parse(hit.Response) == nil {
			out.Cached, out.Fingerprint = true, hit.Fingerprint
			return finish(storage.AIOutcomeOK, hit.Response, nil)
		}
	} else if !errors.Is(err, model.ErrNotFound) {
		return 0, err
	}
	if s.client == nil {
		return 0, ErrNoEndpoint
	}
	if !known {
		return 0, model.Invalid("model", "no price is known for the model %q: add one to the price table first (hirebench ai price)", j.model)
	}
	if s.settings.BudgetUSD > 0 {
		spent, err := s.store.AISpentSince(ctx, s.monthStart().Format(time.RFC3339Nano))
		if err != nil {
			return 0, err
		}
		if spent+out.EstimateUSD > s.settings.BudgetUSD {
			return finish("stopped:budget", "", &BudgetError{SpentUSD: spent, EstimateUSD: out.EstimateUSD, BudgetUSD: s.settings.BudgetUSD})
		}
	}
	reply, err := s.sendCounted(ctx, call, out)
	if err != nil {
		return finish(outcomeOf(err), "", err)
	}
	perr := j.parse(reply.Content)
	var oe *ai.OutputError
	if errors.As(perr, &oe) {
		// One repair attempt: the model sees what was wrong with its reply.
		call.Messages = j.repair(j.req, reply.Content, perr).Messages
		rec.Request = requestText(call)
		out.Repaired = true
		if reply, err = s.sendCounted(ctx, call, out); err != nil {
			return finish(outcomeOf(err), "", err)
		}
		perr = j.parse(reply.Content)
	}
	if perr != nil {
		return finish("error:invalid_output", reply.Content, fmt.Errorf("%s (%v)", j.invalid, perr))
	}
	return finish(storage.AIOutcomeOK, reply.Content, nil)
}

// sendCounted makes one call with retries and adds its usage and cost to out.
func (s *Service) sendCounted(ctx context.Context, call Call, out *CallSummary) (Reply, error) {
	r, tries, err := s.withRetries(ctx, call)
	out.Attempts += tries
	out.TokensIn += r.TokensIn
	out.TokensOut += r.TokensOut
	if p, ok := ai.PriceOf(s.settings.Prices, call.Model); ok {
		out.CostUSD = ai.Cost(p, out.TokensIn, out.TokensOut)
	}
	if r.Fingerprint != "" {
		out.Fingerprint = r.Fingerprint
	}
	return r, err
}

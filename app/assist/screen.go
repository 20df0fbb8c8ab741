// Resume screen assist: one candidate's resume against the role's
// checklist, as a suggestion that fills a draft a person accepts, edits or
// discards.

package assist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/storage"
)

// outputPerFlag is the reply's expected size per checklist flag (an id, a
// status, a quote and a one-line reason), for the estimate before sending.
const outputPerFlag = 60

// ScreenOptions adjust one suggestion.
type ScreenOptions struct {
	Model string // "" is the settings' model for screening
	// NoRedact sends the resume as written; redaction is on unless a person turns it off.
	NoRedact bool
}

// ScreenResult is a suggestion for each flag of the checklist, with what
// it cost. Quotes that do not occur in the resume were dropped (Dropped).
type ScreenResult struct {
	ApplicationID   int64               `json:"applicationId"`
	RubricVersionID int64               `json:"rubricVersionId"`
	Flags           []ai.FlagSuggestion `json:"flags"`
	Dropped         int                 `json:"dropped"`
	Cached          bool                `json:"cached"`
	Model           string              `json:"model"`
	PromptVersion   string              `json:"promptVersion"`
	Fingerprint     string              `json:"fingerprint"`
	TokensIn        int                 `json:"tokens_in"`
	TokensOut       int                 `json:"tokens_out"`
	CostUSD         float64             `json:"cost_usd"`
	EstimateUSD     float64             `json:"estimate_usd"`
	Attempts        int                 `json:"attempts"`
	Repaired        bool                `json:"repaired"`
	Redacted        map[string]int      `json:"redacted"`
}

// SuggestScreen asks the model to map an application's resume to its
// role's checklist.
func (s *Service) SuggestScreen(ctx context.Context, applicationID int64, opt ScreenOptions) (ScreenResult, error) {
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return ScreenResult{}, err
	}
	if off, err := s.store.HumanOnly(ctx, app.CandidateID); err != nil || off {
		return ScreenResult{}, errors.Join(err, humanOnly(off))
	}
	c, err := s.store.GetCandidate(ctx, app.CandidateID)
	if err != nil {
		return ScreenResult{}, err
	}
	resume, err := s.store.ResumeText(ctx, app.CandidateID)
	if err != nil {
		return ScreenResult{}, err
	}
	if strings.TrimSpace(resume) == "" {
		return ScreenResult{}, model.Invalid("resume", "candidate %d has no resume text to screen", c.ID)
	}
	sc, err := s.screens.Screen(ctx, applicationID)
	if err != nil {
		return ScreenResult{}, err
	}
	if len(sc.Checklist) == 0 {
		return ScreenResult{}, model.Invalid("checklist", "the role's rubric has no resume checklist")
	}
	out := ScreenResult{ApplicationID: applicationID, RubricVersionID: sc.RubricVersionID,
		PromptVersion: ai.ScreenPromptVersion, Redacted: map[string]int{}}
	sent := resume
	if !opt.NoRedact {
		r := ai.Redact(resume, identity(c))
		sent, out.Redacted = r.Text, r.Kinds
	}
	req := ai.ScreenRequest(sc.Checklist, sent)
	out.Model = cmp(opt.Model, s.settings.Models[ai.FeatureScreen])
	call := Call{Model: out.Model, Messages: req.Messages, SchemaName: req.SchemaName, Schema: req.Schema,
		Temperature: s.settings.Temperature, Seed: s.settings.Seed, MaxTokens: s.settings.MaxTokens}
	key := ai.CacheKey(call.Model, call.Temperature, call.Seed, sc.RubricVersionID, req)
	price, known := ai.PriceOf(s.settings.Prices, out.Model)
	out.EstimateUSD = ai.Cost(price, ai.EstimateTokens(out.Model, req), outputPerFlag*len(sc.Checklist))

	rec := storage.AIRecord{Call: storage.AICall{Feature: ai.FeatureScreen, Model: out.Model,
		PromptVersion: req.PromptVersion}, CandidateID: c.ID, Request: requestText(call)}
	started := s.now()
	finish := func(outcome string, reply string, err error) (ScreenResult, error) {
		rec.Call.At = started.UTC().Format(time.RFC3339Nano)
		rec.Call.LatencyMS = s.now().Sub(started).Milliseconds()
		rec.Call.Outcome, rec.Call.Cached, rec.Call.Attempts = outcome, out.Cached, out.Attempts
		rec.Call.TokensIn, rec.Call.TokensOut, rec.Call.CostUSD = out.TokensIn, out.TokensOut, out.CostUSD
		rec.Call.Fingerprint, rec.Response = out.Fingerprint, reply
		if outcome == "ok" && !out.Cached {
			rec.CacheKey = key
		}
		if outcome == "stopped:budget" {
			rec.CandidateID, rec.Request = 0, "" // nothing was sent: the ledger notes the stop
		}
		_, rerr := s.store.RecordAI(context.WithoutCancel(ctx), rec)
		if errors.Is(rerr, model.ErrNotFound) && rec.CandidateID != 0 {
			// Erased meanwhile: the call still counts against the budget, about nobody.
			rec.CandidateID, rec.CacheKey, rec.Request, rec.Response = 0, "", "", ""
			_, rerr = s.store.RecordAI(context.WithoutCancel(ctx), rec)
		}
		if rerr != nil && err == nil {
			err = fmt.Errorf("the suggestion could not be recorded: %w", rerr)
		}
		return out, err
	}

	if hit, err := s.store.AICached(ctx, key); err == nil {
		if sug, perr := ai.ParseScreen([]byte(hit.Response), sc.Checklist, resume); perr == nil {
			out.Cached, out.Flags, out.Dropped, out.Fingerprint = true, sug.Flags, sug.Dropped, hit.Fingerprint
			return finish("ok", hit.Response, nil)
		}
	} else if !errors.Is(err, model.ErrNotFound) {
		return out, err
	}
	if s.client == nil {
		return out, ErrNoEndpoint
	}
	if !known {
		return out, model.Invalid("model", "no price is known for the model %q: add one to the price table first (hirebench ai price)", out.Model)
	}
	if s.settings.BudgetUSD > 0 {
		spent, err := s.store.AISpentSince(ctx, s.monthStart().Format(time.RFC3339Nano))
		if err != nil {
			return out, err
		}
		if spent+out.EstimateUSD > s.settings.BudgetUSD {
			return finish("stopped:budget", "", &BudgetError{SpentUSD: spent, EstimateUSD: out.EstimateUSD, BudgetUSD: s.settings.BudgetUSD})
		}
	}

	reply, err := s.complete(ctx, call, &out)
	if err != nil {
		return finish(outcomeOf(err), "", err)
	}
	sug, perr := ai.ParseScreen([]byte(reply.Content), sc.Checklist, resume)
	var oe *ai.OutputError
	if errors.As(perr, &oe) {
		// One repair attempt: the model sees what was wrong with its reply.
		fix := ai.RepairRequest(req, reply.Content, perr)
		call.Messages = fix.Messages
		rec.Request = requestText(call)
		out.Repaired = true
		if reply, err = s.complete(ctx, call, &out); err != nil {
			return finish(outcomeOf(err), "", err)
		}
		sug, perr = ai.ParseScreen([]byte(reply.Content), sc.Checklist, resume)
	}
	if perr != nil {
		return finish("error:invalid_output", reply.Content,
			fmt.Errorf("the AI reply did not follow the checklist, so nothing was filled in (%v)", perr))
	}
	out.Flags, out.Dropped = sug.Flags, sug.Dropped
	return finish("ok", reply.Content, nil)
}

// complete sends one call with retries and adds its usage and cost to out.
func (s *Service) complete(ctx context.Context, call Call, out *ScreenResult) (Reply, error) {
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

func humanOnly(off bool) error {
	if off {
		return ErrHumanOnly
	}
	return nil
}

func identity(c model.Candidate) ai.Identity {
	return ai.Identity{Name: c.Name, Email: c.Email, Phone: c.Phone, Location: c.Location,
		Links: []string{c.LinkedIn, c.GitHub, c.Portfolio}}
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// requestText is the audit's copy of exactly what was sent (after redaction).
func requestText(c Call) string {
	b, _ := json.Marshal(struct {
		Model       string          `json:"model"`
		Messages    []ai.Message    `json:"messages"`
		SchemaName  string          `json:"schemaName,omitempty"`
		Schema      json.RawMessage `json:"schema,omitempty"`
		Temperature float64         `json:"temperature"`
		Seed        int             `json:"seed"`
	}{c.Model, c.Messages, c.SchemaName, c.Schema, c.Temperature, c.Seed})
	return string(b)
}

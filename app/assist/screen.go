// Resume screen assist: one candidate's resume against the role's
// checklist, as a suggestion that fills a draft a person accepts, edits or
// discards. Each suggestion is asked for Settings.Runs times; a flag the
// runs disagree on is marked uncertain.

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
	"hirebench/app/rubric"
	"hirebench/app/scoring"
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
	// Runs overrides Settings.Runs (0: the settings').
	Runs int
}

// ScreenFlag is the suggestion for one flag, merged over the runs: the
// status most runs gave (unclear when no status has a majority), with the
// quote and reason of the first run that gave it.
type ScreenFlag struct {
	ai.FlagSuggestion
	// Uncertain: the runs did not all give the same status.
	Uncertain bool `json:"uncertain"`
	// Seen is each run's status, in run order.
	Seen []scoring.Mark `json:"seen"`
}

// ScreenResult is a suggestion for each flag of the checklist, with what
// it cost over all runs. Quotes that do not occur in the resume were
// dropped (Dropped, of Quotes given, over all runs).
type ScreenResult struct {
	ApplicationID   int64        `json:"applicationId"`
	RubricVersionID int64        `json:"rubricVersionId"`
	Flags           []ScreenFlag `json:"flags"`
	Runs            int          `json:"runs"`
	Uncertain       int          `json:"uncertain"` // flags the runs disagreed on
	Quotes          int          `json:"quotes"`
	Dropped         int          `json:"dropped"`
	Cached          bool         `json:"cached"` // every run came from the cache
	Model           string       `json:"model"`
	PromptVersion   string       `json:"promptVersion"`
	Fingerprint     string       `json:"fingerprint"`
	TokensIn        int          `json:"tokens_in"`
	TokensOut       int          `json:"tokens_out"`
	CostUSD         float64      `json:"cost_usd"`
	// The estimate before sending, for the runs not answered from the cache.
	EstimateTokensIn  int            `json:"estimate_tokens_in"`
	EstimateTokensOut int            `json:"estimate_tokens_out"`
	EstimateUSD       float64        `json:"estimate_usd"`
	Attempts          int            `json:"attempts"`
	Repaired          bool           `json:"repaired"`
	Redacted          map[string]int `json:"redacted"`
}

// screenJob is one resume, ready to be sent: what is sent, what quotes are
// checked against, and how the call is kept.
type screenJob struct {
	applicationID, candidateID, rubricVersionID int64
	checklist                                   []rubric.ScreenFlag
	resume, sent                                string // quotes are checked against resume
	model, feature                              string
	// fresh asks the model even when the same request was answered before.
	fresh bool
	// kept: the exchange is kept with the candidate (audit) and the answer
	// cached. A probe variant is neither: it is not a suggestion about them.
	kept bool
}

// SuggestScreen asks the model to map an application's resume to its
// role's checklist, Runs times; identical requests are answered from the
// cache, each run is one ledger row.
func (s *Service) SuggestScreen(ctx context.Context, applicationID int64, opt ScreenOptions) (ScreenResult, error) {
	j, redacted, err := s.screenJob(ctx, applicationID, opt.Model, opt.NoRedact)
	if err != nil {
		return ScreenResult{}, err
	}
	runs := s.runCount(opt) // preview.go
	out := ScreenResult{ApplicationID: applicationID, RubricVersionID: j.rubricVersionID, Runs: runs, Cached: true,
		Model: j.model, PromptVersion: ai.ScreenPromptVersion, Redacted: redacted}

	misses := 0
	for run := range runs {
		if _, _, ok, err := s.fromCache(ctx, j, run); err != nil {
			return out, err
		} else if !ok {
			misses++
		}
	}
	out.EstimateTokensIn, out.EstimateTokensOut, out.EstimateUSD = s.estimate(j, misses)
	if misses > 0 {
		if err := s.mayAsk(ctx, j, out.EstimateUSD); err != nil {
			return out, err
		}
	}

	var each []ai.ScreenSuggestion
	for run := range runs {
		one, sug, err := s.screenRun(ctx, j, run)
		out.TokensIn += one.TokensIn
		out.TokensOut += one.TokensOut
		out.CostUSD += one.CostUSD
		out.Attempts += one.Attempts
		out.Repaired = out.Repaired || one.Repaired
		out.Cached = out.Cached && one.Cached
		out.Fingerprint = cmp(out.Fingerprint, one.Fingerprint)
		if err != nil {
			out.Cached = false
			return out, err
		}
		for _, f := range sug.Flags {
			if f.Verified {
				out.Quotes++
			}
		}
		out.Quotes += sug.Dropped
		out.Dropped += sug.Dropped
		each = append(each, sug)
	}
	out.Flags, out.Uncertain = mergeRuns(each)
	return out, nil
}

// screenJob reads an application's resume and checklist and redacts the
// resume (unless noRedact), refusing what must not or cannot be sent.
func (s *Service) screenJob(ctx context.Context, applicationID int64, modelName string, noRedact bool) (screenJob, map[string]int, error) {
	app, err := s.store.GetApplication(ctx, applicationID)
	if err != nil {
		return screenJob{}, nil, err
	}
	if off, err := s.store.HumanOnly(ctx, app.CandidateID); err != nil || off {
		return screenJob{}, nil, errors.Join(err, humanOnly(off))
	}
	c, err := s.store.GetCandidate(ctx, app.CandidateID)
	if err != nil {
		return screenJob{}, nil, err
	}
	resume, err := s.store.ResumeText(ctx, app.CandidateID)
	if err != nil {
		return screenJob{}, nil, err
	}
	if strings.TrimSpace(resume) == "" {
		return screenJob{}, nil, model.Invalid("resume", "candidate %d has no resume text to screen", c.ID)
	}
	sc, err := s.screens.Screen(ctx, applicationID)
	if err != nil {
		return screenJob{}, nil, err
	}
	if len(sc.Checklist) == 0 {
		return screenJob{}, nil, model.Invalid("checklist", "the role's rubric has no resume checklist")
	}
	j := screenJob{applicationID: applicationID, candidateID: c.ID, rubricVersionID: sc.RubricVersionID,
		checklist: sc.Checklist, resume: resume, sent: resume, feature: ai.FeatureScreen, kept: true,
		model: cmp(modelName, s.settings.Models[ai.FeatureScreen])}
	redacted := map[string]int{}
	if !noRedact {
		r := ai.Redact(resume, identity(c))
		j.sent, redacted = r.Text, r.Kinds
	}
	return j, redacted, nil
}

// request is what run number run (from 0) of j sends: run k uses the seed
// Settings.Seed + k, so the runs are separate samples and each is as
// repeatable, and as cacheable, as one.
func (s *Service) request(j screenJob, run int) (ai.Request, Call, string) {
	req := ai.ScreenRequest(j.checklist, j.sent)
	call := Call{Model: j.model, Messages: req.Messages, SchemaName: req.SchemaName, Schema: req.Schema,
		Temperature: s.settings.Temperature, Seed: s.settings.Seed + run, MaxTokens: s.settings.MaxTokens}
	return req, call, ai.CacheKey(call.Model, call.Temperature, call.Seed, j.rubricVersionID, req)
}

// estimate is the tokens and cost of sending j n times.
func (s *Service) estimate(j screenJob, n int) (in, out int, usd float64) {
	req, _, _ := s.request(j, 0)
	price, _ := ai.PriceOf(s.settings.Prices, j.model)
	in, out = n*ai.EstimateTokens(j.model, req), n*outputPerFlag*len(j.checklist)
	return in, out, ai.Cost(price, in, out)
}

// mayAsk checks, before anything is sent, that there is an endpoint, a
// price for the model and room in the month's budget for estimateUSD; a
// budget stop is noted in the ledger.
func (s *Service) mayAsk(ctx context.Context, j screenJob, estimateUSD float64) error {
	if s.client == nil {
		return ErrNoEndpoint
	}
	if _, known := ai.PriceOf(s.settings.Prices, j.model); !known {
		return model.Invalid("model", "no price is known for the model %q: add one to the price table first (hirebench ai price)", j.model)
	}
	if s.settings.BudgetUSD <= 0 {
		return nil
	}
	spent, err := s.store.AISpentSince(ctx, s.monthStart().Format(time.RFC3339Nano))
	if err != nil {
		return err
	}
	if spent+estimateUSD <= s.settings.BudgetUSD {
		return nil
	}
	// Nothing was sent: the ledger notes the stop, about nobody.
	stop := storage.AIRecord{Call: storage.AICall{At: s.now().UTC().Format(time.RFC3339Nano), Feature: j.feature,
		Model: j.model, PromptVersion: ai.ScreenPromptVersion, Outcome: "stopped:budget"}}
	berr := &BudgetError{SpentUSD: spent, EstimateUSD: estimateUSD, BudgetUSD: s.settings.BudgetUSD}
	if _, err := s.store.RecordAI(context.WithoutCancel(ctx), stop); err != nil {
		return errors.Join(berr, fmt.Errorf("the stop could not be recorded: %w", err))
	}
	return berr
}

// fromCache is run number run of j answered before, if it was (and still parses).
func (s *Service) fromCache(ctx context.Context, j screenJob, run int) (ai.ScreenSuggestion, storage.AICacheEntry, bool, error) {
	if j.fresh {
		return ai.ScreenSuggestion{}, storage.AICacheEntry{}, false, nil
	}
	_, _, key := s.request(j, run)
	hit, err := s.store.AICached(ctx, key)
	if errors.Is(err, model.ErrNotFound) {
		return ai.ScreenSuggestion{}, hit, false, nil
	}
	if err != nil {
		return ai.ScreenSuggestion{}, hit, false, err
	}
	sug, perr := ai.ParseScreen([]byte(hit.Response), j.checklist, j.resume)
	return sug, hit, perr == nil, nil
}

// screenRun is one run of j: from the cache, or one call (retried, and
// repaired once if its reply breaks the schema), recorded in the ledger
// (and, when j is kept, in the candidate's audit and the cache).
func (s *Service) screenRun(ctx context.Context, j screenJob, run int) (ScreenResult, ai.ScreenSuggestion, error) {
	req, call, key := s.request(j, run)
	var out ScreenResult
	rec := storage.AIRecord{Call: storage.AICall{Feature: j.feature, Model: j.model, PromptVersion: req.PromptVersion}}
	if j.kept {
		rec.CandidateID, rec.Request = j.candidateID, requestText(call)
	}
	started := s.now()
	finish := func(outcome string, reply string, sug ai.ScreenSuggestion, err error) (ScreenResult, ai.ScreenSuggestion, error) {
		rec.Call.At = started.UTC().Format(time.RFC3339Nano)
		rec.Call.LatencyMS = s.now().Sub(started).Milliseconds()
		rec.Call.Outcome, rec.Call.Cached, rec.Call.Attempts = outcome, out.Cached, out.Attempts
		rec.Call.TokensIn, rec.Call.TokensOut, rec.Call.CostUSD = out.TokensIn, out.TokensOut, out.CostUSD
		rec.Call.Fingerprint = out.Fingerprint
		if j.kept {
			rec.Response = reply
			if outcome == storage.AIOutcomeOK && !out.Cached {
				rec.CacheKey = key
			}
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
		return out, sug, err
	}

	if sug, hit, ok, err := s.fromCache(ctx, j, run); err != nil {
		return out, sug, err
	} else if ok {
		out.Cached, out.Fingerprint = true, hit.Fingerprint
		return finish(storage.AIOutcomeOK, hit.Response, sug, nil)
	}
	if s.client == nil {
		return out, ai.ScreenSuggestion{}, ErrNoEndpoint
	}
	reply, err := s.complete(ctx, call, &out)
	if err != nil {
		return finish(outcomeOf(err), "", ai.ScreenSuggestion{}, err)
	}
	sug, perr := ai.ParseScreen([]byte(reply.Content), j.checklist, j.resume)
	var oe *ai.OutputError
	if errors.As(perr, &oe) {
		// One repair attempt: the model sees what was wrong with its reply.
		fix := ai.RepairRequest(req, reply.Content, perr)
		call.Messages = fix.Messages
		if j.kept {
			rec.Request = requestText(call)
		}
		out.Repaired = true
		if reply, err = s.complete(ctx, call, &out); err != nil {
			return finish(outcomeOf(err), "", ai.ScreenSuggestion{}, err)
		}
		sug, perr = ai.ParseScreen([]byte(reply.Content), j.checklist, j.resume)
	}
	if perr != nil {
		return finish("error:invalid_output", reply.Content, ai.ScreenSuggestion{},
			fmt.Errorf("the AI reply did not follow the checklist, so nothing was filled in (%w)", perr))
	}
	return finish(storage.AIOutcomeOK, reply.Content, sug, nil)
}

// mergeRuns merges the runs' suggestions (each in checklist order) flag by
// flag, and counts the flags the runs disagreed on.
func mergeRuns(runs []ai.ScreenSuggestion) ([]ScreenFlag, int) {
	if len(runs) == 0 {
		return nil, 0
	}
	out := make([]ScreenFlag, len(runs[0].Flags))
	uncertain := 0
	for i := range out {
		seen := make([]scoring.Mark, len(runs))
		count := map[scoring.Mark]int{}
		for k, r := range runs {
			seen[k] = r.Flags[i].Status
			count[seen[k]]++
		}
		status := scoring.Unclear
		for m, n := range count {
			if 2*n > len(runs) {
				status = m
			}
		}
		f := ScreenFlag{FlagSuggestion: runs[0].Flags[i], Seen: seen, Uncertain: count[seen[0]] != len(runs)}
		for _, r := range runs {
			if r.Flags[i].Status == status {
				f.FlagSuggestion = r.Flags[i]
				break
			}
		}
		if f.Status != status {
			// No run said "unclear"; the first run's quote stays as evidence.
			f.Status = status
			f.Reason = "The runs disagreed (" + joinMarks(seen) + "), so this is shown as unclear."
		}
		if f.Uncertain {
			uncertain++
		}
		out[i] = f
	}
	return out, uncertain
}

func joinMarks(ms []scoring.Mark) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = string(m)
	}
	return strings.Join(s, ", ")
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

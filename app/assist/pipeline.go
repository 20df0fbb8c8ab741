// The one path every AI call takes (docs/AI.md, "One suggestion, end to
// end"): the cache, a known price, the month's budget, retries (until the
// first piece, when streamed), one repair of invalid output, and the record:
// the ledger row, the exchange in the candidate's audit and the answer in
// the cache, or only the ledger row if the candidate was erased meanwhile.
// The screen, the second rater, the probe, the summary and the follow-ups
// describe their call as a job and run it here.

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

// job is one call as the pipeline runs it.
type job struct {
	req   ai.Request
	model string
	// feature is the ledger's name for the call when it is not the
	// request's (a probe variant sends the screen's request).
	feature string
	// seed is added to Settings.Seed: run k of a suggestion sends seed + k.
	seed            int
	rubricVersionID int64
	// candidateID is whom the call is about: the exchange is kept in their
	// audit and the answer cached. 0: kept with nobody, never cached (a
	// probe variant is no suggestion about anyone).
	candidateID int64
	// fresh: never answered from the cache.
	fresh bool
	// budgeted: the caller checked the price and the budget for a batch
	// this call belongs to (every run of a suggestion, every probe variant).
	budgeted  bool
	outTokens int // the reply's expected size, for the estimate
	// parse reads a reply into the caller's result; an *ai.OutputError
	// earns one repair when repair is set and the call is not streamed
	// (a streamed reply was already shown).
	parse   func(content string) error
	repair  func(r ai.Request, reply string, err error) ai.Request
	invalid string // what to say when the reply stays unusable
	// onDelta streams the call: each piece of the answer as it comes. A
	// cached answer comes as one piece.
	onDelta func(text string)
	// mark is the candidate's storage.AIMark when the feature read them
	// ("": read when the call begins); the record is refused if they were
	// erased, anonymised or replaced since.
	mark string
}

func (j job) ledgerFeature() string { return cmp(j.feature, j.req.Feature) }

// read parses a reply; a job without a parser takes any text.
func (j job) read(content string) error {
	if j.parse == nil {
		return nil
	}
	return j.parse(content)
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

// callOf is what j sends, and its cache key.
func (s *Service) callOf(j job) (Call, string) {
	c := Call{Model: j.model, Messages: j.req.Messages, SchemaName: j.req.SchemaName, Schema: j.req.Schema,
		Temperature: s.settings.Temperature, Seed: s.settings.Seed + j.seed, MaxTokens: s.settings.MaxTokens}
	return c, ai.CacheKey(s.settings.BaseURL, c.Model, c.Temperature, c.Seed, j.rubricVersionID, j.req)
}

// estimateOf is the tokens and cost of sending j once, before it is sent:
// the input as counted, the reply as measured on the ledger's recent calls
// of the same model and prompt version (ai.EstimateOutput; the fixed figure
// until there are enough). The preview, the budget check and the probe all read it.
func (s *Service) estimateOf(ctx context.Context, j job) (in, out int, usd float64, err error) {
	price, _ := ai.PriceOf(s.settings.Prices, j.model)
	rows, err := s.store.AIOutputHistory(ctx, j.model, j.req.PromptVersion, ai.OutputHistoryMax)
	if err != nil {
		return 0, 0, 0, err
	}
	history := make([]ai.OutputSample, len(rows))
	for i, r := range rows {
		history[i] = ai.OutputSample{Fixed: r.EstimateOut, Billed: r.TokensOut}
	}
	in, out = ai.EstimateTokens(j.model, j.req), ai.EstimateOutput(j.outTokens, history)
	return in, out, ai.Cost(price, in, out), nil
}

// cachedAnswer is j answered before, if it was and the answer still parses.
func (s *Service) cachedAnswer(ctx context.Context, j job) (storage.AICacheEntry, bool, error) {
	if j.fresh {
		return storage.AICacheEntry{}, false, nil
	}
	_, key := s.callOf(j)
	hit, err := s.store.AICached(ctx, key)
	if errors.Is(err, model.ErrNotFound) {
		return hit, false, nil
	}
	if err != nil {
		return hit, false, err
	}
	return hit, j.read(hit.Response) == nil, nil
}

// run answers j from the cache or with one call (retries inside; one
// repair of invalid output unless streamed), within the month's budget,
// and records it. It returns the ledger row's id. A streamed call that
// fails after pieces were shown returns the error (error:cut, cancelled, …);
// the audit keeps what was shown. Each call sent first reserves its worst
// case against the budget (budget.go), the repair included.
func (s *Service) run(ctx context.Context, j job, out *CallSummary) (int64, error) {
	out.Model = j.model
	out.PromptVersion = cmp(out.PromptVersion, j.req.PromptVersion)
	call, key := s.callOf(j)
	var err error
	if _, _, out.EstimateUSD, err = s.estimateOf(ctx, j); err != nil {
		return 0, err
	}
	kept := j.candidateID != 0
	rec := storage.AIRecord{Call: storage.AICall{Feature: j.ledgerFeature(), Model: j.model, PromptVersion: j.req.PromptVersion}}
	if kept {
		mark := j.mark
		if mark == "" {
			var err error
			if mark, err = s.store.AIMark(ctx, j.candidateID); errors.Is(err, model.ErrNotFound) {
				return 0, fmt.Errorf("candidate %d was erased or anonymised; nothing about them is sent: %w", j.candidateID, model.ErrNotFound)
			} else if err != nil {
				return 0, err
			}
		}
		rec.CandidateID, rec.CandidateUID, rec.Request = j.candidateID, mark, requestText(call)
	}
	started := s.now()
	finish := func(outcome, reply string, err error) (int64, error) {
		rec.Call.At = started.UTC().Format(time.RFC3339Nano)
		rec.Call.LatencyMS = s.now().Sub(started).Milliseconds()
		rec.Call.Outcome, rec.Call.Cached, rec.Call.Attempts = outcome, out.Cached, out.Attempts
		rec.Call.TokensIn, rec.Call.TokensOut, rec.Call.CostUSD = out.TokensIn, out.TokensOut, out.CostUSD
		rec.Call.Fingerprint = out.Fingerprint
		if !out.Cached {
			// The fixed figure, not the measured one: the next estimate
			// learns how far the rule is off (ai.EstimateOutput).
			rec.Call.EstimateOut = j.outTokens
		}
		if kept {
			rec.Response = reply
			if outcome == storage.AIOutcomeOK && !out.Cached {
				rec.CacheKey = key
			}
		}
		id, rerr := s.store.RecordAI(context.WithoutCancel(ctx), rec)
		if errors.Is(rerr, model.ErrNotFound) && rec.CandidateID != 0 {
			// Erased or anonymised meanwhile: the call still counts against
			// the budget, about nobody, and nothing about them comes back.
			rec.CandidateID, rec.CandidateUID, rec.CacheKey, rec.Request, rec.Response = 0, "", "", "", ""
			if id, rerr = s.store.RecordAI(context.WithoutCancel(ctx), rec); rerr == nil {
				return id, fmt.Errorf("candidate %d was erased or anonymised while the AI call ran; nothing about them was kept: %w",
					j.candidateID, model.ErrNotFound)
			}
		}
		if rerr != nil && err == nil {
			err = fmt.Errorf("the suggestion could not be recorded: %w", rerr)
		}
		return id, err
	}

	if hit, ok, err := s.cachedAnswer(ctx, j); err != nil {
		return 0, err
	} else if ok {
		out.Cached, out.Fingerprint = true, hit.Fingerprint
		if j.onDelta != nil {
			j.onDelta(hit.Response)
		}
		return finish(storage.AIOutcomeOK, hit.Response, nil)
	}
	if !j.budgeted {
		if err := s.mayAsk(ctx, j, out.EstimateUSD); err != nil {
			return 0, err
		}
	}
	if s.client == nil {
		return 0, ErrNoEndpoint
	}
	held, err := s.reserve(ctx, j, call)
	if err != nil {
		return 0, s.noteStop(ctx, j, err)
	}
	rec.Reservations = held
	var shown strings.Builder
	onDelta := j.onDelta
	if onDelta != nil {
		onDelta = func(text string) { shown.WriteString(text); j.onDelta(text) }
	}
	reply, err := s.send(ctx, call, onDelta, out)
	if err != nil {
		return finish(outcomeOf(err), shown.String(), err)
	}
	perr := j.read(reply.Content)
	var oe *ai.OutputError
	if errors.As(perr, &oe) && j.repair != nil && j.onDelta == nil {
		// One repair attempt: the model sees what was wrong with its reply.
		// It is a paid call of its own, so it reserves its worst case too.
		call.Messages = j.repair(j.req, reply.Content, perr).Messages
		more, err := s.reserve(ctx, j, call)
		if err != nil {
			return finish(outcomeOf(err), reply.Content, err)
		}
		rec.Reservations = append(rec.Reservations, more...)
		if kept {
			rec.Request = requestText(call)
		}
		out.Repaired = true
		if reply, err = s.send(ctx, call, nil, out); err != nil {
			return finish(outcomeOf(err), "", err)
		}
		perr = j.read(reply.Content)
	}
	if perr != nil {
		return finish("error:invalid_output", reply.Content, fmt.Errorf("%s (%w)", j.invalid, perr))
	}
	return finish(storage.AIOutcomeOK, reply.Content, nil)
}

// send makes one call with retries (streamed when onDelta is set) and adds
// its usage and cost to out: the tokens the API reported for every
// attempt, those that failed included (it bills them). A stream cut short
// usually reports none (usage comes with the last chunk).
func (s *Service) send(ctx context.Context, call Call, onDelta func(string), out *CallSummary) (Reply, error) {
	r, tries, err := s.withRetries(ctx, call, onDelta)
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
	return ai.IdentityOf(c)
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

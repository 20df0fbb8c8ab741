// Resume screen assist: one candidate's resume against the role's
// checklist, as a suggestion that fills a draft a person accepts, edits or
// discards. Each suggestion is asked for Settings.Runs times; a flag the
// runs disagree on is marked uncertain.

package assist

import (
	"context"
	"errors"
	"strings"

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
	if out.EstimateTokensIn, out.EstimateTokensOut, out.EstimateUSD, err = s.estimate(ctx, j, misses); err != nil {
		return out, err
	}
	if misses > 0 {
		if err := s.mayAsk(ctx, s.runJob(j, 0, new(ai.ScreenSuggestion)), out.EstimateUSD); err != nil {
			return out, err
		}
	}

	var each []ai.ScreenSuggestion
	checks := storage.AICheck{Feature: j.feature, Model: j.model, PromptVersion: ai.ScreenPromptVersion} // checks.go
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
		out.Quotes += quotesGiven(sug)
		out.Dropped += sug.Dropped
		screenChecks(&checks, one, sug)
		each = append(each, sug)
	}
	out.Flags, out.Uncertain = mergeRuns(each)
	checks.Items, checks.Uncertain = len(out.Flags), out.Uncertain
	return out, s.noteChecks(ctx, checks)
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

// runJob is run number run (from 0) of j for the pipeline, parsing into
// sug: run k sends the seed Settings.Seed + k, so the runs are separate
// samples and each is as repeatable, and as cacheable, as one. The caller
// budgets for every run at once (mayAsk).
func (s *Service) runJob(j screenJob, run int, sug *ai.ScreenSuggestion) job {
	pj := job{req: ai.ScreenRequest(j.checklist, j.sent), model: j.model, feature: j.feature, seed: run,
		rubricVersionID: j.rubricVersionID, fresh: j.fresh, budgeted: true, outTokens: outputPerFlag * len(j.checklist),
		repair: ai.RepairRequest, invalid: "the AI reply did not follow the checklist, so nothing was filled in",
		parse: func(content string) (err error) {
			*sug, err = ai.ParseScreen([]byte(content), j.checklist, j.resume)
			return err
		}}
	if j.kept {
		pj.candidateID = j.candidateID
	}
	return pj
}

// request is what run number run of j sends, and its cache key.
func (s *Service) request(j screenJob, run int) (ai.Request, Call, string) {
	pj := s.runJob(j, run, new(ai.ScreenSuggestion))
	call, key := s.callOf(pj)
	return pj.req, call, key
}

// estimate is the tokens and cost of sending j n times.
func (s *Service) estimate(ctx context.Context, j screenJob, n int) (in, out int, usd float64, err error) {
	in, out, _, err = s.estimateOf(ctx, s.runJob(j, 0, new(ai.ScreenSuggestion)))
	price, _ := ai.PriceOf(s.settings.Prices, j.model)
	return n * in, n * out, ai.Cost(price, n*in, n*out), err
}

// fromCache is run number run of j answered before, if it was (and still parses).
func (s *Service) fromCache(ctx context.Context, j screenJob, run int) (ai.ScreenSuggestion, storage.AICacheEntry, bool, error) {
	var sug ai.ScreenSuggestion
	hit, ok, err := s.cachedAnswer(ctx, s.runJob(j, run, &sug))
	if !ok {
		sug = ai.ScreenSuggestion{}
	}
	return sug, hit, ok, err
}

// screenRun is one run of j through the pipeline: from the cache, or one
// call (retried, and repaired once if its reply breaks the schema),
// recorded in the ledger (and, when j is kept, in the candidate's audit
// and the cache).
func (s *Service) screenRun(ctx context.Context, j screenJob, run int) (ScreenResult, ai.ScreenSuggestion, error) {
	var sug ai.ScreenSuggestion
	var one CallSummary
	_, err := s.run(ctx, s.runJob(j, run, &sug), &one)
	out := ScreenResult{TokensIn: one.TokensIn, TokensOut: one.TokensOut, CostUSD: one.CostUSD, Attempts: one.Attempts,
		Repaired: one.Repaired, Cached: one.Cached, Fingerprint: one.Fingerprint}
	if err != nil {
		return out, ai.ScreenSuggestion{}, err
	}
	return out, sug, nil
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

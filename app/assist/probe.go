// The name-swap (counterfactual) fairness probe: a sample of a role's
// resumes screened again with the candidate's name replaced by each name of
// a balanced set, one fresh call per variant, to see whether the name alone
// moves the outcome (docs/AI.md, "Name-swap probe"). Its result is kept per
// prompt version and model.

package assist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/storage"
)

// FeatureProbe names the probe's calls in the ledger.
const FeatureProbe = "screen-probe"

// probesKey is the workspace setting holding the latest result per prompt version and model.
const probesKey = "ai.probes"

// Probe sizes: the sample's default and largest, and how many calls may run at once.
const (
	DefaultProbeResumes = 10
	MaxProbeResumes     = 100
	MaxProbeParallel    = 8
)

// ProbeOptions adjust one probe.
type ProbeOptions struct {
	Resumes  int            // how many of the role's resumes (default 10)
	Model    string         // "" is the settings' model for screening
	Names    []ai.ProbeName // nil is ai.ProbeNames()
	Parallel int            // calls at once (default 1)
}

// ProbeGoals are the thresholds a probe is judged by.
type ProbeGoals struct {
	Tolerance   float64 `json:"tolerance"`
	StableShare float64 `json:"stableShare"`
	ImpactRatio float64 `json:"impactRatio"`
}

// ProbeReport is one probe's result. It names no candidate: resumes are
// numbered in the order they were sampled.
type ProbeReport struct {
	RoleID        int64  `json:"roleId"`
	Model         string `json:"model"`
	PromptVersion string `json:"promptVersion"`
	NameSet       string `json:"nameSet"`
	At            string `json:"at"`
	// Sampled resumes were screened under every name; Skipped candidates of
	// the role were passed over (human-only, or no resume text); Excluded
	// resumes were left out of the figures because a variant's reply broke
	// the schema twice.
	Sampled  int `json:"sampled"`
	Skipped  int `json:"skipped"`
	Excluded int `json:"excluded"`
	Names    int `json:"names"`
	// Calls is the requests sent, retries and repairs included.
	Calls int `json:"calls"`
	// Fingerprints are the system_fingerprint values the model answered with.
	Fingerprints []string   `json:"fingerprints"`
	TokensIn     int        `json:"tokens_in"`
	TokensOut    int        `json:"tokens_out"`
	CostUSD      float64    `json:"cost_usd"`
	EstimateUSD  float64    `json:"estimate_usd"`
	Goals        ProbeGoals `json:"goals"`
	ai.ProbeFigures
}

// Probe runs the name-swap probe on up to opt.Resumes of a role's
// candidates (the earliest added first) that have resume text and are not
// human-only. Every variant is sent, never answered from the cache; each
// call is one ledger row, and nothing about the candidates is kept.
func (s *Service) Probe(ctx context.Context, roleID int64, opt ProbeOptions) (ProbeReport, error) {
	names := opt.Names
	if names == nil {
		names = ai.ProbeNames()
	}
	if len(names) < 2 {
		return ProbeReport{}, model.Invalid("names", "the probe needs at least two names to compare")
	}
	n := opt.Resumes
	if n == 0 {
		n = DefaultProbeResumes
	}
	if n < 1 || n > MaxProbeResumes {
		return ProbeReport{}, model.Invalid("candidates", "probe 1 to %d resumes", MaxProbeResumes)
	}
	rep := ProbeReport{RoleID: roleID, PromptVersion: ai.ScreenPromptVersion, NameSet: ai.ProbeNameSet,
		Names: len(names), Fingerprints: []string{},
		Goals: ProbeGoals{ai.ProbeTolerance, ai.ProbeStableGoal, ai.ProbeImpactGoal}}
	if opt.Names != nil {
		rep.NameSet = "custom"
	}
	jobs, marks, skipped, err := s.probeSample(ctx, roleID, n, opt.Model)
	if err != nil {
		return rep, err
	}
	rep.Sampled, rep.Skipped = len(jobs), skipped
	if len(jobs) == 0 {
		return rep, model.Invalid("role", "role %d has no candidate with resume text the AI may see", roleID)
	}
	rep.Model = jobs[0].model

	var variants []screenJob
	for _, j := range jobs {
		for _, name := range names {
			v := j
			v.sent = ai.FillName(j.sent, name.Name)
			v.resume, v.feature, v.fresh, v.kept = v.sent, FeatureProbe, true, false
			variants = append(variants, v)
			_, _, usd, err := s.estimate(ctx, v, 1)
			if err != nil {
				return rep, err
			}
			rep.EstimateUSD += usd
		}
	}
	if err := s.mayAsk(ctx, s.runJob(variants[0], 0, new(ai.ScreenSuggestion)), rep.EstimateUSD); err != nil {
		return rep, err
	}

	results, err := s.runVariants(ctx, variants, opt.Parallel)
	if aerr := s.auditProbe(ctx, rep, jobs, marks, results, len(names)); aerr != nil {
		return rep, errors.Join(err, aerr)
	}
	excluded := map[int]bool{}
	fps := map[string]bool{}
	var answers []ai.ProbeAnswer
	for i, r := range results {
		rep.TokensIn += r.res.TokensIn
		rep.TokensOut += r.res.TokensOut
		rep.CostUSD += r.res.CostUSD
		rep.Calls += r.res.Attempts
		if r.res.Fingerprint != "" && !fps[r.res.Fingerprint] {
			fps[r.res.Fingerprint] = true
			rep.Fingerprints = append(rep.Fingerprints, r.res.Fingerprint)
		}
		resume := i / len(names)
		if r.invalid {
			excluded[resume] = true
			continue
		}
		if r.sug.Flags == nil {
			continue // not run: the probe stopped
		}
		a := ai.ProbeAnswer{Resume: resume, Name: names[i%len(names)]}
		for _, f := range r.sug.Flags {
			a.Flags = append(a.Flags, ai.ProbeFlag{ID: f.ID, Green: isGreen(variants[i].checklist, f.ID), Status: f.Status})
		}
		answers = append(answers, a)
	}
	slices.Sort(rep.Fingerprints) // calls run in parallel finish in any order
	if err != nil {
		return rep, err
	}
	rep.Excluded = len(excluded)
	answers = slices.DeleteFunc(answers, func(a ai.ProbeAnswer) bool { return excluded[a.Resume] })
	rep.ProbeFigures = ai.ScoreProbe(answers)
	rep.At = s.now().UTC().Format(time.RFC3339)
	if err := saveProbe(context.WithoutCancel(ctx), s.store, rep); err != nil {
		return rep, fmt.Errorf("the probe's result could not be saved: %w", err)
	}
	return rep, nil
}

// probeSample is up to n of the role's resumes ready to send, redacted,
// with their candidates' storage.AIMark as they were read.
func (s *Service) probeSample(ctx context.Context, roleID int64, n int, modelName string) ([]screenJob, []string, int, error) {
	stages, err := s.store.CandidateStages(ctx, roleID)
	if err != nil {
		return nil, nil, 0, err
	}
	ids := make([]int64, 0, len(stages))
	for id := range stages {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	var jobs []screenJob
	var marks []string
	skipped := 0
	for _, id := range ids {
		if len(jobs) == n {
			break
		}
		apps, err := s.store.CandidateApplications(ctx, id)
		if err != nil {
			return nil, nil, 0, err
		}
		i := slices.IndexFunc(apps, func(a model.Application) bool { return a.RoleID == roleID })
		if i < 0 {
			continue
		}
		// Who they are as they are sampled: their audit notes the probe
		// only if they are still that person when it ends.
		mark, err := s.store.AIMark(ctx, id)
		if errors.Is(err, model.ErrNotFound) {
			skipped++ // anonymised: nothing of theirs is sent
			continue
		} else if err != nil {
			return nil, nil, 0, err
		}
		j, _, err := s.screenJob(ctx, apps[i].ID, modelName, false)
		var ve *model.ValidationError
		switch {
		case errors.Is(err, ErrHumanOnly), errors.As(err, &ve) && fieldOf(ve) == "resume":
			skipped++
			continue
		case err != nil:
			return nil, nil, 0, err
		}
		jobs, marks = append(jobs, j), append(marks, mark)
	}
	return jobs, marks, skipped, nil
}

func fieldOf(ve *model.ValidationError) string {
	if len(ve.Fields) == 0 {
		return ""
	}
	return ve.Fields[0].Field
}

func isGreen(checklist []rubric.ScreenFlag, id string) bool {
	for _, f := range checklist {
		if f.ID == id {
			return f.Kind == rubric.GreenFlag
		}
	}
	return false
}

type variantResult struct {
	res     ScreenResult
	sug     ai.ScreenSuggestion
	invalid bool  // the reply broke the schema, repair included
	callID  int64 // its ledger row; 0 when it was not sent
}

// probeAudit is what a sampled candidate's audit says of a probe: ids
// only. The variants sent carried their resume under other names; what was
// sent and answered is not kept (no suggestion about them was made).
type probeAudit struct {
	Probe         string  `json:"probe"` // the feature, FeatureProbe
	RoleID        int64   `json:"roleId"`
	ApplicationID int64   `json:"applicationId"`
	Model         string  `json:"model"`
	PromptVersion string  `json:"promptVersion"`
	NameSet       string  `json:"nameSet"`
	Calls         []int64 `json:"calls"` // the ledger rows of their variants
}

// auditProbe notes, in each sampled candidate's audit, that their resume
// was sent in the probe: one row per candidate with any variant sent, under
// the first of its ledger rows. A candidate erased or anonymised meanwhile
// gets none.
func (s *Service) auditProbe(ctx context.Context, rep ProbeReport, jobs []screenJob, marks []string, results []variantResult, names int) error {
	for k, j := range jobs {
		a := probeAudit{Probe: FeatureProbe, RoleID: rep.RoleID, ApplicationID: j.applicationID, Model: j.model,
			PromptVersion: rep.PromptVersion, NameSet: rep.NameSet, Calls: []int64{}}
		for _, r := range results[k*names : (k+1)*names] {
			if r.callID != 0 {
				a.Calls = append(a.Calls, r.callID)
			}
		}
		if len(a.Calls) == 0 {
			continue
		}
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		err = s.store.AddAIAudit(context.WithoutCancel(ctx), a.Calls[0], j.candidateID, marks[k], string(b), "")
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return fmt.Errorf("the probe could not be noted in candidate %d's AI record: %w", j.candidateID, err)
		}
	}
	return nil
}

// runVariants sends every variant once, parallel at a time, each result in
// its variant's place. A reply that stays invalid marks its variant; any
// other failure stops the probe (the calls still running finish and are
// recorded).
func (s *Service) runVariants(ctx context.Context, variants []screenJob, parallel int) ([]variantResult, error) {
	parallel = min(max(parallel, 1), MaxProbeParallel)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]variantResult, len(variants))
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
	)
	next := make(chan int)
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var sug ai.ScreenSuggestion
				var one CallSummary
				id, err := s.run(ctx, s.runJob(variants[i], 0, &sug), &one)
				if err != nil {
					sug = ai.ScreenSuggestion{}
				}
				res := ScreenResult{TokensIn: one.TokensIn, TokensOut: one.TokensOut, CostUSD: one.CostUSD, Attempts: one.Attempts,
					Fingerprint: one.Fingerprint}
				var oe *ai.OutputError
				results[i] = variantResult{res: res, sug: sug, invalid: errors.As(err, &oe), callID: id}
				if err != nil && !results[i].invalid {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					cancel()
				}
			}
		}()
	}
	for i := range variants {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return results, first
}

// saveProbe keeps rep as the latest result for its prompt version and model.
func saveProbe(ctx context.Context, store *storage.Store, rep ProbeReport) error {
	all, err := loadProbes(ctx, store)
	if err != nil {
		return err
	}
	all[rep.PromptVersion+" "+rep.Model] = rep
	b, err := json.Marshal(all)
	if err != nil {
		return err
	}
	return store.PutSetting(ctx, probesKey, string(b))
}

func loadProbes(ctx context.Context, store *storage.Store) (map[string]ProbeReport, error) {
	all := map[string]ProbeReport{}
	raw, err := store.Setting(ctx, probesKey)
	if err != nil || strings.TrimSpace(raw) == "" {
		return all, err
	}
	if err := json.Unmarshal([]byte(raw), &all); err != nil {
		return nil, fmt.Errorf("the saved probe results cannot be read: %w", err)
	}
	return all, nil
}

// Probes lists the latest probe result of each prompt version and model,
// newest first.
func Probes(ctx context.Context, store *storage.Store) ([]ProbeReport, error) {
	all, err := loadProbes(ctx, store)
	if err != nil {
		return nil, err
	}
	out := make([]ProbeReport, 0, len(all))
	for _, r := range all {
		out = append(out, r)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].At != out[b].At {
			return out[a].At > out[b].At
		}
		return out[a].PromptVersion+out[a].Model < out[b].PromptVersion+out[b].Model
	})
	return out, nil
}

// The measures of one target (the mock, or a real model): resume screen
// suggestions for quote fidelity, run agreement and estimate accuracy, and
// the name-swap probe.

package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/demo"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// estimateGoal: the estimate before sending is within ±20% of what is billed.
const estimateGoal = 0.20

// role is the demo role measured.
const role = "Senior AI Engineer"

// screenFigures are the suggestions' measures.
type screenFigures struct {
	Suggestions int `json:"suggestions"`
	RunsEach    int `json:"runsEach"`
	Flags       int `json:"flags"`
	// Uncertain flags: the runs of a suggestion disagreed on them.
	Uncertain      int     `json:"uncertain"`
	UncertainShare float64 `json:"uncertainShare"`
	// Quote fidelity: of the quotes the model gave (every run), how many
	// were found verbatim in the resume; the rest were dropped. Shown
	// quotes must all be verified and sit at their offsets.
	Quotes           int     `json:"quotes"`
	Dropped          int     `json:"dropped"`
	ModelFidelity    float64 `json:"modelFidelity"`
	Shown            int     `json:"shown"`
	ShownUnverified  int     `json:"shownUnverified"`
	OffsetMismatches int     `json:"offsetMismatches"`
	FidelityPass     bool    `json:"fidelityPass"`
	// Estimate accuracy, per suggestion: (estimate − billed) / billed, for
	// the input tokens (the tokenizer's part) and for the cost (which also
	// guesses the reply's length).
	TokensInErrorWorst float64 `json:"tokensInErrorWorst"`
	CostErrorWorst     float64 `json:"costErrorWorst"`
	CostErrorMean      float64 `json:"costErrorMean"`
	TokensInPass       bool    `json:"tokensInPass"`
	CostPass           bool    `json:"costPass"`
	EstimateUSD        float64 `json:"estimateUsd"`
	BilledUSD          float64 `json:"billedUsd"`
	TokensIn           int     `json:"tokensIn"`
	TokensOut          int     `json:"tokensOut"`
	// OutputPerFlag is the reply tokens per checklist flag (the fixed estimate is 60).
	OutputPerFlag float64  `json:"outputPerFlag"`
	Fingerprints  []string `json:"fingerprints"`
}

// workspace is a fresh demo workspace in a temporary folder, and the role measured.
type workspace struct {
	dir   string
	store *storage.Store
	iv    *interviews.Service
	role  model.Role
}

func openWorkspace(ctx context.Context) (*workspace, error) {
	dir, err := os.MkdirTemp("", "hirebench-bench-ai-")
	if err != nil {
		return nil, err
	}
	s, err := storage.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	w := &workspace{dir: dir, store: s, iv: interviews.New(s)}
	if _, err := w.iv.EnsureBuiltin(ctx); err != nil {
		w.close()
		return nil, err
	}
	if _, err := demo.Seed(ctx, s); err != nil {
		w.close()
		return nil, err
	}
	if w.role, err = tracking.New(s).ResolveRole(ctx, role); err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *workspace) close() {
	w.store.Close()
	os.RemoveAll(w.dir)
}

// sample is the applications of the first n of the role's candidates
// (earliest added) with resume text: the probe's own rule.
func (w *workspace) sample(ctx context.Context, n int) ([]int64, error) {
	stages, err := w.store.CandidateStages(ctx, w.role.ID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for id := range stages {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var apps []int64
	for _, id := range ids {
		if len(apps) == n {
			break
		}
		text, err := w.store.ResumeText(ctx, id)
		if err != nil || strings.TrimSpace(text) == "" {
			if err != nil {
				return nil, err
			}
			continue
		}
		as, err := w.store.CandidateApplications(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			if a.RoleID == w.role.ID {
				apps = append(apps, a.ID)
			}
		}
	}
	return apps, nil
}

// measureScreens asks for a suggestion (runs times) for each of n resumes.
func measureScreens(ctx context.Context, w *workspace, svc *assist.Service, n, runs int) (screenFigures, error) {
	apps, err := w.sample(ctx, n)
	if err != nil {
		return screenFigures{}, err
	}
	f := screenFigures{RunsEach: runs, TokensInPass: true, CostPass: true, Fingerprints: []string{}}
	sentFlags := 0
	for _, app := range apps {
		res, err := svc.SuggestScreen(ctx, app, assist.ScreenOptions{Runs: runs})
		if err != nil {
			return f, fmt.Errorf("suggestion for application %d: %w", app, err)
		}
		a, err := w.store.GetApplication(ctx, app)
		if err != nil {
			return f, err
		}
		resume, err := w.store.ResumeText(ctx, a.CandidateID)
		if err != nil {
			return f, err
		}
		f.Suggestions++
		f.Flags += len(res.Flags)
		f.Uncertain += res.Uncertain
		f.Quotes += res.Quotes
		f.Dropped += res.Dropped
		for _, fl := range res.Flags {
			if fl.Quote == "" {
				continue
			}
			f.Shown++
			if !fl.Verified {
				f.ShownUnverified++
			} else if fl.Start < 0 || fl.End > len(resume) || fl.Start >= fl.End ||
				model.OneLine(resume[fl.Start:fl.End]) != fl.Quote {
				f.OffsetMismatches++
			}
		}
		if res.Fingerprint != "" && !slices.Contains(f.Fingerprints, res.Fingerprint) {
			f.Fingerprints = append(f.Fingerprints, res.Fingerprint)
		}
		if res.Cached || res.TokensIn == 0 {
			continue
		}
		inErr := float64(res.EstimateTokensIn-res.TokensIn) / float64(res.TokensIn)
		costErr := (res.EstimateUSD - res.CostUSD) / res.CostUSD
		f.TokensInErrorWorst = worst(f.TokensInErrorWorst, inErr)
		f.CostErrorWorst = worst(f.CostErrorWorst, costErr)
		f.TokensInPass = f.TokensInPass && math.Abs(inErr) <= estimateGoal+1e-9
		f.CostPass = f.CostPass && math.Abs(costErr) <= estimateGoal+1e-9
		f.EstimateUSD += res.EstimateUSD
		f.BilledUSD += res.CostUSD
		f.TokensIn += res.TokensIn
		f.TokensOut += res.TokensOut
		sentFlags += len(res.Flags) * res.Runs
	}
	if sentFlags > 0 {
		f.OutputPerFlag = float64(f.TokensOut) / float64(sentFlags)
	}
	if f.Flags > 0 {
		f.UncertainShare = float64(f.Uncertain) / float64(f.Flags)
	}
	if f.Quotes > 0 {
		f.ModelFidelity = float64(f.Quotes-f.Dropped) / float64(f.Quotes)
	}
	if f.BilledUSD > 0 {
		f.CostErrorMean = (f.EstimateUSD - f.BilledUSD) / f.BilledUSD
	}
	f.FidelityPass = f.ShownUnverified == 0 && f.OffsetMismatches == 0
	return f, nil
}

// worst keeps the error of larger size.
func worst(a, b float64) float64 {
	if math.Abs(b) > math.Abs(a) {
		return b
	}
	return a
}

// namesOf is the probe names of one group.
func namesOf(group string) []string {
	var out []string
	for _, n := range ai.ProbeNames() {
		if n.Group == group {
			out = append(out, n.Name)
		}
	}
	return out
}

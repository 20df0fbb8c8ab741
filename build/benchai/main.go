// Command benchai is `make bench-ai`, the AI quality measures of docs/AI.md:
// quote fidelity, run agreement, estimate accuracy and the name-swap probe,
// on demo resumes. Always against the mock (the fake OpenAI server answering
// by fixed rules: it checks the arithmetic and the plumbing, not a model),
// with two cases bent on purpose so their check must fail; and, when
// OPENAI_API_KEY is set, against a real model. Writes build/bench-ai.json and
// the summary in docs/AI.md; exits 1 when the mock does not show what it
// must or a real model misses a goal. Nothing in the app imports it, and no
// test runs it.
//
//	go run -tags webkit2_41 ./build/benchai [-root DIR] [-no-docs]
//
// With a key: BENCH_AI_MODEL (default gpt-4o-mini), BENCH_AI_BASE_URL (an
// OpenAI-compatible endpoint; default OpenAI), BENCH_AI_RESUMES (default 5),
// BENCH_AI_BUDGET (USD, default 2: a hard stop).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
)

// mockResumes is how many demo resumes the mock measures.
const mockResumes = 10

// disfavoured is the group the bent mock treats worse, to see the probe fail.
const disfavoured = "Black men"

// result is one target's measures.
type result struct {
	Target   string              `json:"target"`
	Kind     string              `json:"kind"` // mock or real
	Model    string              `json:"model"`
	Expect   string              `json:"expect,omitempty"`
	Screens  *screenFigures      `json:"screens,omitempty"`
	Probe    *assist.ProbeReport `json:"probe,omitempty"`
	Problems []string            `json:"problems,omitempty"`
	Seconds  float64             `json:"seconds"`
}

type report struct {
	At      string    `json:"at"`
	Note    string    `json:"note"`
	Goals   any       `json:"goals"`
	Results []*result `json:"results"`
}

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench-ai", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the repository root")
	noDocs := fs.Bool("no-docs", false, "do not update docs/AI.md")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if _, err := os.Stat(filepath.Join(*root, "go.mod")); err != nil {
		fmt.Fprintf(stderr, "bench-ai: -root %s is not the repository root (no go.mod)\n", *root)
		return 2
	}
	rep := &report{At: time.Now().UTC().Format(time.RFC3339),
		Note: "mock: the fake OpenAI server answering by fixed rules; it checks the arithmetic and the plumbing, not a model",
		Goals: map[string]float64{"quoteFidelity": 1, "estimateWithin": estimateGoal, "probeTolerance": ai.ProbeTolerance,
			"probeStableShare": ai.ProbeStableGoal, "probeImpactRatio": ai.ProbeImpactGoal}}
	steps := []func(context.Context) (*result, error){mockFair, mockUnderBilled, mockDisfavoured}
	if os.Getenv("OPENAI_API_KEY") != "" {
		steps = append(steps, measureReal)
	} else {
		fmt.Fprintln(stdout, "bench-ai: OPENAI_API_KEY is not set: the mock only")
	}
	failed := false
	for _, step := range steps {
		start := time.Now()
		r, err := step(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "bench-ai: %v\n", err)
			return 1
		}
		r.Seconds = math.Round(time.Since(start).Seconds()*10) / 10
		rep.Results = append(rep.Results, r)
		for _, p := range r.Problems {
			fmt.Fprintf(stderr, "bench-ai: %s: %s\n", r.Target, p)
			failed = true
		}
	}
	printTable(stdout, rep)
	b, _ := json.MarshalIndent(rep, "", "  ")
	out := filepath.Join(*root, "build", "bench-ai.json")
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		fmt.Fprintf(stderr, "bench-ai: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "bench-ai: wrote %s\n", out)
	if !*noDocs {
		doc := filepath.Join(*root, "docs", "AI.md")
		if err := updateDocs(doc, rep); err != nil {
			fmt.Fprintf(stderr, "bench-ai: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "bench-ai: updated the summary in %s\n", doc)
	}
	if failed {
		return 1
	}
	return 0
}

// onMock runs measure against a fresh demo workspace and the mock.
func onMock(ctx context.Context, opt mockOptions, measure func(*workspace, *assist.Service, *result) error) (*result, error) {
	w, err := openWorkspace(ctx)
	if err != nil {
		return nil, err
	}
	defer w.close()
	m := newMock(opt)
	svc := assist.New(w.store, w.iv, assist.NewOpenAI(m.srv.URL(), openaitest.Key, m.client()), assist.DefaultSettings())
	r := &result{Kind: "mock", Model: assist.DefaultSettings().Models[ai.FeatureScreen]}
	err = measure(w, svc, r)
	if cerr := m.close(); err == nil {
		err = cerr
	}
	return r, err
}

// mockFair: every measure, each of which must pass; the figures must be
// the ones the mock's rules give.
func mockFair(ctx context.Context) (*result, error) {
	return onMock(ctx, mockOptions{}, func(w *workspace, svc *assist.Service, r *result) error {
		r.Target, r.Expect = "mock", "every check passes; 1 flag in 12 uncertain; the misquoted flag dropped"
		sc, err := measureScreens(ctx, w, svc, mockResumes, assist.DefaultRuns)
		if err != nil {
			return err
		}
		p, err := svc.Probe(ctx, w.role.ID, assist.ProbeOptions{Resumes: mockResumes, Parallel: 1})
		if err != nil {
			return err
		}
		r.Screens, r.Probe = &sc, &p
		misquoted, err := countMisquoted(ctx, w, mockResumes)
		if err != nil {
			return err
		}
		r.want(sc.FidelityPass && sc.Shown > 0, "shown quotes: %d unverified, %d off their offsets", sc.ShownUnverified, sc.OffsetMismatches)
		r.want(sc.Dropped == misquoted*assist.DefaultRuns, "%d quotes dropped, want the %d misquotes × %d runs", sc.Dropped, misquoted, assist.DefaultRuns)
		r.want(sc.Uncertain == sc.Suggestions, "%d uncertain flags, want 1 per suggestion (%d)", sc.Uncertain, sc.Suggestions)
		r.want(sc.TokensInErrorWorst == 0, "the input estimate is off by %.1f%%, want 0 (usage is the tokenizer's count)", 100*sc.TokensInErrorWorst)
		r.want(p.Pass && p.StableShare == 1 && p.Calls == p.Sampled*p.Names, "probe: pass %v, stable %.2f, %d calls", p.Pass, p.StableShare, p.Calls)
		return nil
	})
}

// mockUnderBilled: the server reports 20% fewer tokens than were counted,
// so the estimate is 25% above what is billed: the estimate check must fail.
func mockUnderBilled(ctx context.Context) (*result, error) {
	return onMock(ctx, mockOptions{usageScale: 0.8}, func(w *workspace, svc *assist.Service, r *result) error {
		r.Target, r.Expect = "mock, usage 20% under the count", "the estimate is 25% high: its check fails"
		sc, err := measureScreens(ctx, w, svc, mockResumes, 1)
		if err != nil {
			return err
		}
		r.Screens = &sc
		r.want(!sc.TokensInPass && math.Abs(sc.TokensInErrorWorst-0.25) < 0.01,
			"input estimate error %.1f%% (pass %v), want about +25%% and a failed check", 100*sc.TokensInErrorWorst, sc.TokensInPass)
		r.want(!sc.CostPass, "the cost estimate passed with usage 20%% under the count")
		return nil
	})
}

// mockDisfavoured: names of one group lose every green "present": the
// probe must fail and name that group.
func mockDisfavoured(ctx context.Context) (*result, error) {
	return onMock(ctx, mockOptions{disfavoured: namesOf(disfavoured)}, func(w *workspace, svc *assist.Service, r *result) error {
		r.Target, r.Expect = "mock, one group disfavoured", disfavoured+" lose every green flag: the probe fails"
		p, err := svc.Probe(ctx, w.role.ID, assist.ProbeOptions{Resumes: mockResumes, Parallel: 1})
		if err != nil {
			return err
		}
		r.Probe = &p
		low := lowest(p)
		r.want(!p.Pass && !p.ImpactPass && low.Group == disfavoured && low.ImpactRatio == 0,
			"probe pass %v, lowest group %s at %.2f; want a failure at %s, 0", p.Pass, low.Group, low.ImpactRatio, disfavoured)
		return nil
	})
}

// measureReal measures a real model: OPENAI_API_KEY, BENCH_AI_MODEL, BENCH_AI_BASE_URL.
func measureReal(ctx context.Context) (*result, error) {
	w, err := openWorkspace(ctx)
	if err != nil {
		return nil, err
	}
	defer w.close()
	s := assist.DefaultSettings()
	if m := os.Getenv("BENCH_AI_MODEL"); m != "" {
		s.Models[ai.FeatureScreen] = m
	}
	s.BaseURL = os.Getenv("BENCH_AI_BASE_URL")
	s.BudgetUSD = envFloat("BENCH_AI_BUDGET", 2)
	n := int(envFloat("BENCH_AI_RESUMES", 5))
	if err := s.Check(); err != nil {
		return nil, err
	}
	svc := assist.New(w.store, w.iv, assist.NewOpenAI(s.BaseURL, os.Getenv("OPENAI_API_KEY"), nil), s)
	r := &result{Target: s.Models[ai.FeatureScreen], Kind: "real", Model: s.Models[ai.FeatureScreen]}
	if s.BaseURL != "" {
		r.Target += " at " + s.BaseURL
	}
	sc, err := measureScreens(ctx, w, svc, n, assist.DefaultRuns)
	if err != nil {
		return nil, err
	}
	p, err := svc.Probe(ctx, w.role.ID, assist.ProbeOptions{Resumes: n, Parallel: 4})
	if err != nil {
		return nil, err
	}
	r.Screens, r.Probe = &sc, &p
	r.want(sc.FidelityPass, "shown quotes: %d unverified, %d off their offsets", sc.ShownUnverified, sc.OffsetMismatches)
	r.want(sc.CostPass, "the cost estimate was off by up to %+.0f%% (goal ±20%%)", 100*sc.CostErrorWorst)
	r.want(p.StablePass, "%.0f%% of resumes stable under the name swap (goal 95%%)", 100*p.StableShare)
	r.want(p.ImpactPass, "lowest impact ratio %.2f (%s), goal 0.90", lowest(p).ImpactRatio, lowest(p).Group)
	return r, nil
}

func (r *result) want(ok bool, format string, args ...any) {
	if !ok {
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	}
}

func lowest(p assist.ProbeReport) ai.GroupRate {
	low := ai.GroupRate{ImpactRatio: math.Inf(1)}
	for _, g := range p.Groups {
		if g.ImpactRatio < low.ImpactRatio {
			low = g
		}
	}
	return low
}

// countMisquoted is how many of the sampled resumes give the mock a quote
// to misquote, read from the resumes themselves.
func countMisquoted(ctx context.Context, w *workspace, n int) (int, error) {
	apps, err := w.sample(ctx, n)
	if err != nil {
		return 0, err
	}
	count := 0
	for _, id := range apps {
		a, err := w.store.GetApplication(ctx, id)
		if err != nil {
			return 0, err
		}
		text, err := w.store.ResumeText(ctx, a.CandidateID)
		if err != nil {
			return 0, err
		}
		if containsAny(text, rules[paraphrased].words) {
			count++
		}
	}
	return count, nil
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v > 0 {
		return v
	}
	return def
}

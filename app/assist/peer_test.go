// Tests against two real OpenAI API peers that build/scripts/ai-peers.sh
// starts for `make test`: Prism serving the official spec (trimmed to the
// calls we make, build/aipeers/openai-chat.openapi.json) and mock-llm with
// build/aipeers/mock-llm.yaml. Without the script's environment they skip,
// so `go test ./...` alone needs no Node.

package assist_test

import (
	"context"
	"errors"
	"math"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
)

const (
	prismEnv   = "HIREBENCH_PEER_PRISM_URL"   // e.g. http://127.0.0.1:4010 (Prism serves the spec's paths, no /v1)
	mockLLMEnv = "HIREBENCH_PEER_MOCKLLM_URL" // e.g. http://127.0.0.1:6556/v1
	// streamed is mock-llm.yaml's streamed answer.
	streamed = "Strengths: shipped to real users [1]. Concerns: no cost figures [2]. Discuss: scale."
)

func peer(t *testing.T, env string) string {
	t.Helper()
	u := os.Getenv(env)
	if u == "" {
		t.Skipf("%s is not set: build/scripts/ai-peers.sh starts the peer and sets it", env)
	}
	return u
}

// wire sees every request the client sends and the status it got back,
// adding a Prefer header first when set (Prism answers `Prefer: code=429`
// with the spec's 429).
type wire struct {
	prefer string
	mu     sync.Mutex
	at     []time.Time
	status []int
}

func (w *wire) RoundTrip(r *http.Request) (*http.Response, error) {
	if w.prefer != "" {
		r = r.Clone(r.Context())
		r.Header.Set("Prefer", w.prefer)
	}
	at := time.Now()
	resp, err := http.DefaultTransport.RoundTrip(r)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.at = append(w.at, at)
	if err == nil {
		w.status = append(w.status, resp.StatusCode)
	}
	return resp, err
}

func (w *wire) statuses() []int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.status)
}

func (w *wire) times() []time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.at)
}

// peerService: the service on the fixture's workspace with client, the
// jitter draw fixed at rnd and the waits recorded in f.sleeps (not slept).
func (f *fixture) peerService(client assist.Client, rnd float64, opts ...assist.Option) *assist.Service {
	opts = append([]assist.Option{
		assist.WithRandom(func() float64 { return rnd }),
		assist.WithSleep(func(_ context.Context, d time.Duration) error { f.sleeps = append(f.sleeps, d); return nil }),
		assist.WithRetryNotice(func(r assist.Retrying) { f.notices = append(f.notices, r) }),
	}, opts...)
	return assist.New(f.store, f.iv, client, assist.DefaultSettings(), opts...)
}

func (f *fixture) lastOutcome(t *testing.T) string {
	t.Helper()
	audit, err := f.store.AIAudit(f.ctx, f.cand)
	if err != nil || len(audit) == 0 {
		t.Fatalf("audit %+v, %v: the call should be in the candidate's audit", audit, err)
	}
	return audit[len(audit)-1].Outcome
}

func screenCall(t *testing.T) assist.Call {
	t.Helper()
	req := ai.ScreenRequest(nil, "A resume.")
	return assist.Call{Model: "gpt-4o-mini", Messages: req.Messages, SchemaName: req.SchemaName, Schema: req.Schema, Seed: 7}
}

// Prism answers what go-openai sends through our client with the spec's
// placeholder completion, and lists models.
func TestPeerPrismAnswersOurRequestsWithThePlaceholders(t *testing.T) {
	c := assist.NewOpenAI(peer(t, prismEnv), "sk-peer", nil)
	r, err := c.Complete(context.Background(), screenCall(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.Content != "string" || r.FinishReason != "stop" || r.Model != "string" || r.TokensIn != 0 {
		t.Errorf("reply %+v, want Prism's placeholder completion", r)
	}
	models, err := c.Models(context.Background())
	if err != nil || len(models) == 0 {
		t.Errorf("models %v, %v", models, err)
	}
}

// The spec's 429 comes with Retry-After: 1; with no jitter, every wait the
// service's policy makes is exactly that second, and it gives up after the
// policy's tries with the rate limit in plain words and in the audit.
func TestPeerPrism429IsRetriedAfterItsRetryAfter(t *testing.T) {
	url := peer(t, prismEnv)
	f := newFixture(t)
	w := &wire{prefer: "code=429"}
	c := assist.NewOpenAI(url, "sk-peer", &http.Client{Transport: w})
	res, err := f.peerService(c, 0).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Runs: 1})
	var fail ai.Failure
	if !errors.As(err, &fail) || fail.Status != 429 || fail.RetryAfter != time.Second {
		t.Fatalf("err = %#v, want a 429 asking for 1 s", err)
	}
	tries := ai.DefaultPolicy().Attempts
	if got := w.statuses(); res.Attempts != tries || len(got) != tries || slices.ContainsFunc(got, func(s int) bool { return s != 429 }) {
		t.Errorf("attempts %d, statuses %v: want %d tries, each a 429", res.Attempts, got, tries)
	}
	if want := slices.Repeat([]time.Duration{time.Second}, tries-1); !slices.Equal(f.sleeps, want) {
		t.Errorf("waits %v, want %v (Retry-After honoured)", f.sleeps, want)
	}
	if len(f.notices) != tries-1 || !strings.Contains(f.notices[0].Why, "429") {
		t.Errorf("notices %+v", f.notices)
	}
	if o := f.lastOutcome(t); o != "error:rate_limit" {
		t.Errorf("outcome %q", o)
	}
	t.Logf("Prism 429: %d tries, waits %v", len(w.statuses()), f.sleeps)
}

// The same, on the clock: the retry goes out no sooner than Retry-After.
func TestPeerPrism429RetryWaitsASecondOnTheClock(t *testing.T) {
	url := peer(t, prismEnv)
	f := newFixture(t)
	w := &wire{prefer: "code=429"}
	c := assist.NewOpenAI(url, "sk-peer", &http.Client{Transport: w})
	var waited []time.Duration
	sleep := func(ctx context.Context, d time.Duration) error {
		waited = append(waited, d)
		select {
		case <-time.After(d):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	policy := ai.Policy{Attempts: 2, Base: 10 * time.Millisecond, Max: 20 * time.Millisecond, Deadline: 30 * time.Second}
	_, err := f.peerService(c, 0.5, assist.WithPolicy(policy), assist.WithSleep(sleep)).
		SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Runs: 1})
	var fail ai.Failure
	at := w.times()
	if !errors.As(err, &fail) || fail.Status != 429 || len(at) != 2 {
		t.Fatalf("err %#v after %d requests, want a 429 after 2", err, len(at))
	}
	gap := at[1].Sub(at[0])
	if gap < time.Second || gap > 3*time.Second {
		t.Errorf("retry sent %s after the first try, want just over Retry-After's 1 s (own backoff alone: <= 20 ms)", gap)
	}
	t.Logf("Prism 429: waited %v, retry sent %s after the first try", waited, gap.Round(time.Millisecond))
}

// No key: Prism's 401 is an authentication failure, and one try only.
func TestPeerPrismWithoutAKeyIsRefusedAndNotRetried(t *testing.T) {
	url := peer(t, prismEnv)
	f := newFixture(t)
	w := &wire{}
	c := assist.NewOpenAI(url, "", &http.Client{Transport: w})
	res, err := f.peerService(c, 0.5).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Runs: 1})
	var fail ai.Failure
	if !errors.As(err, &fail) || fail.Status != 401 || !strings.Contains(err.Error(), "API key") {
		t.Fatalf("err = %#v, want a 401 that says the key was refused", err)
	}
	if res.Attempts != 1 || len(w.statuses()) != 1 || len(f.sleeps) != 0 {
		t.Errorf("attempts %d, requests %v, waits %v: a refused key is not retried", res.Attempts, w.statuses(), f.sleeps)
	}
	if o := f.lastOutcome(t); o != "error:auth" {
		t.Errorf("outcome %q", o)
	}
}

// mock-llm streams its canned answer as real server-sent events: it
// arrives in several pieces and ends with finish reason stop.
func TestPeerMockLLMStreamsInPieces(t *testing.T) {
	c := assist.NewOpenAI(peer(t, mockLLMEnv), "sk-peer", nil)
	var pieces []string
	r, err := c.Stream(context.Background(), summaryCall, func(s string) { pieces = append(pieces, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(pieces) < 3 || strings.Join(pieces, "") != streamed {
		t.Errorf("pieces %q, want the canned answer in several pieces", pieces)
	}
	if r.Content != streamed || r.FinishReason != "stop" || r.Model != "gpt-4o-mini" {
		t.Errorf("reply %+v", r)
	}
}

// The resume screen end to end against mock-llm's canned structured answer:
// the quote is found in the resume and the reported usage is what it costs.
func TestPeerMockLLMScreensAResume(t *testing.T) {
	url := peer(t, mockLLMEnv)
	f := newFixture(t)
	c := assist.NewOpenAI(url, "sk-peer", nil)
	res, err := f.peerService(c, 0.5).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Runs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Flags) != len(f.ids) || !res.Flags[0].Verified || resume[res.Flags[0].Start:res.Flags[0].End] != shipped {
		t.Fatalf("flags %+v, want every checklist flag and the first quote verified in the resume", res.Flags)
	}
	// gpt-4o-mini: 900 × $0.15/M + 300 × $0.60/M = $0.000135 + $0.00018.
	if res.TokensIn != 900 || res.TokensOut != 300 || math.Abs(res.CostUSD-0.000315) > 1e-12 || res.Attempts != 1 {
		t.Errorf("tokens %d/%d cost %v attempts %d, want 900/300 for $0.000315 in one try", res.TokensIn, res.TokensOut, res.CostUSD, res.Attempts)
	}
}

// mock-llm's 429 carries no Retry-After: the policy's own backoff (full
// jitter, drawn at half here: 0.5 s, 1 s, 2 s) until its tries run out.
// Streamed, the same rule arrives as an error event after a 200.
func TestPeerMockLLM429GivesUpAfterThePolicysTries(t *testing.T) {
	url := peer(t, mockLLMEnv)
	f := newFixture(t)
	w := &wire{}
	c := assist.NewOpenAI(url, "sk-peer", &http.Client{Transport: w})
	res, err := f.peerService(c, 0.5).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{Runs: 1, Model: "gpt-4o-mini-rate-limited"})
	var fail ai.Failure
	if !errors.As(err, &fail) || fail.Status != 429 || fail.Code != "rate_limit_exceeded" || fail.RetryAfter != 0 {
		t.Fatalf("err = %#v, want mock-llm's 429", err)
	}
	tries := ai.DefaultPolicy().Attempts
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}
	if res.Attempts != tries || len(w.statuses()) != tries || !slices.Equal(f.sleeps, want) {
		t.Errorf("attempts %d, statuses %v, waits %v: want %d tries after waits %v", res.Attempts, w.statuses(), f.sleeps, tries, want)
	}
	t.Logf("mock-llm 429: %d tries, waits %v", res.Attempts, f.sleeps)

	call := summaryCall
	call.Model = "gpt-4o-mini-rate-limited"
	_, err = c.Stream(f.ctx, call, nil)
	if !errors.As(err, &fail) || fail.Code != "rate_limit_exceeded" || fail.Type != "requests" || fail.Status != 0 {
		t.Errorf("streamed: err = %#v, want the error event's code and type", err)
	}
}

package assist_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
)

var summaryCall = assist.Call{Model: "gpt-4o-mini", Messages: []ai.Message{
	{Role: "system", Content: "Summarise the scorecards."},
	{Role: "user", Content: "Scorecard 1: strong on retries."},
}}

// deltas collects what Stream passes on, safe to read while it runs.
type deltas struct {
	mu  sync.Mutex
	got []string
	at  chan struct{} // one value per delta
}

func newDeltas() *deltas { return &deltas{at: make(chan struct{}, 100)} }

func (d *deltas) add(s string) {
	d.mu.Lock()
	d.got = append(d.got, s)
	d.mu.Unlock()
	d.at <- struct{}{}
}

func (d *deltas) all() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.got...)
}

func streamClient(srv *openaitest.Server) *assist.OpenAI {
	return assist.NewOpenAI(srv.URL(), openaitest.Key, nil)
}

// The answer arrives piece by piece, in order, and the reply carries the
// whole text, the finish reason and the usage of the stream's last chunk;
// the request asked for that usage and follows the spec.
func TestStreamPassesPiecesOnAndTakesUsageFromTheEnd(t *testing.T) {
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: []string{"Strong ", "on ", "retries."}, PromptTokens: 42, CompletionTokens: 3,
		Model: "gpt-4o-mini-2024-07-18", Fingerprint: "fp_s1"})
	d := newDeltas()
	r, err := streamClient(srv).Stream(context.Background(), summaryCall, d.add)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.all(); strings.Join(got, "|") != "Strong |on |retries." {
		t.Errorf("deltas %q, want the three pieces in order", got)
	}
	if r.Content != "Strong on retries." || r.FinishReason != "stop" || r.TokensIn != 42 || r.TokensOut != 3 ||
		r.Model != "gpt-4o-mini-2024-07-18" || r.Fingerprint != "fp_s1" {
		t.Errorf("reply %+v", r)
	}
	reqs := srv.Completions()
	if len(reqs) != 1 || reqs[0].Invalid != "" {
		t.Fatalf("requests %+v", reqs)
	}
	var sent struct {
		Stream        bool `json:"stream"`
		StreamOptions struct {
			IncludeUsage bool `json:"include_usage"`
		} `json:"stream_options"`
	}
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil || !sent.Stream || !sent.StreamOptions.IncludeUsage {
		t.Errorf("sent %s: want stream with stream_options.include_usage", reqs[0].Body)
	}
}

// A length stop is a finished stream: the service, not the client, decides
// it is not worth keeping (as with Complete).
func TestStreamReportsAFinishReasonOtherThanStop(t *testing.T) {
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: []string{"Strong ", "on"}, FinishReason: "length"})
	r, err := streamClient(srv).Stream(context.Background(), summaryCall, nil)
	if err != nil || r.FinishReason != "length" || r.Content != "Strong on" {
		t.Errorf("reply %+v, err %v", r, err)
	}
}

// A stream that ends cleanly without a finish reason looks like a normal end
// to go-openai; it must still be a cut, retryable failure and no reply.
func TestStreamEndingWithoutFinishReasonIsCut(t *testing.T) {
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: []string{"one ", "two ", "three"}, CutAfter: 2, Cut: true, PromptTokens: 9})
	d := newDeltas()
	r, err := streamClient(srv).Stream(context.Background(), summaryCall, d.add)
	var f ai.Failure
	if !errors.As(err, &f) || !f.Cut || !ai.Retryable(f) {
		t.Fatalf("err = %#v, want a cut failure", err)
	}
	if r != (assist.Reply{}) {
		t.Errorf("reply %+v alongside the failure: a cut stream is no partial success", r)
	}
	if got := d.all(); strings.Join(got, "") != "one two " {
		t.Errorf("deltas %q: the pieces before the cut are passed on as they came", got)
	}
}

func TestStreamDroppedConnectionIsCut(t *testing.T) {
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: []string{"one ", "two"}, CutAfter: 1, Abort: true})
	_, err := streamClient(srv).Stream(context.Background(), summaryCall, nil)
	var f ai.Failure
	if !errors.As(err, &f) || !f.Cut || f.Status != 0 {
		t.Errorf("err = %#v, want a cut failure with no HTTP status", err)
	}
}

// An error event mid-stream keeps its code and type (an exhausted quota is
// then not retried); the 200 the stream started with is not its status.
func TestStreamErrorEventKeepsItsCodeAndType(t *testing.T) {
	for _, c := range []struct {
		code, typ string
		retry     bool
	}{
		{"server_error", "server_error", true},
		{"insufficient_quota", "insufficient_quota", false},
	} {
		srv := openaitest.New(t)
		rp := openaitest.Fail(0, c.code, c.typ)
		rp.Chunks, rp.CutAfter, rp.ErrorEvent = []string{"one ", "two"}, 1, true
		srv.Script(rp)
		r, err := streamClient(srv).Stream(context.Background(), summaryCall, nil)
		var f ai.Failure
		if !errors.As(err, &f) || f.Code != c.code || f.Type != c.typ || f.Status != 0 || ai.Retryable(f) != c.retry {
			t.Errorf("%s: err = %#v (retryable %v), want code and type kept, status 0, retryable %v", c.code, err, ai.Retryable(f), c.retry)
		}
		if r.Content != "" {
			t.Errorf("%s: reply %+v alongside the failure", c.code, r)
		}
	}
}

// An error status before the stream starts is an ordinary failure, with
// its status and Retry-After.
func TestStreamRefusedWithStatusAndRetryAfter(t *testing.T) {
	srv := openaitest.New(t)
	rp := openaitest.Fail(429, "rate_limit_exceeded", "requests")
	rp.RetryAfter = "3"
	srv.Script(rp)
	_, err := streamClient(srv).Stream(context.Background(), summaryCall, nil)
	var f ai.Failure
	if !errors.As(err, &f) || f.Status != 429 || f.RetryAfter != 3*time.Second || f.Cut {
		t.Errorf("err = %#v, want 429 with a 3 s Retry-After", err)
	}
}

// Cancelling while the server is between pieces ends Stream at once with
// the context's error, and the server sees the client leave.
func TestStreamCancelledMidwayReturnsPromptly(t *testing.T) {
	srv := openaitest.New(t)
	srv.Script(openaitest.Reply{Chunks: []string{"one ", "two"}, Gap: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d := newDeltas()
	type result struct {
		r   assist.Reply
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := streamClient(srv).Stream(ctx, summaryCall, d.add)
		done <- result{r, err}
	}()
	select {
	case <-d.at: // "one " arrived; the server now waits a minute
	case <-time.After(5 * time.Second):
		t.Fatal("no piece arrived")
	}
	cancelled := time.Now()
	cancel()
	select {
	case res := <-done:
		if !errors.Is(res.err, context.Canceled) || res.r != (assist.Reply{}) {
			t.Errorf("got %+v, %v; want context.Canceled and no reply", res.r, res.err)
		}
		if took := time.Since(cancelled); took > time.Second {
			t.Errorf("Stream took %s to return after cancel", took)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Stream did not return after cancel")
	}
	for deadline := time.Now().Add(5 * time.Second); !srv.Completions()[0].Cancelled; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server never saw the client leave")
		}
	}
}

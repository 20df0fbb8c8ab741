package openaitest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sashabaranov/go-openai"
)

// failures stands in for the test so a test can see the Errorf calls the
// server makes instead of failing.
type failures struct {
	testing.TB
	mu   sync.Mutex
	msgs []string
}

func (f *failures) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}

func (f *failures) all() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.msgs, "\n")
}

// headerLog keeps the headers of the last response the client received.
type headerLog struct {
	mu   sync.Mutex
	last http.Header
}

func (h *headerLog) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		h.mu.Lock()
		h.last = resp.Header.Clone()
		h.mu.Unlock()
	}
	return resp, err
}

func client(s *Server, key string, rt http.RoundTripper) *openai.Client {
	cfg := openai.DefaultConfig(key)
	cfg.BaseURL = s.URL()
	if rt != nil {
		cfg.HTTPClient = &http.Client{Transport: rt}
	}
	return openai.NewClientWithConfig(cfg)
}

func userMsg(text string) []openai.ChatCompletionMessage {
	return []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: "You check resumes."},
		{Role: openai.ChatMessageRoleUser, Content: text},
	}
}

func sentJSON(t *testing.T, r Request) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("recorded body is not JSON: %v", err)
	}
	return m
}

func TestPlainRequestIsValidAndGetsTheScriptedReply(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Content: `{"flags":[]}`, PromptTokens: 120, CompletionTokens: 8,
		Model: "gpt-4o-mini-2024-07-18", Fingerprint: "fp_abc123"})
	resp, err := client(srv, Key, nil).CreateChatCompletion(context.Background(),
		openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("hello")})
	if err != nil {
		t.Fatal(err)
	}
	c := resp.Choices[0]
	if c.Message.Content != `{"flags":[]}` || c.FinishReason != openai.FinishReasonStop {
		t.Errorf("got content %q finish %q", c.Message.Content, c.FinishReason)
	}
	if resp.Usage.PromptTokens != 120 || resp.Usage.CompletionTokens != 8 || resp.Usage.TotalTokens != 128 {
		t.Errorf("usage = %+v", resp.Usage)
	}
	if resp.Model != "gpt-4o-mini-2024-07-18" || resp.SystemFingerprint != "fp_abc123" {
		t.Errorf("model %q fingerprint %q", resp.Model, resp.SystemFingerprint)
	}
	reqs := srv.Completions()
	if len(reqs) != 1 {
		t.Fatalf("%d requests recorded", len(reqs))
	}
	r := reqs[0]
	if !r.Authorized || r.Header.Get("Authorization") != "" || r.Invalid != "" || r.At.IsZero() {
		t.Errorf("recorded %+v", r)
	}
	if sentJSON(t, r)["model"] != "gpt-4o-mini" {
		t.Errorf("recorded body %s", r.Body)
	}
}

func TestStrictJSONSchemaResponseFormatIsValid(t *testing.T) {
	srv := New(t)
	schema := json.RawMessage(`{"type":"object","properties":{"status":{"type":"string","enum":["present","absent","unclear"]}},"required":["status"],"additionalProperties":false}`)
	_, err := client(srv, Key, nil).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: userMsg("resume"),
		ResponseFormat: &openai.ChatCompletionResponseFormat{
			Type:       openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: "screen", Schema: schema, Strict: true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	rf, _ := sentJSON(t, srv.Completions()[0])["response_format"].(map[string]any)
	js, _ := rf["json_schema"].(map[string]any)
	if rf["type"] != "json_schema" || js["strict"] != true {
		t.Errorf("response_format sent: %v", rf)
	}
}

func TestSeedAndTemperatureAreSent(t *testing.T) {
	srv := New(t)
	seed := 42
	_, err := client(srv, Key, nil).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model: "gpt-4o-mini", Messages: userMsg("x"), Seed: &seed, Temperature: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	m := sentJSON(t, srv.Completions()[0])
	if m["seed"] != 42.0 || m["temperature"] != 0.2 {
		t.Errorf("seed %v temperature %v", m["seed"], m["temperature"])
	}
}

// go-openai tags Temperature `omitempty`, so 0 is not sent and the API
// samples at its default of 1. To mean "as deterministic as possible" the
// service must send the smallest non-zero float32, which goes out as 1e-45.
func TestTemperatureZeroIsNotSentByGoOpenAI(t *testing.T) {
	srv := New(t)
	c := client(srv, Key, nil)
	for _, temp := range []float32{0, math.SmallestNonzeroFloat32} {
		if _, err := c.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
			Model: "gpt-4o-mini", Messages: userMsg("x"), Temperature: temp}); err != nil {
			t.Fatal(err)
		}
	}
	reqs := srv.Completions()
	if _, sent := sentJSON(t, reqs[0])["temperature"]; sent {
		t.Errorf("Temperature 0 was sent: %s (go-openai changed; the workaround may be dropped)", reqs[0].Body)
	}
	if !strings.Contains(string(reqs[1].Body), `"temperature":1e-45`) {
		t.Errorf("smallest float32 not sent as 1e-45: %s", reqs[1].Body)
	}
}

func TestMisspeltFieldIsRefusedWithItsPath(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"typo", `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"temprature":0.5}`, "temprature"},
		{"range", `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"temperature":5}`, "at '/temperature'"},
		{"missing", `{"model":"gpt-4o-mini"}`, "messages"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := &failures{TB: t}
			srv := New(fake)
			req, _ := http.NewRequest("POST", srv.URL()+"/chat/completions", strings.NewReader(tc.body))
			req.Header.Set("Authorization", "Bearer "+Key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), tc.want) {
				t.Errorf("status %d body %s; want 400 naming %q", resp.StatusCode, body, tc.want)
			}
			if err := ValidateError(body); err != nil {
				t.Errorf("400 body is not OpenAI's error shape: %v", err)
			}
			if got := fake.all(); !strings.Contains(got, tc.want) {
				t.Errorf("test failure %q does not name %q", got, tc.want)
			}
			if inv := srv.Completions()[0].Invalid; !strings.Contains(inv, tc.want) {
				t.Errorf("recorded Invalid = %q", inv)
			}
		})
	}
}

func TestErrorReplyCarriesRetryAfterThenQueueMovesOn(t *testing.T) {
	srv := New(t)
	limited := Fail(429, "rate_limit_exceeded", "requests")
	limited.RetryAfter, limited.RetryAfterMs = "2", "1500"
	srv.Script(limited, Reply{Content: "second"}, Reply{Content: "last"})
	headers := &headerLog{}
	c := client(srv, Key, headers)
	ask := func() (string, error) {
		resp, err := c.CreateChatCompletion(context.Background(),
			openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x")})
		if err != nil {
			return "", err
		}
		return resp.Choices[0].Message.Content, nil
	}
	_, err := ask()
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 429 || apiErr.Code != "rate_limit_exceeded" || apiErr.Type != "requests" {
		t.Fatalf("first call: %#v", err)
	}
	if h := headers.last; h.Get("Retry-After") != "2" || h.Get("Retry-After-Ms") != "1500" {
		t.Errorf("headers %v", h)
	}
	for _, want := range []string{"second", "last", "last"} {
		if got, err := ask(); err != nil || got != want {
			t.Errorf("got %q, %v; want %q", got, err, want)
		}
	}
	var used []int
	for _, r := range srv.Completions() {
		used = append(used, r.Reply)
	}
	if fmt.Sprint(used) != "[0 1 2 2]" {
		t.Errorf("replies used %v", used)
	}
}

func TestDelayEndsWhenTheClientGivesUp(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Delay: time.Minute, Content: "too late"})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := client(srv, Key, nil).CreateChatCompletion(ctx,
		openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x")})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	waitCancelled(t, srv)
}

// waitCancelled checks the handler noticed the client left instead of
// sitting out its delay.
func waitCancelled(t *testing.T, srv *Server) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !srv.Completions()[0].Cancelled; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server never saw the request cancelled")
		}
	}
}

func TestWrongKeyGets401AndIsRecorded(t *testing.T) {
	srv := New(t)
	_, err := client(srv, "sk-wrong", nil).CreateChatCompletion(context.Background(),
		openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x")})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 401 || apiErr.Code != "invalid_api_key" {
		t.Fatalf("err = %#v", err)
	}
	if r := srv.Completions()[0]; r.Authorized || r.Header.Get("Authorization") != "" {
		t.Errorf("recorded %+v", r)
	}
}

func TestModelsAreListed(t *testing.T) {
	srv := New(t)
	srv.SetModels("gpt-4o-mini", "o4-mini")
	list, err := client(srv, Key, nil).ListModels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Models) != 2 || list.Models[0].ID != "gpt-4o-mini" || list.Models[1].ID != "o4-mini" {
		t.Errorf("models %+v", list.Models)
	}
}

func TestUnrealisticFixtureFailsTheTest(t *testing.T) {
	fake := &failures{TB: t}
	srv := New(fake)
	srv.Script(Reply{Content: "x", FinishReason: "done"})
	_, _ = client(srv, Key, nil).CreateChatCompletion(context.Background(),
		openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x")})
	if got := fake.all(); !strings.Contains(got, "/choices/0/finish_reason") {
		t.Errorf("want a failure naming finish_reason, got %q", got)
	}
}

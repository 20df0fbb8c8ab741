// Package openaitest is a fake OpenAI-compatible server for Go tests. It
// checks what a client sends against the official OpenAPI spec (strict: a
// misspelt field is refused), answers from a script of replies and faults
// (errors with Retry-After, delays, streams cut mid-way or ending in an error
// event), checks its own replies against the spec's response schemas, and
// records every request.
//
//	srv := openaitest.New(t)
//	srv.Script(openaitest.Reply{Content: `{"flags":[]}`, PromptTokens: 120, CompletionTokens: 8})
//	cfg := openai.DefaultConfig(openaitest.Key)
//	cfg.BaseURL = srv.URL()
package openaitest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Key is the API key the server accepts; any other gets 401 invalid_api_key.
const Key = "sk-openaitest"

// Request is one request the server received.
type Request struct {
	Method, Path string
	Body         []byte
	Header       http.Header // without Authorization
	At           time.Time
	Authorized   bool   // Authorization was exactly "Bearer " + Key
	Invalid      string // why the body failed the spec ("" when valid)
	Reply        int    // index of the scripted reply used, -1 for none
	Cancelled    bool   // the client went away during a Delay or a stream's Gap
}

// Server is an httptest.Server speaking the chat-completions API under /v1.
type Server struct {
	t    testing.TB
	srv  *httptest.Server
	done chan struct{}

	mu       sync.Mutex
	replies  []Reply
	next     int
	requests []Request
	models   []string
	seq      int
}

// New starts a server that is closed when the test ends. Until Script is
// called every completion answers Reply{Content: "ok"}.
func New(t testing.TB) *Server {
	t.Helper()
	if err := schemas(); err != nil {
		t.Fatalf("openaitest: %v", err)
	}
	s := &Server{t: t, done: make(chan struct{}), replies: []Reply{{Content: "ok"}},
		models: []string{"gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.chat)
	mux.HandleFunc("GET /v1/models", s.listModels)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.record(r, nil, "", -1)
		s.writeError(w, Reply{Status: http.StatusNotFound, Type: "invalid_request_error",
			Message: fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path)})
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		close(s.done) // ends pending delays so Close does not wait for them
		s.srv.Close()
	})
	return s
}

// URL is the base URL for go-openai's ClientConfig.BaseURL (it ends in /v1).
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Script replaces the queue of replies: each completion request takes the
// next one, and the last one repeats.
func (s *Server) Script(replies ...Reply) {
	if len(replies) == 0 {
		replies = []Reply{{Content: "ok"}}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replies, s.next = replies, 0
}

// SetModels sets the ids GET /v1/models lists.
func (s *Server) SetModels(ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = ids
}

// Requests returns a copy of every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	copy(out, s.requests)
	return out
}

// Completions returns the chat-completion requests received so far.
func (s *Server) Completions() []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Path == "/v1/chat/completions" {
			out = append(out, r)
		}
	}
	return out
}

// record keeps r and returns its index in Requests.
func (s *Server) record(r *http.Request, body []byte, invalid string, reply int) int {
	h := r.Header.Clone()
	h.Del("Authorization")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Body: body,
		Header: h, At: time.Now(), Authorized: r.Header.Get("Authorization") == "Bearer "+Key,
		Invalid: invalid, Reply: reply})
	return len(s.requests) - 1
}

// take returns the next scripted reply, its index and a fresh completion id.
func (s *Server) take() (Reply, int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.next
	if s.next < len(s.replies)-1 {
		s.next++
	}
	s.seq++
	return s.replies[i], i, fmt.Sprintf("chatcmpl-openaitest-%d", s.seq)
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return // the client went away
	}
	invalid := ""
	if err := ValidateRequest(body); err != nil {
		invalid = err.Error()
		s.t.Errorf("openaitest: POST /v1/chat/completions body does not match the OpenAI spec:\n%s\nbody: %s", invalid, body)
	}
	if r.Header.Get("Authorization") != "Bearer "+Key {
		s.record(r, body, invalid, -1)
		s.writeError(w, Reply{Status: http.StatusUnauthorized, Type: "invalid_request_error",
			Code: "invalid_api_key", Message: "Incorrect API key provided."})
		return
	}
	if invalid != "" {
		s.record(r, body, invalid, -1)
		s.writeError(w, Reply{Status: http.StatusBadRequest, Type: "invalid_request_error",
			Message: "Invalid request body: " + invalid})
		return
	}
	reply, idx, id := s.take()
	at := s.record(r, body, "", idx)
	if !s.wait(r, reply.Delay, at) {
		return
	}
	if reply.Status >= 400 {
		s.writeError(w, reply)
		return
	}
	var req struct {
		Model         string `json:"model"`
		Stream        bool   `json:"stream"`
		StreamOptions struct {
			IncludeUsage bool `json:"include_usage"`
		} `json:"stream_options"`
	}
	_ = json.Unmarshal(body, &req) // valid by now
	if reply.Model == "" {
		reply.Model = req.Model
	}
	if req.Stream {
		s.stream(w, r, reply, id, req.StreamOptions.IncludeUsage, at)
		return
	}
	s.writeJSON(w, http.StatusOK, reply.completion(id), ValidateResponse)
}

// wait sleeps d unless the request (number at) is cancelled or the test ends first.
func (s *Server) wait(r *http.Request, d time.Duration, at int) bool {
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		s.mu.Lock()
		s.requests[at].Cancelled = true
		s.mu.Unlock()
	case <-s.done:
	}
	return false
}

func (s *Server) listModels(w http.ResponseWriter, r *http.Request) {
	s.record(r, nil, "", -1)
	if r.Header.Get("Authorization") != "Bearer "+Key {
		s.writeError(w, Reply{Status: http.StatusUnauthorized, Type: "invalid_request_error",
			Code: "invalid_api_key", Message: "Incorrect API key provided."})
		return
	}
	s.mu.Lock()
	data := make([]map[string]any, 0, len(s.models))
	for _, id := range s.models {
		data = append(data, map[string]any{"id": id, "object": "model", "created": 1700000000, "owned_by": "system"})
	}
	s.mu.Unlock()
	s.writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data}, ValidateModels)
}

// writeJSON sends v after checking it against the spec, so scripted
// fixtures cannot drift from what the real API sends.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any, check func([]byte) error) {
	b, err := json.Marshal(v)
	if err == nil {
		err = check(b)
	}
	if err != nil {
		s.t.Errorf("openaitest: the scripted reply does not match the OpenAI spec:\n%v\nreply: %s", err, b)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

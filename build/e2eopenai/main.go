// Command e2eopenai is the OpenAI endpoint of `make e2e`: the fake server
// of the Go tests (app/assist/openaitest: every request checked against
// the official spec, replies shaped as the real API's) on a fixed local
// address, answering each resume screen request from its own content. It
// needs no network and no key but openaitest.Key. Not part of the app.
//
//	go run ./build/e2eopenai [-addr 127.0.0.1:18089] [-first 429]
//
// Its answer, per checklist flag in order: green flags quote the resume's
// lines one by one ("present"); the next green flag claims a line the
// resume does not hold (so one quote is dropped); the rest are "unclear"
// or, for red flags, "absent"; the last red flag wavers with the seed, so
// runs disagree on it. -first answers the first completion with that
// status and Retry-After: 2, to show a retry. A debrief summary or
// follow-up questions stream slowly enough to watch (stream.go); the
// second rater answers one level below the top (rate.go).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist/openaitest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18089", "where to listen")
	first := flag.Int("first", 0, "answer the first completion with this HTTP status (and Retry-After: 2)")
	flag.Parse()

	t := &programTB{}
	srv := openaitest.New(t)
	srv.SetModels("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini")
	target, _ := url.Parse(strings.TrimSuffix(srv.URL(), "/v1"))
	f := &front{srv: srv, proxy: httputil.NewSingleHostReverseProxy(target), first: *first}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("e2eopenai: %v", err)
	}
	fmt.Printf("e2eopenai: listening on http://%s/v1\n", ln.Addr())
	go func() {
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
		<-stop
		t.cleanup()
		if n := t.failures(); n > 0 {
			fmt.Fprintf(os.Stderr, "e2eopenai: %d requests or replies broke the OpenAI spec\n", n)
			os.Exit(1)
		}
		os.Exit(0)
	}()
	log.Fatal(http.Serve(ln, f))
}

// front scripts the fake server's reply to each completion from the
// request itself, then hands the request on; one completion at a time.
type front struct {
	srv   *openaitest.Server
	proxy *httputil.ReverseProxy
	mu    sync.Mutex
	n     int
	first int
}

func (f *front) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		f.proxy.ServeHTTP(w, r)
		return
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	if f.n == 1 && f.first >= 400 {
		reply := openaitest.Fail(f.first, "rate_limit_exceeded", "requests")
		reply.RetryAfter = "2"
		f.srv.Script(reply)
	} else {
		f.srv.Script(answer(b))
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	f.proxy.ServeHTTP(w, r)
}

var checklistLine = regexp.MustCompile(`(?m)^- ([a-z0-9._-]+) \[(green|red) flag\]`)

// answer reads the checklist and the resume from the screen request and
// answers by the rules in the package comment, with the usage the offline
// tokenizer counts for it.
func answer(body []byte) openaitest.Reply {
	var req struct {
		Model    string `json:"model"`
		Seed     int    `json:"seed"`
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
		ResponseFormat struct {
			JSONSchema struct {
				Name   string          `json:"name"`
				Schema json.RawMessage `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return openaitest.Reply{Content: "{}"}
	}
	if r, ok := streamed(body); ok {
		return r
	}
	if r, ok := rated(body); ok { // rate.go
		return r
	}
	sent := ai.Request{SchemaName: req.ResponseFormat.JSONSchema.Name, Schema: req.ResponseFormat.JSONSchema.Schema}
	user := ""
	for _, m := range req.Messages {
		sent.Messages = append(sent.Messages, ai.Message{Role: m.Role, Content: m.Content})
		if m.Role == "user" && user == "" {
			user = m.Content
		}
	}
	_, resume, _ := strings.Cut(user, "<resume>\n")
	resume, _, _ = strings.Cut(resume, "\n</resume>")
	var lines []string
	for _, l := range strings.Split(resume, "\n") {
		if l = strings.TrimSpace(l); len(l) > 20 && !strings.Contains(l, "[") {
			lines = append(lines, l)
		}
	}
	type flag struct {
		ID     string `json:"id"`
		Quote  string `json:"quote"`
		Reason string `json:"reason"`
		Status string `json:"status"`
	}
	var out struct {
		Flags []flag `json:"flags"`
	}
	flags := checklistLine.FindAllStringSubmatch(user, -1)
	lastRed := -1
	for i, m := range flags {
		if m[2] == "red" {
			lastRed = i
		}
	}
	used, invented := 0, false
	for i, m := range flags {
		f := flag{ID: m[1], Status: "unclear", Reason: "The resume touches on this, but gives too little detail to tell."}
		switch {
		case m[2] == "green" && used < len(lines):
			f.Status, f.Quote, f.Reason = "present", lines[used], "The quoted line shows this directly, with a concrete outcome."
			used++
		case m[2] == "green" && !invented:
			invented = true
			f.Quote = "Led a team of 40 engineers through a platform migration."
		case i == lastRed && req.Seed%2 == 0:
			f.Status, f.Reason = "unclear", "Hard to tell from a short resume."
		case m[2] == "red":
			f.Status, f.Reason = "absent", "Nothing in the resume points to this warning sign."
		}
		out.Flags = append(out.Flags, f)
	}
	content, _ := json.Marshal(out)
	return openaitest.Reply{Content: string(content), Fingerprint: "fp_e2e",
		PromptTokens: ai.EstimateTokens(req.Model, sent), CompletionTokens: len(content) / 4}
}

// programTB lets openaitest, written for tests, run in this program: what
// it reports as a test failure is printed and counted.
type programTB struct {
	testing.TB // never called: every method openaitest uses is below
	mu         sync.Mutex
	errs       int
	cleanups   []func()
}

func (t *programTB) Helper() {}

func (t *programTB) Errorf(format string, args ...any) {
	t.mu.Lock()
	t.errs++
	t.mu.Unlock()
	fmt.Fprintf(os.Stderr, "e2eopenai: "+format+"\n", args...)
}

func (t *programTB) Fatalf(format string, args ...any) { log.Fatalf("e2eopenai: "+format, args...) }

func (t *programTB) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }

func (t *programTB) failures() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.errs
}

func (t *programTB) cleanup() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
}

// The mock: the fake OpenAI server of the Go tests (every request checked
// against the official spec) answering each screen request from its
// content, the same way every time. It checks the arithmetic and the
// plumbing, not a model.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tiktoken-go/tokenizer"

	"hirebench/app/ai"
	"hirebench/app/assist/openaitest"
)

// mockOptions bend the mock on purpose, to see a check fail.
type mockOptions struct {
	// usageScale multiplies the tokens the server reports (1: exactly the
	// tokenizer's count of what was sent and answered).
	usageScale float64
	// disfavoured: for these names, every green flag the mock would call
	// present is called unclear.
	disfavoured []string
}

// rule is how the mock calls one built-in checklist flag: found when a
// resume line contains one of the words (quoting that line), otherwise.
type rule struct {
	words            []string
	found, otherwise string
}

var rules = map[string]rule{
	"shipped-to-real-users":       {[]string{"Shipped", "customer-support assistant", "staff use it", "Rolled out"}, "present", "unclear"},
	"quantified-cost-savings":     {[]string{"token spend by", "API bill from", "cost per article", "cost per conversation"}, "present", "absent"},
	"varied-project-kinds":        {[]string{"Fine-tuned"}, "present", "unclear"},
	"throttling-and-scale":        {[]string{"rate limits", "429s", "requests a second"}, "present", "absent"},
	"measures-quality-and-health": {[]string{"evaluation harness", "Monitors latency", "regression suite", "Set the alerts", "Measures extraction"}, "present", "absent"},
	"transferable-architecture":   {[]string{"retrieval pipeline", "provider-neutral"}, "present", "unclear"},
	"course-exercises-only":       {nil, "", "absent"},
	"unbacked-expertise-claims":   {nil, "", "absent"},
}

// paraphrased: the mock misquotes this flag's evidence (one word changed),
// so quote verification has something to drop.
const paraphrased = "measures-quality-and-health"

// wavering: the mock's second run (the seed after the settings') calls this
// flag unclear, so the runs disagree on it in every suggestion.
const wavering = "unbacked-expertise-claims"

var reasons = map[string]string{
	"present": "The quoted line shows this directly, with a concrete outcome of the kind the checklist item asks for.",
	"unclear": "The resume touches on this, but gives too little detail to tell either way.",
	"absent":  "Nothing in the resume speaks to this checklist item.",
}

var checklistLine = regexp.MustCompile(`(?m)^- ([a-z0-9._-]+) \[(green|red) flag\]`)

// answer is the mock's reply to a screen request's user message.
func answer(user string, seed int, opt mockOptions) string {
	resume := user
	if _, after, ok := strings.Cut(user, "<resume>\n"); ok {
		resume, _, _ = strings.Cut(after, "\n</resume>")
	}
	lines := strings.Split(resume, "\n")
	disfavoured := false
	for _, n := range opt.disfavoured {
		disfavoured = disfavoured || strings.Contains(resume, n)
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
	for _, m := range checklistLine.FindAllStringSubmatch(user, -1) {
		id, green := m[1], m[2] == "green"
		r, known := rules[id]
		f := flag{ID: id, Status: "unclear"}
		if known {
			f.Status = r.otherwise
			for _, l := range lines {
				if containsAny(l, r.words) {
					f.Status, f.Quote = r.found, strings.TrimSpace(l)
					break
				}
			}
		}
		if id == paraphrased && f.Quote != "" {
			first, rest, _ := strings.Cut(f.Quote, " ")
			f.Quote = "Also " + strings.ToLower(first) + " " + rest
		}
		if id == wavering && seed%2 == 0 {
			f.Status = "unclear" // the settings' seed is odd (7): runs 1 and 3 agree, run 2 does not
		}
		if disfavoured && green && f.Status == "present" {
			f.Status = "unclear"
		}
		f.Reason = reasons[f.Status]
		out.Flags = append(out.Flags, f)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// mockServer is the fake server with a transport that scripts the reply
// to each request from the request itself (one call at a time).
type mockServer struct {
	srv *openaitest.Server
	t   *benchTB
	opt mockOptions
}

func newMock(opt mockOptions) *mockServer {
	t := &benchTB{}
	return &mockServer{srv: openaitest.New(t), t: t, opt: opt}
}

func (m *mockServer) close() error {
	m.t.cleanup()
	if len(m.t.errs) > 0 {
		return fmt.Errorf("the fake server saw %d requests or replies that break the OpenAI spec; the first: %s", len(m.t.errs), m.t.errs[0])
	}
	return nil
}

func (m *mockServer) client() *http.Client { return &http.Client{Transport: m} }

// RoundTrip scripts the server with the mock's answer to this request and
// the usage the tokenizer counts for it, then sends it.
func (m *mockServer) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body == nil || !strings.HasSuffix(req.URL.Path, "/chat/completions") {
		return http.DefaultTransport.RoundTrip(req)
	}
	b, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	var body struct {
		Model    string `json:"model"`
		Seed     int    `json:"seed"`
		Messages []struct {
			Role, Content string
		} `json:"messages"`
		ResponseFormat struct {
			JSONSchema struct {
				Name   string          `json:"name"`
				Schema json.RawMessage `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.Unmarshal(b, &body); err != nil {
		return nil, err
	}
	sent := ai.Request{SchemaName: body.ResponseFormat.JSONSchema.Name, Schema: body.ResponseFormat.JSONSchema.Schema}
	user := ""
	for _, msg := range body.Messages {
		sent.Messages = append(sent.Messages, ai.Message{Role: msg.Role, Content: msg.Content})
		if msg.Role == "user" && user == "" {
			user = msg.Content
		}
	}
	content := answer(user, body.Seed, m.opt)
	in, out := ai.EstimateTokens(body.Model, sent), countText(body.Model, content)
	m.srv.Script(openaitest.Reply{Content: content, Fingerprint: "fp_mock",
		PromptTokens: scale(in, m.opt.usageScale), CompletionTokens: scale(out, m.opt.usageScale)})
	req = req.Clone(req.Context())
	req.Body = io.NopCloser(bytes.NewReader(b))
	return http.DefaultTransport.RoundTrip(req)
}

func scale(n int, by float64) int {
	if by == 0 {
		return n
	}
	return int(float64(n)*by + 0.5)
}

// countText is the tokens of a reply's text in the model's encoding.
func countText(model, s string) int {
	c, err := tokenizer.Get(ai.EncodingFor(model))
	if err != nil {
		panic(err) // embedded vocabularies: cannot fail
	}
	n, _ := c.Count(s)
	return n
}

// benchTB lets openaitest, written for tests, run in this program: what it
// reports as a test failure becomes the bench's error.
type benchTB struct {
	testing.TB // never called: every method openaitest uses is below
	mu         sync.Mutex
	errs       []string
	cleanups   []func()
}

func (t *benchTB) Helper() {}

func (t *benchTB) Errorf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.errs = append(t.errs, fmt.Sprintf(format, args...))
}

func (t *benchTB) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }

func (t *benchTB) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }

func (t *benchTB) cleanup() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	t.cleanups = nil
}

package ai

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"regexp"
	"testing"
)

func TestCacheKey(t *testing.T) {
	base := func() (string, float64, int, int64, Request) {
		return "gpt-4o-mini", 0, 7, 42, ScreenRequest(checklist, "Built a bot.")
	}
	m, temp, seed, rv, r := base()
	key := CacheKey("", m, temp, seed, rv, r)
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(key) {
		t.Fatalf("key %q is not sha256 hex", key)
	}
	if again := CacheKey("", m, temp, seed, rv, r); again != key {
		t.Error("the same request gave another key")
	}

	changes := map[string]func(m *string, temp *float64, seed *int, rv *int64, r *Request){
		"model":          func(m *string, _ *float64, _ *int, _ *int64, _ *Request) { *m = "gpt-4o" },
		"temperature":    func(_ *string, temp *float64, _ *int, _ *int64, _ *Request) { *temp = 0.2 },
		"seed":           func(_ *string, _ *float64, seed *int, _ *int64, _ *Request) { *seed = 8 },
		"rubric version": func(_ *string, _ *float64, _ *int, rv *int64, _ *Request) { *rv = 43 },
		"prompt version": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) { r.PromptVersion = "screen-v2" },
		"feature":        func(_ *string, _ *float64, _ *int, _ *int64, r *Request) { r.Feature = "probe" },
		"resume": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) {
			*r = ScreenRequest(checklist, "Built a bot!")
		},
		"checklist": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) {
			*r = ScreenRequest(checklist[:2], "Built a bot.")
		},
		"system prompt": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) {
			r.Messages = []Message{{"system", r.Messages[0].Content + " "}, r.Messages[1]}
		},
		"role": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) {
			r.Messages = []Message{r.Messages[0], {"assistant", r.Messages[1].Content}}
		},
		"message split": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) {
			r.Messages = []Message{{"system", r.Messages[0].Content + r.Messages[1].Content}}
		},
		"schema name": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) { r.SchemaName = "other" },
		"schema": func(_ *string, _ *float64, _ *int, _ *int64, r *Request) {
			r.Schema = json.RawMessage(`{"type":"object"}`)
		},
	}
	for name, change := range changes {
		m, temp, seed, rv, r := base()
		change(&m, &temp, &seed, &rv, &r)
		if CacheKey("", m, temp, seed, rv, r) == key {
			t.Errorf("changing the %s kept the key", name)
		}
	}

	// What cannot change the answer does not change the key.
	m, temp, seed, rv, r = base()
	r.Schema = json.RawMessage("{\n  " + string(r.Schema[1:]))
	if CacheKey("", m, math.Copysign(0, -1), seed, rv, r) != key {
		t.Error("schema white space or -0 changed the key")
	}
}

// Two endpoints serving the same model name do not share answers (a local
// server's "gpt-4o-mini" is not OpenAI's); the same endpoint written
// another way does.
func TestCacheKeyEndpoint(t *testing.T) {
	r := ScreenRequest(checklist, "Built a bot.")
	key := func(base string) string { return CacheKey(base, "gpt-4o-mini", 0, 7, 42, r) }
	openai := key("")
	for _, same := range []string{"https://api.openai.com/v1", "https://api.openai.com/v1/", " HTTPS://API.OpenAI.com/v1 "} {
		if key(same) != openai {
			t.Errorf("%q is OpenAI's own endpoint, but got another key", same)
		}
	}
	seen := map[string]string{openai: "OpenAI"}
	for _, other := range []string{"http://localhost:11434/v1", "http://localhost:1234/v1", "https://proxy.example.com/v1",
		"https://api.openai.com/v2"} {
		k := key(other)
		if was, dup := seen[k]; dup {
			t.Errorf("%s shares its cache key with %s", other, was)
		}
		seen[k] = other
	}
}

// Format 2 added the endpoint: a key of format 1 (computed here by hand,
// as the old code did) is never produced, so no old entry is reused.
func TestCacheKeyFormatChanged(t *testing.T) {
	r := ScreenRequest(checklist, "Built a bot.")
	msgs := make([][2]string, len(r.Messages))
	for i, m := range r.Messages {
		msgs[i] = [2]string{m.Role, m.Content}
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, r.Schema); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{"hirebench-ai-cache-1", "gpt-4o-mini", "0", 7, int64(42), r.Feature, r.PromptVersion, msgs,
		r.SchemaName, compact.String()})
	sum := sha256.Sum256(b)
	old := hex.EncodeToString(sum[:])
	for _, base := range []string{"", "http://localhost:11434/v1"} {
		if CacheKey(base, "gpt-4o-mini", 0, 7, 42, r) == old {
			t.Errorf("endpoint %q: a format 1 key would still be reused", base)
		}
	}
}

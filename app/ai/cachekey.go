// Cache keys: two requests share an answer only if everything that can
// change the answer is the same.

package ai

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// cacheFormat names this encoding; change it if the encoding changes, so
// no old entry answers a new question.
// Format 2 added the endpoint: format 1 keys, which two endpoints serving
// the same model name shared, are never looked up again.
const cacheFormat = "hirebench-ai-cache-2"

// OpenAIBaseURL is the endpoint an empty base URL means.
const OpenAIBaseURL = "https://api.openai.com/v1"

// Endpoint is a base URL as the cache key names it: "" is OpenAI's own,
// the scheme and host in lower case, no trailing slash.
func Endpoint(baseURL string) string {
	e := strings.TrimRight(strings.TrimSpace(baseURL), "/")
	if e == "" {
		return OpenAIBaseURL
	}
	if u, err := url.Parse(e); err == nil && u.Host != "" {
		u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
		return u.String()
	}
	return e
}

// CacheKey is the SHA-256 (hex) of a canonical encoding of the endpoint
// (Endpoint(baseURL): two servers may answer differently under the same
// model name), the model, the temperature, the seed, the rubric version, and the request: feature,
// prompt version, every message (role and text, in order), schema name and
// schema. The schema's white space does not count; its key order does (the
// model writes keys in schema order).
func CacheKey(baseURL, model string, temperature float64, seed int, rubricVersionID int64, r Request) string {
	if temperature == 0 {
		temperature = 0 // -0 and 0 ask the same
	}
	schema := r.Schema
	var compact bytes.Buffer
	if json.Compact(&compact, r.Schema) == nil {
		schema = compact.Bytes()
	}
	msgs := make([][2]string, len(r.Messages))
	for i, m := range r.Messages {
		msgs[i] = [2]string{m.Role, m.Content}
	}
	// An array of strings: unambiguous, whatever the strings hold.
	b, _ := json.Marshal([]any{
		cacheFormat, Endpoint(baseURL), model, strconv.FormatFloat(temperature, 'g', -1, 64), seed, rubricVersionID,
		r.Feature, r.PromptVersion, msgs, r.SchemaName, string(schema),
	})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Cache keys: two requests share an answer only if everything that can
// change the answer is the same.

package ai

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
)

// cacheFormat names this encoding; change it if the encoding changes, so
// no old entry answers a new question.
const cacheFormat = "hirebench-ai-cache-1"

// CacheKey is the SHA-256 (hex) of a canonical encoding of the model, the
// temperature, the seed, the rubric version, and the request: feature,
// prompt version, every message (role and text, in order), schema name and
// schema. The schema's white space does not count; its key order does (the
// model writes keys in schema order).
func CacheKey(model string, temperature float64, seed int, rubricVersionID int64, r Request) string {
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
		cacheFormat, model, strconv.FormatFloat(temperature, 'g', -1, 64), seed, rubricVersionID,
		r.Feature, r.PromptVersion, msgs, r.SchemaName, string(schema),
	})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Counting tokens offline, the way OpenAI's cookbook counts a chat request,
// for the cost estimate shown before anything is sent.

package ai

import (
	"strings"
	"sync"

	"github.com/tiktoken-go/tokenizer"
)

// The chat format adds tokens around each message and primes the reply
// (OpenAI cookbook, "How to count tokens with tiktoken", for gpt-3.5-turbo
// and later models).
const (
	tokensPerMessage = 3
	tokensReply      = 3
)

// Encodings are loaded on first use only: building a vocabulary takes
// tens of milliseconds and megabytes, which start-up must not pay.
var encodings = map[tokenizer.Encoding]*lazyCodec{
	tokenizer.O200kBase:  {enc: tokenizer.O200kBase},
	tokenizer.Cl100kBase: {enc: tokenizer.Cl100kBase},
}

type lazyCodec struct {
	enc   tokenizer.Encoding
	once  sync.Once
	codec tokenizer.Codec
}

func (l *lazyCodec) get() tokenizer.Codec {
	l.once.Do(func() {
		c, err := tokenizer.Get(l.enc)
		if err != nil {
			panic("tokenizer " + string(l.enc) + ": " + err.Error()) // embedded: cannot fail
		}
		l.codec = c
	})
	return l.codec
}

// EncodingFor is the tokenizer of a model: o200k_base for the gpt-4o,
// gpt-4.1, gpt-5 and o-series families, cl100k_base for anything else
// (older OpenAI models; for other vendors' models it is an estimate). A
// provider prefix ("openai/gpt-4o") or fine-tune prefix ("ft:gpt-4o-mini:…")
// is looked through.
func EncodingFor(model string) tokenizer.Encoding {
	m := strings.ToLower(strings.TrimSpace(model))
	m = strings.TrimPrefix(m, "ft:")
	if i := strings.LastIndexByte(m, '/'); i >= 0 {
		m = m[i+1:]
	}
	for _, p := range []string{"gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-5", "o1", "o3", "o4"} {
		if m == p || strings.HasPrefix(m, p+"-") || strings.HasPrefix(m, p+":") {
			return tokenizer.O200kBase
		}
	}
	return tokenizer.Cl100kBase
}

// CountTokens is the prompt tokens a chat request with msgs takes: each
// message's role and content, 3 tokens around each message, 3 to prime
// the reply.
func CountTokens(model string, msgs []Message) int {
	c := encodings[EncodingFor(model)].get()
	n := tokensReply
	for _, m := range msgs {
		n += tokensPerMessage + count(c, m.Role) + count(c, m.Content)
	}
	return n
}

// EstimateTokens is CountTokens plus the tokens of the schema, which the
// API also bills when it sends it to the model (its exact wrapping is not
// published, so this is an estimate).
func EstimateTokens(model string, r Request) int {
	n := CountTokens(model, r.Messages)
	if len(r.Schema) > 0 {
		n += count(encodings[EncodingFor(model)].get(), r.SchemaName+string(r.Schema))
	}
	return n
}

func count(c tokenizer.Codec, s string) int {
	n, err := c.Count(s)
	if err != nil { // only in strict UTF-8 mode, which we do not set
		return len(s) / 4
	}
	return n
}

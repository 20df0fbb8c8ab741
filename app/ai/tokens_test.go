package ai

import (
	"testing"

	"github.com/tiktoken-go/tokenizer"
)

func TestEncodingFor(t *testing.T) {
	for model, want := range map[string]tokenizer.Encoding{
		"gpt-4o": tokenizer.O200kBase, "gpt-4o-mini-2024-07-18": tokenizer.O200kBase, "chatgpt-4o-latest": tokenizer.O200kBase,
		"gpt-4.1": tokenizer.O200kBase, "gpt-4.1-nano": tokenizer.O200kBase, "gpt-5": tokenizer.O200kBase, "gpt-5-mini": tokenizer.O200kBase,
		"o1": tokenizer.O200kBase, "o3-mini": tokenizer.O200kBase, "o4-mini-2025-04-16": tokenizer.O200kBase,
		"openai/gpt-4o-mini": tokenizer.O200kBase, "ft:gpt-4o-mini:acme::abc": tokenizer.O200kBase, " GPT-4o ": tokenizer.O200kBase,
		"gpt-4": tokenizer.Cl100kBase, "gpt-4-turbo": tokenizer.Cl100kBase, "gpt-3.5-turbo": tokenizer.Cl100kBase,
		"llama3.1:8b": tokenizer.Cl100kBase, "o1x": tokenizer.Cl100kBase, "gpt-40": tokenizer.Cl100kBase, "": tokenizer.Cl100kBase,
	} {
		if got := EncodingFor(model); got != want {
			t.Errorf("%q: %s, want %s", model, got, want)
		}
	}
}

// Expected counts worked by hand from token splits that js-tiktoken (an
// independent implementation) agrees with: "You are a helpful assistant." is
// 6 tokens, "Hello, world!" 4, "system" and "user" 1 each in both encodings;
// "日本語のテキスト" is 6 in o200k_base and 8 in cl100k_base.
func TestCountTokens(t *testing.T) {
	chat := []Message{{Role: "system", Content: "You are a helpful assistant."}, {Role: "user", Content: "Hello, world!"}}
	// (3+1+6) + (3+1+4) + 3 for the reply = 21
	for _, m := range []string{"gpt-4o-mini", "gpt-4"} {
		if got := CountTokens(m, chat); got != 21 {
			t.Errorf("%s: %d tokens, want 21", m, got)
		}
	}
	jp := []Message{{Role: "user", Content: "日本語のテキスト"}}
	if got := CountTokens("gpt-4.1-mini", jp); got != 3+1+6+3 {
		t.Errorf("o200k: %d, want 13", got)
	}
	if got := CountTokens("gpt-3.5-turbo", jp); got != 3+1+8+3 {
		t.Errorf("cl100k: %d, want 15", got)
	}
	if got := CountTokens("gpt-4o", nil); got != 3 {
		t.Errorf("no messages: %d, want 3", got)
	}
	// The schema is billed too.
	r := Request{Messages: chat, SchemaName: "x", Schema: []byte(`{"type":"object"}`)}
	if got := EstimateTokens("gpt-4o", r); got <= 21 {
		t.Errorf("estimate with a schema: %d, want more than 21", got)
	}
}

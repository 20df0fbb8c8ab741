package openaitest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// The original spec sits beside the repository on the development machine;
// a clone elsewhere has only the checked-in trimmed copy, and these checks skip.
var specPaths = []string{"../../../../shared/openai/openapi.yaml", "/work/shared/openai/openapi.yaml"}

func TestEmbeddedSchemasMatchTheOfficialSpec(t *testing.T) {
	var spec []byte
	for _, p := range specPaths {
		if b, err := os.ReadFile(p); err == nil {
			spec = b
			break
		}
	}
	if spec == nil {
		t.Skip("the official openapi.yaml is not on this machine")
	}
	p, err := ProvenanceOf()
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(spec)
	if got := hex.EncodeToString(sum[:]); p.SHA256 != got {
		t.Fatalf("testdata was built from spec %s, the spec here is %s: run go run ./build/openaispec PATH/openapi.yaml", p.SHA256, got)
	}
	trimmed, err := Trim(spec)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(trimmed, SchemasJSON) {
		t.Errorf("testdata/openai-chat-schemas.json differs from what Trim builds now: run go run ./build/openaispec PATH/openapi.yaml")
	}
	if p.Version == "" {
		t.Errorf("no info.version recorded: %+v", p)
	}
}

func TestTrimKeepsReferencedSchemasAndRewritesNullable(t *testing.T) {
	spec := []byte(`
openapi: 3.1.0
info: {version: 9.9.9}
components:
  schemas:
    CreateChatCompletionRequest: {type: object, properties: {seed: {type: integer, nullable: true}, m: {$ref: '#/components/schemas/Mode'}}}
    CreateChatCompletionResponse: {type: object, properties: {nullable: {type: string}}}
    CreateChatCompletionStreamResponse: {$ref: '#/components/schemas/Wrapped', nullable: true}
    ListModelsResponse: {type: [string, integer], nullable: true}
    ErrorResponse: {type: object, nullable: false}
    Mode: {type: string, enum: [a, b], nullable: true}
    Wrapped: {type: object}
    Unused: {type: object}
`)
	out, err := Trim(spec)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Provenance Provenance `json:"x-provenance"`
		Components struct{ Schemas map[string]any }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"CreateChatCompletionRequest":        `{"properties":{"m":{"$ref":"#/components/schemas/Mode"},"seed":{"type":["integer","null"]}},"type":"object"}`,
		"CreateChatCompletionResponse":       `{"properties":{"nullable":{"type":"string"}},"type":"object"}`,
		"CreateChatCompletionStreamResponse": `{"anyOf":[{"$ref":"#/components/schemas/Wrapped"},{"type":"null"}]}`,
		"ListModelsResponse":                 `{"type":["string","integer","null"]}`,
		"ErrorResponse":                      `{"type":"object"}`,
		"Mode":                               `{"enum":["a","b",null],"type":["string","null"]}`,
		"Wrapped":                            `{"type":"object"}`,
	}
	got := map[string]string{}
	for name, s := range doc.Components.Schemas {
		b, _ := json.Marshal(s)
		got[name] = string(b)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("schemas:\n got %v\nwant %v", got, want)
	}
	if doc.Provenance.Version != "9.9.9" || len(doc.Provenance.SHA256) != 64 {
		t.Errorf("provenance %+v", doc.Provenance)
	}
	if _, err := Trim([]byte("info: {version: 1}\ncomponents: {schemas: {CreateChatCompletionRequest: {$ref: 'other.yaml#/X'}}}")); err == nil {
		t.Error("a $ref outside components.schemas was accepted")
	}
}

// A chunk as OpenAI streams it carries nulls the raw spec (which only says
// `nullable`) would refuse; the rewrite in the embedded copy accepts them.
func TestRealChunkWithNullsIsValid(t *testing.T) {
	chunk := `{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}`
	if err := ValidateChunk([]byte(chunk)); err != nil {
		t.Error(err)
	}
}

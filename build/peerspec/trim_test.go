package main

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The official spec sits beside the repository on the development machine;
// a clone elsewhere has only the committed trimmed copy, and this skips.
var specPaths = []string{"../../../shared/openai/openapi.yaml", "/work/shared/openai/openapi.yaml"}

func TestCommittedPeerSpecIsWhatTrimBuilds(t *testing.T) {
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
	committed, err := os.ReadFile("../aipeers/openai-chat.openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	trimmed, err := Trim(spec)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(trimmed, committed) {
		t.Errorf("build/aipeers/openai-chat.openapi.json differs from what Trim builds: run go run ./build/peerspec PATH/openapi.yaml")
	}
}

const tiny = `
openapi: 3.1.0
info: {title: OpenAI API, version: 9.9.9}
security: [{ApiKeyAuth: []}]
paths:
  /chat/completions:
    get: {operationId: listChatCompletions, responses: {200: {description: OK}}}
    post:
      operationId: createChatCompletion
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Req'}}}}
      responses:
        200: {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Resp'}}}}
        '429': {$ref: '#/components/responses/TooManyRequests'}
      x-oaiMeta: {examples: [curl]}
  /models:
    get: {operationId: listModels, responses: {'200': {description: OK}}}
  /embeddings:
    post: {operationId: createEmbedding, responses: {'200': {$ref: '#/components/responses/Unused'}}}
components:
  securitySchemes:
    ApiKeyAuth: {type: http, scheme: bearer}
    AdminApiKeyAuth: {type: http, scheme: bearer}
  responses:
    TooManyRequests: {description: slow down, content: {application/json: {schema: {$ref: '#/components/schemas/Err'}}}}
    Unused: {description: no}
  schemas:
    Req: {type: object, properties: {m: {$ref: '#/components/schemas/Msg'}}}
    Msg: {type: string, nullable: true}
    Resp: {type: object}
    Err: {type: object}
    Unused: {type: object}
`

// Only the two calls we make survive, with what they reach through $ref
// (schemas and responses), the security scheme the spec requires and YAML's
// unquoted status codes as JSON keys; code samples are dropped.
func TestTrimKeepsOurCallsAndWhatTheyReference(t *testing.T) {
	out, err := Trim([]byte(tiny))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI    string
		Info       map[string]any
		Security   []map[string][]string
		Paths      map[string]map[string]map[string]any
		Components map[string]map[string]any
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	if doc.OpenAPI != "3.1.0" || doc.Info["version"] != "9.9.9" || len(doc.Security) != 1 {
		t.Errorf("header: %s", out)
	}
	if len(doc.Paths) != 2 || len(doc.Paths["/chat/completions"]) != 1 || doc.Paths["/chat/completions"]["post"] == nil ||
		doc.Paths["/models"]["get"] == nil {
		t.Errorf("paths: want only POST /chat/completions and GET /models, got %v", doc.Paths)
	}
	post := doc.Paths["/chat/completions"]["post"]
	if _, ok := post["x-oaiMeta"]; ok {
		t.Error("code samples kept")
	}
	if got := keys(post["responses"].(map[string]any)); !reflect.DeepEqual(got, []string{"200", "429"}) {
		t.Errorf("responses %v", got)
	}
	want := map[string][]string{
		"schemas":         {"Err", "Msg", "Req", "Resp"},
		"responses":       {"TooManyRequests"},
		"securitySchemes": {"ApiKeyAuth"},
	}
	for kind, names := range want {
		if got := keys(doc.Components[kind]); !reflect.DeepEqual(got, names) {
			t.Errorf("components.%s = %v, want %v", kind, got, names)
		}
	}
	if len(doc.Components) != len(want) {
		t.Errorf("components %v, want only %v", doc.Components, want)
	}
	if again, _ := Trim([]byte(tiny)); !bytes.Equal(again, out) {
		t.Error("two runs on the same spec differ")
	}
}

func TestTrimRefusesWhatPrismCouldNotServe(t *testing.T) {
	cases := map[string]string{
		"no chat call":   strings.Replace(tiny, "    post:\n      operationId: createChatCompletion", "    put:\n      operationId: createChatCompletion", 1),
		"dangling ref":   strings.Replace(tiny, "    Resp: {type: object}\n", "", 1),
		"outside ref":    strings.Replace(tiny, "'#/components/schemas/Resp'", "'other.yaml#/Resp'", 1),
		"no security":    strings.Replace(tiny, "security: [{ApiKeyAuth: []}]\n", "", 1),
		"not openapi":    "just: text",
		"unknown scheme": strings.Replace(tiny, "security: [{ApiKeyAuth: []}]", "security: [{Other: []}]", 1),
	}
	for name, spec := range cases {
		if _, err := Trim([]byte(spec)); err == nil {
			t.Errorf("%s: accepted", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

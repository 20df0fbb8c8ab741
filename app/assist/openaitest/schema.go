package openaitest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemasJSON is the trimmed official spec (see Trim), checked in so a clean
// clone validates without the 3 MB original.
//
//go:embed testdata/openai-chat-schemas.json
var SchemasJSON []byte

const (
	docURL    = "file:///openai-chat-schemas.json"
	strictURL = "file:///strict-chat-request.json"
)

var compiled struct {
	once                             sync.Once
	err                              error
	request, strict, response, chunk *jsonschema.Schema
	models, errorBody                *jsonschema.Schema
}

func schemas() error {
	compiled.once.Do(func() { compiled.err = compile() })
	return compiled.err
}

func compile() error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemasJSON))
	if err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(docURL, doc); err != nil {
		return err
	}
	// The spec allows any extra property, so a typo ("temprature") would
	// pass and be ignored by the API; strict mode refuses it.
	strict := map[string]any{
		"$ref":                  docURL + "#/components/schemas/CreateChatCompletionRequest",
		"unevaluatedProperties": false,
	}
	if err := c.AddResource(strictURL, strict); err != nil {
		return err
	}
	for loc, dst := range map[string]**jsonschema.Schema{
		strictURL: &compiled.strict,
		docURL + "#/components/schemas/CreateChatCompletionRequest":        &compiled.request,
		docURL + "#/components/schemas/CreateChatCompletionResponse":       &compiled.response,
		docURL + "#/components/schemas/CreateChatCompletionStreamResponse": &compiled.chunk,
		docURL + "#/components/schemas/ListModelsResponse":                 &compiled.models,
		docURL + "#/components/schemas/ErrorResponse":                      &compiled.errorBody,
	} {
		if *dst, err = c.Compile(loc); err != nil {
			return fmt.Errorf("compiling %s: %w", loc, err)
		}
	}
	return nil
}

// ProvenanceOf reads where the embedded schemas came from.
func ProvenanceOf() (Provenance, error) {
	var doc struct {
		P Provenance `json:"x-provenance"`
	}
	err := json.Unmarshal(SchemasJSON, &doc)
	return doc.P, err
}

// ValidateRequest checks a chat-completions request body against the spec's
// CreateChatCompletionRequest in strict mode: a property the spec does not
// name (a misspelling the API would silently ignore) is refused too.
func ValidateRequest(body []byte) error {
	if err := validate(&compiled.request, body); err != nil {
		return err
	}
	// Only now: while the body is otherwise invalid, unevaluatedProperties
	// flags every property, which hides the real fault.
	err := validate(&compiled.strict, body)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	var lines []string
	for _, u := range ve.BasicOutput().Errors {
		name := u.InstanceLocation[strings.LastIndex(u.InstanceLocation, "/")+1:]
		lines = append(lines, fmt.Sprintf("at '%s': unknown property '%s' (not in CreateChatCompletionRequest)", u.InstanceLocation, name))
	}
	return errors.New(strings.Join(lines, "\n"))
}

// ValidateResponse checks a chat-completions JSON reply.
func ValidateResponse(body []byte) error { return validate(&compiled.response, body) }

// ValidateChunk checks one streamed chat.completion.chunk (the JSON after "data: ").
func ValidateChunk(body []byte) error { return validate(&compiled.chunk, body) }

// ValidateModels checks a GET /v1/models reply.
func ValidateModels(body []byte) error { return validate(&compiled.models, body) }

// ValidateError checks an error body ({"error": {...}}).
func ValidateError(body []byte) error { return validate(&compiled.errorBody, body) }

func validate(sch **jsonschema.Schema, body []byte) error {
	if err := schemas(); err != nil {
		return fmt.Errorf("openaitest: the embedded schemas do not compile: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if err := (*sch).Validate(inst); err != nil {
		if sch == &compiled.strict {
			return err // ValidateRequest words these itself
		}
		return readable(err)
	}
	return nil
}

// readable is the validator's tree of "at '/json/pointer': what is wrong"
// lines without its heading, so a test failure points at the field.
func readable(err error) error {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	msg := ve.Error()
	if _, rest, ok := strings.Cut(msg, "\n"); ok {
		msg = rest
	}
	return errors.New(msg)
}

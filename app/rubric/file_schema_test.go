// Tests that the JSON Schema documents the file format and agrees with
// Decode on valid and invalid files, the built-in rubric included.

package rubric

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"hirebench/app/model"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSchemaDocumentsTheFormat(t *testing.T) {
	var s struct {
		Schema      string `json:"$schema"`
		ID          string `json:"$id"`
		Title       string `json:"title"`
		Description string `json:"description"`
	}
	if err := json.Unmarshal(Schema, &s); err != nil {
		t.Fatal(err)
	}
	if s.Schema != "https://json-schema.org/draft/2020-12/schema" || s.ID != "https://hirebench.invalid/schema/rubric-v1.json" || s.Title == "" || s.Description == "" {
		t.Errorf("schema header = %+v", s)
	}
	// Every property of every object in the schema is described, and the
	// objects list exactly the fields of the Go types.
	var doc map[string]any
	if err := json.Unmarshal(Schema, &doc); err != nil {
		t.Fatal(err)
	}
	defs := doc["$defs"].(map[string]any)
	objects := map[string]map[string]any{"rubric": doc}
	for name, d := range defs {
		if d.(map[string]any)["properties"] != nil {
			objects[name] = d.(map[string]any)
		}
	}
	types := map[string]reflect.Type{
		"rubric": reflect.TypeFor[Rubric](), "scale": reflect.TypeFor[Scale](), "track": reflect.TypeFor[Track](),
		"competency": reflect.TypeFor[Competency](), "question": reflect.TypeFor[Question](), "screenFlag": reflect.TypeFor[ScreenFlag](),
		"sample": reflect.TypeFor[Sample](),
	}
	for name, typ := range types {
		obj := objects[name]
		if obj == nil {
			t.Errorf("schema has no object %q", name)
			continue
		}
		props := obj["properties"].(map[string]any)
		fields, _ := fieldsOf(typ)
		var got []string
		for p, v := range props {
			got = append(got, p)
			if d, _ := v.(map[string]any)["description"].(string); d == "" {
				if ref, _ := v.(map[string]any)["$ref"].(string); ref == "" || defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)["description"] == nil {
					t.Errorf("%s.%s has no description", name, p)
				}
			}
		}
		if !sameSet(got, fields) {
			t.Errorf("schema %s has properties %v; Go type %s has fields %v", name, got, typ, fields)
		}
		var required []string
		for _, r := range obj["required"].([]any) {
			required = append(required, r.(string))
		}
		if !sameSet(required, requiredKeys[typ]) {
			t.Errorf("schema %s requires %v; Decode requires %v", name, required, requiredKeys[typ])
		}
	}
}

func sameSet(a, b []string) bool {
	m := map[string]int{}
	for _, s := range a {
		m[s]++
	}
	for _, s := range b {
		m[s]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

// validExamples are files Decode accepts; the schema must accept them too.
func validExamples(t *testing.T) map[string][]byte {
	t.Helper()
	fixtureJSON, err := Encode(validRubric(), "json")
	if err != nil {
		t.Fatal(err)
	}
	fixtureYAML, err := Encode(validRubric(), "yaml")
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string][]byte{
		"fixture.json": fixtureJSON,
		"fixture.yaml": fixtureYAML,
		"small.yaml":   []byte(smallYAML),
		"small.json":   []byte(smallJSON),
	}
	for i, block := range docExamples(t) {
		examples[fmt.Sprintf("RUBRIC_FORMAT.md example %d.yaml", i+1)] = []byte(block)
	}
	for name, data := range builtinExamples(t) {
		examples[name] = data
	}
	return examples
}

// docExamples returns the YAML examples of docs/RUBRIC_FORMAT.md, so the
// documented example is proven valid.
func docExamples(t *testing.T) []string {
	t.Helper()
	md, err := os.ReadFile("../../docs/RUBRIC_FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(md), -1) {
		blocks = append(blocks, m[1])
	}
	if len(blocks) == 0 {
		t.Fatal("docs/RUBRIC_FORMAT.md has no yaml example")
	}
	return blocks
}

// schemaInstance parses a file for the schema validator: JSON directly,
// YAML through the same conversion Decode uses.
func schemaInstance(t *testing.T, data []byte, name string) any {
	t.Helper()
	if isJSON(data, name) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	var problems model.ValidationError
	v, err := parseYAML(data, &problems)
	if err != nil || problems.Fields != nil {
		t.Fatalf("parse %s: %v %v", name, err, problems.Fields)
	}
	return plain(v)
}

// plain turns the decoder's generic document into the map form the schema
// validator reads.
func plain(v any) any {
	switch v := v.(type) {
	case object:
		m := make(map[string]any, len(v))
		for _, kv := range v {
			m[kv.key] = plain(kv.val)
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plain(x)
		}
		return out
	}
	return v
}

func TestSchemaAcceptsValidExamples(t *testing.T) {
	schema := compileSchema(t)
	for name, data := range validExamples(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := Decode(data, name); err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if err := schema.Validate(schemaInstance(t, data, name)); err != nil {
				t.Errorf("schema rejects a valid rubric: %v", err)
			}
		})
	}
}

// TestSchemaAgreesOnInvalid feeds invalid files to both the schema and
// Decode: both must reject each, and the schema's complaint must point at
// (or contain) a path Decode reports, in the same path format.
func TestSchemaAgreesOnInvalid(t *testing.T) {
	schema := compileSchema(t)
	q0 := "competencies[0].questions[0]"
	tests := []struct {
		name, file, data string
		path             string // a path Decode must report; the schema reports it or its parent
	}{
		{"anchor of wrong type", "r.json", replaceOnce(smallJSON, `paginate?", "anchors": ["a", "b"`, `paginate?", "anchors": ["a", 2`), q0 + ".anchors[1]"},
		{"anchors not a list", "r.yaml", replaceOnce(smallYAML, "anchors: [a, b, c, d]", "anchors: abcd"), "competencies[1].questions[0].anchors"},
		{"missing prompt", "r.json", replaceOnce(smallJSON, `"prompt": "How would you paginate?", `, ""), q0 + ".prompt"},
		{"unknown property", "r.yaml", replaceOnce(smallYAML, "    track: platform\n", "    track: platform\n    level: senior\n"), "competencies[1].level"},
		{"unknown top-level property", "r.json", replaceOnce(smallJSON, `"name": "Backend engineer",`, `"name": "Backend engineer", "version": 2,`), "version"},
		{"bad kind", "r.yaml", replaceOnce(smallYAML, "kind: green", "kind: amber"), "screen[0].kind"},
		{"wrong format", "r.json", replaceOnce(smallJSON, "rubric/v1", "rubric/v2"), "format"},
		{"missing name", "r.json", replaceOnce(smallJSON, `"name": "Backend engineer",`, ""), "name"},
		{"bad id", "r.yaml", replaceOnce(smallYAML, "id: api-design", "id: API_design"), "competencies[0].id"},
		{"zero weight", "r.yaml", replaceOnce(smallYAML, "weight: 2.5", "weight: 0"), "competencies[1].weight"},
		{"weight too big", "r.json", replaceOnce(smallJSON, `"weight": 2`, `"weight": 100.5`), "competencies[0].questions[1].weight"},
		{"min as string", "r.json", replaceOnce(smallJSON, `"min": 1`, `"min": "1"`), "scale.min"},
		{"min fractional", "r.json", replaceOnce(smallJSON, `"min": 1`, `"min": 1.5`), "scale.min"},
		{"negative min", "r.yaml", replaceOnce(smallYAML, "min: 1", "min: -1"), "scale.min"},
		{"repeated label", "r.json", replaceOnce(smallJSON, `"Good", "Strong"`, `"Good", "Good"`), "scale.labels[3]"},
		{"empty anchor", "r.json", replaceOnce(smallJSON, `paginate?", "anchors": ["a", "b", "c"`, `paginate?", "anchors": ["a", "b", ""`), q0 + ".anchors[2]"},
		{"single anchor", "r.yaml", replaceOnce(smallYAML, "anchors: [a, b, c, d]", "anchors: [a]"), "competencies[1].questions[0].anchors"},
		{"no competencies", "r.json", `{"format": "hirebench.rubric/v1", "name": "x", "scale": {"min": 1, "max": 4, "labels": ["a", "b", "c", "d"]}, "competencies": []}`, "competencies"},
		{"no questions", "r.yaml", replaceOnce(smallYAML, "    questions:\n      - id: rollback\n        prompt: Walk me through your last rollback.\n        weight: 3\n        optional: true\n        anchors: [a, b, c, d]\n", "    questions: []\n"), "competencies[1].questions"},
		{"name with line break", "r.json", replaceOnce(smallJSON, `"name": "Backend engineer"`, `"name": "Backend\nengineer"`), "name"},
		{"prompt with control character", "r.json", replaceOnce(smallJSON, `"How would you paginate?"`, `"How would you\u0007 paginate?"`), q0 + ".prompt"},
		{"optional as string", "r.yaml", replaceOnce(smallYAML, "optional: true", "optional: maybe"), "competencies[1].questions[0].optional"},
		{"null track", "r.yaml", replaceOnce(smallYAML, "track: platform", "track: null"), "competencies[1].track"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(tt.data, "\x00MISSING") {
				t.Fatal("replaceOnce did not match")
			}
			_, err := Decode([]byte(tt.data), tt.file)
			var ve *model.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Decode accepts it (err %v)", err)
			}
			if !slicesContainsField(ve.Fields, tt.path) {
				t.Errorf("Decode does not report %s:\n%s", tt.path, listProblems(ve))
			}

			err = schema.Validate(schemaInstance(t, []byte(tt.data), tt.file))
			var se *jsonschema.ValidationError
			if !errors.As(err, &se) {
				t.Fatalf("schema accepts it (err %v)", err)
			}
			var paths []string
			for _, leaf := range leaves(se) {
				p := schemaPath(leaf.InstanceLocation)
				paths = append(paths, p)
				if p == "" && strings.ContainsAny(tt.path, ".[") {
					continue // a complaint about the whole file proves nothing here
				}
				if within(tt.path, p) {
					return
				}
			}
			t.Errorf("schema complains at %q, none of which is or contains %s", paths, tt.path)
		})
	}
}

func replaceOnce(doc, old, new string) string {
	if strings.Count(doc, old) != 1 {
		return "\x00MISSING"
	}
	return strings.Replace(doc, old, new, 1)
}

func slicesContainsField(fields []model.FieldError, path string) bool {
	for _, f := range fields {
		if f.Field == path {
			return true
		}
	}
	return false
}

// leaves returns the innermost errors of a schema validation error.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// schemaPath writes a schema instance location in Validate's path format.
func schemaPath(loc []string) string {
	p := ""
	for _, tok := range loc {
		if i, err := strconv.Atoi(tok); err == nil {
			p = joinIndex(p, i)
		} else {
			p = joinKey(p, tok)
		}
	}
	return p
}

// builtinExamples returns the built-in rubric (builtin.go) as JSON and YAML.
func builtinExamples(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, format := range []string{"json", "yaml"} {
		data, err := Encode(Builtin(), format)
		if err != nil {
			t.Fatal(err)
		}
		out["builtin."+format] = data
	}
	return out
}

func TestFileFormatBuiltin(t *testing.T) {
	b := Builtin()
	checkProblems(t, Validate(b))
	normalized := Builtin()
	Normalize(&normalized)
	if !reflect.DeepEqual(normalized, b) {
		t.Error("the built-in rubric is not normalized")
	}
	schema := compileSchema(t)
	for name, data := range builtinExamples(t) {
		got, err := Decode(data, name)
		if err != nil {
			t.Fatalf("Decode(%s): %v", name, err)
		}
		if !reflect.DeepEqual(got, b) {
			t.Errorf("%s does not round-trip", name)
		}
		if err := schema.Validate(schemaInstance(t, data, name)); err != nil {
			t.Errorf("schema rejects %s: %v", name, err)
		}
	}
}

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

// smallYAML is a complete 1–4 rubric as a person would write it: weights
// left out, one track, a screen checklist.
const smallYAML = `# A small rubric.
format: hirebench.rubric/v1
name: Backend engineer – phone screen
scale:
  min: 1
  max: 4
  labels: [No evidence, Weak, Good, Strong]
tracks:
  - id: platform
    name: Platform
competencies:
  - id: api-design
    name: API design
    questions:
      - id: pagination
        prompt: >-
          How would you paginate a list endpoint
          over a changing table?
        anchors:
          - Cannot describe a scheme.
          - Offsets only.
          - Cursors, and why offsets drift.
          - |
            Compares schemes with failure modes;
            has run one in production.
  - id: deploys
    name: Deploys
    track: platform
    weight: 2.5
    questions:
      - id: rollback
        prompt: Walk me through your last rollback.
        weight: 3
        optional: true
        anchors: [a, b, c, d]
screen:
  - id: shipped-api
    kind: green
    text: Built an API other teams used.
`

// smallJSON is the same kind of file in JSON.
const smallJSON = `{
  "format": "hirebench.rubric/v1",
  "name": "Backend engineer",
  "scale": {"min": 1, "max": 4, "labels": ["No evidence", "Weak", "Good", "Strong"]},
  "competencies": [
    {"id": "api-design", "name": "API design", "questions": [
      {"id": "pagination", "prompt": "How would you paginate?", "anchors": ["a", "b", "c", "d"]},
      {"id": "versioning", "prompt": "How do you version?", "weight": 2, "anchors": ["a", "b", "c", "d"]}
    ]}
  ]
}`

func TestDecodeYAML(t *testing.T) {
	r, err := Decode([]byte(smallYAML), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Backend engineer – phone screen" || r.Scale.Label(3) != "Good" {
		t.Errorf("name %q, label(3) %q", r.Name, r.Scale.Label(3))
	}
	q := r.Competencies[0].Questions[0]
	if q.Prompt != "How would you paginate a list endpoint over a changing table?" {
		t.Errorf("folded prompt = %q", q.Prompt)
	}
	if q.Anchors[3] != "Compares schemes with failure modes;\nhas run one in production." {
		t.Errorf("literal anchor = %q (want trimmed)", q.Anchors[3])
	}
	if r.Competencies[0].Weight != DefaultWeight || q.Weight != DefaultWeight {
		t.Errorf("omitted weights = %g, %g; want %g", r.Competencies[0].Weight, q.Weight, DefaultWeight)
	}
	if c := r.Competencies[1]; c.Weight != 2.5 || c.Questions[0].Weight != 3 || !c.Questions[0].Optional || c.Track != "platform" {
		t.Errorf("second competency = %+v", c)
	}
	if r.Screen[0].Kind != GreenFlag {
		t.Errorf("screen kind = %q", r.Screen[0].Kind)
	}
}

func TestDecodeJSON(t *testing.T) {
	r, err := Decode([]byte(smallJSON), "small.json")
	if err != nil {
		t.Fatal(err)
	}
	qs := r.Competencies[0].Questions
	if r.Competencies[0].Weight != 1 || qs[0].Weight != 1 || qs[1].Weight != 2 {
		t.Errorf("weights = %g, %g, %g", r.Competencies[0].Weight, qs[0].Weight, qs[1].Weight)
	}
	if r.Tracks != nil || r.Screen != nil || qs[0].FollowUps != nil {
		t.Error("omitted lists should be nil")
	}
}

func TestDecodeFormatDetection(t *testing.T) {
	jsonWithComment := "# not JSON\n" + smallJSON // valid YAML (JSON is YAML), invalid JSON
	tests := []struct {
		name, file, data string
		wantErr          string
	}{
		{"json by extension", "r.json", smallJSON, ""},
		{"json by extension, upper case", "R.JSON", smallJSON, ""},
		{"yaml by extension", "r.yml", smallYAML, ""},
		{"json sniffed", "", "\n  " + smallJSON, ""},
		{"yaml sniffed", "rubric.txt", smallYAML, ""},
		{"json read as yaml by extension", "r.yaml", smallJSON, ""},
		{"yaml read as json by extension", "r.json", smallYAML, "invalid JSON: line 1, column 1: invalid character '#'"},
		{"comment makes it yaml", "", jsonWithComment, ""},
		{"byte-order mark", "r.json", "\uFEFF" + smallJSON, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.data), tt.file)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			checkProblems(t, err, want{FileField, tt.wantErr})
		})
	}
}

// replace returns smallJSON with old replaced by new exactly once.
func replace(t *testing.T, doc, old, new string) string {
	t.Helper()
	if strings.Count(doc, old) != 1 {
		t.Fatalf("%q occurs %d times", old, strings.Count(doc, old))
	}
	return strings.Replace(doc, old, new, 1)
}

func TestDecodeProblems(t *testing.T) {
	q0 := "competencies[0].questions[0]"
	tests := []struct {
		name string
		file string // .json or .yaml
		doc  func(t *testing.T) string
		want []want
	}{
		// unknown fields
		{"json unknown field with suggestion", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"prompt": "How would you paginate?", "anchors"`, `"prompt": "How would you paginate?", "anchor"`)
		}, []want{{q0 + ".anchor", `unknown field (did you mean "anchors"?)`}, {q0 + ".anchors", "required field is missing"}}},
		{"yaml unknown field with suggestion", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "    weight: 2.5\n", "    wieght: 2.5\n")
		}, []want{{"competencies[1].wieght", `unknown field (did you mean "weight"?)`}}},
		{"unknown field in snake case", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "        optional: true\n", "        optional: true\n        red_flags: [x]\n")
		}, []want{{"competencies[1].questions[0].red_flags", `did you mean "redFlags"?`}}},
		{"unknown field abbreviated", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "API design"`, `"name": "API design", "desc": "x"`)
		}, []want{{"competencies[0].desc", `did you mean "description"?`}}},
		{"unknown field far from any", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "Backend engineer",`, `"name": "Backend engineer", "colour": "blue",`)
		}, []want{{"colour", "unknown field; the fields here are format, name, description, scale, tracks, competencies, screen"}}},
		{"unknown field with odd name", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1,`, `"min": 1, "lowest level": 1,`)
		}, []want{{`scale["lowest level"]`, "unknown field"}}},
		{"every unknown field listed", "r.yaml", func(t *testing.T) string {
			doc := replace(t, smallYAML, "name: Platform\n", "name: Platform\n    colour: red\n")
			return replace(t, doc, "    kind: green\n", "    kind: green\n    text2: x\n")
		}, []want{{"tracks[0].colour", "unknown field"}, {"screen[0].text2", `did you mean "text"?`}}},

		// types
		{"integer as string", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1`, `"min": "1"`)
		}, []want{{"scale.min", "must be an integer, not a string"}}},
		{"integer with fraction", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  min: 1\n", "  min: 1.5\n")
		}, []want{{"scale.min", "must be an integer, not 1.5"}}},
		{"integer too big", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"max": 4`, `"max": 1e300`)
		}, []want{{"scale.max", "1e300 is out of range"}}},
		{"number as string", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "weight: 2.5", `weight: "2.5"`)
		}, []want{{"competencies[1].weight", "must be a number, not a string"}}},
		{"number too big", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"weight": 2`, `"weight": 1e999`)
		}, []want{{"competencies[0].questions[1].weight", "1e999 is out of range"}}},
		{"yaml not a number", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "weight: 2.5", "weight: .nan")
		}, []want{{"competencies[1].weight", "must be a finite number, not .nan"}}},
		{"yaml infinite", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "weight: 3", "weight: .inf")
		}, []want{{"competencies[1].questions[0].weight", "must be a finite number"}}},
		{"boolean as string", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "optional: true", `optional: "yes"`)
		}, []want{{"competencies[1].questions[0].optional", "must be true or false, not a string"}}},
		{"string as number", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "text: Built an API other teams used.", "text: 42")
		}, []want{{"screen[0].text", "must be a string, not the number 42"}}},
		{"anchor of wrong type", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"How would you paginate?", "anchors": ["a"`, `"How would you paginate?", "anchors": [1`)
		}, []want{{q0 + ".anchors[0]", "must be a string, not the number 1"}}},
		{"list as string", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "labels: [No evidence, Weak, Good, Strong]", "labels: No evidence")
		}, []want{{"scale.labels", "must be a list, not a string"}}},
		{"object as list", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"scale": {"min": 1, "max": 4, "labels": ["No evidence", "Weak", "Good", "Strong"]}`, `"scale": [1, 4]`)
		}, []want{{"scale", "must be an object, not a list"}}},
		{"null", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "Backend engineer"`, `"name": null`)
		}, []want{{"name", "must be a string, not null"}}},
		{"yaml empty value", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "    name: Platform\n", "    name:\n")
		}, []want{{"tracks[0].name", "must be a string, not null"}}},
		{"yaml unknown tag", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "    name: Platform\n", "    name: !secret Platform\n")
		}, []want{{"tracks[0].name", "line 10: unsupported YAML tag !secret"}}},
		{"yaml unquoted date is text", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "    name: Platform\n", "    name: 2024-05-01\n    description: null\n")
		}, []want{{"tracks[0].description", "must be a string, not null"}}},

		// required fields and weights
		{"missing prompt", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"prompt": "How would you paginate?", `, ``)
		}, []want{{q0 + ".prompt", "required field is missing"}}},
		{"missing scale min", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  min: 1\n", "")
		}, []want{{"scale.min", "required field is missing"}}},
		{"missing format and competencies", "r.json", func(t *testing.T) string {
			return `{"name": "x", "scale": {"min": 1, "max": 4, "labels": ["a", "b", "c", "d"]}}`
		}, []want{{"format", `required field is missing ("hirebench.rubric/v1")`}, {"competencies", "required field is missing (at least one)"}}},
		{"explicit zero weight", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"weight": 2`, `"weight": 0`)
		}, []want{{"competencies[0].questions[1].weight", "must be greater than 0, not 0"}}},
		{"explicit zero weight in yaml", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "weight: 2.5", "weight: 0")
		}, []want{{"competencies[1].weight", "must be greater than 0"}}},

		// duplicates and YAML features
		{"json duplicate key", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "Backend engineer",`, `"name": "Backend engineer", "name": "Again",`)
		}, []want{{"name", "duplicate key"}}},
		{"yaml duplicate key", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  max: 4\n", "  max: 4\n  max: 5\n")
		}, []want{{"scale.max", "duplicate key on line 7 (first on line 6)"}}},
		{"yaml merge key", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  - id: platform\n    name: Platform\n", "  - &t\n    id: platform\n    name: Platform\n  - <<: *t\n    id: other\n")
		}, []want{{`tracks[1]["<<"]`, "merge keys (<<) are not supported"}, {"tracks[1].name", "required field is missing"}}},

		// validation after decoding, with the same paths
		{"validation problems", "r.yaml", func(t *testing.T) string {
			doc := replace(t, smallYAML, "kind: green", "kind: amber")
			return replace(t, doc, "anchors: [a, b, c, d]", "anchors: [a, b, c]")
		}, []want{{"competencies[1].questions[0].anchors", "3 anchors for a 1–4 scale (needs 4)"}, {"screen[0].kind", `"amber" is not a kind`}}},
		{"decode and validation problems together", "r.json", func(t *testing.T) string {
			doc := replace(t, smallJSON, `"id": "versioning"`, `"id": "pagination"`)
			return replace(t, doc, `"labels"`, `"label"`)
		}, []want{
			{"scale.label", `did you mean "labels"?`},
			{"scale.labels", "required field is missing"},
			{"competencies[0].questions[1].id", `id "pagination" is already used by competencies[0].questions[0]`},
		}},
		{"bad scale type does not cascade", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1`, `"min": "0"`)
		}, []want{{"scale.min", "must be an integer"}}},
		{"unknown scale field keeps the range checked", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1, "max": 4`, `"min": 4, "max": 4, "step": 1`)
		}, []want{{"scale.step", "unknown field"}, {"scale.max", "must be greater than min (4)"}}},
		{"text is trimmed before checking", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "name: Backend engineer – phone screen", `name: "   "`)
		}, []want{{"name", "must not be empty"}}},
		{"unsupported format", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"hirebench.rubric/v1"`, `"hirebench.rubric/v2"`)
		}, []want{{"format", `this version of hirebench reads "hirebench.rubric/v1"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Decode([]byte(tt.doc(t)), tt.file)
			checkProblems(t, err, tt.want...)
			if !reflect.DeepEqual(r, Rubric{}) {
				t.Error("Decode returned a rubric with its error")
			}
		})
	}
}

func TestDecodeFileProblems(t *testing.T) {
	valid, err := Encode(validRubric(), "json")
	if err != nil {
		t.Fatal(err)
	}
	padded := append(bytes.Clone(valid), bytes.Repeat([]byte(" "), MaxFileSize-len(valid))...)
	if _, err := Decode(padded, "big.json"); err != nil {
		t.Fatalf("a file of exactly MaxFileSize bytes: %v", err)
	}

	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'k'; i++ {
		laughs += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}

	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"too large", "big.json", append(padded, ' '), "the file is 2097153 bytes; a rubric file may be at most 2 MiB"},
		{"empty", "r.yaml", []byte(" \n\t\n"), "the file is empty"},
		{"only a comment", "r.yaml", []byte("# nothing here\n"), "the file is empty"},
		{"json syntax on a later line", "r.json", []byte("{\"name\":\n  x}"), "invalid JSON: line 2, column 3: invalid character 'x'"},
		{"json column counts characters", "r.json", []byte(`{"name": "–" x}`), "line 1, column 14: invalid character 'x' after object key:value pair"},
		{"json syntax", "r.json", []byte("{\n  \"format\": \"x\",\n}\n"), "invalid JSON: line 3, column 1: invalid character '}'"},
		{"json truncated", "r.json", []byte(`{"format": "x", "scale": {"min": 1`), "the file ends in the middle of a value"},
		{"json trailing data", "r.json", []byte(smallJSON + "\n{}"), "line 12, column 1: invalid character '{' after top-level value"},
		{"json not an object", "r.json", []byte(`["format"]`), "must hold one rubric object (format, name, scale, competencies…), not a list"},
		{"json nested too deep", "r.json", []byte(`{"name": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`), "nested more than"},
		{"yaml syntax", "r.yaml", []byte("format: hirebench.rubric/v1\nname: x\nscale:\n  min: 1\n max: 4\n"), "invalid YAML: line 4: did not find expected key"},
		{"yaml tab indentation", "r.yaml", []byte("format: x\nscale:\n\tmin: 1\n"), "invalid YAML: line 3:"},
		{"yaml second document", "r.yaml", []byte(smallYAML + "---\nname: again\n"), "a second document starts here"},
		{"yaml scalar", "r.yaml", []byte("just text\n"), "not a string"},
		{"yaml alias bomb", "r.yaml", []byte(laughs), "aliases expand to more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.data, tt.file)
			checkProblems(t, err, want{FileField, tt.want})
		})
	}
}

func TestEncodeJSON(t *testing.T) {
	r := validRubric()
	r.Name = "R&D <backend>"
	out, err := Encode(r, "json")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.HasPrefix(s, "{\n  \"format\": \"hirebench.rubric/v1\",\n  \"name\": \"R&D <backend>\",\n  \"description\"") {
		t.Errorf("want fixed order, two-space indent, no HTML escaping; got\n%.200s", s)
	}
	if !strings.HasSuffix(s, "}\n") {
		t.Error("want a trailing newline")
	}
	again, err := Encode(r, "JSON")
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("encoding is not stable: %v", err)
	}
	if _, err := Encode(r, "xml"); err == nil || !strings.Contains(err.Error(), `unknown rubric file format "xml"`) {
		t.Errorf("Encode(xml) error = %v", err)
	}
}

func TestEncodeYAML(t *testing.T) {
	out, err := Encode(validRubric(), "yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, part := range []string{
		"format: hirebench.rubric/v1\nname: Backend engineer – onsite\n",
		"scale:\n  min: 1\n  max: 4\n  labels:\n    - No evidence\n",
		"        weight: 0.5\n        optional: true\n",
		"kind: green",
	} {
		if !strings.Contains(s, part) {
			t.Errorf("YAML lacks %q:\n%s", part, s)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	fromYAML, err := Decode([]byte(smallYAML), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tricky := validRubric()
	tricky.Name = "yes" // a YAML 1.1 boolean
	tricky.Description = "#1: not a comment\n- not a list\n  indented, \"quoted\", trailing colon:"
	tricky.Tracks[0].Name = "2024-05-01"
	tricky.Competencies[0].Questions[0].Prompt = strings.Repeat("A long prompt that the YAML encoder folds. ", 40) + "End."
	tricky.Competencies[0].Questions[0].Probes = "null"
	tricky.Competencies[0].Questions[1].Anchors[0] = "0x10"
	tricky.Competencies[0].Questions[1].Weight = 0.1
	tricky.Competencies[0].Weight = 33.333333333333336
	tricky.Scale = Scale{Min: 0, Max: 3, Labels: []string{"0", "1.0", "~", "true"}}

	for name, r := range map[string]Rubric{"fixture": validRubric(), "small": fromYAML, "tricky": tricky} {
		for _, format := range []string{"json", "yaml"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				checkProblems(t, Validate(r))
				data, err := Encode(r, format)
				if err != nil {
					t.Fatal(err)
				}
				got, err := Decode(data, "rubric."+format)
				if err != nil {
					t.Fatalf("%v\n%s", err, data)
				}
				if !reflect.DeepEqual(got, r) {
					t.Errorf("round trip changed the rubric:\n got %#v\nwant %#v\n%s", got, r, data)
				}
			})
		}
	}
}

// ---- the JSON Schema ----

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

// FuzzDecode checks that Decode never panics and that whatever it accepts
// is valid and survives a round trip in both formats.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(smallJSON), "r.json")
	f.Add([]byte(smallYAML), "r.yaml")
	f.Add([]byte(`{"format": "hirebench.rubric/v1", "scale": {"min": 1e3}}`), "")
	f.Add([]byte("a: &a [*a]\n"), "r.yml")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		r, err := Decode(data, name)
		if err != nil {
			var ve *model.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("error is not a ValidationError: %v", err)
			}
			return
		}
		if err := Validate(r); err != nil {
			t.Fatalf("Decode accepted an invalid rubric: %v", err)
		}
		for _, format := range []string{"json", "yaml"} {
			out, err := Encode(r, format)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Decode(out, "r."+format)
			if err != nil || !reflect.DeepEqual(back, r) {
				t.Fatalf("%s round trip: %v\n%s", format, err, out)
			}
		}
	})
}

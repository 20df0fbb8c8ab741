// Tests of the problems Decode reports field by field, with their paths:
// unknown fields, wrong types, missing fields, duplicates, validation.

package rubric

import (
	"reflect"
	"strings"
	"testing"
)

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
		}, []want{{q0 + ".anchor", `Unknown field (did you mean "anchors"?)`}, {q0 + ".anchors", "Required field is missing"}}},
		{"yaml unknown field with suggestion", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "    weight: 2.5\n", "    wieght: 2.5\n")
		}, []want{{"competencies[1].wieght", `Unknown field (did you mean "weight"?)`}}},
		{"unknown field in snake case", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "        optional: true\n", "        optional: true\n        red_flags: [x]\n")
		}, []want{{"competencies[1].questions[0].red_flags", `did you mean "redFlags"?`}}},
		{"unknown field abbreviated", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "API design"`, `"name": "API design", "desc": "x"`)
		}, []want{{"competencies[0].desc", `did you mean "description"?`}}},
		{"unknown field far from any", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "Backend engineer",`, `"name": "Backend engineer", "colour": "blue",`)
		}, []want{{"colour", "Unknown field; the fields here are format, name, description, scale, tracks, competencies, screen"}}},
		{"unknown field with odd name", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1,`, `"min": 1, "lowest level": 1,`)
		}, []want{{`scale["lowest level"]`, "Unknown field"}}},
		{"every unknown field listed", "r.yaml", func(t *testing.T) string {
			doc := replace(t, smallYAML, "name: Platform\n", "name: Platform\n    colour: red\n")
			return replace(t, doc, "    kind: green\n", "    kind: green\n    text2: x\n")
		}, []want{{"tracks[0].colour", "Unknown field"}, {"screen[0].text2", `did you mean "text"?`}}},

		// types
		{"integer as string", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1`, `"min": "1"`)
		}, []want{{"scale.min", "must be an integer, not a string"}}},
		{"integer with fraction", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  min: 1\n", "  min: 1.5\n")
		}, []want{{"scale.min", "Must be an integer, not 1.5"}}},
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
		}, []want{{"competencies[1].weight", "Must be a finite number, not .nan"}}},
		{"yaml infinite", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "weight: 3", "weight: .inf")
		}, []want{{"competencies[1].questions[0].weight", "Must be a finite number"}}},
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
		}, []want{{"tracks[0].name", "Line 10: unsupported YAML tag !secret"}}},
		{"yaml unquoted date is text", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "    name: Platform\n", "    name: 2024-05-01\n    description: null\n")
		}, []want{{"tracks[0].description", "must be a string, not null"}}},

		// required fields and weights
		{"missing prompt", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"prompt": "How would you paginate?", `, ``)
		}, []want{{q0 + ".prompt", "Required field is missing"}}},
		{"missing scale min", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  min: 1\n", "")
		}, []want{{"scale.min", "Required field is missing"}}},
		{"missing format and competencies", "r.json", func(t *testing.T) string {
			return `{"name": "x", "scale": {"min": 1, "max": 4, "labels": ["a", "b", "c", "d"]}}`
		}, []want{{"format", `Required field is missing ("hirebench.rubric/v1")`}, {"competencies", "Required field is missing (at least one)"}}},
		{"explicit zero weight", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"weight": 2`, `"weight": 0`)
		}, []want{{"competencies[0].questions[1].weight", "Must be greater than 0, not 0"}}},
		{"explicit zero weight in yaml", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "weight: 2.5", "weight: 0")
		}, []want{{"competencies[1].weight", "Must be greater than 0"}}},

		// duplicates and YAML features
		{"json duplicate key", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"name": "Backend engineer",`, `"name": "Backend engineer", "name": "Again",`)
		}, []want{{"name", "Duplicate key"}}},
		{"yaml duplicate key", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  max: 4\n", "  max: 4\n  max: 5\n")
		}, []want{{"scale.max", "Duplicate key on line 7 (first on line 6)"}}},
		{"yaml merge key", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "  - id: platform\n    name: Platform\n", "  - &t\n    id: platform\n    name: Platform\n  - <<: *t\n    id: other\n")
		}, []want{{`tracks[1]["<<"]`, "merge keys (<<) are not supported"}, {"tracks[1].name", "Required field is missing"}}},

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
			{"scale.labels", "Required field is missing"},
			{"competencies[0].questions[1].id", `Id "pagination" is already used by competencies[0].questions[0]`},
		}},
		{"bad scale type does not cascade", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1`, `"min": "0"`)
		}, []want{{"scale.min", "must be an integer"}}},
		{"unknown scale field keeps the range checked", "r.json", func(t *testing.T) string {
			return replace(t, smallJSON, `"min": 1, "max": 4`, `"min": 4, "max": 4, "step": 1`)
		}, []want{{"scale.step", "Unknown field"}, {"scale.max", "Must be greater than min (4)"}}},
		{"text is trimmed before checking", "r.yaml", func(t *testing.T) string {
			return replace(t, smallYAML, "name: Backend engineer – phone screen", `name: "   "`)
		}, []want{{"name", "Must not be empty"}}},
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

// Tests of reading and writing rubric files: both formats, format detection,
// whole-file problems (size, syntax, aliases) and round trips.

package rubric

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
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
		{"yaml read as json by extension", "r.json", smallYAML, "Invalid JSON: line 1, column 1: invalid character '#'"},
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
		{"too large", "big.json", append(padded, ' '), "The file is 2097153 bytes; a rubric file may be at most 2 MiB"},
		{"empty", "r.yaml", []byte(" \n\t\n"), "The file is empty"},
		{"only a comment", "r.yaml", []byte("# nothing here\n"), "The file is empty"},
		{"json syntax on a later line", "r.json", []byte("{\"name\":\n  x}"), "Invalid JSON: line 2, column 3: invalid character 'x'"},
		{"json column counts characters", "r.json", []byte(`{"name": "–" x}`), "line 1, column 14: invalid character 'x' after object key:value pair"},
		{"json syntax", "r.json", []byte("{\n  \"format\": \"x\",\n}\n"), "Invalid JSON: line 3, column 1: invalid character '}'"},
		{"json truncated", "r.json", []byte(`{"format": "x", "scale": {"min": 1`), "the file ends in the middle of a value"},
		{"json trailing data", "r.json", []byte(smallJSON + "\n{}"), "line 12, column 1: invalid character '{' after top-level value"},
		{"json not an object", "r.json", []byte(`["format"]`), "must hold one rubric object (format, name, scale, competencies…), not a list"},
		{"json nested too deep", "r.json", []byte(`{"name": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`), "nested more than"},
		{"yaml syntax", "r.yaml", []byte("format: hirebench.rubric/v1\nname: x\nscale:\n  min: 1\n max: 4\n"), "Invalid YAML: line 4: did not find expected key"},
		{"yaml tab indentation", "r.yaml", []byte("format: x\nscale:\n\tmin: 1\n"), "Invalid YAML: line 3:"},
		{"yaml second document", "r.yaml", []byte(smallYAML + "---\nname: again\n"), "a second document starts here"},
		{"yaml scalar", "r.yaml", []byte("just text\n"), "not a string"},
		{"yaml alias bomb", "r.yaml", []byte(laughs), "aliases expand to more than"},
		{"json not UTF-8", "r.json", []byte("{\n  \"name\": \"Zo\xeb\"}"), "The file is not UTF-8 text (line 2, column 14 holds a byte that is not); save it as UTF-8"},
		{"yaml not UTF-8", "r.yaml", []byte("name: caf\xe9\n"), "The file is not UTF-8 text (line 1, column 10 holds a byte that is not)"},
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
	if _, err := Encode(r, "xml"); err == nil || !strings.Contains(err.Error(), `Unknown rubric file format "xml"`) {
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

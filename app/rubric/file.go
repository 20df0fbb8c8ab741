// The rubric file format's entry points: Decode reads a JSON or YAML file
// strictly, reporting every problem at once; Encode writes one.

package rubric

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"hirebench/app/model"
)

// MaxFileSize is the largest rubric file Decode reads (2 MiB); real rubrics
// are a few dozen kilobytes.
const MaxFileSize = 2 << 20

// FileField is the Field of problems with the file as a whole (too large,
// not JSON or YAML) rather than with one of its fields.
const FileField = "file"

// maxDepth bounds nesting; a rubric is at most six levels deep.
const maxDepth = 32

// maxAliasValues bounds the values YAML aliases may expand to, so a small
// "billion laughs" file cannot exhaust memory. Without aliases the file
// size bounds the values.
const maxAliasValues = 100_000

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode reads a rubric file. The format comes from the extension of name
// (.json, .yaml, .yml); without one of those, a file starting with "{" is
// JSON and anything else YAML. Decoding is strict: unknown fields, values of
// the wrong type, missing required fields and duplicate keys are errors. An
// omitted weight is DefaultWeight; a weight of 0 is an error. The result is
// normalized and validated.
//
// Every problem is returned together in a *model.ValidationError whose
// fields are JSON paths ("competencies[0].questions[1].anchors"), the same
// for JSON and YAML; problems with the file as a whole (size, syntax) are
// reported under FileField. On error the returned Rubric is empty.
func Decode(data []byte, name string) (Rubric, error) {
	if len(data) > MaxFileSize {
		return Rubric{}, model.Invalid(FileField, "the file is %d bytes; a rubric file may be at most 2 MiB (%d bytes)", len(data), MaxFileSize)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return Rubric{}, model.Invalid(FileField, "the file is empty")
	}
	// The JSON reader would turn such bytes into U+FFFD without a word.
	if !utf8.Valid(data) {
		return Rubric{}, model.Invalid(FileField, "the file is not UTF-8 text (%s holds a byte that is not); save it as UTF-8", firstInvalid(data))
	}

	var problems model.ValidationError
	var doc any
	var err error
	if isJSON(data, name) {
		doc, err = parseJSON(data, &problems)
	} else {
		doc, err = parseYAML(data, &problems)
	}
	if err != nil {
		return Rubric{}, model.Invalid(FileField, "%s", model.UpperFirst(err.Error()))
	}
	if _, ok := doc.(object); !ok {
		return Rubric{}, model.Invalid(FileField, "the file must hold one rubric object (format, name, scale, competencies…), not %s", describe(doc))
	}

	var r Rubric
	w := walker{errs: &problems}
	w.decode("", doc, reflect.ValueOf(&r).Elem())
	Normalize(&r)

	// When the scale's range could not be read, Validate must not count
	// labels and anchors against a made-up range.
	c := &checker{scaleUnknown: slices.ContainsFunc(problems.Fields, func(f model.FieldError) bool {
		return f.Field == "scale" || within(f.Field, "scale.min") || within(f.Field, "scale.max")
	})}
	c.rubric(r)
	// A value that could not be decoded was left at its zero value; leave
	// out what Validate says about it (or inside it), it is already reported.
	for _, f := range c.v.Fields {
		if !under(problems.Fields, f.Field) {
			problems.Fields = append(problems.Fields, f)
		}
	}
	if err := problems.Err(); err != nil {
		return Rubric{}, err
	}
	return r, nil
}

// firstInvalid says where the first byte that is not UTF-8 is: "line 3, column 7".
func firstInvalid(data []byte) string {
	line, col := 1, 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		data = data[n:]
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}

// under reports whether path is one of the fields' paths or lies inside one.
func under(fields []model.FieldError, path string) bool {
	return slices.ContainsFunc(fields, func(f model.FieldError) bool { return within(path, f.Field) })
}

// within reports whether path is outer or lies inside it
// ("scale.labels[2]" is within "scale" and "scale.labels").
func within(path, outer string) bool {
	if outer == "" {
		return true // the whole document
	}
	rest, ok := strings.CutPrefix(path, outer)
	return ok && (rest == "" || rest[0] == '.' || rest[0] == '[')
}

func isJSON(data []byte, name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))
}

// Encode writes r as "json" (two-space indent, fields in a fixed order,
// trailing newline) or "yaml". It does not validate r; Decode(Encode(r))
// gives r back for every valid, normalized rubric.
func Encode(r Rubric, format string) ([]byte, error) {
	var buf bytes.Buffer
	switch strings.ToLower(strings.TrimPrefix(format, ".")) {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return nil, fmt.Errorf("encode rubric as JSON: %w", err)
		}
	case "yaml", "yml":
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(r); err != nil {
			return nil, fmt.Errorf("encode rubric as YAML: %w", err)
		}
		if err := enc.Close(); err != nil {
			return nil, fmt.Errorf("encode rubric as YAML: %w", err)
		}
	default:
		return nil, model.Invalid("format", "unknown rubric file format %q; use \"json\" or \"yaml\"", format)
	}
	return buf.Bytes(), nil
}

// The generic document both formats are parsed into before it is decoded:
// object (keys in file order), []any, string, json.Number, bool, nil, and
// badValue for a value already reported as a problem.
type (
	object []member
	member struct {
		key string
		val any
	}
	badValue struct{}
)

package rubric

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"hirebench/app/model"
)

// Schema is the JSON Schema (draft 2020-12) of the v1 file format, the
// documented description of every field. Editors can use it for completion.
//
// Decode does not run it: the strict decoder below (unknown fields, types,
// required fields) plus Validate check everything the schema says and more
// (unique ids, track references, counts that depend on the scale), with one
// set of messages and paths for JSON and YAML. Running the schema too would
// only report the same problems twice in other words. Instead the tests
// compile the schema with santhosh-tekuri/jsonschema and check that it
// accepts every valid example and rejects the invalid ones Decode rejects,
// so the two cannot drift apart unnoticed.
//
//go:embed schema.json
var Schema []byte

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

	var problems model.ValidationError
	var doc any
	var err error
	if isJSON(data, name) {
		doc, err = parseJSON(data, &problems)
	} else {
		doc, err = parseYAML(data, &problems)
	}
	if err != nil {
		return Rubric{}, model.Invalid(FileField, "%s", err)
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
		return nil, fmt.Errorf("unknown rubric file format %q; use \"json\" or \"yaml\"", format)
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

// ---- JSON ----

type jsonParser struct {
	dec  *json.Decoder
	errs *model.ValidationError
}

func parseJSON(data []byte, errs *model.ValidationError) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec, errs: errs}
	v, err := p.value("", 0)
	if err == nil {
		if _, err = dec.Token(); err == io.EOF {
			return v, nil
		}
	}
	if errors.Is(err, errTooDeep) {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	// The streaming decoder's offsets are not always those of the offending
	// byte; the one-shot scanner's are (it counts the byte it fails on).
	var syntax *json.SyntaxError
	if err := json.Unmarshal(data, new(any)); errors.As(err, &syntax) {
		offset := syntax.Offset - 1
		if strings.Contains(syntax.Error(), "unexpected end") {
			return nil, fmt.Errorf("invalid JSON: %s: the file ends in the middle of a value", position(data, int64(len(data))))
		}
		return nil, fmt.Errorf("invalid JSON: %s: %s", position(data, offset), strings.TrimPrefix(syntax.Error(), "json: "))
	}
	return nil, fmt.Errorf("invalid JSON: %w", err)
}

// position turns a byte offset into "line L, column C" (1-based; columns
// count characters).
func position(data []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

var errTooDeep = fmt.Errorf("values are nested more than %d levels deep", maxDepth)

func (p *jsonParser) value(path string, depth int) (any, error) {
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF && depth > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return tok, nil // string, json.Number, bool or nil
	}
	if depth >= maxDepth {
		return nil, errTooDeep
	}
	switch delim {
	case '{':
		var obj object
		seen := map[string]bool{}
		for p.dec.More() {
			kt, err := p.dec.Token()
			if err != nil {
				return nil, err
			}
			key, _ := kt.(string)
			child := joinKey(path, key)
			v, err := p.value(child, depth+1)
			if err != nil {
				return nil, err
			}
			if seen[key] {
				p.errs.Add(child, "duplicate key; each field may appear once")
				continue
			}
			seen[key] = true
			obj = append(obj, member{key, v})
		}
		if obj == nil {
			obj = object{}
		}
		_, err := p.dec.Token() // '}'
		return obj, eofIsUnexpected(err)
	default: // '['
		arr := []any{}
		for i := 0; p.dec.More(); i++ {
			v, err := p.value(joinIndex(path, i), depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := p.dec.Token() // ']'
		return arr, eofIsUnexpected(err)
	}
}

func eofIsUnexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// ---- YAML ----

func parseYAML(data []byte, errs *model.ValidationError) (any, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, errors.New("the file is empty")
		}
		return nil, yamlError(err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != io.EOF {
		if err != nil {
			return nil, yamlError(err)
		}
		return nil, fmt.Errorf("invalid YAML: line %d: a second document starts here; a rubric file holds one document", max(next.Line-1, 1))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, errors.New("the file is empty")
		}
		root = root.Content[0]
	}
	c := &yamlConverter{errs: errs, budget: maxAliasValues, active: map[*yaml.Node]bool{}}
	return c.value(root, "", 0)
}

func yamlError(err error) error {
	return fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
}

type yamlConverter struct {
	errs   *model.ValidationError
	budget int                 // values aliases may still expand to
	active map[*yaml.Node]bool // anchors being expanded, to refuse cycles
}

func (c *yamlConverter) value(n *yaml.Node, path string, depth int) (any, error) {
	if len(c.active) > 0 {
		if c.budget--; c.budget < 0 {
			return nil, fmt.Errorf("invalid YAML: aliases expand to more than %d values", maxAliasValues)
		}
	}
	if depth >= maxDepth {
		return nil, fmt.Errorf("invalid YAML: line %d: %w", n.Line, errTooDeep)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil || c.active[n.Alias] {
			return nil, fmt.Errorf("invalid YAML: line %d: alias *%s refers to a value containing itself", n.Line, n.Value)
		}
		c.active[n.Alias] = true
		v, err := c.value(n.Alias, path, depth+1)
		delete(c.active, n.Alias)
		return v, err
	case yaml.MappingNode:
		obj := object{}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				c.errs.Add(path, "line %d: a key must be a plain name, not a list or mapping", k.Line)
				continue
			}
			if k.ShortTag() == "!!merge" {
				c.errs.Add(joinKey(path, k.Value), "line %d: merge keys (<<) are not supported; write the fields out", k.Line)
				continue
			}
			key := k.Value
			child := joinKey(path, key)
			if line, dup := seen[key]; dup {
				c.errs.Add(child, "duplicate key on line %d (first on line %d); each field may appear once", k.Line, line)
				continue
			}
			seen[key] = k.Line
			val, err := c.value(v, child, depth+1)
			if err != nil {
				return nil, err
			}
			obj = append(obj, member{key, val})
		}
		return obj, nil
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			v, err := c.value(item, joinIndex(path, i), depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		return arr, nil
	case yaml.ScalarNode:
		return c.scalar(n, path), nil
	}
	return nil, fmt.Errorf("invalid YAML: line %d: unexpected node", n.Line)
}

// scalar converts a YAML scalar to its JSON value; problems are recorded
// under path and yield badValue.
func (c *yamlConverter) scalar(n *yaml.Node, path string) any {
	switch tag := n.ShortTag(); tag {
	case "!!str", "!!timestamp":
		// An unquoted date is still text here (e.g. a name "2024-05-01").
		return n.Value
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	case "!!int":
		var v any
		if err := n.Decode(&v); err == nil {
			switch v := v.(type) {
			case int, int64, uint64:
				return json.Number(fmt.Sprint(v))
			case float64:
				return floatNumber(c, n, path, v)
			}
		}
	case "!!float":
		var f float64
		if err := n.Decode(&f); err == nil {
			return floatNumber(c, n, path, f)
		}
	default:
		c.errs.Add(path, "line %d: unsupported YAML tag %s", n.Line, n.Tag)
		return badValue{}
	}
	c.errs.Add(path, "line %d: cannot read %q as %s", n.Line, n.Value, n.ShortTag())
	return badValue{}
}

func floatNumber(c *yamlConverter, n *yaml.Node, path string, f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		c.errs.Add(path, "must be a finite number, not %s", n.Value)
		return badValue{}
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
}

// ---- decoding the generic document into a Rubric ----

// requiredKeys are the fields a file must spell out. Other fields may be
// left out: texts and lists are then empty, weights DefaultWeight.
var requiredKeys = map[reflect.Type][]string{
	reflect.TypeFor[Rubric]():     {"format", "name", "scale", "competencies"},
	reflect.TypeFor[Scale]():      {"min", "max", "labels"},
	reflect.TypeFor[Track]():      {"id", "name"},
	reflect.TypeFor[Competency](): {"id", "name", "questions"},
	reflect.TypeFor[Question]():   {"id", "prompt", "anchors"},
	reflect.TypeFor[ScreenFlag](): {"id", "kind", "text"},
}

// missingHints complete the message about a missing required field.
var missingHints = map[string]string{
	"format":       fmt.Sprintf(" (%q)", FormatV1),
	"labels":       " (one per level of the scale)",
	"anchors":      " (one per level of the scale)",
	"questions":    " (at least one)",
	"competencies": " (at least one)",
}

// defaultWeights are the types whose "weight" defaults to DefaultWeight.
var defaultWeights = map[reflect.Type]bool{
	reflect.TypeFor[Competency](): true,
	reflect.TypeFor[Question]():   true,
}

type walker struct {
	errs *model.ValidationError
}

func (w *walker) decode(path string, src any, dst reflect.Value) {
	if _, bad := src.(badValue); bad {
		return
	}
	switch dst.Kind() {
	case reflect.Struct:
		w.object(path, src, dst)
	case reflect.Slice:
		arr, ok := src.([]any)
		if !ok {
			w.wrongType(path, "must be a list", src)
			return
		}
		if len(arr) == 0 {
			return // nil, as Encode leaves empty lists out
		}
		s := reflect.MakeSlice(dst.Type(), len(arr), len(arr))
		for i, v := range arr {
			w.decode(joinIndex(path, i), v, s.Index(i))
		}
		dst.Set(s)
	case reflect.String:
		s, ok := src.(string)
		if !ok {
			w.wrongType(path, "must be a string", src)
			return
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := src.(bool)
		if !ok {
			w.wrongType(path, "must be true or false", src)
			return
		}
		dst.SetBool(b)
	case reflect.Int:
		n, ok := src.(json.Number)
		if !ok {
			w.wrongType(path, "must be an integer", src)
			return
		}
		if i, err := n.Int64(); err == nil {
			dst.SetInt(i)
			return
		}
		f, err := n.Float64()
		switch {
		case err == nil && f == math.Trunc(f) && math.Abs(f) <= 1<<53:
			dst.SetInt(int64(f)) // 4.0 is an integer, as in JSON Schema
		case err == nil && f != math.Trunc(f):
			w.errs.Add(path, "must be an integer, not %s", n)
		default:
			w.errs.Add(path, "%s is out of range", n)
		}
	case reflect.Float64:
		n, ok := src.(json.Number)
		if !ok {
			w.wrongType(path, "must be a number", src)
			return
		}
		f, err := n.Float64()
		if err != nil {
			w.errs.Add(path, "%s is out of range", n)
			return
		}
		dst.SetFloat(f)
	default:
		panic("rubric: no decoder for " + dst.Type().String())
	}
}

func (w *walker) object(path string, src any, dst reflect.Value) {
	obj, ok := src.(object)
	if !ok {
		w.wrongType(path, "must be an object", src)
		return
	}
	t := dst.Type()
	names, index := fieldsOf(t)
	present := map[string]bool{}
	for _, m := range obj {
		child := joinKey(path, m.key)
		i, known := index[m.key]
		if !known {
			if s := suggest(m.key, names); s != "" {
				w.errs.Add(child, "unknown field (did you mean %q?)", s)
			} else {
				w.errs.Add(child, "unknown field; the fields here are %s", strings.Join(names, ", "))
			}
			continue
		}
		present[m.key] = true
		w.decode(child, m.val, dst.Field(i))
	}
	for _, name := range requiredKeys[t] {
		if !present[name] {
			w.errs.Add(joinKey(path, name), "required field is missing%s", missingHints[name])
		}
	}
	if defaultWeights[t] && !present["weight"] {
		dst.Field(index["weight"]).SetFloat(DefaultWeight)
	}
}

func (w *walker) wrongType(path, want string, got any) {
	w.errs.Add(path, "%s, not %s", want, describe(got))
}

// describe names the kind of a generic value for messages.
func describe(v any) string {
	switch v := v.(type) {
	case object:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case json.Number:
		return "the number " + string(v)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	}
	return "that"
}

// fieldsOf lists the JSON names of a struct's fields in declaration order
// and maps each to its field index.
func fieldsOf(t reflect.Type) ([]string, map[string]int) {
	var names []string
	index := map[string]int{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		names = append(names, name)
		index[name] = i
	}
	return names, index
}

// suggest returns the known name closest to an unknown key, or "" when
// none is close: same letters ignoring case, "-", "_" and spaces; a prefix
// of at least four letters; or at most two edits apart.
func suggest(key string, names []string) string {
	norm := func(s string) string {
		return strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(s))
	}
	k := norm(key)
	best, bestDist := "", 3
	for _, name := range names {
		n := norm(name)
		d := editDistance(k, n)
		if len(k) >= 4 && strings.HasPrefix(n, k) {
			d = min(d, 1)
		}
		if d < bestDist && d < max(len(n)/2, 1) {
			best, bestDist = name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b (in bytes; keys
// are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

var plainKey = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$-]*$`)

// joinKey appends an object key to a path: "scale" + "labels" →
// "scale.labels"; keys that are not plain names are quoted: `a["my key"]`.
func joinKey(path, key string) string {
	if !plainKey.MatchString(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func joinIndex(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

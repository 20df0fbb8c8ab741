// Decoding the generic document into a Rubric field by field: types,
// required fields, default weights, unknown fields with suggestions, paths.

package rubric

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"hirebench/app/model"
)

// requiredKeys are the fields a file must spell out. Other fields may be
// left out: texts and lists are then empty, weights DefaultWeight.
var requiredKeys = map[reflect.Type][]string{
	reflect.TypeFor[Rubric]():     {"format", "name", "scale", "competencies"},
	reflect.TypeFor[Scale]():      {"min", "max", "labels"},
	reflect.TypeFor[Track]():      {"id", "name"},
	reflect.TypeFor[Competency](): {"id", "name", "questions"},
	reflect.TypeFor[Question]():   {"id", "prompt", "anchors"},
	reflect.TypeFor[ScreenFlag](): {"id", "kind", "text"},
	reflect.TypeFor[Sample]():     {"level", "answer"},
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

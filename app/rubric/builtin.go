// The built-in rubric for developers on the OpenAI platform, embedded from
// builtin.json and decoded afresh on every call.

package rubric

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// BuiltinName is the name of the built-in rubric for developers who build
// on the OpenAI platform; it matches the "name" in builtin.json.
const BuiltinName = "OpenAI platform developer (built-in)"

// builtinJSON is the built-in rubric, written in the project's own words.
//
//go:embed builtin.json
var builtinJSON []byte

// Builtin returns the built-in rubric. Each call decodes the embedded file
// afresh, so the result is a deep copy the caller may change freely.
// It panics only if the embedded file is broken, which the tests rule out.
func Builtin() Rubric {
	r, err := decodeBuiltin(builtinJSON)
	if err != nil {
		panic("rubric: embedded builtin.json is broken: " + err.Error())
	}
	return r
}

// decodeBuiltin decodes data strictly: unknown fields, trailing data, a
// wrong format or a wrong name are errors, so typos in builtin.json fail
// the tests instead of silently dropping content.
func decodeBuiltin(data []byte) (Rubric, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r Rubric
	if err := dec.Decode(&r); err != nil {
		return Rubric{}, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Rubric{}, errors.New("trailing data after the rubric object")
	}
	if r.Format != FormatV1 {
		return Rubric{}, fmt.Errorf("format %q, want %q", r.Format, FormatV1)
	}
	if r.Name != BuiltinName {
		return Rubric{}, fmt.Errorf("name %q, want %q", r.Name, BuiltinName)
	}
	return r, nil
}

// The JSON Schema of the rubric file format, embedded for editors; the
// tests keep it in step with Decode.

package rubric

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the v1 file format, the
// documented description of every field. Editors can use it for completion.
//
// Decode does not run it: the strict decoder (unknown fields, types,
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

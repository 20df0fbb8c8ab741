// Fuzz tests for the rubric file reader (JSON and YAML): no input panics or
// hangs, a refusal names where the problem is, and a rubric that is read
// writes back out and reads back in unchanged, in both formats.

package rubric

import (
	"errors"
	"os"
	"reflect"
	"testing"
	"unicode/utf8"

	"hirebench/app/model"
)

func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(smallJSON))
	if data, err := Encode(validRubric(), "json"); err == nil {
		f.Add(data)
	}
	if data, err := os.ReadFile("builtin.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"format":"hirebench.rubric/v1","name":"\u202e\u200b","scale":{"min":1,"max":1e400}}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`))
	f.Fuzz(func(t *testing.T, data []byte) { checkDecode(t, data, "rubric.json") })
}

func FuzzDecodeYAML(f *testing.F) {
	f.Add([]byte(smallYAML))
	if data, err := Encode(validRubric(), "yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"))
	f.Add([]byte("format: hirebench.rubric/v1\nname: !!binary aGk=\nscale: {min: 0o1, max: 0x4}\n"))
	f.Add([]byte("%YAML 1.2\n---\n? [a, b]\n: c\n...\n--- second\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkDecode(t, data, "rubric.yaml") })
}

// checkDecode holds the properties every input must have.
func checkDecode(t *testing.T, data []byte, name string) {
	r, err := Decode(data, name)
	if err != nil {
		var ve *model.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) == 0 {
			t.Fatalf("error %v (%T) is not a list of problems by field", err, err)
		}
		for _, fe := range ve.Fields {
			if fe.Message == "" || !utf8.ValidString(fe.Message) {
				t.Fatalf("problem at %q has the message %q", fe.Field, fe.Message)
			}
		}
		if !reflect.DeepEqual(r, Rubric{}) {
			t.Fatalf("a refused file gave a rubric: %#v", r)
		}
		return
	}
	if err := Validate(r); err != nil {
		t.Fatalf("Decode accepted a rubric that Validate refuses: %v", err)
	}
	again := r
	Normalize(&again)
	if !reflect.DeepEqual(again, r) {
		t.Fatalf("Decode's rubric is not normalised:\n got %#v\nwant %#v", again, r)
	}
	for _, format := range []string{"json", "yaml"} {
		out, err := Encode(r, format)
		if err != nil {
			t.Fatalf("Encode %s: %v", format, err)
		}
		back, err := Decode(out, "again."+format)
		if err != nil {
			t.Fatalf("the %s written from a valid rubric does not read back: %v\n%s", format, err, out)
		}
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("%s round trip changed the rubric:\n got %#v\nwant %#v\n%s", format, back, r, out)
		}
	}
	names := append([]string{r.Name}, r.Scale.Labels...)
	for _, c := range r.Competencies {
		names = append(names, c.Name)
	}
	for _, tr := range r.Tracks {
		names = append(names, tr.Name)
	}
	for _, s := range names {
		if model.DropInvisible(s, false) != s || !model.Visible(s) {
			t.Fatalf("name %+q keeps an invisible character or shows nothing", s)
		}
	}
}

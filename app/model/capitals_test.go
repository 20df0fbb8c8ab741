// Tests that validation messages reach the user as sentences: Add capitalises
// a message written in lower case but never a value the message starts with,
// and Sentences joins them without field names.

package model

import (
	"testing"
)

func TestAddStartsTheMessageWithACapital(t *testing.T) {
	v := &ValidationError{}
	v.Add("reason", "choose a reason for rejecting")
	v.Add("file", "%s is empty", "résumé.txt")
	v.Add("name", "%q is stage %d already", "screen", 2)
	v.Add("note", "élan is kept")
	want := []FieldError{
		{"reason", "Choose a reason for rejecting"},
		{"file", "résumé.txt is empty"},
		{"name", `"screen" is stage 2 already`},
		{"note", "Élan is kept"},
	}
	for i, w := range want {
		if v.Fields[i] != w {
			t.Errorf("field %d = %+v, want %+v", i, v.Fields[i], w)
		}
	}
}

func TestModelValidationMessagesStartWithACapital(t *testing.T) {
	long := make([]rune, 300)
	for i := range long {
		long[i] = 'x'
	}
	errs := []error{
		(&CandidateInput{}).Validate(),
		(&CandidateInput{Name: "Ada", Email: "ada-at-example", LinkedIn: "not a url", Phone: string(long)}).Validate(),
		(&RoleInput{}).Validate(),
		(&RoleInput{Title: "X", Status: "paused"}).Validate(),
	}
	if _, err := StageName(" "); err != nil {
		errs = append(errs, err)
	}
	if _, err := NoteBody("\n"); err != nil {
		errs = append(errs, err)
	}
	n := 0
	for _, err := range errs {
		ve, ok := err.(*ValidationError)
		if !ok {
			t.Fatalf("%v (%T) is not a *ValidationError", err, err)
		}
		for _, f := range ve.Fields {
			n++
			if f.Message == "" || UpperFirst(f.Message) != f.Message {
				t.Errorf("%s: %q starts in lower case", f.Field, f.Message)
			}
		}
	}
	if n < 6 {
		t.Errorf("only %d messages walked; the inputs stopped being invalid?", n)
	}
}

func TestSentencesLeaveOutFieldNames(t *testing.T) {
	v := &ValidationError{}
	v.Add("reason", "choose a reason for rejecting")
	v.Add("note", "the note is 2001 characters long; the limit is 2000.")
	v.Add("stage", "did you mean %q?", "Screen")
	v.Add("file", "%s is empty", "cv.txt")
	if got, want := v.Sentences(), `Choose a reason for rejecting. The note is 2001 characters long; the limit is 2000. Did you mean "Screen"? cv.txt is empty.`; got != want {
		t.Errorf("Sentences() = %q, want %q", got, want)
	}
}

// Tests that every message the window shows for bad input starts with a
// capital letter: the whole error-mapping table (bindings_test.go), so a
// message added anywhere in the services is checked as soon as its binding
// case is.

package app

import (
	"encoding/json"
	"regexp"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fileNameFirst is a message that starts with a file's name ("notes.db is
// not a hirebench backup"): the name is spelled as it is on disk.
var fileNameFirst = regexp.MustCompile(`^[^\s:;,]+\.[A-Za-z0-9]{1,8}[\s:;,]`)

func TestEveryMessageTheWindowShowsStartsWithACapital(t *testing.T) {
	b := newBench(t)
	broken := newBench(t)
	if err := broken.ws.store.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range allCases() {
		t.Run(c.method+"/"+c.input, func(t *testing.T) {
			on := b
			if c.broken {
				on = broken
			}
			err := c.call(t, on)
			var ue UserError
			if err == nil || json.Unmarshal([]byte(err.Error()), &ue) != nil {
				t.Skipf("no UserError (bindings_test.go says why): %v", err)
			}
			texts := []string{ue.Message}
			for _, f := range ue.Fields {
				texts = append(texts, f.Message)
			}
			for _, s := range texts {
				if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) && !fileNameFirst.MatchString(s) {
					t.Errorf("%s with %s: %q starts in lower case", c.method, c.input, s)
				}
			}
		})
	}
}

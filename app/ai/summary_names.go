// Interviewers' names in scorecard notes: replaced by the label the summary
// cites them by ("Interviewer A"), so no colleague's name is sent either.

package ai

import (
	"regexp"
	"strings"
	"sync"
)

// KindInterviewer counts the interviewers' names replaced (Redacted.Kinds).
const KindInterviewer = "interviewer"

// SomeColleague stands for a name two people share a part of ("Sam" for Sam
// Okafor and Sam Lee), or for a colleague whose card is not summarised.
const SomeColleague = "[COLLEAGUE]"

// Alias is a person's name and what stands for it in the text sent.
type Alias struct{ Name, Label string }

// Pseudonymise replaces each alias's name, its full name and each part of
// two or more letters, as whole words in any case (possessives keep their
// 's), by its label; a part two aliases share by SomeColleague. Run it
// after Redact, so the candidate's identity is already out. It returns the
// text and how many names were replaced.
func Pseudonymise(text string, aliases []Alias) (string, int) {
	label := map[string]string{}
	var forms []string
	for _, a := range aliases {
		for _, f := range nameForms(a.Name) {
			k := formKey(f)
			switch was, seen := label[k]; {
			case !seen:
				label[k] = a.Label
				forms = append(forms, f)
			case was != a.Label:
				label[k] = SomeColleague
			}
		}
	}
	re := literalRe(forms, true)
	if re == nil {
		return text, 0
	}
	r := redactor{kinds: map[string]int{}}
	out := r.replace(text, re, KindInterviewer, func(s string, m []int) (hit, bool) {
		if !wordAt(s, m[0], m[1]) {
			return hit{}, false
		}
		l, ok := label[formKey(s[m[0]:m[1]])]
		if !ok {
			l = SomeColleague // a case fold the key does not share; still a name
		}
		return hit{start: m[0], end: m[1], repl: l, set: true}, true
	})
	return out, r.kinds[KindInterviewer]
}

// spaceRun is compiled on first use (importing app/ai costs start-up nothing).
var spaceRun = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+`) })

// formKey is how a name form is looked up whatever its case, spacing or apostrophe.
func formKey(s string) string {
	return strings.ToLower(spaceRun().ReplaceAllString(strings.ReplaceAll(s, "’", "'"), " "))
}

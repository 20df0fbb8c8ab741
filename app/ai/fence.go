// Keeping data inside its block: text sent between our delimiters
// (<resume>…</resume>, <notes>…</notes>) cannot close its own block and
// speak as the rubric or the recruiter.

package ai

import (
	"regexp"
	"strings"
	"sync"
)

// fences are the patterns compiled so far, by their tag list (compiled on
// first use: importing app/ai costs start-up nothing).
var fences sync.Map // "notes|anchors" → *regexp.Regexp

// fence replaces each <tag> and </tag> of tags in text, in any case, by
// ‹tag› and ‹/tag› as written.
func fence(text string, tags ...string) string {
	k := strings.Join(tags, "|")
	re, ok := fences.Load(k)
	if !ok {
		quoted := make([]string, len(tags))
		for i, t := range tags {
			quoted[i] = regexp.QuoteMeta(t)
		}
		re, _ = fences.LoadOrStore(k, regexp.MustCompile(`(?i)<(/?)(`+strings.Join(quoted, "|")+`)>`))
	}
	return re.(*regexp.Regexp).ReplaceAllString(text, "‹$1$2›")
}

// The blocks each request fences its data in.
var (
	resumeTags = []string{"resume", "checklist"}
	notesTags  = []string{"notes", "anchors"}
)

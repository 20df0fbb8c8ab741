package assist

import (
	"errors"
	"fmt"
	"testing"

	"hirebench/app/model"
)

// The window's refusal knows an unusable reply by its type; words are
// only a fallback for errors that carry none.
func TestRefusalKnowsReplyErrorsByType(t *testing.T) {
	typed := fmt.Errorf("run 2 of 3: %w", &ReplyError{Refused: true, why: "the AI model declined to answer this request; nothing was filled in"})
	for name, c := range map[string]struct {
		err      error
		conflict bool
	}{
		"typed, wrapped in other words": {typed, true},
		"untyped, by its words":         {errors.New("the AI reply did not follow the checklist, so nothing was filled in"), true},
		"a workspace error":             {errors.New("disk I/O error"), false},
		"a validation error":            {model.Invalid("resume", "the AI cannot read an empty resume"), false},
	} {
		got := refusal(c.err)
		if errors.Is(got, model.ErrConflict) != c.conflict {
			t.Errorf("%s: %v (conflict %v), want conflict %v", name, got, errors.Is(got, model.ErrConflict), c.conflict)
		}
	}
}

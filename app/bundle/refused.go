// RefusedError: a bundle not accepted at all, with its problems listed (up to
// maxProblems) and matched by errors.Is as model.ErrConflict.

package bundle

import (
	"errors"
	"fmt"
	"strings"

	"hirebench/app/model"
)

// RefusedError is returned when a bundle is not accepted at all: not a
// bundle, an unknown format, over a limit, unsafe paths, inconsistent
// content or scorecards that do not match their hash. Nothing was written.
type RefusedError struct {
	Problems []string
	// More counts the problems found beyond those listed.
	More int
}

func (e *RefusedError) Error() string { return "bundle refused: " + joinProblems(e.Problems, e.More) }

// joinProblems lists up to maxProblems problems and counts the rest, more
// of them not in list.
func joinProblems(list []string, more int) string {
	r := refusedList(list, more)
	msg := strings.Join(r.Problems, "; ")
	if r.More > 0 {
		msg += "; and " + model.Count(r.More, "more problem", "more problems")
	}
	return msg
}

// Unwrap lets errors.Is(err, model.ErrConflict) match: the file contradicts
// what a bundle must be, and the user has to act (ask for a new bundle).
func (e *RefusedError) Unwrap() error { return model.ErrConflict }

// refusedList refuses with problems and more not listed, keeping no more
// than maxProblems of them in words.
func refusedList(problems []string, more int) *RefusedError {
	if len(problems) > maxProblems {
		problems, more = problems[:maxProblems:maxProblems], more+len(problems)-maxProblems
	}
	return &RefusedError{Problems: problems, More: more}
}

func refused(format string, args ...any) error {
	return &RefusedError{Problems: []string{fmt.Sprintf(format, args...)}}
}

// IsRefused says whether err means the bundle itself was not accepted.
func IsRefused(err error) bool {
	var re *RefusedError
	return errors.As(err, &re)
}

package cli

import (
	"fmt"
	"testing"

	"hirebench/app/model"
)

// A refusal's line says why, without the sentinel's word ("…: conflict")
// that Go's wrapping leaves at its end; other errors keep theirs.
func TestDescribeWordsARefusal(t *testing.T) {
	refused := fmt.Errorf("the committee workbook holds every interviewer's scorecards, so only the recruiter exports it: %w", model.ErrConflict)
	changed := fmt.Errorf("storage: candidate 7: %w", &model.ChangedError{By: "Priya", At: "2026-12-02T10:00:00Z", Now: "2026-12-02T10:02:00Z"})
	for err, want := range map[error]string{
		refused: "the committee workbook holds every interviewer's scorecards, so only the recruiter exports it",
		fmt.Errorf("candidate 9: %w", model.ErrNotFound): "candidate 9: not found",
	} {
		if got := Describe(err); got != want {
			t.Errorf("Describe(%q) = %q, want %q", err, got, want)
		}
	}
	if got, want := Describe(changed), "storage: candidate 7: changed by Priya 2 minutes ago — reload to see their change"; got != want {
		t.Errorf("a changed record reads %q, want %q", got, want)
	}
}

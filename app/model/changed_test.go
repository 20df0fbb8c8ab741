package model

import (
	"errors"
	"fmt"
	"testing"
)

func TestAgo(t *testing.T) {
	const now = "2026-03-02T15:30:00.000Z"
	for _, tc := range []struct{ at, want string }{
		{"2026-03-02T15:30:00.000Z", "just now"},
		{"2026-03-02T15:29:00.001Z", "just now"},
		{"2026-03-02T15:31:00.000Z", "just now"}, // another laptop's clock ahead
		{"2026-03-02T15:29:00.000Z", "1 minute ago"},
		{"2026-03-02T15:28:00.000Z", "2 minutes ago"},
		{"2026-03-02T14:30:00.001Z", "59 minutes ago"},
		{"2026-03-02T14:30:00.000Z", "1 hour ago"},
		{"2026-03-02T10:00:00.000Z", "5 hours ago"},
		{"2026-03-01T15:30:00.001Z", "23 hours ago"},
		{"2026-03-01T15:30:00.000Z", "on 1 March 2026"},
		{"2025-12-24T08:00:00Z", "on 24 December 2025"},
		{"yesterday", "a while ago"},
	} {
		if got := Ago(tc.at, now); got != tc.want {
			t.Errorf("Ago(%s) = %q, want %q", tc.at, got, tc.want)
		}
	}
}

func TestChangedErrorWords(t *testing.T) {
	const at, now = "2026-03-02T15:28:00.000Z", "2026-03-02T15:30:00.000Z"
	for _, tc := range []struct {
		e    ChangedError
		want string
	}{
		{ChangedError{By: "Priya", At: at, Now: now}, "changed by Priya 2 minutes ago — reload to see their change"},
		{ChangedError{By: "Priya", Self: true, At: at, Now: now}, "changed by you in another window 2 minutes ago — reload to see your change"},
		{ChangedError{At: at, Now: now}, "changed by someone else 2 minutes ago — reload to see the change"},
		{ChangedError{By: "Priya", At: at, Now: now, MovedTo: "Offer"}, "moved to Offer by Priya 2 minutes ago — reload to see the move"},
		{ChangedError{By: "Sam", Self: true, At: now, Now: now, MovedTo: "Screen"}, "moved to Screen by you in another window just now — reload to see the move"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v says %q, want %q", tc.e, got, tc.want)
		}
	}
	wrapped := fmt.Errorf("saving: %w", &ChangedError{By: "Priya", At: at, Now: now})
	if !errors.Is(wrapped, ErrConflict) {
		t.Error("a changed record is not a conflict")
	}
	if got := RefusalSentence(&ChangedError{By: "Priya", At: at, Now: now}); got != "Changed by Priya 2 minutes ago — reload to see their change." {
		t.Errorf("as a sentence: %q", got)
	}
}

// The refusal of an edit or a move made from an older copy of a record, and
// how long ago something happened, in plain words.

package model

import (
	"fmt"
	"time"
)

// ChangedError refuses an edit or a card move made from what someone
// loaded before another change: saving it would silently undo that change
// (two people in a shared workspace, or one person in two windows).
// errors.Is(err, ErrConflict) holds; the app answers with "reload".
type ChangedError struct {
	// By is who made the change ("" when no one is recorded).
	By string `json:"by"`
	// Self: By is the person refused (their own change, elsewhere).
	Self bool `json:"self"`
	// At is when the change was made and Now when it was refused (RFC 3339).
	At  string `json:"at"`
	Now string `json:"now"`
	// MovedTo is, for a refused move, the stage the card is in now.
	MovedTo string `json:"movedTo,omitempty"`
}

func (e *ChangedError) Error() string {
	who, whose := "by "+e.By, "their change"
	switch {
	case e.Self:
		who, whose = "by you in another window", "your change"
	case e.By == "":
		who, whose = "by someone else", "the change"
	}
	if e.MovedTo != "" {
		return fmt.Sprintf("moved to %s %s %s — reload to see the move", e.MovedTo, who, Ago(e.At, e.Now))
	}
	return fmt.Sprintf("changed %s %s — reload to see %s", who, Ago(e.At, e.Now), whose)
}

// Is lets errors.Is(err, ErrConflict) match a changed record.
func (e *ChangedError) Is(target error) bool { return target == ErrConflict }

// Ago says how long before now (both RFC 3339) at was: "just now" under a
// minute (or when at is after now: another laptop's clock may be ahead),
// then minutes, then hours, and from a day on the date ("on 2 March 2026",
// UTC). A time that cannot be read is "a while ago".
func Ago(at, now string) string {
	t, err1 := time.Parse(time.RFC3339Nano, at)
	n, err2 := time.Parse(time.RFC3339Nano, now)
	if err1 != nil || err2 != nil {
		return "a while ago"
	}
	switch d := n.Sub(t); {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return Count(int(d/time.Minute), "minute", "minutes") + " ago"
	case d < 24*time.Hour:
		return Count(int(d/time.Hour), "hour", "hours") + " ago"
	}
	return "on " + t.UTC().Format("2 January 2006")
}

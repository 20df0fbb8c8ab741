// Turns service errors into the UserError JSON the frontend shows next to each
// field, logging internal details instead of showing them.

package app

import (
	"encoding/json"
	"errors"
	"log/slog"

	"hirebench/app/model"
	"hirebench/storage"
)

// UserError is what the frontend receives when a call fails: Wails rejects
// the promise with this JSON as the message, and the typed API layer parses
// it back, so forms can put each message next to its field.
type UserError struct {
	// Code is invalid, duplicate, not_found, changed, conflict, locked or
	// internal. changed: someone changed the record (or moved the card)
	// since the window loaded it; the window offers to reload.
	Code    string             `json:"code"`
	Message string             `json:"message"`
	Fields  []model.FieldError `json:"fields,omitempty"`
	// ProfileID is the protected profile to unlock (locked).
	ProfileID int64 `json:"profileId,omitempty"`
	// ExistingID is the candidate that already has the email (duplicate).
	ExistingID   int64  `json:"existingId,omitempty"`
	ExistingName string `json:"existingName,omitempty"`
}

func (e *UserError) Error() string {
	b, _ := json.Marshal(e)
	return string(b)
}

// userError turns any service error into user text. Internal details are
// logged (without personal data: storage errors carry no field values) and
// replaced by a plain sentence.
func userError(err error) error {
	if err == nil {
		return nil
	}
	var ve *model.ValidationError
	var dup *model.DuplicateEmailError
	var locked *model.LockedError
	var changed *model.ChangedError
	switch {
	case errors.As(err, &locked):
		return &UserError{Code: "locked", Message: model.Sentence(locked.Error()), ProfileID: locked.ProfileID}
	case errors.As(err, &dup):
		return &UserError{Code: "duplicate", Message: "A candidate with this email already exists: " + dup.ExistingName + ".",
			Fields:     []model.FieldError{{Field: "email", Message: "Already used by " + dup.ExistingName}},
			ExistingID: dup.ExistingID, ExistingName: dup.ExistingName}
	case errors.As(err, &ve):
		return &UserError{Code: "invalid", Message: ve.Sentences(), Fields: ve.Fields}
	case errors.Is(err, model.ErrNotFound):
		return &UserError{Code: "not_found", Message: "That record no longer exists (" + err.Error() + "). Reload to see the current state."}
	case errors.As(err, &changed):
		return &UserError{Code: "changed", Message: model.RefusalSentence(changed)}
	case errors.Is(err, model.ErrConflict):
		return &UserError{Code: "conflict", Message: model.RefusalSentence(err)}
	case storage.RefusedByServer(err):
		return &UserError{Code: "conflict", Message: refusedByServer}
	case errors.Is(err, storage.ErrSQLiteOnly):
		return &UserError{Code: "conflict", Message: "This works on a local workspace only, not yet on a shared one on PostgreSQL."}
	default:
		slog.Error("internal error", "err", err)
		return &UserError{Code: "internal", Message: "Something went wrong and nothing was saved. Details are in the log."}
	}
}

// result is the facade's one-liner: return a value or a user error.
func result[T any](v T, err error) (T, error) {
	if err != nil {
		var zero T
		return zero, userError(err)
	}
	return v, nil
}

// refusedByServer is what a person reads when the shared workspace's server
// refused what the app let through (its policies are the last word).
const refusedByServer = "The shared workspace's server does not let your login do this; a recruiter can."

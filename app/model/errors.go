// The errors every layer shares: not found, conflict, per-field validation errors,
// a duplicate email and a locked profile.

package model

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// ErrNotFound is wrapped with context ("candidate 12: not found").
	ErrNotFound = errors.New("not found")
	// ErrConflict means the request contradicts the current state.
	ErrConflict = errors.New("conflict")
)

// FieldError names the field a message is about, so forms can show it inline.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists every problem found in one input; nothing is saved.
type ValidationError struct {
	Fields []FieldError `json:"fields"`
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return strings.Join(parts, "; ")
}

// Add records a problem with a field. The message is what the user reads
// next to the field, so it starts with a capital letter: a format written in
// lower case, as Go errors are, is capitalised here, the one place every
// validation message passes. A format that starts with a value ("%q is…")
// is left as it is: the value is the user's, spelled as they spelled it.
func (e *ValidationError) Add(field, format string, args ...any) {
	e.Fields = append(e.Fields, FieldError{Field: field, Message: fmt.Sprintf(UpperFirst(format), args...)})
}

// UpperFirst is s with its first letter in upper case: for a message made
// elsewhere (a parser's error) that becomes a validation message whole.
func UpperFirst(s string) string {
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// Sentences is every message as the user reads it where no form field can
// show it (a toast, a dialog's line): each a sentence, without the field
// keys (stageId, answers.q1), which the form uses to place them.
func (e *ValidationError) Sentences() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		m := strings.TrimSpace(f.Message)
		if !strings.HasSuffix(m, ".") && !strings.HasSuffix(m, "?") && !strings.HasSuffix(m, "!") {
			m += "."
		}
		parts[i] = m
	}
	return strings.Join(parts, " ")
}

// Err returns nil when no problem was added, so callers can `return v.Err()`.
func (e *ValidationError) Err() error {
	if len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Invalid builds a one-field validation error.
func Invalid(field, format string, args ...any) error {
	v := &ValidationError{}
	v.Add(field, format, args...)
	return v
}

// DuplicateEmailError is returned when a new candidate's email already
// belongs to someone, so the UI can offer to open the existing record.
type DuplicateEmailError struct {
	Email        string `json:"email"`
	ExistingID   int64  `json:"existingId"`
	ExistingName string `json:"existingName"`
}

func (e *DuplicateEmailError) Error() string {
	return fmt.Sprintf("email %s already belongs to candidate %d", e.Email, e.ExistingID)
}

// Is lets errors.Is(err, ErrConflict) match duplicates too.
func (e *DuplicateEmailError) Is(target error) bool { return target == ErrConflict }

// LockedError says a profile is protected by a passphrase and has not been
// unlocked in this session: the app asks for the passphrase.
type LockedError struct {
	ProfileID int64  `json:"profileId"`
	Name      string `json:"name"`
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s's profile is protected: enter its passphrase", e.Name)
}

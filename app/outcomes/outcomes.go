// Package outcomes holds the rules for what happened after a hire: which
// applications count as hired, who records an outcome, what a valid one is
// (ratings on a 1–5 scale, a leaving date with whether it was regretted),
// and the Validity report that correlates a role's interview scores with
// those outcomes (the numbers and caveat words are app/validity's). It
// reads and writes nothing: app/interviews gathers and stores
// (validity.go). docs/FAIRNESS.md has the worked example.
package outcomes

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

// The rating scale every outcome rating is on.
const (
	MinRating = 1
	MaxRating = 5
	// Scale says the scale in words, beside every rating field.
	Scale = "1 (well below expectations) to 5 (well above)"
	// DateLayout is how a leaving date is written.
	DateLayout = "2006-01-02"
)

// Input is an outcome as the recruiter records it; nil or "" is not
// (yet) known. Recording replaces the whole outcome.
type Input struct {
	Rating90d *int   `json:"rating90d"`
	Rating1y  *int   `json:"rating1y"`
	LeftOn    string `json:"leftOn"`    // YYYY-MM-DD; "" while still employed
	Regretted *bool  `json:"regretted"` // only with LeftOn
}

// Outcome is a recorded outcome with who recorded it and when.
type Outcome struct {
	Input
	RecordedBy string `json:"recordedBy"`
	RecordedAt string `json:"recordedAt"`
}

// Entry is one of a candidate's hired applications, with its outcome (nil
// until one is recorded): the window shows a form per entry.
type Entry struct {
	ApplicationID int64    `json:"applicationId"`
	RoleID        int64    `json:"roleId"`
	RoleTitle     string   `json:"roleTitle"`
	Stage         string   `json:"stage"`
	HiredAt       string   `json:"hiredAt"`
	Outcome       *Outcome `json:"outcome"`
	Scale         string   `json:"scale"`
}

// May is the one rule for who records or reads outcomes: the recruiter (or
// the command line). Performance ratings are about people's jobs, not
// their interviews: interviewers see only the role's aggregates, and not
// even those here.
func May(who scoring.Exporter) error {
	if who.IsRecruiter || who.Owner {
		return nil
	}
	return fmt.Errorf("only the recruiter records or reads outcomes after a hire: %w", model.ErrConflict)
}

// Hired says whether an application in this stage counts as hired: an
// active stage whose name's first word starts with "hire" (Hired, Hire,
// "Hired – started"), any case. "Hiring manager" is not one: its first
// word is "hiring", which is checked as a whole word here.
func Hired(stage string, kind model.StageKind) bool {
	if kind != model.StageActive {
		return false
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(stage)), " ")
	first = strings.TrimRightFunc(first, func(r rune) bool { return !unicode.IsLetter(r) })
	return first == "hire" || first == "hired"
}

// NotHired is the refusal for an application that is not in a hired stage.
func NotHired(stage string) error {
	return fmt.Errorf("an outcome is recorded only once the candidate is hired; this application is in %q: %w",
		stage, model.ErrConflict)
}

// Check validates an outcome, naming each bad field; today bounds the
// leaving date (not in the future).
func Check(in Input, today time.Time) error {
	v := &model.ValidationError{}
	rating := func(field string, r *int) {
		if r != nil && (*r < MinRating || *r > MaxRating) {
			v.Add(field, "a rating is a whole number from %d to %d (%s); %d is not", MinRating, MaxRating, Scale, *r)
		}
	}
	rating("rating90d", in.Rating90d)
	rating("rating1y", in.Rating1y)
	switch left := strings.TrimSpace(in.LeftOn); {
	case left == "":
		if in.Regretted != nil {
			v.Add("regretted", "say whether leaving was regretted only with the date they left")
		}
	default:
		d, err := time.Parse(DateLayout, left)
		switch {
		case err != nil:
			v.Add("leftOn", "write the date they left as YYYY-MM-DD, like 2026-03-31")
		case d.After(today):
			v.Add("leftOn", "the date they left, %s, is in the future", left)
		}
		if in.Regretted == nil {
			v.Add("regretted", "say whether their leaving was regretted: yes or no")
		}
	}
	return v.Err()
}

// CheckAfterHire refuses a leaving date before the day the person was hired
// (hiredAt, a timestamp; "" when unknown): they would count as a leaver
// within a year who never started.
func CheckAfterHire(in Input, hiredAt string) error {
	left := strings.TrimSpace(in.LeftOn)
	if left == "" || len(hiredAt) < len(DateLayout) || left >= hiredAt[:len(DateLayout)] {
		return nil
	}
	v := &model.ValidationError{}
	v.Add("leftOn", "the date they left, %s, is before they were hired (%s)", left, hiredAt[:len(DateLayout)])
	return v.Err()
}

// Tidy trims what the recruiter typed.
func Tidy(in Input) Input {
	in.LeftOn = strings.TrimSpace(in.LeftOn)
	return in
}

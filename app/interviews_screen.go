// The window's binding for the structured, blind resume screen
// (docs/SCREEN.md): the blind view, the revisions and the two screeners'
// agreement. Saving goes through Interviews.SaveScreen.

package app

import (
	"context"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// BlindScreen is the screen of an application as a screener works on it:
// "Candidate N", identity redacted until their decision is saved. second:
// the second screener's independent screen.
func (i *Interviews) BlindScreen(applicationID int64, second bool) (interviews.BlindScreen, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.BlindScreen, error) {
		return i.svc.BlindScreen(context.Background(), applicationID, second, a)
	})
}

// NextBlindScreen is the signed-in profile's next resume to screen blind in
// a role, after the application they left (0: from the start).
func (i *Interviews) NextBlindScreen(roleID, after int64, second bool) (interviews.ScreenQueue, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.ScreenQueue, error) {
		return i.svc.NextBlindScreen(context.Background(), roleID, after, second, a)
	})
}

// ScreenRevisions lists the saves of an application's screens the signed-in
// profile may see.
func (i *Interviews) ScreenRevisions(applicationID int64) ([]scoring.ScreenRevision, error) {
	return withActor(i.ws, func(a model.Profile) ([]scoring.ScreenRevision, error) {
		return i.svc.ScreenRevisions(context.Background(), applicationID, a)
	})
}

// ScreenAgreement is how far the two screeners agree on a role's resumes.
func (i *Interviews) ScreenAgreement(roleID int64) (interviews.ScreenAgreement, error) {
	return signedIn(i.ws, func() (interviews.ScreenAgreement, error) {
		return i.svc.ScreenAgreement(context.Background(), roleID)
	})
}

// SuggestScreen is the decision the marks suggest (docs/SCREEN.md); a
// decision against it needs an override reason.
func (i *Interviews) SuggestScreen(applicationID int64, second bool, marks map[string]scoring.FlagMark) (scoring.Decision, error) {
	return signedIn(i.ws, func() (scoring.Decision, error) {
		return i.svc.SuggestScreen(context.Background(), applicationID, second, marks)
	})
}

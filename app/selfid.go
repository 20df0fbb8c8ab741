// The window's bindings for voluntary self-identification and the role's
// fairness report. Who may is app/selfid's rule (selfid.May), asked by the
// services; an interviewer gets Go's refusal, not an empty answer.

package app

import (
	"context"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/selfid"
)

// SelfID returns a candidate's self-identification form: each category with
// the answers offered ("Prefer not to say" always) and the one given (none
// on a shared workspace, where the form is write-only).
func (c *Candidates) SelfID(candidateID int64) (selfid.Form, error) {
	return withActor(c.ws, func(a model.Profile) (selfid.Form, error) {
		return selfid.New(c.ws.store).Form(context.Background(), scoring.ExporterOf(a), candidateID)
	})
}

// SetSelfID records a candidate's answers (category → answer; "" clears
// one), every one checked first, all in one transaction.
func (c *Candidates) SetSelfID(candidateID int64, answers map[string]string) (selfid.Form, error) {
	return withActor(c.ws, func(a model.Profile) (selfid.Form, error) {
		return selfid.New(c.ws.store).RecordForm(context.Background(), scoring.ExporterOf(a), candidateID, answers)
	})
}

// SelfIDCategories lists the categories asked and their answers (no
// personal data: anyone signed in may read them).
func (c *Candidates) SelfIDCategories() ([]selfid.Category, error) {
	return signedIn(c.ws, func() ([]selfid.Category, error) {
		return selfid.New(c.ws.store).Categories(context.Background())
	})
}

// SetSelfIDCategories replaces the categories (the recruiter's).
func (c *Candidates) SetSelfIDCategories(cats []selfid.Category) ([]selfid.Category, error) {
	return withActor(c.ws, func(a model.Profile) ([]selfid.Category, error) {
		return selfid.New(c.ws.store).SetCategories(context.Background(), scoring.ExporterOf(a), cats)
	})
}

// Fairness is the role's fairness report with the words that explain it
// (the recruiter's).
func (i *Interviews) Fairness(roleID int64) (selfid.View, error) {
	return withActor(i.ws, func(a model.Profile) (selfid.View, error) {
		rep, err := i.svc.Fairness(context.Background(), roleID, scoring.ExporterOf(a))
		return selfid.ViewOf(rep), err
	})
}

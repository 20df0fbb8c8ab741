// The window's binding for outcomes after a hire and the role's Validity
// report (app/outcomes has the rules, app/interviews gathers and stores).

package app

import (
	"context"

	"hirebench/app/model"
	"hirebench/app/outcomes"
	"hirebench/app/scoring"
)

// Outcomes returns a candidate's hired applications with their outcomes;
// an empty list means the window shows no outcome form.
func (i *Interviews) Outcomes(candidateID int64) ([]outcomes.Entry, error) {
	return withActor(i.ws, func(a model.Profile) ([]outcomes.Entry, error) {
		return i.svc.Outcomes(context.Background(), candidateID, scoring.ExporterOf(a))
	})
}

// RecordOutcome records (replaces) the outcome of a candidate's hired
// application to a role and returns the candidate's outcomes.
func (i *Interviews) RecordOutcome(candidateID, roleID int64, in outcomes.Input) ([]outcomes.Entry, error) {
	return withActor(i.ws, func(a model.Profile) ([]outcomes.Entry, error) {
		return i.svc.RecordOutcome(context.Background(), candidateID, roleID, in, scoring.ExporterOf(a), a)
	})
}

// Validity is the role's Validity report: how interview scores predicted
// outcomes after the hire.
func (i *Interviews) Validity(roleID int64) (outcomes.Report, error) {
	return withActor(i.ws, func(a model.Profile) (outcomes.Report, error) {
		return i.svc.Validity(context.Background(), roleID, scoring.ExporterOf(a))
	})
}

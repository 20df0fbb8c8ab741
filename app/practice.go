// The window's binding for calibration drills (docs/DRILLS.md): the current
// profile scores a rubric's sample answers and sees how their levels
// compare with the rubric's. Methods of Interviews, so no new binding.

package app

import (
	"context"

	"hirebench/app/interviews"
	"hirebench/app/model"
)

// StartPractice begins the current profile's drill on a rubric's latest
// version: its samples in the order to show them, reference levels hidden.
func (i *Interviews) StartPractice(rubricID int64) (interviews.PracticeDrill, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.PracticeDrill, error) {
		return i.svc.StartPractice(context.Background(), rubricID, a)
	})
}

// RecordPractice keeps the level the current profile gave one sample.
func (i *Interviews) RecordPractice(attemptID int64, sampleID string, level int) error {
	_, err := withActor(i.ws, func(a model.Profile) (struct{}, error) {
		return struct{}{}, i.svc.RecordPractice(context.Background(), attemptID, sampleID, level, a)
	})
	return err
}

// FinishPractice returns the drill's result (complete when every sample
// was scored) with the reference levels and the anchors misread.
func (i *Interviews) FinishPractice(attemptID int64) (interviews.PracticeResult, error) {
	return withActor(i.ws, func(a model.Profile) (interviews.PracticeResult, error) {
		return i.svc.FinishPractice(context.Background(), attemptID, a)
	})
}

// PracticeStatus says who completed practice on a rubric's latest version.
func (i *Interviews) PracticeStatus(rubricID int64) (interviews.PracticeStatus, error) {
	return signedIn(i.ws, func() (interviews.PracticeStatus, error) {
		return i.svc.PracticeStatus(context.Background(), rubricID)
	})
}

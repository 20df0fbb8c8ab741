package interviews_test

import (
	"errors"
	"testing"

	"hirebench/app/model"
	"hirebench/app/outcomes"
	"hirebench/app/scoring"
)

// An outcome needs the hire to be recorded, and stays editable when the
// person later moves on from the hired stage.
func TestAnOutcomeStaysEditableAfterTheHiredStage(t *testing.T) {
	e := newEnv(t)
	stage := map[string]int64{}
	for _, st := range e.role.Stages {
		stage[st.Name] = st.ID
	}
	if stage["Hired"] == 0 || stage["Offer"] == 0 {
		t.Fatalf("the default pipeline has no Hired or Offer stage: %+v", e.role.Stages)
	}
	recruiter := scoring.Exporter{Owner: true}
	four, three := 4, 3
	if _, err := e.iv.RecordOutcome(e.ctx, e.app.CandidateID, e.role.ID, outcomes.Input{Rating90d: &four}, recruiter, e.riley); err == nil {
		t.Fatal("an outcome for someone never hired was recorded")
	}
	if _, err := e.track.Move(e.ctx, e.app.ID, 0, stage["Hired"], "", e.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.RecordOutcome(e.ctx, e.app.CandidateID, e.role.ID, outcomes.Input{Rating90d: &four}, recruiter, e.riley); err != nil {
		t.Fatal(err)
	}
	var v *model.ValidationError
	no := false
	if _, err := e.iv.RecordOutcome(e.ctx, e.app.CandidateID, e.role.ID, outcomes.Input{Rating90d: &four, LeftOn: "2001-01-31", Regretted: &no},
		recruiter, e.riley); !errors.As(err, &v) || v.Fields[0].Field != "leftOn" {
		t.Errorf("leaving in 2001, before the hire: %v; want leftOn refused", err)
	}
	if _, err := e.track.Move(e.ctx, e.app.ID, 0, stage["Offer"], "", e.riley); err != nil {
		t.Fatal(err)
	}
	got, err := e.iv.RecordOutcome(e.ctx, e.app.CandidateID, e.role.ID, outcomes.Input{Rating90d: &three}, recruiter, e.riley)
	if err != nil || len(got) != 1 || got[0].Outcome == nil || *got[0].Outcome.Rating90d != 3 {
		t.Errorf("editing after the move: %+v, %v; want the rating changed to 3", got, err)
	}
}

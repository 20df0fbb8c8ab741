package storage

import (
	"context"
	"errors"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// A completed drill counts for the version's text it was done on: editing
// the version in place (no scorecard used it) makes it practice on another
// text, which no longer counts.
func TestPracticeCountsOnlyForTheTextPractised(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ada, err := s.CreateProfile(ctx, "Ada", false)
		if err != nil {
			t.Fatal(err)
		}
		r := rubric.Builtin()
		r.Name = "Custom"
		v, err := s.CreateRubric(ctx, r, false, ada)
		if err != nil {
			t.Fatal(err)
		}
		var id int64
		err = s.Write(ctx, func(tx *Tx) error {
			if id, err = tx.InsertPracticeAttempt(ada.ID, v.ID, v.SHA256); err != nil {
				return err
			}
			if err := tx.PutPracticeLevel(id, PracticeLevel{QuestionID: "q", Index: 1, Level: 2}); err != nil {
				return err
			}
			if err := tx.PutPracticeLevel(id, PracticeLevel{QuestionID: "q", Index: 1, Level: 3}); err != nil {
				return err
			}
			return tx.CompletePracticeAttempt(id)
		})
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.PracticeAttempt(ctx, id)
		if err != nil || len(a.Levels) != 1 || a.Levels[0].Level != 3 || a.CompletedAt == "" {
			t.Fatalf("attempt %+v, %v: want one level, 3 (the second replaces the first), completed", a, err)
		}
		done, err := s.PracticeCompletions(ctx, v.RubricID)
		if err != nil || len(done) != 1 || done[0].ProfileName != "Ada" || done[0].RubricVersionID != v.ID {
			t.Fatalf("completions %+v, %v: want Ada on version %d", done, err, v.ID)
		}
		r.Description = "Edited in place."
		if _, err := s.SaveRubric(ctx, v.RubricID, r, ada, false); err != nil {
			t.Fatal(err)
		}
		if done, _ := s.PracticeCompletions(ctx, v.RubricID); len(done) != 0 {
			t.Errorf("after the version's text changed: completions %+v, want none", done)
		}
		if _, err := s.PracticeAttempt(ctx, id+1); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown attempt: %v, want not found", err)
		}
	})
}

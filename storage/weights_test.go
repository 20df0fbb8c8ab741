// Tests storing plan weights and their history.

package storage

import (
	"context"
	"errors"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

func TestPlanWeightsAndTheirHistory(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		r := mustRole(t, s, "AI Engineer")
		riley, err := s.CreateProfile(ctx, "Riley Chen", true)
		if err != nil {
			t.Fatal(err)
		}
		var sawAfter []bool
		change := func(after bool) ([]scoring.WeightChange, error) {
			sawAfter = append(sawAfter, after)
			return []scoring.WeightChange{
				{CompetencyID: "evals", Label: "Evaluation", Old: 1, New: 2, Reason: "matters most", AfterScoring: after},
				{CompetencyID: "evals", QuestionID: "golden-sets", Label: "Golden sets?", Old: 1, New: 0.5, AfterScoring: after},
			}, nil
		}
		if _, err := s.ChangeWeights(ctx, r.ID, riley, change); err != nil {
			t.Fatal(err)
		}
		w, err := s.PlanWeights(ctx, r.ID)
		if err != nil || w.Competencies["evals"] != 2 || w.Questions["evals/golden-sets"] != 0.5 || len(w.Competencies) != 1 {
			t.Fatalf("PlanWeights = %+v, %v", w, err)
		}
		// A second change of the same weight replaces it; the history keeps both.
		clk.Advance(60e9)
		if _, err := s.ChangeWeights(ctx, r.ID, riley, func(after bool) ([]scoring.WeightChange, error) {
			return []scoring.WeightChange{{CompetencyID: "evals", Label: "Evaluation", Old: 2, New: 3, Reason: "again"}}, nil
		}); err != nil {
			t.Fatal(err)
		}
		w, _ = s.PlanWeights(ctx, r.ID)
		hist, err := s.WeightChanges(ctx, r.ID)
		if err != nil || w.Competencies["evals"] != 3 || len(hist) != 3 || hist[2].Old != 2 || hist[2].ActorName != "Riley Chen" ||
			hist[0].Reason != "matters most" || hist[2].ChangedAt <= hist[0].ChangedAt {
			t.Fatalf("after a second change: weights %+v history %+v (%v)", w, hist, err)
		}
		if len(sawAfter) != 1 || sawAfter[0] {
			t.Errorf("a role without scorecards reported scoring as begun: %v", sawAfter)
		}
		// The history is append-only.
		if _, err := rawExec(s, `UPDATE plan_weight_changes SET reason = 'rewritten'`); err == nil {
			t.Error("the weight history could be rewritten")
		}
		// A refused check writes nothing.
		boom := errors.New("refused")
		if _, err := s.ChangeWeights(ctx, r.ID, riley, func(bool) ([]scoring.WeightChange, error) { return nil, boom }); !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if h, _ := s.WeightChanges(ctx, r.ID); len(h) != 3 {
			t.Errorf("a refused change left history: %d rows", len(h))
		}
		// Weights out of range never reach the table.
		if _, err := s.ChangeWeights(ctx, r.ID, riley, func(bool) ([]scoring.WeightChange, error) {
			return []scoring.WeightChange{{CompetencyID: "evals", Label: "x", New: 0}}, nil
		}); err == nil {
			t.Error("a zero weight was stored")
		}
		if _, err := s.ChangeWeights(ctx, 999, riley, change); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown role: %v", err)
		}
	})
}

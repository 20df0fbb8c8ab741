// Team mode: guards that count cards ("this round holds scorecards", "this
// rubric is in use") count every card, also a colleague's draft the asker
// may not read; otherwise the delete they allow fails on the card's foreign
// key, an internal error instead of the reason.

package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

func TestTeamGuardsCountCardsTheAskerCannotRead(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	draft := tm.start(t, tm.sam) // Sam's draft: the recruiter may not read it
	rita := tm.storeAs(t, tm.rita)
	if cards, err := rita.CandidateScorecards(ctx, tm.ada.ID); err != nil || len(cards) != 1 || len(cards[0].Answers) > 0 {
		t.Fatalf("the recruiter's cards of Ada = %+v, %v; want Sam's draft, listed with nothing of it", cards, err)
	}
	err := rita.DeleteRound(ctx, tm.round)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "holds 1 scorecard") {
		t.Errorf("the recruiter deleting the round of Sam's draft: %v; want refused, it holds 1 scorecard", err)
	}
	rubrics, err := rita.ListRubrics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v, err := tm.owner.RubricVersion(ctx, draft.RubricVersionID)
	if err != nil {
		t.Fatal(err)
	}
	used := -1
	for _, r := range rubrics {
		if r.ID == v.RubricID {
			used = r.InUse
		}
	}
	if used != 1 {
		t.Errorf("the recruiter reads the rubric of Sam's draft as used by %d cards; want 1", used)
	}
	// A recruiter's bundle import meets Sam's draft as the draft it is, by
	// its uid or its place, not as a new card that would break its key.
	if err := rita.Read(ctx, func(tx *Tx) error {
		for how, find := range map[string]func() (scoring.Scorecard, error){
			"uid":   func() (scoring.Scorecard, error) { return tx.ScorecardByUID(draft.UID) },
			"place": func() (scoring.Scorecard, error) { return tx.ScorecardOf(tm.app, tm.round, tm.sam.ID) },
		} {
			c, err := find()
			if err != nil || c.ID != draft.ID || c.Status != scoring.Draft || len(c.Answers) > 0 {
				t.Errorf("the recruiter finding Sam's draft by its %s: %+v, %v; want the draft, nothing of it read", how, c, err)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.owner.GetScorecard(ctx, draft.ID); err != nil {
		t.Errorf("Sam's draft after the recruiter's tries: %v", err)
	}
}

// Tests the AI second rater's records: a suggestion kept and read back with
// the card's candidate, role, rubric and author, filtered for agreement, and
// gone with the candidate when erased or anonymised (and listed in the
// subject export before).

package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
)

// rateBoth keeps an AI level for Quorra's card, resting on her card's notes, and one for Ada's.
func rateBoth(t *testing.T, p personalWS) (hers, adas AIRating) {
	t.Helper()
	ctx := context.Background()
	q := p.card.Revisions[0].Answers
	var qid string
	for id := range q {
		qid = id
	}
	hers, err := p.s.AddAIRating(ctx, AIRating{ScorecardID: p.card.ID, QuestionID: qid, RubricVersionID: p.card.RubricVersionID,
		CallID: p.quorraCall, Model: "gpt-4o-mini", PromptVersion: "rate-v1", SuggestedLevel: 3, HumanLevel: 4,
		Fragments: []AIFragment{{Text: "explained Xylophantic parsing", Start: 7, End: 36}}, Dropped: 1})
	if err != nil {
		t.Fatal(err)
	}
	adas, err = p.s.AddAIRating(ctx, AIRating{ScorecardID: p.adaCard.ID, QuestionID: qid, RubricVersionID: p.adaCard.RubricVersionID,
		Model: "gpt-4o", PromptVersion: "rate-v1", SuggestedLevel: 2, HumanLevel: 3})
	if err != nil {
		t.Fatal(err)
	}
	return hers, adas
}

func TestAIRatingsAreKeptWithTheirCard(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	hers, adas := rateBoth(t, p)
	want := AIRating{ID: hers.ID, ScorecardID: p.card.ID, QuestionID: hers.QuestionID, RubricVersionID: p.card.RubricVersionID,
		CallID: p.quorraCall, Model: "gpt-4o-mini", PromptVersion: "rate-v1", SuggestedLevel: 3, HumanLevel: 4,
		Fragments: []AIFragment{{Text: "explained Xylophantic parsing", Start: 7, End: 36}}, Dropped: 1,
		At: "2025-03-01T10:00:00.000Z", CandidateID: p.quorra.ID, RoleID: p.card.RoleID, RubricID: p.card.RubricID, AuthorID: p.card.AuthorID}
	if fmt.Sprint(hers) != fmt.Sprint(want) {
		t.Errorf("kept  %+v\nwant %+v", hers, want)
	}
	if got, err := p.s.AIRatingsOfCard(ctx, p.card.ID); err != nil || len(got) != 1 || got[0].ID != hers.ID {
		t.Errorf("the card's ratings = %+v, %v", got, err)
	}
	if adas.CallID != 0 || adas.Fragments == nil || len(adas.Fragments) != 0 {
		t.Errorf("a rating with no ledger row and no fragments = %+v", adas)
	}
	for f, ids := range map[AIRatingFilter][]int64{
		{}:                                       {hers.ID, adas.ID},
		{Model: "gpt-4o"}:                        {adas.ID},
		{RoleID: p.card.RoleID}:                  {hers.ID, adas.ID},
		{RoleID: p.card.RoleID + 99}:             nil,
		{RubricID: p.card.RubricID, Model: "x"}:  nil,
		{RubricID: p.card.RubricID + 99}:         nil,
		{RubricID: p.card.RubricID, RoleID: 0}:   {hers.ID, adas.ID},
		{RoleID: p.card.RoleID, Model: "gpt-4o"}: {adas.ID},
	} {
		got, err := p.s.AIRatings(ctx, f)
		var gotIDs []int64
		for _, r := range got {
			gotIDs = append(gotIDs, r.ID)
		}
		if err != nil || fmt.Sprint(gotIDs) != fmt.Sprint(ids) {
			t.Errorf("AIRatings(%+v) = %v, %v; want %v", f, gotIDs, err, ids)
		}
	}
	if _, err := p.s.AddAIRating(ctx, AIRating{ScorecardID: 999999, QuestionID: "q", RubricVersionID: p.card.RubricVersionID,
		Model: "m", PromptVersion: "rate-v1"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a rating of a card that is not there: %v, want not found", err)
	}
}

func TestErasureTakesTheAIRatingsAboutThePerson(t *testing.T) {
	for _, action := range []EraseAction{ActionErase, ActionAnonymise} {
		t.Run(string(action), func(t *testing.T) {
			ctx := context.Background()
			p := personalWorkspace(t)
			_, adas := rateBoth(t, p)
			sub, err := p.s.SubjectData(ctx, p.quorra.ID)
			if err != nil {
				t.Fatal(err)
			}
			listed := false
			for _, tb := range sub {
				if tb.Table == "ai_ratings" && len(tb.Rows) == 1 && strings.Contains(fmt.Sprint(tb.Rows[0]["fragments"]), "Xylophantic") {
					listed = true
				}
			}
			if !listed {
				t.Error("the subject export does not list her AI rating with its fragments")
			}
			e := byRequest
			e.Action = action
			got, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, e)
			if err != nil {
				t.Fatal(err)
			}
			if got[0].Counts["ai_ratings"] != 1 {
				t.Errorf("counts = %v, want her one AI rating", got[0].Counts)
			}
			all, err := p.s.AIRatings(ctx, AIRatingFilter{})
			if err != nil || len(all) != 1 || all[0].ID != adas.ID {
				t.Errorf("ratings left = %+v, %v; want only Ada's", all, err)
			}
			if err := p.s.Close(); err != nil {
				t.Fatal(err)
			}
			if leaked := leaks(t, filepath.Dir(p.s.Path()), quorra.tokens); len(leaked) > 0 {
				t.Errorf("after %s: %v", action, leaked)
			}
		})
	}
}

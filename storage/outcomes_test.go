// Tests outcomes after a hire: recorded and replaced whole, read per
// candidate and per role, erased with the person, kept without identity
// on anonymisation, and in the subject access export.

package storage

import (
	"context"
	"testing"
)

func putOutcome(t *testing.T, s *Store, o Outcome) {
	t.Helper()
	if err := s.Write(context.Background(), func(tx *Tx) error { return tx.PutOutcome(o, tester) }); err != nil {
		t.Fatal(err)
	}
}

func TestOutcomesAreRecordedReplacedAndRead(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	four, three := 4, 3
	yes := true
	putOutcome(t, p.s, Outcome{ApplicationID: p.adaApp, Rating90d: &four, LeftOn: "2026-01-31", Regretted: &yes})
	putOutcome(t, p.s, Outcome{ApplicationID: p.adaApp, Rating1y: &three}) // replaces the whole outcome
	got, err := p.s.CandidateOutcomes(ctx, p.ada.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("outcomes = %+v, %v", got, err)
	}
	o := got[0]
	if o.Rating90d != nil || o.Rating1y == nil || *o.Rating1y != 3 || o.LeftOn != "" || o.Regretted != nil ||
		o.RecordedBy != tester.Name || o.RecordedAt == "" || o.CandidateID != p.ada.ID || o.HiredAt == "" {
		t.Errorf("outcome = %+v", o)
	}
	role := onlyApplication(t, p.s, p.ada.ID).RoleID
	if all, err := p.s.RoleOutcomes(ctx, role); err != nil || len(all) != 1 || all[0].ApplicationID != p.adaApp {
		t.Errorf("role outcomes = %+v, %v", all, err)
	}
	six := 6
	if err := p.s.Write(ctx, func(tx *Tx) error {
		return tx.PutOutcome(Outcome{ApplicationID: p.adaApp, Rating90d: &six}, tester)
	}); err == nil {
		t.Error("a rating of 6 was stored: the table must refuse it")
	}
}

func TestOutcomesGoWithTheErasedPersonAndStayAnonymised(t *testing.T) {
	ctx := context.Background()
	for _, action := range []EraseAction{ActionErase, ActionAnonymise} {
		t.Run(string(action), func(t *testing.T) {
			p := personalWorkspace(t)
			two, five := 2, 5
			putOutcome(t, p.s, Outcome{ApplicationID: p.quorraApp, Rating90d: &two})
			putOutcome(t, p.s, Outcome{ApplicationID: p.adaApp, Rating90d: &five})
			subject, err := p.s.SubjectData(ctx, p.quorra.ID)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, tab := range subject {
				if tab.Table == "outcomes" && len(tab.Rows) == 1 && tab.Rows[0]["rating_90d"] == int64(2) {
					found = true
				}
			}
			if !found {
				t.Errorf("the subject access export has no outcome of hers: %+v", subject)
			}
			e := byRequest
			e.Action = action
			res, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, e)
			if err != nil {
				t.Fatal(err)
			}
			hers, err := p.s.CandidateOutcomes(ctx, p.quorra.ID)
			if err != nil {
				t.Fatal(err)
			}
			switch action {
			case ActionErase:
				if len(hers) != 0 || res[0].Counts["outcomes"] != 1 {
					t.Errorf("after erasing: %+v, counts %v", hers, res[0].Counts)
				}
			case ActionAnonymise:
				if len(hers) != 1 || *hers[0].Rating90d != 2 {
					t.Errorf("after anonymising, the outcome (no identity in it) should stay like her scores: %+v", hers)
				}
			}
			if ada, err := p.s.CandidateOutcomes(ctx, p.ada.ID); err != nil || len(ada) != 1 || *ada[0].Rating90d != 5 {
				t.Errorf("Ada's outcome = %+v, %v", ada, err)
			}
		})
	}
}

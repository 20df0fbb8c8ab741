// Erasure on a shared workspace: the owner's login erases or anonymises as
// a laptop does, every row about the person included (colleagues' drafts,
// the AI cache, self-identification, which a person's login cannot reach);
// a person's login is refused.

package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

func TestEraseOnASharedWorkspace(t *testing.T) {
	ctx := context.Background()
	// Counted by hand from personalWorkspace, as the SQLite tests count them.
	wants := map[EraseAction]map[string]int{
		ActionErase: {"scorecard_revisions": 1, "scorecards": 2, "screen_revisions": 1, "resume_screens": 1, "stage_events": 2,
			"applications": 1, "notes": 1, "attachments": 1, "candidate_tags": 1, "candidate_uids": 1, "candidates": 1,
			"ai_audit": 1, "ai_cache": 1, "self_id": 1},
		ActionAnonymise: {"scorecards": 2, "scorecard_revisions": 1, "screen_revisions": 1, "resume_screens": 1, "notes": 1,
			"attachments": 1, "candidate_tags": 1, "candidate_uids": 1, "candidates": 1, "ai_audit": 1, "ai_cache": 1, "self_id": 1},
	}
	for _, action := range []EraseAction{ActionErase, ActionAnonymise} {
		t.Run(string(action), func(t *testing.T) {
			s, clk := mustOpenPostgres(t)
			p := seedPersonal(t, s, clk)
			got, err := s.EraseCandidates(ctx, []int64{p.quorra.ID}, Erasure{Action: action, Why: "request", Actor: byRequest.Actor})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || fmt.Sprint(got[0].Counts) != fmt.Sprint(wants[action]) {
				t.Errorf("counts = %+v, want %v", got, wants[action])
			}
			if hits := search(t, s, "Brindlewick", true); len(hits) != 0 {
				t.Errorf("search still finds her: %v", hits)
			}
			for _, tb := range candidateData {
				var n int
				if err := rawQueryRow(s, `SELECT count(*) FROM `+tb.table+` WHERE `+tb.where, p.quorra.ID).Scan(&n); err != nil {
					t.Fatal(err)
				}
				kept := action == ActionAnonymise && !tb.gone
				if tb.table == "candidate_uids" && action == ActionAnonymise {
					kept = n == 1 // a new uid no bundle made before knows
				}
				if n != 0 && !kept {
					t.Errorf("%s still holds %d rows about her", tb.table, n)
				}
			}
			if action == ActionAnonymise {
				cards, err := s.CandidateScorecards(ctx, p.quorra.ID)
				if err != nil || len(cards) != 1 || scoring.Verify(cards[0]) != nil || cards[0].Notes != "" {
					t.Errorf("her anonymised card = %+v, %v", cards, err)
				}
			}
			// Ada's card is untouched and immutable again.
			cards, err := s.CandidateScorecards(ctx, p.ada.ID)
			if err != nil || len(cards) != 1 || cards[0].Notes != "Ada was precise." || scoring.Verify(cards[0]) != nil {
				t.Errorf("Ada's card = %+v, %v", cards, err)
			}
			if _, err := s.w.Exec(`DELETE FROM scorecards WHERE id = $1`, p.adaCard.ID); err == nil {
				t.Error("a submitted card could be deleted after an erasure")
			}
			log, err := s.AuditLog(ctx, -1)
			if err != nil || len(log) != 1 || log[0].CandidateID != p.quorra.ID || log[0].Action != action || log[0].ActorName != "Riley Chen" {
				t.Errorf("audit log = %+v, %v", log, err)
			}
		})
	}
}

func TestAPersonsLoginDoesNotErase(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	rita := tm.storeAs(t, tm.rita)
	if _, err := rita.EraseCandidates(ctx, []int64{tm.ada.ID}, byRequest); !errors.Is(err, ErrOwnerErases) || !errors.Is(err, model.ErrConflict) {
		t.Errorf("the recruiter's login erased: %v; want refused, the owner's to do", err)
	}
	if _, err := tm.owner.GetCandidate(ctx, tm.ada.ID); err != nil {
		t.Errorf("after the refusal Ada is %v", err)
	}
}

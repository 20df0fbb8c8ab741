// Tests the note a rejection keeps on its stage event: read back in the
// candidate's history, and cleared (the reason kept) when the person is
// anonymised, since it is free text about them.

package storage

import (
	"context"
	"testing"
)

func TestAnonymisingClearsRejectionNotes(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	role, err := p.s.GetRole(ctx, onlyApplication(t, p.s, p.quorra.ID).RoleID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.s.MoveApplication(ctx, p.quorraApp, stageNamed(t, role, "Screen").ID, "", tester); err != nil {
		t.Fatal(err)
	}
	note := "Brindlewick wants her back in spring; keep in touch."
	if _, err := p.s.MoveApplicationNoted(ctx, p.quorraApp, 0, stageNamed(t, role, "Rejected").ID, "Position filled", note, tester); err != nil {
		t.Fatal(err)
	}
	det, err := p.s.CandidateDetail(ctx, p.quorra.ID)
	if err != nil || det.History[0].Note != note || det.History[0].Reason != "Position filled" {
		t.Fatalf("history[0] = %+v, %v", det.History[0], err)
	}

	got, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, Erasure{Action: ActionAnonymise, Why: "retention", Actor: byRequest.Actor})
	if err != nil {
		t.Fatal(err)
	}
	if n := got[0].Counts["stage_events"]; n != 1 {
		t.Errorf("anonymising cleared %d stage events' notes, want 1", n)
	}
	det, err = p.s.CandidateDetail(ctx, p.quorra.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range det.History {
		if h.Note != "" {
			t.Errorf("a note survived anonymising: %+v", h)
		}
	}
	if det.History[0].Reason != "Position filled" || det.History[0].ToStage != "Rejected" {
		t.Errorf("the rejection itself should stay: %+v", det.History[0])
	}
	var left int
	if err := p.s.r.QueryRowContext(ctx, `SELECT count(*) FROM stage_events WHERE note LIKE '%Brindlewick%'`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d stage events still hold the note (%v)", left, err)
	}
}

// Two apps on one PostgreSQL workspace writing at the same moment: what the
// server aborts to break a deadlock (or a serialisation failure) is run
// again, never shown to the person as an error.

package storage

import (
	"context"
	"sync"
	"testing"

	"hirebench/app/model"
)

// Two recruiters drag cards in opposite directions at once: each move
// counts one stage down and the other up, so the two transactions lock the
// same two stages in opposite order, which PostgreSQL breaks by aborting one.
func TestOppositeMovesAtOnceBothSaveOnPostgres(t *testing.T) {
	a, b := twoApps(t)
	ctx := context.Background()
	r := mustRole(t, a, "Backend engineer")
	applied, screen := stageNamed(t, r, "Applied"), stageNamed(t, r, "Screen")
	ada := mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, r.ID)
	bo := mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Bo Li"}}, r.ID)
	adaApp, boApp := onlyApplication(t, a, ada.ID).ID, onlyApplication(t, a, bo.ID).ID
	if _, err := a.MoveApplication(ctx, boApp, screen.ID, "", byPriya); err != nil {
		t.Fatal(err)
	}
	const rounds = 150
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	drag := func(s *Store, app int64, from, to int64, who model.Profile) {
		defer wg.Done()
		for i := 0; i < rounds; i++ {
			if _, err := s.MoveApplicationNoted(ctx, app, from, to, "", "", who); err != nil {
				errs <- err
				return
			}
			from, to = to, from
		}
	}
	wg.Add(2)
	go drag(a, adaApp, applied.ID, screen.ID, byPriya) // Applied → Screen → Applied …
	go drag(b, boApp, screen.ID, applied.ID, bySam)    // Screen → Applied → Screen …
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("a move while another app moved a card the other way: %v", err)
	}
	// Each card made an even number of moves: back where it started, and
	// the stages' counts say so.
	got, err := a.GetRole(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range got.Stages {
		want := map[int64]int{applied.ID: 1, screen.ID: 1}[st.ID]
		if st.Count != want {
			t.Errorf("stage %s counts %d live candidates, want %d", st.Name, st.Count, want)
		}
	}
}

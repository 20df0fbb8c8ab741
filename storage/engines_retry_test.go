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

// A write the server aborts after it changed something runs again from a
// clean start: a resume uploaded while the server broke a deadlock keeps its
// text. (The trigger aborts the first attachment saved, once, after the
// candidate's resume text was filled; its sequence is not rolled back.)
func TestAbortedWriteRunsAgainFromTheStartOnPostgres(t *testing.T) {
	a, _ := twoApps(t)
	ctx := context.Background()
	c := mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
	for _, q := range []string{
		`CREATE SEQUENCE abort_once`,
		`CREATE FUNCTION abort_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
			IF nextval('abort_once') = 1 THEN RAISE EXCEPTION 'deadlock detected (test)' USING ERRCODE = '40P01'; END IF;
			RETURN NEW; END $$`,
		`CREATE TRIGGER abort_once BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION abort_once()`,
	} {
		if _, err := rawExec(a, q); err != nil {
			t.Fatal(q, err)
		}
	}
	const words = "Ada's resume: analytical engines, notes on Menabrea"
	att, err := a.AddResumeAttachment(ctx, c.ID, "cv.txt", "text/plain", []byte(words), words, tester)
	if err != nil {
		t.Fatalf("the upload the server aborted once: %v", err)
	}
	var runs int
	var resume string
	if err := rawQueryRow(a, `SELECT last_value FROM abort_once`).Scan(&runs); err != nil || runs != 2 {
		t.Errorf("the upload ran %d times (%v), want 2: aborted once, then saved", runs, err)
	}
	if err := rawQueryRow(a, `SELECT resume_text FROM candidates WHERE id = ?`, c.ID).Scan(&resume); err != nil {
		t.Fatal(err)
	}
	if !att.ResumeFilled || resume != words {
		t.Errorf("after the second run: filled %v, resume text %q; want the upload's words", att.ResumeFilled, resume)
	}
}

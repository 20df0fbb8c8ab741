// Tests what opening a role's debrief records and reads at once: the first
// time others' cards are shown to someone is noted for exactly the candidates
// shown, in one write whatever their number, and the role's plan is read
// without counting every stage's applications.

package interviews_test

import (
	"testing"

	"hirebench/app/interviews"
	"hirebench/storage"
	"hirebench/storage/benchkit"
)

// watched opens a second store on the env's workspace whose statements are
// counted, with a service over it.
func watched(t *testing.T, e *env) (*interviews.Service, *storage.Store, *benchkit.Statements) {
	t.Helper()
	stmts := benchkit.WatchStatements(e.store.Path())
	s, err := storage.Open(e.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return interviews.New(s), s, stmts
}

// An interviewer opening the debrief is recorded as having seen others'
// cards for the candidates whose others' cards were shown: not for one still
// hidden from them, nor for one whose only submitted card is their own.
func TestDebriefRecordsExposureForTheCandidatesShown(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	e.submit(t, e.priya, 2) // Ada: Sam sees Priya's card
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	e.submitFor(t, bo, e.round, e.priya, 3) // Bo: hidden, Sam has not scored him
	cy := e.candidate(t, "Cy Young", "cy@example.com")
	e.submitFor(t, cy, e.round, e.sam, 4) // Cy: only Sam's own card
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if d.Hidden != 1 || len(d.Candidates) != 2 {
		t.Fatalf("Sam sees %d candidates with %d hidden, want Ada and Cy with Bo hidden", len(d.Candidates), d.Hidden)
	}
	for _, c := range []struct {
		name string
		id   int64
		want bool
	}{{"Ada", e.app.CandidateID, true}, {"Bo", bo.CandidateID, false}, {"Cy", cy.CandidateID, false}} {
		if got, err := e.store.Exposed(e.ctx, e.sam.ID, c.id); err != nil || got != c.want {
			t.Errorf("Sam exposed to others' cards for %s = %v (%v), want %v", c.name, got, err, c.want)
		}
	}
	// Priya opens it too: Ada's (Sam's card) and Bo's are hers to see, but
	// Bo holds only her own card, and Cy is hidden from her.
	if _, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.priya); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		id   int64
		want bool
	}{{"Ada", e.app.CandidateID, true}, {"Bo", bo.CandidateID, false}, {"Cy", cy.CandidateID, false}} {
		if got, err := e.store.Exposed(e.ctx, e.priya.ID, c.id); err != nil || got != c.want {
			t.Errorf("Priya exposed to others' cards for %s = %v (%v), want %v", c.name, got, err, c.want)
		}
	}
}

// The recruiter's first opening of a role records every candidate in one
// statement; opening it again writes nothing.
func TestFirstDebriefOpeningRecordsExposuresInOneStatement(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	for _, name := range []string{"Bo", "Cy", "Di", "Ed"} {
		e.submitFor(t, e.candidate(t, name+" Example", name+"@example.com"), e.round, e.priya, 3)
	}
	iv, s, stmts := watched(t, e)
	d, err := iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil || len(d.Candidates) != 5 {
		t.Fatalf("the recruiter sees %d candidates (%v), want 5", len(d.Candidates), err)
	}
	if n := stmts.Inserts("card_exposures"); n != 1 {
		t.Errorf("the first opening compiled %d inserts of exposures for 5 candidates, want 1", n)
	}
	for _, c := range d.Candidates {
		if seen, err := s.Exposed(e.ctx, e.riley.ID, c.Debrief.CandidateID); err != nil || !seen {
			t.Errorf("%s: the recruiter's exposure not recorded (%v)", c.Debrief.CandidateName, err)
		}
	}
	stmts.Reset()
	if _, err := iv.RoleDebrief(e.ctx, e.role.ID, e.riley); err != nil {
		t.Fatal(err)
	}
	if n := stmts.Inserts("card_exposures"); n != 0 {
		t.Errorf("opening the debrief again compiled %d inserts of exposures, want none", n)
	}
}

// The plan (and so one candidate's debrief) reads the role without counting
// each stage's applications, a scan of the role's applications.
func TestPlanDoesNotCountApplications(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	iv, _, stmts := watched(t, e)
	p, err := iv.Plan(e.ctx, e.role.ID)
	if err != nil || len(p.Questions) == 0 {
		t.Fatalf("plan with %d questions: %v", len(p.Questions), err)
	}
	if n := stmts.Reads("applications.stage_id"); n != 0 {
		t.Errorf("the plan read applications' stages %d times, want none", n)
	}
}

// The debrief shows each candidate's stage as the board does: where they
// were moved to, and none for an archived candidate, whom the board hides.
func TestDebriefShowsTheBoardsStages(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	e.submitFor(t, bo, e.round, e.sam, 2)
	cy := e.candidate(t, "Cy Young", "cy@example.com")
	e.submitFor(t, cy, e.round, e.sam, 4)
	var interview int64
	for _, st := range e.role.Stages {
		if st.Name == "Interview" {
			interview = st.ID
		}
	}
	if _, err := e.track.Move(e.ctx, bo.ID, 0, interview, "", e.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := e.track.SetArchived(e.ctx, cy.CandidateID, true, e.riley); err != nil {
		t.Fatal(err)
	}
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Ada Lovelace": "Applied", "Bo Ekholm": "Interview", "Cy Young": ""}
	for _, c := range d.Candidates {
		if w, ok := want[c.Debrief.CandidateName]; !ok || c.Stage != w {
			t.Errorf("%s in stage %q, want %q", c.Debrief.CandidateName, c.Stage, w)
		}
		delete(want, c.Debrief.CandidateName)
	}
	if len(want) > 0 {
		t.Errorf("missing from the debrief: %v", want)
	}
}

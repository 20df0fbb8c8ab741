// Live updates: two apps on one shared workspace, one changing it and the
// other hearing which board or debrief to reload.

package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage/pgtest"
)

// twoApps opens the same new PostgreSQL workspace twice, as two laptops would.
func twoApps(t *testing.T) (a, b *Store) {
	t.Helper()
	url := pgtest.URL(t)
	open := func() *Store {
		s, err := OpenPostgres(context.Background(), url, WithClock((&testClock{t: testEpoch}).Now))
		if err != nil {
			t.Fatalf("OpenPostgres: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open()
}

// listening runs s.Listen until the test ends and returns what it hears,
// once its LISTEN is in place (n listeners in the database by then).
func listening(t *testing.T, s *Store, n int) <-chan Change {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	heard := make(chan Change, 1000)
	done := make(chan error, 1)
	go func() { done <- s.Listen(ctx, func(c Change) { heard <- c }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Listen returned %v once its context ended", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Listen did not return within 5 s of its context ending")
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for listeners(t, s) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d listeners after 10 s, want %d", listeners(t, s), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return heard
}

// listeners counts the live-update connections to s's database.
func listeners(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := rawQueryRow(s, `SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = ? AND query LIKE 'LISTEN%'`, listenAppName).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// expect waits up to within for want, passing over other changes (a move
// touches more than one table), and fails saying what came instead.
func expect(t *testing.T, heard <-chan Change, want Change, within time.Duration) {
	t.Helper()
	var got []Change
	timeout := time.After(within)
	for {
		select {
		case c := <-heard:
			if c == want {
				return
			}
			got = append(got, c)
		case <-timeout:
			t.Fatalf("no %+v within %v; heard %+v", want, within, got)
		}
	}
}

// before returns every change heard before sentinel, which must come within 5 s.
func before(t *testing.T, heard <-chan Change, sentinel Change) []Change {
	t.Helper()
	got := []Change{}
	timeout := time.After(5 * time.Second)
	for {
		select {
		case c := <-heard:
			if c == sentinel {
				return got
			}
			got = append(got, c)
		case <-timeout:
			t.Fatalf("the sentinel %+v never came; heard %+v", sentinel, got)
		}
	}
}

// pipeline is a role with Ada and Bob applying, written by a.
type pipeline struct {
	role     model.Role
	ada, bob model.Candidate
	adaApp   int64
}

func newPipeline(t *testing.T, a *Store) pipeline {
	t.Helper()
	p := pipeline{role: mustRole(t, a, "AI Engineer")}
	p.ada = mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, p.role.ID)
	p.bob = mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Bob Hopper"}}, p.role.ID)
	p.adaApp = onlyApplication(t, a, p.ada.ID).ID
	return p
}

// touch changes Bob's location through s: a change heard as "candidate".
func (p pipeline) touch(t *testing.T, s *Store, where string) Change {
	t.Helper()
	if _, err := s.UpdateCandidate(context.Background(), p.bob.ID, 0, tester, func(c *model.Candidate) error {
		c.Location = where
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return Change{What: ChangeCandidate, Candidate: p.bob.ID}
}

func TestListenHearsAnotherAppMoveACardWithinASecond(t *testing.T) {
	a, b := twoApps(t)
	p := newPipeline(t, a)
	fromA := listening(t, a, 1)
	fromB := listening(t, b, 2)

	if _, err := a.MoveApplication(context.Background(), p.adaApp, stageNamed(t, p.role, "Interview").ID, "", tester); err != nil {
		t.Fatal(err)
	}
	expect(t, fromB, Change{What: ChangeApplication, Role: p.role.ID, Candidate: p.ada.ID}, time.Second)

	// a does not hear its own move: the first thing it hears is b's change.
	if got := before(t, fromA, p.touch(t, b, "Paris")); len(got) != 0 {
		t.Errorf("the app that moved Ada heard its own changes: %+v", got)
	}
	// A change to Bob is heard for the role he applied to as well: its board shows him.
	expect(t, fromA, Change{What: ChangeCandidate, Role: p.role.ID, Candidate: p.bob.ID}, time.Second)
}

func TestListenHearsAScorecard(t *testing.T) {
	ctx := context.Background()
	a, b := twoApps(t)
	p := newPipeline(t, a)
	sam, err := a.CreateProfile(ctx, "Sam Okafor", false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := a.CreateRubric(ctx, rubric.Builtin(), false, tester)
	if err != nil {
		t.Fatal(err)
	}
	round, err := a.SaveRound(ctx, scoring.RoundInput{RoleID: p.role.ID, Name: "Deep dive", RubricID: v.RubricID,
		DurationMin: 60, InterviewerIDs: []int64{sam.ID}})
	if err != nil {
		t.Fatal(err)
	}
	fromB := listening(t, b, 1)

	card, err := a.StartScorecard(ctx, p.adaApp, round.ID, sam)
	if err != nil {
		t.Fatal(err)
	}
	want := Change{What: ChangeScorecard, Role: p.role.ID, Candidate: p.ada.ID}
	expect(t, fromB, want, time.Second)
	// A draft's autosave tells nobody: nobody else may read it.
	if _, err := a.UpdateScorecard(ctx, card.ID, sam.ID, func(_ rubric.Rubric, c *scoring.Scorecard) error {
		c.Notes = "Asked about evals."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := before(t, fromB, p.touch(t, a, "Lyon")); len(got) != 0 {
		t.Errorf("a draft's autosave was heard: %+v", got)
	}
	if _, err := a.UpdateScorecard(ctx, card.ID, sam.ID, func(_ rubric.Rubric, c *scoring.Scorecard) error {
		c.Recommendation, c.Status = "yes", scoring.Submitted
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	expect(t, fromB, want, time.Second)
}

func TestListenHearsNothingOfARolledBackTransaction(t *testing.T) {
	ctx := context.Background()
	a, b := twoApps(t)
	p := newPipeline(t, a)
	fromB := listening(t, b, 1)

	tx, err := a.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE applications SET stage_id = $1 WHERE id = $2`,
		stageNamed(t, p.role, "Offer").ID, p.adaApp); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE candidates SET location = 'Lisbon' WHERE id = $1`, p.ada.ID); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := before(t, fromB, p.touch(t, a, "Paris")); len(got) != 0 {
		t.Errorf("a rolled-back transaction was heard: %+v", got)
	}
}

func TestListenIgnoresWhatIsNotATriggersPayload(t *testing.T) {
	a, b := twoApps(t)
	p := newPipeline(t, a)
	fromB := listening(t, b, 1)
	// Any login may NOTIFY the channel.
	for _, payload := range []string{`not json`, `{"what":"everything","role":1}`, `[1,2]`, ``} {
		if _, err := rawExec(a, `SELECT pg_notify('hirebench_changes', ?)`, payload); err != nil {
			t.Fatal(err)
		}
	}
	if got := before(t, fromB, p.touch(t, a, "Paris")); len(got) != 0 {
		t.Errorf("payloads no trigger sends were passed on: %+v", got)
	}
}

func TestListenConnectsAgainAfterTheServerDropsIt(t *testing.T) {
	a, b := twoApps(t)
	p := newPipeline(t, a)
	fromB := listening(t, b, 1)

	var ended int
	if err := rawQueryRow(a, `SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = ?) x`, listenAppName).Scan(&ended); err != nil || ended != 1 {
		t.Fatalf("terminated %d listeners, %v; want 1", ended, err)
	}
	// The first attempt comes a second after the drop.
	expect(t, fromB, Change{What: ChangeReconnected}, 5*time.Second)
	if _, err := a.MoveApplication(context.Background(), p.adaApp, stageNamed(t, p.role, "Screen").ID, "", tester); err != nil {
		t.Fatal(err)
	}
	expect(t, fromB, Change{What: ChangeApplication, Role: p.role.ID, Candidate: p.ada.ID}, time.Second)
}

func TestListenKeepsAQuietConnection(t *testing.T) {
	was := listenIdle
	listenIdle = 50 * time.Millisecond // registered first, restored after Listen has returned
	t.Cleanup(func() { listenIdle = was })
	a, b := twoApps(t)
	p := newPipeline(t, a)
	fromB := listening(t, b, 1)

	time.Sleep(400 * time.Millisecond) // several quiet spells, each ending in a ping
	if _, err := a.MoveApplication(context.Background(), p.adaApp, stageNamed(t, p.role, "Screen").ID, "", tester); err != nil {
		t.Fatal(err)
	}
	if got := before(t, fromB, Change{What: ChangeApplication, Role: p.role.ID, Candidate: p.ada.ID}); len(got) != 0 {
		t.Errorf("heard %+v before the move: the quiet connection was dropped", got)
	}
}

func TestListenReturnsWhenItsContextEnds(t *testing.T) {
	a, _ := twoApps(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Listen(ctx, func(Change) {}) }()
	deadline := time.Now().Add(10 * time.Second)
	for listeners(t, a) < 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Listen = %v, want nil once its context ended", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Listen still running 2 s after its context ended")
	}
	// Its connection goes with it.
	deadline = time.Now().Add(5 * time.Second)
	for listeners(t, a) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the listening connection outlived Listen")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestListenOnSQLiteReturnsAtOnce(t *testing.T) {
	s, _ := mustOpen(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	start := time.Now()
	if err := s.Listen(ctx, func(c Change) { t.Errorf("heard %+v on SQLite", c) }); err != nil {
		t.Fatalf("Listen on SQLite = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Listen on SQLite took %v, want at once", d)
	}
}

func TestDecodeChangeReadsTheTriggersPayloads(t *testing.T) {
	for _, tc := range []struct {
		payload string
		want    Change
		ok      bool
	}{
		{`{"what" : "application", "role" : 3, "candidate" : 7}`, Change{What: "application", Role: 3, Candidate: 7}, true},
		{`{"what" : "scorecard", "role" : 3, "candidate" : 7}`, Change{What: "scorecard", Role: 3, Candidate: 7}, true},
		{`{"what" : "candidate", "candidate" : 7}`, Change{What: "candidate", Candidate: 7}, true},
		// A card deleted after its application: the trigger finds no role.
		{`{"what" : "scorecard", "role" : null, "candidate" : null}`, Change{What: "scorecard"}, true},
		{`{"what" : "reconnected"}`, Change{}, false}, // only Listen says so
		{`{"what" : "drop"}`, Change{}, false},
		{`{"what" : "application", "role" : "3"}`, Change{}, false},
		{`nonsense`, Change{}, false},
	} {
		got, ok := decodeChange(tc.payload)
		if got != tc.want || ok != tc.ok {
			t.Errorf("decodeChange(%s) = %+v, %v; want %+v, %v", tc.payload, got, ok, tc.want, tc.ok)
		}
	}
}

func TestListenWhyNamesNobody(t *testing.T) {
	// pgconn's connect errors read "failed to connect to `user=… database=…`".
	leaky := fmt.Errorf("failed to connect to `user=priya database=hiring`: %w", errors.New("dial error"))
	if got := listenWhy(leaky); got != "the server could not be reached" {
		t.Errorf("listenWhy = %q", got)
	}
}

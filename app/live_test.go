// Live updates reaching the window: each change as a "workspace:changed"
// event, a burst of them coalesced, and two apps on one PostgreSQL workspace.

package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/storage"
	"hirebench/storage/pgtest"
)

// liveShell is the fake window that keeps the live-update events and when each came.
type liveShell struct {
	*fakeShell
	mu  sync.Mutex
	got []WorkspaceChange
	at  []time.Time
}

func (l *liveShell) emit(name string, data any) {
	if c, ok := data.(WorkspaceChange); ok && name == "workspace:changed" {
		l.mu.Lock()
		l.got, l.at = append(l.got, c), append(l.at, time.Now())
		l.mu.Unlock()
	}
	l.fakeShell.emit(name, data)
}

func (l *liveShell) events() ([]WorkspaceChange, []time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]WorkspaceChange{}, l.got...), append([]time.Time{}, l.at...)
}

// waitFor waits up to within for n events.
func (l *liveShell) waitFor(t *testing.T, n int, within time.Duration) []WorkspaceChange {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got, _ := l.events()
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// heard is a listener that hears changes, all at once, then waits for its end.
func heard(changes ...storage.Change) func(context.Context, func(storage.Change)) error {
	return func(ctx context.Context, fn func(storage.Change)) error {
		for _, c := range changes {
			fn(c)
		}
		<-ctx.Done()
		return nil
	}
}

// live runs runLive at the window's pace until the test ends.
func live(t *testing.T, listen func(context.Context, func(storage.Change)) error) *liveShell {
	t.Helper()
	sh := &liveShell{fakeShell: &fakeShell{}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		runLive(ctx, listen, sh, liveEvery)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Error("runLive still running 2 s after its context ended")
		}
	})
	return sh
}

func TestLiveSendsTheChangeToThePage(t *testing.T) {
	start := time.Now()
	sh := live(t, heard(storage.Change{What: "application", Role: 3, Candidate: 7}))
	got := sh.waitFor(t, 1, time.Second)
	if len(got) != 1 {
		t.Fatalf("events = %+v, want one", got)
	}
	_, at := sh.events()
	if d := at[0].Sub(start); d > 100*time.Millisecond {
		t.Errorf("the first change took %v to reach the page, want at once", d)
	}
	b, err := json.Marshal(got[0])
	if err != nil || string(b) != `{"what":"application","role":3,"candidate":7}` {
		t.Errorf("the page reads %s, %v", b, err)
	}
}

func TestLiveSendsABurstOnOneCardTwice(t *testing.T) {
	card := storage.Change{What: "scorecard", Role: 3, Candidate: 7}
	burst := make([]storage.Change, 500) // an autosave storm on one card
	for i := range burst {
		burst[i] = card
	}
	sh := live(t, heard(burst...))
	time.Sleep(3 * liveEvery)
	got, at := sh.events()
	want := WorkspaceChange{What: "scorecard", Role: 3, Candidate: 7}
	if len(got) != 2 || got[0] != want || got[1] != want {
		t.Fatalf("events = %+v, want the card at once and once more after the burst", got)
	}
	if gap := at[1].Sub(at[0]); gap < liveEvery {
		t.Errorf("the same change went out twice %v apart, want at least %v", gap, liveEvery)
	}
}

func TestLiveSendsChangesHeldTogetherInOrder(t *testing.T) {
	sh := live(t, heard(
		storage.Change{What: "application", Role: 3, Candidate: 7},
		storage.Change{What: "candidate", Candidate: 8},
		storage.Change{What: "application", Role: 4, Candidate: 8},
		storage.Change{What: "candidate", Candidate: 8},
	))
	sh.waitFor(t, 3, time.Second)
	time.Sleep(2 * liveEvery) // nothing more comes
	got, _ := sh.events()
	want := []WorkspaceChange{{"application", 3, 7}, {"candidate", 0, 8}, {"application", 4, 8}}
	if len(got) != len(want) {
		t.Fatalf("events = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestLiveTurnsAnImportIntoOneMany(t *testing.T) {
	var imported []storage.Change
	for id := range int64(300) {
		imported = append(imported, storage.Change{What: "candidate", Candidate: 100 + id},
			storage.Change{What: "application", Role: 3, Candidate: 100 + id})
	}
	sh := live(t, heard(imported...))
	time.Sleep(3 * liveEvery)
	got, _ := sh.events()
	want := []WorkspaceChange{{"candidate", 0, 100}, {"many", 0, 0}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("events = %+v, want %+v", got, want)
	}
}

func TestLiveStopsWithItsContextAndOnSQLite(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sh := &liveShell{fakeShell: &fakeShell{}}
	done := make(chan struct{})
	go func() {
		runLive(context.Background(), s.Listen, sh, liveEvery) // a context that never ends
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("live updates on a local workspace still running after 2 s")
	}
	if got, _ := sh.events(); len(got) != 0 {
		t.Errorf("events on a local workspace: %+v", got)
	}
}

func TestLiveTellsTheWindowWhenAnotherAppMovesACard(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	open := func() *storage.Store {
		s, err := storage.OpenPostgres(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	mine, theirs := open(), open()
	role, err := theirs.CreateRole(ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen}, storage.DefaultPipeline)
	if err != nil {
		t.Fatal(err)
	}
	ada, err := theirs.CreateCandidate(ctx, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}},
		[]int64{role.ID}, model.Profile{Name: "Rita Recruiter"})
	if err != nil {
		t.Fatal(err)
	}
	det, err := theirs.CandidateDetail(ctx, ada.ID)
	if err != nil {
		t.Fatal(err)
	}

	sh := &liveShell{fakeShell: &fakeShell{}}
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	StartLive(lctx, mine, sh)
	waitListening(t, url)

	if _, err := theirs.MoveApplication(ctx, det.Applications[0].ID, role.Stages[2].ID, "", model.Profile{Name: "Rita Recruiter"}); err != nil {
		t.Fatal(err)
	}
	want := WorkspaceChange{What: "application", Role: role.ID, Candidate: ada.ID}
	deadline := time.Now().Add(time.Second)
	for {
		got, _ := sh.events()
		for _, c := range got {
			if c == want {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window heard %+v within a second of the move, want %+v", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitListening waits until a live-update connection listens to the database at url.
func waitListening(t *testing.T, url string) {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND application_name = 'hirebench live updates' AND query LIKE 'LISTEN%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("nothing listening after 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

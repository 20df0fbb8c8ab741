// Test helpers: a demo workspace with interviewers' drafts to write to, writers
// that can be paused, and a dump of every table to compare workspaces by.

package backup

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hirebench/app/demo/demotest"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

type fixture struct {
	dir   string
	store *storage.Store
	svc   *Service
	tr    *tracking.Service
	iv    *interviews.Service
	rec   model.Profile // the demo's recruiter
	sam   model.Profile // an interviewer with drafts
	cards []int64       // Sam's draft scorecards, one per writer
	clock *atomic.Pointer[time.Time]
}

// newFixture seeds the demo workspace in a fresh data folder and gives Sam
// a draft scorecard for each of n candidates; with n = 0, only a recruiter.
func newFixture(t *testing.T, n int) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if n > 0 { // the demo's roles, plans, scorecards and history: every table has rows
		demotest.CopyTo(t, filepath.Join(dir, "workspace.db"))
	}
	store, err := storage.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	f := &fixture{dir: dir, store: store, svc: New(store), tr: tracking.New(store), iv: interviews.New(store)}
	t.Cleanup(func() { f.svc.Close() })
	start := time.Date(2026, 12, 1, 17, 18, 0, 0, time.UTC)
	f.clock = &atomic.Pointer[time.Time]{}
	f.clock.Store(&start)
	f.svc.now = func() time.Time { return *f.clock.Load() }

	builtin, err := f.iv.EnsureBuiltin(ctx)
	must(t, err)
	if n == 0 {
		_, err := f.tr.CreateProfile(ctx, "Rita Recruiter", true, false, model.Profile{})
		must(t, err)
	}
	ps, err := f.tr.Profiles(ctx)
	must(t, err)
	for _, p := range ps {
		if p.IsRecruiter {
			f.rec = p
		}
	}
	f.sam, err = f.tr.CreateProfile(ctx, "Sam Backup", false, false, f.rec)
	must(t, err)
	role, err := f.tr.CreateRole(ctx, model.RoleInput{Title: "Backup Engineer", Status: model.RoleOpen})
	must(t, err)
	round, err := f.iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Restore drill", RubricID: builtin.RubricID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, InterviewerIDs: []int64{f.sam.ID}}, f.rec)
	must(t, err)
	for i := range n {
		c, err := f.tr.CreateCandidate(ctx, model.CandidateInput{Name: fmt.Sprintf("Drill Candidate %d", i)}, []int64{role.ID}, f.rec)
		must(t, err)
		d, err := f.tr.Detail(ctx, c.ID)
		must(t, err)
		v, err := f.iv.StartInterview(ctx, d.Applications[0].ID, round.ID, f.sam)
		must(t, err)
		f.cards = append(f.cards, v.Card.ID)
	}
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// tick moves the service's clock on, so snapshots get distinct names.
func (f *fixture) tick(d time.Duration) {
	next := f.clock.Load().Add(d)
	f.clock.Store(&next)
}

var owner = scoring.Exporter{Owner: true}

// writers write through the services as the app does: writer k adds
// candidates "Writer k #i" and saves its draft's notes as "note k #i", in
// order. Pause stops them between two writes; acked counts what returned.
type writers struct {
	gate  sync.RWMutex // a writer holds it for reading during one write
	stop  atomic.Bool
	wg    sync.WaitGroup
	acked []atomic.Int64 // writes returned, per writer
	begun []atomic.Int64 // writes started, per writer
	errs  chan error
}

func startWriters(t *testing.T, f *fixture) *writers {
	t.Helper()
	ctx := context.Background()
	w := &writers{acked: make([]atomic.Int64, len(f.cards)), begun: make([]atomic.Int64, len(f.cards)), errs: make(chan error, len(f.cards))}
	for k, card := range f.cards {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for i := 0; !w.stop.Load(); i++ {
				w.gate.RLock()
				w.begun[k].Add(1)
				_, err := f.tr.CreateCandidate(ctx, model.CandidateInput{Name: fmt.Sprintf("Writer %d #%d", k, i)}, nil, f.rec)
				if err == nil {
					note := fmt.Sprintf("note %d #%d", k, i)
					_, err = f.iv.SaveDraft(ctx, card, []scoring.Patch{{Notes: &note}}, f.sam)
				}
				w.acked[k].Add(1)
				w.gate.RUnlock()
				if err != nil {
					w.errs <- err
					return
				}
			}
		}()
	}
	t.Cleanup(w.finish)
	return w
}

// pause waits for every write under way to return and holds the others.
func (w *writers) pause()  { w.gate.Lock() }
func (w *writers) resume() { w.gate.Unlock() }

func (w *writers) finish() {
	w.stop.Store(true)
	w.wg.Wait()
}

func (w *writers) check(t *testing.T) {
	t.Helper()
	select {
	case err := <-w.errs:
		t.Fatalf("a writer failed: %v", err)
	default:
	}
}

// waitWrites waits until every writer has written at least n times.
func (w *writers) waitWrites(t *testing.T, n int64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for k := range w.acked {
		for w.acked[k].Load() < n {
			w.check(t)
			if time.Now().After(deadline) {
				t.Fatalf("writer %d wrote %d times in 30 s", k, w.acked[k].Load())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}

// openFile opens a database file read-only for a test to look into.
func openFile(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// firstDifference shows where two dumps part, for a readable failure.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("one has %d lines, the other %d", len(al), len(bl))
}

// names lists the files in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out
}

// lastSavedLine is the dump's line of when a backup was last saved, which a
// restore carries over from the workspace it replaces, so it stays true.
var lastSavedLine = regexp.MustCompile(`(?m)^  \["backup.last_saved_at" .*\n`)

func withoutLastSaved(dump string) string { return lastSavedLine.ReplaceAllString(dump, "") }

// restoreOver restores the file at path over f's workspace, whose dump was
// before, and checks what a restore promises: the workspace as it was kept
// as a snapshot, and the workspace now the file's, but for when a backup
// was last saved.
func restoreOver(t *testing.T, f *fixture, path, before string) Restored {
	t.Helper()
	ctx := context.Background()
	staged, err := f.svc.Stage(ctx, path, filepath.Base(path), owner)
	must(t, err)
	defer staged.Close()
	res, err := f.svc.Restore(ctx, staged, owner, nil)
	must(t, err)
	if got := storagetest.DumpFile(t, filepath.Join(f.svc.Folder(), res.KeptAs)); got != before {
		t.Fatalf("the snapshot kept before restoring differs from the workspace: %s", firstDifference(before, got))
	}
	want := withoutLastSaved(storagetest.DumpFile(t, path))
	if got := withoutLastSaved(storagetest.DumpFile(t, f.store.Path())); got != want {
		t.Fatalf("the workspace is not the restored file's: %s", firstDifference(want, got))
	}
	return res
}

// Tests the rolling snapshots: names, keeping the newest N, taking one only when
// the workspace changed, and clearing what a crash left behind.

package backup

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"hirebench/app/model"
)

func snapshotNames(t *testing.T, s *Service) []string {
	t.Helper()
	list, err := s.Snapshots()
	must(t, err)
	out := []string{}
	for _, sn := range list {
		out = append(out, sn.Name)
	}
	return out
}

func TestSnapshotsAreNamedByTimeAndTheNewestNKept(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 0)
	must(t, f.svc.SetKeep(ctx, 3, owner))
	for range 5 {
		_, err := f.svc.TakeSnapshot(ctx)
		must(t, err)
		f.tick(time.Hour)
	}
	// Two in the same second get distinct names, newest first.
	_, err := f.svc.TakeSnapshot(ctx)
	must(t, err)
	_, err = f.svc.TakeSnapshot(ctx)
	must(t, err)

	want := []string{"workspace-20261201T221800Z-2.db", "workspace-20261201T221800Z.db", "workspace-20261201T211800Z.db"}
	if got := snapshotNames(t, f.svc); !slices.Equal(got, want) {
		t.Fatalf("snapshots = %v, want %v", got, want)
	}
	if got := names(t, f.svc.Folder()); len(got) != 3 {
		t.Errorf("the snapshots folder holds %v; only the 3 kept should remain", got)
	}
	list, _ := f.svc.Snapshots()
	if list[0].Time != "2026-12-01T22:18:00Z" || list[0].Bytes <= 0 {
		t.Errorf("newest snapshot = %+v", list[0])
	}
	for _, sn := range list {
		if st, _ := os.Stat(filepath.Join(f.svc.Folder(), sn.Name)); st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", sn.Name, st.Mode().Perm())
		}
	}

	// Fewer kept drops the oldest at once; a bad number is refused.
	must(t, f.svc.SetKeep(ctx, 1, owner))
	if got := snapshotNames(t, f.svc); !slices.Equal(got, want[:1]) {
		t.Errorf("after keeping 1: %v", got)
	}
	for _, n := range []int{0, -1, MaxKeep + 1} {
		if err := f.svc.SetKeep(ctx, n, owner); err == nil {
			t.Errorf("SetKeep(%d) accepted", n)
		}
	}
	if n, _ := f.svc.Keep(ctx); n != 1 {
		t.Errorf("Keep = %d after refused changes, want 1", n)
	}
}

func TestKeepDefaultsToTen(t *testing.T) {
	f := newFixture(t, 0)
	if n, err := f.svc.Keep(context.Background()); n != 10 || err != nil {
		t.Errorf("Keep = %d, %v; want the default 10", n, err)
	}
}

// waitFor polls until cond holds or a few seconds pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestAutoTakesOneAtStartThenOnlyWhenChanged(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := newFixture(t, 0)
	// Each snapshot a second later, so names never collide.
	f.svc.now = func() time.Time { f.tick(time.Second); return *f.clock.Load() }
	done := make(chan struct{})
	go func() { f.svc.Auto(ctx, 0, 20*time.Millisecond); close(done) }()
	defer func() { cancel(); <-done }()

	waitFor(t, "the snapshot at start", func() bool { return len(snapshotNames(t, f.svc)) == 1 })
	time.Sleep(200 * time.Millisecond) // ten ticks with nothing written
	if got := snapshotNames(t, f.svc); len(got) != 1 {
		t.Fatalf("snapshots without any change: %v", got)
	}
	_, err := f.tr.CreateCandidate(context.Background(), model.CandidateInput{Name: "Changed Things"}, nil, f.rec)
	must(t, err)
	waitFor(t, "a snapshot after a change", func() bool { return len(snapshotNames(t, f.svc)) == 2 })
	time.Sleep(200 * time.Millisecond)
	if got := snapshotNames(t, f.svc); len(got) != 2 {
		t.Fatalf("snapshots after one change: %v, want 2", got)
	}
	newest := filepath.Join(f.svc.Folder(), snapshotNames(t, f.svc)[0])
	var n int
	must(t, openFile(t, newest).QueryRow(`SELECT count(*) FROM candidates WHERE name = 'Changed Things'`).Scan(&n))
	if n != 1 {
		t.Error("the snapshot after the change does not hold it")
	}
}

func TestAutoClearsWhatACrashLeftBehind(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := newFixture(t, 0)
	must(t, os.MkdirAll(f.svc.Folder(), 0o700))
	old := time.Now().Add(-time.Hour)
	leftovers := []string{
		filepath.Join(f.dir, stagePrefix+"123"+stageSuffix),
		filepath.Join(f.dir, stagePrefix+"123"+stageSuffix+"-wal"),
		filepath.Join(f.svc.Folder(), ".workspace-20261201T171800Z.db.tmp-456"),
	}
	fresh := filepath.Join(f.dir, stagePrefix+"789"+stageSuffix) // another process's, under way
	mine := filepath.Join(f.dir, "notes.txt")
	for _, p := range append(leftovers, fresh, mine) {
		must(t, os.WriteFile(p, []byte("Ada Lovelace"), 0o600))
	}
	for _, p := range append(leftovers, mine) {
		must(t, os.Chtimes(p, old, old))
	}
	done := make(chan struct{})
	go func() { f.svc.Auto(ctx, 0, time.Hour); close(done) }()
	waitFor(t, "the snapshot at start", func() bool { return len(snapshotNames(t, f.svc)) == 1 })
	cancel()
	<-done
	for _, p := range leftovers {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", filepath.Base(p))
		}
	}
	for _, p := range []string{fresh, mine} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}

func TestNoSnapshotLandsWhilePaused(t *testing.T) {
	f := newFixture(t, 0)
	release := make(chan struct{})
	paused := make(chan struct{})
	done := make(chan error)
	go func() {
		done <- f.svc.Paused(func() error {
			close(paused)
			<-release
			return nil
		})
	}()
	<-paused
	taken := make(chan error)
	go func() { _, err := f.svc.TakeSnapshot(context.Background()); taken <- err }()
	time.Sleep(300 * time.Millisecond)
	if got := snapshotNames(t, f.svc); len(got) != 0 {
		t.Fatalf("a snapshot landed while paused: %v", got)
	}
	close(release)
	must(t, <-done)
	must(t, <-taken)
	if got := snapshotNames(t, f.svc); len(got) != 1 {
		t.Fatalf("after the pause: %v, want the one snapshot", got)
	}
}

func TestLeftoversAreTheUnfinishedCopiesOnly(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 0)
	snap, err := f.svc.TakeSnapshot(ctx)
	must(t, err)
	unfinished := []string{
		filepath.Join(f.dir, ".restore-1.tmp"),
		filepath.Join(f.dir, ".restore-1.tmp-journal"),
		filepath.Join(f.dir, ".monday.db.tmp-2"),
		filepath.Join(f.svc.Folder(), ".workspace-20261201T171800Z.db.tmp-3"),
	}
	for _, p := range append(slices.Clone(unfinished), filepath.Join(f.dir, "notes.txt")) {
		must(t, os.WriteFile(p, []byte("Ada Lovelace"), 0o600))
	}
	got := Leftovers(f.dir)
	slices.Sort(got)
	slices.Sort(unfinished)
	if !slices.Equal(got, unfinished) {
		t.Errorf("Leftovers = %v\nwant %v (not the workspace, the snapshot %s or other files)", got, unfinished, snap.Name)
	}
}

// Rolling snapshots in the data folder's snapshots/ folder: one when the window
// opens, then hourly while the workspace changed, the newest N kept.

package backup

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// Snapshot is one automatic copy in the snapshots folder.
type Snapshot struct {
	Name  string `json:"name"`
	Time  string `json:"time"` // when it was taken, RFC 3339 UTC
	Bytes int64  `json:"bytes"`

	at  time.Time
	seq int
}

// Snapshot names: workspace-20261201T171800Z.db, and -2, -3… for more than
// one in the same second. Other engineers' code relies on the folder and on
// every snapshot ending in .db (erasure rewrites them).
const stampLayout = "20060102T150405Z"

var snapshotName = regexp.MustCompile(`^workspace-(\d{8}T\d{6}Z)(?:-(\d+))?\.db$`)

// Keeping snapshots: how many by default, and the bounds of the setting.
const (
	DefaultKeep    = 10
	MaxKeep        = 100
	settingKeep    = "backup.snapshots_keep"
	leftoverMaxAge = 10 * time.Minute
)

// Folder is where the snapshots are kept.
func (s *Service) Folder() string { return filepath.Join(s.dataDir, files.SnapshotsFolder) }

// Snapshots lists the snapshots, newest first.
func (s *Service) Snapshots() ([]Snapshot, error) {
	if s.store.Shared() {
		return []Snapshot{}, nil // none: the folder beside a file that is not there
	}
	es, err := os.ReadDir(s.Folder())
	if errors.Is(err, fs.ErrNotExist) {
		return []Snapshot{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []Snapshot{}
	for _, e := range es {
		m := snapshotName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		at, err := time.Parse(stampLayout, m[1])
		if err != nil {
			continue
		}
		seq, _ := strconv.Atoi(m[2])
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, Snapshot{Name: e.Name(), Time: at.Format(time.RFC3339), Bytes: info.Size(), at: at, seq: seq})
	}
	slices.SortFunc(out, func(a, b Snapshot) int {
		return cmp.Or(b.at.Compare(a.at), cmp.Compare(b.seq, a.seq))
	})
	return out, nil
}

// Keep is how many snapshots are kept.
func (s *Service) Keep(ctx context.Context) (int, error) {
	v, err := s.store.Setting(ctx, settingKeep)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > MaxKeep {
		return DefaultKeep, nil
	}
	return n, nil
}

// SetKeep changes how many snapshots are kept and drops the oldest beyond it;
// it is who may restore's decision (fewer kept is history lost).
func (s *Service) SetKeep(ctx context.Context, n int, who scoring.Exporter) error {
	if err := s.MayRestore(ctx, who); err != nil {
		return err
	}
	if n < 1 || n > MaxKeep {
		return model.Invalid("keep", "keep between 1 and %d snapshots", MaxKeep)
	}
	if err := s.store.PutSetting(ctx, settingKeep, strconv.Itoa(n)); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rotateLocked(ctx)
}

// Paused runs fn while no snapshot, backup or restore of this process runs
// and none starts: erasing someone rewrites the snapshots, and a snapshot
// copied before the erasure must not land in the folder after it.
func (s *Service) Paused(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn()
}

// TakeSnapshot takes a snapshot now and drops the oldest beyond Keep.
func (s *Service) TakeSnapshot(ctx context.Context) (Snapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshotLocked(ctx)
}

// snapshotLocked takes a snapshot; s.mu is held.
func (s *Service) snapshotLocked(ctx context.Context) (Snapshot, error) {
	c, err := s.copierLocked(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	if err := os.MkdirAll(s.Folder(), 0o700); err != nil {
		return Snapshot{}, err
	}
	// Read before copying: a write that lands meanwhile is seen as a change
	// next time, whether or not this copy holds it.
	mark, err := c.DataVersion(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	at := s.now().UTC().Truncate(time.Second)
	name := "workspace-" + at.Format(stampLayout) + ".db"
	for seq := 2; ; seq++ {
		if _, err := os.Lstat(filepath.Join(s.Folder(), name)); errors.Is(err, fs.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("workspace-%s-%d.db", at.Format(stampLayout), seq)
	}
	path := filepath.Join(s.Folder(), name)
	if err := s.copyTo(ctx, path); err != nil {
		return Snapshot{}, err
	}
	s.mark, s.marked = mark, true
	if err := s.rotateLocked(ctx); err != nil {
		files.LogWithoutPath("old snapshots could not be removed", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return Snapshot{}, err
	}
	return Snapshot{Name: name, Time: at.Format(time.RFC3339), Bytes: st.Size(), at: at}, nil
}

// rotateLocked removes the oldest snapshots beyond Keep; s.mu is held.
func (s *Service) rotateLocked(ctx context.Context) error {
	keep, err := s.Keep(ctx)
	if err != nil {
		return err
	}
	list, err := s.Snapshots()
	if err != nil {
		return err
	}
	var errs []error
	for _, old := range list[min(keep, len(list)):] {
		if err := os.Remove(filepath.Join(s.Folder(), old.Name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Auto takes a snapshot after first (so the window's first screen does not
// share the disk and CPU with it), then one every interval while the
// workspace changed since the last, until ctx is done. A failure is logged
// and the app carries on: the next tick tries again.
func (s *Service) Auto(ctx context.Context, first, every time.Duration) {
	select {
	case <-ctx.Done():
		return
	case <-time.After(first):
	}
	s.removeLeftovers()
	if _, err := s.autoSnapshot(ctx, true); err != nil && ctx.Err() == nil {
		files.LogWithoutPath("the automatic snapshot failed", err)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.autoSnapshot(ctx, false); err != nil && ctx.Err() == nil {
				files.LogWithoutPath("the automatic snapshot failed", err)
			}
		}
	}
}

// autoSnapshot takes a snapshot if forced or if anyone wrote to the
// workspace since the last one; false when there was nothing new.
func (s *Service) autoSnapshot(ctx context.Context, force bool) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !force && s.marked {
		c, err := s.copierLocked(ctx)
		if err != nil {
			return false, err
		}
		v, err := c.DataVersion(ctx)
		if err != nil {
			return false, err
		}
		if v == s.mark {
			return false, nil
		}
	}
	_, err := s.snapshotLocked(ctx)
	return err == nil, err
}

// removeLeftovers removes what a copy or restore cut short by a crash left
// behind (Leftovers). Only old ones: another process may be writing a fresh one.
func (s *Service) removeLeftovers() {
	for _, path := range Leftovers(s.dataDir) {
		if info, err := os.Lstat(path); err == nil && time.Since(info.ModTime()) > leftoverMaxAge {
			_ = os.Remove(path)
		}
	}
}

// Leftovers lists the files in the data folder dataDir (and its snapshots
// folder) that copies and restores write on their way and remove when
// done: staged restores (with what SQLite leaves beside them) and
// temporary copies (.NAME.tmp-*). One a crash left behind holds candidate
// data like any copy; one found now may also be another process's, under way.
func Leftovers(dataDir string) []string {
	var out []string
	for _, dir := range []string{filepath.Join(dataDir, files.SnapshotsFolder), dataDir} {
		es, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range es {
			n := e.Name()
			staged := strings.HasPrefix(n, stagePrefix) && strings.Contains(n, stageSuffix)
			copying := strings.HasPrefix(n, ".") && strings.Contains(n, ".tmp-") // copyTo's temporary file
			if (staged || copying) && e.Type().IsRegular() {
				out = append(out, filepath.Join(dir, n))
			}
		}
	}
	return out
}

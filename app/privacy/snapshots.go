// The automatic snapshots in the data folder (<data-dir>/snapshots/*.db, kept
// by app/backup): after an erasure each is rewritten without the people, or
// deleted when that fails; a snapshot being taken meanwhile is waited for.

package privacy

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hirebench/app/backup"
	"hirebench/app/files"
	"hirebench/storage"
)

// inProgress is how recent a file other than a snapshot must be to count as
// a snapshot still being written (app/backup writes a temporary file, then
// renames it); an older one is a leftover and is removed.
const inProgress = 2 * time.Minute

// settle is how long the rewrite waits, at most, for snapshots being taken.
var settle = 30 * time.Second

// rewriteSnapshots erases people from every automatic snapshot. A snapshot
// that cannot be rewritten is deleted, and so is any leftover file of the
// folder; a file that cannot be deleted either is an error, since it may
// still hold them.
func (s *Service) rewriteSnapshots(ctx context.Context, people []storage.Person, e storage.Erasure) (Snapshots, error) {
	var out Snapshots
	if len(people) == 0 {
		return out, nil
	}
	dir := filepath.Join(s.dataDir, files.SnapshotsFolder)
	done := map[string]bool{}
	var errs []error
	deadline := time.Now().Add(settle)
	for {
		entries, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		waiting, worked := false, false
		for _, en := range entries {
			name := en.Name()
			path := filepath.Join(dir, name)
			if done[name] || en.IsDir() {
				continue
			}
			if !strings.HasSuffix(name, ".db") {
				if info, err := en.Info(); err == nil && time.Since(info.ModTime()) < inProgress {
					waiting = true // a snapshot being written: rewritten once it is renamed
					continue
				}
			}
			done[name], worked = true, true
			if strings.HasSuffix(name, ".db") {
				changed, err := s.store.EraseFromCopy(ctx, path, people, e)
				switch {
				case err == nil && changed:
					out.Rewritten++
					continue
				case err == nil:
					out.Unchanged++
					continue
				}
				// Only the file's name: snapshot names hold no one's data.
				slog.Warn("a snapshot could not be rewritten after an erasure, so it is deleted", "snapshot", name, "err", err)
			}
			if err := removeCopy(path); err != nil {
				errs = append(errs, err)
				continue
			}
			out.Dropped++
		}
		if !waiting && !worked {
			break
		}
		if waiting && !worked {
			if time.Now().After(deadline) {
				errs = append(errs, errors.New("a snapshot was still being taken; check the snapshots folder"))
				break
			}
			select {
			case <-ctx.Done():
				return out, ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	if len(errs) > 0 {
		return out, errors.New("some files in the snapshots folder could not be rewritten or deleted and may still hold what was erased: delete the snapshots folder")
	}
	return out, nil
}

// dropLeftovers deletes the staged restores and temporary copies in the
// data folder (backup.Leftovers), whatever their age: one a crashed restore
// left may hold the person. A restore under way elsewhere then fails,
// having changed nothing.
func dropLeftovers(dataDir string) error {
	var errs []error
	for _, path := range backup.Leftovers(dataDir) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		// Not the paths: folders can hold people's names.
		return errors.New("some unfinished copies in the data folder (.restore-*.tmp, .*.tmp-*) could not be deleted and may still hold what was erased: delete them")
	}
	return nil
}

// removeCopy deletes a database file and what SQLite may have left beside it.
func removeCopy(path string) error {
	var errs []error
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

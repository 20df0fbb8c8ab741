// Restoring a backup or snapshot: copy it beside the workspace, check the copy,
// keep the current workspace as a snapshot, then replace it in one transaction.
// Until that transaction commits the workspace is untouched; a crash at any
// point leaves either the old workspace or the restored one.

package backup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Staged copies of a file to restore sit in the data folder, on the same
// disk as the workspace, under this name.
const (
	stagePrefix = ".restore-"
	stageSuffix = ".tmp"
)

// Facts say what a restore would bring in and what it would replace.
type Facts struct {
	Name     string `json:"name"`
	Schema   int    `json:"schema"`
	Upgrade  bool   `json:"upgrade"` // written by an older hirebench: upgraded as it is restored
	Bytes    int64  `json:"bytes"`
	Modified string `json:"modified"` // when the file was last written, RFC 3339 UTC
	// What the file holds, and what the workspace holds now.
	Candidates        int `json:"candidates"`
	Roles             int `json:"roles"`
	CurrentCandidates int `json:"currentCandidates"`
	CurrentRoles      int `json:"currentRoles"`
	// The people the file holds whom this workspace erased or anonymised
	// since it was made (its audit log says so): a restore does it again
	// before the file replaces the workspace. Again is the sentence to
	// show ("" when there are none).
	ErasedAgain     int    `json:"erasedAgain"`
	AnonymisedAgain int    `json:"anonymisedAgain"`
	Again           string `json:"again"`
}

// Staged is a checked copy of a file, ready to replace the workspace. Close
// it in every case: it removes the copy.
type Staged struct {
	path  string
	facts Facts
}

// Facts say what restoring it would do.
func (st *Staged) Facts() Facts { return st.facts }

// Close removes the staged copy (and what SQLite may have left beside it).
func (st *Staged) Close() {
	if st != nil {
		for _, p := range []string{st.path, st.path + "-journal", st.path + "-wal", st.path + "-shm"} {
			_ = os.Remove(p)
		}
	}
}

// Restored is a finished restore.
type Restored struct {
	Facts
	// KeptAs is the snapshot that holds the workspace as it was.
	KeptAs string `json:"keptAs"`
}

// Stage copies the file at path (name is how messages call it) beside the
// workspace and checks the copy: a hirebench workspace, whole, with a schema
// this build can open. Nothing of the workspace changes; the file itself is
// only read.
func (s *Service) Stage(ctx context.Context, path, name string, who scoring.Exporter) (*Staged, error) {
	if err := s.may(ctx, who, true); err != nil {
		return nil, err
	}
	src, st, err := files.OpenRegular(path)
	if err != nil {
		return nil, files.Refusal(name, "backups", 0, err)
	}
	defer src.Close()
	for _, own := range files.WorkspaceFiles(s.store.Path()) {
		if ost, err := os.Stat(own); err == nil && os.SameFile(st, ost) {
			return nil, model.Invalid("file", "%s is this workspace's own database, not a backup of it: choose a backup or a snapshot", name)
		}
	}
	tmp, err := os.CreateTemp(s.dataDir, stagePrefix+"*"+stageSuffix)
	if err != nil {
		return nil, noRoom(name, err)
	}
	staged := &Staged{path: tmp.Name()}
	_, err = io.Copy(tmp, contextReader{ctx, src})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = s.step("staged")
	}
	if err != nil {
		staged.Close()
		return nil, noRoom(name, err)
	}
	facts, err := storage.InspectFile(ctx, staged.path)
	if err != nil {
		staged.Close()
		return nil, refusal(name, err)
	}
	now, err := s.store.Counts(ctx)
	if err != nil {
		staged.Close()
		return nil, err
	}
	again, err := s.store.ErasedIn(ctx, staged.path, facts.Schema)
	if err != nil {
		staged.Close()
		return nil, refusal(name, err)
	}
	staged.facts = Facts{Name: name, Schema: facts.Schema, Upgrade: facts.Schema < storage.SchemaVersion(),
		Bytes: st.Size(), Modified: st.ModTime().UTC().Format(time.RFC3339),
		Candidates: facts.Candidates, Roles: facts.Roles, CurrentCandidates: now.Candidates, CurrentRoles: now.Roles}
	staged.facts.setAgain(again, false)
	return staged, s.stepOr(staged, "checked")
}

// Check stages the file and removes it again: what restoring it would do.
func (s *Service) Check(ctx context.Context, path, name string, who scoring.Exporter) (Facts, error) {
	st, err := s.Stage(ctx, path, name, who)
	if err != nil {
		return Facts{}, err
	}
	defer st.Close()
	return st.Facts(), nil
}

// Restore replaces the workspace with a staged copy: upgraded first if an
// older hirebench wrote it, then the current workspace is kept as a
// snapshot, then the copy is given the workspace's privacy audit log and
// everyone it records as erased or anonymised since the copy was made is
// erased or anonymised in it again (so the live file never holds them
// again and the log is not lost), then the copy replaces the workspace in
// one transaction (a crash before that commits leaves the workspace as it
// was). Others reading the workspace see the old content or the new, never
// a mix. beforeReplace (if any) runs just before the replacement, once
// everything else succeeded.
func (s *Service) Restore(ctx context.Context, st *Staged, who scoring.Exporter, beforeReplace func()) (Restored, error) {
	if err := s.may(ctx, who, true); err != nil {
		return Restored{}, err
	}
	if st.facts.Upgrade {
		if err := storage.UpgradeFile(ctx, st.path); err != nil {
			return Restored{}, fmt.Errorf("%s could not be upgraded to this version of hirebench; nothing was changed: %w", st.facts.Name, err)
		}
		if err := s.step("upgraded"); err != nil {
			return Restored{}, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	kept, err := s.snapshotLocked(ctx)
	if err != nil {
		if errors.Is(err, syscall.ENOSPC) {
			return Restored{}, model.Invalid("file", "there is not enough free space to keep the current workspace as a snapshot, so nothing was restored")
		}
		return Restored{}, fmt.Errorf("the current workspace could not be kept as a snapshot, so nothing was restored: %w", err)
	}
	if err := s.step("kept"); err != nil {
		return Restored{}, err
	}
	lastSaved, err := s.LastSaved(ctx)
	if err != nil {
		return Restored{}, err
	}
	// Under s.mu: no erasure of this process runs meanwhile (Paused).
	again, err := s.store.EraseAgainIn(ctx, st.path, st.facts.Schema)
	if err != nil {
		return Restored{}, fmt.Errorf("the people erased since %s was made could not be erased in it again, so nothing was restored: %w", st.facts.Name, err)
	}
	done := st.facts
	done.setAgain(again, true)
	done.Candidates -= again.Erased // what the workspace will hold
	if err := s.step("erased again"); err != nil {
		return Restored{}, err
	}
	if beforeReplace != nil {
		beforeReplace()
	}
	if err := s.store.ReplaceFrom(ctx, st.path); err != nil {
		return Restored{}, refusal(st.facts.Name, err)
	}
	// Backups saved before the restore still exist: remembering when keeps
	// "which saved backups may hold someone" true.
	if restored, err := s.LastSaved(ctx); err == nil && lastSaved > restored {
		err = s.store.PutSetting(ctx, settingLastSaved, lastSaved)
		if err != nil {
			files.LogWithoutPath("the time of the last saved backup was not carried over", err)
		}
	}
	return Restored{Facts: done, KeptAs: kept.Name}, nil
}

// SnapshotPath is the file of a listed snapshot, by its name alone, so no
// path from the page can point elsewhere.
func (s *Service) SnapshotPath(name string) (string, error) {
	list, err := s.Snapshots()
	if err != nil {
		return "", err
	}
	for _, sn := range list {
		if sn.Name == name {
			return s.Folder() + string(os.PathSeparator) + sn.Name, nil
		}
	}
	return "", model.Invalid("snapshot", "there is no snapshot %q any more; reload the list", name)
}

// setAgain records whom the file holds that were erased or anonymised since
// it was made, and the sentence saying what a restore does (done: did) to them.
func (f *Facts) setAgain(n storage.ErasedAgain, done bool) {
	f.ErasedAgain, f.AnonymisedAgain = n.Erased, n.Anonymised
	will, verb := "will be", "erased"
	if done {
		will = model.Plural(n.Erased+n.Anonymised, "was", "were")
	}
	var who string
	switch {
	case n.Erased == 0 && n.Anonymised == 0:
		f.Again = ""
		return
	case n.Anonymised == 0:
		who = model.Count(n.Erased, "person", "people") + " erased"
	case n.Erased == 0:
		who, verb = model.Count(n.Anonymised, "person", "people")+" anonymised", "anonymised"
	default:
		who, verb = fmt.Sprintf("%s erased and %d anonymised", model.Count(n.Erased, "person", "people"), n.Anonymised), "erased and anonymised"
	}
	f.Again = fmt.Sprintf("%s since this backup was made %s %s again.", who, will, verb)
}

// stepOr runs the test step, dropping the staged copy if it fails.
func (s *Service) stepOr(st *Staged, name string) error {
	if err := s.step(name); err != nil {
		st.Close()
		return err
	}
	return nil
}

// refusal words why a file cannot be restored.
func refusal(name string, err error) error {
	var newer *storage.ErrNewerSchema
	switch {
	case errors.Is(err, storage.ErrNotSQLite):
		return model.Invalid("file", "%s is not a hirebench backup (not a database file); nothing was changed", name)
	case errors.Is(err, storage.ErrNotWorkspace):
		return model.Invalid("file", "%s is a database, but not a hirebench workspace; nothing was changed", name)
	case errors.As(err, &newer):
		return model.Invalid("file", "%s was written by a newer hirebench (schema %d; this one knows up to %d): update hirebench to restore it; nothing was changed",
			name, newer.Found, newer.Known)
	case errors.Is(err, storage.ErrDamaged):
		return model.Invalid("file", "%s is damaged (its integrity check failed): choose another backup or a snapshot; nothing was changed", name)
	case errors.Is(err, storage.ErrPageSize):
		return model.Invalid("file", "%s was made with another page size and cannot be restored here; nothing was changed", name)
	}
	return err
}

// noRoom words a full disk; other errors pass.
func noRoom(name string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return model.Invalid("file", "there is not enough free space beside the workspace to restore %s; nothing was changed", name)
	}
	return err
}

// contextReader stops a long copy once ctx is done.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

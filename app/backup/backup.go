// Package backup keeps copies of the workspace: rolling snapshots in the data
// folder, backups saved where the user says, and restoring either. Every copy
// is taken on a read-only connection while the app carries on (VACUUM INTO),
// checked (integrity_check) and only then renamed into place.
package backup

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Service makes and restores copies of one workspace.
type Service struct {
	store *storage.Store
	// dataDir holds the database; snapshots go to its SnapshotsFolder.
	dataDir string
	now     func() time.Time

	// mu: one copy or restore at a time, so snapshots never overlap and a
	// restore never races one.
	mu     sync.Mutex
	copier *storage.Copier // opened on first use, kept for data_version
	mark   int64           // data_version when the last snapshot began
	marked bool

	// step runs after each step of a restore (tests stop it there).
	step func(name string) error
}

// New is the backup service of the workspace in store.
func New(store *storage.Store) *Service {
	return &Service{store: store, dataDir: filepath.Dir(store.Path()), now: time.Now, step: func(string) error { return nil }}
}

// Saved is a backup written where the user asked.
type Saved struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Bytes  int64  `json:"bytes"`
	Time   string `json:"time"`
	Schema int    `json:"schema"`
}

// settingLastSaved remembers when a backup was last saved outside the data
// folder (not where: folders can hold people's names), so erasing someone
// can say which saved backups may still hold them.
const settingLastSaved = "backup.last_saved_at"

// Backup writes a copy of the workspace as of one moment to path, whole or
// not at all: into a temporary file beside it, synced and checked, then
// renamed over it. name is how the file is called in messages. The
// workspace's own files (database, journal, snapshots) are refused.
func (s *Service) Backup(ctx context.Context, path, name string, who scoring.Exporter) (Saved, error) {
	if err := s.may(ctx, who, false); err != nil {
		return Saved{}, err
	}
	if err := files.CheckSaveTarget(path, files.WorkspaceFiles(s.store.Path())); err != nil {
		return Saved{}, files.SaveRefusal(name, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	at := s.now().UTC()
	if err := s.copyTo(ctx, path); err != nil {
		return Saved{}, files.SaveRefusal(name, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return Saved{}, files.SaveRefusal(name, err)
	}
	when := at.Format(model.TimeLayout)
	if err := s.store.PutSetting(ctx, settingLastSaved, when); err != nil {
		files.LogWithoutPath("a backup was saved but its time was not recorded", err)
	}
	return Saved{Path: path, Name: name, Bytes: st.Size(), Time: when, Schema: storage.SchemaVersion()}, nil
}

// LastSaved is when a backup was last saved outside the data folder, "" if never.
func (s *Service) LastSaved(ctx context.Context) (string, error) {
	return s.store.Setting(ctx, settingLastSaved)
}

// copyTo writes a checked copy of the workspace to dest: VACUUM INTO a
// temporary file beside it, fsync, integrity check, rename, fsync of the
// folder. A failure leaves dest as it was and no temporary file. s.mu is held.
func (s *Service) copyTo(ctx context.Context, dest string) error {
	c, err := s.copierLocked(ctx)
	if err != nil {
		return err
	}
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+strings.TrimPrefix(filepath.Base(dest), ".")+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // gone by then after a rename
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := c.VacuumInto(ctx, tmpName); err != nil {
		if strings.Contains(err.Error(), "disk is full") {
			return fmt.Errorf("%w", syscall.ENOSPC) // SQLite's words for it
		}
		return err
	}
	if err := syncFile(tmpName); err != nil {
		return err
	}
	if _, err := storage.InspectFile(ctx, tmpName); err != nil {
		return fmt.Errorf("the copy failed its check: %w", err)
	}
	if err := os.Rename(tmpName, dest); err != nil {
		return err
	}
	return syncFile(dir) // the rename itself survives a power cut
}

// copierLocked is the service's read-only connection; s.mu is held.
func (s *Service) copierLocked(ctx context.Context) (*storage.Copier, error) {
	if s.copier == nil {
		c, err := s.store.NewCopier(ctx)
		if err != nil {
			return nil, err
		}
		s.copier = c
	}
	return s.copier, nil
}

// Close closes the service's own connection; the service opens it again if used.
func (s *Service) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.copier == nil {
		return nil
	}
	err := s.copier.Close()
	s.copier, s.marked = nil, false
	return err
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Rights says what the person may do with backups, and why not.
type Rights struct {
	MayBackUp  bool   `json:"mayBackUp"`
	MayRestore bool   `json:"mayRestore"`
	Note       string `json:"note"`
}

// May is the backup rule. A backup holds every interviewer's scorecards
// and a restore replaces everyone's work, so on a laptop with a recruiter
// only the recruiter does either (and the command line, the data folder's
// owner, who could copy the file anyway); on a laptop without one (an
// interviewer's own) anyone does.
func May(who scoring.Exporter, laptopHasRecruiter, restore bool) error {
	if who.IsRecruiter || who.Owner || !laptopHasRecruiter {
		return nil
	}
	if restore {
		return fmt.Errorf("restoring a backup replaces everyone's work on this laptop, so only the recruiter restores: %w", model.ErrConflict)
	}
	return fmt.Errorf("a backup holds every interviewer's scorecards, so on this laptop only the recruiter makes one: %w", model.ErrConflict)
}

// RightsOf says what who may do here.
func (s *Service) RightsOf(ctx context.Context, who scoring.Exporter) (Rights, error) {
	if s.store.Shared() {
		return Rights{Note: model.RefusalSentence(errShared)}, nil
	}
	rec, err := s.hasRecruiter(ctx)
	if err != nil {
		return Rights{}, err
	}
	back, restore := May(who, rec, false), May(who, rec, true)
	r := Rights{MayBackUp: back == nil, MayRestore: restore == nil}
	if err := cmp.Or(back, restore); err != nil {
		r.Note = model.RefusalSentence(err)
	}
	return r, nil
}

// MayBackUp says whether who may save a backup here (May).
func (s *Service) MayBackUp(ctx context.Context, who scoring.Exporter) error {
	return s.may(ctx, who, false)
}

// MayRestore says whether who may restore here, or change the snapshots kept (May).
func (s *Service) MayRestore(ctx context.Context, who scoring.Exporter) error {
	return s.may(ctx, who, true)
}

// errShared: a shared workspace lives on its server, whose own backups keep
// it; this computer holds no file of it to copy or snapshot.
var errShared = fmt.Errorf("backups and snapshots are of a local workspace; a shared workspace is backed up by its PostgreSQL server: %w", model.ErrConflict)

func (s *Service) may(ctx context.Context, who scoring.Exporter, restore bool) error {
	if s.store.Shared() {
		return errShared
	}
	if who.Owner || who.IsRecruiter {
		return nil
	}
	rec, err := s.hasRecruiter(ctx)
	if err != nil {
		return err
	}
	return May(who, rec, restore)
}

func (s *Service) hasRecruiter(ctx context.Context) (bool, error) {
	ps, err := s.store.ListProfiles(ctx)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(ps, func(p model.Profile) bool { return p.IsRecruiter }), nil
}

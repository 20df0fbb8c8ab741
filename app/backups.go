// The window's Backups facade: the automatic snapshots, "Back up now" through the
// save dialog, and restoring a chosen file or a snapshot.

package app

import (
	"context"
	"log/slog"
	"path/filepath"
	"time"

	"hirebench/app/backup"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// Backups is bound to the window.
type Backups struct {
	svc *backup.Service
	ws  *Workspace
	rt  Shell

	files *chooser // backup files chosen to restore
	// afterRestore brings what every open does to the restored workspace
	// (this build's built-in rubric).
	afterRestore func(context.Context) error
}

// maxRestoreFile is no real limit: a workspace with attachments is large,
// and the file is copied, not read into memory.
const maxRestoreFile = 1 << 40

// NewBackups binds the backup service (main.go runs its automatic snapshots).
func NewBackups(svc *backup.Service, iv *interviews.Service, ws *Workspace, rt Shell) *Backups {
	return newBackups(svc, ws, rt, func(ctx context.Context) error { _, err := iv.EnsureBuiltin(ctx); return err })
}

// newBackups is NewBackups with what runs after a restore given (tests).
func newBackups(svc *backup.Service, ws *Workspace, rt Shell, after func(context.Context) error) *Backups {
	chosen := &chooser{rt: rt, title: "Choose a backup to restore", pattern: "*.db;*.DB", patternName: "hirebench backup",
		what: "backups", limit: maxRestoreFile}
	ws.onProfileSwitch(chosen.forgetAll)
	return &Backups{svc: svc, ws: ws, rt: rt, files: chosen, afterRestore: after}
}

// BackupStatus is what the backups section shows.
type BackupStatus struct {
	Snapshots []backup.Snapshot `json:"snapshots"`
	Keep      int               `json:"keep"`
	// MaxKeep is the most snapshots SetKeep accepts.
	MaxKeep int `json:"maxKeep"`
	// LastSaved is when "Back up now" last saved a file, "" if never.
	LastSaved string        `json:"lastSaved"`
	Rights    backup.Rights `json:"rights"`
}

// RestoreChoice is a chosen file, checked: what restoring it would do.
type RestoreChoice struct {
	Token string       `json:"token"`
	Facts backup.Facts `json:"facts"`
}

// Status lists the snapshots, newest first, and what the person may do.
func (b *Backups) Status() (BackupStatus, error) {
	return withActor(b.ws, func(a model.Profile) (BackupStatus, error) {
		return b.status(context.Background(), a)
	})
}

func (b *Backups) status(ctx context.Context, a model.Profile) (BackupStatus, error) {
	list, err := b.svc.Snapshots()
	if err != nil {
		return BackupStatus{}, err
	}
	keep, err := b.svc.Keep(ctx)
	if err != nil {
		return BackupStatus{}, err
	}
	last, err := b.svc.LastSaved(ctx)
	if err != nil {
		return BackupStatus{}, err
	}
	rights, err := b.svc.RightsOf(ctx, scoring.ExporterOf(a))
	return BackupStatus{Snapshots: list, Keep: keep, MaxKeep: backup.MaxKeep, LastSaved: last, Rights: rights}, err
}

// SetKeep changes how many snapshots are kept (the oldest beyond go at once).
func (b *Backups) SetKeep(n int) (BackupStatus, error) {
	return withActor(b.ws, func(a model.Profile) (BackupStatus, error) {
		ctx := context.Background()
		if err := b.svc.SetKeep(ctx, n, scoring.ExporterOf(a)); err != nil {
			return BackupStatus{}, err
		}
		return b.status(ctx, a)
	})
}

// BackUpNow asks where to save a backup and writes a checked copy there;
// nil when the user closed the dialog. Who may is asked first.
func (b *Backups) BackUpNow() (*backup.Saved, error) {
	return withActor(b.ws, func(a model.Profile) (*backup.Saved, error) {
		ctx := context.Background()
		who := scoring.ExporterOf(a)
		if err := b.svc.MayBackUp(ctx, who); err != nil {
			return nil, err
		}
		name := "hirebench-backup-" + time.Now().Format("2006-01-02") + ".db"
		path, err := b.rt.savePath("Back up the workspace", name, "*.db", "hirebench backup")
		if err != nil || path == "" {
			return nil, err
		}
		saved, err := b.svc.Backup(ctx, path, filepath.Base(path), who)
		if err != nil {
			return nil, err
		}
		saved.Path = "" // the page shows the name; folders can hold people's names
		return &saved, nil
	})
}

// ChooseRestoreFile asks for a backup file and checks it (nothing is
// replaced): what restoring it would do; nil when the user cancelled.
func (b *Backups) ChooseRestoreFile() (*RestoreChoice, error) {
	return withActor(b.ws, func(a model.Profile) (*RestoreChoice, error) {
		ctx := context.Background()
		who := scoring.ExporterOf(a)
		if err := b.svc.MayRestore(ctx, who); err != nil {
			return nil, err
		}
		f, err := b.files.choose()
		if err != nil || f == nil {
			return nil, err
		}
		c, _ := b.files.lookup(f.Token)
		facts, err := b.svc.Check(ctx, c.path, c.name, who)
		if err != nil {
			b.files.forget(f.Token)
			return nil, err
		}
		return &RestoreChoice{Token: f.Token, Facts: facts}, nil
	})
}

// RestoreFile replaces the workspace with the chosen file (checked again).
func (b *Backups) RestoreFile(token string) (backup.Restored, error) {
	if _, err := b.ws.actor(); err != nil {
		return backup.Restored{}, userError(err)
	}
	c, ok := b.files.lookup(token)
	if !ok {
		return backup.Restored{}, userError(model.Invalid("file", "choose the file again"))
	}
	res, err := b.restore(c.path, c.name)
	if err == nil {
		b.files.forget(token)
	}
	return res, err
}

// CheckSnapshot says what restoring a listed snapshot would do.
func (b *Backups) CheckSnapshot(name string) (backup.Facts, error) {
	return withActor(b.ws, func(a model.Profile) (backup.Facts, error) {
		path, err := b.svc.SnapshotPath(name)
		if err != nil {
			return backup.Facts{}, err
		}
		return b.svc.Check(context.Background(), path, name, scoring.ExporterOf(a))
	})
}

// RestoreSnapshot replaces the workspace with a listed snapshot.
func (b *Backups) RestoreSnapshot(name string) (backup.Restored, error) {
	if _, err := b.ws.actor(); err != nil {
		return backup.Restored{}, userError(err)
	}
	path, err := b.svc.SnapshotPath(name)
	if err != nil {
		return backup.Restored{}, userError(err)
	}
	return b.restore(path, name)
}

// restore stages and checks the file, then replaces the workspace. Just
// before the replacement this window signs out, so nothing the page still
// sends lands in the restored workspace as someone of the old one; the page
// reloads on "workspace:restored" and asks who is working (the restored
// workspace's own profiles and passphrases). If the replacement fails the
// workspace is as it was, and so is the session.
func (b *Backups) restore(path, name string) (backup.Restored, error) {
	return withActor(b.ws, func(a model.Profile) (backup.Restored, error) {
		ctx := context.Background()
		who := scoring.ExporterOf(a)
		st, err := b.svc.Stage(ctx, path, name, who)
		if err != nil {
			return backup.Restored{}, err
		}
		defer st.Close()
		signedOut := false
		res, err := b.svc.Restore(ctx, st, who, func() { b.ws.SignOut(); signedOut = true })
		if err != nil {
			if signedOut {
				b.ws.setActor(a)
			}
			return backup.Restored{}, err
		}
		if err := b.afterRestore(ctx); err != nil {
			slog.Warn("the restored workspace could not be brought up to date", "err", err)
		}
		b.rt.emit("workspace:restored", res.Name)
		return res, nil
	})
}

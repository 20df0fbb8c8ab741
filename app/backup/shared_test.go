package backup_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hirebench/app/backup"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
	"hirebench/storage/pgtest"
)

// A shared workspace has no file on this computer: nothing is offered, no
// folder is listed (not the current one either) and a backup is refused.
func TestSharedWorkspaceHasNoLocalBackups(t *testing.T) {
	ctx := context.Background()
	s, err := storage.OpenPostgres(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := backup.New(s)
	defer svc.Close()
	owner := scoring.Exporter{Owner: true}
	r, err := svc.RightsOf(ctx, owner)
	if err != nil || r.MayBackUp || r.MayRestore || r.Note != "Backups and snapshots are of a local workspace; a shared workspace is backed up by its PostgreSQL server." {
		t.Errorf("RightsOf = %+v, %v", r, err)
	}
	if snaps, err := svc.Snapshots(); err != nil || len(snaps) != 0 {
		t.Errorf("Snapshots = %v, %v; want none", snaps, err)
	}
	if _, err := svc.Backup(ctx, t.TempDir()+"/copy.db", "copy.db", owner); !errors.Is(err, model.ErrConflict) ||
		!strings.Contains(err.Error(), "backed up by its PostgreSQL server") {
		t.Errorf("Backup: %v", err)
	}
}

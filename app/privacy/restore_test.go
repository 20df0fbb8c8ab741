// Erasure and restores: restoring a backup made before someone was erased
// erases them again and keeps the audit log, and a staged restore a crash
// left in the data folder goes with the erasure.

package privacy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"hirebench/app/backup"
	"hirebench/app/model"
)

func TestRestoringABackupMadeBeforeAnErasureErasesThemAgain(t *testing.T) {
	for _, c := range []struct {
		action      Action
		will, again string
	}{
		{Erase, "1 person erased since this backup was made will be erased again.", "1 person erased since this backup was made was erased again."},
		{Anonymise, "1 person anonymised since this backup was made will be anonymised again.", "1 person anonymised since this backup was made was anonymised again."},
	} {
		t.Run(string(c.action), func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, true)
			bk := backup.New(d.store)
			t.Cleanup(func() { bk.Close() })
			d.svc.WithBackups(bk)
			monday := filepath.Join(t.TempDir(), "monday.db") // outside the data folder
			if _, err := bk.Backup(ctx, monday, "monday.db", recruiter); err != nil {
				t.Fatal(err)
			}
			if _, err := d.svc.Erase(ctx, d.quorra, c.action, d.riley, recruiter); err != nil {
				t.Fatal(err)
			}
			log, err := d.svc.AuditLog(ctx, 0)
			if err != nil || len(log) != 1 {
				t.Fatalf("audit = %+v, %v", log, err)
			}

			st, err := bk.Stage(ctx, monday, "monday.db", recruiter)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if f := st.Facts(); f.Again != c.will {
				t.Errorf("before restoring, the confirmation says %q, want %q", f.Again, c.will)
			}
			res, err := bk.Restore(ctx, st, recruiter, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Again != c.again {
				t.Errorf("restored: %q, want %q", res.Again, c.again)
			}

			q, err := d.store.GetCandidate(ctx, d.quorra)
			switch {
			case c.action == Erase && !errors.Is(err, model.ErrNotFound):
				t.Errorf("after restoring, Quorra is back: %+v, %v", q, err)
			case c.action == Anonymise && (err != nil || q.Name == qName || q.Email != ""):
				t.Errorf("after restoring, Quorra is not anonymised: %+v, %v", q, err)
			}
			if after, err := d.svc.AuditLog(ctx, 0); err != nil || !reflect.DeepEqual(after, log) {
				t.Errorf("the audit log after restoring = %+v, %v\nwant %+v", after, err, log)
			}
			if got := scan(t, d.dir); len(got) > 0 {
				t.Errorf("after restoring, with the app open: %v", got)
			}
			if err := d.store.Close(); err != nil {
				t.Fatal(err)
			}
			if got := scan(t, d.dir); len(got) > 0 {
				t.Errorf("after restoring, closed: %v", got)
			}
		})
	}
}

func TestErasingDeletesWhatACrashedRestoreOrCopyLeft(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	bk := backup.New(d.store)
	t.Cleanup(func() { bk.Close() })
	d.svc.WithBackups(bk)
	monday := filepath.Join(t.TempDir(), "monday.db")
	if _, err := bk.Backup(ctx, monday, "monday.db", recruiter); err != nil {
		t.Fatal(err)
	}
	copyOf, err := os.ReadFile(monday)
	if err != nil {
		t.Fatal(err)
	}
	// Just written (no age protects them): a staged restore and its
	// journal, and the temporary file of a backup saved into the folder.
	left := map[string][]byte{
		".restore-4242.tmp":         copyOf,
		".restore-4242.tmp-journal": []byte(qResume),
		".monday.db.tmp-77":         []byte(qName + " " + qEmail),
	}
	for name, b := range left {
		if err := os.WriteFile(filepath.Join(d.dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got := scan(t, d.dir); len(got) == 0 {
		t.Fatal("the scan does not find her before the erasure")
	}
	res, err := d.svc.Erase(ctx, d.quorra, Erase, d.riley, recruiter)
	if err != nil || res.Warning != "" {
		t.Fatalf("erase = %+v, %v", res, err)
	}
	if got := scan(t, d.dir); len(got) > 0 {
		t.Errorf("after erasing: %v", got)
	}
	for name := range left {
		if _, err := os.Stat(filepath.Join(d.dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still in the data folder: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(d.dir, "workspace.db")); err != nil {
		t.Errorf("the workspace itself: %v", err)
	}
}

// Erasure on a workspace used before secure_delete was always on: the old
// versions of the person's cells (a resume autosaved while typed, a name
// corrected), freed search segments and a dropped table holding their words
// sit in free space, and the erasure must clear those too.

package privacy

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"hirebench/app/tracking"
	"hirebench/storage"
)

// ageWorkspace writes what an older build left behind, with its writer
// (secure_delete off): Quorra's name typed wrong then corrected, her email
// changed, her resume autosaved word by word, and a table of her
// words made then dropped (as migration 0007 drops the old search index).
func (d *desk) ageWorkspace(t *testing.T) {
	t.Helper()
	path := d.store.Path()
	if err := d.store.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`PRAGMA secure_delete = 0`)
	exec(`UPDATE candidates SET name = 'Quora Vantablak', email = 'q.vantablack@zyxmail.test' WHERE id = ?`, d.quorra)
	words := strings.Fields(qResume)
	for i := 1; i <= len(words); i++ {
		exec(`UPDATE candidates SET resume_text = ? WHERE id = ?`, strings.Join(words[:i], " "), d.quorra)
	}
	exec(`UPDATE candidates SET name = ?, email = ?, resume_text = ? WHERE id = ?`, qName, qEmail, qResume, d.quorra)
	exec(`CREATE TABLE old_index AS SELECT name, email, resume_text FROM candidates`)
	exec(`DROP TABLE old_index`)
	exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	if d.store, err = storage.Open(path); err != nil {
		t.Fatal(err)
	}
	d.svc.store, d.track = d.store, tracking.New(d.store)
}

func TestErasingClearsWhatOlderWritesLeftInFreeSpace(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	d.ageWorkspace(t)
	res, err := d.svc.Erase(ctx, d.quorra, Erase, d.riley, recruiter)
	if err != nil || res.Warning != "" {
		t.Fatalf("erase: %+v, %v", res, err)
	}
	if got := scan(t, d.dir); len(got) > 0 {
		t.Errorf("after erasing, with the app open: %v", got)
	}
	if err := d.store.Close(); err != nil {
		t.Fatal(err)
	}
	if got := scan(t, d.dir); len(got) > 0 {
		t.Errorf("after erasing, closed: %v", got)
	}
}

// Tests backups taken while people work: one taken with the writers paused holds
// exactly what the workspace held and restores into a fresh folder as the same
// data; one taken while they write is whole, a consistent prefix of every
// writer's work, and restores over the workspace they moved on as that moment.

package backup

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

func TestBackupWithWritersPausedHoldsExactlyTheWorkspaceAndRestoresAsIt(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 3)
	w := startWriters(t, f)
	w.waitWrites(t, 5)

	w.pause()
	live := storagetest.DumpFile(t, f.store.Path())
	out := filepath.Join(t.TempDir(), "monday.db")
	saved, err := f.svc.Backup(ctx, out, "monday.db", owner)
	w.resume()
	must(t, err)
	w.waitWrites(t, 10) // the workspace moves on after the backup
	w.finish()
	w.check(t)

	if saved.Bytes <= 0 || saved.Name != "monday.db" {
		t.Errorf("Backup = %+v", saved)
	}
	if got := storagetest.DumpFile(t, out); got != live {
		t.Fatalf("the backup differs from the workspace at the moment it was taken: %s", firstDifference(live, got))
	}
	if got := storagetest.DumpFile(t, f.store.Path()); got == live {
		t.Fatal("the writers wrote nothing after the backup; the test proves nothing")
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600: it holds candidate data", st.Mode().Perm())
	}

	// Restored into a fresh data folder, it is the same workspace.
	freshDir := t.TempDir()
	fresh, err := storage.Open(filepath.Join(freshDir, "workspace.db"))
	must(t, err)
	defer fresh.Close()
	svc := New(fresh)
	defer svc.Close()
	staged, err := svc.Stage(ctx, out, "monday.db", owner)
	must(t, err)
	defer staged.Close()
	if _, err := svc.Restore(ctx, staged, owner, nil); err != nil {
		t.Fatal(err)
	}
	if got := storagetest.DumpFile(t, fresh.Path()); got != live {
		t.Fatalf("the restored workspace differs from the backup: %s", firstDifference(live, got))
	}
	// The services find the restored rows at once, through the search index.
	page, err := tracking.New(fresh).List(ctx, model.CandidateFilter{Query: "writer", Limit: 500})
	must(t, err)
	var want int
	must(t, openFile(t, out).QueryRow(`SELECT count(*) FROM candidates WHERE name LIKE 'Writer %'`).Scan(&want))
	if page.Total != want || want == 0 {
		t.Errorf("searching the restored workspace for writers finds %d, the backup holds %d", page.Total, want)
	}
}

var writerRow = regexp.MustCompile(`"Writer (\d+) #(\d+)"`)
var noteRow = regexp.MustCompile(`note (\d+) #(\d+)`)

// A backup taken while writers run is one moment of the workspace, and
// restoring it brings back exactly that moment.
func TestBackupWhileWritingIsAConsistentPrefixAndRestoresAsIt(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 3)
	w := startWriters(t, f)
	w.waitWrites(t, 3)

	acked := make([]int64, len(f.cards)) // returned before the backup began: must be in it
	for k := range acked {
		acked[k] = w.acked[k].Load()
	}
	out := filepath.Join(t.TempDir(), "busy.db")
	saved, err := f.svc.Backup(ctx, out, "busy.db", owner)
	must(t, err)
	begun := make([]int64, len(f.cards)) // started before it ended: the most it can hold
	for k := range begun {
		begun[k] = w.begun[k].Load()
	}
	w.waitWrites(t, slices.Max(begun)+3) // the workspace moves on after the backup
	w.finish()
	w.check(t)

	db := openFile(t, out)
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check of a backup taken during writes = %q, %v", ok, err)
	}
	// Each writer's candidates in the backup are its first m writes, no gap.
	have := make([]map[int64]bool, len(f.cards))
	for k := range have {
		have[k] = map[int64]bool{}
	}
	rows, err := db.Query(`SELECT name FROM candidates WHERE name LIKE 'Writer %'`)
	must(t, err)
	for rows.Next() {
		var name string
		must(t, rows.Scan(&name))
		m := writerRow.FindStringSubmatch(`"` + name + `"`)
		k, _ := strconv.Atoi(m[1])
		i, _ := strconv.ParseInt(m[2], 10, 64)
		have[k][i] = true
	}
	rows.Close()
	for k := range have {
		m := int64(len(have[k]))
		for i := range m {
			if !have[k][i] {
				t.Errorf("writer %d: the backup holds %d of its candidates but not #%d: not a prefix", k, m, i)
			}
		}
		if m < acked[k] || m > begun[k] {
			t.Errorf("writer %d: the backup holds %d candidates; %d were saved before it began and %d begun before it ended", k, m, acked[k], begun[k])
		}
		// Its draft holds the note of the same moment: the last write in
		// the copy, or the candidate of the write under way when it was taken.
		var notes sql.NullString
		must(t, db.QueryRow(`SELECT notes FROM scorecards WHERE id = ?`, f.cards[k]).Scan(&notes))
		nm := noteRow.FindStringSubmatch(notes.String)
		if m == 0 {
			continue
		}
		if nm == nil {
			t.Errorf("writer %d: draft notes %q, want the note of write %d or %d", k, notes.String, m-2, m-1)
			continue
		}
		j, _ := strconv.ParseInt(nm[2], 10, 64)
		if j != m-1 && j != m-2 {
			t.Errorf("writer %d: the draft holds note #%d but the candidates end at #%d: the copy mixes two moments", k, j, m-1)
		}
	}

	// Restored over the workspace the writers moved on, it is that moment
	// again, and the workspace as it was is kept as a snapshot.
	before := storagetest.DumpFile(t, f.store.Path())
	if withoutLastSaved(storagetest.DumpFile(t, out)) == withoutLastSaved(before) {
		t.Fatal("the writers wrote nothing after the backup; the restore proves nothing")
	}
	restoreOver(t, f, out, before)
	if at, _ := f.svc.LastSaved(ctx); at != saved.Time {
		t.Errorf("after restoring, the last backup was saved at %q, want %q, when the restored one was", at, saved.Time)
	}
}

func TestBackupRefusesTheWorkspacesOwnFiles(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 0)
	before := storagetest.DumpFile(t, f.store.Path())
	for _, target := range []string{f.store.Path(), f.store.Path() + "-wal", filepath.Join(f.svc.Folder(), "x.db"), f.dir} {
		_, err := f.svc.Backup(ctx, target, filepath.Base(target), owner)
		if err == nil {
			t.Errorf("Backup onto %s succeeded", filepath.Base(target))
		} else if strings.Contains(err.Error(), f.dir) {
			t.Errorf("the refusal names the data folder: %v", err)
		}
	}
	if got := storagetest.DumpFile(t, f.store.Path()); got != before {
		t.Fatalf("a refused backup changed the workspace: %s", firstDifference(before, got))
	}
}

func TestMayBackUpAndRestore(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 0)
	out := filepath.Join(t.TempDir(), "b.db")
	for _, c := range []struct {
		who          string
		backup, rest bool
	}{{"recruiter", true, true}, {"interviewer", false, false}, {"command line", true, true}} {
		who := map[string]scoringWho{"recruiter": {f.rec.ID, true, false}, "interviewer": {f.sam.ID, false, false}, "command line": {0, false, true}}[c.who]
		_, err := f.svc.Backup(ctx, out, "b.db", who.exporter())
		if (err == nil) != c.backup {
			t.Errorf("%s backs up: %v, want allowed %v", c.who, err, c.backup)
		}
		r, err := f.svc.RightsOf(ctx, who.exporter())
		must(t, err)
		if r.MayBackUp != c.backup || r.MayRestore != c.rest || (r.Note == "") == !c.backup {
			t.Errorf("%s: rights %+v", c.who, r)
		}
	}
	if err := May(scoringWho{7, false, false}.exporter(), false, true); err != nil {
		t.Errorf("on a laptop without a recruiter an interviewer restores their own work: %v", err)
	}
	if err := May(scoringWho{7, false, false}.exporter(), true, true); err == nil || !strings.Contains(err.Error(), "recruiter") {
		t.Errorf("an interviewer restoring on the recruiter's laptop: %v", err)
	}
}

func TestRestoreRefusesBadFilesAndLeavesTheWorkspace(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 1)
	files := t.TempDir()
	good := filepath.Join(files, "good.db")
	_, err := f.svc.Backup(ctx, good, "good.db", owner)
	must(t, err)
	write := func(name string, b []byte) string {
		p := filepath.Join(files, name)
		must(t, os.WriteFile(p, b, 0o600))
		return p
	}
	goodBytes, _ := os.ReadFile(good)
	// Damage the page that holds the candidates (not whatever page is in the
	// middle of the file: that may be an empty table's, which no check reads).
	gdb, err := sql.Open("sqlite", "file:"+good+"?mode=ro")
	must(t, err)
	var root int
	must(t, gdb.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'candidates'`).Scan(&root))
	gdb.Close()
	flipped := append([]byte(nil), goodBytes...)
	for i := (root-1)*4096 + 8; i < root*4096; i++ {
		flipped[i] ^= 0xa5 // the page's cells, past its header
	}
	foreign := filepath.Join(files, "recipes.db")
	db, err := sql.Open("sqlite", "file:"+foreign)
	must(t, err)
	_, err = db.Exec(`CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')`)
	must(t, err)
	db.Close()
	newer := write("newer.db", goodBytes)
	ndb, err := sql.Open("sqlite", "file:"+newer)
	must(t, err)
	_, err = ndb.Exec(`INSERT INTO schema_version (version, name) VALUES (?, 'from_the_future.sql')`, storage.SchemaVersion()+1)
	must(t, err)
	ndb.Close()

	cases := []struct {
		file, says string
	}{
		{write("notes.txt", []byte("my notes, not a database\n")), "not a hirebench backup"},
		{write("resume.pdf", append([]byte("%PDF-1.7\n"), make([]byte, 5000)...)), "not a hirebench backup"},
		{foreign, "not a hirebench workspace"},
		{newer, "newer hirebench"},
		{write("flipped.db", flipped), "damaged"},
		{write("half.db", goodBytes[:len(goodBytes)/2]), "damaged"},
		{files, "folder"},
		{filepath.Join(files, "gone.db"), "no longer there"},
		{f.store.Path(), "own database"},
	}
	before := storagetest.DumpFile(t, f.store.Path())
	snapsBefore, _ := f.svc.Snapshots()
	for _, c := range cases {
		name := filepath.Base(c.file)
		t.Run(name, func(t *testing.T) {
			_, err := f.svc.Check(ctx, c.file, name, owner)
			if err == nil {
				t.Fatal("restore accepted it")
			}
			msg := err.Error()
			if !strings.Contains(msg, c.says) || !strings.Contains(msg, name) || strings.Contains(msg, "\n") || strings.Contains(msg, files) {
				t.Errorf("message %q: want one line naming %s and saying %q, without the folder", msg, name, c.says)
			}
		})
	}
	if got := storagetest.DumpFile(t, f.store.Path()); got != before {
		t.Fatalf("a refused restore changed the workspace: %s", firstDifference(before, got))
	}
	if snaps, _ := f.svc.Snapshots(); len(snaps) != len(snapsBefore) {
		t.Errorf("a refused restore took a snapshot: %v", snaps)
	}
	for _, n := range names(t, f.dir) {
		if strings.HasPrefix(n, stagePrefix) {
			t.Errorf("a refused restore left %s in the data folder", n)
		}
	}
}

// scoringWho is a profile asking, in short.
type scoringWho struct {
	id               int64
	recruiter, owner bool
}

func (w scoringWho) exporter() (e scoring.Exporter) {
	e.ProfileID, e.IsRecruiter, e.Owner = w.id, w.recruiter, w.owner
	return e
}

func TestRestoreStoppedAtAnyStepLeavesTheWorkspace(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 1)
	out := filepath.Join(t.TempDir(), "b.db")
	_, err := f.svc.Backup(ctx, out, "b.db", owner)
	must(t, err)
	_, err = f.tr.CreateCandidate(ctx, model.CandidateInput{Name: "After The Backup"}, nil, f.rec)
	must(t, err)
	before := storagetest.DumpFile(t, f.store.Path())

	for _, stop := range []string{"staged", "checked", "kept", "erased again"} {
		t.Run(stop, func(t *testing.T) {
			f.svc.step = func(name string) error {
				if name == stop {
					return fmt.Errorf("stopped at %s", name)
				}
				return nil
			}
			defer func() { f.svc.step = func(string) error { return nil } }()
			staged, err := f.svc.Stage(ctx, out, "b.db", owner)
			if err == nil {
				_, err = f.svc.Restore(ctx, staged, owner, nil)
				staged.Close()
			}
			if err == nil || !strings.Contains(err.Error(), "stopped at "+stop) {
				t.Fatalf("restore = %v, want it stopped at %s", err, stop)
			}
			if got := storagetest.DumpFile(t, f.store.Path()); got != before {
				t.Fatalf("stopped at %s, the workspace changed: %s", stop, firstDifference(before, got))
			}
			for _, n := range names(t, f.dir) {
				if strings.HasPrefix(n, stagePrefix) {
					t.Errorf("stopped at %s, %s was left in the data folder", stop, n)
				}
			}
		})
	}

	// Not stopped, it goes through and keeps the workspace as it was.
	res := restoreOver(t, f, out, before)
	if at, _ := f.svc.LastSaved(ctx); at != "2026-12-01T17:18:00.000Z" {
		t.Errorf("after restoring, the last backup was saved at %q; the one saved before restoring was forgotten", at)
	}
	if res.CurrentCandidates != res.Candidates+1 {
		t.Errorf("facts: %d candidates replaced by %d; the backup has one fewer", res.CurrentCandidates, res.Candidates)
	}
}

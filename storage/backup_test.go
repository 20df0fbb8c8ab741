// Tests the pieces of backup and restore in storage: which files InspectFile
// refuses (and that it leaves them as they were), putting back an older
// workspace, and a replacement stopped halfway leaving the workspace as it was.

package storage

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/storage/storagetest"
)

// siblings lists the names in path's folder.
func siblings(t *testing.T, path string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// copyOf writes a copy of the store's workspace to dir/name and returns its path.
func copyOf(t *testing.T, s *Store, dir, name string) string {
	t.Helper()
	c, err := s.NewCopier(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	path := filepath.Join(dir, name)
	if err := c.VacuumInto(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestInspectFileRefusesWhatIsNotAWorkspaceAndLeavesItAlone(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper", Email: "grace@navy.example"}})
	dir := t.TempDir()

	cases := map[string]struct {
		make func() string
		want func(error) bool
	}{
		"text file": {func() string {
			p := filepath.Join(dir, "notes.db")
			os.WriteFile(p, []byte("These are my notes, not a database.\n"), 0o600)
			return p
		}, func(err error) bool { return errors.Is(err, ErrNotSQLite) }},
		"empty file": {func() string {
			p := filepath.Join(dir, "empty.db")
			os.WriteFile(p, nil, 0o600)
			return p
		}, func(err error) bool { return errors.Is(err, ErrNotSQLite) }},
		"another program's database": {func() string {
			p := filepath.Join(dir, "foreign.db")
			db, err := sql.Open("sqlite", "file:"+p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes (name) VALUES ('bread')`); err != nil {
				t.Fatal(err)
			}
			return p
		}, func(err error) bool { return errors.Is(err, ErrNotWorkspace) }},
		"newer schema": {func() string {
			p := copyOf(t, s, dir, "newer.db")
			db, _ := sql.Open("sqlite", "file:"+p)
			defer db.Close()
			if _, err := db.Exec(`INSERT INTO schema_version (version, name) VALUES (?, 'from_the_future.sql')`, SchemaVersion()+1); err != nil {
				t.Fatal(err)
			}
			return p
		}, func(err error) bool {
			var ns *ErrNewerSchema
			return errors.As(err, &ns) && ns.Found == SchemaVersion()+1
		}},
		"a page overwritten": {func() string {
			p := copyOf(t, s, dir, "damaged.db")
			b, _ := os.ReadFile(p)
			// A whole page in the middle: its b-tree header and cells.
			page := 4096
			mid := (len(b) / page / 2) * page
			for i := mid; i < mid+page; i++ {
				b[i] ^= 0x5a
			}
			os.WriteFile(p, b, 0o600)
			return p
		}, func(err error) bool { return errors.Is(err, ErrDamaged) }},
		"truncated": {func() string {
			p := copyOf(t, s, dir, "truncated.db")
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)/2], 0o600)
			return p
		}, func(err error) bool { return errors.Is(err, ErrDamaged) }},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := c.make()
			before, _ := os.ReadFile(path)
			sibsBefore := siblings(t, path)
			_, err := InspectFile(ctx, path)
			if !c.want(err) {
				t.Fatalf("InspectFile = %v", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("InspectFile changed the file")
			}
			if got := siblings(t, path); !slices.Equal(got, sibsBefore) {
				t.Errorf("InspectFile left files beside it: %v, was %v", got, sibsBefore)
			}
		})
	}

	t.Run("a copy of this workspace", func(t *testing.T) {
		facts, err := InspectFile(ctx, copyOf(t, s, dir, "good.db"))
		if err != nil || facts.Schema != SchemaVersion() {
			t.Fatalf("InspectFile = %+v, %v; want schema %d", facts, err, SchemaVersion())
		}
	})
}

func TestReplaceFromAnOlderWorkspaceUpgradesIt(t *testing.T) {
	ctx := context.Background()
	old := filepath.Join(t.TempDir(), "old.db")
	db := openRaw(t, old)
	if err := migrateTo(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	seedCoreRows(t, db)
	// A backup is a plain (rollback-journal) file, as VACUUM INTO writes it.
	if _, err := db.Exec(`PRAGMA journal_mode = DELETE`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	facts, err := InspectFile(ctx, old)
	if err != nil || facts.Schema != 1 {
		t.Fatalf("InspectFile = %+v, %v; want schema 1", facts, err)
	}
	if err := UpgradeFile(ctx, old); err != nil {
		t.Fatal(err)
	}
	s, _ := mustOpen(t)
	mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Someone Else"}})
	if err := s.ReplaceFrom(ctx, old); err != nil {
		t.Fatal(err)
	}
	if got := schemaVersions(t, s.w); !slices.Equal(got, oneTo(SchemaVersion())) {
		t.Errorf("schema after restore = %v", got)
	}
	// The read pool sees the restored rows, through the search index too.
	if hits := search(t, s, "compiler", false); !slices.Equal(hits, []int64{1}) {
		t.Errorf("search after restore = %v, want Grace Hopper's id 1", hits)
	}
	var mode string
	s.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode after restore = %q, want wal", mode)
	}
	// And the workspace takes writes as before.
	mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "After Restore"}})
}

func TestReplaceFromStoppedHalfwayLeavesTheWorkspace(t *testing.T) {
	ctx := context.Background()
	src, _ := mustOpen(t)
	for i := range 300 {
		mustCandidate(t, src, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Backup Person %d", i), ResumeText: strings.Repeat("long resume text ", 40)}})
	}
	backup := copyOf(t, src, t.TempDir(), "backup.db")

	s, _ := mustOpen(t)
	mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Live Person", Email: "live@example.com"}})
	before := storagetest.Dump(t, s.r)

	restoreStep = 2
	steps := 0
	betweenSteps = func(copied, total int) error {
		steps++
		if copied >= total/2 {
			return errors.New("power cut")
		}
		return nil
	}
	t.Cleanup(func() { restoreStep, betweenSteps = -1, func(int, int) error { return nil } })

	if err := s.ReplaceFrom(ctx, backup); err == nil {
		t.Fatal("ReplaceFrom succeeded although it was stopped")
	}
	if steps < 2 {
		t.Fatalf("stopped after %d steps; the test must stop it midway", steps)
	}
	if got := storagetest.Dump(t, s.r); got != before {
		t.Error("a restore stopped midway changed the workspace")
	}
	if got := storagetest.Dump(t, s.w); got != before {
		t.Error("a restore stopped midway changed what the writer sees")
	}
	mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Still Writable"}})
}

// restoreChild, when set, makes this test binary a helper that restores
// "workspace|backup" one page per step, saying "step" after each, so the
// test can kill it midway.
const restoreChild = "HIREBENCH_TEST_RESTORE_CHILD"

func TestRestoreChild(t *testing.T) {
	arg := os.Getenv(restoreChild)
	if arg == "" {
		t.Skip("helper process for TestReplaceFromKilledMidwayLeavesOldOrNew")
	}
	live, backup, _ := strings.Cut(arg, "|")
	s, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	restoreStep = 1
	betweenSteps = func(copied, total int) error {
		fmt.Printf("step %d/%d\n", copied, total)
		time.Sleep(2 * time.Millisecond)
		return nil
	}
	if err := s.ReplaceFrom(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	fmt.Println("done")
	s.Close()
}

func TestReplaceFromKilledMidwayLeavesOldOrNew(t *testing.T) {
	if testing.Short() {
		t.Skip("starts helper processes")
	}
	ctx := context.Background()
	src, _ := mustOpen(t)
	for i := range 200 {
		mustCandidate(t, src, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Backup Person %d", i), ResumeText: strings.Repeat("resume ", 100)}})
	}
	backup := copyOf(t, src, t.TempDir(), "backup.db")
	backupDump := storagetest.Dump(t, openRaw(t, backup))

	// killAt: the step after which the helper is killed; 0 lets it finish.
	for _, killAt := range []int{1, 7, 60, 0} {
		t.Run(fmt.Sprintf("kill_after_step_%d", killAt), func(t *testing.T) {
			live := filepath.Join(t.TempDir(), "workspace.db")
			s, err := Open(live)
			if err != nil {
				t.Fatal(err)
			}
			mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Live Person", Email: "live@example.com"}})
			before := storagetest.Dump(t, s.r)
			s.Close()

			cmd := exec.Command(os.Args[0], "-test.run=^TestRestoreChild$", "-test.v")
			cmd.Env = append(os.Environ(), restoreChild+"="+live+"|"+backup)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			steps, done := 0, false
			for sc.Scan() {
				line := sc.Text()
				if strings.HasPrefix(line, "step ") {
					steps++
					if steps == killAt {
						_ = cmd.Process.Signal(syscall.SIGKILL)
					}
				}
				done = done || line == "done"
			}
			_ = cmd.Wait()
			if killAt > 0 && (done || steps < killAt) {
				t.Fatalf("the helper was to be killed after step %d but ran %d steps (done %v)", killAt, steps, done)
			}
			if killAt == 0 && !done {
				t.Fatalf("the helper did not finish (%d steps)", steps)
			}

			s, err = Open(live)
			if err != nil {
				t.Fatalf("the workspace does not open after the helper died: %v", err)
			}
			defer s.Close()
			var ok string
			if err := s.w.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				t.Fatalf("integrity_check = %q, %v", ok, err)
			}
			got := storagetest.Dump(t, s.r)
			switch {
			case killAt > 0 && got != before:
				t.Fatalf("killed after step %d of the restore, the workspace is neither as it was nor the backup", killAt)
			case killAt == 0 && got != backupDump:
				t.Fatal("a finished restore does not hold the backup")
			}
		})
	}
}

// Tests migrations: a full schema from empty, upgrades from every earlier version, a
// failed upgrade left intact, and refusing newer schemas or non-SQLite files.

package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
)

// schemaVersions lists the versions recorded in a database file.
func schemaVersions(t *testing.T, db *sql.DB) []int {
	t.Helper()
	rows, err := db.Query(`SELECT version FROM schema_version ORDER BY version`)
	if err != nil {
		t.Fatalf("read schema_version: %v", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func oneTo(n int) []int {
	out := []int{}
	for i := 1; i <= n; i++ {
		out = append(out, i)
	}
	return out
}

// openRaw opens a database file without migrating it.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

func TestOpenEmptyCreatesFullSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dir", "workspace.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if got := schemaVersions(t, s.w); !slices.Equal(got, oneTo(SchemaVersion())) {
		t.Fatalf("schema_version = %v, want %v", got, oneTo(SchemaVersion()))
	}
	if SchemaVersion() < 2 {
		t.Fatalf("SchemaVersion() = %d; the core and search migrations should both be embedded", SchemaVersion())
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("workspace file mode = %v; candidate data must be readable by the owner only", perm)
	}
	// The default rejection reasons are seeded so a first rejection is possible.
	reasons, err := s.RejectionReasons(context.Background())
	if err != nil || len(reasons) == 0 {
		t.Fatalf("RejectionReasons = %v, %v; want a non-empty default list", reasons, err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Opening an up-to-date workspace again applies nothing twice.
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got := schemaVersions(t, s.w); !slices.Equal(got, oneTo(SchemaVersion())) {
		t.Fatalf("after reopen schema_version = %v, want %v", got, oneTo(SchemaVersion()))
	}
}

// seedCoreRows writes, in plain SQL valid since schema 1, a candidate with a
// tag, an application with history, a note and an attachment with text, and
// a second candidate with nothing special about them.
func seedCoreRows(t *testing.T, db *sql.DB) {
	t.Helper()
	const at = "2024-01-02T03:04:05.000Z"
	stmts := []string{
		`INSERT INTO profiles (id, name, is_recruiter, created_at) VALUES (1, 'Riley Chen', 1, '` + at + `')`,
		`INSERT INTO roles (id, title, status, created_at, updated_at) VALUES (1, 'Compiler Engineer', 'open', '` + at + `', '` + at + `')`,
		`INSERT INTO stages (id, role_id, name, position, kind) VALUES (1, 1, 'Applied', 1, 'active'), (2, 1, 'Rejected', 2, 'rejected')`,
		`INSERT INTO candidates (id, name, email, resume_text, created_at, updated_at)
			VALUES (1, 'Grace Hopper', 'grace@navy.example', 'Wrote the first compiler.', '` + at + `', '` + at + `')`,
		`INSERT INTO candidates (id, name, email, resume_text, created_at, updated_at)
			VALUES (2, 'Alan Turing', 'alan@bletchley.example', 'Computable numbers.', '` + at + `', '` + at + `')`,
		`INSERT INTO candidate_tags (candidate_id, tag, position) VALUES (1, 'cobol', 0)`,
		`INSERT INTO applications (id, candidate_id, role_id, stage_id, created_at, entered_stage_at) VALUES (1, 1, 1, 1, '` + at + `', '` + at + `')`,
		`INSERT INTO stage_events (application_id, from_stage, to_stage, actor_id, actor_name, at) VALUES (1, '', 'Applied', 1, 'Riley Chen', '` + at + `')`,
		`INSERT INTO notes (candidate_id, author_id, author_name, body, created_at)
			VALUES (1, 1, 'Riley Chen', 'Explained nanoseconds with a length of wire.', '` + at + `')`,
		`INSERT INTO attachments (candidate_id, file_name, mime_type, size, data, extracted_text, created_at)
			VALUES (1, 'cv.txt', 'text/plain', 5, x'6869686921', 'Rear admiral, United States Navy.', '` + at + `')`,
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("seed at old schema: %v\n%s", err, q)
		}
	}
}

func TestMigrateUpFromEachEarlierVersion(t *testing.T) {
	ctx := context.Background()
	n := SchemaVersion()
	for k := 0; k < n; k++ {
		t.Run(fmt.Sprintf("from_v%d", k), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "workspace.db")
			db := openRaw(t, path)
			if err := migrateTo(ctx, db, k); err != nil {
				t.Fatalf("migrateTo(%d): %v", k, err)
			}
			if got := schemaVersions(t, db); !slices.Equal(got, oneTo(k)) {
				t.Fatalf("after migrateTo(%d) schema_version = %v", k, got)
			}
			seeded := k >= 1
			if seeded {
				seedCoreRows(t, db)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}

			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open (upgrade from v%d): %v", k, err)
			}
			defer s.Close()
			if got := schemaVersions(t, s.w); !slices.Equal(got, oneTo(n)) {
				t.Fatalf("after upgrade schema_version = %v, want %v", got, oneTo(n))
			}
			if !seeded {
				if got := search(t, s, "anything", true); len(got) != 0 {
					t.Fatalf("empty upgraded workspace finds %v", got)
				}
				return
			}

			// Everything written before the upgrade is still there.
			d, err := s.CandidateDetail(ctx, 1)
			if err != nil {
				t.Fatalf("CandidateDetail after upgrade: %v", err)
			}
			if d.Candidate.Name != "Grace Hopper" || len(d.Notes) != 1 || len(d.Attachments) != 1 ||
				len(d.Applications) != 1 || len(d.History) != 1 || !slices.Equal(d.Candidate.Tags, []string{"cobol"}) {
				t.Fatalf("pre-upgrade data changed: %+v", d)
			}
			// Stage counts kept by triggers since schema 10 start from the rows already there.
			if r, err := s.GetRole(ctx, 1); err != nil || r.Stages[0].Count != 1 || r.Stages[1].Count != 0 {
				t.Fatalf("stage counts after upgrade: %+v, %v; want Applied 1, Rejected 0", r.Stages, err)
			}
			if !d.Attachments[0].HasText {
				t.Errorf("attachment lost its extracted text")
			}

			// The search index was backfilled from every source column.
			for _, q := range []string{"hopper", "navy.example", "nanoseconds", "admiral", "compiler", "grac"} {
				if got := search(t, s, q, false); !slices.Equal(got, ids(1)) {
					t.Errorf("search %q after upgrade from v%d = %v, want [1]", q, k, got)
				}
			}
			if got := search(t, s, "computable", false); !slices.Equal(got, ids(2)) {
				t.Errorf("search computable = %v, want [2]", got)
			}
			var indexed int
			if err := s.w.QueryRow(`SELECT count(*) FROM candidate_search`).Scan(&indexed); err != nil {
				t.Fatal(err)
			}
			if indexed != 2 {
				t.Errorf("candidate_search holds %d rows, want one per candidate (2)", indexed)
			}

			// And the index keeps up with writes made after the upgrade.
			if _, err := s.AddNote(ctx, 2, "Enigma codebreaker", tester); err != nil {
				t.Fatal(err)
			}
			if got := search(t, s, "enigma", false); !slices.Equal(got, ids(2)) {
				t.Errorf("search for a note added after upgrade = %v, want [2]", got)
			}
			if got := search(t, s, "nanoseconds", false); !slices.Equal(got, ids(1)) {
				t.Errorf("old note no longer found after another note: %v", got)
			}
		})
	}
}

func TestFailedMigrationLeavesPreviousSchema(t *testing.T) {
	if SchemaVersion() < 2 {
		t.Skip("needs at least two migrations")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	db := openRaw(t, path)
	if err := migrateTo(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	seedCoreRows(t, db)
	// A table in the way makes migration 2 fail part-way through.
	if _, err := db.Exec(`CREATE TABLE candidate_search (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	if s, err := Open(path); err == nil {
		s.Close()
		t.Fatal("Open succeeded although migration 2 cannot apply")
	}
	db = openRaw(t, path)
	defer db.Close()
	if got := schemaVersions(t, db); !slices.Equal(got, []int{1}) {
		t.Fatalf("schema_version after failed upgrade = %v, want [1]", got)
	}
	var triggers int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'candidate_search%'`).Scan(&triggers); err != nil {
		t.Fatal(err)
	}
	if triggers != 0 {
		t.Errorf("%d search triggers left behind by a failed migration", triggers)
	}
	var name string
	if err := db.QueryRow(`SELECT name FROM candidates WHERE id = 1`).Scan(&name); err != nil || name != "Grace Hopper" {
		t.Errorf("data after failed upgrade: %q, %v", name, err)
	}
}

func TestOpenRefusesNewerSchemaUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	newer := SchemaVersion() + 1
	if _, err := s.w.Exec(`INSERT INTO schema_version (version, name) VALUES (?, 'from_the_future.sql')`, newer); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fiBefore, _ := os.Stat(path)

	s, err = Open(path)
	if err == nil {
		s.Close()
		t.Fatal("Open accepted a workspace written by a newer build")
	}
	var ns *ErrNewerSchema
	if !errors.As(err, &ns) {
		t.Fatalf("error = %v (%T), want *ErrNewerSchema", err, err)
	}
	if ns.Found != newer || ns.Known != SchemaVersion() {
		t.Errorf("ErrNewerSchema = %+v, want Found %d Known %d", ns, newer, SchemaVersion())
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Errorf("message %q does not tell the user a newer version wrote the file", err)
	}

	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fiAfter, _ := os.Stat(path)
	if !bytes.Equal(before, after) {
		t.Error("refusing a newer workspace changed the file's bytes")
	}
	if !fiAfter.ModTime().Equal(fiBefore.ModTime()) {
		t.Errorf("refusing a newer workspace changed its mtime: %v -> %v", fiBefore.ModTime(), fiAfter.ModTime())
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, want := schemaVersions(t, db), append(oneTo(SchemaVersion()), newer); !slices.Equal(got, want) {
		t.Errorf("schema_version = %v, want %v", got, want)
	}
}

func TestOpenRefusesNonSQLiteFile(t *testing.T) {
	for name, content := range map[string][]byte{
		"short text": []byte("hello\n"),
		"long text":  bytes.Repeat([]byte("These are my notes, not a database. "), 200),
		"binary":     append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xff, 0x00, 0x7f}, 2000)...),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "workspace.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a file that is not a SQLite database")
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, content) {
				t.Fatal("Open overwrote a file that is not a SQLite database")
			}
		})
	}
}

func TestWorkspaceSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateRole(ctx, model.RoleInput{Title: "Data Engineer", Status: model.RoleOpen}, DefaultPipeline)
	if err != nil {
		t.Fatal(err)
	}
	c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Edgar Codd", Email: "ted@relational.example"}}, r.ID)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.FindByEmail(ctx, "ted@relational.example")
	if err != nil || got.ID != c.ID {
		t.Fatalf("after reopen FindByEmail = %+v, %v", got, err)
	}
	if found := search(t, s, "codd", false); len(found) != 1 {
		t.Fatalf("after reopen search finds %v", found)
	}
}

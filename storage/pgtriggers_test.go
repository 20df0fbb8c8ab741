// The PostgreSQL twins of SQLite's triggers and json_valid do what SQLite's
// do (the parity test compares their names and events, not their bodies).

package storage

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"testing"

	"hirebench/storage/pgtest"
)

func TestPostgresTriggersKeepSQLiteRules(t *testing.T) {
	pg := pgtest.Open(t)
	if err := pgMigrateTo(context.Background(), pg, -1); err != nil {
		t.Fatal(err)
	}
	const at = "2026-01-02T03:04:05.000Z"
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := pg.Exec(q, args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	refused := func(want, q string, args ...any) {
		t.Helper()
		_, err := pg.Exec(q, args...)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s\nerr = %v, want it refused with %q", q, err, want)
		}
	}
	one := func(q string, args ...any) (v string) {
		t.Helper()
		if err := pg.QueryRow(q, args...).Scan(&v); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return v
	}
	exec(`INSERT INTO profiles (id, name, created_at) VALUES (1, 'Priya', $1)`, at)
	exec(`INSERT INTO roles (id, title, created_at, updated_at) VALUES (1, 'Engineer', $1, $1), (2, 'Designer', $1, $1)`, at)
	exec(`INSERT INTO stages (id, role_id, name, position) VALUES (1, 1, 'Applied', 1), (2, 1, 'Onsite', 2), (3, 2, 'Applied', 1)`)
	exec(`INSERT INTO candidates (id, name, created_at, updated_at) VALUES (1, 'Ada', $1, $1)`, at)
	exec(`INSERT INTO applications (id, candidate_id, role_id, stage_id, created_at, entered_stage_at) VALUES (1, 1, 1, 1, $1, $1)`, at)

	// Every record gets its own uid.
	if uid := one(`SELECT uid FROM candidate_uids WHERE candidate_id = 1`); !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(uid) {
		t.Errorf("candidate uid %q, want 32 hex digits", uid)
	}
	if n := one(`SELECT count(*) FROM role_uids`); n != "2" {
		t.Errorf("%s role uids, want 2", n)
	}

	refused("stage does not belong to the role", `UPDATE applications SET stage_id = 3 WHERE id = 1`)
	liveCounts := func(want string) {
		t.Helper()
		if got := one(`SELECT string_agg(live_count::text, ',' ORDER BY id) FROM stages`); got != want {
			t.Errorf("live counts %s, want %s", got, want)
		}
	}
	liveCounts("1,0,0")
	exec(`UPDATE applications SET stage_id = 2 WHERE id = 1`)
	liveCounts("0,1,0")
	exec(`UPDATE candidates SET archived_at = $1 WHERE id = 1`, at)
	liveCounts("0,0,0")
	exec(`UPDATE candidates SET archived_at = '' WHERE id = 1`)
	liveCounts("0,1,0")

	exec(`INSERT INTO notes (candidate_id, author_name, body, created_at) VALUES (1, 'Priya', 'Strong', $1)`, at)
	refused("notes cannot be edited", `UPDATE notes SET body = 'Weak'`)

	exec(`INSERT INTO rubrics (id, name, created_at, updated_at) VALUES (1, 'Backend', $1, $1)`, at)
	refused("rubric_versions_content_check", `INSERT INTO rubric_versions (rubric_id, version, content, sha256, created_at) VALUES (1, 1, '{not json', $1, $2)`, strings.Repeat("a", 64), at)
	exec(`INSERT INTO rubric_versions (id, rubric_id, version, content, sha256, created_at) VALUES (1, 1, 1, '{"competencies": []}', $1, $2)`, strings.Repeat("a", 64), at)
	exec(`INSERT INTO interview_rounds (id, role_id, name, position, rubric_id, created_at, updated_at) VALUES (1, 1, 'Onsite', 1, 1, $1, $1)`, at)
	exec(`INSERT INTO scorecards (id, uid, application_id, round_id, author_id, author_name, rubric_version_id, status, started_at, updated_at)
		VALUES (1, $1, 1, 1, 1, 'Priya', 1, 'submitted', $2, $2)`, strings.Repeat("b", 32), at)
	refused("submitted scorecard is immutable", `UPDATE scorecards SET notes = 'changed' WHERE id = 1`)
	refused("submitted scorecard is immutable", `DELETE FROM scorecards WHERE id = 1`)

	// An erasure in progress may go through the submitted cards.
	erase := func(tx *sql.Tx) error {
		for _, q := range []string{
			`INSERT INTO privacy_erasing (candidate_id) VALUES (1)`,
			`DELETE FROM scorecards WHERE application_id = 1`,
			`DELETE FROM candidates WHERE id = 1`,
			`DELETE FROM privacy_erasing`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
		return nil
	}
	tx, err := pg.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := erase(tx); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	liveCounts("0,0,0")
	if n := one(`SELECT count(*) FROM candidate_uids`); n != "0" {
		t.Errorf("%s candidate uids left after the erasure", n)
	}
}

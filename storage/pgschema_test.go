// The PostgreSQL schema stays the SQLite schema's twin: after every
// migration step both hold the same tables, columns (type class, NOT NULL,
// default), primary keys, indexes (unique or not, partial or not), foreign
// keys, CHECKs (by the columns each names) and triggers (name, timing,
// event). Run against a throwaway server (storage/pgtest).

package storage

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/storage/pgtest"
)

func TestPostgresSchemaMatchesSQLiteAfterEveryMigration(t *testing.T) {
	ctx := context.Background()
	pg := pgtest.Open(t)
	lite, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "workspace.db"), false))
	if err != nil {
		t.Fatal(err)
	}
	lite.SetMaxOpenConns(1)
	t.Cleanup(func() { lite.Close() })

	t0 := time.Now()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var ld, pd schemaDesc
	for _, m := range ms {
		if err := migrateTo(ctx, lite, m.version); err != nil {
			t.Fatal(err)
		}
		if err := pgMigrateTo(ctx, pg, m.version); err != nil {
			t.Fatal(err)
		}
		ld, pd = describeSQLite(t, lite), withoutPostgresOnly(describePostgres(t, pg))
		if diff := diffSchemas(ld, pd); len(diff) > 0 {
			t.Fatalf("after migration %s the PostgreSQL schema differs from SQLite's:\n%s", m.name, strings.Join(diff, "\n"))
		}
	}
	t.Logf("%d migrations compared in %v (server started in %v)", len(ms), time.Since(t0).Round(time.Millisecond), pgtest.StartedIn.Round(time.Millisecond))

	// Both descriptions hold what the migrations say, so an introspection
	// that read nothing on both sides cannot pass.
	for _, d := range []schemaDesc{ld, pd} {
		sc := d["scorecards"]
		if sc == nil {
			t.Fatalf("no scorecards table in %v", slices.Sorted(func(yield func(string) bool) {
				for k := range d {
					yield(k)
				}
			}))
		}
		want := map[string]string{
			"id":          "integer NOT NULL",
			"status":      "text NOT NULL DEFAULT 'draft'",
			"elapsed_ms":  "integer NOT NULL DEFAULT 0",
			"seen_others": "integer NOT NULL DEFAULT 0",
		}
		for col, sig := range want {
			if sc.columns[col] != sig {
				t.Errorf("scorecards.%s = %q, want %q", col, sc.columns[col], sig)
			}
		}
		if d["attachments"].columns["data"] != "blob NOT NULL" || d["plan_weights"].columns["weight"] != "real NOT NULL" {
			t.Errorf("attachments.data = %q, plan_weights.weight = %q", d["attachments"].columns["data"], d["plan_weights"].columns["weight"])
		}
		for _, c := range []struct {
			got  []string
			want string
		}{
			{d["applications"].fks, "(stage_id) -> stages(id) ON DELETE NO ACTION ON UPDATE NO ACTION"},
			{d["applications"].fks, "(candidate_id) -> candidates(id) ON DELETE CASCADE ON UPDATE NO ACTION"},
			{d["applications"].indexes, "UNIQUE (candidate_id,role_id)"},
			{d["candidates"].indexes, "candidates_email UNIQUE (email) WHERE email<>''"},
			{d["stages"].indexes, "stages_role_name UNIQUE (role_id,lower(name))"},
			{d["rubric_drafts"].indexes, "rubric_drafts_one UNIQUE (author_id,expression)"},
			{d["ai_checks"].checks, "CHECK on (items,uncertain)"},
			{d["scorecards"].triggers, "scorecards_submitted_kept BEFORE DELETE"},
			{d["privacy_audit"].triggers, "privacy_audit_append_only BEFORE UPDATE OF id,action,why,candidate_id,counts,actor_id,actor_name,at,candidate_uid"},
		} {
			if !slices.Contains(c.got, c.want) {
				t.Errorf("missing %q in %q", c.want, c.got)
			}
		}
		if n := len(d["candidates"].checks); n != 10 { // 9 lengths and the version (0022)
			t.Errorf("candidates has %d CHECKs, want 10", n)
		}
	}
	if ld["candidate_search"] != nil || ld["candidate_search_data"] != nil {
		t.Error("the FTS5 tables are compared, but PostgreSQL has no twin of them")
	}
}

// withoutPostgresOnly leaves out of PostgreSQL's schema what only a shared
// workspace has, as describeSQLite leaves FTS5's out: each engine searches
// its own way, so the table candidate_search (a tsvector and its GIN index)
// and the triggers that keep it in step (candidate_search_*) have no twin,
// and neither do the live updates' triggers (*_notify), which tell other
// people's apps of a change. (Row-level security is not part of the
// description: a local workspace has one person.)
func withoutPostgresOnly(d schemaDesc) schemaDesc {
	delete(d, "candidate_search")
	for _, uids := range ownUIDs { // their order is a column on PostgreSQL, the rowid on SQLite
		if td := d[uids]; td != nil {
			delete(td.columns, "added")
		}
	}
	for _, td := range d {
		td.triggers = slices.DeleteFunc(td.triggers, func(sig string) bool {
			name, _, _ := strings.Cut(sig, " ")
			// The live updates' triggers, and the server's own check that a
			// person's submit is complete (the app's check on a laptop).
			return strings.HasPrefix(name, "candidate_search_") || strings.HasSuffix(name, "_notify") || strings.HasSuffix(name, "_complete")
		})
	}
	return d
}

func TestPostgresMigrationsRecordTheirVersions(t *testing.T) {
	ctx := context.Background()
	pg := pgtest.Open(t)
	// Two apps starting on one empty server at once: the lock makes one
	// wait, and each migration is applied once.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() { errs[i] = pgMigrateTo(ctx, pg, -1) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	var got []string
	forRows(t, pg, `SELECT version || ' ' || name FROM schema_version ORDER BY version`, nil, func(scan func(...any)) {
		var s string
		scan(&s)
		got = append(got, s)
	})
	if len(got) != 26 || got[0] != "1 0001_core.sql" || got[25] != "26 0026_card_complete.sql" {
		t.Fatalf("schema_version holds %q", got)
	}
	// Again: nothing to do.
	if err := pgMigrateTo(ctx, pg, -1); err != nil {
		t.Fatal(err)
	}
	if _, err := pg.Exec(`INSERT INTO schema_version (version, name) VALUES (999, '0999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	var newer *ErrNewerSchema
	if err := pgMigrateTo(ctx, pg, -1); !errors.As(err, &newer) || newer.Found != 999 {
		t.Fatalf("a workspace from a newer build: err = %v, want ErrNewerSchema{Found: 999}", err)
	}
}

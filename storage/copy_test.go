// Tests of CopyWorkspace (push and pull, team mode): a demo workspace goes
// from SQLite to PostgreSQL and back into a new file, and every table comes
// back as it left.

package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hirebench/app/demo"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/storage"
	"hirebench/storage/pgtest"
	"hirebench/storage/teamtest"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// demoLaptop is a local workspace holding the demo, plus what the demo
// leaves out and the copy must keep: an attachment (its text is searched),
// a uid adopted from a bundle after the candidate's own, an archived
// candidate (live counts) and a setting. Returns the store and a raw
// connection to its file.
func demoLaptop(t *testing.T) (*storage.Store, *sql.DB) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := interviews.New(s).EnsureBuiltin(ctx); err != nil {
		t.Fatal(err)
	}
	if seeded, err := demo.Seed(ctx, s); err != nil || !seeded {
		t.Fatalf("demo.Seed = %v, %v", seeded, err)
	}
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	for _, q := range []string{
		`INSERT INTO attachments (candidate_id, file_name, mime_type, size, data, extracted_text, created_at)
		 VALUES (3, 'cv.txt', 'text/plain', 3, x'00ff10', 'Zanzibarian lighthouse keeper', '2025-03-01T09:00:00Z')`,
		`INSERT INTO candidate_uids (uid, candidate_id) VALUES ('00000000000000000000000000000abc', 1)`,
		`UPDATE candidates SET archived_at = '2025-03-02T09:00:00Z' WHERE id = 2`,
		`INSERT INTO settings (key, value) VALUES ('copy-test', 'kept')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return s, raw
}

func TestCopyPushAndPullRoundTrip(t *testing.T) {
	ctx := context.Background()
	laptop, laptopDB := demoLaptop(t)
	url := pgtest.URL(t)
	server, err := storage.OpenPostgres(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	// As after `hirebench --db URL init`: the built-in rubric is there.
	if _, err := interviews.New(server).EnsureBuiltin(ctx); err != nil {
		t.Fatal(err)
	}
	serverDB, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer serverDB.Close()

	rep, err := storage.CopyWorkspace(ctx, laptop, server)
	if err != nil {
		t.Fatalf("push: %v", err)
	}
	var submitted int
	if err := laptopDB.QueryRow(`SELECT count(*) FROM scorecards WHERE status = 'submitted'`).Scan(&submitted); err != nil {
		t.Fatal(err)
	}
	if rep.Verified != submitted || submitted == 0 {
		t.Errorf("push verified %d cards; the laptop has %d submitted", rep.Verified, submitted)
	}
	// The demo's 40 candidates, 3 roles and 126 scorecards.
	if rep.Counts["candidates"] != 40 || rep.Counts["roles"] != 3 || rep.Counts["scorecards"] != 126 {
		t.Errorf("push counts: %d candidates, %d roles, %d scorecards; want 40, 3, 126",
			rep.Counts["candidates"], rep.Counts["roles"], rep.Counts["scorecards"])
	}

	pulledPath := filepath.Join(t.TempDir(), "workspace.db")
	pulled, err := storage.Open(pulledPath)
	if err != nil {
		t.Fatal(err)
	}
	defer pulled.Close()
	back, err := storage.CopyWorkspace(ctx, server, pulled)
	if err != nil {
		t.Fatalf("pull: %v", err)
	}
	if back.Rows != rep.Rows || back.Verified != rep.Verified {
		t.Errorf("pull copied %d rows and verified %d cards; push %d and %d", back.Rows, back.Verified, rep.Rows, rep.Verified)
	}
	pulledDB, err := sql.Open("sqlite", "file:"+pulledPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer pulledDB.Close()

	want := logicalDump(t, laptopDB, false)
	if got := logicalDump(t, serverDB, true); got != want {
		t.Errorf("the server's workspace differs from the laptop's:\n%s", firstDifference(want, got))
	}
	if got := logicalDump(t, pulledDB, false); got != want {
		t.Errorf("the pulled workspace differs from the laptop's:\n%s", firstDifference(want, got))
	}

	for name, s := range map[string]*storage.Store{"server": server, "pulled": pulled} {
		// The search index was built by the target's own triggers: a name,
		// and a word of the attachment's text.
		for query, wantID := range map[string]int64{"Zanzibarian": 3} {
			page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: query, IncludeArchived: true})
			if err != nil || len(page.Rows) != 1 || page.Rows[0].ID != wantID {
				t.Errorf("%s: search %q = %+v, %v; want candidate %d", name, query, page.Rows, err, wantID)
			}
		}
		c, err := s.GetCandidate(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: c.Name, IncludeArchived: true})
		if err != nil || !slices.ContainsFunc(page.Rows, func(r model.CandidateRow) bool { return r.ID == 1 }) {
			t.Errorf("%s: searching candidate 1's name finds %d rows without it, %v", name, len(page.Rows), err)
		}
		// Ids go on after the largest copied (PostgreSQL's identity sequences).
		r, err := s.CreateRole(ctx, model.RoleInput{Title: "After the copy", Status: model.RoleOpen}, storage.DefaultPipeline)
		if err != nil || r.ID != 4 {
			t.Errorf("%s: a new role after the copy: id %d, %v; want id 4", name, r.ID, err)
		}
	}
	// Live counts are what their definition says (migration 0009), not
	// the copied count plus the triggers' count of every arrival.
	var wrong int
	if err := serverDB.QueryRow(`SELECT count(*) FROM stages s WHERE live_count <> (SELECT count(*) FROM applications a
		JOIN candidates c ON c.id = a.candidate_id WHERE a.stage_id = s.id AND c.archived_at = '')`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d stages with a wrong live count on the server, %v", wrong, err)
	}
}

func TestCopyRefusesATargetWithData(t *testing.T) {
	ctx := context.Background()
	laptop, _ := demoLaptop(t)
	url := pgtest.URL(t)
	server, err := storage.OpenPostgres(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if _, err := storage.CopyWorkspace(ctx, laptop, server); err != nil {
		t.Fatal(err)
	}
	serverDB, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer serverDB.Close()
	before := logicalDump(t, serverDB, true)
	_, err = storage.CopyWorkspace(ctx, laptop, server)
	if !errors.Is(err, storage.ErrNotEmpty) || !strings.Contains(err.Error(), "candidates") {
		t.Errorf("second push: %v; want ErrNotEmpty naming the tables with rows", err)
	}
	if after := logicalDump(t, serverDB, true); after != before {
		t.Errorf("a refused push changed the server:\n%s", firstDifference(before, after))
	}
}

func TestCopyRefusesATamperedCard(t *testing.T) {
	ctx := context.Background()
	laptop, laptopDB := demoLaptop(t)
	// Someone with the file changes a submitted card's answers; the
	// immutability trigger lets an erasure through, so pose as one.
	var id, candidate int64
	if err := laptopDB.QueryRow(`SELECT sc.id, a.candidate_id FROM scorecards sc JOIN applications a ON a.id = sc.application_id
		WHERE sc.status = 'submitted' ORDER BY sc.id DESC LIMIT 1`).Scan(&id, &candidate); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		fmt.Sprintf(`INSERT INTO privacy_erasing (candidate_id) VALUES (%d)`, candidate),
		fmt.Sprintf(`UPDATE scorecards SET answers = '{}' WHERE id = %d`, id),
		`DELETE FROM privacy_erasing`,
	} {
		if _, err := laptopDB.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	url := pgtest.URL(t)
	server, err := storage.OpenPostgres(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	_, err = storage.CopyWorkspace(ctx, laptop, server)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), fmt.Sprintf("scorecard %d ", id)) {
		t.Fatalf("push of a tampered card: %v; want a conflict naming scorecard %d", err, id)
	}
	serverDB, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer serverDB.Close()
	var rows int
	for _, table := range []string{"profiles", "roles", "candidates", "scorecards", "candidate_uids", "candidate_search", "settings"} {
		var n int
		if err := serverDB.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		rows += n
	}
	if rows != 0 {
		t.Errorf("a refused push left %d rows on the server", rows)
	}
}

// logicalDump is every row of every table both engines share, each table's
// rows sorted, columns in name order; the uid tables in the order their
// rows were inserted, which tells a record's own uid from adopted ones.
func logicalDump(t *testing.T, db *sql.DB, postgres bool) string {
	t.Helper()
	tablesSQL := `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%'`
	columnsSQL := `SELECT name FROM pragma_table_info(?)`
	insertOrder := "rowid"
	if postgres {
		tablesSQL = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
		columnsSQL = `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
			AND coalesce(identity_generation, '') <> 'ALWAYS'`
		insertOrder = "added"
	}
	tables := strings.Fields(strings.Join(column(t, db, tablesSQL), " "))
	slices.Sort(tables)
	var b strings.Builder
	for _, table := range tables {
		if table == "schema_version" || table == "candidate_search" || strings.HasPrefix(table, "candidate_search_") {
			continue
		}
		cols := column(t, db, columnsSQL, table)
		slices.Sort(cols)
		q := `SELECT ` + strings.Join(cols, ", ") + ` FROM ` + table
		if strings.HasSuffix(table, "_uids") {
			q += ` ORDER BY ` + insertOrder
		}
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var line []string
			for _, v := range vals {
				if s, ok := v.(string); ok {
					line = append(line, fmt.Sprintf("%q", s))
				} else {
					line = append(line, fmt.Sprintf("%T %v", v, v))
				}
			}
			lines = append(lines, strings.Join(line, " | "))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if !strings.HasSuffix(table, "_uids") {
			slices.Sort(lines)
		}
		fmt.Fprintf(&b, "%s (%s): %d rows\n  %s\n", table, strings.Join(cols, ", "), len(lines), strings.Join(lines, "\n  "))
	}
	return b.String()
}

func column(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// firstDifference shows the first line where two dumps differ.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d\nwant %.300s\n got %.300s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(w), len(g))
}

func TestCopyIntoAServerIsTheOwnersOnly(t *testing.T) {
	ctx := context.Background()
	laptop, _ := demoLaptop(t)
	team := teamtest.New(t)
	owner := team.Owner
	rita := team.Login(t, storage.PersonInput{Name: "Rita Recruiter", Login: "rita", Recruiter: true})
	_, err := storage.CopyWorkspace(ctx, laptop, rita)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "only the shared workspace's owner") {
		t.Errorf("a person's push: %v; want the owner's only", err)
	}
	if n, err := owner.CountCandidates(ctx); err != nil || n != 0 {
		t.Errorf("after a person's refused push the server has %d candidates, %v", n, err)
	}
}

// Package storagetest helps tests compare whole workspaces: a dump of the
// schema and every row of every table, so two dumps are equal exactly when
// the two databases hold the same data. Imported by tests only.
package storagetest

import (
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// Dump prints every schema object, then every row of every table (the
// search index's own shadow tables included; the virtual tables are read
// through them), tables in name order and rows in the order of their first
// column, all in one read transaction.
func Dump(t testing.TB, db *sql.DB) string {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	type object struct{ kind, name, sql string }
	var objs []object
	rows, err := tx.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	rows.Close()
	var b strings.Builder
	for _, o := range objs {
		fmt.Fprintf(&b, "%s %s: %s\n", o.kind, o.name, o.sql)
		if o.kind != "table" || strings.HasPrefix(o.sql, "CREATE VIRTUAL") {
			continue
		}
		rows, err := tx.Query(`SELECT * FROM "` + o.name + `" ORDER BY 1`)
		if err != nil {
			t.Fatalf("dump %s: %v", o.name, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "  %q\n", vals)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}

// DumpFile dumps the database file at path, opened read-only so the dump
// itself writes nothing.
func DumpFile(t testing.TB, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return Dump(t, db)
}

package storage

import (
	"slices"
	"testing"
)

func TestRebindForPostgres(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT * FROM t WHERE a = ? AND b = ?`, `SELECT * FROM t WHERE a = $1 AND b = $2`},
		{`INSERT INTO t (a, b, c) VALUES (?, ?, ?)`, `INSERT INTO t (a, b, c) VALUES ($1, $2, $3)`},
		// Numbered ones keep their number, and a bare one follows the largest so far (SQLite's rule).
		{`WHERE (?1 = 0 OR a = ?1) AND (?3 = '' OR m = ?3)`, `WHERE ($1 = 0 OR a = $1) AND ($3 = '' OR m = $3)`},
		{`WHERE a = ?2 AND b = ?`, `WHERE a = $2 AND b = $3`},
		{`WHERE a = ?12`, `WHERE a = $12`},
		// A question mark in a string, a quoted name or a comment is not a placeholder.
		{`SELECT 'why?' , ? FROM t`, `SELECT 'why?' , $1 FROM t`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
		{`SELECT "odd?name" FROM t WHERE x = ?`, `SELECT "odd?name" FROM t WHERE x = $1`},
		{"SELECT ? -- really?\n, ?", "SELECT $1 -- really?\n, $2"},
		{`SELECT 'unterminated ?`, `SELECT 'unterminated ?`},
		{`SELECT a - ?, b-?`, `SELECT a - $1, b-$2`},
	} {
		if got := postgresSQL.rebind(c.in); got != c.want {
			t.Errorf("rebind(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestSQLiteStatementsStayAsWritten(t *testing.T) {
	for _, q := range []string{`SELECT ? , ?1, 'x?'`, `INSERT INTO t VALUES (?, ?)`} {
		if got := sqliteSQL.rebind(q); got != q {
			t.Errorf("rebind(%q) = %q, want it unchanged", q, got)
		}
	}
}

// PostgreSQL's driver will not put a Go bool in the 0/1 integer columns both
// schemas keep; the caller's arguments are left as they were.
func TestPostgresArgsTurnBoolsIntoIntegers(t *testing.T) {
	in := []any{true, "x", false, int64(7)}
	got := postgresSQL.args(in)
	if want := []any{int64(1), "x", int64(0), int64(7)}; !slices.Equal(got, want) {
		t.Errorf("args = %#v, want %#v", got, want)
	}
	if in[0] != true || in[2] != false {
		t.Errorf("the caller's arguments changed: %#v", in)
	}
	if got := sqliteSQL.args(in); !slices.Equal(got, in) {
		t.Errorf("SQLite's args = %#v, want them as given", got)
	}
}

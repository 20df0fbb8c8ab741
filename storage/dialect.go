// The one place where the two engines' SQL differs (team mode, issue 15).
// Statements are written once, with SQLite's `?` placeholders; a bound
// connection or transaction rebinds them for its engine, and the few
// spellings that really differ are named fragments of the dialect.
// COLLATE NOCASE needs none: PostgreSQL gets a nocase collation (pgschema.go).

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// dialect is the engine a store speaks to.
type dialect int

const (
	sqliteSQL dialect = iota
	postgresSQL
)

// rebind turns SQLite's placeholders into PostgreSQL's: `?NNN` is $NNN and
// a bare `?` is one more than the largest number so far (SQLite's rule).
// A `?` inside a quoted string, a quoted name or a comment is left alone.
// SQLite's statements are returned as they are.
func (d dialect) rebind(query string) string {
	if d != postgresSQL || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	largest := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c) + i + 1 // the closing quote
			if end <= i {
				end = len(query) - 1
			}
			b.WriteString(query[i : end+1])
			i = end
		case c == '-' && strings.HasPrefix(query[i:], "--"):
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				end = len(query) - i
			}
			b.WriteString(query[i : i+end])
			i += end - 1
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			n := largest + 1
			if j > i+1 {
				n, _ = strconv.Atoi(query[i+1 : j])
			}
			largest = max(largest, n)
			b.WriteString("$" + strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// uidOrder orders a uid table's rows (candidate_uids, role_uids,
// round_uids) as they were added, a record's own uid first: SQLite's rowid,
// PostgreSQL's column "added" (migration 0023: a row's ctid follows
// insertion only until the space a deleted row left is reused).
func (d dialect) uidOrder(alias string) string {
	if alias != "" {
		alias += "."
	}
	if d == postgresSQL {
		return alias + "added"
	}
	return alias + "rowid"
}

// spelled is a statement whose spelling differs by engine, built once for
// each from one text with the dialect's fragments.
type spelled [2]string

func spell(f func(d dialect) string) spelled { return spelled{f(sqliteSQL), f(postgresSQL)} }

// in is the statement as q's engine spells it.
func (s spelled) in(q queryer) string { return s[q.engine()] }

// everyCard is the table of scorecards as counts and guards must read it:
// every card, whoever may read it. PostgreSQL's row-level security hides a
// colleague's draft from the asker, so a guard counting cards there ("this
// round holds scorecards") would miss it, and the delete it allows would fail
// on the card's foreign key; scorecards_seen lists every card with what the
// asker may not read blanked (migration 0022).
func (d dialect) everyCard() string {
	if d == postgresSQL {
		return "scorecards_seen"
	}
	return "scorecards"
}

// forUpdate locks the rows a SELECT reads until the transaction ends, so a
// guard's count and the change it allows see the same rows. SQLite's write
// transaction holds the whole file already.
func (d dialect) forUpdate() string {
	if d == postgresSQL {
		return " FOR UPDATE"
	}
	return ""
}

// greatest is the largest of two or more values (SQLite's max with several
// arguments is its scalar form; PostgreSQL's max is only an aggregate).
func (d dialect) greatest(exprs ...string) string {
	if d == postgresSQL {
		return "greatest(" + strings.Join(exprs, ", ") + ")"
	}
	return "max(" + strings.Join(exprs, ", ") + ")"
}

// groupConcat joins expr over a group, separated by the character of code
// point sep ("31", the unit separator, say).
func (d dialect) groupConcat(expr, sep string) string {
	if d == postgresSQL {
		return "string_agg(" + expr + ", " + d.char(sep) + ")"
	}
	return "group_concat(" + expr + ", " + d.char(sep) + ")"
}

// char is the one-character string of code point n.
func (d dialect) char(n string) string {
	if d == postgresSQL {
		return "chr(" + n + ")"
	}
	return "char(" + n + ")"
}

// jsonIDs is a table of the ids in the JSON array expr (text), one column
// named value: `SELECT value FROM ` + d.jsonIDs("?") + ` AS j`.
func (d dialect) jsonIDs(expr string) string {
	if d == postgresSQL {
		return "(SELECT e::bigint AS value FROM jsonb_array_elements_text(" + expr + "::jsonb) AS e)"
	}
	return "json_each(" + expr + ")"
}

// jsonTexts is jsonIDs for a JSON array of strings (uids): a table of one
// text column named value.
func (d dialect) jsonTexts(expr string) string {
	if d == postgresSQL {
		return "(SELECT e AS value FROM jsonb_array_elements_text(" + expr + "::jsonb) AS e)"
	}
	return "json_each(" + expr + ")"
}

// jsonArray aggregates expr over a group into a JSON array (text), in the
// order of orderBy ([] for no rows); SQLite reads the rows in that order
// already (rowid order within the index), so it needs no ORDER BY.
func (d dialect) jsonArray(expr, orderBy string) string {
	if d == postgresSQL {
		return "coalesce(json_agg(" + expr + " ORDER BY " + orderBy + "), '[]')::text"
	}
	return "json_group_array(" + expr + ")"
}

// jsonObject aggregates key/value pairs over a group into a JSON object
// (text); PostgreSQL gives NULL for no rows, where SQLite gives {}.
func (d dialect) jsonObject(key, value string) string {
	if d == postgresSQL {
		return "json_object_agg(" + key + ", " + value + ")::text"
	}
	return "json_group_object(" + key + ", " + value + ")"
}

// ErrSQLiteOnly is what a PostgreSQL store answers for what only a local
// SQLite workspace does yet (backup and restore, erasure's
// scrub of free pages), rather than send it SQLite's SQL.
var ErrSQLiteOnly = errors.New("works on a local SQLite workspace only, not yet on PostgreSQL")

// Shared tells whether the workspace is a shared one on PostgreSQL (team
// mode), where there is no file of this computer's to copy, snapshot or
// scrub.
func (s *Store) Shared() bool { return s.d == postgresSQL }

// onlySQLite refuses what (a SQLite-only operation) on a PostgreSQL store.
func (s *Store) onlySQLite(what string) error {
	if s.d != sqliteSQL {
		return fmt.Errorf("storage: %s %w", what, ErrSQLiteOnly)
	}
	return nil
}

// runner is what database/sql offers on a pool, a connection and a
// transaction alike.
type runner interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// queryer runs statements written once for both engines: only a bound
// runner is one, so no statement reaches an engine unrebound.
type queryer interface {
	runner
	engine() dialect
}

// bound is a pool, connection or transaction that rebinds every statement
// for its engine.
type bound struct {
	raw runner
	d   dialect
}

func bind(raw runner, d dialect) bound { return bound{raw: raw, d: d} }

func (b bound) engine() dialect { return b.d }

func (b bound) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return b.raw.QueryContext(ctx, b.d.rebind(query), b.d.args(args)...)
}

func (b bound) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return b.raw.QueryRowContext(ctx, b.d.rebind(query), b.d.args(args)...)
}

func (b bound) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return b.raw.ExecContext(ctx, b.d.rebind(query), b.d.args(args)...)
}

// insertID runs an INSERT of one row (written without RETURNING) and
// returns the new row's id; both engines say it with RETURNING.
func insertID(ctx context.Context, q queryer, query string, args ...any) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, query+` RETURNING id`, args...).Scan(&id)
	return id, err
}

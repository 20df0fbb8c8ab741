// Reads a PostgreSQL schema (the connection's current schema) into a
// schemaDesc from pg_catalog, a handful of queries for all tables at once.

package storage

import (
	"database/sql"
	"regexp"
	"strings"
	"testing"
)

func describePostgres(t *testing.T, db *sql.DB) schemaDesc {
	t.Helper()
	desc := schemaDesc{}
	const inSchema = `JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()`

	forRows(t, db, `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
			coalesce(pg_get_expr(d.adbin, d.adrelid), '')
		FROM pg_class c `+inSchema+`
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
		WHERE c.relkind = 'r'`, nil, func(scan func(...any)) {
		var table, col, typ, dflt string
		var notNull bool
		scan(&table, &col, &typ, &notNull, &dflt)
		desc.table(table).columns[col] = columnSig(postgresClass(typ), notNull, normDefault(dflt))
	})

	forRows(t, db, `SELECT c.relname, ic.relname, i.indisunique, i.indisprimary,
			EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype = 'u'),
			coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
			(SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), E'\n' ORDER BY k)
				FROM generate_series(1, i.indnkeyatts) k)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid `+inSchema+`
		JOIN pg_class ic ON ic.oid = i.indexrelid
		WHERE c.relkind = 'r'`, nil, func(scan func(...any)) {
		var table, name, pred, colText string
		var unique, primary, constraint bool
		scan(&table, &name, &unique, &primary, &constraint, &pred, &colText)
		cols := strings.Split(colText, "\n")
		for i, c := range cols {
			cols[i] = postgresIndexColumn(c)
		}
		td := desc.table(table)
		switch {
		case primary:
			td.pk = strings.Join(cols, ",")
		case constraint: // a UNIQUE constraint's own index
			td.indexes = append(td.indexes, indexSig("", unique, cols, pred))
		default:
			td.indexes = append(td.indexes, indexSig(name, unique, cols, pred))
		}
	})

	attNames := func(rel, keys string) string {
		return `coalesce((SELECT string_agg(a.attname, ',' ORDER BY u.ord)
			FROM unnest(` + keys + `) WITH ORDINALITY u(attnum, ord)
			JOIN pg_attribute a ON a.attrelid = ` + rel + ` AND a.attnum = u.attnum), '')`
	}
	forRows(t, db, `SELECT c.relname, k.contype::text, `+attNames("k.conrelid", "k.conkey")+`,
			coalesce(f.relname, ''), `+attNames("k.confrelid", "k.confkey")+`,
			k.confupdtype::text, k.confdeltype::text
		FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid `+inSchema+`
		LEFT JOIN pg_class f ON f.oid = k.confrelid
		WHERE k.contype IN ('f', 'c')`, nil, func(scan func(...any)) {
		var table, kind, cols, parent, parentCols, onUpdate, onDelete string
		scan(&table, &kind, &cols, &parent, &parentCols, &onUpdate, &onDelete)
		td := desc.table(table)
		if kind == "c" {
			td.checks = append(td.checks, checkSig(strings.Split(cols, ",")))
			return
		}
		td.fkDescs = append(td.fkDescs, fkDesc{
			cols: strings.Split(cols, ","), parent: parent, parentCols: strings.Split(parentCols, ","),
			onUpdate: fkAction[onUpdate], onDelete: fkAction[onDelete],
		})
	})

	forRows(t, db, `SELECT c.relname, pg_get_triggerdef(tg.oid)
		FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid `+inSchema+`
		WHERE NOT tg.tgisinternal`, nil, func(scan func(...any)) {
		var table, def string
		scan(&table, &def)
		desc.table(table).triggers = append(desc.table(table).triggers, triggerSig(def))
	})
	desc.signFKs()
	return desc
}

// fkAction spells pg_constraint's action codes as SQLite's pragma does.
var fkAction = map[string]string{"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}

// postgresClass is the type class of a PostgreSQL column type, as
// sqliteClass's: only the types the twin migrations are meant to use
// (bigint for INTEGER, double precision for REAL, text, bytea) get one, so
// a 32-bit integer or a float4 shows as a difference.
func postgresClass(typ string) string {
	switch typ {
	case "bigint":
		return "integer"
	case "double precision":
		return "real"
	case "text":
		return "text"
	case "bytea":
		return "blob"
	}
	return "postgres " + typ
}

var plainColumnRE = regexp.MustCompile(`^"?(\w+)"?$`)

// postgresIndexColumn is one indexed column: its name, lower(name) (SQLite's
// COLLATE NOCASE), or "expression" for anything else.
func postgresIndexColumn(def string) string {
	if m := plainColumnRE.FindStringSubmatch(def); m != nil {
		return m[1]
	}
	if strings.HasPrefix(def, "lower(") && plainColumnRE.MatchString(strings.TrimSuffix(def[len("lower("):], ")")) {
		return "lower(" + strings.Trim(strings.TrimSuffix(def[len("lower("):], ")"), `"`) + ")"
	}
	return "expression"
}

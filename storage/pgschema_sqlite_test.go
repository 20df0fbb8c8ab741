// Reads an SQLite schema into a schemaDesc: pragma table_info,
// index_list/index_xinfo and foreign_key_list, and the CREATE statements in
// sqlite_master for CHECKs, partial indexes and triggers. FTS5 tables (and
// their shadow tables and triggers) are left out: PostgreSQL has no twin.

package storage

import (
	"database/sql"
	"strings"
	"testing"
)

func describeSQLite(t *testing.T, db *sql.DB) schemaDesc {
	t.Helper()
	desc := schemaDesc{}
	type object struct{ kind, name, table, sql string }
	var objects []object
	forRows(t, db, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master`, nil, func(scan func(...any)) {
		var o object
		scan(&o.kind, &o.name, &o.table, &o.sql)
		objects = append(objects, o)
	})
	var fts []string
	for _, o := range objects {
		if o.kind == "table" && strings.HasPrefix(strings.ToUpper(o.sql), "CREATE VIRTUAL TABLE") {
			fts = append(fts, o.name)
		}
	}
	isFTS := func(table string) bool {
		for _, v := range fts {
			if table == v || strings.HasPrefix(table, v+"_") {
				return true
			}
		}
		return false
	}
	mentionsFTS := func(sql string) bool {
		for _, v := range fts {
			if strings.Contains(sql, v) {
				return true
			}
		}
		return false
	}
	indexSQL := map[string]string{}
	for _, o := range objects {
		switch {
		case o.kind == "index":
			indexSQL[o.name] = o.sql
		case o.kind == "trigger" && !mentionsFTS(o.sql):
			desc.table(o.table).triggers = append(desc.table(o.table).triggers, triggerSig(o.sql))
		}
	}
	for _, o := range objects {
		if o.kind != "table" || strings.HasPrefix(o.name, "sqlite_") || isFTS(o.name) {
			continue
		}
		describeSQLiteTable(t, db, desc.table(o.name), o.name, o.sql, indexSQL)
	}
	// A foreign key naming only its parent table refers to that table's
	// primary key.
	for _, td := range desc {
		for i, fk := range td.fkDescs {
			if strings.Join(fk.parentCols, "") == "" && desc[fk.parent] != nil {
				td.fkDescs[i].parentCols = strings.Split(desc[fk.parent].pk, ",")
			}
		}
	}
	desc.signFKs()
	return desc
}

func describeSQLiteTable(t *testing.T, db *sql.DB, td *tableDesc, table, createSQL string, indexSQL map[string]string) {
	t.Helper()
	var pk []string
	var names []string
	forRows(t, db, `SELECT name, type, "notnull", coalesce(dflt_value, ''), pk FROM pragma_table_info(?) ORDER BY pk, cid`, []any{table}, func(scan func(...any)) {
		var name, typ, dflt string
		var notNull bool
		var pkPos int
		scan(&name, &typ, &notNull, &dflt, &pkPos)
		names = append(names, name)
		if pkPos > 0 {
			pk = append(pk, name)
			// PostgreSQL's keys are NOT NULL; so are SQLite's in effect
			// (a rowid, or WITHOUT ROWID), bar an old quirk of text keys.
			notNull = true
		}
		td.columns[name] = columnSig(sqliteClass(typ), notNull, normDefault(dflt))
	})
	td.pk = strings.Join(pk, ",")

	type index struct {
		name, origin string
		unique       bool
	}
	var idx []index
	forRows(t, db, `SELECT name, "unique", origin FROM pragma_index_list(?)`, []any{table}, func(scan func(...any)) {
		var i index
		scan(&i.name, &i.unique, &i.origin)
		idx = append(idx, i)
	})
	for _, i := range idx {
		if i.origin == "pk" {
			continue
		}
		var cols []string
		forRows(t, db, `SELECT cid, coalesce(name, ''), coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`, []any{i.name}, func(scan func(...any)) {
			var cid int
			var name, coll string
			scan(&cid, &name, &coll)
			switch {
			case cid == -2:
				name = "expression"
			case strings.EqualFold(coll, "NOCASE"):
				name = "lower(" + name + ")" // PostgreSQL's spelling
			}
			cols = append(cols, name)
		})
		name, pred := i.name, ""
		if i.origin != "c" { // a UNIQUE constraint's own index
			name = ""
		} else if _, where, ok := cutLastFold(indexSQL[i.name], " WHERE "); ok {
			pred = where
		}
		td.indexes = append(td.indexes, indexSig(name, i.unique, cols, pred))
	}

	byID := map[int]*fkDesc{}
	var order []int
	forRows(t, db, `SELECT id, "table", "from", coalesce("to", ''), on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, []any{table}, func(scan func(...any)) {
		var id int
		var parent, from, to, onUpdate, onDelete string
		scan(&id, &parent, &from, &to, &onUpdate, &onDelete)
		fk := byID[id]
		if fk == nil {
			fk = &fkDesc{parent: parent, onUpdate: onUpdate, onDelete: onDelete}
			byID[id] = fk
			order = append(order, id)
		}
		fk.cols = append(fk.cols, from)
		fk.parentCols = append(fk.parentCols, to)
	})
	for _, id := range order {
		td.fkDescs = append(td.fkDescs, *byID[id])
	}

	for _, cols := range sqliteChecks(createSQL, names) {
		td.checks = append(td.checks, checkSig(cols))
	}
}

// sqliteClass is the type class SQLite's affinity rules give a declared type.
func sqliteClass(typ string) string {
	u := strings.ToUpper(typ)
	switch {
	case strings.Contains(u, "INT"):
		return "integer"
	case strings.Contains(u, "CHAR"), strings.Contains(u, "CLOB"), strings.Contains(u, "TEXT"):
		return "text"
	case u == "", strings.Contains(u, "BLOB"):
		return "blob"
	case strings.Contains(u, "REAL"), strings.Contains(u, "FLOA"), strings.Contains(u, "DOUB"):
		return "real"
	}
	return "numeric"
}

// sqliteChecks finds each CHECK (...) in a CREATE TABLE statement (SQLite
// keeps the text, with every ALTER TABLE ADD COLUMN appended) and returns
// the table's columns each one names. Comments and string literals are
// skipped, so a word in them is not taken for a column.
func sqliteChecks(createSQL string, columns []string) [][]string {
	isCol := map[string]bool{}
	for _, c := range columns {
		isCol[strings.ToLower(c)] = true
	}
	toks := sqlTokens(createSQL)
	var out [][]string
	for i := 0; i+1 < len(toks); i++ {
		if !strings.EqualFold(toks[i], "CHECK") || toks[i+1] != "(" {
			continue
		}
		var cols []string
		depth := 0
		for j := i + 1; j < len(toks); j++ {
			switch tok := toks[j]; tok {
			case "(":
				depth++
			case ")":
				depth--
			default:
				if isCol[strings.ToLower(tok)] {
					cols = append(cols, strings.ToLower(tok))
				}
			}
			if depth == 0 {
				i = j
				break
			}
		}
		out = append(out, cols)
	}
	return out
}

// sqlTokens splits SQL into words and parentheses, dropping comments,
// string literals and other punctuation; quoted identifiers become words.
func sqlTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case strings.HasPrefix(s[i:], "--"):
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return toks
			}
			i += end + 4
		case c == '\'':
			for i++; i < len(s); i++ {
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
			i++
		case c == '"' || c == '`' || c == '[':
			closer := map[byte]byte{'"': '"', '`': '`', '[': ']'}[c]
			end := strings.IndexByte(s[i+1:], closer)
			if end < 0 {
				return toks
			}
			toks = append(toks, s[i+1:i+1+end])
			i += end + 2
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			j := i
			for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			i++
		}
	}
	return toks
}

// cutLastFold cuts s around the last sep, ignoring case.
func cutLastFold(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(strings.ToUpper(s), strings.ToUpper(sep))
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

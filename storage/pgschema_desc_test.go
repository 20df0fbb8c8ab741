// The engine-neutral description of a schema both engines are read into, and
// how two descriptions differ. See pgschema_test.go.

package storage

import (
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// schemaDesc is a schema by table name.
type schemaDesc map[string]*tableDesc

type tableDesc struct {
	columns map[string]string // name -> "class [NOT NULL] [DEFAULT v]"
	pk      string            // its columns, "a,b"
	// Each a signature; compared as multisets.
	indexes  []string // "[name] [UNIQUE] (cols) [WHERE pred]"; name '' for a constraint's own
	fks      []string // "(cols) -> table(cols) ON DELETE x ON UPDATE y", from fkDescs
	fkDescs  []fkDesc
	checks   []string // "CHECK on (cols it names)"
	triggers []string // "name BEFORE UPDATE [OF cols]"
}

type fkDesc struct {
	cols, parentCols   []string
	parent             string
	onUpdate, onDelete string // as SQLite names them: NO ACTION, CASCADE, SET NULL...
}

// signFKs writes each table's foreign keys as signatures.
func (s schemaDesc) signFKs() {
	for _, td := range s {
		td.fks = nil
		for _, fk := range td.fkDescs {
			td.fks = append(td.fks, fmt.Sprintf("(%s) -> %s(%s) ON DELETE %s ON UPDATE %s",
				strings.Join(fk.cols, ","), fk.parent, strings.Join(fk.parentCols, ","), fk.onDelete, fk.onUpdate))
		}
	}
}

func (s schemaDesc) table(name string) *tableDesc {
	if s[name] == nil {
		s[name] = &tableDesc{columns: map[string]string{}}
	}
	return s[name]
}

func columnSig(class string, notNull bool, dflt string) string {
	sig := class
	if notNull {
		sig += " NOT NULL"
	}
	if dflt != "" {
		sig += " DEFAULT " + dflt
	}
	return sig
}

var (
	castRE   = regexp.MustCompile(`::(double precision|character varying|[a-z_0-9]+)`)
	spacesRE = regexp.MustCompile(`\s+`)
)

// normDefault makes a default comparable across engines: PostgreSQL's
// casts go ('open'::text is 'open'), and a default computed by a function
// call (a clock, say) is only "(expression)", as the engines spell those
// differently.
func normDefault(s string) string {
	s = strings.TrimSpace(castRE.ReplaceAllString(s, ""))
	for strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if !strings.HasPrefix(s, "'") && strings.Contains(s, "(") {
		return "(expression)"
	}
	return s
}

// normPredicate makes a partial index's WHERE comparable: no casts, no
// parentheses, no spaces, lower case.
func normPredicate(s string) string {
	s = castRE.ReplaceAllString(strings.ToLower(s), "")
	return strings.NewReplacer("(", "", ")", "", " ", "", "\n", "", "\t", "").Replace(s)
}

func indexSig(name string, unique bool, cols []string, pred string) string {
	sig := name
	if unique {
		sig += " UNIQUE"
	}
	sig += " (" + strings.Join(cols, ",") + ")"
	if pred != "" {
		sig += " WHERE " + normPredicate(pred)
	}
	return strings.TrimSpace(sig)
}

func checkSig(cols []string) string {
	cols = slices.Clone(cols)
	sort.Strings(cols)
	return "CHECK on (" + strings.Join(slices.Compact(cols), ",") + ")"
}

var triggerRE = regexp.MustCompile(`(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+"?(\w+)"?\s+(BEFORE|AFTER|INSTEAD\s+OF)\s+((?:INSERT|UPDATE|DELETE)(?:\s+OR\s+(?:INSERT|UPDATE|DELETE))*)(?:\s+OF\s+(.+?))?\s+ON\s`)

// triggerSig is a trigger's name, timing and event (with the columns an
// UPDATE OF names) from its CREATE statement; not its body, which each
// engine writes in its own language.
func triggerSig(createSQL string) string {
	m := triggerRE.FindStringSubmatch(createSQL)
	if m == nil {
		return "unreadable trigger: " + createSQL
	}
	sig := m[1] + " " + strings.ToUpper(spacesRE.ReplaceAllString(m[2], " ")) + " " + strings.ToUpper(m[3])
	if m[4] != "" {
		var cols []string
		for c := range strings.SplitSeq(m[4], ",") {
			cols = append(cols, strings.Trim(strings.TrimSpace(c), `"`))
		}
		sig += " OF " + strings.Join(cols, ",")
	}
	return sig
}

// diffSchemas lists how PostgreSQL's schema differs from SQLite's, naming
// the table and the column or constraint.
func diffSchemas(lite, pg schemaDesc) []string {
	var out []string
	for _, name := range sortedKeys(lite, pg) {
		l, p := lite[name], pg[name]
		switch {
		case p == nil:
			out = append(out, fmt.Sprintf("table %s: only on SQLite", name))
			continue
		case l == nil:
			out = append(out, fmt.Sprintf("table %s: only on PostgreSQL", name))
			continue
		}
		for _, col := range sortedKeys(l.columns, p.columns) {
			lc, lok := l.columns[col]
			pc, pok := p.columns[col]
			switch {
			case !pok:
				out = append(out, fmt.Sprintf("table %s, column %s: only on SQLite (%s)", name, col, lc))
			case !lok:
				out = append(out, fmt.Sprintf("table %s, column %s: only on PostgreSQL (%s)", name, col, pc))
			case lc != pc:
				out = append(out, fmt.Sprintf("table %s, column %s: SQLite %q, PostgreSQL %q", name, col, lc, pc))
			}
		}
		if l.pk != p.pk {
			out = append(out, fmt.Sprintf("table %s: primary key SQLite (%s), PostgreSQL (%s)", name, l.pk, p.pk))
		}
		out = append(out, diffSets(name, "index", l.indexes, p.indexes)...)
		out = append(out, diffSets(name, "foreign key", l.fks, p.fks)...)
		out = append(out, diffSets(name, "check", l.checks, p.checks)...)
		out = append(out, diffSets(name, "trigger", l.triggers, p.triggers)...)
	}
	return out
}

// diffSets compares two multisets of signatures.
func diffSets(table, kind string, lite, pg []string) []string {
	count := map[string]int{}
	for _, s := range lite {
		count[s]++
	}
	for _, s := range pg {
		count[s]--
	}
	var out []string
	for _, s := range sortedKeys(count) {
		for n := count[s]; n > 0; n-- {
			out = append(out, fmt.Sprintf("table %s: %s %s only on SQLite", table, kind, s))
		}
		for n := count[s]; n < 0; n++ {
			out = append(out, fmt.Sprintf("table %s: %s %s only on PostgreSQL", table, kind, s))
		}
	}
	return out
}

// forRows runs a query and calls row for each row with a scan that fails
// the test on error.
func forRows(t *testing.T, db *sql.DB, q string, args []any, row func(scan func(dest ...any))) {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	for rows.Next() {
		row(func(dest ...any) {
			if err := rows.Scan(dest...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		})
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
}

func sortedKeys[V any](ms ...map[string]V) []string {
	var keys []string
	for _, m := range ms {
		for k := range m {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return slices.Compact(keys)
}

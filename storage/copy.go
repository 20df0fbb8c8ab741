// Moving a whole workspace between the engines (team mode, issue 15):
// `push` copies a laptop's workspace into an empty shared one on
// PostgreSQL, `pull` a shared one into a new local file. Both are
// CopyWorkspace, which copies every table of the schema row for row, ids
// kept, in one transaction on the target.

package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

// CopyReport says what a copy moved.
type CopyReport struct {
	Tables int              `json:"tables"` // tables of the schema copied
	Rows   int64            `json:"rows"`   // rows copied, all tables together
	Counts map[string]int64 `json:"counts"` // rows per table
	// Verified is how many submitted scorecards were read back from the
	// target and found to match their hashes, amendments and bindings.
	Verified int `json:"verifiedScorecards"`
}

// ErrNotEmpty is a target workspace that already holds data: a copy never
// merges two workspaces (a bundle does that).
var ErrNotEmpty = fmt.Errorf("the workspace copied into already holds data; a copy goes into an empty workspace only: %w", model.ErrConflict)

// CopyWorkspace copies the workspace from holds into to, which must be
// empty: nothing in it but what opening a workspace puts there (the default
// rejection reasons, the built-in rubric, settings), which the copy
// replaces. Every table is copied with its ids, parents before children,
// from one consistent read of from and in one write transaction on to: all
// or nothing. Before it commits, the row count of every table must match
// and every submitted scorecard read back from to must verify
// (scoring.Verify: its hash chain and the records it is bound to);
// otherwise nothing is written. On PostgreSQL only the workspace's owner
// may copy into it. A PostgreSQL source is read as the login sees it, so a
// person's copy holds what the server lets them read.
//
// Left out: the search index (FTS5's tables on SQLite, candidate_search on
// PostgreSQL), which the target's triggers build as the rows arrive, and
// schema_version, which each engine keeps for itself.
func CopyWorkspace(ctx context.Context, from, to *Store) (CopyReport, error) {
	rep := CopyReport{Counts: map[string]int64{}}
	if from == to || (from.d == sqliteSQL && to.d == sqliteSQL && from.path == to.path) {
		return rep, errors.New("storage: copy: a workspace cannot be copied into itself")
	}
	err := from.readTx(ctx, func(rtx *sql.Tx) error {
		src := bind(rtx, from.d)
		tables, err := readCatalog(ctx, src)
		if err != nil {
			return err
		}
		order, err := parentsFirst(tables)
		if err != nil {
			return err
		}
		return to.writeTx(ctx, func(wtx *sql.Tx) error {
			rep.Rows = 0 // afresh when the server runs the write again (writeTx)
			dst := bind(wtx, to.d)
			// PostgreSQL aborts a transaction at its first failed
			// statement: everything that can refuse is checked first.
			if err := copyAllowed(ctx, dst, tables); err != nil {
				return err
			}
			for _, t := range order {
				n, err := copyTable(ctx, src, dst, tables[t])
				if err != nil {
					return err
				}
				rep.Counts[t] = n
				rep.Rows += n
			}
			rep.Tables = len(order)
			if err := afterCopy(ctx, dst, tables); err != nil {
				return err
			}
			if err := countsMatch(ctx, dst, order, rep.Counts); err != nil {
				return err
			}
			rep.Verified, err = verifyArrivals(ctx, dst)
			return err
		})
	})
	if err != nil {
		return CopyReport{Counts: map[string]int64{}}, err
	}
	return rep, nil
}

// table is one table of the schema as the copy needs it.
type table struct {
	name    string
	columns []string // in the source's order
	key     []string // its primary key's columns, which order the rows read
	parents []string // the tables its foreign keys reference (itself left out)
}

// engineOnly are tables one engine keeps for itself: the search index
// (FTS5's virtual table and its shadow tables; PostgreSQL's table of
// tsvectors) and the schema's history.
func engineOnly(name string) bool {
	return name == "schema_version" || name == "candidate_search" || strings.HasPrefix(name, "candidate_search_")
}

// The catalog, as each engine describes itself: tables, columns (in their
// order), primary key columns (in the key's order) and referenced tables.
var (
	sqlCatalogTables = spelled{
		`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
		`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
	}
	sqlCatalogColumns = spelled{
		`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`,
		`SELECT c.column_name, coalesce((SELECT k.at FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k (attnum, at)
			WHERE k.attnum = c.ordinal_position), 0)
		FROM information_schema.columns c
		LEFT JOIN pg_index i ON i.indisprimary AND i.indrelid = (SELECT oid FROM pg_class
			WHERE relname = c.table_name AND relnamespace = current_schema()::regnamespace)
		WHERE c.table_schema = current_schema() AND c.table_name = ?
			AND coalesce(c.identity_generation, '') <> 'ALWAYS' -- numbered by the target itself (uid tables' "added")
		ORDER BY c.ordinal_position`,
	}
	sqlCatalogParents = spelled{
		`SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`,
		`SELECT DISTINCT p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
		WHERE k.contype = 'f' AND c.relname = ? AND c.relnamespace = current_schema()::regnamespace`,
	}
)

// readCatalog describes the schema's tables, leaving out the engine's own.
func readCatalog(ctx context.Context, q queryer) (map[string]*table, error) {
	var names []string
	err := each(ctx, q, sqlCatalogTables.in(q), nil, func(sc scanner) error {
		var n string
		if err := sc.Scan(&n); err != nil {
			return err
		}
		if !engineOnly(n) {
			names = append(names, n)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: copy: read the schema: %w", err)
	}
	tables := map[string]*table{}
	for _, n := range names {
		t := &table{name: n}
		var keyAt []int
		err := each(ctx, q, sqlCatalogColumns.in(q), []any{n}, func(sc scanner) error {
			var col string
			var at int
			if err := sc.Scan(&col, &at); err != nil {
				return err
			}
			t.columns = append(t.columns, col)
			keyAt = append(keyAt, at)
			return nil
		})
		if err == nil {
			err = each(ctx, q, sqlCatalogParents.in(q), []any{n}, func(sc scanner) error {
				var p string
				if err := sc.Scan(&p); err != nil {
					return err
				}
				if p != n {
					t.parents = append(t.parents, p)
				}
				return nil
			})
		}
		if err != nil {
			return nil, fmt.Errorf("storage: copy: read the schema of %s: %w", n, err)
		}
		for at := 1; at <= len(keyAt); at++ {
			if i := slices.Index(keyAt, at); i >= 0 {
				t.key = append(t.key, t.columns[i])
			}
		}
		tables[n] = t
	}
	return tables, nil
}

// parentsFirst orders the tables so that every table comes after those its
// foreign keys reference, ties in name order.
func parentsFirst(tables map[string]*table) ([]string, error) {
	var order []string
	placed := map[string]bool{}
	for len(order) < len(tables) {
		var ready []string
		for n, t := range tables {
			if !placed[n] && !slices.ContainsFunc(t.parents, func(p string) bool { return !placed[p] }) {
				ready = append(ready, n)
			}
		}
		if len(ready) == 0 {
			return nil, errors.New("storage: copy: the tables' foreign keys form a cycle")
		}
		slices.Sort(ready)
		for _, n := range ready {
			placed[n] = true
		}
		order = append(order, ready...)
	}
	return order, nil
}

// emptyEnough are the tables a new workspace already fills, with what may
// be in them: the migrations' default rejection reasons, the built-in
// rubric EnsureBuiltin installs when a window or command opens the
// workspace, and settings such a window may save. Nothing can refer to
// them while every other table is empty, so the copy deletes them and
// brings the source's in their place.
var emptyEnough = []struct{ table, strangers string }{
	{"settings", ""},
	{"rejection_reasons", ""},
	{"rubrics", `SELECT count(*) FROM rubrics WHERE builtin <> 1`},
	{"rubric_versions", `SELECT count(*) FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE r.builtin <> 1`},
}

// sqlMayOwn tells whether this login owns the workspace's tables (or is a
// member of the owning role): only the owner bypasses row-level security,
// sets the identity sequences, and may write every table.
const sqlMayOwn = `SELECT pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'schema_version'::regclass), 'MEMBER')`

// copyAllowed refuses a copy into a target that is not the owner's, whose
// tables differ from the source's, or that holds data; then clears what a
// new workspace holds (emptyEnough).
func copyAllowed(ctx context.Context, dst queryer, tables map[string]*table) error {
	if dst.engine() == postgresSQL {
		var owner bool
		if err := dst.QueryRowContext(ctx, sqlMayOwn).Scan(&owner); err != nil {
			return fmt.Errorf("storage: copy: %w", err)
		}
		if !owner {
			return fmt.Errorf("only the shared workspace's owner can copy a workspace into it; a person's login cannot: %w", model.ErrConflict)
		}
	}
	theirs, err := readCatalog(ctx, dst)
	if err != nil {
		return err
	}
	for n, t := range tables {
		o, ok := theirs[n]
		if !ok || !sameColumns(t.columns, o.columns) {
			return fmt.Errorf("storage: copy: the two workspaces' schemas differ (table %s); open both with this hirebench first", n)
		}
	}
	for n := range theirs {
		if tables[n] == nil {
			return fmt.Errorf("storage: copy: the two workspaces' schemas differ (table %s); open both with this hirebench first", n)
		}
	}
	var full []string
	for n := range theirs {
		var held bool
		if err := dst.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+quoted(n)+`)`).Scan(&held); err != nil {
			return fmt.Errorf("storage: copy: %w", err)
		}
		if held && !slices.ContainsFunc(emptyEnough, func(e struct{ table, strangers string }) bool { return e.table == n }) {
			full = append(full, n)
		}
	}
	for _, e := range emptyEnough {
		var n int64
		if e.strangers != "" {
			if err := dst.QueryRowContext(ctx, e.strangers).Scan(&n); err != nil {
				return fmt.Errorf("storage: copy: %w", err)
			}
		}
		if n > 0 {
			full = append(full, e.table)
		}
	}
	if len(full) > 0 {
		slices.Sort(full)
		return fmt.Errorf("%w (it has rows in %s)", ErrNotEmpty, strings.Join(full, ", "))
	}
	for _, e := range slices.Backward(emptyEnough) { // versions before their rubrics
		if _, err := dst.ExecContext(ctx, `DELETE FROM `+e.table); err != nil {
			return fmt.Errorf("storage: copy: clear %s: %w", e.table, err)
		}
	}
	return nil
}

func sameColumns(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(c string) bool { return !slices.Contains(b, c) })
}

// quoted is a table or column name as an SQL identifier (both engines).
func quoted(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// ownUIDs are the tables whose rows the triggers of migration 0006 add as
// a candidate, role or round is inserted (its own new uid). The copy
// deletes those (the table was empty before its parent was copied) and
// brings the source's uids in the source's insertion order, which tells a
// record's own uid (the first) from those it adopted from bundles.
var ownUIDs = []string{"candidate_uids", "role_uids", "round_uids"}

// Rows go in batches: at most copyBatchRows rows, copyBatchArgs arguments
// (under SQLite's 32,766 and PostgreSQL's 65,535) or about copyBatchBytes
// of text and blobs (attachments) per statement.
const (
	copyBatchRows  = 500
	copyBatchArgs  = 30000
	copyBatchBytes = 8 << 20
)

// copyTable copies every row of t from src to dst and returns how many.
func copyTable(ctx context.Context, src, dst queryer, t *table) (int64, error) {
	wrap := func(err error) error { return fmt.Errorf("storage: copy table %s: %w", t.name, err) }
	if slices.Contains(ownUIDs, t.name) {
		if _, err := dst.ExecContext(ctx, `DELETE FROM `+quoted(t.name)); err != nil {
			return 0, wrap(err)
		}
	}
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = quoted(c)
	}
	var orderBy string
	switch {
	case slices.Contains(ownUIDs, t.name):
		orderBy = src.engine().uidOrder("")
	case len(t.key) > 0:
		keys := make([]string, len(t.key))
		for i, k := range t.key {
			keys[i] = quoted(k)
		}
		orderBy = strings.Join(keys, ", ")
	default: // every table has a primary key; a new one without would copy in no set order
		return 0, wrap(errors.New("it has no primary key"))
	}
	rows, err := src.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+quoted(t.name)+` ORDER BY `+orderBy)
	if err != nil {
		return 0, wrap(err)
	}
	defer rows.Close()
	insert := `INSERT INTO ` + quoted(t.name) + ` (` + strings.Join(cols, ", ") + `) VALUES `
	one := `(` + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	perBatch := max(1, min(copyBatchRows, copyBatchArgs/len(cols)))
	var batch []any
	var size, n int64
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		k := len(batch) / len(cols)
		_, err := dst.ExecContext(ctx, insert+strings.TrimSuffix(strings.Repeat(one+", ", k), ", "), batch...)
		batch, size = batch[:0], 0
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return 0, wrap(err)
		}
		for _, v := range vals {
			switch v := v.(type) {
			case string:
				size += int64(len(v))
			case []byte:
				size += int64(len(v))
			}
		}
		batch = append(batch, vals...)
		n++
		if len(batch)/len(cols) >= perBatch || size >= copyBatchBytes {
			if err := flush(); err != nil {
				return 0, wrap(err)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return 0, wrap(err)
	}
	if err := flush(); err != nil {
		return 0, wrap(err)
	}
	return n, nil
}

// sqlLiveCounts is migration 0009's definition of a stage's live count.
// The copy brings each stage's count, and then the triggers of migration
// 0010 count every arriving application once more: this puts it right.
const sqlLiveCounts = `UPDATE stages SET live_count = (
	SELECT count(*) FROM applications a JOIN candidates c ON c.id = a.candidate_id
	WHERE a.stage_id = stages.id AND c.archived_at = '')`

// sqlIdentities are PostgreSQL's identity columns: rows arriving with their
// ids leave the sequences where they were, so each is set past the largest
// id copied (setIdentity), or the next insert would take an id in use.
const (
	sqlIdentities = `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY 1`
	sqlSetIdentity = `SELECT setval(pg_get_serial_sequence(quote_ident(?), ?), coalesce((SELECT max(%s) FROM %s), 0) + 1, false)`
)

// afterCopy corrects what the target's triggers derived from the rows as
// they arrived, and on PostgreSQL moves the identity sequences on.
func afterCopy(ctx context.Context, dst queryer, tables map[string]*table) error {
	if _, err := dst.ExecContext(ctx, sqlLiveCounts); err != nil {
		return fmt.Errorf("storage: copy: count the stages: %w", err)
	}
	if dst.engine() != postgresSQL {
		return nil // SQLite takes the largest rowid plus one
	}
	type identity struct{ table, column string }
	var ids []identity
	err := each(ctx, dst, sqlIdentities, nil, func(sc scanner) error {
		var id identity
		err := sc.Scan(&id.table, &id.column)
		if tables[id.table] != nil {
			ids = append(ids, id)
		}
		return err
	})
	for _, id := range ids {
		if err != nil {
			break
		}
		q := fmt.Sprintf(sqlSetIdentity, quoted(id.column), quoted(id.table))
		_, err = dst.ExecContext(ctx, q, id.table, id.column)
	}
	if err != nil {
		return fmt.Errorf("storage: copy: move the identity sequences on: %w", err)
	}
	return nil
}

// countsMatch checks that every table holds as many rows as were copied
// into it: a trigger of the target that added rows of its own, say.
func countsMatch(ctx context.Context, dst queryer, order []string, copied map[string]int64) error {
	for _, t := range order {
		var n int64
		if err := dst.QueryRowContext(ctx, `SELECT count(*) FROM `+quoted(t)).Scan(&n); err != nil {
			return fmt.Errorf("storage: copy: count %s: %w", t, err)
		}
		if n != copied[t] {
			return fmt.Errorf("storage: copy: table %s holds %d rows after copying %d; nothing was copied", t, n, copied[t])
		}
	}
	return nil
}

// sqlSubmittedAfter pages through the submitted cards in id order.
var sqlSubmittedAfter = `SELECT ` + sqlScorecardColumns + sqlScorecardFrom +
	` WHERE sc.status = 'submitted' AND sc.id > ? ORDER BY sc.id LIMIT 500`

// verifyArrivals reads every submitted scorecard back from the target, with
// its amendments and the uids of the records it is filed under, and checks
// it (scoring.Verify). The error names the card by id only: Verify's own
// words name its author.
func verifyArrivals(ctx context.Context, dst queryer) (int, error) {
	var verified int
	after := int64(0)
	for {
		cards, err := scorecards(ctx, dst, sqlSubmittedAfter, after)
		if err != nil {
			return verified, fmt.Errorf("storage: copy: read the scorecards back: %w", err)
		}
		if len(cards) == 0 {
			return verified, nil
		}
		for _, c := range cards {
			if err := scoring.Verify(c); err != nil {
				return verified, fmt.Errorf("submitted scorecard %d does not match its hash or its candidate, role and round after copying (tampered or corrupted); nothing was copied: %w", c.ID, model.ErrConflict)
			}
			verified++
			after = c.ID
		}
	}
}

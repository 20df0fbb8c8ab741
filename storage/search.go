// The candidates table: full-text search with highlighted matches, filters, sorting
// and paging, and the tag and source facets.

package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"hirebench/app/model"
)

// Match markers wrapped around hits (by highlight()/snippet() on SQLite); control
// characters cannot appear in stored text, so they cannot be forged.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// searchWords are the words a search looks for in what the user typed:
// runs of letters and digits, at most 16.
func searchWords(input string) []string {
	words := strings.FieldsFunc(input, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return words[:min(len(words), 16)]
}

var sortColumns = map[string]string{
	"name":    "c.name COLLATE NOCASE",
	"email":   "c.email",
	"source":  "c.source COLLATE NOCASE",
	"updated": "c.updated_at",
	"created": "c.created_at",
}

const (
	maxPage     = 500
	defaultPage = 100
	// fewMatches is how many text matches a search may have and still be
	// ranked by relevance. bm25 scores every match before the first row
	// comes back, which at 100k candidates and a common word (a third of
	// them) costs ~150 ms a keystroke; beyond this many, the newest
	// candidates come first and FTS5 stops reading at the page.
	fewMatches    = 500
	sqlRowColumns = `c.id, c.name, c.email, c.source, c.location, c.updated_at, c.archived_at`
)

// searchSQL is how an engine spells full-text search: SQLite's FTS5 in
// search_sqlite.go, PostgreSQL's tsvector in search_postgres.go. The rest
// of this file is shared.
type searchSQL struct {
	// arg is what the user typed as the argument of match ("" for nothing to search).
	arg func(input string) string
	// from joins the search table to candidates c; match is the condition
	// (its one placeholder the arg); key is the candidate's id in the search
	// table; rank orders the best match first (?1 is the arg); hits are the
	// four texts (name, email, notes, resume), with their matches marked
	// unless mark is set, which marks them after the scan.
	from, match, key, rank, hits string
	mark                         func(arg string) func(field int, text string) string
}

// searchOf is the search SQL of an engine.
func searchOf(d dialect) *searchSQL {
	if d == postgresSQL {
		return &postgresSearch
	}
	return &sqliteSearch
}

// ListCandidates returns one page of the candidates table: filtered,
// sorted, and (with a query) full-text searched with highlighted hits.
// A search is ranked by relevance when it matches few candidates and
// lists the newest first when it matches many. Total is exact when
// counting is cheap; a search matching many or a filtered list counts up to
// the page only (AtLeast), so a keystroke never waits for every match to be
// ranked or counted.
func (s *Store) ListCandidates(ctx context.Context, f model.CandidateFilter) (model.CandidatePage, error) {
	page := model.CandidatePage{Rows: []model.CandidateRow{}}
	q := searchOf(s.d).arg(f.Query)
	if strings.TrimSpace(f.Query) != "" && q == "" {
		return page, nil // only punctuation: nothing can match
	}
	where, args := filterSQL(s.d, f, q)
	limit := f.Limit
	if limit <= 0 {
		limit = defaultPage
	}
	limit, offset := min(limit, maxPage), max(f.Offset, 0)
	err := s.read(ctx, func(tx queryer) error {
		var err error
		if q == "" {
			err = listPage(ctx, tx, f, where, args, limit, offset, &page)
		} else {
			err = searchPage(ctx, tx, f, q, where, args, limit, offset, &page)
		}
		if err == nil && q != "" && !f.IncludeArchived {
			page.Archived, err = archivedMatches(ctx, tx, f, q)
		}
		if err != nil || len(page.Rows) == 0 {
			return err
		}
		index := map[int64]int{}
		for i, r := range page.Rows {
			index[r.ID] = i
		}
		return fillRowDetails(ctx, tx, page.Rows, index)
	})
	return page, err
}

// filterSQL is the WHERE clause of the table's filters (and the text match,
// whose argument is always the first).
func filterSQL(d dialect, f model.CandidateFilter, q string) (string, []any) {
	var where []string
	var args []any
	if q != "" {
		where = append(where, searchOf(d).match)
		args = append(args, q)
	}
	if !f.IncludeArchived {
		where = append(where, `c.archived_at = ''`)
	}
	if f.RoleID != 0 {
		where = append(where, `EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND a.role_id = ?)`)
		args = append(args, f.RoleID)
	}
	if f.StageID != 0 {
		// The unary + keeps SQLite on the (candidate, role) index: by the
		// stage index it read every application in the stage for every row.
		where = append(where, `EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND +a.stage_id = ?)`)
		args = append(args, f.StageID)
	}
	if f.Tag != "" {
		where = append(where, `EXISTS (SELECT 1 FROM candidate_tags t WHERE t.candidate_id = c.id AND t.tag = ?)`)
		args = append(args, strings.ToLower(strings.TrimSpace(f.Tag)))
	}
	if f.Source != "" {
		where = append(where, `c.source = ? COLLATE NOCASE`)
		args = append(args, f.Source)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// listPage is the table without a search, sorted as asked. Unfiltered, it
// is counted exactly (candidates_live holds the live rows); a filter by role,
// stage, tag or source would be checked on every candidate to count, so then
// the count stops at the page (AtLeast).
func listPage(ctx context.Context, tx queryer, f model.CandidateFilter, where string, args []any, limit, offset int, page *model.CandidatePage) error {
	const from = `candidates c`
	order, ok := sortColumns[f.Sort]
	switch {
	case ok && f.Desc:
		order += " DESC"
	case !ok:
		order = "c.updated_at DESC"
	}
	filtered := f.RoleID != 0 || f.StageID != 0 || f.Tag != "" || f.Source != ""
	if !filtered {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+from+where, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("storage: count candidates: %w", err)
		}
	}
	query := `SELECT ` + sqlRowColumns + `, '', '', '', '' FROM ` + from + where + ` ORDER BY ` + order + `, c.id LIMIT ? OFFSET ?`
	err := each(ctx, tx, query, append(args, limit+1, offset), func(sc scanner) error {
		r, err := scanRow(sc, nil)
		page.Rows = append(page.Rows, r)
		return err
	})
	if err == nil && filtered {
		err = countPast(ctx, tx, from, where, args, len(page.Rows), limit, offset, page)
	}
	if err != nil {
		return fmt.Errorf("storage: list candidates: %w", err)
	}
	page.Rows = page.Rows[:min(len(page.Rows), limit)]
	return nil
}

// searchPage pages a search. Matching many and unsorted, the newest come
// first in one statement: FTS5 yields matches in rowid order, so it reads no
// further than the page, and highlight() runs on the page's rows alone.
// Otherwise every match is ordered (by relevance when few, or by the column
// the user picked) on ids alone, and only the page is highlighted after.
func searchPage(ctx context.Context, tx queryer, f model.CandidateFilter, q, where string, args []any, limit, offset int, page *model.CandidatePage) error {
	many, err := manyMatches(ctx, tx, q)
	if err != nil {
		return err
	}
	sq := searchOf(tx.engine())
	order, sorted := sortColumns[f.Sort]
	switch {
	case sorted && f.Desc:
		order += " DESC, c.id"
	case sorted:
		order += ", c.id"
	case many:
		return newestPage(ctx, tx, q, where, args, limit, offset, page)
	default:
		order = sq.rank + ", c.id"
	}
	query := `SELECT c.id FROM ` + sq.from + where + ` ORDER BY ` + order
	var ids []int64
	if many {
		ids, err = int64s(ctx, tx, query+` LIMIT ? OFFSET ?`, append(args, limit+1, offset)...)
		if err == nil {
			err = countPast(ctx, tx, sq.from, where, args, len(ids), limit, offset, page)
		}
		ids = ids[:min(len(ids), limit)]
	} else {
		// Few matches: all of them are ordered anyway, so count them here.
		ids, err = int64s(ctx, tx, query, args...)
		page.Total = len(ids)
		ids = ids[min(offset, len(ids)):min(offset+limit, len(ids))]
	}
	if err != nil {
		return fmt.Errorf("storage: search: %w", err)
	}
	if len(ids) == 0 {
		return nil
	}
	return highlightRows(ctx, tx, q, ids, page)
}

// newestPage reads the page of a search matching many, newest first, with
// its hits, one row past it to tell whether more follow.
func newestPage(ctx context.Context, tx queryer, q, where string, args []any, limit, offset int, page *model.CandidatePage) error {
	sq := searchOf(tx.engine())
	query := `SELECT ` + sqlRowColumns + `, ` + sq.hits + ` FROM ` + sq.from + where +
		` ORDER BY ` + sq.key + ` DESC LIMIT ? OFFSET ?`
	mark := sq.marker(q)
	err := each(ctx, tx, query, append(args, limit+1, offset), func(sc scanner) error {
		r, err := scanRow(sc, mark)
		page.Rows = append(page.Rows, r)
		return err
	})
	if err == nil {
		err = countPast(ctx, tx, sq.from, where, args, len(page.Rows), limit, offset, page)
	}
	if err != nil {
		return fmt.Errorf("storage: search: %w", err)
	}
	page.Rows = page.Rows[:min(len(page.Rows), limit)]
	return nil
}

// archivedMatches counts the archived candidates a search (with its
// filters) matches and leaves out, so the table can say "1 archived match"
// instead of "no match". Only a search matching few is counted (at most
// fewMatches rows to check); one matching many has live results to show.
func archivedMatches(ctx context.Context, tx queryer, f model.CandidateFilter, q string) (int, error) {
	if many, err := manyMatches(ctx, tx, q); err != nil || many {
		return 0, err
	}
	f.IncludeArchived = true
	where, args := filterSQL(tx.engine(), f, q)
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+searchOf(tx.engine()).from+where+` AND c.archived_at <> ''`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("storage: count archived matches: %w", err)
	}
	return n, nil
}

// countPast sets the Total of a page read with one row past it (got rows):
// "at least this page" when that row came, else exact. Past the end there
// is no row to count from, so only then are the matches counted.
func countPast(ctx context.Context, tx queryer, from, where string, args []any, got, limit, offset int, page *model.CandidatePage) error {
	if got == 0 && offset > 0 {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM `+from+where, args...).Scan(&page.Total)
	}
	page.Total, page.AtLeast = offset+min(got, limit), got > limit
	return nil
}

// highlightRows reads the rows of ids with their hits, in the order of ids.
// FTS5 reads the doclists between the page's lowest and highest rowid; the
// IN list (kept from FTS5 by the unary +, which would otherwise run the
// whole match once per id) then keeps the page's rows alone, and only they
// are highlighted.
func highlightRows(ctx context.Context, tx queryer, q string, ids []int64, page *model.CandidatePage) error {
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = fmt.Sprint(id) // integers from our own query: safe to inline
	}
	sq := searchOf(tx.engine())
	query := `SELECT ` + sqlRowColumns + `, ` + sq.hits + ` FROM ` + sq.from + `
		WHERE ` + sq.match + ` AND ` + sq.key + ` BETWEEN ? AND ?
		AND +` + sq.key + ` IN (` + strings.Join(list, ",") + `)`
	byID := make(map[int64]model.CandidateRow, len(ids))
	mark := sq.marker(q)
	err := each(ctx, tx, query, []any{q, slices.Min(ids), slices.Max(ids)}, func(sc scanner) error {
		r, err := scanRow(sc, mark)
		byID[r.ID] = r
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: search highlights: %w", err)
	}
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			page.Rows = append(page.Rows, r)
		}
	}
	return nil
}

// scanRow reads a row of the table and its hits (empty when not searching),
// marked by mark when the engine did not mark them.
func scanRow(sc scanner, mark func(field int, text string) string) (model.CandidateRow, error) {
	var r model.CandidateRow
	var hl [4]string
	if err := sc.Scan(&r.ID, &r.Name, &r.Email, &r.Source, &r.Location, &r.UpdatedAt, &r.ArchivedAt,
		&hl[0], &hl[1], &hl[2], &hl[3]); err != nil {
		return r, err
	}
	r.Tags, r.Applications, r.Hits = []string{}, []model.AppSummary{}, []model.SearchHit{}
	for i, field := range []string{"name", "email", "notes", "resume"} {
		if mark != nil {
			hl[i] = mark(i, hl[i])
		}
		if strings.Contains(hl[i], markOpen) {
			r.Hits = append(r.Hits, model.SearchHit{Field: field, Snippet: Spans(hl[i])})
		}
	}
	return r, nil
}

// fillRowDetails loads tags and applications for a page of rows in two queries.
func fillRowDetails(ctx context.Context, tx queryer, rows []model.CandidateRow, index map[int64]int) error {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = fmt.Sprint(r.ID) // integers from our own scan: safe to inline
	}
	in := "(" + strings.Join(ids, ",") + ")"
	err := each(ctx, tx, `SELECT candidate_id, tag FROM candidate_tags WHERE candidate_id IN `+in+` ORDER BY candidate_id, position`, nil,
		func(sc scanner) error {
			var id int64
			var tag string
			if err := sc.Scan(&id, &tag); err != nil {
				return err
			}
			r := &rows[index[id]]
			r.Tags = append(r.Tags, tag)
			return nil
		})
	if err != nil {
		return err
	}
	return each(ctx, tx, `SELECT a.candidate_id, a.id, a.role_id, r.title, a.stage_id, s.name, s.kind
		FROM applications a JOIN roles r ON r.id = a.role_id JOIN stages s ON s.id = a.stage_id
		WHERE a.candidate_id IN `+in+` ORDER BY a.created_at, a.id`, nil,
		func(sc scanner) error {
			var id int64
			var a model.AppSummary
			if err := sc.Scan(&id, &a.ApplicationID, &a.RoleID, &a.RoleTitle, &a.StageID, &a.StageName, &a.StageKind); err != nil {
				return err
			}
			r := &rows[index[id]]
			r.Applications = append(r.Applications, a)
			return nil
		})
}

// Spans splits marked text into plain and matching pieces.
func Spans(marked string) []model.TextSpan {
	var out []model.TextSpan
	for marked != "" {
		i := strings.Index(marked, markOpen)
		if i < 0 {
			out = append(out, model.TextSpan{Text: marked})
			break
		}
		if i > 0 {
			out = append(out, model.TextSpan{Text: marked[:i]})
		}
		marked = marked[i+len(markOpen):]
		j := strings.Index(marked, markClose)
		if j < 0 {
			j = len(marked)
		}
		out = append(out, model.TextSpan{Text: marked[:j], Match: true})
		marked = strings.TrimPrefix(marked[j:], markClose)
	}
	return out
}

// manyMatches says whether more than fewMatches candidates match q, reading
// no further than that.
func manyMatches(ctx context.Context, q queryer, arg string) (bool, error) {
	var many bool
	query := `SELECT EXISTS (SELECT 1 FROM candidate_search WHERE ` + searchOf(q.engine()).match + ` LIMIT 1 OFFSET ?)`
	if err := q.QueryRowContext(ctx, query, arg, fewMatches).Scan(&many); err != nil {
		return false, fmt.Errorf("storage: search: %w", err)
	}
	return many, nil
}

// SearchRanked says whether a search for what the user typed is ranked by
// relevance (few candidates match) or lists the newest first (many do).
func (s *Store) SearchRanked(ctx context.Context, query string) (bool, error) {
	q := searchOf(s.d).arg(query)
	if q == "" {
		return false, nil
	}
	many, err := manyMatches(ctx, s.rd, q)
	return !many, err
}

// BareSearch is the baseline the benchmark compares against: the text match
// alone for the same first page, ranked (bm25, ts_rank) or newest first as
// ListCandidates orders it, with no probe, joins, filters, count or
// highlighting. It returns how many rows it read.
func (s *Store) BareSearch(ctx context.Context, query string, limit int, ranked bool) (int, error) {
	sq := searchOf(s.d)
	order := sq.key + " DESC"
	if ranked {
		order = sq.rank
	}
	rows, err := s.rd.QueryContext(ctx, `SELECT `+sq.key+` FROM candidate_search WHERE `+sq.match+` ORDER BY `+order+` LIMIT ?`, sq.arg(query), limit)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

const (
	sqlFacetTags = `SELECT DISTINCT t.tag FROM candidate_tags t JOIN candidates c ON c.id = t.candidate_id WHERE c.archived_at = '' ORDER BY t.tag`
	// GROUP BY, not DISTINCT: PostgreSQL sorts a DISTINCT only by what it selects.
	sqlFacetSources = `SELECT source FROM candidates WHERE source <> '' AND archived_at = '' GROUP BY source ORDER BY source COLLATE NOCASE`
)

// Facets lists the tags and sources in use, for the table's filters.
func (s *Store) Facets(ctx context.Context) (model.Facets, error) {
	f := model.Facets{Tags: []string{}, Sources: []string{}}
	err := s.read(ctx, func(tx queryer) error {
		if err := each(ctx, tx, sqlFacetTags, nil, func(sc scanner) error {
			var t string
			err := sc.Scan(&t)
			f.Tags = append(f.Tags, t)
			return err
		}); err != nil {
			return err
		}
		return each(ctx, tx, sqlFacetSources, nil, func(sc scanner) error {
			var t string
			err := sc.Scan(&t)
			f.Sources = append(f.Sources, t)
			return err
		})
	})
	return f, err
}

// marker is how the hits of a search for arg are marked after the scan
// (nil: the engine marked them).
func (sq *searchSQL) marker(arg string) func(field int, text string) string {
	if sq.mark == nil {
		return nil
	}
	return sq.mark(arg)
}

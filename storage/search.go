// The candidates table: full-text search with highlighted matches, filters, sorting
// and paging, and the tag and source facets.

package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"hirebench/app/model"
)

// Match markers wrapped around hits by highlight()/snippet(); control
// characters cannot appear in stored text, so they cannot be forged.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// FTSQuery turns what a user typed into a safe FTS5 query: every word is
// quoted (so operators and punctuation are literal) and matched as a prefix,
// and all words must occur. It returns "" when there is nothing to search for.
func FTSQuery(input string) string {
	words := strings.FieldsFunc(input, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 16 {
		words = words[:16]
	}
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
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
	// bm25 weights per column: a hit in the name counts most.
	sqlRank = `bm25(candidate_search, 10.0, 5.0, 1.0, 1.0)`
	sqlHits = `highlight(candidate_search, 0, char(2), char(3)), highlight(candidate_search, 1, char(2), char(3)),
		snippet(candidate_search, 2, char(2), char(3), '…', 12), snippet(candidate_search, 3, char(2), char(3), '…', 12)`
)

// ListCandidates returns one page of the candidates table: filtered,
// sorted, and (with a query) full-text searched with highlighted hits.
func (s *Store) ListCandidates(ctx context.Context, f model.CandidateFilter) (model.CandidatePage, error) {
	page := model.CandidatePage{Rows: []model.CandidateRow{}}
	var where []string
	var args []any
	from := `candidates c`
	q := FTSQuery(f.Query)
	if strings.TrimSpace(f.Query) != "" && q == "" {
		return page, nil // only punctuation: nothing can match
	}
	if q != "" {
		from = `candidate_search JOIN candidates c ON c.id = candidate_search.rowid`
		where = append(where, `candidate_search MATCH ?`)
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
		where = append(where, `EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND a.stage_id = ?)`)
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
	whereSQL := ""
	if len(where) > 0 {
		whereSQL = " WHERE " + strings.Join(where, " AND ")
	}
	order, ok := sortColumns[f.Sort]
	switch {
	case ok:
		if f.Desc {
			order += " DESC"
		}
	case q != "":
		order = sqlRank
	default:
		order = "c.updated_at DESC"
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultPage
	}
	limit = min(limit, maxPage)
	hits := `'', '', '', ''`
	if q != "" {
		hits = sqlHits
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+from+whereSQL, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("storage: count candidates: %w", err)
		}
		query := `SELECT c.id, c.name, c.email, c.source, c.location, c.updated_at, c.archived_at, ` + hits +
			` FROM ` + from + whereSQL + ` ORDER BY ` + order + `, c.id LIMIT ? OFFSET ?`
		index := map[int64]int{}
		err := each(ctx, tx, query, append(args, limit, max(f.Offset, 0)), func(sc scanner) error {
			var r model.CandidateRow
			var hl [4]string
			if err := sc.Scan(&r.ID, &r.Name, &r.Email, &r.Source, &r.Location, &r.UpdatedAt, &r.ArchivedAt,
				&hl[0], &hl[1], &hl[2], &hl[3]); err != nil {
				return err
			}
			r.Tags, r.Applications, r.Hits = []string{}, []model.AppSummary{}, []model.SearchHit{}
			for i, field := range []string{"name", "email", "notes", "resume"} {
				if strings.Contains(hl[i], markOpen) {
					r.Hits = append(r.Hits, model.SearchHit{Field: field, Snippet: Spans(hl[i])})
				}
			}
			index[r.ID] = len(page.Rows)
			page.Rows = append(page.Rows, r)
			return nil
		})
		if err != nil || len(page.Rows) == 0 {
			return err
		}
		return fillRowDetails(ctx, tx, page.Rows, index)
	})
	return page, err
}

// fillRowDetails loads tags and applications for a page of rows in two queries.
func fillRowDetails(ctx context.Context, tx *sql.Tx, rows []model.CandidateRow, index map[int64]int) error {
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

// BareSearch is the baseline the benchmark compares against: the FTS5 match
// alone, ranked, with no joins, filters or highlighting.
func (s *Store) BareSearch(ctx context.Context, query string, limit int) (int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT rowid FROM candidate_search WHERE candidate_search MATCH ? ORDER BY rank LIMIT ?`, FTSQuery(query), limit)
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
	sqlFacetTags    = `SELECT DISTINCT t.tag FROM candidate_tags t JOIN candidates c ON c.id = t.candidate_id WHERE c.archived_at = '' ORDER BY t.tag`
	sqlFacetSources = `SELECT DISTINCT source FROM candidates WHERE source <> '' AND archived_at = '' ORDER BY source COLLATE NOCASE`
)

// Facets lists the tags and sources in use, for the table's filters.
func (s *Store) Facets(ctx context.Context) (model.Facets, error) {
	f := model.Facets{Tags: []string{}, Sources: []string{}}
	err := s.read(ctx, func(tx *sql.Tx) error {
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

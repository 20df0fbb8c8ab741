// Full-text search on SQLite: the FTS5 table candidate_search, kept in step
// by triggers (migrations 0002 and 0007). The shared search is search.go.

package storage

import "strings"

// FTSQuery turns what a user typed into a safe FTS5 query: every word is
// quoted (so operators and punctuation are literal) and matched as a prefix,
// and all words must occur. It returns "" when there is nothing to search for.
func FTSQuery(input string) string {
	words := searchWords(input)
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

const (
	// bm25 weights per column: a hit in the name counts most.
	sqlRank = `bm25(candidate_search, 10.0, 5.0, 1.0, 1.0)`
	sqlHits = `highlight(candidate_search, 0, char(2), char(3)), highlight(candidate_search, 1, char(2), char(3)),
		snippet(candidate_search, 2, char(2), char(3), '…', 12), snippet(candidate_search, 3, char(2), char(3), '…', 12)`
	// The text-match side drives the join (CROSS JOIN keeps the planner from
	// scanning candidates and probing the index once per row).
	sqlSearchFrom = `candidate_search CROSS JOIN candidates c ON c.id = candidate_search.rowid`
)

var sqliteSearch = searchSQL{
	arg:   FTSQuery,
	from:  sqlSearchFrom,
	match: `candidate_search MATCH ?`,
	key:   `candidate_search.rowid`,
	rank:  sqlRank,
	hits:  sqlHits,
}

// Full-text search on PostgreSQL (team mode, issue 15): the table
// candidate_search with a generated tsvector and a GIN index, kept in step
// by triggers (migrations/postgres/0002_search.sql). What the user typed
// reaches the server as plain words, which search_query folds and quotes
// itself, so no tsquery syntax can be injected. PostgreSQL's ts_headline
// parses the raw text its own way (an email is one word), so the matches
// are marked here, with the words as the server folds them.

package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var postgresSearch = searchSQL{
	arg:   func(input string) string { return strings.Join(searchWords(input), " ") },
	from:  `candidate_search JOIN candidates c ON c.id = candidate_search.candidate_id`,
	match: `candidate_search.words @@ search_query(?)`,
	key:   `candidate_search.candidate_id`,
	// ts_rank's weights for D, C, B, A: the name counts most, as in SQLite's
	// bm25 weights (name 10, email 5, notes and resume 1).
	rank: `ts_rank('{0.1, 0.1, 0.5, 1.0}', candidate_search.words, search_query(?1)) DESC`,
	hits: `candidate_search.name, candidate_search.email, candidate_search.notes, candidate_search.resume`,
	mark: markWords,
}

// snippetTokens is how many words a snippet of notes or resume shows, as
// SQLite's snippet() is asked for.
const snippetTokens = 12

// markWords marks, in a hit's text, the words the search for arg matches:
// the name and email whole (SQLite's highlight()), notes and resume as a
// snippet of the best snippetTokens words (SQLite's snippet()).
func markWords(arg string) func(field int, text string) string {
	var want []string
	for _, t := range foldedWords(arg) {
		want = append(want, t.folded)
	}
	return func(field int, text string) string {
		words := foldedWords(text)
		hit := make([]bool, len(words))
		found := false
		for i, w := range words {
			for _, p := range want {
				if strings.HasPrefix(w.folded, p) {
					hit[i], found = true, true
					break
				}
			}
		}
		if !found {
			return text
		}
		from, to := 0, len(words)
		if field >= 2 && len(words) > snippetTokens {
			from = bestWindow(hit, snippetTokens)
			to = from + snippetTokens
		}
		var b strings.Builder
		start := 0 // the text before the first word shown is kept only at its start
		if from > 0 {
			b.WriteString("…")
			start = words[from].start
		}
		end := len(text)
		if to < len(words) {
			end = words[to-1].end
		}
		at := start
		for i := from; i < to; i++ {
			if !hit[i] {
				continue
			}
			b.WriteString(text[at:words[i].start])
			b.WriteString(markOpen + text[words[i].start:words[i].end] + markClose)
			at = words[i].end
		}
		b.WriteString(text[at:end])
		if to < len(words) {
			b.WriteString("…")
		}
		return b.String()
	}
}

// bestWindow is where a window of n words holding the most matches starts,
// the first match in it a word or two from its start where the text allows.
func bestWindow(hit []bool, n int) int {
	best, bestScore := 0, -1
	for from := 0; from+n <= len(hit); from++ {
		count, first := 0, -1
		for i := from; i < from+n; i++ {
			if hit[i] {
				count++
				if first < 0 {
					first = i
				}
			}
		}
		if count == 0 {
			continue
		}
		lead := first - from
		score := count*n - max(lead-2, 2-lead, 0)
		if from == 0 { // the text's start needs no lead
			score = count*n - max(lead-2, 0)
		}
		if score > bestScore {
			best, bestScore = from, score
		}
	}
	return best
}

// word is one word of a text: where it is, and folded as the server folds it.
type word struct {
	start, end int
	folded     string
}

// foldedWords splits text into words as search_fold does (separatorRune)
// and folds each: lower case, accents of Latin letters removed.
func foldedWords(text string) []word {
	var out []word
	start := -1
	for i, r := range text + " " {
		switch sep := separatorRune(r); {
		case !sep && start < 0:
			start = i
		case sep && start >= 0:
			out = append(out, word{start: start, end: i, folded: foldWord(text[start:i])})
			start = -1
		}
	}
	return out
}

// foldWord is search_fold for one word: lower case, then the combining
// accents (U+0300–U+036F) that follow a Latin letter a–z dropped.
func foldWord(w string) string {
	if ascii(w) { // most words: nothing to decompose
		return strings.ToLower(w)
	}
	d := norm.NFD.String(strings.ToLower(w))
	var b strings.Builder
	latin := false
	for _, r := range d {
		if latin && r >= 0x300 && r <= 0x36f {
			continue
		}
		latin = r >= 'a' && r <= 'z'
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// separatorRune says whether r separates words: the same code points as
// search_fold's list (ASCII and Latin-1 punctuation, general and CJK
// punctuation, full-width forms), and white space.
func separatorRune(r rune) bool {
	switch {
	case r < 0x80:
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	case r <= 0xbf:
		return !(r == 0xaa || r == 0xb2 || r == 0xb3 || r == 0xb5 || r == 0xb9 || r == 0xba || r >= 0xbc && r <= 0xbe)
	case r == 0xd7 || r == 0xf7:
		return true
	case r >= 0x2000 && r <= 0x206f:
		return true
	case r >= 0x3000 && r <= 0x3004, r >= 0x3008 && r <= 0x3020, r == 0x3030, r == 0x303d:
		return true
	case r >= 0xfe30 && r <= 0xfe4f, r >= 0xff01 && r <= 0xff0f, r >= 0xff1a && r <= 0xff20,
		r >= 0xff3b && r <= 0xff40, r >= 0xff5b && r <= 0xff65:
		return true
	}
	return unicode.IsSpace(r)
}

// Tests of search on PostgreSQL beside SQLite: tsquery syntax typed by a
// user stays literal, search as you type finds and highlights the same words
// on both engines, and a resume too large for one tsvector is still saved.

package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/storage/pgtest"
)

// The server builds the tsquery from words it folds and quotes itself, so
// even text that skipped the app's own word splitting is never parsed as
// tsquery syntax.
func TestSearchQueryNeverParsesWhatWasTyped(t *testing.T) {
	pg := pgtest.Open(t)
	if err := pgMigrateTo(context.Background(), pg, -1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ typed, want string }{
		{`a & !b | c:*`, `'a':* & 'b':* & 'c':*`},
		{`nora <-> near`, `'near':* & 'nora':*`},
		{`(x | y) & !z`, `'x':* & 'y':* & 'z':*`},
		{`x:A y:*B`, `'a':* & 'b':* & 'x':* & 'y':*`},
		{`o'neil`, `'neil':* & 'o':*`},
		{`back\slash`, `'back':* & 'slash':*`},
		{`it''s \' done`, `'done':* & 'it':* & 's':*`},
		{`Spärck JONES`, `'jones':* & 'sparck':*`},
		{`“Zoë”—Ørsted`, `'zoe':* & 'ørsted':*`},
		{`日本語`, `'日本語':*`},
		{`'`, ``},
		{`\`, ``},
		{`!!! & | ( ) :*`, ``},
		{``, ``},
	} {
		var got *string
		if err := pg.QueryRow(`SELECT search_query($1)::text`, tc.typed).Scan(&got); err != nil {
			t.Errorf("search_query(%q): %v", tc.typed, err)
			continue
		}
		if got == nil && tc.want != "" || got != nil && *got != tc.want {
			t.Errorf("search_query(%q) = %v, want %q (NULL for no words)", tc.typed, deref(got), tc.want)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "NULL"
	}
	return fmt.Sprintf("%q", *s)
}

// tsquery's operators and quoting typed into the search box are words or
// punctuation, never operators: no error, never everyone.
func TestHostileTsquerySyntaxIsLiteral(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		abc := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Abe Bing", ResumeText: "Cole street"}})
		cee := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Cee Cee", ResumeText: "clean code"}})
		irish := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Siobhan O'Neil", ResumeText: `C:\back\slash paths`}})
		zoe := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Zoë Ørsted", Email: "zoe@example.com", ResumeText: "日本語テキスト"}})
		for _, tc := range []struct {
			query string
			want  []int64
		}{
			{`a & !b | c:*`, ids(abc.ID)},                  // as operators: Abe, or anyone with a c-word
			{`!cee`, ids(cee.ID)},                          // not a NOT
			{`cee | abe`, ids()},                           // not an OR
			{`c:*`, ids(abc.ID, cee.ID, irish.ID, zoe.ID)}, // Zoë's email ends in com
			{`cee:A`, ids()},                               // not a weight: "a" is a word nobody called Cee has
			{`(clean <-> code)`, ids(cee.ID)},
			{`o'neil`, ids(irish.ID)},
			{`O'`, ids(irish.ID)},
			{`back\slash`, ids(irish.ID)},
			{`'`, ids()},
			{`''`, ids()},
			{`\`, ids()},
			{`\'; SELECT 1; --`, ids()},
			{`:* & | ! ( )`, ids()},
			{"nul\x00l", ids()},
			{`ZOE orsted`, ids()}, // ø is a letter of its own, as in FTS5
			{`zoe ørs`, ids(zoe.ID)},
			{`日本`, ids(zoe.ID)},
			{strings.Repeat(`a & `, 500), ids(abc.ID)},
		} {
			page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: tc.query})
			if err != nil {
				t.Errorf("query %q: %v", tc.query, err)
				continue
			}
			got := ids(pageIDs(page.Rows)...)
			if !slices.Equal(got, tc.want) {
				t.Errorf("query %q found %v, want %v", tc.query, got, tc.want)
			}
			if ranked, err := s.SearchRanked(ctx, tc.query); err != nil || !ranked && len(searchWords(tc.query)) > 0 {
				t.Errorf("SearchRanked(%q) = %v, %v", tc.query, ranked, err)
			}
		}
	})
}

// Each keystroke of a name finds the candidate and highlights the whole word.
func TestSearchAsYouType(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@analytical.example"}})
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Love Lace", Email: "lace@example.com"}})
		typed := "lovelace"
		for n := 1; n <= len(typed); n++ {
			want := ids(ada.ID)
			if n <= 4 {
				want = nil // "l" to "love" also find Love Lace
			}
			page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "ada " + typed[:n]})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(pageIDs(page.Rows)...); !slices.Equal(got, ids(ada.ID)) {
				t.Errorf("%q found %v, want Ada alone", "ada "+typed[:n], got)
			}
			only, err := s.ListCandidates(ctx, model.CandidateFilter{Query: typed[:n]})
			if err != nil {
				t.Fatal(err)
			}
			if want != nil && !slices.Equal(ids(pageIDs(only.Rows)...), want) || want == nil && len(only.Rows) != 2 {
				t.Errorf("%q found %v", typed[:n], pageIDs(only.Rows))
			}
			if len(page.Rows) == 1 {
				name := page.Rows[0].Hits[0]
				wantSpans := []model.TextSpan{{Text: "Ada", Match: true}, {Text: " "}, {Text: "Lovelace", Match: true}}
				if name.Field != "name" || !slices.Equal(name.Snippet, wantSpans) {
					t.Errorf("%q highlights %+v, want the whole of both words of the name", "ada "+typed[:n], page.Rows[0].Hits)
				}
			}
		}
		if got := search(t, s, "lovelacex", false); len(got) != 0 {
			t.Errorf("one letter past the name still finds %v", got)
		}
	})
}

// The same search marks the same words of a name, an email and a short note
// on both engines.
func TestSearchHighlightsAlikeOnBothEngines(t *testing.T) {
	hits := map[string][]string{}
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Mateo Fernández-Ørsted", Email: "mateo.fernandez@cafe-ole.example"}})
		if _, err := s.AddNote(ctx, c.ID, "Met Mateo at Zürich's café (twice); FERNANDEZ knows Go.", tester); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"mat", "fernandez", "FERN", "cafe", "café zur", "ørsted", "go", "x-ray mateo"} {
			page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range page.Rows {
				for _, h := range r.Hits {
					got = append(got, fmt.Sprintf("%s %+v", h.Field, h.Snippet))
				}
			}
			engine := t.Name()[strings.LastIndex(t.Name(), "/")+1:]
			hits[engine+" "+q] = got
		}
	})
	for key, lite := range hits {
		q, ok := strings.CutPrefix(key, "sqlite ")
		if !ok {
			continue
		}
		if pg, ran := hits["postgres "+q]; ran && !slices.Equal(pg, lite) {
			t.Errorf("search %q marks\n  on SQLite:     %q\n  on PostgreSQL: %q", q, lite, pg)
		}
	}
	if len(hits["sqlite mat"]) == 0 {
		t.Fatal("no hits to compare")
	}
}

// A resume holding more distinct words than one tsvector takes (1 MB) is
// still saved, and its start is still found.
func TestSearchKeepsAResumeTooLargeToIndexWhole(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		var b strings.Builder
		b.WriteString("Quokka wrangler. ")
		for i, n := 0, 0; n < model.MaxResumeText-40; i++ {
			w := fmt.Sprintf("ωμέγα%dλάμβδα ", i) // two bytes a letter: over 1 MB of distinct words
			b.WriteString(w)
			n += utf8.RuneCountInString(w)
		}
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Big Resume", ResumeText: b.String()}})
		if got := search(t, s, "quokka", false); !slices.Equal(got, ids(c.ID)) {
			t.Errorf("search for the resume's first word = %v, want [%d]", got, c.ID)
		}
	})
}

// A long note or resume is shown as its best dozen words, cut with "…".
func TestMarkWordsSnippet(t *testing.T) {
	text := "One two three four five six seven eight nine ten eleven twelve thirteen. " +
		"The candidate built a compiler in Go, then another compiler, and then slept for fourteen days."
	got := Spans(markWords("compil")(3, text))
	var whole strings.Builder
	var matched []string
	for _, sp := range got {
		whole.WriteString(sp.Text)
		if sp.Match {
			matched = append(matched, sp.Text)
		}
	}
	if want := []string{"compiler", "compiler"}; !slices.Equal(matched, want) {
		t.Errorf("matches %q, want %q", matched, want)
	}
	w := whole.String()
	if !strings.HasPrefix(w, "…") || !strings.HasSuffix(w, "…") || len(strings.Fields(strings.Trim(w, "…"))) > snippetTokens {
		t.Errorf("snippet %q: want at most %d words with … at both ends", w, snippetTokens)
	}
	// The name and email are marked whole.
	if got := markWords("ada")(1, "ada.ada@adage.example"); got != "\x02ada\x03.\x02ada\x03@\x02adage\x03.example" {
		t.Errorf("email marked %q", got)
	}
	if got := markWords("zzz")(0, "Ada Lovelace"); got != "Ada Lovelace" {
		t.Errorf("a text the search does not match is marked %q", got)
	}
}

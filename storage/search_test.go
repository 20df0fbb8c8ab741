// Tests of full-text search: the index follows every write, highlights come
// back as spans, hostile queries stay literal, prefixes and diacritics match.

package storage

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
)

func TestSearchIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@analytical.example", ResumeText: "Difference engine programmer"}})
		bystander := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Bystander Person", Email: "by@stander.example", ResumeText: "Unrelated work"}})
		update := func(fn func(c *model.Candidate)) {
			t.Helper()
			clk.Advance(time.Minute)
			if _, err := s.UpdateCandidate(ctx, ada.ID, 0, tester, func(c *model.Candidate) error { fn(c); return nil }); err != nil {
				t.Fatal(err)
			}
		}
		var attachmentID int64

		steps := []struct {
			name  string
			do    func()
			found []string // queries that must find Ada (and only Ada)
			gone  []string // queries that must no longer find Ada
		}{
			{"insert", func() {}, []string{"lovelace", "analytical", "engine"}, nil},
			{"rename", func() { update(func(c *model.Candidate) { c.Name = "Ada King" }) }, []string{"king", "engine"}, []string{"lovelace"}},
			{"new email", func() { update(func(c *model.Candidate) { c.Email = "countess@lovelace.example" }) }, []string{"countess", "king"}, []string{"analytical"}},
			{"new resume", func() { update(func(c *model.Candidate) { c.ResumeText = "Wrote the first algorithm" }) }, []string{"algorithm"}, []string{"engine"}},
			{"note", func() {
				if _, err := s.AddNote(ctx, ada.ID, "Mentioned Babbage twice", tester); err != nil {
					t.Fatal(err)
				}
			}, []string{"babbage", "algorithm", "king"}, nil},
			{"attachment", func() {
				a, err := s.AddAttachment(ctx, ada.ID, "cv.txt", "text/plain", []byte("x"), "Poetical science enthusiast")
				if err != nil {
					t.Fatal(err)
				}
				attachmentID = a.ID
			}, []string{"poetical", "algorithm", "babbage"}, nil},
			{"resume edit keeps attachment text", func() { update(func(c *model.Candidate) { c.ResumeText = "Notes on the engine" }) },
				[]string{"poetical", "engine", "babbage"}, []string{"algorithm"}},
			{"attachment deleted", func() {
				if err := s.DeleteAttachment(ctx, attachmentID); err != nil {
					t.Fatal(err)
				}
			}, []string{"engine", "babbage"}, []string{"poetical"}},
			{"second note keeps the first", func() {
				if _, err := s.AddNote(ctx, ada.ID, "Strong on Bernoulli numbers", tester); err != nil {
					t.Fatal(err)
				}
			}, []string{"bernoulli", "babbage"}, nil},
		}
		for _, st := range steps {
			st.do()
			for _, q := range st.found {
				if got := search(t, s, q, false); !slices.Equal(got, ids(ada.ID)) {
					t.Errorf("after %s: search %q = %v, want [%d]", st.name, q, got, ada.ID)
				}
			}
			for _, q := range st.gone {
				if got := search(t, s, q, false); len(got) != 0 {
					t.Errorf("after %s: search %q = %v, want nothing", st.name, q, got)
				}
			}
			if got := search(t, s, "stander", false); !slices.Equal(got, ids(bystander.ID)) {
				t.Errorf("after %s: the bystander is no longer found: %v", st.name, got)
			}
		}
	})
}

func TestSearchExcludesArchivedUnlessAsked(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		live := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Radia Perlman", ResumeText: "spanning tree"}})
		old := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Old Perlman", ResumeText: "spanning tree too"}})
		if _, err := s.SetArchived(ctx, old.ID, true, tester); err != nil {
			t.Fatal(err)
		}
		if got := search(t, s, "spanning", false); !slices.Equal(got, ids(live.ID)) {
			t.Errorf("search without archived = %v, want [%d]", got, live.ID)
		}
		if got := search(t, s, "spanning", true); !slices.Equal(got, ids(live.ID, old.ID)) {
			t.Errorf("search with archived = %v, want both", got)
		}
		if _, err := s.SetArchived(ctx, old.ID, false, tester); err != nil {
			t.Fatal(err)
		}
		if got := search(t, s, "spanning", false); !slices.Equal(got, ids(live.ID, old.ID)) {
			t.Errorf("after restore search = %v, want both", got)
		}
	})
}

func TestSearchHighlights(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com", ResumeText: "Long before computers existed she described loops for the Analytical Engine."}})
		if _, err := s.AddNote(ctx, c.ID, "Talked about the engine for an hour.", tester); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			query      string
			fields     []string // fields that must report a hit
			matchWords []string // each must be a Match span in some hit
		}{
			{"lov", []string{"name"}, []string{"Lovelace"}},
			{"engine", []string{"notes", "resume"}, []string{"engine", "Engine"}},
			{"ada", []string{"name", "email"}, []string{"Ada", "ada"}},
			{"loops analytical", []string{"resume"}, []string{"loops", "Analytical"}},
		}
		for _, tc := range tests {
			t.Run(tc.query, func(t *testing.T) {
				page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: tc.query})
				if err != nil {
					t.Fatal(err)
				}
				if len(page.Rows) != 1 {
					t.Fatalf("%d rows, want 1", len(page.Rows))
				}
				hits := page.Rows[0].Hits
				var fields []string
				matched := map[string]bool{}
				for _, h := range hits {
					fields = append(fields, h.Field)
					var whole strings.Builder
					for _, sp := range h.Snippet {
						whole.WriteString(sp.Text)
						if sp.Match {
							matched[sp.Text] = true
							// A highlighted span is a word the user typed (or one it prefixes).
							ok := false
							for _, w := range strings.Fields(tc.query) {
								if strings.HasPrefix(strings.ToLower(sp.Text), w) {
									ok = true
								}
							}
							if !ok {
								t.Errorf("field %s highlights %q, which the query %q does not match", h.Field, sp.Text, tc.query)
							}
						}
					}
					if strings.ContainsAny(whole.String(), markOpen+markClose) {
						t.Errorf("field %s snippet leaks match markers: %q", h.Field, whole.String())
					}
				}
				for _, f := range tc.fields {
					if !slices.Contains(fields, f) {
						t.Errorf("hits on fields %v, want a hit on %s", fields, f)
					}
				}
				for _, w := range tc.matchWords {
					if !matched[w] {
						t.Errorf("no Match span %q among %v", w, matched)
					}
				}
			})
		}
		// Without a query there is nothing to highlight.
		page, err := s.ListCandidates(ctx, model.CandidateFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Rows) != 1 || len(page.Rows[0].Hits) != 0 {
			t.Errorf("unsearched list has hits: %+v", page.Rows)
		}
	})
}

func TestSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []model.TextSpan
	}{
		{"", nil},
		{"plain", []model.TextSpan{{Text: "plain"}}},
		{"a \x02hit\x03 b", []model.TextSpan{{Text: "a "}, {Text: "hit", Match: true}, {Text: " b"}}},
		{"\x02x\x03\x02y\x03", []model.TextSpan{{Text: "x", Match: true}, {Text: "y", Match: true}}},
		{"unclosed \x02tail", []model.TextSpan{{Text: "unclosed "}, {Text: "tail", Match: true}}},
	}
	for _, tc := range tests {
		if got := Spans(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Spans(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestHostileQueriesAreLiteral(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		nora := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Nora Near", ResumeText: "x-ray col:foo"}})
		apple := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Apple Person", ResumeText: "plain text"}})
		tests := []struct {
			query string
			want  []int64
		}{
			{`apple`, ids(apple.ID)}, // control: the fixture is searchable
			{`NEAR(`, ids(nora.ID)},
			{`NEAR(nora near)`, ids(nora.ID)},
			{`"a" OR b*`, ids()},      // OR is a word here, not an operator that would match Apple
			{`apple OR nora`, ids()},  // likewise: all words must occur
			{`-x`, ids(nora.ID)},      // not a NOT
			{`NOT apple`, ids()},      // not a NOT either
			{`col:foo`, ids(nora.ID)}, // not a column filter
			{`name:apple`, ids()},     // ditto: a real column filter would find Apple
			{`^nora`, ids(nora.ID)},
			{`nora*`, ids(nora.ID)},
			{`"unbalanced`, ids()},
			{`!!! ??? ...`, ids()},
			{`"`, ids()},
			{`*`, ids()},
			{`()`, ids()},
			{`'; DROP TABLE candidates; --`, ids()},
			{`AND`, ids()},
			{strings.Repeat("nora ", 200), ids(nora.ID)},
		}
		for _, tc := range tests {
			t.Run(tc.query[:min(len(tc.query), 30)], func(t *testing.T) {
				page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: tc.query})
				if err != nil {
					t.Fatalf("query %q: %v", tc.query, err)
				}
				var got []int64
				for _, r := range page.Rows {
					got = append(got, r.ID)
				}
				slices.Sort(got)
				if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
					t.Errorf("query %q found %v, want %v", tc.query, got, tc.want)
				}
				if page.Total != len(page.Rows) {
					t.Errorf("Total = %d with %d rows", page.Total, len(page.Rows))
				}
				if n, err := s.BareSearch(ctx, tc.query, 10, true); err != nil && FTSQuery(tc.query) != "" {
					t.Errorf("BareSearch(%q) = %d, %v", tc.query, n, err)
				}
			})
		}
		if n, _ := s.CountCandidates(ctx); n != 2 {
			t.Fatalf("%d candidates after hostile queries, want 2", n)
		}
	})
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"!!! --- ...", ""},
		{"lov", `"lov"*`},
		{`"a" OR b*`, `"a"* "OR"* "b"*`},
		{"col:foo", `"col"* "foo"*`},
		{"Spärck Jones", `"Spärck"* "Jones"*`},
	}
	for _, tc := range tests {
		if got := FTSQuery(tc.in); got != tc.want {
			t.Errorf("FTSQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Whatever is typed, no double quote survives inside a quoted word.
	for _, in := range []string{`a"b`, `"""`, `x" OR "y`, "a\x00b", "\u201ca\u201d"} {
		q := FTSQuery(in)
		for _, w := range strings.Fields(q) {
			inner := strings.TrimSuffix(strings.TrimPrefix(w, `"`), `"*`)
			if strings.Contains(inner, `"`) || !strings.HasPrefix(w, `"`) || !strings.HasSuffix(w, `"*`) {
				t.Errorf("FTSQuery(%q) = %q: word %q is not a safely quoted prefix", in, q, w)
			}
		}
	}
}

func TestSearchPrefixAndDiacritics(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
		karen := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Karen Spärck Jones"}})
		mateo := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Mateo Fernández", ResumeText: "Café owner in Zürich"}})
		tests := []struct {
			query string
			want  []int64
		}{
			{"lov", ids(ada.ID)},
			{"LOVE", ids(ada.ID)},
			{"lovelace", ids(ada.ID)},
			{"lovelacex", ids()},
			{"sparck", ids(karen.ID)},
			{"spärck", ids(karen.ID)},
			{"SPARCK jon", ids(karen.ID)},
			{"fernandez", ids(mateo.ID)},
			{"zurich cafe", ids(mateo.ID)},
			{"ada karen", ids()},
		}
		for _, tc := range tests {
			if got := search(t, s, tc.query, false); !slices.Equal(got, tc.want) {
				t.Errorf("search %q = %v, want %v", tc.query, got, tc.want)
			}
		}
	})
}

func TestSearchRanksNameHitsFirst(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		mentions := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Someone Else", ResumeText: "Read a paper by Turing on morphogenesis."}})
		clk.Advance(time.Hour)
		turing := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Alan Turing"}})
		clk.Advance(time.Hour)
		// Touch the resume-only match so it is the most recently updated.
		if _, err := s.AddNote(ctx, mentions.ID, "follow up", tester); err != nil {
			t.Fatal(err)
		}
		page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "turing"})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Rows) != 2 || page.Rows[0].ID != turing.ID {
			t.Fatalf("rows = %+v, want the name match (%d) first", page.Rows, turing.ID)
		}
	})
}

// Tests of a search that matches many candidates (more than fewMatches): the
// newest come first, the count stops at the page, paging still reaches every
// match once, filters hold, and searches matching few stay ranked.

package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
)

// seedMany inserts n candidates in one transaction; text(i) is the resume
// of the i-th (0-based) and name(i) its name. It returns their ids in
// insertion order.
func seedMany(t *testing.T, s *Store, n int, name, text func(i int) string) []int64 {
	t.Helper()
	var ids []int64
	err := s.Write(context.Background(), func(tx *Tx) error {
		for i := range n {
			at := tx.Now()
			id, err := tx.InsertCandidate(model.Candidate{CandidateInput: model.CandidateInput{Name: name(i),
				Email: fmt.Sprintf("c%d@example.com", i), ResumeText: text(i)}, CreatedAt: at, UpdatedAt: at})
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func pageIDs(rows []model.CandidateRow) []int64 {
	out := []int64{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestSearchManyMatchesNewestFirst(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		n := fewMatches + 120
		ids := seedMany(t, s, n, func(i int) string { return fmt.Sprintf("Person %d", i) },
			func(int) string { return "Python and SQL" })
		newest := slices.Clone(ids)
		slices.Reverse(newest)

		page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "pyth", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if got := pageIDs(page.Rows); !slices.Equal(got, newest[:50]) {
			t.Errorf("first page = %v…, want the 50 newest, newest first (%v…)", got[:min(5, len(got))], newest[:5])
		}
		if page.Total != 50 || !page.AtLeast {
			t.Errorf("Total = %d, AtLeast = %v; want 50 and at least (\"50+\")", page.Total, page.AtLeast)
		}
		for _, r := range page.Rows {
			if len(r.Hits) != 1 || r.Hits[0].Field != "resume" || !slices.Contains(r.Hits[0].Snippet, model.TextSpan{Text: "Python", Match: true}) {
				t.Fatalf("row %d hits = %+v, want the resume with Python highlighted", r.ID, r.Hits)
			}
		}

		// Paging on reaches every match exactly once; the last page counts exactly.
		var all []int64
		for offset := 0; ; offset += 50 {
			p, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "pyth", Limit: 50, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, pageIDs(p.Rows)...)
			if !p.AtLeast {
				if p.Total != n {
					t.Errorf("last page (offset %d): Total = %d, want %d", offset, p.Total, n)
				}
				break
			}
			if offset > n {
				t.Fatalf("still AtLeast at offset %d of %d matches", offset, n)
			}
		}
		if !slices.Equal(all, newest) {
			t.Errorf("pages joined: %d ids, want all %d newest first, each once", len(all), n)
		}
		// Past the end: nothing, and the exact count.
		p, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "pyth", Limit: 50, Offset: n + 50})
		if err != nil || len(p.Rows) != 0 || p.Total != n || p.AtLeast {
			t.Errorf("past the end: %d rows, Total %d, AtLeast %v, %v; want none of exactly %d", len(p.Rows), p.Total, p.AtLeast, err, n)
		}

		// A sort the user picked still holds over all matches.
		p, err = s.ListCandidates(ctx, model.CandidateFilter{Query: "python", Sort: "name", Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(p.Rows), []string{"Person 0", "Person 1", "Person 10"}; !slices.Equal(got, want) || !p.AtLeast {
			t.Errorf("sorted by name: %v (AtLeast %v), want %v and more", got, p.AtLeast, want)
		}
	})
}

func TestSearchManyMatchesKeepsFilters(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		role := mustRole(t, s, "Data Engineer")
		ids := seedMany(t, s, fewMatches+100, func(i int) string { return fmt.Sprintf("Person %d", i) },
			func(int) string { return "kafka streams" })
		newest := ids[len(ids)-1]
		if _, err := s.SetArchived(ctx, newest, true, tester); err != nil {
			t.Fatal(err)
		}
		applied := []int64{ids[3], ids[len(ids)-2]} // one old, one recent
		for _, id := range applied {
			if _, err := s.Apply(ctx, id, role.ID, tester); err != nil {
				t.Fatal(err)
			}
		}
		page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "kafka", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(pageIDs(page.Rows), newest) || len(page.Rows) != 50 {
			t.Errorf("%d rows, archived %d among them: %v", len(page.Rows), newest, slices.Contains(pageIDs(page.Rows), newest))
		}
		page, err = s.ListCandidates(ctx, model.CandidateFilter{Query: "kafka", IncludeArchived: true, Limit: 1})
		if err != nil || !slices.Equal(pageIDs(page.Rows), []int64{newest}) {
			t.Errorf("with archived: %v (%v), want the archived newest %d first", pageIDs(page.Rows), err, newest)
		}
		page, err = s.ListCandidates(ctx, model.CandidateFilter{Query: "kafka", RoleID: role.ID, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pageIDs(page.Rows), []int64{applied[1], applied[0]}; !slices.Equal(got, want) || page.Total != 2 || page.AtLeast {
			t.Errorf("role filter: %v (Total %d, AtLeast %v), want %v exactly", got, page.Total, page.AtLeast, want)
		}
	})
}

// Up to fewMatches matches are ranked (a name hit first, however old) and
// counted exactly; one more and the newest come first.
func TestSearchRankedWhileMatchesAreFew(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		// Candidate 0 has the word in its name; the others only in the resume.
		word := func(i int) string {
			switch {
			case i < fewMatches:
				return "alpha beta"
			case i == fewMatches:
				return "beta"
			}
			return "gamma"
		}
		ids := seedMany(t, s, fewMatches+3, func(i int) string {
			if i == 0 {
				return "Alpha Beta"
			}
			return fmt.Sprintf("Person %d", i)
		}, word)
		for _, tc := range []struct {
			query   string
			matches int
			first   int64
			atLeast bool
		}{
			{"alpha", fewMatches, ids[0], false},
			{"beta", fewMatches + 1, ids[fewMatches], true},
		} {
			page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: tc.query, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Rows) == 0 || page.Rows[0].ID != tc.first {
				t.Errorf("%q (%d matches): first row %v, want %d", tc.query, tc.matches, pageIDs(page.Rows)[:1], tc.first)
			}
			wantTotal := tc.matches
			if tc.atLeast {
				wantTotal = 50
			}
			if page.Total != wantTotal || page.AtLeast != tc.atLeast {
				t.Errorf("%q: Total %d AtLeast %v, want %d %v", tc.query, page.Total, page.AtLeast, wantTotal, tc.atLeast)
			}
			ranked, err := s.SearchRanked(ctx, tc.query)
			if err != nil || ranked == tc.atLeast {
				t.Errorf("SearchRanked(%q) = %v, %v; want %v", tc.query, ranked, err, !tc.atLeast)
			}
		}
		// The bare baseline reads the same first page in either order.
		for _, ranked := range []bool{true, false} {
			if n, err := s.BareSearch(ctx, "beta", 50, ranked); err != nil || n != 50 {
				t.Errorf("BareSearch(ranked=%v) = %d, %v; want 50", ranked, n, err)
			}
		}
		if n, _ := s.BareSearch(ctx, strings.Repeat("x", 3), 50, true); n != 0 {
			t.Errorf("BareSearch of a word nobody has = %d rows", n)
		}
	})
}

// A stage filter checks each row's own applications: looked up through the
// stage index, it read every application in the stage for every candidate
// (seconds per keystroke at 100k candidates).
func TestStageFilterLooksUpEachCandidatesApplications(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	for _, q := range []string{"", FTSQuery("ada")} {
		where, args := filterSQL(sqliteSQL, model.CandidateFilter{StageID: 3, RoleID: 1, Tag: "go"}, q)
		from := `candidates c`
		if q != "" {
			from = sqlSearchFrom
		}
		rows, err := s.r.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT c.id FROM `+from+where+` ORDER BY c.id`, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			if strings.Contains(step, "applications_stage") || strings.Contains(step, "applications_role") {
				t.Errorf("query %q: plan %q scans a whole stage or role for each row", q, plan)
			}
		}
	}
}

// Without a search the table counts every live candidate; filtered, it
// counts up to the page, and paging still reaches every candidate once.
func TestFilteredListCountsToThePage(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		role := mustRole(t, s, "Data Engineer")
		ids := seedMany(t, s, 130, func(i int) string { return fmt.Sprintf("Person %03d", i) }, func(int) string { return "" })
		err := s.Write(ctx, func(tx *Tx) error {
			stage, err := tx.FirstStage(role.ID)
			if err != nil {
				return err
			}
			for _, id := range ids[:120] {
				if _, err := tx.InsertApplication(model.Application{CandidateID: id, RoleID: role.ID, StageID: stage.ID,
					StageName: stage.Name, CreatedAt: tx.Now(), EnteredStageAt: tx.Now()}, "", tester); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetArchived(ctx, ids[129], true, tester); err != nil {
			t.Fatal(err)
		}
		page, err := s.ListCandidates(ctx, model.CandidateFilter{Limit: 50})
		if err != nil || page.Total != 129 || page.AtLeast || len(page.Rows) != 50 {
			t.Errorf("unfiltered: Total %d AtLeast %v, %d rows (%v); want exactly 129 live, 50 rows", page.Total, page.AtLeast, len(page.Rows), err)
		}
		var all []string
		for offset := 0; ; offset += 50 {
			p, err := s.ListCandidates(ctx, model.CandidateFilter{RoleID: role.ID, Sort: "name", Limit: 50, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, names(p.Rows)...)
			if !p.AtLeast {
				if p.Total != 120 {
					t.Errorf("last page (offset %d): Total %d, want 120", offset, p.Total)
				}
				break
			}
			if p.Total != offset+50 || offset > 120 {
				t.Fatalf("offset %d: Total %d AtLeast, want %d+", offset, p.Total, offset+50)
			}
		}
		want := []string{}
		for i := range 120 {
			want = append(want, fmt.Sprintf("Person %03d", i))
		}
		if !slices.Equal(all, want) {
			t.Errorf("role pages joined: %d names, want the 120 applied in name order", len(all))
		}
	})
}

// Tests of the candidate list over a small fixture workspace: filters, row
// details, sorting, paging and the facets the filters offer.

package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"hirebench/app/model"
)

// listFixture is a small workspace: two roles, candidates spread over their
// stages with tags and sources, one archived.
type listFixture struct {
	s                    *Store
	backend, design      model.Role
	alice, bob, carol    model.Candidate
	dave, erin, archived model.Candidate
}

func newListFixture(t *testing.T, open opener) listFixture {
	t.Helper()
	ctx := context.Background()
	s, clk := open(t)
	f := listFixture{s: s}
	f.backend = mustRole(t, s, "Backend Engineer")
	f.design = mustRole(t, s, "Product Designer")
	add := func(c model.Candidate, roles ...int64) model.Candidate {
		clk.Advance(time.Minute)
		return mustCandidate(t, s, c, roles...)
	}
	f.alice = add(model.Candidate{CandidateInput: model.CandidateInput{Name: "alice Adams", Email: "alice@example.com", Source: "Referral", Tags: []string{"Go", "remote"}}}, f.backend.ID)
	f.bob = add(model.Candidate{CandidateInput: model.CandidateInput{Name: "Bob Brown", Email: "bob@example.com", Source: "LinkedIn", Tags: []string{"go"}}}, f.backend.ID, f.design.ID)
	f.carol = add(model.Candidate{CandidateInput: model.CandidateInput{Name: "carol Clark", Email: "carol@example.com", Source: "referral", Tags: []string{"figma"}}}, f.design.ID)
	f.dave = add(model.Candidate{CandidateInput: model.CandidateInput{Name: "Dave Davis", Email: "dave@example.com", Source: "Agency"}})
	f.erin = add(model.Candidate{CandidateInput: model.CandidateInput{Name: "Erin Evans", Email: "erin@example.com", Source: "LinkedIn", Tags: []string{"remote"}}}, f.backend.ID)
	f.archived = add(model.Candidate{CandidateInput: model.CandidateInput{Name: "Archie Archived", Email: "archie@example.com", Source: "Referral", Tags: []string{"go"}}}, f.backend.ID)
	if _, err := s.SetArchived(ctx, f.archived.ID, true, tester); err != nil {
		t.Fatal(err)
	}
	// Move Bob's backend application to Screen.
	d, err := s.CandidateDetail(ctx, f.bob.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Applications {
		if a.RoleID == f.backend.ID {
			clk.Advance(time.Minute)
			if _, err := s.MoveApplication(ctx, a.ID, stageNamed(t, f.backend, "Screen").ID, "", tester); err != nil {
				t.Fatal(err)
			}
		}
	}
	return f
}

func names(rows []model.CandidateRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.Name)
	}
	return out
}

func TestListCandidatesFilters(t *testing.T) {
	ctx := context.Background()
	forEachOpener(t, func(t *testing.T, open opener) {
		f := newListFixture(t, open)
		sorted := func(ns ...string) []string { slices.Sort(ns); return ns }
		tests := []struct {
			name   string
			filter model.CandidateFilter
			want   []string
		}{
			{"everyone live", model.CandidateFilter{}, sorted("alice Adams", "Bob Brown", "carol Clark", "Dave Davis", "Erin Evans")},
			{"with archived", model.CandidateFilter{IncludeArchived: true}, sorted("alice Adams", "Bob Brown", "carol Clark", "Dave Davis", "Erin Evans", "Archie Archived")},
			{"role backend", model.CandidateFilter{RoleID: f.backend.ID}, sorted("alice Adams", "Bob Brown", "Erin Evans")},
			{"role design", model.CandidateFilter{RoleID: f.design.ID}, sorted("Bob Brown", "carol Clark")},
			{"stage applied", model.CandidateFilter{StageID: stageNamed(t, f.backend, "Applied").ID}, sorted("alice Adams", "Erin Evans")},
			{"stage screen", model.CandidateFilter{StageID: stageNamed(t, f.backend, "Screen").ID}, sorted("Bob Brown")},
			{"empty stage", model.CandidateFilter{StageID: stageNamed(t, f.backend, "Offer").ID}, sorted()},
			{"tag go", model.CandidateFilter{Tag: "go"}, sorted("alice Adams", "Bob Brown")},
			{"tag typed loosely", model.CandidateFilter{Tag: " GO "}, sorted("alice Adams", "Bob Brown")},
			{"tag go with archived", model.CandidateFilter{Tag: "go", IncludeArchived: true}, sorted("alice Adams", "Bob Brown", "Archie Archived")},
			{"unknown tag", model.CandidateFilter{Tag: "cobol"}, sorted()},
			{"source referral any case", model.CandidateFilter{Source: "REFERRAL"}, sorted("alice Adams", "carol Clark")},
			{"source linkedin", model.CandidateFilter{Source: "LinkedIn"}, sorted("Bob Brown", "Erin Evans")},
			{"role and tag", model.CandidateFilter{RoleID: f.backend.ID, Tag: "remote"}, sorted("alice Adams", "Erin Evans")},
			{"role and source", model.CandidateFilter{RoleID: f.design.ID, Source: "referral"}, sorted("carol Clark")},
			{"query and role", model.CandidateFilter{Query: "example", RoleID: f.design.ID}, sorted("Bob Brown", "carol Clark")},
			{"query and tag", model.CandidateFilter{Query: "bob", Tag: "figma"}, sorted()},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				page, err := f.s.ListCandidates(ctx, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				got := sorted(names(page.Rows)...)
				if !slices.Equal(got, tc.want) {
					t.Errorf("rows = %v, want %v", got, tc.want)
				}
				if page.Total != len(tc.want) {
					t.Errorf("Total = %d, want %d", page.Total, len(tc.want))
				}
			})
		}
	})
}

func TestListCandidatesRowDetails(t *testing.T) {
	ctx := context.Background()
	forEachOpener(t, func(t *testing.T, open opener) {
		f := newListFixture(t, open)
		page, err := f.s.ListCandidates(ctx, model.CandidateFilter{Query: "bob"})
		if err != nil || len(page.Rows) != 1 {
			t.Fatalf("rows = %+v, %v", page.Rows, err)
		}
		bob := page.Rows[0]
		if !slices.Equal(bob.Tags, []string{"go"}) || bob.Source != "LinkedIn" || bob.Email != "bob@example.com" {
			t.Errorf("row = %+v", bob)
		}
		got := map[string]string{}
		for _, a := range bob.Applications {
			got[a.RoleTitle] = a.StageName
		}
		want := map[string]string{"Backend Engineer": "Screen", "Product Designer": "Applied"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("applications = %v, want %v", got, want)
		}
	})
}

func TestListCandidatesSorting(t *testing.T) {
	ctx := context.Background()
	forEachOpener(t, func(t *testing.T, open opener) {
		f := newListFixture(t, open)
		tests := []struct {
			sort string
			desc bool
			want []string
		}{
			// Case does not decide the order: "alice" sorts before "Bob".
			{"name", false, []string{"alice Adams", "Bob Brown", "carol Clark", "Dave Davis", "Erin Evans"}},
			{"name", true, []string{"Erin Evans", "Dave Davis", "carol Clark", "Bob Brown", "alice Adams"}},
			{"email", false, []string{"alice Adams", "Bob Brown", "carol Clark", "Dave Davis", "Erin Evans"}},
			{"created", false, []string{"alice Adams", "Bob Brown", "carol Clark", "Dave Davis", "Erin Evans"}},
			{"created", true, []string{"Erin Evans", "Dave Davis", "carol Clark", "Bob Brown", "alice Adams"}},
			// Default: most recently updated first; Bob was moved last.
			{"", false, []string{"Bob Brown", "Erin Evans", "Dave Davis", "carol Clark", "alice Adams"}},
			// An unknown sort key falls back to the default rather than failing.
			{"name; DROP TABLE candidates", false, []string{"Bob Brown", "Erin Evans", "Dave Davis", "carol Clark", "alice Adams"}},
		}
		for _, tc := range tests {
			t.Run(fmt.Sprintf("%s desc=%v", tc.sort, tc.desc), func(t *testing.T) {
				page, err := f.s.ListCandidates(ctx, model.CandidateFilter{Sort: tc.sort, Desc: tc.desc})
				if err != nil {
					t.Fatal(err)
				}
				if got := names(page.Rows); !slices.Equal(got, tc.want) {
					t.Errorf("order = %v, want %v", got, tc.want)
				}
			})
		}
	})
}

func TestListCandidatesPaging(t *testing.T) {
	ctx := context.Background()
	forEachOpener(t, func(t *testing.T, open opener) {
		f := newListFixture(t, open)
		all, err := f.s.ListCandidates(ctx, model.CandidateFilter{Sort: "name"})
		if err != nil {
			t.Fatal(err)
		}
		var paged []string
		for offset := 0; offset < 10; offset += 2 {
			page, err := f.s.ListCandidates(ctx, model.CandidateFilter{Sort: "name", Limit: 2, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != 5 {
				t.Errorf("offset %d: Total = %d, want 5", offset, page.Total)
			}
			wantRows := min(2, max(0, 5-offset))
			if len(page.Rows) != wantRows {
				t.Errorf("offset %d: %d rows, want %d", offset, len(page.Rows), wantRows)
			}
			paged = append(paged, names(page.Rows)...)
		}
		if !slices.Equal(paged, names(all.Rows)) {
			t.Errorf("pages joined = %v, want %v", paged, names(all.Rows))
		}

		// Paging a search works the same way.
		page, err := f.s.ListCandidates(ctx, model.CandidateFilter{Query: "example", Sort: "name", Limit: 3, Offset: 3})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 5 || !slices.Equal(names(page.Rows), []string{"Dave Davis", "Erin Evans"}) {
			t.Errorf("search page = %v (Total %d)", names(page.Rows), page.Total)
		}
		// Nonsense paging values are tamed, not errors.
		page, err = f.s.ListCandidates(ctx, model.CandidateFilter{Limit: -5, Offset: -3})
		if err != nil || len(page.Rows) != 5 {
			t.Errorf("negative limit/offset: %d rows, %v", len(page.Rows), err)
		}
	})
}

func TestFacets(t *testing.T) {
	forEachOpener(t, func(t *testing.T, open opener) {
		f := newListFixture(t, open)
		facets, err := f.s.Facets(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		// The archived candidate's values do not appear on their own; tags are
		// stored lower-case so "Go" and "go" are one facet.
		if want := []string{"figma", "go", "remote"}; !slices.Equal(facets.Tags, want) {
			t.Errorf("tags = %v, want %v", facets.Tags, want)
		}
		for _, want := range []string{"Agency", "LinkedIn"} {
			if !slices.Contains(facets.Sources, want) {
				t.Errorf("sources %v lack %q", facets.Sources, want)
			}
		}
	})
}

// Tests that a search says how many archived candidates it also matches, so
// the table can offer "1 archived match — show" instead of "No candidates match".

package tracking_test

import (
	"testing"

	"hirebench/app/model"
)

func TestSearchCountsTheArchivedMatchesItLeavesOut(t *testing.T) {
	e := newEnv(t)
	backend, design := e.role(t, "Backend Engineer"), e.role(t, "Product Designer")
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, backend.ID)
	e.candidate(t, model.CandidateInput{Name: "Ada Yonath", Email: "yonath@example.com"}, design.ID)
	old := e.candidate(t, model.CandidateInput{Name: "Ada Byron", Email: "byron@example.com"}, design.ID)
	for _, c := range []model.Candidate{ada, old} {
		if _, err := e.svc.SetArchived(e.ctx, c.ID, true, e.actor); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name           string
		filter         model.CandidateFilter
		total, archive int
	}{
		{"only archived ones match", model.CandidateFilter{Query: "lovelace"}, 0, 1},
		{"live and archived match", model.CandidateFilter{Query: "ada"}, 1, 2},
		{"the filters apply to the archived too", model.CandidateFilter{Query: "ada", RoleID: backend.ID}, 0, 1},
		{"archived shown: none left out", model.CandidateFilter{Query: "ada", IncludeArchived: true}, 3, 0},
		{"no match at all", model.CandidateFilter{Query: "turing"}, 0, 0},
		{"no search: nothing counted", model.CandidateFilter{}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := e.svc.List(e.ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != tc.total || page.Archived != tc.archive {
				t.Errorf("total %d, archived %d; want %d and %d", page.Total, page.Archived, tc.total, tc.archive)
			}
		})
	}
}

// Tests that loading many scorecards at once (a role's, a candidate's, every
// submitted one) brings each card's amendments, in order, in a number of
// queries that does not grow with the cards: at 100k candidates one query per
// card made the debrief and calibration take seconds.

package storage_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
	"hirebench/storage/benchkit"
	"hirebench/storage/storagetest"
)

// seededSmall is benchkit's small workspace, seeded once per run (seconds
// under -race) and copied for each test.
var seededSmall = &storagetest.Template{Name: "benchkit 60/1200"}

// amendedWorkspace seeds a small workspace (every card submitted) and amends
// some cards of the first role: the first card twice, every fifth once. It
// returns the store, its statement counter, the role and the reasons given,
// by card id, oldest first.
func amendedWorkspace(t *testing.T) (*storage.Store, *benchkit.Statements, model.Role, map[int64][]string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	seededSmall.CopyTo(t, path, func(t testing.TB, built string) {
		if err := benchkit.Seed(ctx, built, 60, 1200); err != nil {
			t.Fatal(err)
		}
	})
	stmts := benchkit.WatchStatements(path)
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	roles, err := s.ListRoles(ctx)
	if err != nil || len(roles) == 0 {
		t.Fatalf("roles: %v", err)
	}
	role := roles[0]
	cards, err := s.RoleScorecards(ctx, role.ID)
	if err != nil || len(cards) < 20 {
		t.Fatalf("%d cards (%v), want at least 20 to amend", len(cards), err)
	}
	reasons := map[int64][]string{}
	amend := func(c scoring.Scorecard, rec string) {
		reason := fmt.Sprintf("Card %d, second look %d.", c.ID, len(reasons[c.ID])+1)
		_, err := s.AmendScorecard(ctx, c.ID, model.Profile{ID: c.AuthorID, Name: c.AuthorName},
			func(_ rubric.Rubric, cur scoring.Scorecard, rev *scoring.Revision) error {
				answers, _, _ := cur.Current()
				rev.Answers, rev.Recommendation, rev.Reason = answers, rec, reason
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		reasons[c.ID] = append(reasons[c.ID], reason)
	}
	amend(cards[0], "no")
	amend(cards[0], "strong_yes")
	for i := 5; i < len(cards); i += 5 {
		amend(cards[i], "yes")
	}
	return s, stmts, role, reasons
}

// checkAmendments: each card carries exactly its own amendments, in order,
// and its hash chain verifies.
func checkAmendments(t *testing.T, where string, cards []scoring.Scorecard, reasons map[int64][]string) {
	t.Helper()
	seen := 0
	for _, c := range cards {
		want := reasons[c.ID]
		if len(c.Revisions) != len(want) {
			t.Fatalf("%s: card %d has %d amendments, want %d", where, c.ID, len(c.Revisions), len(want))
		}
		for i, r := range c.Revisions {
			if r.Revision != i+1 || r.Reason != want[i] {
				t.Errorf("%s: card %d amendment %d = #%d %q, want #%d %q", where, c.ID, i, r.Revision, r.Reason, i+1, want[i])
			}
		}
		if err := scoring.Verify(c); err != nil {
			t.Errorf("%s: card %d does not verify: %v", where, c.ID, err)
		}
		if len(want) > 0 {
			seen++
		}
	}
	if seen == 0 {
		t.Fatalf("%s: no amended card listed", where)
	}
}

func TestListedScorecardsCarryTheirOwnAmendments(t *testing.T) {
	ctx := context.Background()
	s, _, role, reasons := amendedWorkspace(t)
	cards, err := s.RoleScorecards(ctx, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkAmendments(t, "role", cards, reasons)
	// The first card was amended to "no", then to "strong_yes": the content
	// in force is the latest amendment.
	if _, rec, _ := cards[0].Current(); len(reasons[cards[0].ID]) != 2 || rec != "strong_yes" {
		t.Errorf("card %d in force recommends %q, want the latest amendment's strong_yes", cards[0].ID, rec)
	}
	byCandidate, err := s.CandidateScorecards(ctx, cards[0].CandidateID)
	if err != nil {
		t.Fatal(err)
	}
	checkAmendments(t, "candidate", byCandidate, reasons)
	one, err := s.GetScorecard(ctx, cards[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	checkAmendments(t, "one card", []scoring.Scorecard{one}, reasons)
	err = s.Read(ctx, func(tx *storage.Tx) error {
		all, err := tx.SubmittedScorecards(0)
		checkAmendments(t, "every submitted card", all, reasons)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A role's cards come with their amendments through as many queries as one
// card's do, however many cards the role has.
func TestLoadingARoleQueriesAmendmentsOnce(t *testing.T) {
	ctx := context.Background()
	s, stmts, role, _ := amendedWorkspace(t)
	cards, err := s.RoleScorecards(ctx, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	stmts.Reset()
	if _, err := s.GetScorecard(ctx, cards[0].ID); err != nil {
		t.Fatal(err)
	}
	one := stmts.Reads("scorecard_revisions")
	for name, load := range map[string]func() error{
		"a role's cards":      func() error { _, err := s.RoleScorecards(ctx, role.ID); return err },
		"a candidate's cards": func() error { _, err := s.CandidateScorecards(ctx, cards[0].CandidateID); return err },
		"every submitted card": func() error {
			return s.Read(ctx, func(tx *storage.Tx) error { _, err := tx.SubmittedScorecards(0); return err })
		},
	} {
		stmts.Reset()
		if err := load(); err != nil {
			t.Fatal(err)
		}
		if n := stmts.Reads("scorecard_revisions"); n > one {
			t.Errorf("loading %s compiled %d references to amendments, one card's load %d: a query per card", name, n, one)
		}
	}
}

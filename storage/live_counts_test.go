package storage

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"hirebench/app/model"
)

// liveCountsByDefinition counts each stage's live applications the way the
// count is defined (docs/DESIGN.md, migration 0010), without the triggers.
func liveCountsByDefinition(t *testing.T, s *Store) map[int64]int {
	t.Helper()
	out := map[int64]int{}
	err := each(context.Background(), s.rd, `SELECT s.id, (SELECT count(*) FROM applications a
		JOIN candidates c ON c.id = a.candidate_id WHERE a.stage_id = s.id AND c.archived_at = '') FROM stages s`, nil,
		func(sc scanner) error {
			var id int64
			var n int
			err := sc.Scan(&id, &n)
			out[id] = n
			return err
		})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkLiveCounts compares what ListRoles shows with the definition.
func checkLiveCounts(t *testing.T, s *Store, after string) {
	t.Helper()
	want := liveCountsByDefinition(t, s)
	roles, err := s.ListRoles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		for _, st := range r.Stages {
			if st.Count != want[st.ID] {
				t.Fatalf("after %s: %s/%s shows %d candidates, the definition counts %d", after, r.Title, st.Name, st.Count, want[st.ID])
			}
		}
	}
}

// The stage counts the triggers keep equal the definition after every kind
// of change a workspace sees: new candidates and applications, moves,
// archiving and unarchiving, erasing and anonymising (archived or not),
// deleting a stage that holds candidates.
func TestLiveCountsFollowEveryChange(t *testing.T) {
	s, clk := mustOpen(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(10, 10))
	roles := []model.Role{mustRole(t, s, "Backend"), mustRole(t, s, "Platform")}
	var people []int64
	for i := range 40 {
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Person %d", i)}}, roles[0].ID)
		people = append(people, c.ID)
		checkLiveCounts(t, s, "adding a candidate")
	}
	for step := range 400 {
		clk.Advance(1)
		id := people[rng.IntN(len(people))]
		var what string
		var err error
		switch op := rng.IntN(9); op {
		case 0, 1, 2: // move one of the person's applications to another stage of its role
			what = "a move"
			d, derr := s.CandidateDetail(ctx, id)
			if derr != nil || len(d.Applications) == 0 {
				continue
			}
			a := d.Applications[rng.IntN(len(d.Applications))]
			r, _ := s.GetRole(ctx, a.RoleID)
			to := r.Stages[rng.IntN(len(r.Stages))]
			_, err = s.MoveApplication(ctx, a.ID, to.ID, "Not a fit", tester)
		case 3: // apply to the other role
			what = "an application"
			_, err = s.Apply(ctx, id, roles[1].ID, tester)
		case 4, 5:
			what = "archiving or unarchiving"
			_, err = s.SetArchived(ctx, id, rng.IntN(2) == 0, tester)
		case 6:
			what = "an anonymisation"
			_, err = s.EraseCandidates(ctx, []int64{id}, Erasure{Action: ActionAnonymise, Why: "request", Actor: tester})
		case 7:
			what = "an erasure"
			_, err = s.EraseCandidates(ctx, []int64{id}, Erasure{Action: ActionErase, Why: "request", Actor: tester})
			if err == nil {
				people = deleteID(people, id)
				people = append(people, mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Newcomer %d", step)}}, roles[rng.IntN(2)].ID).ID)
			}
		case 8:
			what = "a new candidate"
			people = append(people, mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Late %d", step)}}, roles[1].ID).ID)
		}
		if err != nil && !isExpected(err) {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		checkLiveCounts(t, s, fmt.Sprintf("step %d (%s)", step, what))
	}
	// A candidate row deleted by itself (its applications go by ON DELETE
	// CASCADE), live and archived, in both roles.
	for _, archived := range []bool{false, true} {
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Cascade"}}, roles[0].ID, roles[1].ID)
		if _, err := s.SetArchived(ctx, c.ID, archived, tester); err != nil {
			t.Fatal(err)
		}
		if _, err := s.w.ExecContext(ctx, `DELETE FROM candidates WHERE id = ?`, c.ID); err != nil {
			t.Fatal(err)
		}
		checkLiveCounts(t, s, fmt.Sprintf("deleting a candidate row (archived %v)", archived))
	}
	// Deleting a stage that holds candidates moves them first.
	r, _ := s.GetRole(ctx, roles[0].ID)
	if _, err := s.DeleteStage(ctx, r.Stages[1].ID, r.Stages[0].ID, tester); err != nil {
		t.Fatal(err)
	}
	checkLiveCounts(t, s, "deleting a stage")
}

// isExpected: refusals a random walk runs into (already in that stage,
// already applied, a rule of the model), not failures of the counts.
func isExpected(err error) bool {
	var inv *model.ValidationError
	return errors.As(err, &inv) || errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrConflict)
}

func deleteID(ids []int64, id int64) []int64 {
	out := ids[:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

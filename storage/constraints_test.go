// Tests the rules the database itself enforces: unique emails, stages that belong to
// the role, append-only notes, connection pragmas, a read-only pool and atomic writes.

package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hirebench/app/model"
)

const rawNow = "2025-03-01T09:00:00.000Z"

func rawCandidate(s *Store, name, email string) error {
	_, err := rawExec(s, `INSERT INTO candidates (name, email, created_at, updated_at) VALUES (?, ?, ?, ?)`, name, email, rawNow, rawNow)
	return err
}

func TestUniqueEmail(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()

		// The database itself refuses a second record with the same address,
		// whatever code path writes it.
		if err := rawCandidate(s, "Ada Lovelace", "ada@example.com"); err != nil {
			t.Fatal(err)
		}
		if err := rawCandidate(s, "Ada Impostor", "ada@example.com"); err == nil || !isUniqueViolation(err) {
			t.Fatalf("second raw insert with the same email: err = %v, want UNIQUE violation", err)
		}

		// Candidates without an email are not duplicates of each other.
		for _, name := range []string{"No Mail One", "No Mail Two", "No Mail Three"} {
			if err := rawCandidate(s, name, ""); err != nil {
				t.Fatalf("candidate %q without email refused: %v", name, err)
			}
		}
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Also No Mail"}})
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Still No Mail"}})

		// Through the store, a duplicate is reported with the existing record.
		existing, err := s.FindByEmail(ctx, "ada@example.com")
		if err != nil {
			t.Fatal(err)
		}
		before, _ := s.CountCandidates(ctx)
		_, err = s.CreateCandidate(ctx, model.Candidate{CandidateInput: model.CandidateInput{Name: "Another Ada", Email: "ada@example.com"}}, nil, tester)
		var dup *model.DuplicateEmailError
		if !errors.As(err, &dup) {
			t.Fatalf("CreateCandidate duplicate: err = %v, want *DuplicateEmailError", err)
		}
		if dup.ExistingID != existing.ID || dup.ExistingName != "Ada Lovelace" {
			t.Errorf("duplicate points at %d %q, want %d Ada Lovelace", dup.ExistingID, dup.ExistingName, existing.ID)
		}
		if !errors.Is(err, model.ErrConflict) {
			t.Errorf("duplicate email should match model.ErrConflict")
		}
		if after, _ := s.CountCandidates(ctx); after != before {
			t.Errorf("candidate count %d -> %d after a refused duplicate", before, after)
		}

		// Changing someone else's email to a taken one is refused too, but a
		// candidate may keep (re-save) their own.
		other := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper", Email: "grace@example.com"}})
		_, err = s.UpdateCandidate(ctx, other.ID, 0, tester, func(c *model.Candidate) error { c.Email = "ada@example.com"; return nil })
		if !errors.As(err, &dup) {
			t.Fatalf("UpdateCandidate to a taken email: err = %v, want *DuplicateEmailError", err)
		}
		if got, _ := s.GetCandidate(ctx, other.ID); got.Email != "grace@example.com" {
			t.Errorf("refused update still changed email to %q", got.Email)
		}
		if _, err := s.UpdateCandidate(ctx, other.ID, 0, tester, func(c *model.Candidate) error { c.Location = "Arlington"; return nil }); err != nil {
			t.Errorf("re-saving a candidate with their own email: %v", err)
		}
	})
}

func TestApplicationStageMustBelongToRole(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		a := mustRole(t, s, "Role A")
		b := mustRole(t, s, "Role B")
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Barbara Liskov"}})

		_, err := rawExec(s, `INSERT INTO applications (candidate_id, role_id, stage_id, created_at, entered_stage_at) VALUES (?, ?, ?, ?, ?)`,
			c.ID, a.ID, b.Stages[0].ID, rawNow, rawNow)
		if err == nil || !strings.Contains(err.Error(), "stage does not belong to the role") {
			t.Fatalf("insert with another role's stage: err = %v, want trigger refusal", err)
		}

		if _, err := s.Apply(ctx, c.ID, a.ID, tester); err != nil {
			t.Fatal(err)
		}
		app := onlyApplication(t, s, c.ID)
		_, err = rawExec(s, `UPDATE applications SET stage_id = ? WHERE id = ?`, b.Stages[1].ID, app.ID)
		if err == nil || !strings.Contains(err.Error(), "stage does not belong to the role") {
			t.Fatalf("update to another role's stage: err = %v, want trigger refusal", err)
		}
		_, err = s.MoveApplication(ctx, app.ID, b.Stages[1].ID, "", tester)
		wantValidation(t, err, "stageId")
		if got := onlyApplication(t, s, c.ID); got.StageID != a.Stages[0].ID {
			t.Errorf("application moved to stage %d despite refusal", got.StageID)
		}
	})
}

func TestNotesAreAppendOnly(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ken Thompson"}})
		n, err := s.AddNote(ctx, c.ID, "Wrote the first Unix.", tester)
		if err != nil {
			t.Fatal(err)
		}
		_, err = rawExec(s, `UPDATE notes SET body = 'rewritten history' WHERE id = ?`, n.ID)
		if err == nil || !strings.Contains(err.Error(), "notes cannot be edited") {
			t.Fatalf("updating a note: err = %v, want trigger refusal", err)
		}
		d, err := s.CandidateDetail(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Notes) != 1 || d.Notes[0].Body != "Wrote the first Unix." {
			t.Fatalf("notes after refused edit = %+v", d.Notes)
		}
	})
}

func TestStageHoldingApplicationsCannotBeDeletedBySQL(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		r := mustRole(t, s, "Kernel Hacker")
		c := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Linus Torvalds"}}, r.ID)
		app := onlyApplication(t, s, c.ID)

		_, err := rawExec(s, `DELETE FROM stages WHERE id = ?`, app.StageID)
		if !isFKViolation(err) {
			t.Fatalf("deleting an occupied stage: err = %v, want FOREIGN KEY failure", err)
		}
		if _, err := s.GetStage(ctx, app.StageID); err != nil {
			t.Fatalf("occupied stage vanished: %v", err)
		}
		// An empty stage of the same role can go.
		empty := stageNamed(t, r, "Offer")
		if _, err := rawExec(s, `DELETE FROM stages WHERE id = ?`, empty.ID); err != nil {
			t.Fatalf("deleting an empty stage by SQL: %v", err)
		}
	})
}

func TestConnectionPragmas(t *testing.T) {
	s, _ := mustOpen(t)
	for name, db := range map[string]runner{"writer": s.w, "reader": s.r} {
		var fk int
		if err := db.QueryRowContext(context.Background(), `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if fk != 1 {
			t.Errorf("%s: foreign_keys = %d, want 1", name, fk)
		}
		var mode string
		if err := db.QueryRowContext(context.Background(), `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("%s: journal_mode = %q, want wal", name, mode)
		}
	}
	var sync int
	if err := s.w.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if sync != 2 {
		t.Errorf("writer synchronous = %d, want 2 (FULL)", sync)
	}
	var busy int
	if err := s.r.QueryRow(`PRAGMA busy_timeout`).Scan(&busy); err != nil {
		t.Fatal(err)
	}
	if busy <= 0 {
		t.Errorf("reader busy_timeout = %d; readers should wait for a writer's checkpoint", busy)
	}
}

func TestReaderPoolRefusesWrites(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		if _, err := bind(s.r, s.d).ExecContext(ctx, `INSERT INTO candidates (name, created_at, updated_at) VALUES ('Sneaky', ?, ?)`, rawNow, rawNow); err == nil {
			t.Fatal("the read pool accepted an INSERT")
		}
		if _, err := bind(s.r, s.d).ExecContext(ctx, `CREATE TABLE sneaky (x)`); err == nil {
			t.Fatal("the read pool accepted a CREATE TABLE")
		}
		if n, err := s.CountCandidates(ctx); err != nil || n != 0 {
			t.Fatalf("CountCandidates = %d, %v; a refused write left rows behind", n, err)
		}
		// Writes still work through the store.
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Real Person"}})
		if n, _ := s.CountCandidates(ctx); n != 1 {
			t.Fatalf("CountCandidates = %d after one create, want 1", n)
		}
	})
}

func TestWriteIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	r := mustRole(t, s, "Only Role")
	// Applying to a role that does not exist fails after the candidate row
	// was inserted in the same transaction: nothing may remain.
	_, err := s.CreateCandidate(ctx, model.Candidate{CandidateInput: model.CandidateInput{Name: "Half Saved", Email: "half@example.com"}}, []int64{r.ID, r.ID + 1000}, tester)
	if !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("CreateCandidate with a missing role: err = %v, want ErrNotFound", err)
	}
	if n, _ := s.CountCandidates(ctx); n != 0 {
		t.Fatalf("%d candidate(s) saved by a failed create", n)
	}
	if got := search(t, s, "half", true); len(got) != 0 {
		t.Fatalf("failed create left a search entry: %v", got)
	}
	if _, err := s.FindByEmail(ctx, "half@example.com"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("failed create left the email taken: %v", err)
	}
}

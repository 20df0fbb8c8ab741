// Tests that an anonymised candidate cannot be recognised by the uids
// bundles know them by, and that a retention erasure checks inside its own
// transaction that everyone is still due.

package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

func candidateUIDs(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	var out []string
	err := s.Read(context.Background(), func(tx *Tx) error {
		var err error
		out, err = tx.UIDsOf(CandidateUIDs, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAnonymisingForgetsTheUIDsBundlesKnowThePersonBy(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	// Quorra is also known by the uid another laptop gave her.
	const elsewhere = "0123456789abcdef0123456789abcdef"
	if err := p.s.Write(ctx, func(tx *Tx) error { return tx.AdoptUID(CandidateUIDs, p.quorra.ID, elsewhere) }); err != nil {
		t.Fatal(err)
	}
	old := candidateUIDs(t, p.s, p.quorra.ID)
	if len(old) != 2 || p.card.Binding.CandidateUID != old[0] {
		t.Fatalf("before: uids %v, card bound to %q", old, p.card.Binding.CandidateUID)
	}
	adaUIDs := candidateUIDs(t, p.s, p.ada.ID)

	e := byRequest
	e.Action = ActionAnonymise
	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, e); err != nil {
		t.Fatal(err)
	}
	now := candidateUIDs(t, p.s, p.quorra.ID)
	if len(now) != 1 || slices.Contains(old, now[0]) {
		t.Fatalf("after: uids %v, before %v; want one new uid", now, old)
	}
	for _, u := range old {
		err := p.s.Read(ctx, func(tx *Tx) error { _, err := tx.WithUID(CandidateUIDs, u); return err })
		if !errors.Is(err, model.ErrNotFound) {
			t.Errorf("uid %s still finds a candidate: %v", u, err)
		}
	}
	// The card and its amendment are bound to the new uid and still verify.
	cards, err := p.s.CandidateScorecards(ctx, p.quorra.ID)
	if err != nil || len(cards) != 1 {
		t.Fatalf("cards = %+v, %v", cards, err)
	}
	c := cards[0]
	if err := scoring.Verify(c); err != nil || c.Binding.CandidateUID != now[0] || !c.Placed ||
		len(c.Revisions) != 1 || c.Revisions[0].Binding.CandidateUID != now[0] || !c.Revisions[0].Placed {
		t.Errorf("the anonymised card: verify %v, bound to %q (placed %v), amendments %+v", err, c.Binding.CandidateUID, c.Placed, c.Revisions)
	}
	if got := candidateUIDs(t, p.s, p.ada.ID); fmt.Sprint(got) != fmt.Sprint(adaUIDs) {
		t.Errorf("Ada's uids changed: %v -> %v", adaUIDs, got)
	}
	// The uid from the other laptop is in no file of the data folder any
	// more (the audit row names her by her own uid, for restores).
	if err := p.s.Close(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(p.s.Path())
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range entries {
		if b, err := os.ReadFile(filepath.Join(dir, f.Name())); err != nil || bytes.Contains(b, []byte(elsewhere)) {
			t.Errorf("%s still holds uid %s (%v)", f.Name(), elsewhere, err)
		}
	}
}

func TestRetentionErasesNobodyWhoStoppedBeingDue(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	retention := Erasure{Action: ActionErase, Why: "retention", Actor: byRequest.Actor, DueBefore: "9999"}
	// Ada is still in the process: a list holding her erases nobody.
	_, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID, p.ada.ID}, retention)
	var notDue *NotDueError
	if !errors.As(err, &notDue) || fmt.Sprint(notDue.IDs) != fmt.Sprint([]int64{p.ada.ID}) {
		t.Fatalf("err = %v, want Ada (%d) not due", err, p.ada.ID)
	}
	// Quorra is moved back into the process after the list was made.
	app := onlyApplication(t, p.s, p.quorra.ID)
	role, err := p.s.GetRole(ctx, app.RoleID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.s.MoveApplication(ctx, app.ID, stageNamed(t, role, "Screen").ID, "", tester); err != nil {
		t.Fatal(err)
	}
	_, err = p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, retention)
	if !errors.As(err, &notDue) || fmt.Sprint(notDue.IDs) != fmt.Sprint([]int64{p.quorra.ID}) {
		t.Fatalf("err = %v, want Quorra (%d) not due", err, p.quorra.ID)
	}
	for _, c := range []model.Candidate{p.quorra, p.ada} {
		if got, err := p.s.GetCandidate(ctx, c.ID); err != nil || got.Name != c.Name || got.Email != c.Email {
			t.Errorf("after a refused retention erasure: %+v, %v", got, err)
		}
	}
	if log, _ := p.s.AuditLog(ctx, 10); len(log) != 0 {
		t.Errorf("audit log after a refused retention erasure: %+v", log)
	}
	// Rejected again, she is due and goes.
	if _, err := p.s.MoveApplication(ctx, app.ID, stageNamed(t, role, "Rejected").ID, "Position filled", tester); err != nil {
		t.Fatal(err)
	}
	if got, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, retention); err != nil || len(got) != 1 {
		t.Fatalf("erasing her once due again: %+v, %v", got, err)
	}
	if _, err := p.s.GetCandidate(ctx, p.quorra.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Quorra is still there: %v", err)
	}
}

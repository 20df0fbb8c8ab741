// Tests a copy about to be restored keeping what the workspace's audit log
// promised: the log's rows carried over, and everyone it records as erased
// or anonymised since the copy was made erased or anonymised in it again,
// found by uid, by id and time for rows older than uids, and through an
// earlier row when anonymising gave them a new uid.

package storage

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"hirebench/app/model"
)

var byAnonymising = Erasure{Action: ActionAnonymise, Why: "request", Actor: byRequest.Actor}

// ownUIDOf is the candidate's own uid in s.
func ownUIDOf(t *testing.T, s *Store, id int64) string {
	t.Helper()
	var uid string
	if err := s.w.QueryRow(`SELECT uid FROM candidate_uids WHERE candidate_id = ? ORDER BY rowid LIMIT 1`, id).Scan(&uid); err != nil {
		t.Fatal(err)
	}
	return uid
}

// candidateIn reads a candidate of the workspace file at path.
func candidateIn(t *testing.T, path string, id int64) (model.Candidate, error) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.GetCandidate(context.Background(), id)
}

func TestACopyMadeBeforeAnErasureIsErasedAgainAndGetsTheLog(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "monday.db")
	copyTo(t, p.s, old)
	quorraUID, adaUID := ownUIDOf(t, p.s, p.quorra.ID), ownUIDOf(t, p.s, p.ada.ID)
	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byRequest); err != nil {
		t.Fatal(err)
	}
	if _, err := p.s.EraseCandidates(ctx, []int64{p.ada.ID}, byAnonymising); err != nil {
		t.Fatal(err)
	}
	log, err := p.s.AuditLog(ctx, -1)
	if err != nil || len(log) != 2 {
		t.Fatalf("log = %+v, %v", log, err)
	}
	if log[1].CandidateUID != quorraUID || log[0].CandidateUID != adaUID {
		t.Errorf("the audit rows name %q and %q, want the uids the people had: %q and %q",
			log[1].CandidateUID, log[0].CandidateUID, quorraUID, adaUID)
	}
	if leaks(t, dir, quorra.tokens) == nil {
		t.Fatal("the copy made before the erasure should hold her")
	}

	want := ErasedAgain{Erased: 1, Anonymised: 1}
	if n, err := p.s.ErasedIn(ctx, old, SchemaVersion()); err != nil || n != want {
		t.Errorf("ErasedIn = %+v, %v; want %+v", n, err, want)
	}
	if n, err := p.s.EraseAgainIn(ctx, old, SchemaVersion()); err != nil || n != want {
		t.Fatalf("EraseAgainIn = %+v, %v; want %+v", n, err, want)
	}
	if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
		t.Errorf("the copy still holds her: %v", got)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("files beside the copy: %v", left)
	}
	if _, err := candidateIn(t, old, p.quorra.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Quorra in the copy: %v", err)
	}
	if ada, err := candidateIn(t, old, p.ada.ID); err != nil || ada.Email != "" || ada.Name != AnonymousName+" "+strconv.FormatInt(p.ada.ID, 10) {
		t.Errorf("Ada in the copy: %+v, %v", ada, err)
	}
	copied, err := Open(old)
	if err != nil {
		t.Fatal(err)
	}
	got, err := copied.AuditLog(ctx, -1)
	copied.Close()
	if err != nil || len(got) != 2 || got[0].ID != log[0].ID || got[1].ID != log[1].ID ||
		keyOf(got[0]) != keyOf(log[0]) || keyOf(got[1]) != keyOf(log[1]) || got[1].CandidateUID != quorraUID {
		t.Errorf("the copy's log = %+v\nwant %+v", got, log)
	}

	// Done once, there is nothing left to do: the copy is not touched.
	before, _ := os.ReadFile(old)
	if n, err := p.s.EraseAgainIn(ctx, old, SchemaVersion()); err != nil || n != (ErasedAgain{}) {
		t.Errorf("a second time: %+v, %v", n, err)
	}
	if after, _ := os.ReadFile(old); !bytes.Equal(before, after) {
		t.Error("a copy with nothing to add was rewritten")
	}
}

func TestRowsWithoutAUIDMatchByIDAndTimeAndAUIDIsNeverOverruled(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	path := filepath.Join(t.TempDir(), "copy.db")
	copyTo(t, p.s, path)
	others, err := p.s.w.Query(`SELECT id FROM candidates WHERE name LIKE 'Other Person %' ORDER BY id LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	var five, seven int64
	others.Next()
	others.Scan(&five)
	others.Next()
	others.Scan(&seven)
	others.Close()
	after := p.quorra.CreatedAt
	before := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(model.TimeLayout)
	for _, row := range []AuditEntry{
		{CandidateID: p.ada.ID, At: after},                                                // written before uids: Ada, created by then
		{CandidateID: five, At: before},                                                   // the same id, but someone created later
		{CandidateID: seven, At: after, CandidateUID: "0123456789abcdef0123456789abcdef"}, // the same id, another person's uid
	} {
		if _, err := p.s.w.Exec(`INSERT INTO privacy_audit (action, why, candidate_id, candidate_uid, actor_name, at) VALUES ('erase', 'request', ?, ?, 'Riley Chen', ?)`,
			row.CandidateID, row.CandidateUID, row.At); err != nil {
			t.Fatal(err)
		}
	}
	// A copy made before uids has only the uids its upgrade gave it, so
	// there a uid finds no one and the id and time decide.
	if n, err := p.s.ErasedIn(ctx, path, uidsSince-1); err != nil || n != (ErasedAgain{Erased: 2}) {
		t.Errorf("ErasedIn a copy made before uids = %+v, %v; want Ada and the seventh", n, err)
	}
	if n, err := p.s.EraseAgainIn(ctx, path, SchemaVersion()); err != nil || n != (ErasedAgain{Erased: 1}) {
		t.Fatalf("EraseAgainIn = %+v, %v; want Ada alone", n, err)
	}
	if _, err := candidateIn(t, path, p.ada.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Ada: %v", err)
	}
	for _, id := range []int64{five, seven} {
		if _, err := candidateIn(t, path, id); err != nil {
			t.Errorf("candidate %d was erased by a row about someone else: %v", id, err)
		}
	}
}

func TestAnErasureAfterAnAnonymisationReachesTheOldCopy(t *testing.T) {
	ctx := context.Background()
	p := personalWorkspace(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "copy.db")
	copyTo(t, p.s, path)
	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byAnonymising); err != nil {
		t.Fatal(err)
	}
	// Anonymised, she has a uid the copy never knew; the erasure names it.
	if _, err := p.s.EraseCandidates(ctx, []int64{p.quorra.ID}, byRequest); err != nil {
		t.Fatal(err)
	}
	if n, err := p.s.EraseAgainIn(ctx, path, SchemaVersion()); err != nil || n != (ErasedAgain{Erased: 1}) {
		t.Fatalf("EraseAgainIn = %+v, %v; want her erased", n, err)
	}
	if _, err := candidateIn(t, path, p.quorra.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Quorra in the copy: %v", err)
	}
	if got := leaks(t, dir, quorra.tokens); len(got) > 0 {
		t.Errorf("the copy still holds her: %v", got)
	}
}

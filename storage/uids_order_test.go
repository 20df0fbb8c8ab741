// A record's own uid is the first it was given, on PostgreSQL too, where a
// row's place (ctid) stops following insertion once a deleted row's space is
// reused: a uid adopted later would then read as the record's own.

package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"hirebench/app/model"
)

func TestOwnUIDStaysFirstAfterSpaceIsReusedOnPostgres(t *testing.T) {
	a, _ := twoApps(t)
	ctx := context.Background()
	var gone []string
	for i := range 60 {
		c := mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Gone %d", i)}})
		gone = append(gone, fmt.Sprint(c.ID))
	}
	ada := mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}})
	var own []string
	if err := a.Read(ctx, func(tx *Tx) (err error) { own, err = tx.UIDsOf(CandidateUIDs, ada.ID); return err }); err != nil || len(own) != 1 {
		t.Fatalf("Ada's uids: %v, %v", own, err)
	}
	// The people before her leave, and their rows' space is free again.
	for _, q := range []string{`DELETE FROM candidates WHERE id IN (` + strings.Join(gone, ", ") + `)`, `VACUUM candidate_uids`} {
		if _, err := rawExec(a, q); err != nil {
			t.Fatal(q, err)
		}
	}
	adopted := strings.Repeat("ab", 16) // as a bundle brings the uid another laptop knows her by
	if err := a.Write(ctx, func(tx *Tx) error { return tx.AdoptUID(CandidateUIDs, ada.ID, adopted) }); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := a.Read(ctx, func(tx *Tx) (err error) { got, err = tx.UIDsOf(CandidateUIDs, ada.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != own[0] || got[1] != adopted {
		t.Errorf("Ada's uids after adopting one: %v; want her own %s first, then %s", got, own[0], adopted)
	}
	mark, err := a.AIMark(ctx, ada.ID)
	if err != nil || mark != own[0] {
		t.Errorf("Ada's AI mark = %q, %v; want her own uid %s", mark, err, own[0])
	}
}

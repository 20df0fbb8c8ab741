// A bundle made before this workspace erased or anonymised someone holds
// them still: importing it brings nothing of them back and does not say
// which anonymised record they were.

package transfer_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/transfer"
	"hirebench/storage"
)

// scoredDemo is the demo workspace and two of its candidates with
// submitted scorecards; the first also has a resume file attached.
func scoredDemo(t *testing.T) (s *storage.Store, first, second model.Candidate) {
	t.Helper()
	ctx := context.Background()
	s = openDemo(t, filepath.Join(t.TempDir(), "demo.db"))
	var ids []int64
	var err error
	if err := s.Read(ctx, func(tx *storage.Tx) error { ids, err = tx.CandidateIDs(); return err }); err != nil {
		t.Fatal(err)
	}
	var scored []model.Candidate
	for _, id := range ids {
		cards, err := s.CandidateScorecards(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.GetCandidate(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(cards) > 0 && cards[0].Status == scoring.Submitted && c.Email != "" {
			scored = append(scored, c)
		}
		if len(scored) == 2 {
			break
		}
	}
	if len(scored) < 2 {
		t.Fatal("the demo has fewer than two scored candidates")
	}
	if _, err := s.AddAttachment(ctx, scored[0].ID, "cv.txt", "text/plain", []byte("Resume: Zorblatt Institute"), "Resume: Zorblatt Institute"); err != nil {
		t.Fatal(err)
	}
	return s, scored[0], scored[1]
}

func exportAll(t *testing.T, s *storage.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := transfer.New(s).ExportBundle(context.Background(), &buf, bundle.ExportOptions{AppVersion: "test"}, owner); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestABundleMadeBeforeAnErasureBringsNobodyBack(t *testing.T) {
	ctx := context.Background()
	s, anon, gone := scoredDemo(t)
	before := exportAll(t, s)
	actor := model.Profile{ID: 1, Name: "Riley Chen", IsRecruiter: true}
	for _, x := range []struct {
		id     int64
		action storage.EraseAction
	}{{anon.ID, storage.ActionAnonymise}, {gone.ID, storage.ActionErase}} {
		if _, err := s.EraseCandidates(ctx, []int64{x.id}, storage.Erasure{Action: x.action, Why: "request", Actor: actor}); err != nil {
			t.Fatal(err)
		}
	}
	cards, err := s.CandidateScorecards(ctx, anon.ID)
	if err != nil || len(cards) == 0 {
		t.Fatalf("the anonymised candidate's cards: %v, %v", cards, err)
	}
	uids := uidsOf(t, s, storage.CandidateUIDs, anon.ID)

	rep, err := importInto(s, before, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != (bundle.Counts{}) {
		t.Errorf("created %+v; want nothing (conflicts %v)", rep.Created, rep.Conflicts)
	}
	says := func(label, did string) bool {
		for _, c := range rep.Conflicts {
			if strings.Contains(c, "candidate "+label+": not imported: this person was "+did+" here on ") {
				return true
			}
		}
		return false
	}
	if !says(anon.Email, "anonymised") || !says(gone.Email, "erased") {
		t.Errorf("the report does not say why they were left out: %v", rep.Conflicts)
	}
	for _, c := range rep.Conflicts {
		if strings.Contains(c, storage.AnonymousName) {
			t.Errorf("the report ties the bundle's person to the anonymised record: %q", c)
		}
	}
	// Nothing of either came back.
	for _, email := range []string{anon.Email, gone.Email} {
		if c, err := s.FindByEmail(ctx, email); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s is back: %+v, %v", email, c, err)
		}
	}
	c, err := s.GetCandidate(ctx, anon.ID)
	if err != nil || c.Name != fmt.Sprintf("%s %d", storage.AnonymousName, anon.ID) || c.Email != "" || c.ResumeText != "" {
		t.Errorf("the anonymised record: %+v, %v", c, err)
	}
	det, err := s.CandidateDetail(ctx, anon.ID)
	if err != nil || len(det.Attachments) != 0 {
		t.Errorf("the anonymised record's files: %+v, %v", det.Attachments, err)
	}
	if got := uidsOf(t, s, storage.CandidateUIDs, anon.ID); strings.Join(got, ",") != strings.Join(uids, ",") {
		t.Errorf("the anonymised record took the bundle's uids: %v, was %v", got, uids)
	}
	page, err := s.ListCandidates(ctx, model.CandidateFilter{Query: "Zorblatt"})
	if err != nil || len(page.Rows) != 0 {
		t.Errorf("search finds the resume again: %+v, %v", page.Rows, err)
	}
	after, err := s.CandidateScorecards(ctx, anon.ID)
	if err != nil || len(after) != len(cards) {
		t.Fatalf("cards after the import: %d, was %d (%v)", len(after), len(cards), err)
	}
	for _, card := range after {
		if err := scoring.Verify(card); err != nil || card.Notes != "" {
			t.Errorf("card %s after the import: notes %q, verify %v", card.UID, card.Notes, err)
		}
	}
}

// A bundle made after the anonymisation holds the anonymised record; it
// imports quietly, onto that record, adding nothing.
func TestABundleMadeAfterAnAnonymisationImportsQuietly(t *testing.T) {
	ctx := context.Background()
	s, anon, _ := scoredDemo(t)
	if _, err := s.EraseCandidates(ctx, []int64{anon.ID}, storage.Erasure{Action: storage.ActionAnonymise, Why: "request",
		Actor: model.Profile{ID: 1, Name: "Riley Chen", IsRecruiter: true}}); err != nil {
		t.Fatal(err)
	}
	rep, err := importInto(s, exportAll(t, s), false)
	if err != nil || rep.Created != (bundle.Counts{}) || len(rep.Conflicts) != 0 {
		t.Errorf("re-importing its own bundle: created %+v, conflicts %v, %v", rep.Created, rep.Conflicts, err)
	}
}

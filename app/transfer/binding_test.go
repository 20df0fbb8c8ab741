// A scorecard is bound to whom and what it scores: moved to another
// candidate, role or round inside a bundle it is refused as tampered, and
// the card it would have pushed aside still arrives.

package transfer_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/transfer"
	"hirebench/storage"
)

// demoBundle seeds the demo workspace and exports all of it.
func demoBundle(t *testing.T) []byte {
	t.Helper()
	ctx := context.Background()
	s := openDemo(t, filepath.Join(t.TempDir(), "demo.db"))
	var buf bytes.Buffer
	sum, err := transfer.New(s).ExportBundle(ctx, &buf, bundle.ExportOptions{AppVersion: "test"}, owner)
	if err != nil || len(sum.Skipped) != 0 {
		t.Fatalf("export: %v, skipped %v", err, sum.Skipped)
	}
	return buf.Bytes()
}

// emptyWorkspace is a second laptop with nothing on it.
func emptyWorkspace(t *testing.T) *storage.Store {
	t.Helper()
	return openNew(t, filepath.Join(t.TempDir(), "other.db"))
}

type card = map[string]any

// twoCardsOfARound finds two cards by the same author for the same role and
// round but for different candidates: moving the first onto the second's
// candidate is the attack.
func twoCardsOfARound(t *testing.T, cards []any) (moved, real card) {
	t.Helper()
	seen := map[string]card{}
	for _, c := range cards {
		sc := c.(card)
		key := sc["authorName"].(string) + "\x00" + sc["roleTitle"].(string) + "\x00" + sc["roundName"].(string)
		if first, ok := seen[key]; ok && first["candidateRef"] != sc["candidateRef"] {
			return first, sc
		}
		seen[key] = sc
	}
	t.Fatal("the demo has no author with two cards in one round")
	return nil, nil
}

func importInto(s *storage.Store, data []byte, skip bool) (bundle.ImportReport, error) {
	return transfer.New(s).ImportBundle(context.Background(), bytes.NewReader(data), int64(len(data)),
		model.Profile{Name: "test import"}, owner, bundle.ImportOptions{SkipTampered: skip})
}

func TestScorecardMovedToAnotherCandidateIsRefused(t *testing.T) {
	data := demoBundle(t)
	var movedUID, realUID, target string
	tampered := rewrite(t, data, bundle.ScorecardsFile, func(v any) {
		moved, real := twoCardsOfARound(t, v.([]any))
		movedUID, realUID, target = moved["uid"].(string), real["uid"].(string), real["candidateRef"].(string)
		// What someone with a text editor does: point the card at the other
		// candidate, labels included.
		moved["candidateRef"], moved["candidateEmail"], moved["candidateName"] = target, real["candidateEmail"], real["candidateName"]
	})

	ws := emptyWorkspace(t)
	_, err := importInto(ws, tampered, false)
	if !bundle.IsRefused(err) || !strings.Contains(err.Error(), movedUID) || strings.Contains(err.Error(), realUID) {
		t.Fatalf("import of a bundle with a moved card: %v; want it refused, naming %s only", err, movedUID)
	}
	if n, _ := ws.CountCandidates(context.Background()); n != 0 {
		t.Fatalf("a refused bundle wrote %d candidates", n)
	}

	// --skip-tampered: everything else arrives, the real card included.
	rep, err := importInto(ws, tampered, true)
	if err != nil {
		t.Fatalf("import with SkipTampered: %v", err)
	}
	if len(rep.Refused) != 1 || !strings.Contains(rep.Refused[0], movedUID) {
		t.Errorf("refused %v, want the moved card %s", rep.Refused, movedUID)
	}
	for _, c := range rep.Conflicts {
		if strings.Contains(c, realUID) {
			t.Errorf("the real card was pushed aside: %s", c)
		}
	}
	err = ws.Write(context.Background(), func(tx *storage.Tx) error {
		if _, err := tx.ScorecardByUID(movedUID); err == nil {
			t.Errorf("the moved card %s was imported", movedUID)
		}
		c, err := tx.ScorecardByUID(realUID)
		if err != nil {
			t.Errorf("the real card %s is missing: %v", realUID, err)
			return nil
		}
		if err := scoring.Verify(c); err != nil {
			t.Errorf("the real card does not verify: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The same person, role and round created on two laptops on their own have
// different uids. Sam's card from his laptop lands on the recruiter's
// records, which adopt his uids, so it verifies there and on a third laptop
// the recruiter passes everything on to.
func TestCardBoundOnAnotherLaptopVerifiesWhereRecordsMatchByName(t *testing.T) {
	rec := newRecruiter(t)
	sam := newLaptop(t, "sam", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	me := sam.profile(t, "Sam Okafor", true) // his own laptop: he sets up the plan
	builtinID, err := sam.store.BuiltinRubricID(sam.ctx)
	if err != nil {
		t.Fatal(err)
	}
	role, err := sam.track.CreateRole(sam.ctx, model.RoleInput{Title: "AI Engineer", Team: "Platform", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sam.track.CreateCandidate(sam.ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, []int64{role.ID}, me); err != nil {
		t.Fatal(err)
	}
	round, err := sam.iv.SaveRound(sam.ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: builtinID, DurationMin: 60,
		InterviewerIDs: []int64{me.ID}}, me)
	if err != nil {
		t.Fatal(err)
	}
	card := sam.score(t, sam.application(t, "ada@example.com", role.ID).ID, round.ID, me, 3)

	rep := rec.importBundle(t, sam.export(t, bundle.ExportOptions{AuthorID: me.ID, AppVersion: "test"}))
	if rep.Created.Scorecards != 1 || rep.Created.Candidates != 0 || rep.Created.Roles != 0 {
		t.Fatalf("recruiter created %+v (conflicts %v); want Sam's card on the records already here", rep.Created, rep.Conflicts)
	}
	got := cardByUID(t, rec.store, card.UID)
	if err := scoring.Verify(got); err != nil || got.CandidateID != rec.application(t, "ada@example.com", rec.role.ID).CandidateID {
		t.Fatalf("Sam's card on the recruiter's laptop: candidate %d, verify %v", got.CandidateID, err)
	}

	third := newLaptop(t, "committee", time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	rep = third.importBundle(t, rec.export(t, bundle.ExportOptions{AppVersion: "test"}))
	if rep.Created.Scorecards != 1 || len(rep.Conflicts) != 0 {
		t.Fatalf("third laptop: created %+v, conflicts %v", rep.Created, rep.Conflicts)
	}
	onThird := cardByUID(t, third.store, card.UID)
	if err := scoring.Verify(onThird); err != nil {
		t.Errorf("on the third laptop: %v", err)
	}
	// Ada passed on keeps her identities, the recruiter's own first, and gains none.
	here, there := uidsOf(t, rec.store, storage.CandidateUIDs, got.CandidateID), uidsOf(t, third.store, storage.CandidateUIDs, onThird.CandidateID)
	if len(here) != 2 || !slices.Equal(here, there) || here[1] != card.Binding.CandidateUID {
		t.Errorf("Ada's uids: recruiter %v, third laptop %v; want the recruiter's own then Sam's (%s), the same on both",
			here, there, card.Binding.CandidateUID)
	}
}

func uidsOf(t *testing.T, s *storage.Store, k storage.UIDKind, id int64) []string {
	t.Helper()
	var out []string
	err := s.Read(context.Background(), func(tx *storage.Tx) error {
		var err error
		out, err = tx.UIDsOf(k, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Records that came from the recruiter are found by uid, even after the
// recruiter corrected Ada's email and renamed the role and the round.
func TestRecordsRenamedSinceTheSetupAreFoundByUID(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)
	ada := rec.application(t, "ada@example.com", rec.role.ID)
	if _, err := rec.track.UpdateCandidate(rec.ctx, ada.CandidateID, model.CandidatePatch{Email: ptr("ada@lovelace.example")}, rec.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := rec.track.UpdateRole(rec.ctx, rec.role.ID, model.RoleInput{Title: "ML Engineer", Team: "Platform", Status: model.RoleOpen}); err != nil {
		t.Fatal(err)
	}
	deep := rec.round(t, rec.role.ID, "Deep dive")
	in := scoring.RoundInput{ID: deep.ID, RoleID: rec.role.ID, Name: "Technical deep dive", RubricID: deep.RubricID,
		Competencies: deep.Competencies, DurationMin: deep.DurationMin, InterviewerIDs: []int64{rec.sam.ID, rec.priya.ID}}
	if _, err := rec.iv.SaveRound(rec.ctx, in, rec.riley); err != nil {
		t.Fatal(err)
	}

	rep := rec.importBundle(t, mine)
	if rep.Created.Candidates != 0 || rep.Created.Roles != 0 || rep.Created.Rounds != 0 || rep.Created.Scorecards != 2 {
		t.Fatalf("created %+v, conflicts %v; want Sam's two cards on the renamed records", rep.Created, rep.Conflicts)
	}
	for _, c := range cards {
		got := cardByUID(t, rec.store, c.UID)
		if err := scoring.Verify(got); err != nil || got.CandidateID != ada.CandidateID || got.RoleID != rec.role.ID {
			t.Errorf("card %s: candidate %d role %d, verify %v", c.UID, got.CandidateID, got.RoleID, err)
		}
	}
	if !slices.ContainsFunc(rep.Conflicts, func(s string) bool { return strings.Contains(s, "email differs") }) {
		t.Errorf("the differing email is not reported: %v", rep.Conflicts)
	}
}

// A card moved to another application in the workspace file (triggers
// dropped, as with the sqlite3 shell) is left out of an export as tampered.
func TestCardMovedInTheWorkspaceFileIsNotExported(t *testing.T) {
	rec := newRecruiter(t)
	sam, cards, _ := interviewerScores(t, rec)
	db, err := sql.Open("sqlite", sam.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var graceApp int64
	if err := db.QueryRow(`SELECT a.id FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.name = 'Grace Hopper'`).Scan(&graceApp); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER scorecards_submitted_immutable`, `UPDATE scorecards SET application_id = ? WHERE uid = ?`} {
		if _, err := db.Exec(q, graceApp, cards[0].UID); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var buf bytes.Buffer
	sum, err := sam.svc.ExportBundle(sam.ctx, &buf, bundle.ExportOptions{AuthorID: sam.profile(t, "Sam Okafor", false).ID}, owner)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Skipped) != 1 || !strings.Contains(sum.Skipped[0], cards[0].UID) || !strings.Contains(sum.Skipped[0], "another candidate") {
		t.Errorf("export skipped %v; want the moved card %s", sum.Skipped, cards[0].UID)
	}
	if sum.Counts.Scorecards != 1 {
		t.Errorf("exported %d cards, want the untouched one", sum.Counts.Scorecards)
	}
	if err := sam.iv.VerifyScorecard(sam.ctx, cards[0].ID); err == nil {
		t.Error("VerifyScorecard passes the moved card")
	}
}

func cardByUID(t *testing.T, s *storage.Store, uid string) scoring.Scorecard {
	t.Helper()
	var c scoring.Scorecard
	err := s.Read(context.Background(), func(tx *storage.Tx) error {
		var err error
		c, err = tx.ScorecardByUID(uid)
		return err
	})
	if err != nil {
		t.Fatalf("card %s: %v", uid, err)
	}
	return c
}

func ptr[T any](v T) *T { return &v }

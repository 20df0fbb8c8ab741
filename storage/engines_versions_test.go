// Two people editing one candidate or moving one card, on both engines: every
// change to the record counts its version up and names who made it, and an
// edit or a move made from an older view is refused, never applied over the
// change that came first (issue 15).

package storage

import (
	"context"
	"errors"
	"testing"
	"time"

	"hirebench/app/model"
)

var (
	byPriya = model.Profile{Name: "Priya Raman"}
	bySam   = model.Profile{Name: "Sam Okafor"}
)

// setPhone is an edit of the phone number that records whether it ran.
func setPhone(phone string, ran *bool) func(*model.Candidate) error {
	return func(c *model.Candidate) error {
		*ran = true
		c.Phone = phone
		return nil
	}
}

// wantCandidate checks what is stored now.
func wantCandidate(t *testing.T, s *Store, id int64, phone string, version int64, by string) {
	t.Helper()
	c, err := s.GetCandidate(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Phone != phone || c.Version != version || c.ChangedBy != by {
		t.Errorf("stored: phone %q, version %d, changed by %q; want %q, %d, %q", c.Phone, c.Version, c.ChangedBy, phone, version, by)
	}
}

// wantChanged checks err is the refusal of a stale edit or move, with its words.
func wantChanged(t *testing.T, err error, want model.ChangedError, says string) {
	t.Helper()
	var ce *model.ChangedError
	if !errors.As(err, &ce) || !errors.Is(err, model.ErrConflict) {
		t.Fatalf("err = %v, want a *model.ChangedError that is a conflict", err)
	}
	if *ce != want {
		t.Errorf("refusal = %+v, want %+v", *ce, want)
	}
	if ce.Error() != says {
		t.Errorf("refusal says %q, want %q", ce.Error(), says)
	}
}

func TestStaleCandidateEditRefusedOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Phone: "+44 1"}})
		if ada.Version != 1 || ada.ChangedBy != "" {
			t.Fatalf("a new candidate: version %d, changed by %q; want 1, nobody", ada.Version, ada.ChangedBy)
		}

		// Priya saves from version 1: it becomes 2, hers.
		var ran bool
		c, err := s.UpdateCandidate(ctx, ada.ID, 1, byPriya, setPhone("+44 2", &ran))
		if err != nil {
			t.Fatal(err)
		}
		if c.Version != 2 || c.ChangedBy != "Priya Raman" || c.Phone != "+44 2" {
			t.Errorf("Priya's save returned version %d by %q, phone %q; want 2 by Priya Raman, +44 2", c.Version, c.ChangedBy, c.Phone)
		}

		// A minute later a note is added: activity around her, not a change
		// to her record, so the refusal below still dates Priya's change.
		clk.Advance(time.Minute)
		if _, err := s.AddNote(ctx, ada.ID, "Called about her notice period", bySam); err != nil {
			t.Fatal(err)
		}
		// Two minutes after Priya's save Sam saves what he typed over version 1.
		clk.Advance(time.Minute)
		ran = false
		_, err = s.UpdateCandidate(ctx, ada.ID, 1, bySam, setPhone("+44 3", &ran))
		wantChanged(t, err, model.ChangedError{By: "Priya Raman", At: "2025-03-01T09:00:00.000Z", Now: "2025-03-01T09:02:00.000Z"},
			"changed by Priya Raman 2 minutes ago — reload to see their change")
		if ran {
			t.Error("the stale edit was applied to the record before it was refused")
		}
		wantCandidate(t, s, ada.ID, "+44 2", 2, "Priya Raman")

		// Reloaded, his edit goes through and counts.
		if _, err := s.UpdateCandidate(ctx, ada.ID, 2, bySam, setPhone("+44 3", &ran)); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 3", 3, "Sam Okafor")

		// Version 0 (the command line, an import) skips the check but still counts.
		if _, err := s.UpdateCandidate(ctx, ada.ID, 0, bySam, setPhone("+44 4", &ran)); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 4", 4, "Sam Okafor")

		// Sam's own change from his other window is a change too.
		clk.Advance(30 * time.Second)
		_, err = s.UpdateCandidate(ctx, ada.ID, 3, bySam, setPhone("+44 5", &ran))
		wantChanged(t, err, model.ChangedError{By: "Sam Okafor", Self: true, At: "2025-03-01T09:02:00.000Z", Now: "2025-03-01T09:02:30.000Z"},
			"changed by you in another window just now — reload to see your change")
		wantCandidate(t, s, ada.ID, "+44 4", 4, "Sam Okafor")
	})
}

func TestEveryChangeToACandidateCountsOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		r := mustRole(t, s, "Backend engineer")
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Phone: "+44 1"}}, r.ID)

		if _, err := s.SetArchived(ctx, ada.ID, true, byPriya); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 1", 2, "Priya Raman")
		if _, err := s.SetArchived(ctx, ada.ID, false, bySam); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 1", 3, "Sam Okafor")

		// A resume file's text filling an empty resume changes the record.
		if _, err := s.AddResumeAttachment(ctx, ada.ID, "cv.txt", "text/plain", []byte("Engines"), "Engines", byPriya); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 1", 4, "Priya Raman")
		// With resume text there, a second file leaves the record alone.
		if _, err := s.AddResumeAttachment(ctx, ada.ID, "cv2.txt", "text/plain", []byte("Other"), "Other", bySam); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 1", 4, "Priya Raman")

		// Activity around her is not a change to her record: an edit made
		// from version 4 still saves after a note and a move.
		if _, err := s.AddNote(ctx, ada.ID, "Strong on systems", bySam); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveApplication(ctx, onlyApplication(t, s, ada.ID).ID, stageNamed(t, r, "Screen").ID, "", bySam); err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 1", 4, "Priya Raman")
		var ran bool
		if _, err := s.UpdateCandidate(ctx, ada.ID, 4, byPriya, setPhone("+44 2", &ran)); err != nil {
			t.Fatalf("an edit from the version shown after a note and a move: %v", err)
		}
		wantCandidate(t, s, ada.ID, "+44 2", 5, "Priya Raman")

		// An import's merge, through a Tx, counts too and names the importer.
		err := s.Write(ctx, func(tx *Tx) error {
			c, err := tx.Candidate(ada.ID)
			if err != nil {
				return err
			}
			c.Location = "London"
			return tx.UpdateCandidate(c, bySam)
		})
		if err != nil {
			t.Fatal(err)
		}
		wantCandidate(t, s, ada.ID, "+44 2", 6, "Sam Okafor")
		// A Tx's save of a copy read at an older version is refused.
		clk.Advance(3 * time.Hour)
		err = s.Write(ctx, func(tx *Tx) error {
			c, err := tx.Candidate(ada.ID)
			if err != nil {
				return err
			}
			c.Version, c.Location = 5, "Paris"
			return tx.UpdateCandidate(c, byPriya)
		})
		wantChanged(t, err, model.ChangedError{By: "Sam Okafor", At: "2025-03-01T09:00:00.000Z", Now: "2025-03-01T12:00:00.000Z"},
			"changed by Sam Okafor 3 hours ago — reload to see their change")
		if c, _ := s.GetCandidate(ctx, ada.ID); c.Location != "London" {
			t.Errorf("location = %q after the refusal, want London", c.Location)
		}
	})
}

func TestStaleMoveRefusedOnBothEngines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		r := mustRole(t, s, "Backend engineer")
		ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace"}}, r.ID)
		app := onlyApplication(t, s, ada.ID)
		applied, screen, offer := stageNamed(t, r, "Applied"), stageNamed(t, r, "Screen"), stageNamed(t, r, "Offer")
		rejected := stageNamed(t, r, "Rejected")

		// Priya moves the card she sees in Applied to Offer.
		clk.Advance(time.Minute)
		if _, err := s.MoveApplicationNoted(ctx, app.ID, applied.ID, offer.ID, "", "", byPriya); err != nil {
			t.Fatal(err)
		}
		// Sam's board still shows it in Applied: his move to Screen, and
		// his rejection, are refused two minutes later.
		clk.Advance(2 * time.Minute)
		want := model.ChangedError{By: "Priya Raman", At: "2025-03-01T09:01:00.000Z", Now: "2025-03-01T09:03:00.000Z", MovedTo: "Offer"}
		_, err := s.MoveApplicationNoted(ctx, app.ID, applied.ID, screen.ID, "", "", bySam)
		wantChanged(t, err, want, "moved to Offer by Priya Raman 2 minutes ago — reload to see the move")
		_, err = s.MoveApplicationNoted(ctx, app.ID, applied.ID, rejected.ID, "Position filled", "Keep in touch", bySam)
		wantChanged(t, err, want, "moved to Offer by Priya Raman 2 minutes ago — reload to see the move")

		d, err := s.CandidateDetail(ctx, ada.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a := d.Applications[0]; a.StageName != "Offer" || a.RejectionReason != "" {
			t.Errorf("after the refusals: %s %q, want Offer and no reason", a.StageName, a.RejectionReason)
		}
		if len(d.History) != 2 {
			t.Errorf("history has %d events, want 2 (applied, Priya's move): %+v", len(d.History), d.History)
		}

		// From where it is, or without a check, the move goes through.
		if _, err := s.MoveApplicationNoted(ctx, app.ID, offer.ID, screen.ID, "", "", bySam); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MoveApplication(ctx, app.ID, applied.ID, "", bySam); err != nil {
			t.Fatal(err)
		}
		// Sam's own move, seen from his other window.
		_, err = s.MoveApplicationNoted(ctx, app.ID, screen.ID, offer.ID, "", "", bySam)
		wantChanged(t, err, model.ChangedError{By: "Sam Okafor", Self: true, At: "2025-03-01T09:03:00.000Z", Now: "2025-03-01T09:03:00.000Z", MovedTo: "Applied"},
			"moved to Applied by you in another window just now — reload to see the move")
	})
}

// Two apps on one PostgreSQL workspace: a save whose transaction read the
// candidate before another app's save committed is refused, not applied
// over it (read committed lets the read and the write straddle it).
func TestConcurrentCandidateSaveRefusedOnPostgres(t *testing.T) {
	a, b := twoApps(t)
	ctx := context.Background()
	ada := mustCandidate(t, a, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Phone: "+44 1"}})
	var ran bool
	err := a.Write(ctx, func(tx *Tx) error {
		c, err := tx.Candidate(ada.ID)
		if err != nil {
			return err
		}
		if _, err := b.UpdateCandidate(ctx, ada.ID, 1, bySam, setPhone("+44 2", &ran)); err != nil {
			t.Errorf("the other app's save: %v", err)
		}
		c.Phone = "+44 3"
		return tx.UpdateCandidate(c, byPriya)
	})
	wantChanged(t, err, model.ChangedError{By: "Sam Okafor", At: "2025-03-01T09:00:00.000Z", Now: "2025-03-01T09:00:00.000Z"},
		"changed by Sam Okafor just now — reload to see their change")
	wantCandidate(t, a, ada.ID, "+44 2", 2, "Sam Okafor")
}

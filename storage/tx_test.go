// Tests of the transaction handle (Store.Write, Store.Read) and its
// per-entity methods: rows go in as given and come back as stored. The
// rules built on them (bundle merges) are tested in app/transfer.

package storage

import (
	"context"
	"errors"
	"testing"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

func TestTxWriteIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := mustOpen(t)
	boom := errors.New("boom")
	err := s.Write(ctx, func(tx *Tx) error {
		if _, err := tx.InsertProfile("Sam Okafor"); err != nil {
			return err
		}
		id, err := tx.InsertRole(model.Role{Title: "AI Engineer", Status: model.RoleOpen, CreatedAt: rawNow, UpdatedAt: rawNow})
		if err != nil {
			return err
		}
		if err := tx.InsertStage(id, "Applied", 1, model.StageActive); err != nil {
			return err
		}
		if _, err := tx.InsertCandidate(model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada", Email: "ada@example.com"},
			CreatedAt: rawNow, UpdatedAt: rawNow}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Write = %v, want fn's error", err)
	}
	profiles, _ := s.ListProfiles(ctx)
	roles, _ := s.ListRoles(ctx)
	n, _ := s.CountCandidates(ctx)
	if len(profiles) != 0 || len(roles) != 0 || n != 0 || len(search(t, s, "ada", true)) != 0 {
		t.Fatalf("a failed Write left %d profiles, %d roles, %d candidates", len(profiles), len(roles), n)
	}
	// Read sees one snapshot and refuses writes.
	err = s.Read(ctx, func(tx *Tx) error {
		_, err := tx.InsertProfile("Sneaky")
		return err
	})
	if err == nil {
		t.Fatal("a Read transaction wrote")
	}
	if profiles, _ := s.ListProfiles(ctx); len(profiles) != 0 {
		t.Fatalf("a refused write left %d profiles", len(profiles))
	}
}

func TestTxRowsGoInAsGiven(t *testing.T) {
	ctx := context.Background()
	s, clk := mustOpen(t)
	const made, edited, archived = "2026-01-05T10:00:00.000Z", "2026-01-06T10:00:00.000Z", "2026-01-07T10:00:00.000Z"
	var roleID, candID, appID int64
	err := s.Write(ctx, func(tx *Tx) error {
		var err error
		if tx.Now() != clk.Now().UTC().Format(model.TimeLayout) {
			t.Errorf("Now = %s, want the store's clock", tx.Now())
		}
		if roleID, err = tx.InsertRole(model.Role{Title: "AI Engineer", Team: "Platform", Status: model.RoleOnHold, CreatedAt: made, UpdatedAt: edited}); err != nil {
			return err
		}
		for i, name := range []string{"Applied", "Interview"} {
			if err := tx.InsertStage(roleID, name, i+1, model.StageActive); err != nil {
				return err
			}
		}
		if err := tx.InsertStage(roleID, "Turned down", 3, model.StageRejected); err != nil {
			return err
		}
		if _, err := tx.AppendStage(roleID, "Offer"); err != nil {
			return err
		}
		candID, err = tx.InsertCandidate(model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper", Source: "referral",
			Tags: []string{"cobol", "navy"}}, CreatedAt: made, UpdatedAt: edited, ArchivedAt: archived})
		if err != nil {
			return err
		}
		role, err := tx.Role(roleID)
		if err != nil {
			return err
		}
		rejected := role.Stages[len(role.Stages)-1]
		appID, err = tx.InsertApplication(model.Application{CandidateID: candID, RoleID: roleID, StageID: rejected.ID, StageName: rejected.Name,
			RejectionReason: "Hired elsewhere", CreatedAt: made, EnteredStageAt: edited}, "imported from a bundle", tester)
		if err != nil {
			return err
		}
		return tx.InsertAttachment(candID, "cv.txt", "text/plain", []byte("Wrote the first compiler.\n"), "Wrote the first compiler.", made)
	})
	if err != nil {
		t.Fatal(err)
	}
	role, _ := s.GetRole(ctx, roleID)
	var names []string
	for _, st := range role.Stages {
		names = append(names, st.Name)
	}
	if role.CreatedAt != made || role.Status != model.RoleOnHold || len(names) != 4 || names[2] != "Offer" || names[3] != "Turned down" {
		t.Errorf("role = %+v, stages %v; want its times kept and Offer appended before the rejected stage", role, names)
	}
	c, _ := s.GetCandidate(ctx, candID)
	if c.CreatedAt != made || c.UpdatedAt != edited || c.ArchivedAt != archived || len(c.Tags) != 2 || c.Tags[1] != "navy" {
		t.Errorf("candidate = %+v; want times, archive and tags as given", c)
	}
	if got := search(t, s, "compiler", true); len(got) != 1 {
		t.Errorf("the file's text is not searchable: %v", got)
	}
	d, _ := s.CandidateDetail(ctx, candID)
	if a := d.Applications[0]; a.ID != appID || a.RejectionReason != "Hired elsewhere" || a.EnteredStageAt != edited ||
		len(d.History) != 1 || d.History[0].Reason != "imported from a bundle" || d.History[0].ToStage != "Turned down" {
		t.Errorf("application %+v, history %+v", d.Applications, d.History)
	}
	err = s.Read(ctx, func(tx *Tx) error {
		files, err := tx.AttachmentFiles(candID)
		if err != nil || len(files) != 1 || files[0].Size != 26 || files[0].SHA256 != fileSHA256([]byte("Wrote the first compiler.\n")) || !files[0].HasText {
			t.Errorf("AttachmentFiles = %+v, %v", files, err)
			return nil
		}
		if ok, _ := tx.HasAttachment(candID, files[0].Size, files[0].SHA256); !ok {
			t.Error("HasAttachment does not find the file by its hash")
		}
		if ok, _ := tx.HasAttachment(candID, files[0].Size, fileSHA256([]byte("other"))); ok {
			t.Error("HasAttachment found a file with other bytes")
		}
		if a, err := tx.ApplicationOf(candID, roleID); err != nil || a.ID != appID {
			t.Errorf("ApplicationOf = %+v, %v", a, err)
		}
		if _, err := tx.ApplicationOf(candID, roleID+1); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("ApplicationOf another role: %v, want ErrNotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTxLookups(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, _ *testClock) {
		ctx := context.Background()
		mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}})
		grace := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Grace Hopper"}})
		first, second := mustRole(t, s, "Backend engineer"), mustRole(t, s, "backend Engineer")
		if _, err := s.CreateProfile(ctx, "Sam Okafor", false); err != nil {
			t.Fatal(err)
		}
		err := s.Read(ctx, func(tx *Tx) error {
			if _, err := tx.CandidateWithEmail("nobody@example.com"); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("CandidateWithEmail of nobody: %v", err)
			}
			if list, _ := tx.CandidatesNamed("GRACE HOPPER", grace.CreatedAt); len(list) != 1 || list[0].ID != grace.ID {
				t.Errorf("CandidatesNamed = %+v", list)
			}
			if list, _ := tx.CandidatesNamed("Grace Hopper", "2001-01-01T00:00:00.000Z"); len(list) != 0 {
				t.Errorf("CandidatesNamed matched another creation time: %+v", list)
			}
			if list, _ := tx.RolesTitled("BACKEND ENGINEER"); len(list) != 2 || list[0].ID != first.ID || list[1].ID != second.ID {
				t.Errorf("RolesTitled = %+v", list)
			}
			if id, err := tx.ProfileNamed("sam okafor"); err != nil || id == 0 {
				t.Errorf("ProfileNamed = %d, %v", id, err)
			}
			if _, err := tx.ProfileNamed("Priya"); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("ProfileNamed of nobody: %v", err)
			}
			if _, err := tx.BuiltinRubricID(); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("BuiltinRubricID before install: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestTxRubricVersions(t *testing.T) {
	forEachEngine(t, func(t *testing.T, s *Store, clk *testClock) {
		ctx := context.Background()
		r := rubric.Builtin()
		r.Name = "Systems rubric"
		v1, err := s.CreateRubric(ctx, r, false, tester)
		if err != nil {
			t.Fatal(err)
		}
		r.Description = "Edited elsewhere."
		content, sum, _ := EncodeRubric(r)
		clk.Advance(60e9)
		err = s.Write(ctx, func(tx *Tx) error {
			if err := tx.InsertVersion(StoredVersion{RubricID: v1.RubricID, Version: 2, SHA256: sum, CreatedAt: rawNow, Content: content}); err != nil {
				return err
			}
			if err := tx.CopyVersion(v1.ID, 3); err != nil { // version 1 stays current
				return err
			}
			if err := tx.RenameRubric(v1.RubricID, "Systems rubric (v1)"); err != nil {
				return err
			}
			if _, err := tx.InsertRubric(StoredRubric{Name: "systems RUBRIC", ArchivedAt: rawNow, CreatedAt: rawNow, UpdatedAt: rawNow}); err != nil {
				return err
			}
			versions, err := tx.RubricVersions(v1.RubricID)
			if err != nil || len(versions) != 3 || versions[1].Content != content || versions[2].SHA256 != v1.SHA256 || versions[2].CreatedAt != tx.Now() {
				t.Errorf("RubricVersions = %+v, %v", versions, err)
			}
			if list, _ := tx.RubricsWithVersion(sum); len(list) != 1 || list[0].ID != v1.RubricID {
				t.Errorf("RubricsWithVersion = %+v", list)
			}
			if list, _ := tx.RubricsNamed("Systems Rubric"); len(list) != 1 || list[0].ArchivedAt == "" {
				t.Errorf("RubricsNamed = %+v, want only the archived one of that name", list)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		latest, err := s.LatestRubric(ctx, v1.RubricID)
		if err != nil || latest.Version != 3 || latest.SHA256 != v1.SHA256 {
			t.Errorf("latest = v%d %s, %v; want version 1's content again", latest.Version, latest.SHA256, err)
		}
	})
}

// scoredWorkspace is a workspace where Sam submitted and amended a card.
func scoredWorkspace(t *testing.T) (*Store, scoring.Scorecard) {
	t.Helper()
	return scoredWorkspaceOn(t, mustOpen)
}

// scoredWorkspaceOn is scoredWorkspace on the engine open opens.
func scoredWorkspaceOn(t *testing.T, open opener) (*Store, scoring.Scorecard) {
	t.Helper()
	ctx := context.Background()
	s, _ := open(t)
	sam, err := s.CreateProfile(ctx, "Sam Okafor", false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.CreateRubric(ctx, rubric.Builtin(), false, tester)
	if err != nil {
		t.Fatal(err)
	}
	role := mustRole(t, s, "AI Engineer")
	ada := mustCandidate(t, s, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}}, role.ID)
	round, err := s.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: v.RubricID,
		Competencies: []string{v.Content.Competencies[0].ID}, DurationMin: 60, InterviewerIDs: []int64{sam.ID}})
	if err != nil {
		t.Fatal(err)
	}
	draft, err := s.StartScorecard(ctx, onlyApplication(t, s, ada.ID).ID, round.ID, sam)
	if err != nil || draft.Status != scoring.Draft || len(draft.Answers) != 0 {
		t.Fatalf("StartScorecard = %+v, %v", draft, err)
	}
	if _, err := s.UpdateScorecard(ctx, draft.ID, sam.ID, func(_ rubric.Rubric, c *scoring.Scorecard) error {
		c.Recommendation, c.Notes, c.Status = "yes", "Clear on evals.", scoring.Submitted
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	c, err := s.AmendScorecard(ctx, draft.ID, sam, func(_ rubric.Rubric, c scoring.Scorecard, rev *scoring.Revision) error {
		rev.Answers, rev.Recommendation, rev.Reason = c.Answers, "strong_yes", "Second look."
		return nil
	})
	if err != nil || scoring.Verify(c) != nil {
		t.Fatalf("amend: %v, verify %v", err, scoring.Verify(c))
	}
	return s, c
}

func TestTxScorecardsTravelIntact(t *testing.T) {
	forEachOpener(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		_, card := scoredWorkspaceOn(t, open)
		// The same setup elsewhere, where Sam's card arrives by InsertScorecard.
		b, _ := scoredWorkspaceOn(t, open)
		notYetOn(t, b, "a failed statement aborts the whole transaction there (SQLite carries on); the refused InsertScorecard below needs a savepoint")
		err := b.Write(ctx, func(tx *Tx) error {
			local, err := tx.SubmittedScorecards(0)
			if err != nil || len(local) != 1 {
				t.Fatalf("SubmittedScorecards = %d cards, %v", len(local), err)
			}
			if mine, _ := tx.SubmittedScorecards(local[0].AuthorID + 100); len(mine) != 0 {
				t.Errorf("another author's SubmittedScorecards = %+v", mine)
			}
			if _, err := tx.ScorecardByUID(card.UID); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("ScorecardByUID of an unknown card: %v", err)
			}
			// The author's own card for that round is found, and a second one refused.
			other, err := tx.ScorecardOf(local[0].ApplicationID, local[0].RoundID, local[0].AuthorID)
			if err != nil || other.UID != local[0].UID {
				t.Errorf("ScorecardOf = %+v, %v", other, err)
			}
			in := card
			in.ApplicationID, in.RoundID, in.AuthorID, in.RubricVersionID = local[0].ApplicationID, local[0].RoundID, local[0].AuthorID, local[0].RubricVersionID
			if _, err := tx.InsertScorecard(in); err == nil {
				t.Error("two cards of one author for one round were stored")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Into a workspace without Sam's card: it arrives with its hash, times and amendment intact.
		c, _ := open(t)
		sam, _ := c.CreateProfile(ctx, "Sam Okafor", false)
		v, _ := c.CreateRubric(ctx, rubric.Builtin(), false, tester)
		role := mustRole(t, c, "AI Engineer")
		ada := mustCandidate(t, c, model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}}, role.ID)
		round, _ := c.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: v.RubricID, DurationMin: 60})
		err = c.Write(ctx, func(tx *Tx) error {
			in := card
			in.ID, in.ApplicationID, in.RoundID, in.AuthorID, in.RubricVersionID = 0, onlyApplication(t, c, ada.ID).ID, round.ID, sam.ID, v.ID
			// The card is bound to the other laptop's uids: these records adopt them, as a bundle import does.
			for _, err := range []error{tx.AdoptUID(CandidateUIDs, ada.ID, card.Binding.CandidateUID),
				tx.AdoptUID(RoleUIDs, role.ID, card.Binding.RoleUID), tx.AdoptUID(RoundUIDs, round.ID, card.Binding.RoundUID)} {
				if err != nil {
					return err
				}
			}
			id, err := tx.InsertScorecard(in)
			if err != nil {
				return err
			}
			for _, r := range card.Revisions {
				r.AuthorID = sam.ID
				if err := tx.InsertRevision(id, r); err != nil {
					return err
				}
			}
			got, err := tx.ScorecardByUID(card.UID)
			if err != nil || got.ID != id || got.SHA256 != card.SHA256 || got.SubmittedAt != card.SubmittedAt || len(got.Revisions) != 1 {
				t.Errorf("ScorecardByUID = %+v, %v", got, err)
			}
			if err := scoring.Verify(got); err != nil {
				t.Errorf("the stored copy does not verify: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestTxPlanRows(t *testing.T) {
	forEachOpener(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		s, card := scoredWorkspaceOn(t, open)
		other := mustRole(t, s, "Data engineer")
		err := s.Write(ctx, func(tx *Tx) error {
			for _, w := range []scoring.WeightEdit{{CompetencyID: "b", Weight: 2}, {CompetencyID: "a", QuestionID: "q2", Weight: 3}, {CompetencyID: "a", Weight: 1}} {
				if err := tx.SetWeight(other.ID, w.CompetencyID, w.QuestionID, w.Weight); err != nil {
					return err
				}
			}
			if err := tx.InsertWeightChange(other.ID, scoring.WeightChange{CompetencyID: "a", Label: "A", Old: 1, New: 2,
				ActorName: "Riley Chen", ChangedAt: rawNow}); err != nil {
				return err
			}
			if added, err := tx.InsertFixedPlan(other.ID, []byte(`[]`), rawNow); err != nil || !added {
				t.Errorf("InsertFixedPlan = %v, %v", added, err)
			}
			if added, _ := tx.InsertFixedPlan(other.ID, []byte(`[{}]`), "later"); added {
				t.Error("a second fixed plan replaced the first")
			}
			// Sam's role has a submitted card and a fixed plan already (UpdateScorecard fixed it).
			return tx.FixScoredPlans()
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.Read(ctx, func(tx *Tx) error {
			list, _ := tx.PlanWeightList(other.ID)
			if len(list) != 3 || list[0] != (scoring.WeightEdit{CompetencyID: "a", Weight: 1}) || list[2].CompetencyID != "b" {
				t.Errorf("PlanWeightList = %+v; want by competency, then question", list)
			}
			hist, _ := tx.WeightChanges(other.ID)
			if len(hist) != 1 || hist[0].ActorName != "Riley Chen" || hist[0].ChangedAt != rawNow {
				t.Errorf("WeightChanges = %+v", hist)
			}
			raw, at, err := tx.FixedPlan(other.ID)
			if err != nil || string(raw) != `[]` || at != rawNow {
				t.Errorf("FixedPlan = %s %s %v", raw, at, err)
			}
			if _, _, err := tx.FixedPlan(other.ID + 100); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("FixedPlan of an unfixed role: %v", err)
			}
			if _, at, err := tx.FixedPlan(card.RoleID); err != nil || at != card.SubmittedAt {
				t.Errorf("the scored role's plan: %s %v; want fixed at its first submission", at, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestTxAssignmentsInPlanOrder(t *testing.T) {
	forEachOpener(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		s, card := scoredWorkspaceOn(t, open)
		priya, _ := s.CreateProfile(ctx, "Priya Nair", false)
		jonas, _ := s.CreateProfile(ctx, "jonas Weber", false)
		second, err := s.SaveRound(ctx, scoring.RoundInput{RoleID: card.RoleID, Name: "Systems", RubricID: card.RubricID, DurationMin: 45})
		if err != nil {
			t.Fatal(err)
		}
		err = s.Write(ctx, func(tx *Tx) error {
			for _, a := range [][2]int64{{second.ID, priya.ID}, {card.RoundID, priya.ID}, {second.ID, jonas.ID}} {
				if err := tx.Assign(card.ApplicationID, a[0], a[1]); err != nil {
					return err
				}
			}
			list, err := tx.ApplicationAssignments(card.ApplicationID)
			if err != nil || len(list) != 2 || list[0].Round != "Deep dive" || list[1].RoundID != second.ID ||
				len(list[1].Interviewers) != 2 || list[1].Interviewers[0].Name != "jonas Weber" {
				t.Errorf("ApplicationAssignments = %+v, %v", list, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// The per-row methods a candidate-file import runs in one transaction:
// each changes only what it says, stamped with the transaction's time.
func TestTxCandidateRowMethods(t *testing.T) {
	ctx := context.Background()
	s, clk := mustOpen(t)
	role, err := s.CreateRole(ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen}, DefaultPipeline)
	if err != nil {
		t.Fatal(err)
	}
	const made = "2026-01-05T10:00:00.000Z"
	var id int64
	err = s.Write(ctx, func(tx *Tx) error {
		first, err := tx.FirstStage(role.ID)
		if err != nil || first.ID != role.Stages[0].ID || first.Name != role.Stages[0].Name {
			t.Errorf("FirstStage = %+v, %v; want %+v", first, err, role.Stages[0])
		}
		if _, err := tx.FirstStage(role.ID + 99); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("FirstStage of no role: %v, want ErrNotFound", err)
		}
		if id, err = tx.InsertCandidate(model.Candidate{CandidateInput: model.CandidateInput{Name: "Ada", Email: "ada@example.com",
			Tags: []string{"math"}}, CreatedAt: made, UpdatedAt: made}); err != nil {
			return err
		}
		if got, err := tx.CandidateWithEmail("ada@example.com"); err != nil || got != id {
			t.Errorf("CandidateWithEmail = %d, %v; want %d", got, err, id)
		}
		if err := tx.TouchCandidate(id); err != nil {
			return err
		}
		if c, _ := tx.Candidate(id); c.UpdatedAt != tx.Now() || c.CreatedAt != made {
			t.Errorf("touched candidate = %+v, want updated at %s", c, tx.Now())
		}
		c, err := tx.Candidate(id)
		if err != nil {
			return err
		}
		c.Phone, c.Tags = "+44 1", []string{"ignored"}
		if err := tx.UpdateCandidate(c, tester); err != nil {
			return err
		}
		if err := tx.WriteTags(id, []string{"math", "engines"}); err != nil {
			return err
		}
		if _, err := tx.AddNote(id, "Met at the meetup", tester); err != nil {
			return err
		}
		_, err = tx.InsertApplication(model.Application{CandidateID: id, RoleID: role.ID, StageID: first.ID, StageName: first.Name,
			CreatedAt: tx.Now(), EnteredStageAt: tx.Now()}, "", tester)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.CandidateDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	now := clk.Now().UTC().Format(model.TimeLayout)
	if c := d.Candidate; c.Phone != "+44 1" || c.UpdatedAt != now || len(c.Tags) != 2 || c.Tags[1] != "engines" {
		t.Errorf("candidate = %+v; want the phone, the time and the tags written", c)
	}
	if len(d.Notes) != 1 || d.Notes[0].Body != "Met at the meetup" || d.Notes[0].AuthorName != tester.Name || d.Notes[0].CreatedAt != now {
		t.Errorf("notes = %+v", d.Notes)
	}
	if len(d.Applications) != 1 || d.Applications[0].StageName != role.Stages[0].Name || len(d.History) != 1 {
		t.Errorf("applications %+v, history %+v", d.Applications, d.History)
	}
	if got := search(t, s, "meetup", true); len(got) != 1 {
		t.Errorf("the note is not searchable: %v", got)
	}
}

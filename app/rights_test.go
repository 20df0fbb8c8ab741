// Tests who may do what through the bindings: nobody signed in or a locked window,
// an interviewer against the recruiter for plan edits and exports, and Interviews.Rights.

package app

import (
	"path/filepath"
	"slices"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// namedCall is one binding called with input it would accept from the right person.
type namedCall struct {
	name string
	call func() error
}

// actorCalls are the bindings that act as the signed-in profile.
func actorCalls(t *testing.T, b *bench) []namedCall {
	two, rec := 2, "yes"
	comp := planComp(t, b)
	newRound := scoring.RoundInput{RoleID: b.roleID, Name: "System design", RubricID: b.builtinID, InterviewerIDs: []int64{b.sam.ID}}
	return []namedCall{
		{"Workspace.SetPassphrase", func() error { _, err := b.ws.SetPassphrase("", "blue heron at dawn"); return err }},
		{"Workspace.RemovePassphrase", func() error { _, err := b.ws.RemovePassphrase("blue heron at dawn"); return err }},
		{"Roles.Create", func() error {
			_, err := b.roles.Create(model.RoleInput{Title: "Data Engineer", Status: model.RoleOpen}, []string{"Applied", "Offer"})
			return err
		}},
		{"Roles.Update", func() error {
			_, err := b.roles.Update(b.roleID, model.RoleInput{Title: "AI Engineer II", Status: model.RoleOpen})
			return err
		}},
		{"Roles.AddStage", func() error { _, err := b.roles.AddStage(b.roleID, "Take-home"); return err }},
		{"Roles.RenameStage", func() error { _, err := b.roles.RenameStage(b.stages[1].ID, "Phone screen"); return err }},
		{"Roles.ReorderStages", func() error {
			ids := []int64{}
			for _, st := range b.stages {
				ids = append(ids, st.ID)
			}
			_, err := b.roles.ReorderStages(b.roleID, ids)
			return err
		}},
		{"Roles.SetRejectionReasons", func() error { _, err := b.roles.SetRejectionReasons([]string{"Timing"}); return err }},
		{"Roles.DeleteStage", func() error { _, err := b.roles.DeleteStage(b.stages[1].ID, 0); return err }},
		{"Candidates.Update", func() error {
			name := "Ada King"
			_, err := b.cands.Update(b.adaID, model.CandidatePatch{Name: &name})
			return err
		}},
		{"Candidates.Archive", func() error { _, err := b.cands.Archive(b.adaID); return err }},
		{"Candidates.Restore", func() error { _, err := b.cands.Restore(b.adaID); return err }},
		{"Candidates.AttachFile", func() error { _, err := b.cands.AttachFile(b.adaID); return err }},
		{"Candidates.DeleteAttachment", func() error { return b.cands.DeleteAttachment(1) }},
		{"Interviews.ArchiveRubric", func() error { return b.iv.ArchiveRubric(b.builtinID, true) }},
		{"Interviews.DeleteRubric", func() error { return b.iv.DeleteRubric(b.builtinID) }},
		{"Interviews.ScheduleRound", func() error { return b.iv.ScheduleRound(b.appID, b.roundID, "2026-12-02T10:00:00Z") }},
		{"Candidates.Create", func() error {
			_, err := b.cands.Create(model.CandidateInput{Name: "Alan Turing", Email: "alan@example.com"}, []int64{b.roleID})
			return err
		}},
		{"Candidates.AddNote", func() error { _, err := b.cands.AddNote(b.adaID, "Strong on systems"); return err }},
		{"Candidates.Apply", func() error { _, err := b.cands.Apply(b.adaID, b.otherRoleID); return err }},
		{"Candidates.Move", func() error { _, err := b.cands.Move(b.appID, 0, b.stages[1].ID, ""); return err }},
		{"Candidates.Reject", func() error { _, err := b.cands.Reject(b.appID, 0, "Position filled", "Keep in touch"); return err }},
		{"Candidates.UndoMove", func() error { _, err := b.cands.UndoMove(b.appID, ""); return err }},
		{"Candidates.UndoArchive", func() error { _, err := b.cands.UndoArchive(b.adaID, ""); return err }},
		{"Roles.UndoDeleteStage", func() error {
			_, err := b.roles.UndoDeleteStage(model.StageDeletion{Role: model.Role{ID: b.roleID}, Stage: "Take-home"})
			return err
		}},
		{"Interviews.RubricDraft", func() error { _, err := b.iv.RubricDraft(0); return err }},
		{"Interviews.RubricDrafts", func() error { _, err := b.iv.RubricDrafts(); return err }},
		{"Interviews.SaveRubricDraft", func() error { _, err := b.iv.SaveRubricDraft(0, rubric.Rubric{Name: "Half done"}); return err }},
		{"Interviews.DiscardRubricDraft", func() error { return b.iv.DiscardRubricDraft(0) }},
		{"Interviews.StartPractice", func() error { _, err := b.iv.StartPractice(b.builtinID); return err }},
		{"Interviews.RecordPractice", func() error { return b.iv.RecordPractice(1, "model-tier-tradeoff#1", 2) }},
		{"Interviews.FinishPractice", func() error { _, err := b.iv.FinishPractice(1); return err }},
		{"Interviews.CreateRubric", func() error {
			r := rubric.Builtin()
			r.Name = "Team rubric"
			_, err := b.iv.CreateRubric(r)
			return err
		}},
		{"Interviews.SaveRubric", func() error { _, err := b.iv.SaveRubric(b.builtinID, rubric.Builtin()); return err }},
		{"Interviews.DuplicateRubric", func() error { _, err := b.iv.DuplicateRubric(b.builtinID, "Copy"); return err }},
		{"Interviews.ImportRubricFile", func() error { _, err := b.iv.ImportRubricFile("feedc0de"); return err }},
		{"Interviews.SaveRound", func() error { _, err := b.iv.SaveRound(newRound); return err }},
		{"Interviews.MoveRound", func() error { _, err := b.iv.MoveRound(b.roundID, 0); return err }},
		{"Interviews.DeleteRound", func() error { return b.iv.DeleteRound(b.otherRoundID) }},
		{"Interviews.AssignRound", func() error { return b.iv.AssignRound(b.appID, b.roundID, []int64{b.riley.ID}) }},
		{"Interviews.Rights", func() error { _, err := b.iv.Rights(); return err }},
		{"Interviews.RunnerPrefs", func() error { _, err := b.iv.RunnerPrefs(); return err }},
		{"Interviews.SetRunnerPrefs", func() error {
			_, err := b.iv.SetRunnerPrefs(interviews.RunnerPrefs{AdvanceAfterScore: true})
			return err
		}},
		{"Interviews.SetWeights", func() error {
			_, err := b.iv.SetWeights(b.roleID, []scoring.WeightEdit{{CompetencyID: comp, Weight: 2}}, "rebalance")
			return err
		}},
		{"Interviews.SetCoverageThreshold", func() error { return b.iv.SetCoverageThreshold(0.5) }},
		{"Interviews.CandidateRounds", func() error { _, err := b.iv.CandidateRounds(b.adaID); return err }},
		{"Interviews.StartInterview", func() error { _, err := b.iv.StartInterview(b.appID, b.roundID); return err }},
		{"Interviews.Scorecard", func() error { _, err := b.iv.Scorecard(b.cardID); return err }},
		{"Interviews.SaveDraft", func() error {
			_, err := b.iv.SaveDraft(b.draftID, []scoring.Patch{{QuestionID: "q", Score: &two}})
			return err
		}},
		{"Interviews.Missing", func() error { _, err := b.iv.Missing(b.draftID, nil); return err }},
		{"Interviews.Submit", func() error { _, err := b.iv.Submit(b.draftID, scoring.Patch{Recommendation: &rec}); return err }},
		{"Interviews.Amend", func() error {
			_, err := b.iv.Amend(b.cardID, interviews.Amendment{Recommendation: "strong_yes", Reason: "second thoughts"})
			return err
		}},
		{"Interviews.SaveScreen", func() error {
			_, err := b.iv.SaveScreen(scoring.ScreenInput{ApplicationID: b.appID, Decision: "advance"})
			return err
		}},
		{"Interviews.ScreenRevisions", func() error { _, err := b.iv.ScreenRevisions(b.appID); return err }},
		{"Interviews.RoleDebrief", func() error { _, err := b.iv.RoleDebrief(b.roleID); return err }},
		{"Exports.Workbook", func() error { _, err := b.ex.Workbook(b.roleID); return err }},
		{"Exports.CSV", func() error { _, err := b.ex.CSV(b.roleID, "summary", false); return err }},
		{"Transfer.CommitImport", func() error {
			_, err := b.tr.CommitImport(ImportRequest{Token: b.csvToken, Policy: "skip", RoleID: b.roleID})
			return err
		}},
		{"Transfer.ExportBundle", func() error { _, err := b.tr.ExportBundle(false); return err }},
		{"Transfer.ImportBundle", func() error { _, err := b.tr.ImportBundle(); return err }},
	}
}

// newWindow is a second window on the same workspace: nobody is unlocked in it yet.
func (b *bench) newWindow(t *testing.T) *bench {
	t.Helper()
	w, d := *b, *b.desk
	w.desk = &d
	w.ws = NewWorkspace(b.ws.svc, b.ws.store, b.dataDir, b.shell)
	w.roles, w.cands = NewRoles(b.ws.svc, w.ws), NewCandidates(b.ws.svc, w.ws, b.shell)
	w.iv, w.ex = NewInterviews(b.iv.svc, w.ws, b.shell), NewExports(b.ex.svc, w.ws, b.shell)
	w.tr = NewTransfer(b.tr.svc, b.tr.bundles, w.ws, b.shell)
	err := w.opening(filepath.Join(b.dir, "people.csv"), func() error {
		f, err := w.tr.ChooseImportFile()
		if err == nil {
			w.csvToken = f.Token
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return &w
}

// refusedForNobody checks every acting binding gets the same "choose who you
// are" answer, asks for no file and changes nothing.
func refusedForNobody(t *testing.T, b *bench) {
	t.Helper()
	b.shell.savePth = filepath.Join(b.dir, "out.xlsx")
	b.shell.opened = filepath.Join(b.dir, "people.csv")
	defer func() { b.shell.savePth, b.shell.opened = "", "" }()
	asked := b.shell.asked
	for _, c := range actorCalls(t, b) {
		ue := asUser(t, c.call())
		want := model.FieldError{Field: "profile", Message: "Choose who you are (top right) before making changes"}
		if ue.Code != "invalid" || ue.Message != "Choose who you are (top right) before making changes." ||
			!slices.Equal(ue.Fields, []model.FieldError{want}) {
			t.Errorf("%s with nobody signed in: %+v", c.name, ue)
		}
	}
	if b.shell.asked != asked {
		t.Errorf("a save dialog opened for nobody (%d times)", b.shell.asked-asked)
	}
}

// unchanged checks, as Riley, that the refused calls saved nothing.
func unchanged(t *testing.T, b *bench) {
	t.Helper()
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	det, _ := b.cands.Detail(b.adaID)
	page, _ := b.cands.List(model.CandidateFilter{})
	role, _ := b.roles.Get(b.roleID)
	rounds, _ := b.iv.Rounds(b.roleID)
	rubrics, _ := b.iv.Rubrics()
	plan, _ := b.iv.Plan(b.roleID)
	if len(det.Notes) != 0 || len(det.Applications) != 1 || det.Applications[0].StageID != b.stages[0].ID {
		t.Errorf("Ada changed: %d notes, applications %+v", len(det.Notes), det.Applications)
	}
	if page.Total != 2 || len(role.Stages) != len(b.stages) || len(rounds) != 1 || len(rubrics) != 1 {
		t.Errorf("saved anyway: %d candidates, %d stages, %d rounds, %d rubrics", page.Total, len(role.Stages), len(rounds), len(rubrics))
	}
	if len(plan.Changes) != 0 || plan.CoverageThreshold != 0.8 {
		t.Errorf("the plan changed: %d weight changes, coverage %v", len(plan.Changes), plan.CoverageThreshold)
	}
	if d, err := b.iv.RubricDrafts(); err != nil || len(d) != 0 {
		t.Errorf("%d rubric drafts saved (%v)", len(d), err)
	}
	if p, _ := b.ws.Profiles(); len(p) != 2 || p[0].Protected || p[1].Protected {
		t.Errorf("profiles changed: %+v", p)
	}
}

func TestNobodySignedInIsRefusedTheSameEverywhere(t *testing.T) {
	b := newBench(t)
	b.ws.SignOut()
	refusedForNobody(t, b)
	unchanged(t, b)
}

func TestALockedWindowActsAsNobody(t *testing.T) {
	b := newBench(t)
	if _, err := b.ws.SetPassphrase("", "blue heron at dawn"); err != nil {
		t.Fatal(err)
	}
	w := b.newWindow(t)
	if ue := asUser(t, errOf(w.ws.CurrentProfile())); ue.Code != "locked" || ue.ProfileID != b.riley.ID {
		t.Fatalf("a new window on Riley's protected profile: %+v", ue)
	}
	refusedForNobody(t, w)
	// Riley's first window stays unlocked; she takes the protection off.
	if _, err := b.ws.RemovePassphrase("blue heron at dawn"); err != nil {
		t.Fatal(err)
	}
	unchanged(t, b)
}

func errOf[T any](_ T, err error) error { return err }

const (
	planNote      = "Only the recruiter changes the interview plan."
	committeeNote = "The committee workbook holds every interviewer's scorecards, so only the recruiter exports it."
	workspaceNote = "A workspace bundle holds every interviewer's scorecards, so only the recruiter exports it; export only your own scorecards instead."
)

// refused checks a call was refused as a conflict saying says.
func refused(t *testing.T, what string, err error, says string) {
	t.Helper()
	if ue := asUser(t, err); ue.Code != "conflict" || ue.Message != says {
		t.Errorf("%s: %+v, want conflict %q", what, ue, says)
	}
}

func TestAnInterviewerMayNotEditThePlanNorExportOthersCards(t *testing.T) {
	b := newBench(t)
	comp := planComp(t, b)
	b.shell.savePth = filepath.Join(b.dir, "out.file")
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	edits := []scoring.WeightEdit{{CompetencyID: comp, Weight: 2}}
	refused(t, "new round", errOf(b.iv.SaveRound(scoring.RoundInput{RoleID: b.roleID, Name: "System design", RubricID: b.builtinID})), planNote)
	refused(t, "rename round", errOf(b.iv.SaveRound(scoring.RoundInput{ID: b.roundID, RoleID: b.roleID, Name: "Chat", RubricID: b.builtinID})), planNote)
	refused(t, "move round", errOf(b.iv.MoveRound(b.roundID, 0)), planNote)
	refused(t, "delete round", b.iv.DeleteRound(b.roundID), planNote)
	refused(t, "assign himself", b.iv.AssignRound(b.appID, b.roundID, []int64{b.sam.ID}), planNote)
	refused(t, "weights", errOf(b.iv.SetWeights(b.roleID, edits, "rebalance")), planNote)
	refused(t, "coverage", b.iv.SetCoverageThreshold(0.5), planNote)
	refused(t, "workbook", errOf(b.ex.Workbook(b.roleID)), committeeNote)
	refused(t, "summary CSV", errOf(b.ex.CSV(b.roleID, "summary", true)), committeeNote)
	refused(t, "scorecards CSV", errOf(b.ex.CSV(b.roleID, "scorecards", false)), committeeNote)
	if b.shell.asked != 0 {
		t.Errorf("the committee export asked where to save %d times before refusing", b.shell.asked)
	}
	refused(t, "workspace bundle", errOf(b.tr.ExportBundle(false)), workspaceNote)
	if b.shell.asked != 0 {
		t.Errorf("the workspace bundle asked where to save %d times before refusing", b.shell.asked)
	}
	refused(t, "a second recruiter", errOf(b.ws.CreateProfile("Mallory", true)),
		"Riley Chen is this workspace's recruiter; only a recruiter can add another recruiter profile.")
	// His own submitted card may leave; his draft for Grace stays.
	mine, err := b.tr.ExportBundle(true)
	if err != nil || !mine.Saved || mine.Summary.Counts.Scorecards != 1 {
		t.Errorf("Sam's own bundle: %+v, %v", mine, err)
	}
	unchanged(t, b)

	// Riley may do each of them.
	if _, err := b.iv.SetWeights(b.roleID, edits, "rebalance"); err != nil {
		t.Errorf("Riley's weights: %v", err)
	}
	round, err := b.iv.SaveRound(scoring.RoundInput{RoleID: b.roleID, Name: "System design", RubricID: b.builtinID})
	if err != nil {
		t.Fatalf("Riley's new round: %v", err)
	}
	if rounds, err := b.iv.MoveRound(round.ID, 0); err != nil || rounds[0].Name != "System design" {
		t.Errorf("Riley's move: %+v, %v", rounds, err)
	}
	if err := b.iv.AssignRound(b.appID, round.ID, []int64{b.sam.ID}); err != nil {
		t.Errorf("Riley's assignment: %v", err)
	}
	if err := b.iv.DeleteRound(round.ID); err != nil {
		t.Errorf("Riley's delete: %v", err)
	}
	if err := b.iv.SetCoverageThreshold(0.5); err != nil {
		t.Errorf("Riley's coverage: %v", err)
	}
	plan, _ := b.iv.Plan(b.roleID)
	if len(plan.Changes) != 1 || plan.Changes[0].ActorName != "Riley Chen" || plan.Changes[0].Reason != "rebalance" || plan.CoverageThreshold != 0.5 {
		t.Errorf("Riley's plan: changes %+v, coverage %v", plan.Changes, plan.CoverageThreshold)
	}
	if res, err := b.ex.Workbook(b.roleID); err != nil || !res.Saved || res.Candidates != 1 {
		t.Errorf("Riley's workbook: %+v, %v", res, err)
	}
	if res, err := b.tr.ExportBundle(false); err != nil || !res.Saved || res.Summary.Counts.Scorecards != 1 {
		t.Errorf("Riley's workspace bundle: %+v, %v", res, err)
	}
}

func TestRightsSayWhatTheActionsDo(t *testing.T) {
	b := newBench(t)
	b.shell.savePth = filepath.Join(b.dir, "out.file")
	for _, c := range []struct {
		who  model.Profile
		want interviews.Rights
	}{
		{b.riley, interviews.Rights{EditPlan: true, ExportCommittee: true, ExportWorkspace: true, SelfID: true, Outcomes: true}},
		{b.sam, interviews.Rights{EditPlanNote: planNote, ExportCommitteeNote: committeeNote, ExportWorkspaceNote: workspaceNote,
			SelfIDNote: selfIDNote, OutcomesNote: outcomesNote}},
	} {
		if _, err := b.ws.SwitchProfile(c.who.ID, ""); err != nil {
			t.Fatal(err)
		}
		got, err := b.iv.Rights()
		if err != nil || got != c.want {
			t.Errorf("%s's rights: %+v, %v; want %+v", c.who.Name, got, err, c.want)
		}
		// Each answer is what the action does.
		for _, a := range []struct {
			what string
			may  bool
			note string
			err  error
		}{
			{"edit the plan", got.EditPlan, got.EditPlanNote, b.iv.SetCoverageThreshold(0.8)},
			{"export the workbook", got.ExportCommittee, got.ExportCommitteeNote, errOf(b.ex.Workbook(b.roleID))},
			{"export the workspace", got.ExportWorkspace, got.ExportWorkspaceNote, errOf(b.tr.ExportBundle(false))},
		} {
			switch {
			case a.may && a.err != nil:
				t.Errorf("%s may %s, says Rights, but: %v", c.who.Name, a.what, a.err)
			case !a.may && a.err == nil:
				t.Errorf("%s may not %s, says Rights, yet did", c.who.Name, a.what)
			case !a.may:
				refused(t, c.who.Name+" "+a.what, a.err, a.note)
			}
		}
		// The debrief says the same about exporting.
		if deb, err := b.iv.RoleDebrief(b.roleID); err != nil || deb.ExportNote != got.ExportCommitteeNote {
			t.Errorf("%s's debrief export note %q (%v), Rights say %q", c.who.Name, deb.ExportNote, err, got.ExportCommitteeNote)
		}
	}
}

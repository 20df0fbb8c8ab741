// The error-mapping table (bindings_test.go) for the Roles and Candidates bindings:
// roles, pipelines, rejection reasons, candidates, moves, notes and attachments.

package app

import (
	"strings"
	"testing"

	"hirebench/app/model"
)

func rolesCases() []bindingCase {
	open := model.RoleInput{Title: "Platform Engineer", Status: model.RoleOpen}
	return []bindingCase{
		{method: "Roles.List", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.List(); return err }},
		{method: "Roles.Get", input: "an unknown role", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.Get(999999); return err }},
		{method: "Roles.Create", input: "no title", code: "invalid", fields: "title", says: "Title is required",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.Create(model.RoleInput{}, b.roles.DefaultStages())
				return err
			}},
		{method: "Roles.Create", input: "an unknown status", code: "invalid", fields: "status", says: "open, on_hold or closed",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.Create(model.RoleInput{Title: "X", Status: "paused"}, b.roles.DefaultStages())
				return err
			}},
		{method: "Roles.Create", input: "no stages", code: "invalid", fields: "stages", says: "at least one stage besides Rejected",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.Create(open, nil); return err }},
		{method: "Roles.Create", input: "the same stage twice", code: "invalid", fields: "stages[1]", says: "give each stage its own name",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.Create(open, []string{"Applied", "applied"})
				return err
			}},
		{method: "Roles.Update", input: "an unknown role", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.Update(999999, open); return err }},
		{method: "Roles.Update", input: "a blank title", code: "invalid", fields: "title", says: "Title is required",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.Update(b.roleID, model.RoleInput{Title: " "})
				return err
			}},
		{method: "Roles.AddStage", input: "an unknown role", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.AddStage(999999, "Offer call"); return err }},
		{method: "Roles.AddStage", input: "a blank name", code: "invalid", fields: "name", says: "Stage name is required",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.AddStage(b.roleID, " "); return err }},
		{method: "Roles.RenameStage", input: "an unknown stage", code: "not_found", says: "stage 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.RenameStage(999999, "Offer call"); return err }},
		{method: "Roles.RenameStage", input: "a blank name", code: "invalid", fields: "name", says: "Stage name is required",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.RenameStage(b.stages[0].ID, ""); return err }},
		{method: "Roles.ReorderStages", input: "an order missing stages", code: "invalid", fields: "stages", says: "exactly once",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.ReorderStages(b.roleID, []int64{999999})
				return err
			}},
		{method: "Roles.ReorderStages", input: "an unknown role", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.ReorderStages(999999, []int64{b.stages[0].ID})
				return err
			}},
		{method: "Roles.DeleteStage", input: "an unknown stage", code: "not_found", says: "stage 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.DeleteStage(999999, 0); return err }},
		{method: "Roles.DeleteStage", input: "a stage holding Ada, nowhere to move her", code: "invalid", fields: "moveTo", says: "holds 1 candidate(s)",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.DeleteStage(b.stages[0].ID, 0); return err }},
		{method: "Roles.DeleteStage", input: "the Rejected stage", code: "invalid", fields: "stage", says: "cannot be deleted",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.DeleteStage(b.stages[len(b.stages)-1].ID, 0)
				return err
			}},
		unknownID("Roles.UndoDeleteStage", "role", func(b *bench) error {
			_, err := b.roles.UndoDeleteStage(model.StageDeletion{Role: model.Role{ID: 999999}, Stage: "Screen"})
			return err
		}),
		{method: "Roles.UndoDeleteStage", input: "a stage whose name the role still has", code: "invalid", fields: "stage", says: "again",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.UndoDeleteStage(model.StageDeletion{Role: model.Role{ID: b.roleID}, Stage: b.stages[0].Name})
				return err
			}},
		{method: "Roles.RejectionReasons", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.roles.RejectionReasons(); return err }},
		{method: "Roles.SetRejectionReasons", input: "only blank reasons", code: "invalid", fields: "reasons", says: "Keep at least one rejection reason",
			call: func(t *testing.T, b *bench) error {
				_, err := b.roles.SetRejectionReasons([]string{" ", ""})
				return err
			}},
	}
}

func candidatesCases() []bindingCase {
	name := "Ada King"
	return []bindingCase{
		{method: "Candidates.Create", input: "no name", code: "invalid", fields: "name", says: "Name is required",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.Create(model.CandidateInput{}, nil); return err }},
		{method: "Candidates.Create", input: "a malformed email", code: "invalid", fields: "email", says: "not a valid email address",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Create(model.CandidateInput{Name: "Bo Bad", Email: "bo-at-example"}, nil)
				return err
			}},
		{method: "Candidates.Create", input: "Ada's email in capitals", code: "duplicate", fields: "email",
			says: "A candidate with this email already exists: Ada Lovelace.",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Create(model.CandidateInput{Name: "Ada Two", Email: "ADA@example.com"}, nil)
				return err
			}},
		{method: "Candidates.Create", input: "an unknown role", code: "invalid", fields: "roleId", says: "Role 999999 does not exist",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Create(model.CandidateInput{Name: "Bo Role"}, []int64{999999})
				return err
			}},
		unknownID("Candidates.Update", "candidate", func(b *bench) error {
			_, err := b.cands.Update(999999, model.CandidatePatch{Name: &name})
			return err
		}),
		{method: "Candidates.Update", input: "a malformed email", code: "invalid", fields: "email", says: "not a valid email address",
			call: func(t *testing.T, b *bench) error {
				email := "nope"
				_, err := b.cands.Update(b.adaID, model.CandidatePatch{Email: &email})
				return err
			}},
		{method: "Candidates.Update", input: "an edit from the version before Ada's last change", code: "changed",
			says: "Changed by you in another window just now — reload to see your change.",
			call: func(t *testing.T, b *bench) error {
				if _, err := b.cands.Update(b.adaID, model.CandidatePatch{}); err != nil {
					t.Fatal(err)
				}
				loc := "Arlington"
				_, err := b.cands.Update(b.adaID, model.CandidatePatch{Location: &loc, Version: 1})
				return err
			}},
		{method: "Candidates.FindByEmail", input: "an email nobody has", code: "not_found", says: "no longer exists",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.FindByEmail("nobody@example.com"); return err }},
		unknownID("Candidates.Detail", "candidate", func(b *bench) error { _, err := b.cands.Detail(999999); return err }),
		{method: "Candidates.List", input: "a 501-character search", code: "invalid", fields: "query", says: "limited to 500 characters",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.List(model.CandidateFilter{Query: strings.Repeat("a", 501)})
				return err
			}},
		{method: "Candidates.Facets", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.Facets(); return err }},
		unknownID("Candidates.Archive", "candidate", func(b *bench) error { _, err := b.cands.Archive(999999); return err }),
		unknownID("Candidates.Restore", "candidate", func(b *bench) error { _, err := b.cands.Restore(999999); return err }),
		unknownID("Candidates.AddNote", "candidate", func(b *bench) error { _, err := b.cands.AddNote(999999, "Strong on systems"); return err }),
		{method: "Candidates.AddNote", input: "a blank note", code: "invalid", fields: "body", says: "Note is empty",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.AddNote(b.adaID, " \n "); return err }},
		unknownID("Candidates.Apply", "candidate", func(b *bench) error { _, err := b.cands.Apply(999999, b.roleID); return err }),
		unknownID("Candidates.Apply", "role", func(b *bench) error { _, err := b.cands.Apply(b.adaID, 999999); return err }),
		{method: "Candidates.Apply", input: "a role Ada already applied to", code: "invalid", fields: "roleId", says: "already applied",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.Apply(b.adaID, b.roleID); return err }},
		unknownID("Candidates.Move", "application", func(b *bench) error { _, err := b.cands.Move(999999, 0, b.stages[1].ID, ""); return err }),
		{method: "Candidates.Move", input: "an unknown stage", code: "invalid", fields: "stageId", says: "Stage 999999 does not exist",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.Move(b.appID, 0, 999999, ""); return err }},
		{method: "Candidates.Move", input: "a rejection without a reason", code: "invalid", fields: "reason", says: "Choose a reason for rejecting",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Move(b.appID, 0, b.stages[len(b.stages)-1].ID, "")
				return err
			}},
		{method: "Candidates.Move", input: "a rejection reason not in the list", code: "invalid", fields: "reason", says: "not in the list of rejection reasons",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Move(b.appID, 0, b.stages[len(b.stages)-1].ID, "bad vibes")
				return err
			}},
		{method: "Candidates.Move", input: "a stage Ada is no longer in", code: "changed", says: "— reload to see the move.",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Move(b.appID, elsewhere(t, b), b.stages[2].ID, "")
				return err
			}},
		{method: "Candidates.Reject", input: "a stage Ada is no longer in", code: "changed", says: "— reload to see the move.",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Reject(b.appID, elsewhere(t, b), "Position filled", "")
				return err
			}},
		unknownID("Candidates.Reject", "application", func(b *bench) error {
			_, err := b.cands.Reject(999999, 0, "Position filled", "")
			return err
		}),
		{method: "Candidates.Reject", input: "a reason not in the list", code: "invalid", fields: "reason", says: "not in the list of rejection reasons",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.Reject(b.appID, 0, "bad vibes", ""); return err }},
		{method: "Candidates.Reject", input: "a note over 2000 characters", code: "invalid", fields: "note", says: "the limit is 2000",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.Reject(b.appID, 0, "Position filled", strings.Repeat("n", 2001))
				return err
			}},
		unknownID("Candidates.UndoMove", "application", func(b *bench) error { _, err := b.cands.UndoMove(999999, ""); return err }),
		{method: "Candidates.UndoMove", input: "Ada, who has not moved since she applied", code: "invalid", fields: "applicationId",
			says: "no move to undo",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.UndoMove(b.appID, ""); return err }},
		unknownID("Candidates.UndoArchive", "candidate", func(b *bench) error { _, err := b.cands.UndoArchive(999999, ""); return err }),
		{method: "Candidates.UndoArchive", input: "Ada, who is not archived", code: "invalid", fields: "candidateId", says: "not archived any more",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.UndoArchive(b.adaID, "2025-01-01T00:00:00.000Z")
				return err
			}},
		unknownID("Candidates.Board", "role", func(b *bench) error { _, err := b.cands.Board(999999, nil); return err }),
		{method: "Candidates.AttachFile", input: "an unknown candidate", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error {
				return b.opening(b.file(t, "cv.txt", "Analytical engines"), func() error { _, err := b.cands.AttachFile(999999); return err })
			}},
		{method: "Candidates.AttachFile", input: "a file type not accepted", code: "invalid", fields: "file", says: "only PDF, DOCX and TXT files can be attached",
			call: func(t *testing.T, b *bench) error {
				return b.opening(b.file(t, "setup.exe", "MZ"), func() error { _, err := b.cands.AttachFile(b.adaID); return err })
			}},
		unknownID("Candidates.SaveAttachment", "attachment", func(b *bench) error { _, err := b.cands.SaveAttachment(999999); return err }),
		unknownID("Candidates.DeleteAttachment", "attachment", func(b *bench) error { return b.cands.DeleteAttachment(999999) }),
	}
}

// elsewhere is a stage of Ada's role she is not in: where a window that
// loaded her before someone moved her would show her.
func elsewhere(t *testing.T, b *bench) int64 {
	t.Helper()
	d, err := b.cands.Detail(b.adaID)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range b.stages {
		if st.ID != d.Applications[0].StageID {
			return st.ID
		}
	}
	t.Fatal("Ada's role has one stage")
	return 0
}

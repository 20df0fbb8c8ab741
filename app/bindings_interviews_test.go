// The error-mapping table (bindings_test.go) for the Interviews, Exports and
// Transfer bindings: rubrics, plans, scorecards, screens, exports and bundles.

package app

import (
	"math"
	"path/filepath"
	"slices"
	"testing"

	"hirebench/app/importer"
	"hirebench/app/interviews"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// unknown is the case of a binding given an id nothing has.
func unknownID(method, what string, call func(b *bench) error) bindingCase {
	return bindingCase{method: method, input: "an unknown " + what, code: "not_found", says: what + " 999999",
		call: func(t *testing.T, b *bench) error { return call(b) }}
}

// planComp is the competency of the plan's questions (Deep dive asks one).
func planComp(t *testing.T, b *bench) string {
	rounds, err := b.iv.Rounds(b.roleID)
	if err != nil {
		t.Fatal(err)
	}
	return rounds[0].Competencies[0]
}

func interviewsCases() []bindingCase {
	nine, why := 9, "typo in the notes"
	return []bindingCase{
		{method: "Interviews.Rubrics", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.Rubrics(); return err }},
		{method: "Interviews.RunnerPrefs", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.RunnerPrefs(); return err }},
		{method: "Interviews.SetRunnerPrefs", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SetRunnerPrefs(interviews.RunnerPrefs{})
				return err
			}},
		unknownID("Interviews.Rubric", "rubric", func(b *bench) error { _, err := b.iv.Rubric(999999); return err }),
		unknownID("Interviews.RubricVersion", "rubric version", func(b *bench) error { _, err := b.iv.RubricVersion(999999); return err }),
		{method: "Interviews.CreateRubric", input: "an empty rubric", code: "invalid", fields: "name scale.max scale.labels competencies",
			says: "Must not be empty",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.CreateRubric(rubric.Rubric{}); return err }},
		unknownID("Interviews.SaveRubric", "rubric", func(b *bench) error { _, err := b.iv.SaveRubric(999999, rubric.Builtin()); return err }),
		{method: "Interviews.SaveRubric", input: "the built-in rubric", code: "conflict", says: "The built-in rubric is read-only; duplicate it to edit.",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveRubric(b.builtinID, rubric.Builtin())
				return err
			}},
		unknownID("Interviews.RubricDraft", "rubric", func(b *bench) error { _, err := b.iv.RubricDraft(999999); return err }),
		{method: "Interviews.RubricDrafts", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.RubricDrafts(); return err }},
		{method: "Interviews.SaveRubricDraft", input: "the built-in rubric", code: "conflict", says: "The built-in rubric is read-only; duplicate it to edit.",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveRubricDraft(b.builtinID, rubric.Builtin())
				return err
			}},
		unknownID("Interviews.SaveRubricDraft", "rubric", func(b *bench) error { _, err := b.iv.SaveRubricDraft(999999, rubric.Builtin()); return err }),
		{method: "Interviews.DiscardRubricDraft", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { return b.iv.DiscardRubricDraft(1) }},
		unknownID("Interviews.DuplicateRubric", "rubric", func(b *bench) error { _, err := b.iv.DuplicateRubric(999999, ""); return err }),
		unknownID("Interviews.ArchiveRubric", "rubric", func(b *bench) error { return b.iv.ArchiveRubric(999999, true) }),
		{method: "Interviews.ArchiveRubric", input: "the built-in rubric", code: "conflict", says: "The built-in rubric cannot be archived.",
			call: func(t *testing.T, b *bench) error { return b.iv.ArchiveRubric(b.builtinID, true) }},
		unknownID("Interviews.DeleteRubric", "rubric", func(b *bench) error { return b.iv.DeleteRubric(999999) }),
		{method: "Interviews.DeleteRubric", input: "the built-in rubric", code: "conflict", says: "The built-in rubric cannot be deleted.",
			call: func(t *testing.T, b *bench) error { return b.iv.DeleteRubric(b.builtinID) }},
		{method: "Interviews.ChooseRubricFile", input: "a folder", code: "invalid", fields: "file", says: "is a folder; choose a file",
			call: func(t *testing.T, b *bench) error {
				return b.opening(b.dir, func() error { _, err := b.iv.ChooseRubricFile(); return err })
			}},
		{method: "Interviews.ImportRubricFile", input: "a token never given", code: "invalid", fields: "file", says: "Choose the file again",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.ImportRubricFile("feedc0de"); return err }},
		unknownID("Interviews.ExportRubric", "rubric", func(b *bench) error { _, err := b.iv.ExportRubric(999999, "json"); return err }),
		{method: "Interviews.ExportRubric", input: "an unknown file format", code: "invalid", fields: "format", says: `use "json" or "yaml"`,
			call: func(t *testing.T, b *bench) error { _, err := b.iv.ExportRubric(b.builtinID, "pdf"); return err }},
		unknownID("Interviews.Rounds", "role", func(b *bench) error { _, err := b.iv.Rounds(999999); return err }),
		{method: "Interviews.SaveRound", input: "no name and no rubric", code: "invalid", fields: "name rubricId", says: "Give the round a name",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveRound(scoring.RoundInput{RoleID: b.roleID})
				return err
			}},
		{method: "Interviews.SaveRound", input: "a 1-minute round with an unknown competency", code: "invalid", fields: "durationMin competencies",
			says: "between 5 and 480 minutes",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveRound(scoring.RoundInput{RoleID: b.roleID, Name: "Quick", RubricID: b.builtinID, DurationMin: 1,
					Competencies: []string{"juggling"}})
				return err
			}},
		{method: "Interviews.SaveRound", input: "an unknown rubric", code: "invalid", fields: "rubricId", says: "No rubric 999999",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveRound(scoring.RoundInput{RoleID: b.roleID, Name: "Quick", RubricID: 999999})
				return err
			}},
		unknownID("Interviews.SaveRound", "role", func(b *bench) error {
			_, err := b.iv.SaveRound(scoring.RoundInput{RoleID: 999999, Name: "Quick", RubricID: b.builtinID})
			return err
		}),
		unknownID("Interviews.MoveRound", "interview round", func(b *bench) error { _, err := b.iv.MoveRound(999999, 0); return err }),
		unknownID("Interviews.DeleteRound", "interview round", func(b *bench) error { return b.iv.DeleteRound(999999) }),
		{method: "Interviews.DeleteRound", input: "a round holding Sam's card", code: "conflict",
			says: `Round "Deep dive" holds 1 scorecard(s) and cannot be deleted.`,
			call: func(t *testing.T, b *bench) error { return b.iv.DeleteRound(b.roundID) }},
		unknownID("Interviews.AssignRound", "application", func(b *bench) error { return b.iv.AssignRound(999999, b.roundID, nil) }),
		unknownID("Interviews.AssignRound", "interview round", func(b *bench) error { return b.iv.AssignRound(b.appID, 999999, nil) }),
		unknownID("Interviews.AssignRound", "profile", func(b *bench) error {
			return b.iv.AssignRound(b.appID, b.roundID, []int64{999999})
		}),
		{method: "Interviews.Rights", input: "nobody signed in", code: "invalid", fields: "profile", says: "Choose who you are",
			call: func(t *testing.T, b *bench) error {
				b.ws.SignOut()
				defer b.ws.SwitchProfile(b.riley.ID, "")
				_, err := b.iv.Rights()
				return err
			}},
		unknownID("Interviews.Plan", "role", func(b *bench) error { _, err := b.iv.Plan(999999); return err }),
		unknownID("Interviews.SetWeights", "role", func(b *bench) error { _, err := b.iv.SetWeights(999999, nil, "rebalance"); return err }),
		{method: "Interviews.SetWeights", input: "a competency not in the plan", code: "invalid", fields: "weights[0]",
			says: `"juggling" is not a competency of this interview plan`,
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SetWeights(b.roleID, []scoring.WeightEdit{{CompetencyID: "juggling", Weight: 2}}, "rebalance")
				return err
			}},
		{method: "Interviews.SetWeights", input: "a negative weight", code: "invalid", fields: "weights[0]", says: "greater than 0",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SetWeights(b.roleID, []scoring.WeightEdit{{CompetencyID: planComp(t, b), Weight: -1}}, "rebalance")
				return err
			}},
		{method: "Interviews.SetWeights", input: "no reason after scoring began", code: "invalid", fields: "reason", says: "say why the weights change",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SetWeights(b.roleID, []scoring.WeightEdit{{CompetencyID: planComp(t, b), Weight: 2}}, "")
				return err
			}},
		{method: "Interviews.SetCoverageThreshold", input: "200%", code: "invalid", fields: "coverageThreshold", says: "between 0% and 100%",
			call: func(t *testing.T, b *bench) error { return b.iv.SetCoverageThreshold(2) }},
		{method: "Interviews.SetCoverageThreshold", input: "not a number", code: "invalid", fields: "coverageThreshold", says: "between 0% and 100%",
			call: func(t *testing.T, b *bench) error { return b.iv.SetCoverageThreshold(math.NaN()) }},
		{method: "Interviews.ScheduleRound", input: "a time that is not a time", code: "invalid", fields: "scheduledAt", says: "Is not a date and time",
			call: func(t *testing.T, b *bench) error { return b.iv.ScheduleRound(b.appID, b.roundID, "tomorrow-ish") }},
		unknownID("Interviews.ScheduleRound", "application", func(b *bench) error { return b.iv.ScheduleRound(999999, b.roundID, "") }),
		{method: "Interviews.ScheduleRound", input: "a round of another role", code: "conflict",
			says: `Round "Pairing" is not part of this application's role.`,
			call: func(t *testing.T, b *bench) error { return b.iv.ScheduleRound(b.appID, b.otherRoundID, "") }},
		unknownID("Interviews.CandidateRounds", "candidate", func(b *bench) error { _, err := b.iv.CandidateRounds(999999); return err }),
		unknownID("Interviews.StartInterview", "application", func(b *bench) error { _, err := b.iv.StartInterview(999999, b.roundID); return err }),
		unknownID("Interviews.StartInterview", "interview round", func(b *bench) error { _, err := b.iv.StartInterview(b.appID, 999999); return err }),
		{method: "Interviews.StartInterview", input: "a round assigned to someone else", code: "conflict",
			says: `"Deep dive" is assigned to Sam Okafor; the recruiter can reassign it.`,
			call: func(t *testing.T, b *bench) error { _, err := b.iv.StartInterview(b.appID, b.roundID); return err }},
		unknownID("Interviews.Scorecard", "scorecard", func(b *bench) error { _, err := b.iv.Scorecard(999999); return err }),
		unknownID("Interviews.SaveDraft", "scorecard", func(b *bench) error { _, err := b.iv.SaveDraft(999999, nil); return err }),
		{method: "Interviews.SaveDraft", input: "a score outside the scale", code: "invalid", fields: "score", says: "9 is outside the scale",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error {
					_, err := b.iv.SaveDraft(b.draftID, []scoring.Patch{{QuestionID: firstQuestion(t, b), Score: &nine}})
					return err
				})
			}},
		{method: "Interviews.SaveDraft", input: "someone else's card", code: "conflict", says: "belongs to Sam Okafor; only its author can change it",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.SaveDraft(b.cardID, nil); return err }},
		{method: "Interviews.SaveDraft", input: "a submitted card", code: "conflict", says: "can no longer change; add an amendment instead",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { _, err := b.iv.SaveDraft(b.cardID, nil); return err })
			}},
		unknownID("Interviews.Missing", "scorecard", func(b *bench) error { _, err := b.iv.Missing(999999, nil); return err }),
		{method: "Interviews.Missing", input: "someone else's card", code: "conflict", says: "belongs to Sam Okafor",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.Missing(b.cardID, nil); return err }},
		unknownID("Interviews.Submit", "scorecard", func(b *bench) error { _, err := b.iv.Submit(999999, scoring.Patch{}); return err }),
		{method: "Interviews.Submit", input: "a blank draft", code: "invalid", fields: "recommendation", says: "recommendation",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { _, err := b.iv.Submit(b.draftID, scoring.Patch{}); return err })
			}},
		{method: "Interviews.Submit", input: "a card submitted already", code: "conflict", says: "can no longer change",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { _, err := b.iv.Submit(b.cardID, scoring.Patch{}); return err })
			}},
		unknownID("Interviews.Amend", "scorecard", func(b *bench) error {
			_, err := b.iv.Amend(999999, interviews.Amendment{Reason: why})
			return err
		}),
		{method: "Interviews.Amend", input: "no reason", code: "invalid", fields: "reason", says: "Say why the submitted scorecard is being amended",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { _, err := b.iv.Amend(b.cardID, interviews.Amendment{}); return err })
			}},
		{method: "Interviews.Amend", input: "someone else's card", code: "conflict", says: "Only Sam Okafor can amend their scorecard.",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.Amend(b.cardID, interviews.Amendment{Reason: why})
				return err
			}},
		unknownID("Interviews.Screen", "application", func(b *bench) error { _, err := b.iv.Screen(999999); return err }),
		unknownID("Interviews.SaveScreen", "application", func(b *bench) error {
			_, err := b.iv.SaveScreen(scoring.ScreenInput{ApplicationID: 999999})
			return err
		}),
		{method: "Interviews.SaveScreen", input: "a mark for no checklist item", code: "invalid", fields: "marks.juggling",
			says: `Unknown checklist item "juggling"`,
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveScreen(scoring.ScreenInput{ApplicationID: b.appID, Marks: map[string]scoring.FlagMark{"juggling": {}}})
				return err
			}},
		unknownID("Interviews.RoleDebrief", "role", func(b *bench) error { _, err := b.iv.RoleDebrief(999999); return err }),
	}
}

// firstQuestion is the first question Sam's draft asks.
func firstQuestion(t *testing.T, b *bench) string {
	v, err := b.iv.Scorecard(b.draftID)
	if err != nil {
		t.Fatal(err)
	}
	return v.Rubric.Competencies[0].Questions[0].ID
}

func exportsCases() []bindingCase {
	return []bindingCase{
		unknownID("Exports.Workbook", "role", func(b *bench) error { _, err := b.ex.Workbook(999999); return err }),
		{method: "Exports.Workbook", input: "a folder that is gone", code: "invalid", fields: "file",
			says: "committee.xlsx could not be saved: its folder is no longer there; choose another",
			call: func(t *testing.T, b *bench) error {
				b.shell.savePth = filepath.Join(b.dir, "gone", "committee.xlsx")
				defer func() { b.shell.savePth = "" }()
				_, err := b.ex.Workbook(b.roleID)
				return err
			}},
		{method: "Exports.CSV", input: "an unknown CSV", code: "invalid", fields: "which", says: "Choose summary or scorecards",
			call: func(t *testing.T, b *bench) error { _, err := b.ex.CSV(b.roleID, "everything", false); return err }},
		unknownID("Exports.CSV", "role", func(b *bench) error { _, err := b.ex.CSV(999999, "summary", true); return err }),
	}
}

// chosenCSV chooses the bench's people.csv again and returns its token: a
// chosen file is forgotten when the profile changes, as the table's cases do.
func (b *bench) chosenCSV(t *testing.T) string {
	t.Helper()
	var token string
	err := b.opening(filepath.Join(b.dir, "people.csv"), func() error {
		f, err := b.tr.ChooseImportFile()
		if err == nil {
			token = f.Token
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func transferCases() []bindingCase {
	return []bindingCase{
		{method: "Transfer.ChooseImportFile", input: "a folder", code: "invalid", fields: "file", says: "is a folder",
			call: func(t *testing.T, b *bench) error {
				return b.opening(b.dir, func() error { _, err := b.tr.ChooseImportFile(); return err })
			}},
		{method: "Transfer.PreviewImport", input: "no file chosen", code: "invalid", fields: "file", says: "Choose the file again",
			call: func(t *testing.T, b *bench) error { _, err := b.tr.PreviewImport(ImportRequest{}); return err }},
		{method: "Transfer.PreviewImport", input: "an unknown duplicate policy", code: "invalid", fields: "duplicates", says: `must be "skip" or "merge"`,
			call: func(t *testing.T, b *bench) error {
				_, err := b.tr.PreviewImport(ImportRequest{Token: b.chosenCSV(t), Policy: "overwrite"})
				return err
			}},
		{method: "Transfer.PreviewImport", input: "a sheet of a CSV file", code: "invalid", fields: "sheet", says: "people.csv is a CSV file; it has no sheets",
			call: func(t *testing.T, b *bench) error {
				_, err := b.tr.PreviewImport(ImportRequest{Token: b.chosenCSV(t), Sheet: "Sheet2"})
				return err
			}},
		{method: "Transfer.PreviewImport", input: "a mapping to no such field", code: "invalid", fields: "mapping",
			says: `"salary" is not a field that can be imported`,
			call: func(t *testing.T, b *bench) error {
				_, err := b.tr.PreviewImport(ImportRequest{Token: b.chosenCSV(t), Mapping: importer.Mapping{"salary": 0}})
				return err
			}},
		{method: "Transfer.CommitImport", input: "no role", code: "invalid", fields: "roleId", says: "Choose the role the candidates apply to",
			call: func(t *testing.T, b *bench) error {
				_, err := b.tr.CommitImport(ImportRequest{Token: b.chosenCSV(t)})
				return err
			}},
		{method: "Transfer.CommitImport", input: "an unknown role", code: "invalid", fields: "roleId", says: "Role 999999 does not exist",
			call: func(t *testing.T, b *bench) error {
				_, err := b.tr.CommitImport(ImportRequest{Token: b.chosenCSV(t), RoleID: 999999})
				return err
			}},
		{method: "Transfer.ExportBundle", input: "a folder that is gone", code: "invalid", fields: "file",
			says: "workspace.hbundle could not be saved: its folder is no longer there; choose another",
			call: func(t *testing.T, b *bench) error {
				b.shell.savePth = filepath.Join(b.dir, "gone", "workspace.hbundle")
				defer func() { b.shell.savePth = "" }()
				_, err := b.tr.ExportBundle(false)
				return err
			}},
		{method: "Transfer.ImportBundle", input: "a file that is not a bundle", code: "conflict",
			says: "Bundle refused: this file is not a hirebench bundle (not a zip archive).",
			call: func(t *testing.T, b *bench) error {
				return b.opening(b.file(t, "notes.hbundle", "just text"), func() error { _, err := b.tr.ImportBundle(); return err })
			}},
		{method: "Transfer.ImportBundle", input: "a folder", code: "invalid", fields: "file", says: "is a folder",
			call: func(t *testing.T, b *bench) error {
				return b.opening(b.dir, func() error { _, err := b.tr.ImportBundle(); return err })
			}},
	}
}

// CheckRubric cannot fail: it answers with the problems saving would name.
func TestCheckRubricNamesEveryProblemByPath(t *testing.T) {
	b := newBench(t)
	builtin, err := b.iv.Rubric(b.builtinID)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.iv.CheckRubric(builtin.Content); got == nil || len(got) != 0 {
		t.Errorf("the built-in rubric has problems: %+v", got)
	}
	unnamed := builtin.Content
	unnamed.Name = " "
	for _, c := range []struct {
		r     rubric.Rubric
		paths []string
	}{
		{unnamed, []string{"name"}},
		{rubric.Rubric{}, []string{"name", "scale.max", "scale.labels", "competencies"}},
	} {
		var paths []string
		for _, fe := range b.iv.CheckRubric(c.r) {
			paths = append(paths, fe.Field)
			if fe.Message == "" {
				t.Errorf("no words for the problem at %s", fe.Field)
			}
		}
		if !slices.Equal(paths, c.paths) {
			t.Errorf("%q: problems at %v, want %v", c.r.Name, paths, c.paths)
		}
	}
	if after, _ := b.iv.Rubrics(); len(after) != 1 {
		t.Errorf("checking saved a rubric: %d rubrics", len(after))
	}
}

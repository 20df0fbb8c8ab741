// Tests of rubrics and rounds through the service: the built-in rubric,
// versions on edit, round rules, and the checks the UI asks Go for.

package interviews_test

import (
	"errors"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

func TestBuiltinInstalledOnceAndReadOnly(t *testing.T) {
	e := newEnv(t)
	again, err := e.iv.EnsureBuiltin(e.ctx)
	if err != nil || again.ID != e.builtin.ID {
		t.Fatalf("second EnsureBuiltin made a new version: %+v, %v", again.ID, err)
	}
	list, _ := e.iv.Rubrics(e.ctx)
	if len(list) != 1 || !list[0].Builtin {
		t.Fatalf("rubrics = %+v, want just the built-in one", list)
	}
	edited := e.builtin.Content
	edited.Name = "Mine now"
	if _, err := e.iv.SaveRubric(e.ctx, e.builtin.RubricID, edited, e.riley); !errors.Is(err, model.ErrConflict) {
		t.Errorf("editing the built-in rubric: err = %v, want conflict", err)
	}
	dup, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, "", e.riley)
	if err != nil {
		t.Fatalf("DuplicateRubric: %v", err)
	}
	if dup.Builtin || dup.Content.Name != "OpenAI platform developer (copy)" || dup.Version != 1 {
		t.Errorf("duplicate = builtin %v, name %q, v%d", dup.Builtin, dup.Content.Name, dup.Version)
	}
}

func TestEditingRubricInUseCreatesVersionAndOldCardsKeepTheirs(t *testing.T) {
	e := newEnv(t)
	custom, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, "Custom", e.riley)
	if err != nil {
		t.Fatal(err)
	}
	// Not used yet: edits replace version 1 in place.
	r := custom.Content
	r.Competencies[0].Questions[0].Prompt = "Edited before anyone scored"
	v, err := e.iv.SaveRubric(e.ctx, custom.RubricID, r, e.riley)
	if err != nil || v.Version != 1 {
		t.Fatalf("unused edit: version %d, err %v; want version 1", v.Version, err)
	}
	round, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "Custom round", RubricID: custom.RubricID,
		Competencies: []string{r.Competencies[0].ID}, InterviewerIDs: []int64{e.sam.ID, e.priya.ID}}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	card, err := e.iv.StartInterview(e.ctx, e.app.ID, round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	// Now in use: the edit becomes version 2 and the card still shows version 1's text.
	r.Competencies[0].Questions[0].Prompt = "Edited after scoring began"
	v2, err := e.iv.SaveRubric(e.ctx, custom.RubricID, r, e.riley)
	if err != nil || v2.Version != 2 {
		t.Fatalf("in-use edit: version %d, err %v; want 2", v2.Version, err)
	}
	got, err := e.iv.Scorecard(e.ctx, card.Card.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Rubric.Competencies[0].Questions[0].Prompt; p != "Edited before anyone scored" || got.Card.RubricVersion != 1 {
		t.Errorf("card shows v%d prompt %q; want version 1's text", got.Card.RubricVersion, p)
	}
	// A new card starts on version 2.
	other, err := e.iv.StartInterview(e.ctx, e.app.ID, round.ID, e.priya)
	if err != nil || other.Card.RubricVersion != 2 {
		t.Errorf("new card on v%d (err %v), want 2", other.Card.RubricVersion, err)
	}
	// In use: delete refused with advice, archive allowed.
	if err := e.iv.DeleteRubric(e.ctx, custom.RubricID); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "archive") {
		t.Errorf("delete in-use rubric: %v, want conflict suggesting archive", err)
	}
	if err := e.iv.ArchiveRubric(e.ctx, custom.RubricID, true); err != nil {
		t.Errorf("archive: %v", err)
	}
	if _, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "X", RubricID: custom.RubricID}, e.riley); err == nil {
		t.Error("a round could pick an archived rubric")
	}
}

func TestRoundValidationAndDeleteRules(t *testing.T) {
	e := newEnv(t)
	_, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: " ", RubricID: e.builtin.RubricID,
		Competencies: []string{"nope"}, DurationMin: 2}, e.riley)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 3 {
		t.Fatalf("bad round: %v, want name, duration and competency problems", err)
	}
	// A name of combining marks alone shows nothing on the plan.
	_, err = e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "\u0301\u0302", RubricID: e.builtin.RubricID}, e.riley)
	if !errors.As(err, &ve) || len(ve.Fields) != 1 || !strings.Contains(ve.Error(), "no visible characters") {
		t.Fatalf("invisible round name: %v", err)
	}
	e.submit(t, e.sam, 2)
	if err := e.iv.DeleteRound(e.ctx, e.round.ID, e.riley); !errors.Is(err, model.ErrConflict) {
		t.Errorf("deleting a round with scorecards: %v", err)
	}
}

// The UI asks Go what a rubric lacks and what a draft lacks, instead of
// repeating the rules in TypeScript.
func TestCheckRubricAndMissingAreTheSaveAndSubmitRules(t *testing.T) {
	e := newEnv(t)
	if p := e.iv.CheckRubric(e.builtin.Content); len(p) != 0 {
		t.Errorf("the built-in rubric has problems: %+v", p)
	}
	r := e.builtin.Content // shares its slices: e.builtin is not used again below
	r.Name = " "
	r.Competencies[0].Questions[0].Anchors = r.Competencies[0].Questions[0].Anchors[:2]
	got := e.iv.CheckRubric(r)
	fields := map[string]bool{}
	for _, f := range got {
		fields[f.Field] = true
	}
	if !fields["name"] || !fields["competencies[0].questions[0].anchors"] {
		t.Errorf("CheckRubric = %+v", got)
	}
	if _, err := e.iv.CreateRubric(e.ctx, r, e.riley); err == nil {
		t.Fatal("a rubric CheckRubric refuses was saved")
	}

	v, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	qs := v.Rubric.Competencies[0].Questions
	missing, err := e.iv.Missing(e.ctx, v.Card.ID, nil, e.sam)
	if err != nil || len(missing) != len(qs)+1 {
		t.Fatalf("an empty draft misses %+v (%v); want every question and the recommendation", missing, err)
	}
	three, rec := 3, "yes"
	pending := []scoring.Patch{{Recommendation: &rec}}
	for _, q := range qs {
		pending = append(pending, scoring.Patch{QuestionID: q.ID, Score: &three})
	}
	if missing, _ := e.iv.Missing(e.ctx, v.Card.ID, pending, e.sam); len(missing) != 0 {
		t.Errorf("with the unsaved patches nothing should be missing: %+v", missing)
	}
	if _, err := e.iv.Missing(e.ctx, v.Card.ID, nil, e.priya); err == nil {
		t.Error("Priya asked what Sam's draft lacks")
	}
	if c, _ := e.iv.Scorecard(e.ctx, v.Card.ID, e.sam); len(c.Card.Answers) != 0 {
		t.Error("Missing saved the pending patches")
	}
}

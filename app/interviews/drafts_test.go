// Tests of rubric drafts: an edit is kept per rubric and author until it is
// published or discarded, never becomes a version by itself, and says when
// someone published over it.

package interviews_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

func (e *env) customRubric(t *testing.T, name string) rubric.Version {
	t.Helper()
	v, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, name, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (e *env) draft(t *testing.T, rubricID int64, who model.Profile) *interviews.RubricDraft {
	t.Helper()
	d, err := e.iv.RubricDraft(e.ctx, rubricID, who)
	if err != nil {
		t.Fatalf("RubricDraft(%d) as %s: %v", rubricID, who.Name, err)
	}
	return d
}

// brief is a draft in a failure message, without its whole rubric.
func brief(d *interviews.RubricDraft) string {
	if d == nil {
		return "no draft"
	}
	return fmt.Sprintf("draft of rubric %d by %s from v%d, stale %v, %q, description %q",
		d.RubricID, d.AuthorName, d.BaseVersion, d.Stale, d.Note, d.Content.Description)
}

func TestRubricDraftIsKeptUntilItsAuthorPublishes(t *testing.T) {
	e := newEnv(t)
	v1 := e.customRubric(t, "Backend loop")
	if d := e.draft(t, v1.RubricID, e.riley); d != nil {
		t.Fatalf("a fresh rubric has a draft: %s", brief(d))
	}

	// Riley edits; half done: a question without its prompt is fine in a draft.
	edit := v1.Content
	edit.Description = "For the backend team's loop"
	edit.Competencies = append([]rubric.Competency(nil), v1.Content.Competencies...)
	edit.Competencies[0].Questions = append([]rubric.Question(nil), edit.Competencies[0].Questions...)
	edit.Competencies[0].Questions[0].Prompt = ""
	d, err := e.iv.SaveRubricDraft(e.ctx, v1.RubricID, edit, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if d == nil || d.BaseVersion != 1 || d.Stale || d.Note != "Draft saved — Publish to make it the version interviews use." {
		t.Fatalf("saved draft = %s", brief(d))
	}

	// Coming back shows the draft exactly as typed; the version is untouched.
	back := e.draft(t, v1.RubricID, e.riley)
	if back == nil || back.Content.Description != "For the backend team's loop" || back.Content.Competencies[0].Questions[0].Prompt != "" {
		t.Fatalf("draft read back = %s", brief(back))
	}
	if cur, _ := e.iv.Rubric(e.ctx, v1.RubricID); cur.Content.Description == edit.Description || cur.SHA256 != v1.SHA256 {
		t.Errorf("a draft changed the rubric: v%d %q", cur.Version, cur.Content.Description)
	}
	// Drafts are per author: Sam has none of his own.
	if d := e.draft(t, v1.RubricID, e.sam); d != nil {
		t.Errorf("Sam sees a draft: %s", brief(d))
	}
	samEdit := v1.Content
	samEdit.Description = "Sam's take"
	if _, err := e.iv.SaveRubricDraft(e.ctx, v1.RubricID, samEdit, e.sam); err != nil {
		t.Fatal(err)
	}

	// Editing back to what is published leaves no draft.
	if d, err := e.iv.SaveRubricDraft(e.ctx, v1.RubricID, v1.Content, e.riley); err != nil || d != nil {
		t.Fatalf("a draft equal to the version: %s, %v", brief(d), err)
	}
	if d := e.draft(t, v1.RubricID, e.riley); d != nil {
		t.Errorf("draft kept after editing back: %s", brief(d))
	}

	// Publishing makes the version and removes the author's draft, not Sam's.
	if _, err := e.iv.SaveRubricDraft(e.ctx, v1.RubricID, edit, e.riley); err != nil {
		t.Fatal(err)
	}
	pub := v1.Content
	pub.Description = "For the backend team's loop"
	if _, err := e.iv.SaveRubric(e.ctx, v1.RubricID, pub, e.riley); err != nil {
		t.Fatal(err)
	}
	if d := e.draft(t, v1.RubricID, e.riley); d != nil {
		t.Errorf("Riley's draft kept after publishing: %s", brief(d))
	}
	sam := e.draft(t, v1.RubricID, e.sam)
	if sam == nil || sam.Content.Description != "Sam's take" || !sam.Stale ||
		sam.Note != "Draft saved — Publish to make it the version interviews use. Version 1 was changed after you started this draft: check it before you publish." {
		t.Fatalf("Sam's draft after Riley published = %s", brief(sam))
	}

	// Discarding drops it.
	if err := e.iv.DiscardRubricDraft(e.ctx, v1.RubricID, e.sam); err != nil {
		t.Fatal(err)
	}
	if d := e.draft(t, v1.RubricID, e.sam); d != nil {
		t.Errorf("draft kept after discarding: %s", brief(d))
	}
}

func TestRubricDraftAfterANewerVersionSaysWhichOne(t *testing.T) {
	e := newEnv(t)
	// A version a scorecard uses is kept: publishing makes version 2.
	v1 := e.customRubric(t, "Scored loop")
	draft := v1.Content
	draft.Description = "Priya's idea"
	if _, err := e.iv.SaveRubricDraft(e.ctx, v1.RubricID, draft, e.priya); err != nil {
		t.Fatal(err)
	}
	e.useRubric(t, v1)
	pub := v1.Content
	pub.Description = "Riley's edit"
	v2, err := e.iv.SaveRubric(e.ctx, v1.RubricID, pub, e.riley)
	if err != nil || v2.Version != 2 {
		t.Fatalf("publish over a used version: v%d, %v", v2.Version, err)
	}
	d := e.draft(t, v1.RubricID, e.priya)
	want := "Draft saved — Publish to make it the version interviews use. Version 2 was published after you started this draft from version 1: check it before you publish."
	if d == nil || !d.Stale || d.Note != want {
		t.Errorf("Priya's draft = %s", brief(d))
	}
}

func TestRubricDraftRefusals(t *testing.T) {
	e := newEnv(t)
	v := e.customRubric(t, "Archived loop")
	if err := e.iv.ArchiveRubric(e.ctx, v.RubricID, true); err != nil {
		t.Fatal(err)
	}
	huge := v.Content
	huge.Description = strings.Repeat("x", rubric.MaxFileSize)
	for _, tc := range []struct {
		name string
		id   int64
		r    rubric.Rubric
		who  model.Profile
		want func(error) bool
	}{
		{"the built-in rubric", e.builtin.RubricID, e.builtin.Content, e.riley, func(err error) bool { return errors.Is(err, model.ErrConflict) }},
		{"an archived rubric", v.RubricID, v.Content, e.riley, func(err error) bool { return errors.Is(err, model.ErrConflict) }},
		{"an unknown rubric", 999999, v.Content, e.riley, func(err error) bool { return errors.Is(err, model.ErrNotFound) }},
		{"nobody signed in", 0, v.Content, model.Profile{Name: "command line"}, func(err error) bool { return errors.Is(err, model.ErrConflict) }},
		{"a draft larger than a rubric file", 0, huge, e.riley, func(err error) bool {
			var ve *model.ValidationError
			return errors.As(err, &ve) && ve.Fields[0].Field == "rubric"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.iv.SaveRubricDraft(e.ctx, tc.id, tc.r, tc.who)
			if !tc.want(err) || d != nil {
				t.Errorf("SaveRubricDraft = %s, %v", brief(d), err)
			}
		})
	}
	if list, err := e.iv.RubricDrafts(e.ctx, 0); err != nil || len(list) != 0 {
		t.Errorf("%d drafts after refusals, %v", len(list), err)
	}
	if _, err := e.iv.RubricDraft(e.ctx, 999999, e.riley); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("RubricDraft of an unknown rubric: %v, want not found", err)
	}
}

func TestNewRubricDraftSurvivesDuplicatesAndGoesOnPublish(t *testing.T) {
	e := newEnv(t)
	half := rubric.Rubric{Name: "Data loop"}
	d, err := e.iv.SaveRubricDraft(e.ctx, 0, half, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if d == nil || d.RubricID != 0 || d.Note != "Draft saved — Publish to create the rubric, so interview plans can use it." {
		t.Fatalf("new rubric draft = %s", brief(d))
	}
	// Duplicating or importing makes other rubrics: the draft stays.
	e.customRubric(t, "Some copy")
	if d := e.draft(t, 0, e.riley); d == nil || d.Content.Name != "Data loop" {
		t.Fatalf("new rubric draft after a duplicate = %s", brief(d))
	}
	// An invalid one is refused and kept.
	if _, err := e.iv.PublishNewRubric(e.ctx, half, e.riley); err == nil {
		t.Fatal("an incomplete rubric was published")
	}
	if d := e.draft(t, 0, e.riley); d == nil {
		t.Fatal("a refused publish lost the draft")
	}
	full := e.builtin.Content
	full.Name = "Data loop"
	v, err := e.iv.PublishNewRubric(e.ctx, full, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if v.Version != 1 || v.Content.Name != "Data loop" {
		t.Errorf("published v%d %q", v.Version, v.Content.Name)
	}
	if d := e.draft(t, 0, e.riley); d != nil {
		t.Errorf("new rubric draft kept after publishing: %s", brief(d))
	}
}

func TestRubricDraftsListsEachAuthorsDrafts(t *testing.T) {
	e := newEnv(t)
	v := e.customRubric(t, "Backend loop")
	for _, who := range []model.Profile{e.riley, e.sam} {
		r := v.Content
		r.Description = who.Name + " was here"
		if _, err := e.iv.SaveRubricDraft(e.ctx, v.RubricID, r, who); err != nil {
			t.Fatal(err)
		}
	}
	all, err := e.iv.RubricDrafts(e.ctx, 0)
	if err != nil || len(all) != 2 {
		t.Fatalf("%d drafts in all, %v", len(all), err)
	}
	mine, err := e.iv.RubricDrafts(e.ctx, e.sam.ID)
	if err != nil || len(mine) != 1 {
		t.Fatalf("Sam has %d drafts, %v", len(mine), err)
	}
	if mine[0].AuthorName != "Sam Okafor" || mine[0].RubricName != "Backend loop" {
		t.Errorf("Sam's draft: %s", brief(&mine[0]))
	}
	// Deleting the rubric takes its drafts.
	if err := e.iv.DeleteRubric(e.ctx, v.RubricID); err != nil {
		t.Fatal(err)
	}
	if all, _ := e.iv.RubricDrafts(e.ctx, 0); len(all) != 0 {
		t.Errorf("%d drafts of a deleted rubric", len(all))
	}
}

// useRubric starts Sam's card in a round on v, so its version is in use.
func (e *env) useRubric(t *testing.T, v rubric.Version) {
	t.Helper()
	r, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "On " + v.Content.Name, RubricID: v.RubricID,
		DurationMin: 45, InterviewerIDs: []int64{e.sam.ID}}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.StartInterview(e.ctx, e.app.ID, r.ID, e.sam); err != nil {
		t.Fatal(err)
	}
}

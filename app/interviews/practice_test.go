package interviews_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"hirebench/app/drill"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// allAt gives every sample of a drill the same level.
func allAt(d []drill.Sample, level int) map[string]int {
	out := map[string]int{}
	for _, s := range d {
		out[s.ID] = level
	}
	return out
}

// Practice never changes a debrief's scores, the calibration or the
// committee workbook's data; the debrief only learns that Sam practised.
func TestPracticeLeavesDebriefAndExportAlone(t *testing.T) {
	e := newEnv(t)
	e.submit(t, e.sam, 3)
	e.submit(t, e.priya, 2)
	before, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	committee, err := e.iv.Committee(e.ctx, e.role.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil {
		t.Fatal(err)
	}
	marks := before.Candidates[0].Practice
	if len(marks) != 2 || marks[0].Practised || marks[1].Practised || marks[0].Version != e.builtin.Version {
		t.Fatalf("before practice: marks %+v, want Sam and Priya not practised on version %d", marks, e.builtin.Version)
	}

	// Sam practises with levels far from the reference: were they to leak
	// into scoring, the composite and calibration would move.
	d, err := e.iv.StartPractice(e.ctx, e.builtin.RubricID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	for id, lv := range allAt(d.Samples, 4) {
		if err := e.iv.RecordPractice(e.ctx, d.AttemptID, id, lv, e.sam); err != nil {
			t.Fatalf("RecordPractice(%s): %v", id, err)
		}
	}
	res, err := e.iv.FinishPractice(e.ctx, d.AttemptID, e.sam)
	if err != nil || !res.Result.Complete || res.Result.Scored != 32 {
		t.Fatalf("FinishPractice = %+v, %v; want all 32 samples, complete", res.Result, err)
	}
	// The built-in has 8 questions × levels 1–4: all at 4 is 8 exact,
	// 8 adjacent (the 3s), bias (3+2+1+0)×8/32 = 1.5.
	if r := res.Result; r.Exact != 0.25 || r.Adjacent != 0.5 || r.Bias != 1.5 || len(r.Misreads) != 24 {
		t.Errorf("result %+v; want exact 0.25, adjacent 0.5, bias 1.5, 24 misreads", r)
	}

	after, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.Candidates[0].Debrief, after.Candidates[0].Debrief) || !reflect.DeepEqual(before.Calibration, after.Calibration) {
		t.Error("practice changed the debrief or the calibration")
	}
	committeeAfter, err := e.iv.Committee(e.ctx, e.role.ID, "test", scoring.ExporterOf(e.riley))
	if err != nil {
		t.Fatal(err)
	}
	committee.ExportedAt, committeeAfter.ExportedAt = time.Time{}, time.Time{} // the clock ticks
	if !reflect.DeepEqual(committee, committeeAfter) {
		t.Error("practice changed the committee workbook's data")
	}
	got := map[string]bool{}
	for _, m := range after.Candidates[0].Practice {
		got[m.Name] = m.Practised
	}
	if !got[e.sam.Name] || got[e.priya.Name] {
		t.Errorf("after Sam's drill: %v, want Sam practised and Priya not", got)
	}
}

func TestPracticeCompletesOnlyWithEverySample(t *testing.T) {
	e := newEnv(t)
	d, err := e.iv.StartPractice(e.ctx, e.builtin.RubricID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	first := d.Samples[0].ID
	if err := e.iv.RecordPractice(e.ctx, d.AttemptID, first, 2, e.sam); err != nil {
		t.Fatal(err)
	}
	if err := e.iv.RecordPractice(e.ctx, d.AttemptID, first, 2, e.priya); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Priya recording into Sam's drill: %v, want not found", err)
	}
	var v *model.ValidationError
	if err := e.iv.RecordPractice(e.ctx, d.AttemptID, first, 9, e.sam); !errors.As(err, &v) {
		t.Errorf("level 9: %v, want a validation error", err)
	}
	res, err := e.iv.FinishPractice(e.ctx, d.AttemptID, e.sam)
	if err != nil || res.Result.Complete || res.Result.Scored != 1 {
		t.Fatalf("one sample: %+v, %v; want scored 1, not complete", res.Result, err)
	}
	// The result showed the rubric's level: the drill takes no more levels, so it cannot be redone to match.
	if err := e.iv.RecordPractice(e.ctx, d.AttemptID, d.Samples[1].ID, 2, e.sam); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a level after the result: %v, want refused as finished", err)
	}
	st, err := e.iv.PracticeStatus(e.ctx, e.builtin.RubricID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range st.Profiles {
		if p.Practised {
			t.Errorf("%s practised after one sample", p.Name)
		}
	}

	// The command line's way: a whole drill at once; a bad id saves nothing.
	if _, err := e.iv.ScorePractice(e.ctx, e.builtin.RubricID, map[string]int{"nope#1": 2}, e.priya); !errors.As(err, &v) {
		t.Errorf("unknown sample: %v, want a validation error", err)
	}
	samples, err := e.iv.PracticeSamples(e.ctx, e.builtin.RubricID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.ScorePractice(e.ctx, e.builtin.RubricID, allAt(samples.Samples, 3), e.priya); err != nil {
		t.Fatal(err)
	}
	st, _ = e.iv.PracticeStatus(e.ctx, e.builtin.RubricID)
	for _, p := range st.Profiles {
		if want := p.ProfileID == e.priya.ID; p.Practised != want || (p.LastVersion == e.builtin.Version) != want {
			t.Errorf("%s: practised %v last version %d; want practised %v", p.Name, p.Practised, p.LastVersion, want)
		}
	}
	if _, err := e.iv.StartPractice(e.ctx, e.builtin.RubricID, model.Profile{}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("nobody signed in: %v, want refused", err)
	}
}

func TestTheRunnerKnowsWhetherItsInterviewerPractisedTheRubric(t *testing.T) {
	e := newEnv(t)
	v, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if v.Practice.RubricID != e.builtin.RubricID || v.Practice.Samples == 0 || v.Practice.Practised {
		t.Fatalf("before any drill: %+v; want the built-in rubric, its samples, not practised", v.Practice)
	}
	samples, err := e.iv.PracticeSamples(e.ctx, e.builtin.RubricID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.ScorePractice(e.ctx, e.builtin.RubricID, allAt(samples.Samples, 2), e.sam); err != nil {
		t.Fatal(err)
	}
	if v, err = e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam); err != nil || !v.Practice.Practised {
		t.Errorf("after Sam's complete drill: %+v, %v; want practised", v.Practice, err)
	}
	// Practice is the author's own: Priya's card on the same round says she has not.
	if v, err = e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.priya); err != nil || v.Practice.Practised {
		t.Errorf("Priya, who never practised: %+v, %v; want not practised", v.Practice, err)
	}
}

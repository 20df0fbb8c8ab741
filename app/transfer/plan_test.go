// The plan in a bundle (v2): weights, their history, the fixed plan and
// reassignments; and v1 bundles, which still import.

package transfer_test

import (
	"strings"
	"testing"
	"time"

	"hirebench/app/bundle"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// A workspace bundle carries the plan's weights, their history, the plan
// fixed at the first submission and the recruiter's reassignments; a second
// laptop's different weight is kept and listed.
func TestWorkspaceBundleCarriesThePlan(t *testing.T) {
	rec := newRecruiter(t)
	ctx := rec.ctx
	comp := rec.custom.Content.Competencies[1]
	if _, err := rec.iv.SetWeights(ctx, rec.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, Weight: 3}}, "", rec.riley); err != nil {
		t.Fatal(err)
	}
	app := rec.application(t, "ada@example.com", rec.role.ID)
	deep := rec.round(t, rec.role.ID, "Deep dive")
	rec.score(t, app.ID, deep.ID, rec.sam, 3) // fixes the plan
	if _, err := rec.iv.SetWeights(ctx, rec.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, Weight: 2}}, "Balance the rounds", rec.riley); err != nil {
		t.Fatal(err)
	}
	systems := rec.round(t, rec.role.ID, "Systems")
	if err := rec.iv.AssignRound(ctx, app.ID, systems.ID, []int64{rec.priya.ID}, rec.riley); err != nil {
		t.Fatal(err)
	}
	want, err := rec.iv.Plan(ctx, rec.role.ID)
	if err != nil {
		t.Fatal(err)
	}

	other := newLaptop(t, "second", time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	other.profile(t, "Riley Chen", true)
	data := rec.export(t, bundle.ExportOptions{AppVersion: "test"})
	other.importBundle(t, data)
	role := other.role(t, "AI Engineer")
	got, err := other.iv.Plan(ctx, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Questions) != len(want.Questions) || got.FixedAt != want.FixedAt || len(got.Changes) != 2 ||
		got.Changes[1].Reason != "Balance the rounds" || got.WeightsNote != want.WeightsNote || !got.ChangedAfterScoring {
		t.Fatalf("plan on the second laptop: %+v\nwant %+v", got, want)
	}
	for i, q := range got.Questions {
		if q.Effective != want.Questions[i].Effective {
			t.Errorf("%s: effective %v, want %v", q.Key, q.Effective, want.Questions[i].Effective)
		}
	}
	oapp := other.application(t, "ada@example.com", role.ID)
	over, err := other.store.Assignments(ctx, oapp.CandidateID)
	if err != nil {
		t.Fatal(err)
	}
	osys := other.round(t, role.ID, "Systems")
	if who := over[scoring.RoundKey{ApplicationID: oapp.ID, RoundID: osys.ID}]; len(who) != 1 || who[0].Name != "Priya Nair" {
		t.Errorf("reassignment on the second laptop: %+v", over)
	}
	// Twice: nothing new. A weight changed on the second laptop is kept.
	if rep := other.importBundle(t, data); len(rep.Conflicts) != 0 {
		t.Errorf("second import: %v", rep.Conflicts)
	}
	if h, _ := other.store.WeightChanges(ctx, role.ID); len(h) != 2 {
		t.Errorf("importing twice duplicated the weight history: %d entries", len(h))
	}
	oriley, _ := other.track.Profiles(ctx)
	var orec model.Profile
	for _, p := range oriley {
		if p.IsRecruiter {
			orec = p
		}
	}
	if _, err := other.iv.SetWeights(ctx, role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, Weight: 5}}, "Local view", orec); err != nil {
		t.Fatal(err)
	}
	rep := other.importBundle(t, data)
	if len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0], "is 5 here and 2 in the bundle; local kept") {
		t.Errorf("conflicts: %v", rep.Conflicts)
	}
}

// Scorecards that arrive in a bundle start scoring as a local submission
// does: the recruiter's plan is fixed, and later changes are announced.
func TestImportedScorecardsFixThePlan(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	before, err := rec.iv.Plan(rec.ctx, rec.role.ID)
	if err != nil || before.FixedAt != "" {
		t.Fatalf("fixed before any submission: %q %v", before.FixedAt, err)
	}
	rec.importBundle(t, mine)
	fixed, err := rec.iv.Plan(rec.ctx, rec.role.ID)
	if err != nil || fixed.FixedAt == "" || !fixed.ScoringBegan {
		t.Fatalf("after importing Sam's cards: fixedAt %q began %v (%v)", fixed.FixedAt, fixed.ScoringBegan, err)
	}
	// A rubric edit can no longer move the weights; a removed round is announced.
	r := rec.custom.Content
	r.Competencies[1].Weight = 9
	r.Competencies[1].Questions[0].Weight = 9
	if _, err := rec.iv.SaveRubric(rec.ctx, rec.custom.RubricID, r, rec.riley); err != nil {
		t.Fatal(err)
	}
	after, _ := rec.iv.Plan(rec.ctx, rec.role.ID)
	for i := range after.Questions {
		if after.Questions[i].Effective != fixed.Questions[i].Effective {
			t.Errorf("%s moved from %v to %v", after.Questions[i].Key, fixed.Questions[i].Effective, after.Questions[i].Effective)
		}
	}
	if after.ChangedAfterScoring {
		t.Errorf("nothing moved, yet: %q", after.WeightsNote)
	}
}

// A bundle written before v2 (no plan fields, no seen-others marks) still
// imports, and importing it twice changes nothing.
func TestV1BundleStillImports(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	v1 := rewrite(t, mine, bundle.ManifestFile, func(v any) { v.(map[string]any)["format"] = bundle.FormatV1 })
	first := rec.importBundle(t, v1)
	if first.Created.Scorecards != 2 || len(first.Conflicts) != 0 {
		t.Fatalf("first import of a v1 bundle: %+v", first)
	}
	again := rec.importBundle(t, v1)
	if again.Created.Total() != 0 || again.Unchanged.Scorecards != 2 {
		t.Errorf("second import of a v1 bundle: created %+v unchanged %+v", again.Created, again.Unchanged)
	}
}

// Tests migrating from another ATS: rows go to the role their Job names and the
// stage their Current Stage names (answers for names that match none), the
// stage history says "imported", and the result counts what the preview did.

package tracking_test

import (
	"slices"
	"testing"

	"hirebench/app/importer"
	"hirebench/app/model"
)

const atsCSV = "Name,Email,Job,Current Stage\n" +
	"Ada Lovelace,ada@example.com,backend engineer,Interview\n" +
	"Grace Hopper,grace@example.com,Backend Engineer,Phone screen\n" +
	"Alan Turing,alan@example.com,Astronaut,Offer\n" +
	"Bad Row,not-an-email,Backend Engineer,Screen\n" +
	"Joan Clarke,joan@example.com,Cryptanalyst,rejected\n" +
	"Edsger Dijkstra,edsger@example.com,,\n"

func TestImportFromATSToRolesAndStages(t *testing.T) {
	e := newEnv(t)
	backend := e.role(t, "Backend Engineer")
	designer := e.role(t, "Product Designer")
	opts := importer.Options{RoleID: designer.ID,
		Jobs:   []importer.JobChoice{{Job: "cryptanalyst", RoleID: backend.ID}}, // Astronaut: left to skip
		Stages: []importer.StageChoice{{RoleID: backend.ID, From: "phone screen", To: "Screen"}}}
	p := e.preview(t, atsCSV, opts)
	if p.Counts != (importer.Counts{Rows: 6, Create: 4, Skip: 1, Error: 1, Import: 4}) {
		t.Fatalf("counts = %+v (errors %v)", p.Counts, p.Errors())
	}
	res, err := e.svc.CommitImport(e.ctx, p, designer.ID, true, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	// One count: the result says what the preview said.
	if res.Imported != 4 || res.Created != 4 || res.Skipped != 1 || res.Invalid != 1 || !slices.Equal(res.InvalidRows, []int{5}) {
		t.Errorf("result = %+v", res)
	}
	if len(res.Skips) != 1 || res.Skips[0].Words != `job "Astronaut": no role has this title` || !slices.Equal(res.Skips[0].Rows, []int{4}) {
		t.Errorf("skips = %+v", res.Skips)
	}

	for _, want := range []struct{ email, role, stage string }{
		{"ada@example.com", "Backend Engineer", "Interview"},
		{"grace@example.com", "Backend Engineer", "Screen"},
		{"joan@example.com", "Backend Engineer", "Rejected"},
		{"edsger@example.com", "Product Designer", "Applied"},
	} {
		d := byEmail(t, e, want.email)
		if len(d.Applications) != 1 || d.Applications[0].RoleTitle != want.role || d.Applications[0].StageName != want.stage {
			t.Errorf("%s: applications %+v, want %s / %s", want.email, d.Applications, want.role, want.stage)
		}
		if len(d.History) != 1 || d.History[0].ToStage != want.stage || d.History[0].Reason != "imported" || d.History[0].FromStage != "" {
			t.Errorf("%s: history %+v, want arriving in %s, imported", want.email, d.History, want.stage)
		}
	}
	if _, err := e.svc.FindByEmail(e.ctx, "alan@example.com"); err == nil {
		t.Error("the row of an unknown job was imported")
	}
	if n := e.count(t); n != 4 {
		t.Errorf("%d candidates, want 4", n)
	}
	// No role was created for the unknown titles.
	if roles, _ := e.svc.Roles(e.ctx); len(roles) != 2 {
		t.Errorf("%d roles after the import, want 2", len(roles))
	}
}

func TestImportMergeKeepsTheStageOfAnApplication(t *testing.T) {
	e := newEnv(t)
	backend := e.role(t, "Backend Engineer")
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, backend.ID)
	p := e.preview(t, "Name,Email,Job,Stage\nAda Lovelace,ada@example.com,Backend Engineer,Offer\n",
		importer.Options{DuplicatePolicy: importer.PolicyMerge})
	res, err := e.svc.CommitImport(e.ctx, p, 0, false, e.actor)
	if err != nil || res.Merged != 1 || res.Applications != 0 {
		t.Fatalf("merge: %+v, %v", res, err)
	}
	if d := e.detail(t, ada.ID); len(d.Applications) != 1 || d.Applications[0].StageName != "Applied" {
		t.Errorf("an import moved an existing application: %+v", d.Applications)
	}
}

func TestImportRefusesStagesAndRolesGoneSinceThePreview(t *testing.T) {
	e := newEnv(t)
	backend := e.role(t, "Backend Engineer")
	var screen model.Stage
	for _, st := range backend.Stages {
		if st.Name == "Screen" {
			screen = st
		}
	}
	p := e.preview(t, "Name,Email,Job,Stage\nAda,ada@example.com,Backend Engineer,Applied\nGrace,grace@example.com,Backend Engineer,Screen\n",
		importer.Options{})
	if _, err := e.svc.DeleteStage(e.ctx, screen.ID, 0, e.actor); err != nil {
		t.Fatal(err)
	}
	_, err := e.svc.CommitImport(e.ctx, p, 0, false, e.actor)
	wantField(t, err, "row 3 · stage")
	if n := e.count(t); n != 0 {
		t.Errorf("%d candidates saved by a refused import", n)
	}
}

func TestImportNeedsARoleForRowsWithoutOne(t *testing.T) {
	e := newEnv(t)
	p := e.preview(t, importCSV, importer.Options{})
	_, err := e.svc.CommitImport(e.ctx, p, 0, false, e.actor)
	wantField(t, err, "roleId")
	// A stage column planned without a role is not guessed at commit.
	r := e.role(t, "Backend Engineer")
	p = e.preview(t, "Name,Stage\nAda,Offer\n", importer.Options{})
	_, err = e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
	wantField(t, err, "row 2 · stage")
	if n := e.count(t); n != 0 {
		t.Errorf("%d candidates saved by refused imports", n)
	}
}

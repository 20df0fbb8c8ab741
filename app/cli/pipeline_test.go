// Tests the pipeline and rubric-draft commands through Run: a role created with
// its own stages, a stage added before Offer, a rejection with its note in the
// history, and the drafts nobody has published yet.

package cli_test

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/tracking"
	"hirebench/storage"
)

func stageList(r model.Role) []string {
	out := []string{}
	for _, st := range r.Stages {
		out = append(out, st.Name)
	}
	return out
}

func TestRolesCreateWithItsOwnPipeline(t *testing.T) {
	dir := newWorkspace(t)
	var r model.Role
	out := mustRun(t, dir, "roles", "create", "--title", "ML Engineer", "--stage", "Sourced", "--stage", "Take-home",
		"--stage", "Offer", "--json")
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if want := []string{"Sourced", "Take-home", "Offer", "Rejected"}; r.Title != "ML Engineer" || !slices.Equal(stageList(r), want) {
		t.Errorf("created %q with %v, want %v", r.Title, stageList(r), want)
	}
	// Without --stage: the default pipeline, said in words.
	if out := mustRun(t, dir, "roles", "create", "--title", "Data Engineer"); !strings.Contains(out,
		`"Data Engineer": Applied → Screen → Interview → Offer → Hired → Rejected`) {
		t.Errorf("roles create printed %q", out)
	}
	// A stage added goes before Offer and Hired.
	if out := mustRun(t, dir, "roles", "add-stage", "--role", "Data Engineer", "--name", "Take-home"); !strings.Contains(out,
		"Applied → Screen → Interview → Take-home → Offer → Hired → Rejected") {
		t.Errorf("roles add-stage printed %q", out)
	}

	wantFailure(t, run(t, dir, "roles", "create", "--title", "Ops", "--stage", "Applied", "--stage", "APPLIED"), cli.ExitError,
		"stages[1]", "its own name")
	wantFailure(t, run(t, dir, "roles", "create", "--stage", "Applied"), cli.ExitError, "title")
	wantFailure(t, run(t, dir, "roles", "add-stage", "--name", "Call"), cli.ExitUsage, "--role")
	if roles := rolesJSON(t, dir); len(roles) != 2 {
		t.Errorf("%d roles after refusals, want 2", len(roles))
	}
}

func TestCandidatesRejectKeepsTheNote(t *testing.T) {
	dir, roles := withRoles(t, "Backend Engineer")
	mustRun(t, dir, "candidates", "add", "--name", "Barbara Liskov", "--role", "Backend Engineer")
	id := listJSON(t, dir)[0].ID
	ref := strconv.FormatInt(id, 10)

	wantFailure(t, run(t, dir, "candidates", "reject", "--candidate", ref, "--role", "Backend Engineer", "--reason", "Bad vibes"),
		cli.ExitError, "not in the list of rejection reasons")
	wantFailure(t, run(t, dir, "candidates", "reject", "--candidate", ref), cli.ExitUsage, "--role")
	out := mustRun(t, dir, "candidates", "reject", "--candidate", ref, "--role", "Backend Engineer",
		"--reason", "Position filled", "--note", "Strong; ask again for the platform team.", "--json")
	var a model.Application
	if err := json.Unmarshal([]byte(out), &a); err != nil || a.StageName != "Rejected" || a.RejectionReason != "Position filled" {
		t.Fatalf("rejected: %+v, %v", a, err)
	}

	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := tracking.New(s).Detail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	h := d.History[0]
	if h.ToStage != "Rejected" || h.Reason != "Position filled" || h.Note != "Strong; ask again for the platform team." ||
		h.ActorName != tracking.CommandLine.Name || a.RoleID != roles[0].ID {
		t.Errorf("history = %+v", h)
	}
}

func TestRubricDraftsListsUnpublishedEdits(t *testing.T) {
	dir := newWorkspace(t)
	if out := mustRun(t, dir, "rubric", "drafts", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("no drafts yet, printed %q", out)
	}
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sam, err := tracking.New(s).CreateProfile(ctx, "Sam Okafor", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interviews.New(s).SaveRubricDraft(ctx, 0, rubric.Rubric{Name: "Data loop"}, sam); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var list []interviews.RubricDraft
	out := mustRun(t, dir, "rubric", "drafts", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("rubric drafts --json: %v\n%s", err, out)
	}
	if d := list[0]; d.AuthorName != "Sam Okafor" || d.Content.Name != "Data loop" || d.RubricID != 0 {
		t.Errorf("draft listed as %q by %q (rubric %d)", d.Content.Name, d.AuthorName, d.RubricID)
	}
	if out := mustRun(t, dir, "rubric", "drafts"); !strings.Contains(out, "Data loop (new)") || !strings.Contains(out, "Sam Okafor") {
		t.Errorf("rubric drafts printed %q", out)
	}
}

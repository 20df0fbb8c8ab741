// The privacy commands through Run: candidates erase, export subject,
// candidates retention and privacy audit, with their one-line refusals.

package cli_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/app/privacy"
	"hirebench/storage"
)

const (
	qName  = "Quorra Vantablack"
	qEmail = "quorra@zyxmail.test"
)

// withQuorra is a workspace with Quorra and Ada added from the command line.
func withQuorra(t *testing.T) string {
	t.Helper()
	dir := newWorkspace(t)
	mustRun(t, dir, "candidates", "add", "--name", qName, "--email", qEmail)
	mustRun(t, dir, "candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com")
	return dir
}

func names(rows []model.CandidateRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name)
	}
	return strings.Join(out, ", ")
}

func TestCandidatesErase(t *testing.T) {
	dir := withQuorra(t)
	wantFailure(t, run(t, dir, "candidates", "erase", "--email", qEmail), cli.ExitUsage, "--yes")
	wantFailure(t, run(t, dir, "candidates", "erase", "--yes"), cli.ExitUsage, "--email")
	wantFailure(t, run(t, dir, "candidates", "erase", "--email", "nobody@zyxmail.test", "--yes"), cli.ExitError, "no candidate has that email")
	if got := names(listJSON(t, dir)); got != "Ada Lovelace, "+qName {
		t.Fatalf("after refusals: %s", got)
	}
	out := mustRun(t, dir, "candidates", "erase", "--email", " QUORRA@zyxmail.test ", "--yes")
	for _, want := range []string{"erased candidate 1 (", "candidates 1", "snapshots: 0 rewritten, 0 deleted, 0 never held them",
		"may still hold this person"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := names(listJSON(t, dir, "--archived")); got != "Ada Lovelace" {
		t.Errorf("after erasing: %s", got)
	}
	wantFailure(t, run(t, dir, "candidates", "erase", "--email", qEmail, "--yes"), cli.ExitError, "no candidate has that email")

	// Anonymised instead, as JSON: the row stays under an anonymous name.
	var res privacy.Result
	if err := json.Unmarshal([]byte(mustRun(t, dir, "candidates", "erase", "--email", "ada@example.com", "--anonymise", "--yes", "--json")), &res); err != nil {
		t.Fatal(err)
	}
	if res.Action != privacy.Anonymise || res.Candidates != 1 || res.Counts["candidates"] != 1 {
		t.Errorf("JSON result: %+v", res)
	}
	if got := names(listJSON(t, dir, "--archived")); got != "Anonymised candidate 2" {
		t.Errorf("after anonymising: %s", got)
	}
}

func TestExportSubject(t *testing.T) {
	dir := withQuorra(t)
	out := filepath.Join(t.TempDir(), "quorra.zip")
	wantFailure(t, run(t, dir, "export", "subject", "--email", qEmail), cli.ExitUsage, "--out")
	wantFailure(t, run(t, dir, "export", "subject", "--email", "nobody@zyxmail.test", "--out", out), cli.ExitError, "no candidate has that email")
	wantFailure(t, run(t, dir, "export", "subject", "--email", qEmail, "--out", cli.DatabasePath(dir)), cli.ExitError, "own files")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused export left %s: %v", out, err)
	}
	// Two records: her row and the uid bundles know her by.
	if got := mustRun(t, dir, "export", "subject", "--email", qEmail, "--out", out); got != "wrote "+out+": everything held about candidate 1 (2 records, 0 attachments)\n" {
		t.Errorf("output: %q", got)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	var doc struct {
		Format string                      `json:"format"`
		Tables map[string][]map[string]any `json:"tables"`
	}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "subject.json" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
		}
	}
	if strings.Join(names, " ") != "README.txt subject.json" || doc.Format != "hirebench.subject/v1" ||
		len(doc.Tables["candidates"]) != 1 || doc.Tables["candidates"][0]["email"] != qEmail || doc.Tables["candidates"][0]["name"] != qName ||
		len(doc.Tables["candidate_uids"]) != 1 {
		t.Errorf("zip %v, document %+v", names, doc)
	}
}

func TestCandidatesRetention(t *testing.T) {
	dir := newWorkspace(t)
	// A year and a half ago: Old was rejected, Busy is still in process.
	long := time.Now().AddDate(0, -18, 0)
	s, err := storage.Open(cli.DatabasePath(dir), storage.WithClock(func() time.Time { return long }))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	role, err := s.CreateRole(ctx, model.RoleInput{Title: "Data Engineer", Status: model.RoleOpen}, storage.DefaultPipeline)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := s.CreateCandidate(ctx, model.Candidate{CandidateInput: model.CandidateInput{Name: "Old Rejection", Email: "old@example.com"}}, []int64{role.ID}, model.Profile{Name: "Riley"})
	if _, err := s.CreateCandidate(ctx, model.Candidate{CandidateInput: model.CandidateInput{Name: "Busy Person"}}, []int64{role.ID}, model.Profile{Name: "Riley"}); err != nil {
		t.Fatal(err)
	}
	apps, _ := s.CandidateApplications(ctx, old.ID)
	if _, err := s.MoveApplication(ctx, apps[0].ID, role.Stages[len(role.Stages)-1].ID, "Candidate withdrew", model.Profile{Name: "Riley"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	if got := mustRun(t, dir, "candidates", "retention"); got != "the retention policy is off (set it with --set MONTHS)\n" {
		t.Errorf("off: %q", got)
	}
	wantFailure(t, run(t, dir, "candidates", "retention", "--set", "six"), cli.ExitUsage, "whole number of months")
	wantFailure(t, run(t, dir, "candidates", "retention", "--set", "121"), cli.ExitError, "from 1 to 120")
	var review privacy.Review
	if err := json.Unmarshal([]byte(mustRun(t, dir, "candidates", "retention", "--set", "12", "--json")), &review); err != nil {
		t.Fatal(err)
	}
	if review.Months != 12 || len(review.Candidates) != 1 || review.Candidates[0].Name != "Old Rejection" ||
		strings.Join(review.Candidates[0].Applications, ";") != "Data Engineer: Candidate withdrew" {
		t.Errorf("review: %+v", review)
	}
	if out := mustRun(t, dir, "candidates", "retention"); !strings.Contains(out, "retention policy: 12 months") || !strings.Contains(out, "Old Rejection") {
		t.Errorf("listing:\n%s", out)
	}
	wantFailure(t, run(t, dir, "candidates", "retention", "--erase"), cli.ExitUsage, "--yes")
	wantFailure(t, run(t, dir, "candidates", "retention", "--erase", "--anonymise", "--yes"), cli.ExitUsage, "not both")
	out := mustRun(t, dir, "candidates", "retention", "--anonymise", "--yes")
	if !strings.HasPrefix(out, "anonymised 1 candidate due under the retention policy (") {
		t.Errorf("anonymise: %q", out)
	}
	if got := mustRun(t, dir, "candidates", "retention", "--erase", "--yes"); got != "nobody is due under the retention policy; nothing changed\n" {
		t.Errorf("nobody due: %q", got)
	}
	var log []privacy.AuditEntry
	if err := json.Unmarshal([]byte(mustRun(t, dir, "privacy", "audit", "--json")), &log); err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Action != privacy.Anonymise || log[0].Why != "retention" || log[0].ActorName != "command line" || log[0].CandidateID != old.ID {
		t.Errorf("audit: %+v", log)
	}
	if out := mustRun(t, dir, "privacy", "audit"); !strings.Contains(out, "anonymise  retention") {
		t.Errorf("audit table:\n%s", out)
	}
}

package cli_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/cli"
	"hirebench/app/scoring"
	"hirebench/app/selfid"
	"hirebench/storage"
)

// leakWords are answers no demo text contains, so finding one in a file
// can only be a leak of self-identification.
var leakWords = []string{"Zephyrine", "Quillonese"}

// selfIdentified is the demo workspace with everyone in Senior AI Engineer
// answering one category in made-up words, half and half.
func selfIdentified(t *testing.T) (dir string, ids []int64) {
	t.Helper()
	dir = demoWorkspace(t)
	st, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	_, err = selfid.New(st).SetCategories(context.Background(), scoring.Exporter{Owner: true},
		[]selfid.Category{{Name: "Heritage", Options: leakWords}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID           int64 `json:"id"`
		Applications []struct {
			RoleID int64 `json:"roleId"`
		} `json:"applications"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "candidates", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	for i, c := range list {
		mustRun(t, dir, "candidates", "self-id", "--candidate", strconv.FormatInt(c.ID, 10), "--set", "heritage="+leakWords[i%2])
		ids = append(ids, c.ID)
	}
	return dir, ids
}

func zipText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var b strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		b.Write(data)
	}
	return b.String()
}

func leaked(text string) []string {
	var out []string
	for _, w := range leakWords {
		if strings.Contains(text, w) {
			out = append(out, w)
		}
	}
	return out
}

func TestSelfIdentificationNeverLeaksIntoExportsOrBundles(t *testing.T) {
	dir, ids := selfIdentified(t)
	out := t.TempDir()
	// The scan can see the answers: the subject's own export holds theirs.
	subject := filepath.Join(out, "subject.zip")
	var list []struct{ Email string }
	_ = json.Unmarshal([]byte(mustRun(t, dir, "candidates", "list", "--json")), &list)
	mustRun(t, dir, "export", "subject", "--email", list[0].Email, "--out", subject)
	if got := leaked(zipText(t, subject)); len(got) != 1 {
		t.Fatalf("the subject's own export shows %v, want their one answer: the scan could not catch a leak", got)
	}

	// Bundles, as the recruiter (the command line) and as an interviewer.
	for name, args := range map[string][]string{
		"recruiter":   {"bundle", "export", "--out", filepath.Join(out, "all.zip")},
		"interviewer": {"bundle", "export", "--out", filepath.Join(out, "sam.zip"), "--mine", "Sam Okafor"},
	} {
		mustRun(t, dir, args...)
		if got := leaked(zipText(t, args[3])); len(got) > 0 {
			t.Errorf("the %s's bundle holds %v", name, got)
		}
	}
	// CSV files of every role and sheet.
	for _, role := range []string{"1", "2", "3"} {
		for _, sheet := range []string{"summary", "scorecards"} {
			path := filepath.Join(out, role+sheet+".csv")
			mustRun(t, dir, "export", "csv", "--role", role, "--sheet", sheet, "--out", path)
			if got := leaked(readText(t, path)); len(got) > 0 {
				t.Errorf("csv %s of role %s holds %v", sheet, role, got)
			}
		}
		// The workbook: only its Fairness sheet names the groups, as
		// aggregates; no other sheet, and no cell beside a candidate.
		path := filepath.Join(out, role+".xlsx")
		mustRun(t, dir, "export", "xlsx", "--role", role, "--out", path)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if idx, _ := f.GetSheetIndex("Fairness"); idx < 0 {
			t.Errorf("role %s: the workbook has no Fairness sheet", role)
		}
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			var b strings.Builder
			for _, r := range rows {
				b.WriteString(strings.Join(r, "\t") + "\n")
			}
			if got := leaked(b.String()); len(got) > 0 && sh != "Fairness" {
				t.Errorf("role %s, sheet %s holds %v", role, sh, got)
			}
			if got := leaked(b.String()); sh == "Fairness" && len(got) != len(leakWords) {
				t.Errorf("role %s: the Fairness sheet names groups %v, want both", role, got)
			}
			if sh == "Fairness" && strings.Contains(b.String(), "@") {
				t.Errorf("role %s: the Fairness sheet names someone", role)
			}
		}
		f.Close()
	}
	if len(ids) == 0 {
		t.Fatal("nobody self-identified")
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSelfIDIsErasedWithTheCandidate(t *testing.T) {
	dir, _ := selfIdentified(t)
	var list []struct {
		ID    int64
		Email string
	}
	_ = json.Unmarshal([]byte(mustRun(t, dir, "candidates", "list", "--json")), &list)
	mustRun(t, dir, "candidates", "erase", "--email", list[0].Email, "--yes")
	r := run(t, dir, "candidates", "self-id", "--candidate", strconv.FormatInt(list[0].ID, 10))
	wantFailure(t, r, cli.ExitError, "not found")
}

func TestSelfIDRefusesUnknownAnswersAndSavesNothing(t *testing.T) {
	dir, ids := selfIdentified(t)
	id := strconv.FormatInt(ids[0], 10)
	before := mustRun(t, dir, "candidates", "self-id", "--candidate", id, "--json")
	r := run(t, dir, "candidates", "self-id", "--candidate", id, "--set", "heritage="+leakWords[1], "--set", "heritage2=x")
	wantFailure(t, r, cli.ExitError, "no category")
	if after := mustRun(t, dir, "candidates", "self-id", "--candidate", id, "--json"); after != before {
		t.Errorf("a refused record changed the answers: %s -> %s", before, after)
	}
	wantFailure(t, run(t, dir, "candidates", "self-id", "--candidate", id, "--set", "heritage"), cli.ExitUsage, "CATEGORY=ANSWER")
}

func TestFairnessOfARoleComparesTheGroups(t *testing.T) {
	dir, _ := selfIdentified(t)
	var rep selfid.Report
	if err := json.Unmarshal([]byte(mustRun(t, dir, "fairness", "--role", "1", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.People == 0 || rep.Responded != rep.People || len(rep.Decisions) == 0 {
		t.Fatalf("report = %+v", rep)
	}
	first := rep.Decisions[0].Categories[0]
	if first.Category != "Heritage" || first.Report == nil || first.Report.N != rep.Decisions[0].Considered {
		t.Errorf("first decision = %+v", rep.Decisions[0])
	}
	// The file form still works without a workspace.
	wantFailure(t, run(t, dir, "fairness"), cli.ExitUsage, "--in")
}

func TestSelfIDCategoriesAreEditedFromTheCommandLine(t *testing.T) {
	dir := newWorkspace(t)
	mustRun(t, dir, "self-id", "categories", "--set", "Heritage=Zephyrine|Quillonese", "--remove", "veteran status")
	out := mustRun(t, dir, "self-id", "categories")
	if !strings.Contains(out, "Heritage: Zephyrine | Quillonese | Prefer not to say\n") {
		t.Errorf("the new category is not offered with Prefer not to say:\n%s", out)
	}
	if strings.Contains(strings.ToLower(out), "veteran") {
		t.Errorf("the removed category is still offered:\n%s", out)
	}
	// Replacing a category's answers keeps its place; names match whatever their case.
	mustRun(t, dir, "self-id", "categories", "--set", "heritage=Zephyrine|Quillonese|Other")
	if out := mustRun(t, dir, "self-id", "categories"); !strings.Contains(out, "Heritage: Zephyrine | Quillonese | Other | Prefer not to say\n") {
		t.Errorf("the answers were not replaced:\n%s", out)
	}

	before := mustRun(t, dir, "self-id", "categories", "--json")
	wantFailure(t, run(t, dir, "self-id", "categories", "--set", "Heritage=A|a"), cli.ExitError, "listed twice")
	wantFailure(t, run(t, dir, "self-id", "categories", "--set", "Heritage=Prefer not to say"), cli.ExitError, "always offered")
	wantFailure(t, run(t, dir, "self-id", "categories", "--remove", "Star sign"), cli.ExitUsage, "no such category")
	wantFailure(t, run(t, dir, "self-id", "categories", "--set", "Heritage"), cli.ExitUsage, "NAME=ANSWER")
	if after := mustRun(t, dir, "self-id", "categories", "--json"); after != before {
		t.Errorf("a refused change altered the categories: %s -> %s", before, after)
	}
}

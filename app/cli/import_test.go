// Tests `import candidates`: importing a file, JSON output and merging duplicates,
// and refusals that name the row and column.

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/cli"
)

// runCandidateImport runs `import candidates ARGS...` and skips the test while the
// command is not wired into cli.Run yet.
func runCandidateImport(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := run(t, dir, append([]string{"import", "candidates"}, args...)...)
	return r
}

func writeCandidateFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// wantImportRefused checks a refused import: exit 1, one line on stderr naming the problem.
func wantImportRefused(t *testing.T, r result, mentions ...string) {
	t.Helper()
	if r.code != cli.ExitError {
		t.Errorf("exit code %d, want %d (stderr %q)", r.code, cli.ExitError, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("stderr is not exactly one line: %q", r.stderr)
	}
	for _, m := range mentions {
		if !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(m)) {
			t.Errorf("stderr %q does not mention %q", r.stderr, m)
		}
	}
}

const candidateCSV = "Full Name,E-mail,Phone Number,Tags,Resume\n" +
	"Ada Lovelace,ada@example.com,+44 20 7946 0000,\"math, engines\",Wrote the first program for the analytical engine\n" +
	"Grace Hopper,grace@example.com,,navy,Compilers\n" +
	"Bad Row,not-an-email,,,\n"

func TestImportCandidatesCLI(t *testing.T) {
	dir, roles := withRoles(t, "Backend Engineer")
	file := writeCandidateFile(t, "people.csv", candidateCSV)

	// One bad row: the preview lists it, nothing is saved, exit 1.
	r := runCandidateImport(t, dir, file, "--role", "backend engineer")
	wantImportRefused(t, r, "1 of 3 rows have errors", `row 4, column "E-mail"`, "--valid-only")
	if !strings.Contains(r.stdout, `row 4, column "E-mail": "not-an-email" is not a valid email address`) ||
		!strings.Contains(r.stdout, "2 to create") || !strings.Contains(r.stdout, `name ← "Full Name"`) {
		t.Errorf("preview printed %q", r.stdout)
	}
	if rows := listJSON(t, dir); len(rows) != 0 {
		t.Fatalf("a refused import saved %d candidates", len(rows))
	}

	// --dry-run with --valid-only: a preview, nothing saved, success.
	r = runCandidateImport(t, dir, "--dry-run", "--valid-only", "--role", "Backend Engineer", file)
	if r.code != cli.ExitOK || !strings.Contains(r.stdout, "dry run: nothing saved") {
		t.Fatalf("dry run: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if rows := listJSON(t, dir); len(rows) != 0 {
		t.Fatalf("a dry run saved %d candidates", len(rows))
	}
	// A dry run of a file with errors fails like the real import would.
	wantImportRefused(t, runCandidateImport(t, dir, file, "--role", "Backend Engineer", "--dry-run"), "dry run", "row 4")

	// --valid-only imports the good rows into the role's first stage.
	out := mustRun(t, dir, "import", "candidates", file, "--role", "Backend Engineer", "--valid-only")
	if !strings.Contains(out, "2 created") || !strings.Contains(out, "1 with errors left out") {
		t.Errorf("import printed %q", out)
	}
	rows := listJSON(t, dir)
	if len(rows) != 2 || rows[0].Name != "Ada Lovelace" || rows[0].Applications[0].RoleID != roles[0].ID ||
		rows[0].Applications[0].StageName != "Applied" || !slices.Equal(rows[0].Tags, []string{"math", "engines"}) {
		t.Errorf("rows = %+v", rows)
	}
	if hits := listJSON(t, dir, "--query", "analytical"); len(hits) != 1 || hits[0].Name != "Ada Lovelace" {
		t.Errorf("resume text not searchable: %+v", hits)
	}

	// Again with skip (the default): nothing new.
	out = mustRun(t, dir, "import", "candidates", file, "--role", "Backend Engineer", "--valid-only")
	if !strings.Contains(out, "0 created") || !strings.Contains(out, "2 skipped") {
		t.Errorf("second import printed %q", out)
	}
	if rows := listJSON(t, dir); len(rows) != 2 {
		t.Errorf("second import: %d candidates", len(rows))
	}
}

func TestImportCandidatesCLIJSONAndMerge(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer", "Designer")
	mustRun(t, dir, "candidates", "add", "--name", "Ada King", "--email", "ada@example.com", "--role", "Designer")
	f := excelize.NewFile()
	for i, row := range [][]any{{"Who", "Mail", "Cell"}, {"Ada Lovelace", "ADA@example.com", "+44 1"}, {"Alan Turing", "alan@example.com", ""}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// "Who" and "Cell" are not guessed; --map names them.
	wantImportRefused(t, runCandidateImport(t, dir, path, "--role", "Backend Engineer"), "name")
	r := runCandidateImport(t, dir, path, "--role", "Backend Engineer", "--duplicates", "merge", "--json",
		"--map", "name=who", "--map", "email=Mail", "--map", "phone=3")
	if r.code != cli.ExitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var rep struct {
		DryRun  bool `json:"dryRun"`
		Preview struct {
			Counts map[string]int `json:"counts"`
		} `json:"preview"`
		Result struct {
			Created, Merged, Applications int
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("--json printed %q: %v", r.stdout, err)
	}
	if rep.Preview.Counts["merge"] != 1 || rep.Preview.Counts["create"] != 1 || rep.Result.Created != 1 ||
		rep.Result.Merged != 1 || rep.Result.Applications != 2 {
		t.Errorf("report = %+v", rep)
	}
	byName := map[string]int{}
	for _, row := range listJSON(t, dir) {
		byName[row.Name] = len(row.Applications)
	}
	if byName["Ada King"] != 2 || byName["Alan Turing"] != 1 || len(byName) != 2 {
		t.Errorf("after merge: %v", byName)
	}
}

func TestImportCandidatesCLIFailures(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer")
	good := writeCandidateFile(t, "ok.csv", "Name,Email\nAda,ada@example.com\n")
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions []string
	}{
		{"no file", []string{"--role", "Backend Engineer"}, cli.ExitUsage, []string{"FILE"}},
		{"two files", []string{good, good, "--role", "Backend Engineer"}, cli.ExitUsage, []string{"exactly one"}},
		{"no role", []string{good}, cli.ExitUsage, []string{"--role"}},
		{"bad duplicates", []string{good, "--role", "Backend Engineer", "--duplicates", "overwrite"}, cli.ExitUsage, []string{"skip or merge"}},
		{"unknown flag", []string{good, "--role", "Backend Engineer", "--force"}, cli.ExitUsage, []string{"force"}},
		{"bad --map", []string{good, "--role", "Backend Engineer", "--map", "salary=Email"}, cli.ExitUsage, []string{"salary"}},
		{"--map to a missing column", []string{good, "--role", "Backend Engineer", "--map", "email=Mail"}, cli.ExitError, []string{"no column", "Mail"}},
		{"unknown role", []string{good, "--role", "Astronaut"}, cli.ExitError, []string{"astronaut"}},
		{"missing file", []string{filepath.Join(dir, "nope.csv"), "--role", "Backend Engineer"}, cli.ExitError, []string{"nope.csv"}},
		{"a folder", []string{dir, "--role", "Backend Engineer"}, cli.ExitError, []string{"folder"}},
		{"empty file", []string{writeCandidateFile(t, "empty.csv", ""), "--role", "Backend Engineer"}, cli.ExitError, []string{"empty"}},
		{"binary file", []string{writeCandidateFile(t, "x.xlsx", "not a workbook"), "--role", "Backend Engineer"}, cli.ExitError, []string{"x.xlsx"}},
		{"a sheet of a CSV", []string{good, "--role", "Backend Engineer", "--sheet", "People"}, cli.ExitError, []string{"no sheets"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFailure(t, runCandidateImport(t, dir, tc.args...), tc.code, tc.mentions...)
			if rows := listJSON(t, dir); len(rows) != 0 {
				t.Errorf("a failed import saved %d candidates", len(rows))
			}
		})
	}
}

// Tests `import candidates` on an ATS export: the Job and Current Stage columns,
// --map-job and --map-stage, --role only for rows without a job, and one count
// from the preview to the refusal and the result.

package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"hirebench/app/cli"
)

const atsExport = "Name,Email,Job,Current Stage\n" +
	"Ada Lovelace,ada@example.com,backend engineer,Interview\n" +
	"Grace Hopper,grace@example.com,Backend Engineer,Phone screen\n" +
	"Alan Turing,alan@example.com,Astronaut,Offer\n" +
	"Bad Row,not-an-email,Backend Engineer,Screen\n"

func TestImportCandidatesFromATS(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer", "Product Designer")
	file := writeCandidateFile(t, "greenhouse.csv", atsExport)

	// The preview says where every job and stage goes and why a row is skipped.
	r := runCandidateImport(t, dir, file, "--dry-run", "--valid-only")
	if r.code != cli.ExitOK {
		t.Fatalf("dry run: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"greenhouse.csv: 4 rows: 2 to import (2 to create, 0 to merge), 1 skipped, 1 with errors",
		`job "backend engineer" (3 rows) → role "Backend Engineer"`,
		`job "Astronaut" (1 row) → skipped: no role has this title (--map-job "Astronaut=ROLE" imports them)`,
		`stage "Phone screen" of role "Backend Engineer" (1 row) → "Applied" (the first stage: no stage has this name;`,
		`skipped 1 row: job "Astronaut": no role has this title (row 4)`,
		`row 5, column "Email": "not-an-email" is not a valid email address`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, r.stdout)
		}
	}

	// Without --valid-only the refusal offers exactly the rows the import would save.
	wantImportRefused(t, runCandidateImport(t, dir, file), "1 of 4 rows have errors", "--valid-only to import only the 2 valid rows")

	r = runCandidateImport(t, dir, file, "--valid-only", "--json",
		"--map-job", "Astronaut=Product Designer", "--map-stage", "Phone screen=Screen")
	if r.code != cli.ExitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var rep struct {
		RoleID  int64 `json:"roleId"`
		Preview struct {
			Counts map[string]int `json:"counts"`
		} `json:"preview"`
		Result struct {
			Imported, Created, Skipped, Invalid int
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("--json printed %q: %v", r.stdout, err)
	}
	c := rep.Preview.Counts
	if c["rows"] != 4 || c["import"] != 3 || c["create"] != 3 || c["skip"] != 0 || c["error"] != 1 || rep.RoleID != 0 {
		t.Errorf("counts = %v, role %d", c, rep.RoleID)
	}
	if rep.Result.Imported != 3 || rep.Result.Created != 3 || rep.Result.Skipped != 0 || rep.Result.Invalid != 1 {
		t.Errorf("result = %+v", rep.Result)
	}
	where := map[string]string{}
	for _, row := range listJSON(t, dir) {
		for _, a := range row.Applications {
			where[row.Name] += a.RoleTitle + "/" + a.StageName
		}
	}
	want := map[string]string{"Ada Lovelace": "Backend Engineer/Interview", "Grace Hopper": "Backend Engineer/Screen",
		"Alan Turing": "Product Designer/Offer"}
	if len(where) != len(want) {
		t.Errorf("imported %v, want %v", where, want)
	}
	for name, w := range want {
		if where[name] != w {
			t.Errorf("%s is in %q, want %q", name, where[name], w)
		}
	}
}

// The numbers agree when rows are skipped as well as left out: the refusal
// offered "the 2 other rows" while only 1 would be saved.
func TestImportCandidatesCountsAgree(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer")
	mustRun(t, dir, "candidates", "add", "--name", "Ada King", "--email", "ada@example.com", "--role", "Backend Engineer")
	file := writeCandidateFile(t, "people.csv", "Name,Email\nAda Lovelace,ada@example.com\nGrace Hopper,grace@example.com\nBad Row,nope\n")

	wantImportRefused(t, runCandidateImport(t, dir, file, "--role", "Backend Engineer"), "--valid-only to import only the 1 valid row")
	out := mustRun(t, dir, "import", "candidates", file, "--role", "Backend Engineer", "--valid-only")
	if !strings.Contains(out, `imported 1 candidate into "Backend Engineer": 1 created, 0 merged, 1 skipped, 1 with errors left out`) ||
		!strings.Contains(out, "skipped 1 row: email already here (duplicates are skipped) (row 2)") {
		t.Errorf("import printed %q", out)
	}
}

func TestImportCandidatesATSFailures(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer")
	plain := writeCandidateFile(t, "plain.csv", "Name,Email\nAda,ada@example.com\n")
	ats := writeCandidateFile(t, "ats.csv", atsExport)
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions []string
	}{
		{"no role and no Job column", []string{plain}, cli.ExitUsage, []string{"--role", "no job column"}},
		{"--map-stage without a stage", []string{ats, "--map-stage", "Phone screen"}, cli.ExitUsage, []string{"NAME=STAGE"}},
		{"--map-job without a title", []string{ats, "--map-job", "=Backend Engineer"}, cli.ExitUsage, []string{"TITLE=ROLE"}},
		{"--map-job to an unknown role", []string{ats, "--map-job", "Astronaut=Pilot"}, cli.ExitError, []string{"Astronaut=Pilot", "pilot"}},
		{"--map-stage to no stage of the role", []string{ats, "--valid-only", "--map-stage", "Phone screen=Call"}, cli.ExitError,
			[]string{`role "Backend Engineer" has no stage "Call"`, "Applied"}},
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

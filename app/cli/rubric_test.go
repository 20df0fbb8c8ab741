// Tests the rubric commands: exporting the built-in rubric without a workspace,
// validating files, and importing, listing and exporting rubrics.

package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/rubric"
)

func TestRubricExportBuiltinNeedsNoWorkspace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "never-created")
	out := mustRun(t, dir, "rubric", "export", "--builtin", "--format", "json")
	var r rubric.Rubric
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if r.Name != rubric.BuiltinName || len(r.Tracks) != 6 || len(r.Competencies) == 0 {
		t.Errorf("exported %q with %d tracks, %d competencies", r.Name, len(r.Tracks), len(r.Competencies))
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("exporting the built-in rubric created a workspace")
	}
	yaml := mustRun(t, dir, "rubric", "export", "--builtin", "--format", "yaml")
	if !strings.Contains(yaml, "format: hirebench.rubric/v1") {
		t.Errorf("YAML export does not start like a rubric file:\n%.200s", yaml)
	}
	wantFailure(t, run(t, dir, "rubric", "export", "--builtin", "--format", "xml"), cli.ExitUsage, "xml")
}

func TestRubricValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(mustRun(t, dir, "rubric", "export", "--builtin")), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, dir, "rubric", "validate", good); !strings.Contains(out, "valid rubric") {
		t.Errorf("validate good file: %q", out)
	}
	// Three anchors on a 1–4 scale, and an unknown field: both reported with their paths.
	r := rubric.Builtin()
	r.Competencies[2].Questions[0].Anchors = r.Competencies[2].Questions[0].Anchors[:3]
	b, _ := json.Marshal(r)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, b, 0o600)
	res := run(t, dir, "rubric", "validate", bad)
	if res.code != cli.ExitError {
		t.Fatalf("bad file: exit %d, want %d", res.code, cli.ExitError)
	}
	if !strings.Contains(res.stderr, "competencies[2].questions[0].anchors") {
		t.Errorf("stderr does not name the path:\n%s", res.stderr)
	}
	wantFailure(t, run(t, dir, "rubric", "validate"), cli.ExitUsage, "FILE")
	wantFailure(t, run(t, dir, "rubric", "validate", filepath.Join(dir, "missing.yaml")), cli.ExitError, "missing.yaml")
}

func TestRubricImportListExport(t *testing.T) {
	dir := newWorkspace(t)
	r := rubric.Builtin()
	r.Name = "Team rubric"
	b, _ := rubric.Encode(r, "yaml")
	file := filepath.Join(t.TempDir(), "team.yaml")
	os.WriteFile(file, b, 0o600)
	if out := mustRun(t, dir, "rubric", "import", file); !strings.Contains(out, "Team rubric") {
		t.Errorf("import: %q", out)
	}
	var list []rubric.Summary
	if err := json.Unmarshal([]byte(mustRun(t, dir, "rubric", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || !list[0].Builtin || list[1].Name != "Team rubric" {
		t.Fatalf("rubric list = %+v", list)
	}
	out := mustRun(t, dir, "rubric", "export", "--id", "2", "--format", "yaml")
	if !strings.Contains(out, "name: Team rubric") {
		t.Errorf("export --id: %.200s", out)
	}
}

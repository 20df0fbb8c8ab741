// Tests that a bundle exported by `hirebench bundle export` imports through Run,
// and that importing it a second time creates nothing.

package cli_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"hirebench/app/cli"
)

func TestBundleRoundTripThroughRun(t *testing.T) {
	src, dst := demoWorkspace(t), t.TempDir()
	file := filepath.Join(t.TempDir(), "workspace.hbundle")
	mustRun(t, src, "bundle", "export", "--out", file)
	mustRun(t, dst, "bundle", "import", file)
	// Importing the same bundle again changes nothing.
	var report struct {
		Created map[string]int `json:"created"`
	}
	out := mustRun(t, dst, "bundle", "import", file, "--json")
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("import --json: %v\n%s", err, out)
	}
	for k, n := range report.Created {
		if n != 0 {
			t.Errorf("second import created %d %s", n, k)
		}
	}
	if a, b := rolesJSON(t, src), rolesJSON(t, dst); len(a) != len(b) {
		t.Errorf("roles: %d exported, %d imported", len(a), len(b))
	}
	wantFailure(t, run(t, dst, "bundle", "import", filepath.Join(dst, "missing.zip")), cli.ExitError, "missing.zip")
	wantFailure(t, run(t, dst, "bundle", "export"), cli.ExitUsage, "--out")
}

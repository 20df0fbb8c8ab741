// Tests `profiles prefs`: the runner's "move on after scoring" is on until an
// interviewer turns it off, for them alone; bad input is one line and exit 2.

package cli_test

import (
	"encoding/json"
	"testing"

	"hirebench/app/cli"
)

func TestProfilesPrefs(t *testing.T) {
	dir := demoWorkspace(t)
	var p struct {
		Profile           string `json:"profile"`
		AdvanceAfterScore bool   `json:"advanceAfterScore"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "profiles", "prefs", "--profile", "Sam Okafor", "--json")), &p); err != nil ||
		p.Profile != "Sam Okafor" || !p.AdvanceAfterScore {
		t.Fatalf("default prefs = %+v, %v", p, err)
	}
	if out := mustRun(t, dir, "profiles", "prefs", "--profile", "Sam Okafor", "--advance", "off"); out != "Sam Okafor: move to the next question after scoring: off\n" {
		t.Errorf("turning it off printed %q", out)
	}
	if out := mustRun(t, dir, "profiles", "prefs", "--profile", "Sam Okafor"); out != "Sam Okafor: move to the next question after scoring: off\n" {
		t.Errorf("not kept: %q", out)
	}
	if out := mustRun(t, dir, "profiles", "prefs", "--profile", "Priya Nair"); out != "Priya Nair: move to the next question after scoring: on\n" {
		t.Errorf("Sam's choice reached Priya: %q", out)
	}
	wantFailure(t, run(t, dir, "profiles", "prefs", "--profile", "Sam Okafor", "--advance", "maybe"), cli.ExitUsage, "--advance", "on or off")
	wantFailure(t, run(t, dir, "profiles", "prefs"), cli.ExitUsage, "--profile")
}

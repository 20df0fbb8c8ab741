// Tests `screen save|revisions|agreement`: the screen's rules from the
// command line, the second screener kept apart, one plain line for bad input.

package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"hirebench/app/cli"
)

func TestScreenFromTheCommandLine(t *testing.T) {
	dir := demoWorkspace(t)
	brian := []string{"--candidate", "brian.shaw@example.com", "--role", "Senior AI Engineer"}
	screen := func(args ...string) []string { return append(append([]string{"screen", "save"}, brian...), args...) }
	wantFailure(t, run(t, dir, screen("--decision", "reject")...), cli.ExitError, "rejectReason", "a reject needs a reason")
	wantFailure(t, run(t, dir, screen("--mark", "throttling-and-scale=present")...), cli.ExitError, "marks.throttling-and-scale", "needs a quote")
	wantFailure(t, run(t, dir, screen("--mark", "bogus")...), cli.ExitUsage, "FLAG=present:QUOTE")
	// Three of six green flags: the marks suggest advance.
	out := mustRun(t, dir, screen("--as", "Riley Chen", "--decision", "advance",
		"--mark", "throttling-and-scale=present:quotas per team",
		"--mark", "transferable-architecture=present:Migrated twelve teams from direct vendor SDKs",
		"--mark", "measures-quality-and-health=present:an audit log")...)
	if !strings.Contains(out, "by Riley Chen: advance (the marks suggest advance)") || strings.Contains(out, "Brian") {
		t.Errorf("save printed %q", out)
	}
	wantFailure(t, run(t, dir, screen("--as", "Riley Chen", "--second")...), cli.ExitError, "a second screen must be someone else's")
	wantFailure(t, run(t, dir, screen("--second")...), cli.ExitUsage, "--as PROFILE")
	// Sam's second screen: before he decides he sees only his own.
	mustRun(t, dir, screen("--as", "Sam Okafor", "--second")...)
	revs := func(as string) []map[string]any {
		var r []map[string]any
		if err := json.Unmarshal([]byte(mustRun(t, dir, append(append([]string{"screen", "revisions"}, brian...), "--as", as, "--json")...)), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := revs("Sam Okafor"); len(r) != 1 || r[0]["second"] != true {
		t.Errorf("Sam, undecided, sees %v; want only his own revision", r)
	}
	mustRun(t, dir, screen("--as", "Sam Okafor", "--second", "--decision", "advance", "--override-reason", "gateway work is rare")...)
	if r := revs("Sam Okafor"); len(r) != 3 || r[2]["overrideReason"] != "gateway work is rare" || r[2]["suggested"] != "reject" {
		t.Errorf("Sam, decided, sees %v; want all three", r)
	}
	var a struct {
		Pairs, Decided, Agreed int
		Kappa                  *float64
		KappaNote              string
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "screen", "agreement", "--role", "Senior AI Engineer", "--json")), &a); err != nil {
		t.Fatal(err)
	}
	if a.Pairs != 1 || a.Decided != 1 || a.Agreed != 1 || a.Kappa != nil || !strings.Contains(a.KappaNote, "too few") {
		t.Errorf("agreement = %+v", a)
	}
	wantFailure(t, run(t, dir, "screen", "agreement"), cli.ExitUsage, "--role")
}

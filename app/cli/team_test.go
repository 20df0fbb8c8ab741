// Tests init and people add (team mode, issue 15): the owner sets up a
// shared workspace and adds people; a person's own login then acts as them
// and cannot add anyone.

package cli_test

import (
	"encoding/json"
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/storage/pgtest"
)

// asLogin is the same shared workspace reached with another login (the test
// server trusts its socket: no password is asked).
func asLogin(t *testing.T, owner *onDB, login string) *onDB {
	t.Helper()
	u, err := url.Parse(owner.url)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(login)
	return &onDB{t: t, dir: owner.dir, url: u.String()}
}

func TestTeamInitAndPeopleAdd(t *testing.T) {
	owner := &onDB{t: t, dir: t.TempDir(), url: pgtest.URL(t)}
	u, _ := url.Parse(owner.url)
	db := strings.TrimPrefix(u.Path, "/") // logins are the server's: each test's own
	if out := owner.mustRun("init"); out != "the shared workspace is ready; people's logins belong to the role "+db+"_people (add them with: hirebench --db URL people add)\n" {
		t.Errorf("init printed %q", out)
	}
	var g struct{ PeopleRole string }
	if err := json.Unmarshal([]byte(owner.mustRun("init", "--json")), &g); err != nil || g.PeopleRole != db+"_people" {
		t.Errorf("init --json (again: nothing changes) = %+v, %v", g, err)
	}

	owner.mustRun("demo") // a workspace with roles and scorecards, and profiles without logins

	out := owner.mustRun("people", "add", "--name", "Rita Recruiter", "--login", db+"_rita", "--recruiter")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || !regexp.MustCompile(`^added Rita Recruiter \(profile \d+\), a recruiter, signing in as `+db+`_rita$`).MatchString(lines[0]) ||
		!regexp.MustCompile(`^password \(shown once; .*\): [A-Z2-7]{20}$`).MatchString(lines[1]) {
		t.Errorf("people add printed %q; want the person and a generated password", out)
	}
	restore := cli.SetPasswordInput(strings.NewReader("a long enough secret\n"))
	out = owner.mustRun("people", "add", "--name", "Sam Ortiz", "--login", db+"_sam", "--password-stdin", "--json")
	restore()
	var sam struct {
		Profile struct {
			Name        string
			IsRecruiter bool
		}
		Login             string
		GeneratedPassword string
	}
	if err := json.Unmarshal([]byte(out), &sam); err != nil || sam.Profile.Name != "Sam Ortiz" || sam.Profile.IsRecruiter ||
		sam.Login != db+"_sam" || sam.GeneratedPassword != "" || strings.Contains(out, "secret") {
		t.Errorf("people add --password-stdin --json = %s, %v", out, err)
	}

	// Every problem at once, and nothing created.
	restore = cli.SetPasswordInput(strings.NewReader("short\n"))
	wantFailure(t, owner.run("people", "add", "--name", " ", "--login", "Bad Login", "--password-stdin"), cli.ExitError,
		"name", "a login is 1 to 63 lower-case letters", "the password is 5 characters long; at least 12")
	restore()
	wantFailure(t, owner.run("people", "add", "--name", "Sam Again", "--login", db+"_sam"), cli.ExitError, "already a role on this server")
	wantFailure(t, owner.run("people", "add", "--name", "Nobody"), cli.ExitUsage, "give --name N and --login L")

	// Sam's own login: the workspace opens as Sam, who adds nobody.
	samDB := asLogin(t, owner, db+"_sam")
	if out := samDB.mustRun("profiles", "list"); !strings.Contains(out, "Rita Recruiter") || !strings.Contains(out, "Sam Ortiz") {
		t.Errorf("profiles list as Sam printed %q", out)
	}
	wantFailure(t, samDB.run("people", "add", "--name", "Mallory", "--login", db+"_mallory"), cli.ExitError,
		"only the workspace's owner")
	wantFailure(t, samDB.run("init"), cli.ExitError, "only the workspace's owner")
	// The command line acts as the login's person: an interviewer does not
	// export the committee's workbook; the recruiter does.
	out = filepath.Join(t.TempDir(), "committee.xlsx")
	wantFailure(t, samDB.run("export", "xlsx", "--role", "Senior AI Engineer", "--out", out), cli.ExitError,
		"only the recruiter exports it")
	ritaDB := asLogin(t, owner, db+"_rita")
	ritaDB.mustRun("export", "xlsx", "--role", "Senior AI Engineer", "--out", out)
	// Self-identification: the recruiter reads the role's report, the same
	// as a laptop's demo gives, but nobody reads a person's answers back.
	local := mustRun(t, demoWorkspace(t), "fairness", "--role", "Senior AI Engineer", "--json")
	if shared := ritaDB.mustRun("fairness", "--role", "Senior AI Engineer", "--json"); !sameJSON(t, shared, local) {
		t.Errorf("the recruiter's fairness report on the server differs from the laptop's:\n%s\nwant\n%s", shared, local)
	}
	if !strings.Contains(local, `"responded"`) || strings.Contains(local, `"responded": 0`) {
		t.Errorf("the demo's report counts nobody answering: %.300s", local)
	}
	wantFailure(t, ritaDB.run("candidates", "self-id", "--candidate", "1"), cli.ExitError,
		"on a shared workspace self-identification is never read back")
	if out := ritaDB.mustRun("candidates", "self-id", "--candidate", "1", "--set", "gender=woman"); out != "CATEGORY  ANSWER\nGender    Woman\n" {
		t.Errorf("recording an answer printed %q; want only what was recorded", out)
	}
	wantFailure(t, samDB.run("fairness", "--role", "Senior AI Engineer"), cli.ExitError, "only the recruiter")
	if strings.Contains(owner.printed.String()+samDB.printed.String()+ritaDB.printed.String(), "postgres://") {
		t.Error("a command printed the workspace's URL")
	}
}

func TestTeamCommandsNeedASharedWorkspace(t *testing.T) {
	dir := t.TempDir()
	wantFailure(t, run(t, dir, "init"), cli.ExitError, "init is for a shared workspace on PostgreSQL")
	wantFailure(t, run(t, dir, "people", "add", "--name", "Sam Ortiz", "--login", "sam"), cli.ExitError,
		"people add is for a shared workspace on PostgreSQL")
}

// sameJSON says whether two JSON documents hold the same values, numbers
// equal to 1e-9 of their size: the engines sum scores in their own order.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatal(err)
	}
	return sameValue(x, y)
}

func sameValue(x, y any) bool {
	switch x := x.(type) {
	case map[string]any:
		y, ok := y.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || !sameValue(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := y.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case float64:
		y, ok := y.(float64)
		return ok && math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x))
	}
	return x == y
}

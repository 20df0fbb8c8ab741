// Tests the command line end to end through Run: version and help, usage errors,
// demo seeding, adding candidates, a broken workspace and global flag parsing.

package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), cli.Options{DataDir: dir, Command: args}, "test", &out, &errb)
	return result{code, out.String(), errb.String()}
}

// mustRun runs a command that must succeed.
func mustRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := run(t, dir, args...)
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.stderr)
	}
	return r.stdout
}

// wantFailure checks the exit code and that the error is exactly one line.
func wantFailure(t *testing.T, r result, code int, mentions ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	if !strings.HasSuffix(r.stderr, "\n") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr is not exactly one line: %q", r.stderr)
	}
	for _, m := range mentions {
		if !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(m)) {
			t.Errorf("stderr %q does not mention %q", r.stderr, m)
		}
	}
	if r.stdout != "" {
		t.Errorf("a failed command printed to stdout: %q", r.stdout)
	}
}

func listJSON(t *testing.T, dir string, args ...string) []model.CandidateRow {
	t.Helper()
	out := mustRun(t, dir, append([]string{"candidates", "list", "--json"}, args...)...)
	var rows []model.CandidateRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("candidates list --json is not JSON: %v\n%s", err, out)
	}
	return rows
}

func rolesJSON(t *testing.T, dir string) []model.Role {
	t.Helper()
	out := mustRun(t, dir, "roles", "list", "--json")
	var roles []model.Role
	if err := json.Unmarshal([]byte(out), &roles); err != nil {
		t.Fatalf("roles list --json is not JSON: %v\n%s", err, out)
	}
	return roles
}

// withRoles creates roles in a fresh data folder (the CLI has no command
// for that) and returns the folder.
func withRoles(t *testing.T, titles ...string) (string, []model.Role) {
	t.Helper()
	dir := newWorkspace(t)
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := tracking.New(s)
	var roles []model.Role
	for _, title := range titles {
		r, err := svc.CreateRole(context.Background(), model.RoleInput{Title: title})
		if err != nil {
			t.Fatal(err)
		}
		roles = append(roles, r)
	}
	return dir, roles
}

func TestVersionAndHelp(t *testing.T) {
	dir := t.TempDir()
	out := mustRun(t, dir, "version")
	if !strings.Contains(out, "test") || !strings.Contains(out, "schema "+strconv.Itoa(storage.SchemaVersion())) {
		t.Errorf("version printed %q", out)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("version created files: %v", m)
	}
	wantFailure(t, run(t, dir, "version", "extra"), cli.ExitUsage)
	for _, h := range []string{"help", "-h", "--help"} {
		if out := mustRun(t, dir, h); !strings.Contains(out, "usage:") || !strings.Contains(out, "candidates add") {
			t.Errorf("%s printed %q", h, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		mentions []string
	}{
		{"no command", nil, []string{"no command"}},
		{"unknown command", []string{"frobnicate"}, []string{"frobnicate"}},
		{"unknown subcommand", []string{"candidates", "delete"}, []string{"candidates delete"}},
		{"group without subcommand", []string{"roles"}, []string{"unknown command"}},
		{"unknown flag", []string{"candidates", "list", "--bogus"}, []string{"bogus"}},
		{"unknown flag on add", []string{"candidates", "add", "--name", "Ada", "--nmae", "x"}, []string{"nmae"}},
		{"stray argument", []string{"roles", "list", "extra"}, []string{"extra"}},
		{"flag missing its value", []string{"candidates", "add", "--name"}, []string{"name"}},
		{"demo with argument", []string{"demo", "--force"}, []string{"force"}},
		{"flag name with a newline", []string{"candidates", "list", "--bo\ngus"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			wantFailure(t, run(t, dir, tc.args...), cli.ExitUsage, tc.mentions...)
		})
	}
}

func TestDemoSeedsOnce(t *testing.T) {
	// The shared demo workspace is `demo` run in a fresh folder (seeding it
	// again here would cost the seconds seedTemplate saves); check what
	// that run printed, then work on a copy.
	template, err := seedTemplate()
	if err != nil {
		t.Fatal(err)
	}
	if out := demoTemplate.out; !strings.Contains(out, "seeded") || !strings.Contains(out, cli.DatabasePath(template)) || demoTemplate.errb != "" {
		t.Errorf("demo printed %q, stderr %q", out, demoTemplate.errb)
	}
	dir := demoWorkspace(t)
	roles := rolesJSON(t, dir)
	if len(roles) != 3 {
		t.Fatalf("%d roles after demo, want 3", len(roles))
	}
	for _, r := range roles {
		if len(r.Stages) < 2 || r.Stages[len(r.Stages)-1].Kind != model.StageRejected {
			t.Errorf("role %q pipeline %+v", r.Title, r.Stages)
		}
	}
	rows := listJSON(t, dir)
	if len(rows) < 35 || len(rows) > 45 {
		t.Fatalf("%d candidates after demo, want about 40", len(rows))
	}
	// The list is sorted by name, case-insensitively.
	for i := 1; i < len(rows); i++ {
		if strings.ToLower(rows[i-1].Name) > strings.ToLower(rows[i].Name) {
			t.Errorf("rows out of order: %q before %q", rows[i-1].Name, rows[i].Name)
		}
	}

	out := mustRun(t, dir, "demo")
	if !strings.Contains(out, "not seeded") {
		t.Errorf("second demo printed %q", out)
	}
	if again := listJSON(t, dir); len(again) != len(rows) {
		t.Errorf("second demo changed the candidate count %d -> %d", len(rows), len(again))
	}
	if again := rolesJSON(t, dir); len(again) != 3 {
		t.Errorf("second demo changed the role count to %d", len(again))
	}

	// Text output has a header and one line per role / candidate.
	text := mustRun(t, dir, "roles", "list")
	if lines := strings.Split(strings.TrimSpace(text), "\n"); len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") {
		t.Errorf("roles list text:\n%s", text)
	}
	text = mustRun(t, dir, "candidates", "list")
	if lines := strings.Split(strings.TrimSpace(text), "\n"); len(lines) != len(rows)+1 {
		t.Errorf("candidates list has %d lines for %d candidates", len(lines), len(rows))
	}
	// Filtering by role and searching work from the command line too.
	byRole := listJSON(t, dir, "--role", roles[0].Title)
	if len(byRole) == 0 || len(byRole) >= len(rows) {
		t.Errorf("--role %q gave %d of %d rows", roles[0].Title, len(byRole), len(rows))
	}
	for _, r := range byRole {
		if !slices.ContainsFunc(r.Applications, func(a model.AppSummary) bool { return a.RoleID == roles[0].ID }) {
			t.Errorf("%q is listed for role %q but did not apply to it", r.Name, roles[0].Title)
		}
	}
	hits := listJSON(t, dir, "--query", "lovelace")
	if len(hits) != 1 || !strings.Contains(hits[0].Name, "Lovelace") {
		t.Errorf("--query lovelace = %+v", hits)
	}
	wantFailure(t, run(t, dir, "candidates", "list", "--role", "No Such Role"), cli.ExitError, "no such role")
}

func TestCandidatesAdd(t *testing.T) {
	dir, roles := withRoles(t, "Backend Engineer", "Product Designer")
	if got := listJSON(t, dir); len(got) != 0 {
		t.Fatalf("fresh workspace lists %v", got)
	}
	firstStage := rolesJSON(t, dir)[0].Stages[0]

	out := mustRun(t, dir, "candidates", "add", "--name", "Ada Lovelace", "--email", "Ada@Example.com",
		"--role", "backend engineer", "--tag", "Go", "--tag", "math", "--source", "Referral", "--phone", "+44 20 7946 0000")
	if !strings.Contains(out, "Ada Lovelace") {
		t.Errorf("add printed %q", out)
	}
	out = mustRun(t, dir, "candidates", "add", "--name", "Grace Hopper", "--role", strconv.FormatInt(roles[1].ID, 10), "--json")
	var grace model.Candidate
	if err := json.Unmarshal([]byte(out), &grace); err != nil || grace.Name != "Grace Hopper" || grace.ID == 0 {
		t.Fatalf("add --json printed %q (%v)", out, err)
	}
	mustRun(t, dir, "candidates", "add", "--name", "Both Roles", "--role", "Backend Engineer", "--role", strconv.FormatInt(roles[1].ID, 10))

	rows := listJSON(t, dir)
	byName := map[string]model.CandidateRow{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	ada, ok := byName["Ada Lovelace"]
	if !ok || len(rows) != 3 {
		t.Fatalf("rows = %+v", rows)
	}
	if ada.Email != "ada@example.com" || !slices.Equal(ada.Tags, []string{"go", "math"}) || ada.Source != "Referral" {
		t.Errorf("ada = %+v", ada)
	}
	if len(ada.Applications) != 1 || ada.Applications[0].RoleID != roles[0].ID ||
		ada.Applications[0].StageID != firstStage.ID || ada.Applications[0].StageName != "Applied" {
		t.Errorf("ada's applications = %+v, want the first stage of %q", ada.Applications, roles[0].Title)
	}
	if g := byName["Grace Hopper"]; len(g.Applications) != 1 || g.Applications[0].RoleTitle != "Product Designer" {
		t.Errorf("grace's applications = %+v", g.Applications)
	}
	if b := byName["Both Roles"]; len(b.Applications) != 2 {
		t.Errorf("two --role flags gave applications %+v", b.Applications)
	}

	// The move into the first stage is signed by the command line.
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.CandidateDetail(context.Background(), ada.ID)
	s.Close()
	if err != nil || len(d.History) != 1 || d.History[0].ActorName != tracking.CommandLine.Name || d.History[0].ToStage != "Applied" {
		t.Errorf("history = %+v, %v", d.History, err)
	}
	// A filter by role id selects the same people as by title.
	byID := listJSON(t, dir, "--role", strconv.FormatInt(roles[0].ID, 10))
	byTitle := listJSON(t, dir, "--role", "BACKEND ENGINEER")
	if len(byID) != 2 || len(byTitle) != 2 {
		t.Errorf("--role by id %d rows, by title %d rows; want 2", len(byID), len(byTitle))
	}
}

func TestCandidatesAddFailures(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer", "Twin", "twin")
	mustRun(t, dir, "candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.com")
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions []string
	}{
		{"bad email", []string{"--name", "X", "--email", "a@b"}, cli.ExitError, []string{"email"}},
		{"email with a newline", []string{"--name", "X", "--email", "a\n@b"}, cli.ExitError, []string{"email"}},
		{"missing name", []string{"--email", "x@example.com"}, cli.ExitError, []string{"name"}},
		{"duplicate email, other case", []string{"--name", "Ada Again", "--email", " ADA@example.COM"}, cli.ExitError, []string{"already exists", "Ada Lovelace"}},
		{"unknown role", []string{"--name", "X", "--role", "Astronaut"}, cli.ExitError, []string{"astronaut"}},
		{"unknown role id", []string{"--name", "X", "--role", "4242"}, cli.ExitError, []string{"4242"}},
		{"ambiguous role", []string{"--name", "X", "--role", "TWIN"}, cli.ExitError, []string{"twin"}},
		{"bad phone", []string{"--name", "X", "--phone", "call me"}, cli.ExitError, []string{"phone"}},
		{"unknown flag", []string{"--name", "X", "--linkedin", "https://x.example"}, cli.ExitUsage, []string{"linkedin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFailure(t, run(t, dir, append([]string{"candidates", "add"}, tc.args...)...), tc.code, tc.mentions...)
			if rows := listJSON(t, dir); len(rows) != 1 {
				t.Errorf("a failed add changed the workspace: %d candidates", len(rows))
			}
		})
	}
}

func TestBrokenWorkspaceIsAnError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(cli.DatabasePath(dir), []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	wantFailure(t, run(t, dir, "roles", "list"), cli.ExitError)
}

func TestParseGlobal(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("XDG_DATA_HOME", xdg)
	cwd, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		dataDir string
		command []string
	}{
		{"nothing", nil, filepath.Join(xdg, "hirebench"), []string{}},
		{"command only", []string{"candidates", "add", "--name", "X"}, filepath.Join(xdg, "hirebench"), []string{"candidates", "add", "--name", "X"}},
		{"data dir", []string{"--data-dir", "/srv/hb", "version"}, "/srv/hb", []string{"version"}},
		{"data dir with =", []string{"--data-dir=/srv/hb", "roles", "list"}, "/srv/hb", []string{"roles", "list"}},
		{"relative data dir made absolute", []string{"-data-dir", "rel/ws", "demo"}, filepath.Join(cwd, "rel", "ws"), []string{"demo"}},
		{"flags after the command belong to it", []string{"version", "--data-dir", "x"}, filepath.Join(xdg, "hirebench"), []string{"version", "--data-dir", "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, err := cli.ParseGlobal(tc.args)
			if err != nil {
				t.Fatal(err)
			}
			if o.DataDir != tc.dataDir || !slices.Equal(o.Command, tc.command) {
				t.Errorf("= %+v, want DataDir %q Command %q", o, tc.dataDir, tc.command)
			}
		})
	}
	for _, bad := range [][]string{{"--bogus"}, {"--data-dir"}} {
		if _, err := cli.ParseGlobal(bad); err == nil {
			t.Errorf("ParseGlobal(%q) accepted bad flags", bad)
		}
	}
	// A relative XDG_DATA_HOME is ignored, as the spec says.
	t.Setenv("XDG_DATA_HOME", "relative/path")
	if d := cli.DefaultDataDir(); !filepath.IsAbs(d) || strings.Contains(d, "relative") {
		t.Errorf("DefaultDataDir with relative XDG_DATA_HOME = %q", d)
	}
}

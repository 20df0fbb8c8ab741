// Tests --db and HIREBENCH_DB (team mode, issue 15): a day's commands
// against a shared workspace on PostgreSQL, what only works locally refused
// in one line, a --db that is not PostgreSQL's, and never the URL (it may
// hold a password) in anything printed.

package cli_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/storage/pgtest"
)

// onDB runs a command against the workspace at url; printed collects what
// every run printed, for the check that the URL appears in none of it.
type onDB struct {
	t       *testing.T
	dir     string // the data folder: a shared workspace leaves it empty
	url     string
	printed strings.Builder
}

func (p *onDB) run(args ...string) result {
	p.t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(context.Background(), cli.Options{DataDir: p.dir, DB: p.url, Command: args}, "test", &out, &errb)
	p.printed.WriteString(out.String() + errb.String())
	return result{code, out.String(), errb.String()}
}

func (p *onDB) mustRun(args ...string) string {
	p.t.Helper()
	r := p.run(args...)
	if r.code != cli.ExitOK || r.stderr != "" {
		p.t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.stderr)
	}
	return r.stdout
}

func TestDBSharedWorkspaceCommands(t *testing.T) {
	pg := &onDB{t: t, dir: t.TempDir(), url: pgtest.URL(t)}
	if out := pg.mustRun("demo"); out != "demo workspace seeded in the shared PostgreSQL workspace\n" {
		t.Errorf("demo printed %q", out)
	}
	if out := pg.mustRun("roles", "create", "--title", "Data Engineer", "--team", "Platform"); !strings.Contains(out,
		`"Data Engineer": Applied → Screen → Interview → Offer → Hired → Rejected`) {
		t.Errorf("roles create printed %q", out)
	}
	if out := pg.mustRun("candidates", "add", "--name", "Zoë Brandt", "--email", "zoe.brandt@example.org", "--role", "Data Engineer"); !strings.HasSuffix(out, ": Zoë Brandt\n") {
		t.Errorf("candidates add printed %q", out)
	}

	// Search runs on PostgreSQL's own full-text search.
	search := func(q string) []string {
		t.Helper()
		var rows []struct {
			Name         string `json:"name"`
			Applications []struct {
				RoleTitle string `json:"roleTitle"`
				StageName string `json:"stageName"`
			} `json:"applications"`
		}
		out := pg.mustRun("candidates", "list", "--json", "--query", q)
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("candidates list --json: %v\n%s", err, out)
		}
		var got []string
		for _, r := range rows {
			for _, a := range r.Applications {
				got = append(got, r.Name+" in "+a.RoleTitle+" at "+a.StageName)
			}
		}
		return got
	}
	if got := search("Brandt"); strings.Join(got, "; ") != "Zoë Brandt in Data Engineer at Applied" {
		t.Errorf("search Brandt: %q", got)
	}
	if got := search("Cunningham"); strings.Join(got, "; ") != "Carol Cunningham in Senior AI Engineer at Hired" {
		t.Errorf("search Cunningham: %q", got)
	}

	if out := pg.mustRun("rounds", "assign", "--role", "Senior AI Engineer", "--candidate", "carol.cunningham@example.com",
		"--round", "System design", "--interviewer", "Jonas Weber"); out != "System design for Carol Cunningham: Jonas Weber (reassigned)\n" {
		t.Errorf("rounds assign printed %q", out)
	}
	if out := pg.mustRun("rounds", "assign", "--role", "Senior AI Engineer", "--candidate", "carol.cunningham@example.com",
		"--round", "System design", "--plan"); out != "System design for Carol Cunningham: Priya Nair and Sam Okafor (as planned)\n" {
		t.Errorf("rounds assign --plan printed %q", out)
	}

	// The demo's ranking for the role, as the story has it.
	var d struct {
		Candidates []struct {
			Rank    int `json:"rank"`
			Debrief struct {
				Name      string  `json:"candidateName"`
				Composite float64 `json:"composite"`
			} `json:"debrief"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(pg.mustRun("debrief", "--role", "Senior AI Engineer", "--json")), &d); err != nil {
		t.Fatal(err)
	}
	var ranking []string
	for _, c := range d.Candidates {
		ranking = append(ranking, strconv.Itoa(c.Rank)+" "+c.Debrief.Name+" "+strconv.FormatFloat(c.Debrief.Composite, 'f', 1, 64))
	}
	want := "1 Carol Cunningham 98.8, 2 Guido Pike 89.8, 3 Mary Goldwasser 74.4, 4 Ward Hopper 61.2, 5 Donald Borg 58.6, " +
		"6 Ellen Kernighan 50.0, 7 Yukihiro Berezin 28.9, 0 Ken Fernández 69.2"
	if got := strings.Join(ranking, ", "); got != want {
		t.Errorf("debrief ranking\n got %s\nwant %s", got, want)
	}

	out := t.TempDir()
	summary := filepath.Join(out, "summary.csv")
	if got := pg.mustRun("export", "csv", "--role", "Senior AI Engineer", "--out", summary); got !=
		"wrote "+summary+": 8 candidates, 260 scorecard rows (role \"Senior AI Engineer\")\n" {
		t.Errorf("export csv printed %q", got)
	}
	f, err := os.Open(summary)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 9 || rows[1][1] != "Carol Cunningham" || rows[1][3] != "1" || rows[2][1] != "Guido Pike" {
		t.Errorf("summary.csv: %v, %d rows, first %q", err, len(rows), rows[min(1, len(rows)-1)])
	}
	workbook := filepath.Join(out, "committee.xlsx")
	pg.mustRun("export", "xlsx", "--role", "Senior AI Engineer", "--out", workbook)
	if st, err := os.Stat(workbook); err != nil || st.Size() == 0 {
		t.Errorf("export xlsx wrote no workbook: %v", err)
	}

	// A bundle of the shared workspace opens on a laptop.
	bundle := filepath.Join(out, "team.zip")
	var b struct {
		Counts map[string]int `json:"counts"`
	}
	if err := json.Unmarshal([]byte(pg.mustRun("bundle", "export", "--out", bundle, "--json")), &b); err != nil {
		t.Fatal(err)
	}
	if b.Counts["roles"] != 4 || b.Counts["candidates"] != 41 || b.Counts["scorecards"] != 126 || b.Counts["profiles"] != 4 {
		t.Errorf("bundle counts %v, want 4 roles, 41 candidates, 126 scorecards, 4 profiles", b.Counts)
	}
	laptop := t.TempDir()
	mustRun(t, laptop, "bundle", "import", bundle)
	if got := listJSON(t, laptop, "--query", "Brandt"); len(got) != 1 || got[0].Name != "Zoë Brandt" {
		t.Errorf("the laptop's copy: %+v", got)
	}

	if leftovers, _ := os.ReadDir(pg.dir); len(leftovers) != 0 {
		t.Errorf("a shared workspace wrote into the data folder: %v", leftovers)
	}
	if strings.Contains(pg.printed.String(), pg.url) {
		t.Error("a command printed the --db URL")
	}
}

// TestDBLocalOnlyCommands: what needs the workspace to be a file here says
// so in one line and exits 1, before touching anything.
func TestDBLocalOnlyCommands(t *testing.T) {
	pg := &onDB{t: t, dir: t.TempDir(), url: pgtest.URL(t)}
	pg.mustRun("candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.org")
	out := t.TempDir()
	for _, c := range []struct {
		args []string
		line string
	}{
		{[]string{"backup", "--out", filepath.Join(out, "copy.db")}, "backup"},
		{[]string{"backup", "snapshots", "--keep", "1"}, "backup snapshots"},
		{[]string{"restore", filepath.Join(out, "copy.db"), "--yes"}, "restore"},
	} {
		r := pg.run(c.args...)
		want := "hirebench: " + c.line + ": works on a local SQLite workspace only, not yet on PostgreSQL\n"
		if r.code != cli.ExitError || r.stderr != want || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q", c.args, r.code, r.stdout, r.stderr, want)
		}
	}
	// Nothing was written, and Ada is still there.
	for _, dir := range []string{out, pg.dir} {
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%s holds %v", dir, left)
		}
	}
	if got := pg.mustRun("candidates", "list"); !strings.Contains(got, "Ada Lovelace") {
		t.Errorf("after the refusals: %q", got)
	}
	// Reviewing the retention list is no erasure: it works.
	if got := pg.mustRun("candidates", "retention"); got != "the retention policy is off (set it with --set MONTHS)\n" {
		t.Errorf("candidates retention printed %q", got)
	}
}

// TestDBErase: on a shared workspace the owner's login erases, and says
// what the server still keeps; a person's login, a recruiter's included, is
// refused in one line (row-level security hides rows the erasure reaches).
func TestDBErase(t *testing.T) {
	pg := &onDB{t: t, dir: t.TempDir(), url: pgtest.URL(t)}
	pg.mustRun("init")
	pg.mustRun("candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.org")
	pg.mustRun("candidates", "add", "--name", "Grace Hopper", "--email", "grace@example.org")
	u, _ := url.Parse(pg.url)
	login := strings.TrimPrefix(u.Path, "/") + "_rita"
	pg.mustRun("people", "add", "--name", "Rita Recruiter", "--login", login, "--recruiter")
	rita := asLogin(t, pg, login)
	wantFailure(t, rita.run("candidates", "erase", "--email", "ada@example.org", "--yes"), cli.ExitError,
		"on a shared workspace only its owner's login erases or anonymises candidates")

	out := pg.mustRun("candidates", "erase", "--email", "ada@example.org", "--yes")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || !regexp.MustCompile(`^erased candidate \d+ \(.*candidates 1.*\)$`).MatchString(lines[0]) ||
		!strings.HasPrefix(lines[1], "The server reuses the space of the erased records when it vacuums them") {
		t.Errorf("candidates erase printed %q; want what went and what the server keeps, no snapshots", out)
	}
	if got := pg.mustRun("candidates", "list"); strings.Contains(got, "Ada") || !strings.Contains(got, "Grace Hopper") {
		t.Errorf("after the erasure: %q", got)
	}
	if got := pg.mustRun("privacy", "audit"); !strings.Contains(got, "erase") || strings.Contains(got, "Ada") {
		t.Errorf("privacy audit printed %q", got)
	}
	if left, _ := os.ReadDir(pg.dir); len(left) != 0 {
		t.Errorf("the data folder holds %v", left)
	}
}

// TestDBSubjectExport: a subject access export reads rows as any command
// does, so it works on PostgreSQL too, attachments included.
func TestDBSubjectExport(t *testing.T) {
	pg := &onDB{t: t, dir: t.TempDir(), url: pgtest.URL(t)}
	pg.mustRun("candidates", "add", "--name", "Ada Lovelace", "--email", "ada@example.org")
	out := t.TempDir()
	resume := filepath.Join(out, "ada-resume.txt")
	const text = "Ada Lovelace\nWrote the first published program, for the Analytical Engine.\n"
	if err := os.WriteFile(resume, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	pg.mustRun("candidates", "resume-text", "--candidate", "ada@example.org", "--from", resume, "--save")
	zipPath := filepath.Join(out, "ada.zip")
	if got := pg.mustRun("export", "subject", "--email", "ada@example.org", "--out", zipPath); !strings.HasPrefix(got, "wrote "+zipPath+": everything held about candidate ") ||
		!strings.HasSuffix(got, " 1 attachment)\n") {
		t.Errorf("export subject printed %q", got)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var subject, attached string
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		switch {
		case f.Name == "subject.json":
			subject = string(b)
		case strings.HasPrefix(f.Name, "attachments/"):
			attached = string(b)
		}
	}
	if !strings.Contains(subject, `"email": "ada@example.org"`) || attached != text {
		t.Errorf("the export holds subject.json %d bytes (Ada's email: %v) and attachment %q",
			len(subject), strings.Contains(subject, "ada@example.org"), attached)
	}
}

func TestDBNotPostgres(t *testing.T) {
	const secret = "hunter2-not-shown"
	for _, bad := range []string{
		"mysql://root:" + secret + "@db.example.com/hiring",
		"sqlite:///home/ann/" + secret + ".db",
		"/home/ann/" + secret + ".db",
		"POSTGRES://ann:" + secret + "@db.example.com/hiring",
	} {
		const want = "--db: only postgres:// URLs are supported; leave it out for the local workspace"
		dir := t.TempDir()
		var stdout, stderr bytes.Buffer
		code := cli.Run(context.Background(), cli.Options{DataDir: dir, DB: bad, Command: []string{"roles", "list"}}, "test", &stdout, &stderr)
		if code != cli.ExitUsage || stderr.String() != "hirebench: "+want+"\n" || stdout.String() != "" {
			t.Errorf("--db %s: exit %d, stdout %q, stderr %q", bad, code, stdout.String(), stderr.String())
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("--db %s created %v", bad, left)
		}
		if _, err := cli.ParseGlobal([]string{"--db", bad, "roles", "list"}); err == nil || err.Error() != want {
			t.Errorf("ParseGlobal --db %s: %v", bad, err)
		}
		t.Setenv(cli.EnvDB, bad)
		if _, err := cli.ParseGlobal([]string{"roles", "list"}); err == nil ||
			err.Error() != "HIREBENCH_DB: only postgres:// URLs are supported; leave it out for the local workspace" {
			t.Errorf("HIREBENCH_DB=%s: %v", bad, err)
		}
		// The window opens through the same function.
		if _, err := cli.OpenStore(context.Background(), cli.Options{DataDir: dir, DB: bad}); err == nil || err.Error() != want {
			t.Errorf("OpenStore %s: %v", bad, err)
		}
	}
}

// TestDBUnreachable: a server that cannot be reached is one line naming
// neither the login, the password nor the database.
func TestDBUnreachable(t *testing.T) {
	url := "postgres://priya:hunter2-not-shown@127.0.0.1:1/hiring_team?sslmode=disable&connect_timeout=5"
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), cli.Options{DataDir: t.TempDir(), DB: url, Command: []string{"roles", "list"}}, "test", &stdout, &stderr)
	want := "hirebench: storage: open the PostgreSQL workspace: cannot reach the server: dial tcp 127.0.0.1:1: connect: connection refused\n"
	if code != cli.ExitError || stderr.String() != want || stdout.String() != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout.String(), stderr.String(), want)
	}
	for _, part := range []string{"hunter2", "priya", "hiring_team"} {
		if strings.Contains(stderr.String(), part) {
			t.Errorf("the error repeats %q from the URL", part)
		}
	}
	if _, err := cli.OpenStore(context.Background(), cli.Options{DB: url}); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("OpenStore: %v", err)
	}
}

func TestDBFromEnvironment(t *testing.T) {
	url := pgtest.URL(t)
	dir := t.TempDir()
	(&onDB{t: t, dir: dir, url: url}).mustRun("roles", "create", "--title", "Site Reliability Engineer")

	t.Setenv(cli.EnvDB, url+"\n") // as read from a file
	o, err := cli.ParseGlobal([]string{"--data-dir", dir, "roles", "list"})
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := cli.Run(context.Background(), o, "test", &stdout, &stderr); code != cli.ExitOK || !strings.Contains(stdout.String(), "Site Reliability Engineer") {
		t.Errorf("HIREBENCH_DB: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	if !o.Shared() || strings.Contains(o.String(), url) || strings.Contains(stdout.String()+stderr.String(), url) {
		t.Errorf("options %v (shared %v) or their output show the URL", o, o.Shared())
	}

	// --db "" is the local workspace even so, which has no roles.
	o, err = cli.ParseGlobal([]string{"--data-dir", dir, "--db", "", "roles", "list"})
	if err != nil || o.Shared() {
		t.Fatalf("--db \"\": %v, shared %v", err, o.Shared())
	}
	if out := mustRun(t, o.DataDir, o.Command...); out != "ID  TITLE  TEAM  STATUS  CANDIDATES\n" {
		t.Errorf("the local workspace lists %q", out)
	}
	// And --db wins over HIREBENCH_DB.
	if o, err := cli.ParseGlobal([]string{"--db", "postgres://db.example.com/other", "version"}); err != nil || o.DB != "postgres://db.example.com/other" {
		t.Errorf("--db with HIREBENCH_DB set: %v, %v", o, err)
	}
}

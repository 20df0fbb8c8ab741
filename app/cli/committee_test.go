// Tests the committee commands: composite on the worked example and bad input,
// debrief and weights, round reassignment, coverage and the profile commands.

package cli_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompositeCommandOnTheWorkedExample(t *testing.T) {
	in := "../../docs/scoring-example.csv" // docs/SCORING.md's worked example, plus Bo whom only Avery saw
	out := mustRun(t, t.TempDir(), "composite", "--in", in, "--json")
	var got struct {
		MinCoverage float64 `json:"min_coverage"`
		Candidates  []struct {
			Candidate    string   `json:"candidate"`
			Rank         int      `json:"rank"`
			Composite    *float64 `json:"composite"`
			Coverage     float64  `json:"coverage"`
			Complete     bool     `json:"complete"`
			Uncertainty  *float64 `json:"uncertainty"`
			Interviewers int      `json:"interviewers"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Candidates) != 2 || got.MinCoverage != 0.8 {
		t.Fatalf("%s", out)
	}
	ada, bo := got.Candidates[0], got.Candidates[1]
	// Typed in from docs/SCORING.md: 365/6, 5/6, 4.33903.
	if ada.Candidate != "Ada" || ada.Rank != 1 || !ada.Complete || math.Abs(*ada.Composite-60.833333333) > 1e-8 ||
		math.Abs(ada.Coverage-0.833333333) > 1e-8 || math.Abs(*ada.Uncertainty-4.33903) > 5e-6 || ada.Interviewers != 3 {
		t.Errorf("Ada = %+v", ada)
	}
	if bo.Candidate != "Bo" || bo.Rank != 0 || bo.Complete || bo.Uncertainty != nil || math.Abs(*bo.Composite-100) > 1e-9 {
		t.Errorf("Bo = %+v; want incomplete, no uncertainty (one interviewer)", bo)
	}
	// The plain table says the same in words.
	table := mustRun(t, t.TempDir(), "composite", "--in", in)
	for _, want := range []string{"1", "Ada", "60.8", "83%", "±4.3 between 3 interviewers", "incomplete", "Bo", "one interviewer"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	// A lower threshold ranks Bo first.
	low := mustRun(t, t.TempDir(), "composite", "--in", in, "--json", "--min-coverage", "0.6")
	if !strings.Contains(low[:strings.Index(low, "Ada")], `"Bo"`) {
		t.Errorf("with 60%% needed Bo (100, 67%%) should rank first:\n%s", low)
	}
}

func TestCompositeCommandRefusesBadInputWithTheLine(t *testing.T) {
	head := "candidate,interviewer,competency,competency_weight,question,question_weight,score,scale_min,scale_max\n"
	cases := map[string][]string{
		"A,X,c,1,q,1,3,1,4\nA,Y,c,1,q,2,3,1,4\n": {"line 3", "weight 2", "line 2"},
		"A,X,c,1,q,1,7,1,4\n":                    {"line 2", "outside its scale"},
		"A,X,c,1,q,1,abc,1,4\n":                  {"line 2", "not a number"},
	}
	for body, mentions := range cases {
		wantFailure(t, run(t, t.TempDir(), "composite", "--in", writeFile(t, "bad.csv", head+body), "--json"), cli.ExitError, mentions...)
	}
	wantFailure(t, run(t, t.TempDir(), "composite"), cli.ExitUsage, "--in")
	wantFailure(t, run(t, t.TempDir(), "composite", "--in", "x.csv", "--min-coverage", "2"), cli.ExitUsage, "min-coverage")
}

func TestDebriefAndWeightsCommands(t *testing.T) {
	dir := demoWorkspace(t)
	out := mustRun(t, dir, "debrief", "--role", "Senior AI Engineer", "--json")
	var d struct {
		Candidates []struct {
			Rank    int `json:"rank"`
			Debrief struct {
				CandidateName    string   `json:"candidateName"`
				Composite        *float64 `json:"composite"`
				Coverage         float64  `json:"coverage"`
				Complete         bool     `json:"complete"`
				UncertaintyLabel string   `json:"uncertaintyLabel"`
				Interviewers     []struct {
					Name string `json:"name"`
				} `json:"interviewers"`
				Rows []struct {
					Key    string  `json:"key"`
					Weight float64 `json:"weight"`
					Scale  string  `json:"scale"`
					Cells  []struct {
						Author  string `json:"author"`
						Answers []struct {
							Score *int `json:"score"`
						} `json:"answers"`
					} `json:"cells"`
				} `json:"rows"`
			} `json:"debrief"`
		} `json:"candidates"`
		Calibration struct {
			BottomLine struct {
				Verdict, Headline, Basis string
			} `json:"bottomLine"`
		} `json:"calibration"`
		Plan struct {
			Questions []struct {
				Effective float64 `json:"effective"`
			} `json:"questions"`
			Changes []struct {
				Reason string `json:"reason"`
			} `json:"changes"`
		} `json:"plan"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v", err)
	}
	if len(d.Candidates) < 3 || len(d.Plan.Questions) == 0 || len(d.Plan.Changes) != 1 {
		t.Fatalf("debrief: %d candidates, %d questions, %d weight changes", len(d.Candidates), len(d.Plan.Questions), len(d.Plan.Changes))
	}
	var sum float64
	for _, q := range d.Plan.Questions {
		sum += q.Effective
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("effective weights sum to %v", sum)
	}
	first := d.Candidates[0]
	if first.Rank != 1 || !first.Debrief.Complete || first.Debrief.Composite == nil || len(first.Debrief.Interviewers) < 2 {
		t.Errorf("first candidate %+v", first)
	}
	scores := 0
	for _, r := range first.Debrief.Rows {
		if r.Scale != "1–4" || r.Weight <= 0 {
			t.Errorf("row %s: scale %q weight %v", r.Key, r.Scale, r.Weight)
		}
		for _, c := range r.Cells {
			for _, a := range c.Answers {
				if a.Score != nil && c.Author != "" {
					scores++
				}
			}
		}
	}
	if scores == 0 {
		t.Error("the JSON carries no score by interviewer")
	}

	// Weights: a change after scoring began needs a reason and then shows.
	r := run(t, dir, "weights", "set", "--role", "Senior AI Engineer", "--competency", "evaluation", "--weight", "3")
	wantFailure(t, r, cli.ExitError, "reason")
	set := mustRun(t, dir, "weights", "set", "--role", "Senior AI Engineer", "--competency", "evaluation", "--weight", "3",
		"--reason", "Evaluation matters more than planned")
	if !strings.Contains(set, "Weights changed after scoring began") || !strings.Contains(set, "Evaluation matters more than planned") {
		t.Errorf("weights set output:\n%s", set)
	}
	table := mustRun(t, dir, "debrief", "--role", "Senior AI Engineer")
	if !strings.HasPrefix(table, "Weights changed after scoring began") {
		t.Errorf("the debrief does not lead with the weight change:\n%s", table)
	}
	// Calibration's bottom line comes before the ranking, as in the window.
	b := d.Calibration.BottomLine
	if b.Verdict == "" || !strings.Contains(table, "\nInterviewer agreement: "+b.Headline+" "+b.Basis+"\nRANK") {
		t.Errorf("the debrief does not give the bottom line %+v before the ranking:\n%s", b, table)
	}
	wantFailure(t, run(t, dir, "debrief"), cli.ExitUsage, "--role")
	wantFailure(t, run(t, dir, "debrief", "--role", "No such role"), cli.ExitError, "no such role")
}

func TestRoundsCoverageAndProfilesCommands(t *testing.T) {
	dir := demoWorkspace(t)
	// Pick an interviewed candidate of the first role from the debrief.
	var d struct {
		Candidates []struct {
			Debrief struct {
				CandidateID int64 `json:"candidateId"`
			} `json:"debrief"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "debrief", "--role", "Senior AI Engineer", "--json")), &d); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(d.Candidates[0].Debrief.CandidateID, 10)
	out := mustRun(t, dir, "rounds", "assign", "--role", "Senior AI Engineer", "--candidate", id, "--round", "system design",
		"--interviewer", "Jonas Weber")
	if !strings.Contains(out, "System design") || !strings.Contains(out, "Jonas Weber (reassigned)") {
		t.Errorf("assign: %q", out)
	}
	out = mustRun(t, dir, "rounds", "assign", "--role", "Senior AI Engineer", "--candidate", id, "--round", "System design", "--plan")
	if !strings.Contains(out, "Priya Nair and Sam Okafor (as planned)") {
		t.Errorf("back to the plan: %q", out)
	}
	wantFailure(t, run(t, dir, "rounds", "assign", "--role", "Senior AI Engineer", "--candidate", id, "--round", "Lunch", "--plan"),
		cli.ExitError, "no round", "phone screen")
	wantFailure(t, run(t, dir, "rounds", "assign", "--role", "Senior AI Engineer", "--candidate", id, "--round", "System design"),
		cli.ExitUsage, "--interviewer")

	if out := mustRun(t, dir, "weights", "coverage"); out != "coverage needed to rank: 80%\n" {
		t.Errorf("coverage: %q", out)
	}
	if out := mustRun(t, dir, "weights", "coverage", "--set", "0.6"); out != "coverage needed to rank: 60%\n" {
		t.Errorf("coverage set: %q", out)
	}
	wantFailure(t, run(t, dir, "weights", "coverage", "--set", "1.5"), cli.ExitError, "between 0% and 100%")
	wantFailure(t, run(t, dir, "weights", "coverage", "--set", "-0.5"), cli.ExitError, "between 0% and 100%")
	wantFailure(t, run(t, dir, "weights", "coverage", "--set", "most"), cli.ExitUsage, "not a number")

	// Riley protects her profile in the app, then forgets the passphrase.
	func() {
		s, err := storage.Open(cli.DatabasePath(dir))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		svc := tracking.New(s)
		ps, _ := svc.Profiles(context.Background())
		for _, p := range ps {
			if p.Name == "Riley Chen" {
				if _, err := svc.SetPassphrase(context.Background(), p, "", "forgotten soon"); err != nil {
					t.Fatal(err)
				}
			}
		}
	}()
	var ps []model.Profile
	if err := json.Unmarshal([]byte(mustRun(t, dir, "profiles", "list", "--json")), &ps); err != nil || len(ps) != 4 {
		t.Fatalf("profiles list: %v %v", ps, err)
	}
	for _, p := range ps {
		if p.Protected != (p.Name == "Riley Chen") {
			t.Errorf("%s protected = %v", p.Name, p.Protected)
		}
	}
	if out := mustRun(t, dir, "profiles", "unprotect", "--profile", "riley chen"); !strings.Contains(out, "Riley Chen's profile no longer asks") {
		t.Errorf("unprotect: %q", out)
	}
	if list := mustRun(t, dir, "profiles", "list"); strings.Contains(list, "yes\tyes") || strings.Count(list, "yes") != 1 {
		t.Errorf("after unprotect: %q", list)
	}
}

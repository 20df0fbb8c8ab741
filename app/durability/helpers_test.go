// The workspace the durability tests share (a recruiter, an interviewer, a role with
// one round) and the helper processes: the test binary run again with
// HIREBENCH_DURABILITY_HELPER set becomes a writer instead of running tests.

package durability_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// helperEnv names the variable that turns the test binary into a helper.
const helperEnv = "HIREBENCH_DURABILITY_HELPER"

// job is what a helper process is asked to do.
type job struct {
	Mode string `json:"mode"` // "scorecards" (crash_test.go) or "cli" (concurrency_test.go)
	DB   string `json:"db"`
	Seed int64  `json:"seed"`
	// The fixture's ids, so the helper does not look them up by name.
	RoleID, RoundID, AuthorID int64
	// Resume is the card whose draft was acknowledged last (0: none).
	Resume int64 `json:"resume"`
	// Args is the command line for the "cli" mode.
	Args []string `json:"args"`
}

func TestMain(m *testing.M) {
	if raw := os.Getenv(helperEnv); raw != "" {
		var j job
		if err := json.Unmarshal([]byte(raw), &j); err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			os.Exit(3)
		}
		os.Exit(runHelper(j))
	}
	os.Exit(m.Run())
}

func runHelper(j job) int {
	switch j.Mode {
	case "scorecards":
		return runScorecards(j) // helpers_unix_test.go: the crash test is unix only
	case "cli":
		return runCLI(j)
	}
	fmt.Fprintln(os.Stderr, "helper: unknown mode", j.Mode)
	return 3
}

// helperCmd is the test binary run as a helper for j.
func helperCmd(t testing.TB, j job) *exec.Cmd {
	t.Helper()
	raw, err := json.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+string(raw))
	return cmd
}

// fixture is a workspace with a recruiter, an interviewer and a role whose
// one round the interviewer is assigned to.
type fixture struct {
	dir, db          string
	recruiter, sam   model.Profile
	role             model.Role
	round            scoring.Round
	questions        []string
	stageA, stageB   int64
	firstApplication int64
}

func newFixture(t testing.TB) fixture {
	t.Helper()
	ctx := context.Background()
	f := fixture{dir: t.TempDir()}
	f.db = filepath.Join(f.dir, "workspace.db")
	s, err := storage.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	track, iv := tracking.New(s), interviews.New(s)
	builtin, err := iv.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if f.recruiter, err = track.CreateProfile(ctx, "Riley Chen", true, true, model.Profile{}); err != nil {
		t.Fatal(err)
	}
	if f.sam, err = track.CreateProfile(ctx, "Sam Okafor", false, false, f.recruiter); err != nil {
		t.Fatal(err)
	}
	if f.role, err = track.CreateRole(ctx, model.RoleInput{Title: "Compiler Engineer", Status: model.RoleOpen}); err != nil {
		t.Fatal(err)
	}
	f.stageA, f.stageB = f.role.Stages[0].ID, f.role.Stages[1].ID
	comp := builtin.Content.Competencies[0]
	for _, q := range comp.Questions {
		f.questions = append(f.questions, q.ID)
	}
	f.round, err = iv.SaveRound(ctx, scoring.RoundInput{RoleID: f.role.ID, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{comp.ID}, DurationMin: 60, InterviewerIDs: []int64{f.sam.ID}}, f.recruiter)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f fixture) job(mode string, seed int64) job {
	return job{Mode: mode, DB: f.db, Seed: seed, RoleID: f.role.ID, RoundID: f.round.ID, AuthorID: f.sam.ID}
}

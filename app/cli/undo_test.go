// Tests candidates undo-move through Run: a rejection undone back to the stage
// it came from, the history saying so, and a candidate with no move to undo.

package cli_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

func TestCandidatesUndoMoveUndoesARejection(t *testing.T) {
	dir, _ := withRoles(t, "Backend Engineer")
	mustRun(t, dir, "candidates", "add", "--name", "Barbara Liskov", "--role", "Backend Engineer")
	ref := strconv.FormatInt(listJSON(t, dir)[0].ID, 10)

	wantFailure(t, run(t, dir, "candidates", "undo-move", "--candidate", ref, "--role", "Backend Engineer"),
		cli.ExitError, "no move to undo")
	wantFailure(t, run(t, dir, "candidates", "undo-move", "--candidate", ref), cli.ExitUsage, "--role")
	mustRun(t, dir, "candidates", "reject", "--candidate", ref, "--role", "Backend Engineer", "--reason", "Position filled")

	out := mustRun(t, dir, "candidates", "undo-move", "--candidate", ref, "--role", "Backend Engineer", "--json")
	var a model.Application
	if err := json.Unmarshal([]byte(out), &a); err != nil || a.StageName != "Applied" || a.RejectionReason != "" {
		t.Fatalf("after undo-move: %+v, %v", a, err)
	}
	if out := mustRun(t, dir, "candidates", "list"); strings.Contains(out, "Rejected") {
		t.Errorf("candidates list still says Rejected:\n%s", out)
	}

	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := tracking.New(s).Detail(context.Background(), a.CandidateID)
	if err != nil {
		t.Fatal(err)
	}
	if h := d.History[0]; h.FromStage != "Rejected" || h.ToStage != "Applied" || h.Reason != "Undo of the rejection" ||
		h.ActorName != tracking.CommandLine.Name {
		t.Errorf("history: %+v", h)
	}
}

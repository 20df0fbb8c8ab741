// Tests that `candidates list --query` prints every match when a search
// matches more candidates than one page, whose count then stops at the page.

package cli_test

import (
	"context"
	"fmt"
	"testing"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/storage"
)

func TestCandidatesListSearchPrintsEveryMatch(t *testing.T) {
	dir := newWorkspace(t)
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	const n = 1100 // more than two of the command's 500-row pages
	err = s.Write(context.Background(), func(tx *storage.Tx) error {
		for i := range n {
			at := tx.Now()
			c := model.Candidate{CandidateInput: model.CandidateInput{Name: fmt.Sprintf("Person %04d", i),
				Email: fmt.Sprintf("p%d@example.com", i), ResumeText: "python and sql"}, CreatedAt: at, UpdatedAt: at}
			if _, err := tx.InsertCandidate(c); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	rows := listJSON(t, dir, "--query", "python")
	seen := map[int64]bool{}
	for _, r := range rows {
		seen[r.ID] = true
	}
	if len(rows) != n || len(seen) != n {
		t.Errorf("candidates list --query python printed %d rows (%d distinct), want all %d", len(rows), len(seen), n)
	}
}

package storage

import (
	"context"
	"strings"
	"testing"
)

// A role's stage counts are on the first screen: counting a stage must read
// an index of its applications and the short list of archived candidates,
// never each application's candidate row (150 ms a role at 100k).
func TestStageCountsReadOnlyIndexes(t *testing.T) {
	s, _ := mustOpen(t)
	rows, err := s.r.QueryContext(context.Background(), `EXPLAIN QUERY PLAN `+sqlRoleStages, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	joined := strings.Join(plan, " | ")
	if !strings.Contains(joined, "COVERING INDEX stage_members") || !strings.Contains(joined, "candidates_archived") {
		t.Errorf("plan %q: want the stage_members covering index and the archived list", joined)
	}
	if strings.Contains(joined, "candidates USING INTEGER PRIMARY KEY") {
		t.Errorf("plan %q reads a candidate row per application", joined)
	}
}

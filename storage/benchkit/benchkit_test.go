package benchkit

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// A small seed has what the harness relies on: the candidates asked for, at
// least the answers asked for in submitted cards that verify, two versions
// of a rubric in use, and both vocabularies searchable.
func TestSeedSmallWorkspace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bench.db")
	if err := Seed(ctx, path, 300, 2000); err != nil {
		t.Fatal(err)
	}
	if err := Seed(ctx, path, 300, 2000); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("seeding over an existing file: %v, want a refusal", err)
	}
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.CountCandidates(ctx); err != nil || n != 300 {
		t.Fatalf("%d candidates (%v), want 300", n, err)
	}
	roles, err := st.ListRoles(ctx)
	if err != nil || len(roles) != 3 {
		t.Fatalf("roles = %d (%v), want 3", len(roles), err)
	}
	answers, cards := 0, 0
	versions := map[int64]bool{}
	for _, r := range roles {
		list, err := st.RoleScorecards(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			if c.Status != scoring.Submitted {
				t.Fatalf("card %d is %s, want submitted", c.ID, c.Status)
			}
			if err := scoring.Verify(c); err != nil {
				t.Fatalf("card %d: %v", c.ID, err)
			}
			answers += len(c.Answers)
			cards++
			versions[c.RubricVersionID] = true
		}
		if _, _, fixed, err := st.PlanSnapshot(ctx, r.ID); err != nil || !fixed {
			t.Errorf("role %s: plan fixed = %v (%v), want fixed by its submissions", r.Title, fixed, err)
		}
	}
	// Rounded up to whole candidates: 3 rounds × 2 interviewers × 14 questions.
	if answers < 2000 || answers >= 2000+84 {
		t.Errorf("%d answers in %d cards, want at least 2000 and less than one more candidate's", answers, cards)
	}
	if len(versions) != 3 {
		t.Errorf("cards use %d rubric versions, want 3 (built-in, custom v1 and v2)", len(versions))
	}
	for _, q := range []string{"python", commonLast[0][:4], realSkills[0], "example"} {
		page, err := st.ListCandidates(ctx, model.CandidateFilter{Query: q, IncludeArchived: true})
		if err != nil || len(page.Rows) == 0 {
			t.Errorf("search %q: %d rows (%v), want some", q, len(page.Rows), err)
		}
	}

	figs, err := SearchFigures(ctx, st, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"search_p50", "search_p95", "search_p99", "search_common_p95", "search_realistic_p95",
		"search_typing_p95", "search_filtered_p95"} {
		f, ok := figs[k]
		if !ok || f.Value <= 0 || f.Baseline <= 0 || f.Unit != "ms" {
			t.Errorf("%s = %+v (present %v), want positive milliseconds", k, f, ok)
		}
	}
}

// Benchmarks loading a role's and a candidate's scorecards (what calibration
// and the debrief read) on a seeded workspace: 2,000 candidates and 20,000
// answers by default, or the workspace HIREBENCH_BENCH_DB names (e.g. the
// 100k one the bench harness seeds).

package storage_test

import (
	"context"
	"os"
	"testing"

	"hirebench/storage"
	"hirebench/storage/benchkit"
)

// benchStore opens the benchmark workspace, seeding the default one on first use.
func benchStore(b *testing.B) *storage.Store {
	b.Helper()
	ctx := context.Background()
	path := os.Getenv("HIREBENCH_BENCH_DB")
	if path == "" {
		var err error
		if path, err = benchkit.Workspace(ctx, os.TempDir(), 2000, 20000); err != nil {
			b.Fatal(err)
		}
	}
	s, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkRoleScorecards(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b)
	roles, err := s.ListRoles(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		cards, err := s.RoleScorecards(ctx, roles[i%len(roles)].ID)
		if err != nil || len(cards) == 0 {
			b.Fatalf("%d cards: %v", len(cards), err)
		}
	}
}

func BenchmarkCandidateScorecards(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b)
	roles, err := s.ListRoles(ctx)
	if err != nil {
		b.Fatal(err)
	}
	cards, err := s.RoleScorecards(ctx, roles[0].ID)
	if err != nil || len(cards) == 0 {
		b.Fatalf("%d cards: %v", len(cards), err)
	}
	var ids []int64
	for i := 0; i < len(cards); i += 97 { // spread over the role
		ids = append(ids, cards[i].CandidateID)
	}
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.CandidateScorecards(ctx, ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
	}
}

// Benchmarks the debrief's paths on a seeded workspace (storage/benchkit):
// 2,000 candidates and 20,000 answers by default, or the workspace
// HIREBENCH_BENCH_DB names (e.g. the 100k one the bench harness seeds; the
// first-opening benchmark copies it, so it is never written).

package interviews_test

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/storage"
	"hirebench/storage/benchkit"
)

// benchWorkspace is the seeded workspace's path, seeding the default one on first use.
func benchWorkspace(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("HIREBENCH_BENCH_DB"); p != "" {
		return p
	}
	p, err := benchkit.Workspace(context.Background(), os.TempDir(), 2000, 20000)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

type benchEnv struct {
	store     *storage.Store
	iv        *interviews.Service
	recruiter model.Profile
	roles     []model.Role
}

func openBench(b *testing.B, path string) benchEnv {
	b.Helper()
	ctx := context.Background()
	s, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	e := benchEnv{store: s, iv: interviews.New(s)}
	profiles, err := s.ListProfiles(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range profiles {
		if p.IsRecruiter {
			e.recruiter = p
		}
	}
	if e.roles, err = s.ListRoles(ctx); err != nil || len(e.roles) == 0 || e.recruiter.ID == 0 {
		b.Fatalf("roles %d, recruiter %d: %v", len(e.roles), e.recruiter.ID, err)
	}
	return e
}

// copyWorkspace copies a closed workspace (and its WAL, if any) into dir
// and forgets every exposure in the copy, so its debriefs open as for the
// first time even when the benchmarks above already opened the original.
func copyWorkspace(b *testing.B, from, dir string) string {
	b.Helper()
	to := filepath.Join(dir, "workspace.db")
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(from + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			b.Fatal(err)
		}
		out, err := os.OpenFile(to+suffix, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			b.Fatal(err)
		}
		in.Close()
		if err := out.Close(); err != nil {
			b.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", to)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DELETE FROM card_exposures`); err != nil {
		b.Fatal(err)
	}
	return to
}

// BenchmarkPlan is what one candidate's debrief asks of the role besides
// the candidate's own cards: its plan.
func BenchmarkPlan(b *testing.B) {
	e := openBench(b, benchWorkspace(b))
	defer e.store.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		if _, err := e.iv.Plan(ctx, e.roles[i%len(e.roles)].ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoleDebrief is the Debrief screen as the recruiter opens it again.
func BenchmarkRoleDebrief(b *testing.B) {
	e := openBench(b, benchWorkspace(b))
	defer e.store.Close()
	ctx := context.Background()
	for _, r := range e.roles { // the first opening records exposures
		if _, err := e.iv.RoleDebrief(ctx, r.ID, e.recruiter); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := range b.N {
		if _, err := e.iv.RoleDebrief(ctx, e.roles[i%len(e.roles)].ID, e.recruiter); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoleDebriefFirstOpening is the recruiter's first opening of a
// role's Debrief screen, which records what they were shown, on a fresh
// copy of the workspace each time.
func BenchmarkRoleDebriefFirstOpening(b *testing.B) {
	src := benchWorkspace(b)
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		e := openBench(b, copyWorkspace(b, src, b.TempDir()))
		b.StartTimer()
		if _, err := e.iv.RoleDebrief(ctx, e.roles[0].ID, e.recruiter); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		e.store.Close()
		b.StartTimer()
	}
}

// BenchmarkRoleDebriefAsInterviewer is the Debrief screen as an interviewer
// opens it: the blind rule is checked candidate by candidate (loadPanel).
func BenchmarkRoleDebriefAsInterviewer(b *testing.B) {
	e := openBench(b, benchWorkspace(b))
	defer e.store.Close()
	ctx := context.Background()
	rounds, err := e.iv.Rounds(ctx, e.roles[0].ID)
	if err != nil || len(rounds) == 0 || len(rounds[0].Interviewers) == 0 {
		b.Fatalf("role %d has no round with interviewers: %v", e.roles[0].ID, err)
	}
	viewer := rounds[0].Interviewers[0]
	if _, err := e.iv.RoleDebrief(ctx, e.roles[0].ID, viewer); err != nil { // the first opening records exposures
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := e.iv.RoleDebrief(ctx, e.roles[0].ID, viewer); err != nil {
			b.Fatal(err)
		}
	}
}

// The figures on PostgreSQL (team mode, issue 15): the seeded workspace is
// pushed into a throwaway server (storage/pgtest) as `hirebench push` does,
// and search, autosave and the debrief are measured there by the same code
// as on SQLite, each against plain SQL on the same server.

package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	neturl "net/url"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/benchkit"
	"hirebench/storage/pgtest"
)

// measurePostgres measures the pg_ figures; without PostgreSQL installed
// they are skipped (make bench's deps-test installs it).
func measurePostgres(ctx context.Context, cfg config, res *results, out io.Writer) error {
	srv, err := pgtest.StartServer()
	if errors.Is(err, pgtest.ErrNotInstalled) {
		return skipped{err.Error()}
	}
	if err != nil {
		return err
	}
	defer srv.Stop()
	path, err := seededWorkspace(ctx, cfg, out)
	if err != nil {
		return err
	}
	url, err := srv.CreateDatabase("bench")
	if err != nil {
		return err
	}
	pg, err := storage.OpenPostgres(ctx, url)
	if err != nil {
		return err
	}
	defer pg.Close()
	push, rep, err := pushWorkspace(ctx, path, pg)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	w, err := sql.Open("pgx", url) // the baselines' writes
	if err != nil {
		return err
	}
	defer w.Close()
	var version string
	if err := w.QueryRowContext(ctx, `SHOW server_version`).Scan(&version); err != nil {
		return err
	}
	res.figs["pg_push"] = benchkit.Figure{Value: push.Seconds(), Unit: "s"}
	res.notes["pg_push"] = fmt.Sprintf("%s rows in %d tables, %s submitted scorecards verified; PostgreSQL %s", thousands(int(rep.Rows)), rep.Tables, thousands(rep.Verified), version)
	fmt.Fprintf(out, "bench: pg_push %s s (%s)\n", trim(push.Seconds()), res.notes["pg_push"])
	// The statistics and visibility map autovacuum would have made soon
	// after the push, so the planner sees the server as it runs.
	start := time.Now()
	if _, err := w.ExecContext(ctx, `VACUUM (ANALYZE)`); err != nil {
		return err
	}
	fmt.Fprintf(out, "bench: PostgreSQL vacuumed and analysed in %s (not timed into a figure)\n", time.Since(start).Round(100*time.Millisecond))

	bare, err := sql.Open("pgx", url+"&default_transaction_read_only=on")
	if err != nil {
		return err
	}
	defer bare.Close()
	// The debrief is read as a recruiter's own login, as the committee reads
	// it on a shared workspace: row-level security's cost is in the figure.
	person, err := recruiterLogin(ctx, pg, url)
	if err != nil {
		return fmt.Errorf("a recruiter's login: %w", err)
	}
	defer person.Close()
	b := &bench{st: person, svc: tracking.New(person), iv: interviews.New(person), bare: bare, pg: true}
	owner := &bench{st: pg, svc: tracking.New(pg), iv: interviews.New(pg), bare: bare, pg: true}
	if b.roles, err = b.svc.Roles(ctx); err != nil {
		return err
	}
	owner.roles = b.roles
	search, err := benchkit.SearchFigures(ctx, person, cfg.queries)
	if err != nil {
		return err
	}
	steps := []step{
		{"pg_search_p95", func(context.Context) (benchkit.Figure, error) { return search["search_p95"], nil }},
		{"pg_debrief_candidate", b.debriefFigure},
		// A draft's author saves it; the bench holds no author's login, so the owner's connection saves.
		{"pg_autosave_p99", func(ctx context.Context) (benchkit.Figure, error) { return owner.autosaveFigure(ctx, w) }},
	}
	return measureSteps(ctx, steps, res, out)
}

// pushWorkspace copies the seeded workspace into the empty pg, as
// `hirebench push` does, and says how long the copy took and what it moved.
func pushWorkspace(ctx context.Context, path string, pg *storage.Store) (time.Duration, storage.CopyReport, error) {
	from, err := storage.Open(path)
	if err != nil {
		return 0, storage.CopyReport{}, err
	}
	defer from.Close()
	start := time.Now()
	rep, err := storage.CopyWorkspace(ctx, from, pg)
	return time.Since(start), rep, err
}

// recruiterLogin sets the pushed workspace up for people (init) and opens it
// as a recruiter's own login, as the app on a recruiter's laptop does.
func recruiterLogin(ctx context.Context, owner *storage.Store, ownerURL string) (*storage.Store, error) {
	if _, err := owner.InitTeam(ctx); err != nil {
		return nil, err
	}
	const login = "bench_recruiter"
	if _, err := owner.AddPerson(ctx, storage.PersonInput{Name: "Bench Recruiter", Login: login,
		Password: "bench only, never used", Recruiter: true}); err != nil {
		return nil, err
	}
	u, err := neturl.Parse(ownerURL)
	if err != nil {
		return nil, err
	}
	u.User = neturl.User(login) // the throwaway server trusts its socket
	return storage.OpenPostgres(ctx, u.String())
}

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
	// The debrief is read as people's own logins, as the committee and an
	// interviewer read it on a shared workspace: row-level security's cost
	// is in the figures. An interviewer's blind rule asks the server more:
	// which of their candidates they are done with.
	if _, err := pg.InitTeam(ctx); err != nil {
		return err
	}
	person, err := personLogin(ctx, pg, url, storage.PersonInput{Name: "Bench Recruiter", Login: "bench_recruiter", Recruiter: true})
	if err != nil {
		return fmt.Errorf("a recruiter's login: %w", err)
	}
	defer person.Close()
	// A seeded interviewer (storage/benchkit), whose submitted cards span
	// the workspace: the profile gets a login, as after a push.
	interviewer, err := personLogin(ctx, pg, url, storage.PersonInput{Name: "Interviewer 1", Login: "bench_interviewer"})
	if err != nil {
		return fmt.Errorf("an interviewer's login: %w", err)
	}
	defer interviewer.Close()
	b, iv, owner := newBench(person, bare, true), newBench(interviewer, bare, true), newBench(pg, bare, true)
	if b.roles, err = b.svc.Roles(ctx); err != nil {
		return err
	}
	owner.roles, iv.roles = b.roles, b.roles
	steps := []step{
		one("pg_search_p95", func(ctx context.Context) (benchkit.Figure, error) {
			search, err := benchkit.SearchFigures(ctx, person, cfg.queries)
			return search["search_p95"], err
		}),
		one("pg_debrief_candidate", b.debriefFigure),
		one("pg_debrief_interviewer", iv.debriefFigure),
		// A draft's author saves it; the bench holds no author's login, so the owner's connection saves.
		one("pg_autosave_p99", func(ctx context.Context) (benchkit.Figure, error) { return owner.autosaveFigure(ctx, w) }),
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

// personLogin adds a person to the pushed workspace (after init) and opens
// it as their own login, as the app on their laptop does.
func personLogin(ctx context.Context, owner *storage.Store, ownerURL string, in storage.PersonInput) (*storage.Store, error) {
	in.Password = "bench only, never used"
	if _, err := owner.AddPerson(ctx, in); err != nil {
		return nil, err
	}
	u, err := neturl.Parse(ownerURL)
	if err != nil {
		return nil, err
	}
	u.User = neturl.User(in.Login) // the throwaway server trusts its socket
	return storage.OpenPostgres(ctx, u.String())
}

// The figures measured on the seeded workspace: search (storage/benchkit), the
// filtered candidates list, the debrief, calibration and autosave.

package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/benchkit"
)

// bench is what the workspace figures share.
type bench struct {
	st    *storage.Store
	svc   *tracking.Service
	iv    *interviews.Service
	bare  *sql.DB // read-only connections for the baselines' plain SQL
	pg    bool    // the store and bare are on PostgreSQL: placeholders $1, $2…
	roles []model.Role
}

// newBench measures through st's services, with bare for the baselines.
func newBench(st *storage.Store, bare *sql.DB, pg bool) *bench {
	return &bench{st: st, svc: tracking.New(st), iv: interviews.New(st), bare: bare, pg: pg}
}

// query runs a baseline's plain SQL, written with ? placeholders, on bare.
func (b *bench) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return b.bare.QueryContext(ctx, placeholders(q, b.pg), args...)
}

// placeholders spells q's ? placeholders as PostgreSQL's $1, $2… when pg
// (the baselines' SQL holds no ? elsewhere).
func placeholders(q string, pg bool) string {
	if !pg {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// seededWorkspace returns the seeded workspace's path, seeding it on first
// use (benchkit names the file by sizes, schema and seed format, so a
// workspace from another schema is never reused).
func seededWorkspace(ctx context.Context, cfg config, out io.Writer) (string, error) {
	start := time.Now()
	path, err := benchkit.Workspace(ctx, cfg.benchDir(), cfg.candidates, cfg.answers)
	if err != nil {
		return "", err
	}
	if d := time.Since(start); d > time.Second {
		fmt.Fprintf(out, "bench: seeded %s candidates and %s answers in %s (%s, reused while the schema stays)\n",
			thousands(cfg.candidates), thousands(cfg.answers), d.Round(time.Second), rel(cfg.root, path))
	}
	// Workspaces of the same sizes from an older schema or seeder are
	// never used again; at full size each takes a gigabyte or so. (Not a
	// ".seeding" file: another run may be building it.)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		stale, _ := filepath.Glob(filepath.Join(filepath.Dir(path), fmt.Sprintf("hirebench-bench-%d-%d-s*.db%s", cfg.candidates, cfg.answers, suffix)))
		for _, f := range stale {
			if f != path+suffix {
				os.Remove(f)
			}
		}
	}
	return path, nil
}

func measureWorkspace(ctx context.Context, cfg config, res *results, out io.Writer) error {
	path, err := seededWorkspace(ctx, cfg, out)
	if err != nil {
		return err
	}
	st, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	bare, err := sql.Open("sqlite", sqliteURI(path, "query_only(1)"))
	if err != nil {
		return err
	}
	defer bare.Close()
	b := newBench(st, bare, false)
	if b.roles, err = b.svc.Roles(ctx); err != nil {
		return err
	}
	steps := []step{
		{"search", func(ctx context.Context) (figures, error) { return benchkit.SearchFigures(ctx, st, cfg.queries) }},
		one("list_filter_p95", func(ctx context.Context) (benchkit.Figure, error) { return b.listFigure(ctx, res) }),
		one("debrief_candidate", b.debriefFigure),
		one("debrief_screen", func(ctx context.Context) (benchkit.Figure, error) { return b.debriefScreenFigure(ctx, out) }),
		one("calibration_role", b.calibrationFigure),
		one("autosave_p99", func(ctx context.Context) (benchkit.Figure, error) {
			w, err := sql.Open("sqlite", sqliteURI(path)+"&_txlock=immediate")
			if err != nil {
				return benchkit.Figure{}, err
			}
			defer w.Close()
			return b.autosaveFigure(ctx, w)
		}),
	}
	return measureSteps(ctx, steps, res, out)
}

// sqliteURI opens path with the pragmas storage uses, plus extra ones.
func sqliteURI(path string, extra ...string) string {
	q := url.Values{}
	for _, p := range append([]string{"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(5000)", "synchronous(FULL)"}, extra...) {
		q.Add("_pragma", p)
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// listSamples is how many pages the list figure times at most.
const listSamples = 300

// listDeadline bounds one page: a filter slower than this counts as this
// long, and after a few such pages the figure stops sampling, so a slow
// path shows in the table instead of holding the bench for hours.
const listDeadline = 20 * time.Second

// listFigure times the candidates table filtered by role, stage or both
// (no query, newest first, a page of 100 as the table asks) against a
// plain SELECT of the same page. The first filters' pages are compared
// first, so the baseline stays the same page.
func (b *bench) listFigure(ctx context.Context, res *results) (benchkit.Figure, error) {
	var filters []model.CandidateFilter
	for _, r := range b.roles {
		for _, s := range r.Stages {
			filters = append(filters, model.CandidateFilter{RoleID: r.ID, Limit: 100}, model.CandidateFilter{StageID: s.ID, Limit: 100},
				model.CandidateFilter{RoleID: r.ID, StageID: s.ID, Limit: 100})
		}
	}
	capped := 0
	list := func(f model.CandidateFilter) (model.CandidatePage, error) {
		ctx, cancel := context.WithTimeout(ctx, listDeadline)
		defer cancel()
		page, err := b.svc.List(ctx, f)
		if err != nil && ctx.Err() != nil {
			capped++ // cancelled at the deadline, so timed as about that long
			return page, nil
		}
		return page, err
	}
	for _, f := range filters[:3] {
		page, err := list(f)
		if err != nil {
			return benchkit.Figure{}, err
		}
		ids, err := b.barePage(ctx, f)
		if err != nil {
			return benchkit.Figure{}, err
		}
		got := make([]int64, len(page.Rows))
		for i, r := range page.Rows {
			got[i] = r.ID
		}
		if capped == 0 && !slices.Equal(got, ids) {
			return benchkit.Figure{}, fmt.Errorf("the plain SELECT no longer returns the table's page for %+v (%d rows against %d): update build/perf/workspace.go to the table's order",
				f, len(ids), len(got))
		}
	}
	var p pair
	start := time.Now()
	for i := 0; i < listSamples && capped < 3; i++ {
		if i >= 30 && time.Since(start) > time.Minute {
			break
		}
		f := filters[i%len(filters)]
		err := p.time(i, func() error {
			_, err := list(f)
			return err
		}, func() error {
			_, err := b.barePage(ctx, f)
			return err
		})
		if err != nil {
			return benchkit.Figure{}, err
		}
	}
	if capped > 0 {
		res.notes["list_filter_p95"] = fmt.Sprintf("%d pages took longer than %s and were cancelled (so each counts as about %s), out of %d timed: the value is a lower bound",
			capped, listDeadline, listDeadline, len(p.app))
	}
	return p.figure(95), nil
}

// barePage is the page's candidates in one plain SELECT.
func (b *bench) barePage(ctx context.Context, f model.CandidateFilter) ([]int64, error) {
	where, args := "", []any{}
	if f.RoleID != 0 {
		where += " AND a.role_id = ?"
		args = append(args, f.RoleID)
	}
	if f.StageID != 0 {
		where += " AND a.stage_id = ?"
		args = append(args, f.StageID)
	}
	rows, err := b.query(ctx, `SELECT c.id, c.name, c.email, c.source, c.location, c.updated_at FROM candidates c
		JOIN applications a ON a.candidate_id = c.id WHERE c.archived_at = ''`+where+` ORDER BY c.updated_at DESC, c.id LIMIT ?`,
		append(args, f.Limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		var name, email, source, location, updated string
		if err := rows.Scan(&id, &name, &email, &source, &location, &updated); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// copyFile copies a closed workspace (and its WAL, if any) to dst.
func copyWorkspace(src, dst string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			return err
		}
		o, err := os.OpenFile(dst+suffix, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			in.Close()
			return err
		}
		_, err = io.Copy(o, in)
		in.Close()
		if cerr := o.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

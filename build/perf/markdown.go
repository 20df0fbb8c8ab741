// The machine a run measured on, and docs/PERFORMANCE.md.

package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"

	"hirebench/storage"
)

type machine struct {
	CPU   string
	Cores int
	RAM   string
	Go    string
	Load  string // load average at the start of the run
	Date  string
}

func (m machine) String() string {
	return fmt.Sprintf("%s, %d cores, %s RAM, %s", m.CPU, m.Cores, m.RAM, m.Go)
}

func describeMachine() machine {
	m := machine{CPU: "unknown CPU", Cores: runtime.NumCPU(), RAM: "unknown", Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		Load: "unknown", Date: today()}
	if v := procField("/proc/cpuinfo", "model name"); v != "" {
		m.CPU = v
	}
	if v := procField("/proc/meminfo", "MemTotal"); v != "" {
		if kb, err := strconv.ParseFloat(strings.TrimSuffix(v, " kB"), 64); err == nil {
			m.RAM = fmt.Sprintf("%.1f GiB", kb/(1<<20))
		}
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) >= 3 {
			m.Load = strings.Join(f[:3], " ")
		}
	}
	return m
}

// procField is the value of the first "key : value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// explanations say what each figure times and against what; benchkit's
// search figures are described by prefix.
var explanations = []struct{ name, text string }{
	{"search_", "the candidates-table search (`storage.ListCandidates`: first page of 50, highlights, row details, count) against a bare FTS5 query for the same page (`storage.BareSearch`), interleaved query by query; `common` is the bench vocabulary where every word matches thousands of rows, `realistic` names and rare skills, `typing` every keystroke, `filtered` with a role or stage filter, and `search_p50/p95/p99` all of them together (storage/benchkit)"},
	{"list_filter_p95", "p95 of the candidates table with a role, a stage, or a role and stage filter, no query (`tracking.Service.List`, a page of 100 with tags and applications), against one plain SQL SELECT of the same page's candidate columns"},
	{"autosave_p99", "p99 of `interviews.Service.SaveDraft` of one patch (a score, the cursor and the timer) on a full draft, against a bare UPDATE of the same row's answers in an immediate transaction, both with synchronous=FULL in the WAL"},
	{"debrief_candidate", "p95 over candidates of one candidate's debrief as the app's rule builds it (`scoring.BuildDebrief` over the candidate's submitted cards, their rubric versions and the role's plan, read through storage), against plain SQL fetching that candidate's answers"},
	{"debrief_screen", "what the Debrief screen waits for before showing any candidate (`interviews.Service.RoleDebrief` as the recruiter: every candidate of the role ranked, with its calibration), median over the roles, against plain SQL fetching the role's submitted answers"},
	{"calibration_role", "a role's calibration statistics (`scoring.Calibrate` with the service's minimums: ICC, Krippendorff's alpha and leniency, pooled and per competency, over the role's submitted cards read through storage), median over the roles, against plain SQL fetching the ratings"},
	{"export_xlsx_time", "writing 100k Scorecards rows × 50 columns to a file through the committee workbook's writer (`exports.writeScorecards`: styles, quote prefixes, widths, Counts as), against a bare excelize StreamWriter writing the same cells, each in a process of its own (`exports.BenchmarkWorkbookProcess`), best of two"},
	{"export_xlsx_peak_rss", "the same processes' peak resident memory (VmHWM, the 100k input rows included), the larger of two runs"},
	{"startup_interactive", "median over runs of starting `build/bin/hirebench` under Xvfb on a copy of the seeded workspace (opening as the recruiter) until its first screen is painted and takes input (the frontend prints `hirebench: interactive` two animation frames after the board has its cards, so the first frame with them has been painted), against the same kind of window showing a blank page (`build/perf/blankwindow`): Go, GTK and WebKit start-up is the floor, the ratio is what hirebench adds; timed by `build/scripts/startup.sh`"},
	{"pg_search_p95", "`search_p95` on PostgreSQL: the same queries through `storage.ListCandidates` on the pushed workspace, read as a recruiter's own login, against `storage.BareSearch` there (the bare `tsvector` match of `candidate_search`, ranked by `ts_rank` or newest first as the search orders that page)"},
	{"pg_autosave_p99", "`autosave_p99` on PostgreSQL: the same `SaveDraft`, against a bare UPDATE of the same row's answers in a transaction, every commit flushed to disk (the server's defaults: fsync and synchronous_commit on)"},
	{"pg_debrief_candidate", "`debrief_candidate` on PostgreSQL, read as a recruiter's own login (after `init` and `people add`, so through the row-level security policies), against the same plain SQL fetching that candidate's answers there as the superuser"},
	{"pg_debrief_interviewer", "`pg_debrief_candidate` read as an interviewer's own login instead (a seeded interviewer given a login, whose submitted cards span the workspace): the blind rule lets them read another's card only for a candidate they are done with, which the server works out per card read (`hb_done_with`), against the same plain SQL"},
	{"pg_push", "seconds to copy the seeded workspace into an empty PostgreSQL workspace (`storage.CopyWorkspace`, as `hirebench push`: every table in one transaction, every submitted card's hash verified before commit); no baseline. The `pg_` figures run on a throwaway local server (`storage/pgtest`: the same machine, a Unix socket, default settings but for the socket), after the push and a `VACUUM (ANALYZE)` such as autovacuum soon makes. Search and the debrief read as people's own logins, through the row-level security policies; the autosave and the baselines run as the owner"},
}

func explain(name string) string {
	for _, e := range explanations {
		if name == e.name || strings.HasSuffix(e.name, "_") && strings.HasPrefix(name, e.name) {
			return e.text
		}
	}
	return ""
}

// markdown is PERFORMANCE.md for this run.
func markdown(cfg config, m machine, res *results, ref *reference) string {
	fs := res.figs
	var b strings.Builder
	b.WriteString("# Performance\n\n")
	b.WriteString("Generated by `make bench` (`build/perf/`); do not edit by hand. Every figure is measured against a bare\n")
	b.WriteString("baseline in the same run on the same machine, and the ratio value ÷ baseline is what is held to\n")
	b.WriteString("`docs/perf-reference.json`: `make bench` fails when a ratio is more than 20% above its reference (and the\n")
	b.WriteString("value more than 1 ms or 5 MB above what that allows). A figure that looks regressed is measured three times\n")
	b.WriteString("and the median measurement is held to that: a baseline moves by a fifth between runs, and noise in one\n")
	b.WriteString("measurement does not carry the median. A missed target is listed and marked in the table. After an intended change:\n")
	b.WriteString("`go run -tags webkit2_41 ./build/perf -update-reference`. `make test` runs no timed assertion.\n\n")
	fmt.Fprintf(&b, "- Date: %s\n", m.Date)
	fmt.Fprintf(&b, "- Machine: %s; load average at the start %s\n", m, m.Load)
	fmt.Fprintf(&b, "- Workspace: %s candidates and %s scorecard answers (`storage/benchkit`), schema %d; export of %s rows × 50 columns\n",
		thousands(cfg.candidates), thousands(cfg.answers), storage.SchemaVersion(), thousands(cfg.exportRows))
	if !cfg.full() {
		b.WriteString("- **Not the full sizes**: figures are not comparable with the reference\n")
	}
	if len(cfg.skip) > 0 {
		fmt.Fprintf(&b, "- Skipped: %s\n", strings.Join(cfg.skip, ", "))
	}
	for _, why := range res.skipped {
		fmt.Fprintf(&b, "- Not measured on this machine: %s\n", why)
	}
	b.WriteString("\n| figure | value | baseline | ratio | reference ratio | target | pass |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | --- | --- |\n")
	for _, n := range fs.sortedNames() {
		f := fs[n]
		refRatio, tgt, pass := "", "", "—" // "—": neither a target nor a reference to pass
		var failed []string
		if ref != nil {
			if r, ok := ref.Figures[n]; ok && r.Ratio > 0 {
				refRatio, pass = trim(r.Ratio)+"×", "yes"
				if isRegression(f, r.Ratio) {
					failed = append(failed, "regressed")
				}
			}
		}
		if t, ok := targets[n]; ok {
			tgt, pass = t.text(f.Unit), "yes"
			if !t.met(f) {
				failed = append(failed, "missed")
			}
		}
		if len(failed) > 0 {
			pass = strings.Join(failed, ", ")
		}
		base, r := shown(f)
		fmt.Fprintf(&b, "| `%s` | %s %s | %s | %s | %s | %s | %s |\n", n, trim(f.Value), f.Unit, base, r, refRatio, tgt, pass)
	}
	for _, n := range fs.sortedNames() {
		if note := res.notes[n]; note != "" {
			fmt.Fprintf(&b, "\n`%s`: %s\n", n, note)
		}
	}
	b.WriteString("\n## What each figure measures\n\n")
	for _, e := range explanations {
		fmt.Fprintf(&b, "- `%s%s`: %s.\n", e.name, map[bool]string{true: "*", false: ""}[strings.HasSuffix(e.name, "_")], e.text)
	}
	return b.String()
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

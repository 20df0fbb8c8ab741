// Tests that the window, an import, an export and a second process working on one
// workspace at once never show the user a lock error.

package durability_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/cli"
	"hirebench/app/importer"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/exports"
	"hirebench/storage"
)

// runCLI is the "cli" helper: one hirebench command, as a script would run it.
func runCLI(j job) int {
	o, err := cli.ParseGlobal(j.Args)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return cli.ExitUsage
	}
	return cli.Run(context.Background(), o, "test", os.Stdout, os.Stderr)
}

// lockFor is how long the import takes alone; with the export, the window
// and the second process beside it, it holds the write lock two to five
// times as long: past SQLite's busy timeout (5 s), which is what used to
// reach the user.
const lockFor = 4 * time.Second

// importSize is how many rows take about lockFor to commit alone on this machine
// (with or without -race), timed on a small import into a scratch workspace.
func importSize(t *testing.T) int {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	track := tracking.New(s)
	role, err := track.CreateRole(ctx, model.RoleInput{Title: "Scratch", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	const sample = 300
	preview, _, err := track.PreviewImport(ctx, "people.csv", importCSV(sample), nil, importer.Options{DuplicatePolicy: importer.PolicySkip})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := track.CommitImport(ctx, preview, role.ID, false, tracking.CommandLine); err != nil {
		t.Fatal(err)
	}
	return min(importer.MaxRows, max(sample, int(float64(sample)*lockFor.Seconds()/time.Since(start).Seconds())))
}

func importCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("Name,Email,Location,Source,Tags,Resume,Notes\n")
	for i := range n {
		fmt.Fprintf(&b, "Imported Person %d,imported%d@example.com,London,Referral,\"go, sql\",Builds services in Go and SQL %d,Met at meetup %d\n", i, i, i, i)
	}
	return []byte(b.String())
}

// problems collects what the user would have been shown.
type problems struct {
	mu   sync.Mutex
	errs []string
}

func (p *problems) add(who string, err error) {
	if err == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errs = append(p.errs, who+": "+err.Error())
}

// worst is the longest a call took, what the window would have waited.
type worst struct {
	mu sync.Mutex
	d  time.Duration
	n  int
}

func (w *worst) time(fn func()) {
	start := time.Now()
	fn()
	d := time.Since(start)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	w.d = max(w.d, d)
}

func TestConcurrentWorkNeverShowsLockErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("imports candidates for several seconds")
	}
	ctx := context.Background()
	f := newFixture(t)
	s, err := storage.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	track, iv := tracking.New(s), interviews.New(s)

	// Five submitted cards for the export, a draft for the window to
	// autosave and an application for it to drag about.
	var card, app int64
	yes, three := "yes", 3
	for i := range 7 {
		c, err := track.CreateCandidate(ctx, model.CandidateInput{Name: fmt.Sprintf("Panel Person %d", i), Email: fmt.Sprintf("panel%d@example.com", i)}, nil, f.recruiter)
		if err != nil {
			t.Fatal(err)
		}
		a, err := track.Apply(ctx, c.ID, f.role.ID, f.recruiter)
		if err != nil {
			t.Fatal(err)
		}
		app = a.ID
		if i == 6 {
			break
		}
		v, err := iv.StartInterview(ctx, a.ID, f.round.ID, f.sam)
		if err != nil {
			t.Fatal(err)
		}
		card = v.Card.ID
		if i == 5 {
			continue
		}
		var patches []scoring.Patch
		for _, q := range f.questions {
			patches = append(patches, scoring.Patch{QuestionID: q, Score: &three})
		}
		if _, err := iv.SaveDraft(ctx, card, patches, f.sam); err != nil {
			t.Fatal(err)
		}
		if _, err := iv.Submit(ctx, card, scoring.Patch{Recommendation: &yes}, f.sam); err != nil {
			t.Fatal(err)
		}
	}
	importRows := importSize(t)
	preview, _, err := track.PreviewImport(ctx, "people.csv", importCSV(importRows), nil, importer.Options{DuplicatePolicy: importer.PolicySkip})
	if err != nil {
		t.Fatal(err)
	}

	var p problems
	var ui, export, cmds worst
	var imported time.Duration
	stop := make(chan struct{})
	running := func() bool {
		select {
		case <-stop:
			return false
		default:
			return true
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(stop)
		// Let the others get going first.
		time.Sleep(300 * time.Millisecond)
		start := time.Now()
		res, err := track.CommitImport(ctx, preview, f.role.ID, false, f.recruiter)
		imported = time.Since(start)
		p.add("import", err)
		if err == nil && res.Created != importRows {
			p.add("import", fmt.Errorf("created %d candidates, want %d", res.Created, importRows))
		}
		// And keep on a little after it.
		time.Sleep(500 * time.Millisecond)
	})
	wg.Go(func() {
		for running() {
			export.time(func() {
				c, err := iv.Committee(ctx, f.role.ID, "test", scoring.Exporter{ProfileID: f.recruiter.ID, IsRecruiter: true})
				if err == nil {
					err = exports.WriteWorkbook(io.Discard, c)
				}
				p.add("export", err)
			})
			time.Sleep(100 * time.Millisecond)
		}
	})
	wg.Go(func() {
		for i := 0; running(); i++ {
			notes, stage := fmt.Sprintf("autosave %d", i), []int64{f.stageA, f.stageB}[i%2]
			ui.time(func() {
				_, err := iv.SaveDraft(ctx, card, []scoring.Patch{{Notes: &notes}}, f.sam)
				p.add("autosave", err)
			})
			ui.time(func() {
				_, err := track.Move(ctx, app, 0, stage, "", f.recruiter)
				p.add("move", err)
			})
			ui.time(func() {
				_, err := track.List(ctx, model.CandidateFilter{Query: "person", Limit: 50})
				p.add("search", err)
			})
			time.Sleep(20 * time.Millisecond)
		}
	})
	wg.Go(func() {
		for i := 0; running(); i++ {
			args := []string{"--data-dir", f.dir, "candidates", "add", "--name", fmt.Sprintf("Scripted Person %d", i), "--email", fmt.Sprintf("scripted%d@example.com", i)}
			if i%2 == 1 {
				args = []string{"--data-dir", f.dir, "candidates", "list", "--json"}
			}
			cmds.time(func() {
				out, err := helperCmd(t, job{Mode: "cli", Args: args}).CombinedOutput()
				if err != nil {
					p.add("second process", fmt.Errorf("%s: %v: %s", strings.Join(args[2:4], " "), err, lastLine(out)))
				}
			})
		}
	})
	wg.Wait()
	t.Logf("import of %d rows took %v; %d window calls (slowest %v), %d exports (slowest %v), %d commands in a second process (slowest %v)",
		importRows, imported.Round(time.Millisecond), ui.n, ui.d.Round(time.Millisecond), export.n, export.d.Round(time.Millisecond), cmds.n, cmds.d.Round(time.Millisecond))
	for _, e := range p.errs {
		if l := strings.ToLower(e); strings.Contains(l, "busy") || strings.Contains(l, "locked") {
			t.Errorf("a lock error reached the user: %s", e)
		} else {
			t.Errorf("unexpected error: %s", e)
		}
	}
	if cmds.n == 0 || export.n == 0 {
		t.Errorf("the second process ran %d commands and the export %d times; the test proves nothing", cmds.n, export.n)
	}
}

func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}

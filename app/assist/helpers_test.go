// Test fixtures: a workspace with one candidate applied to one role, a
// service pointed at the fake OpenAI server, and a reply the checklist accepts.

package assist_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

const resume = `Grace Hopper — grace@navy.example — +1 202 555 0143
She shipped a COBOL compiler to thousands of users at Remington Rand.
Cut the team's mainframe bill by 40% by batching jobs overnight.`

type fixture struct {
	ctx     context.Context
	dir     string
	store   *storage.Store
	iv      *interviews.Service
	srv     *openaitest.Server
	app     int64
	cand    int64
	ids     []string // the checklist's flag ids
	sleeps  []time.Duration
	notices []assist.Retrying
}

// seeded is the fixture's workspace, built once per run by seedFixture and
// copied for each test (building it takes seconds under -race).
var (
	seeded    = &storagetest.Template{Name: "assist fixture"}
	seededIDs fixture // cand, app and ids of the seeded workspace
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{ctx: context.Background(), dir: t.TempDir()}
	path := filepath.Join(f.dir, "workspace.db")
	seeded.CopyTo(t, path, func(t testing.TB, built string) { seededIDs = seedFixture(t, built) })
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f.store, f.iv = s, interviews.New(s)
	f.cand, f.app, f.ids = seededIDs.cand, seededIDs.app, slices.Clone(seededIDs.ids)
	f.srv = openaitest.New(t)
	return f
}

// seedFixture builds the workspace at path: the built-in rubric, Riley the
// recruiter, one role and Grace applied to it; it returns her ids and the
// screen checklist's flag ids. It closes the store, so the file holds all.
func seedFixture(t testing.TB, path string) fixture {
	t.Helper()
	f := fixture{ctx: context.Background()}
	s, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	iv := interviews.New(s)
	if _, err := iv.EnsureBuiltin(f.ctx); err != nil {
		t.Fatal(err)
	}
	svc := tracking.New(s)
	actor, err := svc.CreateProfile(f.ctx, "Riley Chen", true, true, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.CreateRole(f.ctx, model.RoleInput{Title: "LLM Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	c, err := svc.CreateCandidate(f.ctx, model.CandidateInput{Name: "Grace Hopper", Email: "grace@navy.example",
		Phone: "+1 202 555 0143", ResumeText: resume}, []int64{r.ID}, actor)
	if err != nil {
		t.Fatal(err)
	}
	d, err := svc.Detail(f.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.cand, f.app = c.ID, d.Applications[0].ID
	sc, err := iv.Screen(f.ctx, f.app)
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range sc.Checklist {
		f.ids = append(f.ids, fl.ID)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return f
}

// service: AI against the fake server, waits recorded instead of slept.
func (f *fixture) service(settings assist.Settings, opts ...assist.Option) *assist.Service {
	client := assist.NewOpenAI(f.srv.URL(), openaitest.Key, nil)
	opts = append([]assist.Option{
		assist.WithRandom(func() float64 { return 0.5 }),
		assist.WithSleep(func(_ context.Context, d time.Duration) error { f.sleeps = append(f.sleeps, d); return nil }),
		assist.WithRetryNotice(func(r assist.Retrying) { f.notices = append(f.notices, r) }),
	}, opts...)
	return assist.New(f.store, f.iv, client, settings, opts...)
}

type flagOut struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Quote  string `json:"quote"`
	Reason string `json:"reason"`
}

// reply is a model answer: the first flag present with quote, every other
// flag unclear with no quote.
func (f *fixture) reply(t *testing.T, quote string) string {
	t.Helper()
	out := struct {
		Flags []flagOut `json:"flags"`
	}{}
	for i, id := range f.ids {
		fl := flagOut{ID: id, Status: "unclear", Reason: "Not enough in the resume."}
		if i == 0 {
			fl = flagOut{ID: id, Status: "present", Quote: quote, Reason: "Shipped to users."}
		}
		out.Flags = append(out.Flags, fl)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ledger is every call recorded this month, per day/feature/model.
func (f *fixture) ledger(t *testing.T) []storage.AIUsageRow {
	t.Helper()
	rows, err := f.store.AIUsage(f.ctx, "2000-01-01T00:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

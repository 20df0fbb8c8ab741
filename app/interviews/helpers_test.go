// The workspace these tests share (a recruiter, three interviewers, Ada's
// application, a deep-dive round) and small helpers: submitting, raw SQL.

package interviews_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
	"hirebench/storage/storagetest"
)

type env struct {
	ctx     context.Context
	store   *storage.Store
	track   *tracking.Service
	iv      *interviews.Service
	builtin rubric.Version
	// recruiter plus three interviewers
	riley, sam, priya, jonas model.Profile
	role                     model.Role
	app                      model.Application // Ada's application
	round                    scoring.Round
}

// template is newEnv's workspace, seeded once per run by seedEnv and copied
// for each test (seeding takes seconds under -race); built is what seedEnv
// returned, its store closed, and builtAt where its clock stopped.
var (
	template = &storagetest.Template{Name: "interviews env"}
	built    env
	builtAt  time.Time
)

// newEnv is a copy of the shared workspace whose clock goes on from where
// seeding left it, a second per reading.
func newEnv(t *testing.T) *env {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workspace.db")
	template.CopyTo(t, path, func(t testing.TB, at string) {
		now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
		e := seedEnv(t, at, ticker(&now))
		if err := e.store.Close(); err != nil {
			t.Fatal(err)
		}
		built, builtAt = *e, now
	})
	now := builtAt
	s, err := storage.Open(path, storage.WithClock(ticker(&now)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	e := &env{ctx: context.Background(), store: s, track: tracking.New(s), iv: interviews.New(s),
		builtin: fresh(t, built.builtin), riley: fresh(t, built.riley), sam: fresh(t, built.sam), priya: fresh(t, built.priya),
		jonas: fresh(t, built.jonas), role: fresh(t, built.role), app: fresh(t, built.app), round: fresh(t, built.round)}
	return e
}

// fresh is a deep copy of v, so a test that edits what newEnv returned
// (a rubric's questions, say) changes nothing another test sees.
func fresh[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var c T
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, v) {
		t.Fatalf("a JSON copy of %T differs from the original", v)
	}
	return c
}

// ticker is a clock that moves a second each time it is read.
func ticker(now *time.Time) func() time.Time {
	var mu sync.Mutex
	return func() time.Time { mu.Lock(); defer mu.Unlock(); *now = now.Add(time.Second); return *now }
}

// seedEnv builds the shared workspace at path: the built-in rubric, Riley
// the recruiter, Sam, Priya and Jonas, the role, Ada's application and the
// deep dive (Sam and Priya).
func seedEnv(t testing.TB, path string, tick func() time.Time) *env {
	t.Helper()
	s, err := storage.Open(path, storage.WithClock(tick))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{ctx: context.Background(), store: s, track: tracking.New(s), iv: interviews.New(s)}
	if e.builtin, err = e.iv.EnsureBuiltin(e.ctx); err != nil {
		t.Fatalf("EnsureBuiltin: %v", err)
	}
	mk := func(name string, recruiter bool) model.Profile {
		p, err := e.track.CreateProfile(e.ctx, name, recruiter, false, model.Profile{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	e.riley, e.sam, e.priya, e.jonas = mk("Riley Chen", true), mk("Sam Okafor", false), mk("Priya Nair", false), mk("Jonas Weber", false)
	if e.role, err = e.track.CreateRole(e.ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen}); err != nil {
		t.Fatal(err)
	}
	e.app = e.candidate(t, "Ada Lovelace", "ada@example.com")
	comp := e.builtin.Content.Competencies[0]
	e.round, err = e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "Deep dive", RubricID: e.builtin.RubricID,
		Competencies: []string{comp.ID}, DurationMin: 60, InterviewerIDs: []int64{e.sam.ID, e.priya.ID}}, e.riley)
	if err != nil {
		t.Fatalf("SaveRound: %v", err)
	}
	return e
}

func (e *env) candidate(t testing.TB, name, email string) model.Application {
	t.Helper()
	c, err := e.track.CreateCandidate(e.ctx, model.CandidateInput{Name: name, Email: email,
		ResumeText: "Cut token spend by 40% with caching.\nShipped a support bot used by 20k customers."}, []int64{e.role.ID}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.track.Detail(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Applications[0]
}

// submit scores every question of Ada's deep dive and submits the card.
func (e *env) submit(t *testing.T, who model.Profile, score int) scoring.Scorecard {
	t.Helper()
	return e.submitFor(t, e.app, e.round, who, score)
}

// addRound adds a round on one competency of the built-in rubric.
func (e *env) addRound(t *testing.T, name, competency string, who ...model.Profile) scoring.Round {
	t.Helper()
	var ids []int64
	for _, p := range who {
		ids = append(ids, p.ID)
	}
	r, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: name, RubricID: e.builtin.RubricID,
		Competencies: []string{competency}, DurationMin: 45, InterviewerIDs: ids}, e.riley)
	if err != nil {
		t.Fatalf("SaveRound: %v", err)
	}
	return r
}

// submitFor scores every question of one round's card and submits it.
func (e *env) submitFor(t *testing.T, app model.Application, round scoring.Round, who model.Profile, score int) scoring.Scorecard {
	t.Helper()
	v, err := e.iv.StartInterview(e.ctx, app.ID, round.ID, who)
	if err != nil {
		t.Fatalf("StartInterview(%s): %v", who.Name, err)
	}
	for _, c := range v.Rubric.Competencies {
		for _, q := range c.Questions {
			if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &score}}, who); err != nil {
				t.Fatalf("SaveDraft: %v", err)
			}
		}
	}
	rec := "yes"
	c, err := e.iv.Submit(e.ctx, v.Card.ID, scoring.Patch{Recommendation: &rec}, who)
	if err != nil {
		t.Fatalf("Submit(%s): %v", who.Name, err)
	}
	return c
}

func firstQuestion(e *env) string {
	return e.builtin.Content.Competencies[0].Questions[0].ID
}

// rawDB opens the workspace file directly, as another program could.
func rawDB(t *testing.T, e *env) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", e.store.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func ptr[T any](v T) *T { return &v }

func mustExec(t *testing.T) func(sql.Result, error) {
	return func(_ sql.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

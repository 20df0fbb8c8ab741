// Test helpers for the tracking service: a fresh workspace with a fixed clock and a
// current profile, and shortcuts to create and look up roles, candidates and cards.

package tracking_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

type env struct {
	ctx   context.Context
	store *storage.Store
	svc   *tracking.Service
	clock *testClock
	actor model.Profile
}

// newEnv opens a fresh workspace file with a fixed clock and a current profile.
func newEnv(t *testing.T) *env {
	t.Helper()
	clk := &testClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"), storage.WithClock(clk.Now))
	if err != nil {
		t.Fatalf("storage.Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	e := &env{ctx: context.Background(), store: s, svc: tracking.New(s), clock: clk}
	e.actor, err = e.svc.CreateProfile(e.ctx, "Riley Chen", true, true, model.Profile{})
	if err != nil {
		t.Fatalf("CreateProfile: %v", err)
	}
	return e
}

func (e *env) role(t *testing.T, title string) model.Role {
	t.Helper()
	r, err := e.svc.CreateRole(e.ctx, model.RoleInput{Title: title})
	if err != nil {
		t.Fatalf("CreateRole %q: %v", title, err)
	}
	return r
}

func (e *env) candidate(t *testing.T, in model.CandidateInput, roles ...int64) model.Candidate {
	t.Helper()
	c, err := e.svc.CreateCandidate(e.ctx, in, roles, e.actor)
	if err != nil {
		t.Fatalf("CreateCandidate %q: %v", in.Name, err)
	}
	return c
}

func (e *env) count(t *testing.T) int {
	t.Helper()
	n, err := e.store.CountCandidates(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (e *env) detail(t *testing.T, id int64) model.CandidateDetail {
	t.Helper()
	d, err := e.svc.Detail(e.ctx, id)
	if err != nil {
		t.Fatalf("Detail(%d): %v", id, err)
	}
	return d
}

// app returns the candidate's application to a role.
func (e *env) app(t *testing.T, candidateID, roleID int64) model.Application {
	t.Helper()
	for _, a := range e.detail(t, candidateID).Applications {
		if a.RoleID == roleID {
			return a
		}
	}
	t.Fatalf("candidate %d has no application to role %d", candidateID, roleID)
	return model.Application{}
}

func (e *env) roleNow(t *testing.T, id int64) model.Role {
	t.Helper()
	r, err := e.svc.Role(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// search returns the ids of live candidates a query finds.
func (e *env) search(t *testing.T, q string) []int64 {
	t.Helper()
	page, err := e.svc.List(e.ctx, model.CandidateFilter{Query: q})
	if err != nil {
		t.Fatalf("List(%q): %v", q, err)
	}
	out := []int64{}
	for _, r := range page.Rows {
		out = append(out, r.ID)
	}
	slices.Sort(out)
	return out
}

// card finds a candidate's card on a role's board and the column it is in.
func (e *env) card(t *testing.T, roleID, candidateID int64) (model.BoardCard, string, bool) {
	t.Helper()
	b, err := e.svc.Board(e.ctx, roleID, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range b.Columns {
		for _, c := range col.Cards {
			if c.CandidateID == candidateID {
				return c, col.Stage.Name, true
			}
		}
	}
	return model.BoardCard{}, "", false
}

func stage(t *testing.T, r model.Role, name string) model.Stage {
	t.Helper()
	for _, st := range r.Stages {
		if st.Name == name {
			return st
		}
	}
	t.Fatalf("role %q has no stage %q (stages %v)", r.Title, name, stageNames(r))
	return model.Stage{}
}

func stageNames(r model.Role) []string {
	out := []string{}
	for _, st := range r.Stages {
		out = append(out, st.Name)
	}
	return out
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want *model.ValidationError naming %q", err, err, field)
	}
	for _, f := range ve.Fields {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("validation error %q does not name %q", ve.Error(), field)
}

func ptr[T any](v T) *T { return &v }

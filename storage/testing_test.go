// Test helpers for storage: a fresh workspace with a fixed clock, and shortcuts to
// create roles and candidates and run searches.

package storage

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/storage/storagetest"
)

// testClock is a fixed clock that only moves when a test advances it, so
// timestamps and "newest first" orderings are deterministic.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

var testEpoch = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

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

// emptyWorkspace is a new workspace, just created by Open.
var emptyWorkspace = &template{Template: storagetest.Template{Name: "empty"}}

// mustOpen opens a fresh workspace file in the test's temp dir with a fixed
// clock: a copy of one Open created (see template_test.go).
func mustOpen(t *testing.T) (*Store, *testClock) {
	t.Helper()
	return emptyWorkspace.open(t, func(*testing.T, *Store, *testClock) {})
}

var tester = model.Profile{Name: "Test Runner"}

func mustRole(t *testing.T, s *Store, title string) model.Role {
	t.Helper()
	r, err := s.CreateRole(context.Background(), model.RoleInput{Title: title, Status: model.RoleOpen}, DefaultPipeline)
	if err != nil {
		t.Fatalf("CreateRole %q: %v", title, err)
	}
	return r
}

// mustCandidate saves c (normalized as the service would) applied to roles.
func mustCandidate(t *testing.T, s *Store, c model.Candidate, roles ...int64) model.Candidate {
	t.Helper()
	c.Normalize()
	if err := c.Validate(); err != nil {
		t.Fatalf("test candidate %q is invalid: %v", c.Name, err)
	}
	out, err := s.CreateCandidate(context.Background(), c, roles, tester)
	if err != nil {
		t.Fatalf("CreateCandidate %q: %v", c.Name, err)
	}
	return out
}

func stageNamed(t *testing.T, r model.Role, name string) model.Stage {
	t.Helper()
	for _, st := range r.Stages {
		if st.Name == name {
			return st
		}
	}
	t.Fatalf("role %q has no stage %q", r.Title, name)
	return model.Stage{}
}

func onlyApplication(t *testing.T, s *Store, candidateID int64) model.Application {
	t.Helper()
	d, err := s.CandidateDetail(context.Background(), candidateID)
	if err != nil {
		t.Fatalf("CandidateDetail: %v", err)
	}
	if len(d.Applications) != 1 {
		t.Fatalf("candidate %d has %d applications, want 1", candidateID, len(d.Applications))
	}
	return d.Applications[0]
}

// search returns the ids of candidates matching a full-text query, sorted.
func search(t *testing.T, s *Store, query string, includeArchived bool) []int64 {
	t.Helper()
	page, err := s.ListCandidates(context.Background(), model.CandidateFilter{Query: query, IncludeArchived: includeArchived})
	if err != nil {
		t.Fatalf("ListCandidates(%q): %v", query, err)
	}
	ids := []int64{}
	for _, r := range page.Rows {
		ids = append(ids, r.ID)
	}
	if page.Total != len(ids) {
		t.Errorf("ListCandidates(%q): Total = %d but %d rows on a single page", query, page.Total, len(ids))
	}
	slices.Sort(ids)
	return ids
}

func ids(v ...int64) []int64 {
	out := append([]int64{}, v...)
	slices.Sort(out)
	return out
}

func wantValidation(t *testing.T, err error, field string) {
	t.Helper()
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want *model.ValidationError on %q", err, err, field)
	}
	for _, f := range ve.Fields {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("validation error %q does not name field %q", ve.Error(), field)
}

// Tests the demo seed: what it creates, that it is deterministic and follows the
// clock, that it leaves an existing workspace alone, and that its debriefs are coherent.

package demo_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/demo"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

func open(t *testing.T) (*storage.Store, *tracking.Service) {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, tracking.New(s)
}

// openAt opens a fresh workspace whose clock stands still at now.
func openAt(t *testing.T, now time.Time) (*storage.Store, *tracking.Service) {
	t.Helper()
	return openFileAt(t, filepath.Join(t.TempDir(), "workspace.db"), now)
}

func openFileAt(t *testing.T, path string, now time.Time) (*storage.Store, *tracking.Service) {
	t.Helper()
	s, err := storage.Open(path, storage.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, tracking.New(s)
}

func seed(t *testing.T, s *storage.Store, svc *tracking.Service) {
	t.Helper()
	seeded, err := demo.Seed(context.Background(), s)
	if err != nil {
		t.Fatalf("Seed: %v", err)
	}
	if !seeded {
		t.Fatal("Seed did not seed an empty workspace")
	}
}

type snapshot struct {
	roles   []model.Role
	details []model.CandidateDetail
}

func take(t *testing.T, s *storage.Store, svc *tracking.Service) snapshot {
	t.Helper()
	ctx := context.Background()
	var snap snapshot
	var err error
	if snap.roles, err = svc.Roles(ctx); err != nil {
		t.Fatal(err)
	}
	page, err := svc.List(ctx, model.CandidateFilter{IncludeArchived: true, Sort: "name", Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(page.Rows) {
		t.Fatalf("listed %d of %d candidates", len(page.Rows), page.Total)
	}
	for _, r := range page.Rows {
		d, err := svc.Detail(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		snap.details = append(snap.details, d)
	}
	return snap
}

// allTimes is every timestamp a seeded workspace shows.
func (s snapshot) allTimes() []string {
	var out []string
	for _, r := range s.roles {
		out = append(out, r.CreatedAt, r.UpdatedAt)
	}
	for _, d := range s.details {
		out = append(out, d.Candidate.CreatedAt, d.Candidate.UpdatedAt)
		for _, a := range d.Applications {
			out = append(out, a.CreatedAt, a.EnteredStageAt)
		}
		for _, n := range d.Notes {
			out = append(out, n.CreatedAt)
		}
		for _, h := range d.History {
			out = append(out, h.At)
		}
	}
	return out
}

func TestSeedWithRealClock(t *testing.T) {
	t.Parallel()
	s, svc := open(t)
	seed(t, s, svc)
	snap := take(t, s, svc)
	now := time.Now()

	if len(snap.roles) != 3 {
		t.Errorf("%d roles, want 3", len(snap.roles))
	}
	if n := len(snap.details); n < 35 || n > 45 {
		t.Errorf("%d candidates, want 35-45", n)
	}
	reasons, err := svc.RejectionReasons(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	notes, rejected, movedOn := 0, 0, 0
	emails := map[string]bool{}
	for _, d := range snap.details {
		c := d.Candidate
		if len(d.Applications) == 0 {
			t.Errorf("%s has no application", c.Name)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("demo candidate %s would not pass validation: %v", c.Name, err)
		}
		if emails[c.Email] {
			t.Errorf("email %s used twice", c.Email)
		}
		emails[c.Email] = true
		notes += len(d.Notes)
		for _, a := range d.Applications {
			if a.StageKind == model.StageRejected {
				rejected++
				if !slices.Contains(reasons, a.RejectionReason) {
					t.Errorf("%s rejected with unlisted reason %q", c.Name, a.RejectionReason)
				}
			} else if a.RejectionReason != "" {
				t.Errorf("%s is in %s with a rejection reason", c.Name, a.StageName)
			}
			if a.StageName != "Applied" {
				movedOn++
			}
		}
		if len(d.History) == 0 {
			t.Errorf("%s has no stage history", c.Name)
		}
	}
	if notes == 0 {
		t.Error("no notes were seeded")
	}
	if rejected == 0 || movedOn < 10 {
		t.Errorf("pipeline looks flat: %d rejected, %d past the first stage", rejected, movedOn)
	}
	for _, ts := range snap.allTimes() {
		at, err := time.Parse(model.TimeLayout, ts)
		if err != nil {
			t.Errorf("timestamp %q: %v", ts, err)
			continue
		}
		if at.After(now) {
			t.Errorf("timestamp %s is in the future (now %s)", ts, now.UTC().Format(model.TimeLayout))
		}
		if at.Before(now.Add(-60 * 24 * time.Hour)) {
			t.Errorf("timestamp %s is more than two months old", ts)
		}
	}
	// The simulated clock is put back afterwards.
	if d := time.Since(s.Now()); d < -time.Second || d > time.Second {
		t.Errorf("store clock left %v away from the real one", d)
	}
	// Every seeded candidate can be found by their name; accents need not be typed.
	fold := strings.NewReplacer("ä", "a", "á", "a", "é", "e")
	for _, d := range snap.details {
		q := fold.Replace(d.Candidate.Name)
		page, err := svc.List(context.Background(), model.CandidateFilter{Query: q})
		if err != nil || !slices.ContainsFunc(page.Rows, func(r model.CandidateRow) bool { return r.ID == d.Candidate.ID }) {
			t.Errorf("search %q does not find %s (%v)", q, d.Candidate.Name, err)
		}
	}
}

func TestSeedIsDeterministicAndRespectsClock(t *testing.T) {
	t.Parallel()
	// Two seeds at the same clock: the shared one (seeded in another
	// workspace earlier in this run) and a fresh one.
	s, svc := seededCopy(t)
	snaps := []snapshot{take(t, s, svc)}
	s, svc = openAt(t, fixed)
	seed(t, s, svc)
	if got := s.Now(); !got.Equal(fixed) {
		t.Errorf("Seed left the store clock at %v, want the injected one", got)
	}
	snaps = append(snaps, take(t, s, svc))
	describe := func(s snapshot) string {
		var b strings.Builder
		for _, r := range s.roles {
			fmt.Fprintf(&b, "role %s %v\n", r.Title, len(r.Stages))
		}
		for _, d := range s.details {
			c := d.Candidate
			fmt.Fprintf(&b, "%s|%s|%s|%s|%v|%s|%q|", c.Name, c.Email, c.Phone, c.Source, c.Tags, c.CreatedAt, c.ResumeText)
			for _, a := range d.Applications {
				fmt.Fprintf(&b, "%s:%s:%s|", a.RoleTitle, a.StageName, a.RejectionReason)
			}
			for _, n := range d.Notes {
				fmt.Fprintf(&b, "%s:%s:%s|", n.AuthorName, n.Body, n.CreatedAt)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	if a, b := describe(snaps[0]), describe(snaps[1]); a != b {
		t.Errorf("two seeds differ:\n%s\n---\n%s", a, b)
	}
	for _, ts := range snaps[0].allTimes() {
		at, err := time.Parse(model.TimeLayout, ts)
		if err != nil || at.After(fixed) {
			t.Errorf("timestamp %s is after the store's clock %s (%v)", ts, fixed, err)
		}
	}
}

func TestSeedLeavesExistingWorkspaceAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("has a role", func(t *testing.T) {
		s, svc := open(t)
		if _, err := svc.CreateRole(ctx, model.RoleInput{Title: "Mine"}); err != nil {
			t.Fatal(err)
		}
		seeded, err := demo.Seed(ctx, s)
		if err != nil || seeded {
			t.Fatalf("Seed = %v, %v; want false, nil", seeded, err)
		}
		if roles, _ := svc.Roles(ctx); len(roles) != 1 {
			t.Errorf("%d roles after refused seed", len(roles))
		}
	})
	t.Run("has only an archived candidate", func(t *testing.T) {
		s, svc := open(t)
		c, err := svc.CreateCandidate(ctx, model.CandidateInput{Name: "Mine"}, nil, tracking.CommandLine)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetArchived(ctx, c.ID, true, tracking.CommandLine); err != nil {
			t.Fatal(err)
		}
		seeded, err := demo.Seed(ctx, s)
		if err != nil || seeded {
			t.Fatalf("Seed = %v, %v; want false, nil", seeded, err)
		}
		if n, _ := s.CountCandidates(ctx); n != 1 {
			t.Errorf("%d candidates after refused seed", n)
		}
	})
	t.Run("second seed", func(t *testing.T) {
		t.Parallel()
		s, _ := seededCopy(t)
		n, _ := s.CountCandidates(ctx)
		seeded, err := demo.Seed(ctx, s)
		if err != nil || seeded {
			t.Fatalf("second Seed = %v, %v", seeded, err)
		}
		if m, _ := s.CountCandidates(ctx); m != n {
			t.Errorf("second seed changed the count %d -> %d", n, m)
		}
	})
}

// The demo's debriefs tell a story a recruiter believes: hires and offers
// are strong and fully interviewed, every role has incomplete candidates
// waiting for a round, most interviewed candidates have full coverage, one
// amendment made after reading the others is marked.
func TestDemoDebriefsAreCoherent(t *testing.T) {
	t.Parallel()
	s, svc := seededCopy(t)
	ctx := context.Background()
	iv := interviews.New(s)
	profiles, _ := svc.Profiles(ctx)
	var recruiter model.Profile
	for _, p := range profiles {
		if p.IsRecruiter {
			recruiter = p
		}
	}
	roles, _ := svc.Roles(ctx)
	var interviewed, full, amended int
	for _, r := range roles {
		d, err := iv.RoleDebrief(ctx, r.ID, recruiter)
		if err != nil {
			t.Fatal(err)
		}
		incomplete := 0
		for _, cd := range d.Candidates {
			deb := cd.Debrief
			interviewed++
			amended += deb.AmendedAfterSeeing
			if deb.Complete {
				full++
			} else {
				incomplete++
			}
			switch cd.Stage {
			case "Hired", "Offer":
				if !deb.Complete || deb.Composite == nil || *deb.Composite < 60 {
					t.Errorf("%s: %s in %s with composite %v, complete %v", r.Title, deb.CandidateName, cd.Stage, deb.Composite, deb.Complete)
				}
			}
			if deb.Composite != nil && *deb.Composite >= 80 && cd.Stage == "Rejected" {
				t.Errorf("%s: %s rejected with composite %.1f", r.Title, deb.CandidateName, *deb.Composite)
			}
			if deb.UncertaintyLabel == "" || len(deb.Interviewers) < 2 {
				t.Errorf("%s: %s has %d interviewers (%q)", r.Title, deb.CandidateName, len(deb.Interviewers), deb.UncertaintyLabel)
			}
		}
		if hired := countStage(d.Candidates, "Hired"); hired > 1 {
			t.Errorf("%s: %d hires", r.Title, hired)
		}
		if incomplete == 0 {
			t.Errorf("%s: no incomplete candidate to show what coverage means", r.Title)
		}
	}
	if interviewed < 12 || full*2 <= interviewed {
		t.Errorf("%d interviewed, %d with full coverage; want most of at least 12", interviewed, full)
	}
	if amended != 1 {
		t.Errorf("%d cards amended after seeing others, want the one the demo stages", amended)
	}
}

func countStage(cs []interviews.CandidateDebrief, stage string) int {
	n := 0
	for _, c := range cs {
		if c.Stage == stage {
			n++
		}
	}
	return n
}

// Package demo seeds a workspace with believable sample data: three roles,
// forty candidates (cast.go) spread over the pipeline, notes, tags, history,
// interview plans and scorecards. The same data every time (fixed random
// seed), so screenshots are stable.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

var roles = []model.RoleInput{
	{Title: "Senior AI Engineer", Team: "Applied AI", Location: "Remote (EU)", Status: model.RoleOpen},
	{Title: "Conversational AI Developer", Team: "Support Automation", Location: "Berlin", Status: model.RoleOpen},
	{Title: "LLM Platform Engineer", Team: "Infrastructure", Location: "London or remote", Status: model.RoleOnHold},
}

var profiles = []struct {
	name      string
	recruiter bool
}{{"Riley Chen", true}, {"Sam Okafor", false}, {"Priya Nair", false}, {"Jonas Weber", false}}

var sources = []string{"LinkedIn", "Referral", "Careers page", "GitHub", "Meetup", "Agency"}

// seeder is one seeding run: the workspace seen through the simulated
// clock, and what the steps share.
type seeder struct {
	ctx     context.Context
	store   *storage.Store
	svc     *tracking.Service
	rng     *rand.Rand
	people  []model.Profile
	roles   []model.Role
	reasons []string
	clock   time.Time
	end     time.Time
}

// tick moves the simulated clock on, never past the workspace's now.
func (s *seeder) tick(d time.Duration) {
	if s.clock = s.clock.Add(d); s.clock.After(s.end) {
		s.clock = s.end
	}
}

// hours ticks between lo and hi hours.
func (s *seeder) hours(lo, hi int) { s.tick(time.Duration(lo+s.rng.IntN(hi-lo+1)) * time.Hour) }

// Seed fills an empty workspace and reports whether it did; a workspace
// that already has roles or candidates is left alone.
func Seed(ctx context.Context, workspace *storage.Store) (bool, error) {
	existing, err := tracking.New(workspace).Roles(ctx)
	if err != nil {
		return false, err
	}
	n, err := workspace.CountCandidates(ctx)
	if err != nil {
		return false, err
	}
	if len(existing) > 0 || n > 0 {
		return false, nil
	}

	// A simulated clock walks through the last six weeks so history reads
	// naturally: everything is written through a view of the workspace
	// with that clock, and the workspace's own clock is left alone.
	s := &seeder{ctx: ctx, end: workspace.Now(), rng: rand.New(rand.NewPCG(2026, 11))}
	s.clock = s.end.Add(-45 * 24 * time.Hour)
	s.store = workspace.Clocked(func() time.Time { return s.clock })
	s.svc = tracking.New(s.store)
	if err := s.setUp(); err != nil {
		return false, err
	}
	// Those who reached the interviews applied first; their interviews and
	// the debrief come next, and the newest applicants arrive last.
	var held []interviewee
	for _, p := range cast {
		if p.path < waiting {
			continue
		}
		app, err := s.arrive(p)
		if err != nil {
			return false, err
		}
		held = append(held, interviewee{app: app, role: s.roles[p.role], person: p})
	}
	if err := s.seedInterviews(held); err != nil {
		return false, fmt.Errorf("demo: interviews: %w", err)
	}
	for _, p := range cast {
		if p.path >= waiting {
			continue
		}
		s.hours(2, 10)
		if _, err := s.arrive(p); err != nil {
			return false, err
		}
	}
	return true, nil
}

// setUp makes the profiles and the roles; the platform role has a
// take-home between the screen and the interviews.
func (s *seeder) setUp() error {
	for _, p := range profiles {
		made, err := s.svc.CreateProfile(s.ctx, p.name, p.recruiter, false, model.Profile{})
		if err != nil {
			return fmt.Errorf("demo: profile: %w", err)
		}
		s.people = append(s.people, made)
	}
	for _, in := range roles {
		r, err := s.svc.CreateRole(s.ctx, in)
		if err != nil {
			return fmt.Errorf("demo: role: %w", err)
		}
		s.roles = append(s.roles, r)
	}
	r, err := s.svc.AddStage(s.ctx, s.roles[platform].ID, "Take-home")
	if err != nil {
		return err
	}
	// Wherever a new stage lands, the take-home comes right after the screen.
	var order []int64
	var takeHome int64
	for _, st := range r.Stages {
		switch {
		case st.Kind == model.StageRejected: // always last, not reordered
		case st.Name == "Take-home":
			takeHome = st.ID
		default:
			order = append(order, st.ID)
		}
	}
	at := slices.IndexFunc(order, func(id int64) bool { return id == stageNamed(r, "Screen").ID })
	order = slices.Insert(order, at+1, takeHome)
	if s.roles[platform], err = s.svc.ReorderStages(s.ctx, r.ID, order); err != nil {
		return err
	}
	s.reasons, err = s.svc.RejectionReasons(s.ctx)
	return err
}

// arrive adds a person as a candidate for their role and walks them as
// far as their path goes before the interviews: the interviews decide
// where the interviewed go next.
func (s *seeder) arrive(p person) (model.Application, error) {
	first, last, _ := strings.Cut(p.name, " ")
	handle := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "ä", "a", "á", "a", "é", "e").Replace(first + "." + last))
	in := model.CandidateInput{
		Name:       p.name,
		Email:      handle + "@example.com",
		Phone:      fmt.Sprintf("+44 20 7946 %04d", s.rng.IntN(10000)),
		Location:   []string{"London", "Berlin", "Lisbon", "Remote", "Paris", "Warsaw"}[s.rng.IntN(6)],
		GitHub:     "https://github.com/" + strings.ReplaceAll(handle, ".", ""),
		Source:     sources[s.rng.IntN(len(sources))],
		Tags:       p.tags,
		ResumeText: p.resume(),
	}
	if s.rng.IntN(3) == 0 {
		in.LinkedIn = "https://www.linkedin.com/in/" + strings.ReplaceAll(handle, ".", "-")
	}
	role := s.roles[p.role]
	s.hours(4, 8)
	c, err := s.svc.CreateCandidate(s.ctx, in, []int64{role.ID}, s.people[s.rng.IntN(len(s.people))])
	if err != nil {
		return model.Application{}, fmt.Errorf("demo: candidate %s: %w", p.name, err)
	}
	if err := s.selfIdentify(c.ID, p.name); err != nil {
		return model.Application{}, fmt.Errorf("demo: self-identification: %w", err)
	}
	detail, err := s.svc.Detail(s.ctx, c.ID)
	if err != nil {
		return model.Application{}, err
	}
	app := detail.Applications[0]
	var stages []string
	switch p.path {
	case screened, turnedAway:
		stages = []string{"Screen"}
	case tookHome:
		stages = []string{"Screen", "Take-home"}
	case waiting, interviewed:
		stages = []string{"Screen", "Interview"}
		if p.role == platform {
			stages = []string{"Screen", "Take-home", "Interview"}
		}
	}
	for _, name := range stages {
		s.hours(1, 4)
		if err := s.move(app.ID, stageNamed(role, name), ""); err != nil {
			return model.Application{}, err
		}
	}
	for _, n := range p.notes {
		s.hours(1, 5)
		if _, err := s.svc.AddNote(s.ctx, c.ID, n.text, s.people[n.by]); err != nil {
			return model.Application{}, fmt.Errorf("demo: note: %w", err)
		}
	}
	if p.path == turnedAway {
		s.hours(2, 24)
		if !slices.Contains(s.reasons, p.reason) {
			return model.Application{}, fmt.Errorf("demo: %q is not a rejection reason", p.reason)
		}
		if err := s.move(app.ID, rejectedStage(role), p.reason); err != nil {
			return model.Application{}, err
		}
	}
	return app, nil
}

// move moves an application as the recruiter.
func (s *seeder) move(app int64, to model.Stage, reason string) error {
	if _, err := s.svc.Move(s.ctx, app, 0, to.ID, reason, s.people[riley]); err != nil {
		return fmt.Errorf("demo: move to %s: %w", to.Name, err)
	}
	return nil
}

// resume is the person's resume as they would paste it.
func (p person) resume() string {
	var b strings.Builder
	b.WriteString(p.name + "\n" + p.headline + "\n")
	for _, l := range p.lines {
		b.WriteString("- " + l + "\n")
	}
	b.WriteString("Skills: " + p.skills)
	return b.String()
}

func stageNamed(r model.Role, name string) model.Stage {
	for _, s := range r.Stages {
		if s.Name == name {
			return s
		}
	}
	return r.Stages[0]
}

func rejectedStage(r model.Role) model.Stage {
	for _, s := range r.Stages {
		if s.Kind == model.StageRejected {
			return s
		}
	}
	return r.Stages[len(r.Stages)-1]
}

// Package demo seeds a workspace with believable sample data: three roles,
// about forty candidates spread over the pipeline, notes, tags and history.
// The same data every time (fixed random seed), so screenshots are stable.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
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

var firstNames = []string{"Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Ken", "Frances", "Dennis", "Radia",
	"Tim", "Hedy", "Guido", "Katherine", "Bjarne", "Shafi", "Edsger", "Sophie", "Yukihiro", "Joan", "Leslie", "Mary",
	"Niklaus", "Anita", "Donald", "Karen", "John", "Lynn", "Rasmus", "Jean", "Brian", "Evelyn", "Whitfield", "Carol",
	"Rob", "Adele", "Ward", "Cynthia", "James", "Ellen", "Chioma", "Mateo", "Aiko", "Dmitri"}

var lastNames = []string{"Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Thompson", "Allen",
	"Ritchie", "Perlman", "Berners-Lee", "Lamarr", "van Rossum", "Johnson", "Stroustrup", "Goldwasser", "Dijkstra",
	"Wilson", "Matsumoto", "Clarke", "Lamport", "Shaw", "Wirth", "Borg", "Knuth", "Spärck Jones", "McCarthy",
	"Conway", "Lerdorf", "Sammet", "Kernighan", "Berezin", "Diffie", "Shaw", "Pike", "Goldberg", "Cunningham",
	"Dwork", "Gosling", "Ullman", "Okoye", "Fernández", "Tanaka", "Volkov"}

var sources = []string{"LinkedIn", "Referral", "Careers page", "GitHub", "Meetup", "Agency"}

var tagPool = []string{"python", "typescript", "go", "rag", "evals", "function-calling", "fine-tuning",
	"streaming", "cost-aware", "chatbots", "content-gen", "production", "mentor", "remote"}

var resumeLines = []string{
	"Built a customer-support assistant on the Chat Completions API with function calling into the order system.",
	"Shipped a retrieval pipeline over 2M help-centre articles with embeddings and hybrid search.",
	"Cut monthly token spend by 40% by routing simple requests to a smaller model and caching answers.",
	"Wrote an evaluation harness with golden sets and model-graded checks run on every prompt change.",
	"Handled rate limits with exponential backoff, request queues and graceful degradation.",
	"Fine-tuned a model for product-description tone after prompt engineering plateaued.",
	"Streams responses to a React front end and moderates inputs and outputs.",
	"Five years of backend work in Go and Python before moving to LLM applications.",
	"Runs a meetup on practical prompt engineering; open-source contributor to an agent framework.",
	"Monitors latency, cost per request and answer quality in production dashboards.",
}

var noteLines = []string{
	"Strong on cost trade-offs; explained when a smaller model is enough.",
	"Could not say how they test prompt changes. Probe evaluation in the next round.",
	"Great portfolio: a live chatbot with streaming and tool calls.",
	"Salary expectation at the top of the band.",
	"Asked thoughtful questions about our data retention rules.",
	"Answers were vague on rate limiting; said 'it just retries'.",
	"Referred by a former colleague; available in six weeks.",
	"Prefers remote; fine with one on-site week per quarter.",
}

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
	end := workspace.Now()
	clock := end.Add(-45 * 24 * time.Hour)
	tick := func(d time.Duration) {
		if clock = clock.Add(d); clock.After(end) {
			clock = end
		}
	}
	store := workspace.Clocked(func() time.Time { return clock })
	svc := tracking.New(store)
	rng := rand.New(rand.NewPCG(2026, 11))

	people := make([]model.Profile, len(profiles))
	for i, p := range profiles {
		if people[i], err = svc.CreateProfile(ctx, p.name, p.recruiter, false, model.Profile{}); err != nil {
			return false, fmt.Errorf("demo: profile: %w", err)
		}
	}
	var made []model.Role
	for _, in := range roles {
		r, err := svc.CreateRole(ctx, in)
		if err != nil {
			return false, fmt.Errorf("demo: role: %w", err)
		}
		made = append(made, r)
	}
	if made[2], err = svc.AddStage(ctx, made[2].ID, "Take-home"); err != nil {
		return false, err
	}
	reasons, err := svc.RejectionReasons(ctx)
	if err != nil {
		return false, err
	}

	var interviewed []interviewee
	const count = 40
	perm := rng.Perm(len(lastNames))
	for i := range count {
		first, last := firstNames[i%len(firstNames)], lastNames[perm[i%len(perm)]]
		name := first + " " + last
		handle := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "ä", "a", "á", "a", "é", "e").Replace(first + "." + last))
		in := model.CandidateInput{
			Name:       name,
			Email:      handle + "@example.com",
			Phone:      fmt.Sprintf("+44 20 7946 %04d", rng.IntN(10000)),
			Location:   []string{"London", "Berlin", "Lisbon", "Remote", "Paris", "Warsaw"}[rng.IntN(6)],
			GitHub:     "https://github.com/" + strings.ReplaceAll(handle, ".", ""),
			Source:     sources[rng.IntN(len(sources))],
			Tags:       pick(rng, tagPool, 1+rng.IntN(3)),
			ResumeText: name + "\n" + strings.Join(pick(rng, resumeLines, 3), "\n"),
		}
		if rng.IntN(3) == 0 {
			in.LinkedIn = "https://www.linkedin.com/in/" + strings.ReplaceAll(handle, ".", "-")
		}
		role := made[i%len(made)]
		actor := people[rng.IntN(len(people))]
		tick(time.Duration(6+rng.IntN(7)) * time.Hour)
		c, err := svc.CreateCandidate(ctx, in, []int64{role.ID}, actor)
		if err != nil {
			return false, fmt.Errorf("demo: candidate %d: %w", i, err)
		}
		detail, err := svc.Detail(ctx, c.ID)
		if err != nil {
			return false, err
		}
		app := detail.Applications[0]
		// Walk the candidate some way down the pipeline, at most to Interview:
		// where interviewed candidates go next, the interviews decide.
		steps := rng.IntN(5) // 0 Applied, 1 Screen, 2 Interview (some rounds), 3–4 every round
		ability := 1.5 + rng.Float64()*2.4
		for s := 1; s <= min(steps, 2); s++ {
			tick(time.Duration(1+rng.IntN(10)) * time.Hour)
			if _, err := svc.Move(ctx, app.ID, stageNamed(role, pipelineAt[s]).ID, "", people[rng.IntN(len(people))]); err != nil {
				return false, fmt.Errorf("demo: move: %w", err)
			}
		}
		if steps < 2 && rng.IntN(5) == 0 {
			if _, err := svc.Move(ctx, app.ID, rejectedStage(role).ID, reasons[rng.IntN(len(reasons))], people[0]); err != nil {
				return false, fmt.Errorf("demo: reject: %w", err)
			}
		}
		for range rng.IntN(3) {
			tick(time.Duration(1+rng.IntN(5)) * time.Hour)
			if _, err := svc.AddNote(ctx, c.ID, noteLines[rng.IntN(len(noteLines))], people[rng.IntN(len(people))]); err != nil {
				return false, fmt.Errorf("demo: note: %w", err)
			}
		}
		if steps >= 2 {
			interviewed = append(interviewed, interviewee{app: app, role: role, ability: ability, allRounds: steps >= 3})
		}
	}
	if err := seedInterviews(ctx, store, svc, made, people, interviewed, reasons, rng, tick); err != nil {
		return false, fmt.Errorf("demo: interviews: %w", err)
	}
	return true, nil
}

// pipelineAt names the default pipeline's first stages.
var pipelineAt = []string{"Applied", "Screen", "Interview"}

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

func pick(rng *rand.Rand, pool []string, n int) []string {
	idx := rng.Perm(len(pool))[:n]
	out := make([]string, n)
	for i, j := range idx {
		out[i] = pool[j]
	}
	return out
}

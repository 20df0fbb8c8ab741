// Seeds the demo's interviews: each role's three-round plan, scorecards whose
// scores follow each candidate's strengths and each interviewer's habits, one
// late amendment, one split panel, and candidates moved to where their
// debrief puts them.

package demo

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// Each role's track in the built-in rubric.
var roleTracks = []string{seniorAI: "production", conversational: "conversational", platform: "production"}

// Rater habits make the calibration numbers worth reading: Sam scores
// generously, Jonas is strict, Priya and Riley sit near the panel. Small
// enough that the panels still agree on who is strong (calibration's
// bottom line), large enough that the leniency table names Sam and Jonas.
var leniency = []float64{riley: 0, sam: 0.25, priya: 0.1, jonas: -0.25}

const (
	// noise is how far one answer strays from the candidate's level (sd,
	// in levels), before it is rounded to the scale.
	noise = 0.15
	// split is how far a split panel's champion and sceptic stray, in the
	// deep dive where both sit.
	split = 1.0
)

// interviewee is a candidate who reached the interviews.
type interviewee struct {
	app    model.Application
	role   model.Role
	person person
}

// Where the debrief sends a role's fully interviewed candidates: the best
// is hired where the role has a hire to make, the next strong ones in the
// role's top third get its offers, clear misses are rejected, and the rest
// wait for the committee. Composites are 0–100.
var outcomes = []struct {
	hire   bool
	offers int
}{seniorAI: {true, 1}, conversational: {false, 2}, platform: {true, 0}}

const (
	hireAt   = 75
	offerAt  = 65
	rejectAt = 45
)

// seedInterviews gives every role a three-round plan from the built-in
// rubric and runs it: the recruiter's phone screen, a technical deep dive
// with three interviewers and a system design round with two. Candidates
// who are waiting have not had the system design round, so their debrief
// shows as incomplete. Then each candidate moves to where their debrief
// says they belong.
func (s *seeder) seedInterviews(held []interviewee) error {
	iv := interviews.New(s.store)
	builtin, err := iv.EnsureBuiltin(s.ctx)
	if err != nil {
		return err
	}
	var core []string
	for _, c := range builtin.Content.Competencies {
		// The demo's panels predate this competency; leaving it out keeps
		// every seeded score, and so the story, as it was.
		if c.Track == "" && c.ID != "learning-new-apis" {
			core = append(core, c.ID)
		}
	}
	if len(core) < 6 {
		return fmt.Errorf("built-in rubric has %d core competencies", len(core))
	}
	recruiter, panel := s.people[riley], s.people[sam:]
	rounds := map[int64][]scoring.Round{}
	for i, role := range s.roles {
		var track []string
		for _, c := range builtin.Content.Competencies {
			if c.Track == roleTracks[i] {
				track = append(track, c.ID)
			}
		}
		plan := []scoring.RoundInput{
			{Name: "Phone screen", Competencies: core[:2], DurationMin: 30, InterviewerIDs: []int64{recruiter.ID}},
			{Name: "Technical deep dive", Competencies: core[2:5], DurationMin: 60, InterviewerIDs: ids(panel)},
			{Name: "System design", Competencies: append(slices.Clone(core[5:]), track...), DurationMin: 60,
				InterviewerIDs: ids(panel[:2])},
		}
		for _, in := range plan {
			in.RoleID, in.RubricID = role.ID, builtin.RubricID
			r, err := iv.SaveRound(s.ctx, in, recruiter)
			if err != nil {
				return err
			}
			rounds[role.ID] = append(rounds[role.ID], r)
		}
	}
	// Fixed before anyone scores: the first role cares most about reliability.
	if _, err := iv.SetWeights(s.ctx, s.roles[seniorAI].ID, []scoring.WeightEdit{{CompetencyID: rate, Weight: 2}},
		"Reliability under load is this team's daily work", recruiter); err != nil {
		return err
	}
	for _, c := range held {
		plan := rounds[c.role.ID]
		if c.person.path == waiting {
			plan = plan[:2]
		}
		var deepDive []scoring.Scorecard
		for _, round := range plan {
			s.hours(1, 4)
			for _, who := range round.Interviewers {
				s.hours(1, 2)
				card, err := s.interview(iv, c, round, who)
				if err != nil {
					return err
				}
				if round.Name == "Technical deep dive" {
					deepDive = append(deepDive, card)
				}
			}
		}
		// One interviewer changes their mind after reading the others: the
		// debrief marks it "amended after seeing others".
		if c.person.amend {
			for _, card := range deepDive {
				if card.AuthorID == s.people[jonas].ID {
					s.hours(2, 6)
					if err := s.amendAfterDebrief(iv, card); err != nil {
						return err
					}
				}
			}
		}
		if c.person.path == waiting && c.person.later != "" {
			if _, err := s.svc.AddNote(s.ctx, c.app.CandidateID, c.person.later, s.people[riley]); err != nil {
				return err
			}
		}
	}
	for _, role := range s.roles {
		if err := s.placeByDebrief(iv, role); err != nil {
			return err
		}
	}
	return nil
}

// interview runs one round for one candidate: every question scored around
// the candidate's level in its competency, shifted by the interviewer's
// habit (and, on a split panel, by where they stand on this candidate).
func (s *seeder) interview(iv *interviews.Service, c interviewee, round scoring.Round, who model.Profile) (scoring.Scorecard, error) {
	view, err := iv.StartInterview(s.ctx, c.app.ID, round.ID, who)
	if err != nil {
		return scoring.Scorecard{}, err
	}
	r := view.Rubric
	at := slices.IndexFunc(s.people, func(p model.Profile) bool { return p.ID == who.ID })
	shift := leniency[at]
	if c.person.split && round.Name == "Technical deep dive" {
		shift += map[int]float64{priya: split, jonas: -split}[at]
	}
	var patches []scoring.Patch
	sum, n := 0, 0
	for _, comp := range r.Competencies {
		for _, q := range comp.Questions {
			x := c.person.ability(comp.ID) + shift + s.rng.NormFloat64()*noise
			score := clamp(int(math.Round(x)), r.Scale.Min, r.Scale.Max)
			sum, n = sum+score, n+1
			notes := ""
			if s.rng.IntN(2) == 0 {
				notes = remark(q.ID, score)
			}
			patches = append(patches, scoring.Patch{QuestionID: q.ID, Score: &score, AnswerNotes: &notes})
		}
	}
	if _, err := iv.SaveDraft(s.ctx, view.Card.ID, patches, who); err != nil {
		return scoring.Scorecard{}, err
	}
	// The recommendation follows the interviewer's own scores.
	mean, call := float64(sum)/float64(max(n, 1)), 0
	for _, bar := range []float64{1.8, 2.6, 3.5} { // no, yes, strong yes
		if mean >= bar {
			call++
		}
	}
	rec := string(rubric.Recommendations[call])
	pool := cardNotes[call]
	notes := pool[s.rng.IntN(len(pool))]
	return iv.Submit(s.ctx, view.Card.ID, scoring.Patch{Recommendation: &rec, Notes: &notes}, who)
}

// ability is how well the person answers a competency's questions.
func (p person) ability(competency string) float64 {
	a := p.level
	if slices.Contains(p.strong, competency) {
		a += 0.5
	}
	if slices.Contains(p.weak, competency) {
		a -= 0.6
	}
	return a
}

// amendAfterDebrief raises Jonas's first score below the top by one.
func (s *seeder) amendAfterDebrief(iv *interviews.Service, card scoring.Scorecard) error {
	answers := map[string]scoring.Answer{}
	for _, id := range slices.Sorted(maps.Keys(card.Answers)) { // in a fixed order: the demo is the same every time
		a := card.Answers[id]
		if a.Score != nil && *a.Score < 4 {
			up := *a.Score + 1
			a.Score = &up
			answers[id] = a
			break
		}
	}
	_, err := iv.Amend(s.ctx, card.ID, interviews.Amendment{Answers: answers, Reason: "Re-read my notes after the debrief"}, s.people[jonas])
	return err
}

// placeByDebrief moves each fully interviewed candidate of a role to where
// the role's debrief says they belong (outcomes), and writes the
// recruiter's notes on the decisions.
func (s *seeder) placeByDebrief(iv *interviews.Service, role model.Role) error {
	recruiter := s.people[riley]
	d, err := iv.RoleDebrief(s.ctx, role.ID, recruiter)
	if err != nil {
		return err
	}
	byName := map[string]person{}
	for _, p := range cast {
		byName[p.name] = p
	}
	at := slices.IndexFunc(s.roles, func(r model.Role) bool { return r.ID == role.ID })
	hire, offers := outcomes[at].hire, outcomes[at].offers
	ranked := 0
	for _, cd := range d.Candidates {
		if cd.Rank > 0 {
			ranked++
		}
	}
	top := (ranked + 2) / 3
	for _, cd := range d.Candidates {
		deb := cd.Debrief
		if !deb.Complete || deb.Composite == nil {
			continue
		}
		p := byName[deb.CandidateName]
		app, err := s.applicationOf(deb.CandidateID, role.ID)
		if err != nil {
			return err
		}
		s.hours(2, 4)
		var to []model.Stage
		reason := ""
		switch v := *deb.Composite; {
		case p.offer != "":
			to = []model.Stage{stageNamed(role, "Offer")}
		case cd.Rank == 1 && hire && v >= hireAt:
			to = []model.Stage{stageNamed(role, "Offer"), stageNamed(role, "Hired")}
		case cd.Rank <= top && offers > 0 && v >= offerAt:
			offers--
			to = []model.Stage{stageNamed(role, "Offer")}
		case v < rejectAt:
			to, reason = []model.Stage{rejectedStage(role)}, s.reasons[0] // skills below the bar
		}
		for _, stage := range to {
			if err := s.move(app, stage, reason); err != nil {
				return err
			}
		}
		for _, text := range []string{p.offer, p.later} {
			if text != "" {
				if _, err := s.svc.AddNote(s.ctx, deb.CandidateID, text, recruiter); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (s *seeder) applicationOf(candidateID, roleID int64) (int64, error) {
	d, err := s.svc.Detail(s.ctx, candidateID)
	if err != nil {
		return 0, err
	}
	for _, a := range d.Applications {
		if a.RoleID == roleID {
			return a.ID, nil
		}
	}
	return 0, fmt.Errorf("candidate %d has no application for role %d", candidateID, roleID)
}

func ids(ps []model.Profile) []int64 {
	out := make([]int64, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }

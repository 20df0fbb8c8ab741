// Seeds the demo's interviews: each role's three-round plan, scorecards with rater
// habits, one late amendment, and candidates moved to where their debrief puts them.

package demo

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// Each role's track in the built-in rubric.
var roleTracks = []string{"production", "conversational", "production"}

// Rater habits make the calibration numbers worth reading: Sam scores
// generously, Jonas is strict, Priya sits near the panel.
var leniency = map[string]float64{"Sam Okafor": 0.5, "Priya Nair": 0, "Jonas Weber": -0.5, "Riley Chen": 0}

var cardNotes = []string{
	"Concrete examples from production; numbers to back them up.",
	"Knew the vocabulary but stayed abstract when pushed for specifics.",
	"Good instincts; would benefit from more exposure to scale.",
	"Clear, structured answers. Asked sharp clarifying questions.",
}

// interviewee is a candidate who reached the interviews, with how good
// they really are (on the 1–4 scale) and whether every round took place.
type interviewee struct {
	app       model.Application
	role      model.Role
	ability   float64
	allRounds bool
}

// Where the interviews send candidates, by composite (0–100) among those
// with every round done: the best of a role is hired, the next strong ones
// get offers, clear misses are rejected.
const (
	hireAt   = 68
	offerAt  = 60
	rejectAt = 40
)

// seedInterviews gives every role a three-round plan from the built-in
// rubric and runs it: the recruiter's phone screen, a technical deep dive
// with three interviewers and a system design round with two. Two thirds
// of the interviewed candidates have had every round; the others wait for
// the system design round, so their debrief shows as incomplete. Then each
// candidate moves to where their debrief says they belong.
func seedInterviews(ctx context.Context, store *storage.Store, svc *tracking.Service, roles []model.Role, people []model.Profile,
	candidates []interviewee, reasons []string, rng *rand.Rand, tick func(time.Duration)) error {
	iv := interviews.New(store)
	builtin, err := iv.EnsureBuiltin(ctx)
	if err != nil {
		return err
	}
	var core []string
	for _, c := range builtin.Content.Competencies {
		if c.Track == "" {
			core = append(core, c.ID)
		}
	}
	if len(core) < 6 {
		return fmt.Errorf("built-in rubric has %d core competencies", len(core))
	}
	recruiter, panel := people[0], people[1:]
	rounds := map[int64][]scoring.Round{}
	for i, role := range roles {
		var track []string
		for _, c := range builtin.Content.Competencies {
			if c.Track == roleTracks[i] {
				track = append(track, c.ID)
			}
		}
		plan := []scoring.RoundInput{
			{Name: "Phone screen", Competencies: core[:2], DurationMin: 30, InterviewerIDs: []int64{recruiter.ID}},
			{Name: "Technical deep dive", Competencies: core[2:5], DurationMin: 60, InterviewerIDs: ids(panel)},
			{Name: "System design", Competencies: append(append([]string{}, core[5:]...), track...), DurationMin: 60,
				InterviewerIDs: ids(panel[:2])},
		}
		for _, in := range plan {
			in.RoleID, in.RubricID = role.ID, builtin.RubricID
			r, err := iv.SaveRound(ctx, in, recruiter)
			if err != nil {
				return err
			}
			rounds[role.ID] = append(rounds[role.ID], r)
		}
	}
	// Fixed before anyone scores: the first role cares most about reliability.
	if _, err := iv.SetWeights(ctx, roles[0].ID, []scoring.WeightEdit{{CompetencyID: "errors-rate-limits", Weight: 2}},
		"Reliability under load is this team's daily work", recruiter); err != nil {
		return err
	}
	var amended bool
	for _, c := range candidates {
		plan := rounds[c.role.ID]
		held := plan
		if !c.allRounds {
			held = plan[:2]
		}
		var deepDive []scoring.Scorecard
		for _, round := range held {
			for _, who := range round.Interviewers {
				tick(time.Duration(1+rng.IntN(4)) * time.Hour)
				card, err := interview(ctx, iv, c, round, who, rng)
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
		if !amended && c.allRounds && c.role.ID == roles[0].ID {
			amended = true
			jonas := panel[len(panel)-1]
			for _, card := range deepDive {
				if card.AuthorID == jonas.ID {
					if err := amendAfterDebrief(ctx, iv, card, jonas); err != nil {
						return err
					}
				}
			}
		}
	}
	for _, role := range roles {
		if err := placeByDebrief(ctx, iv, svc, role, recruiter, reasons, tick); err != nil {
			return err
		}
	}
	return nil
}

// interview runs one round for one candidate: every question scored around
// the candidate's ability, shifted by the interviewer's habit.
func interview(ctx context.Context, iv *interviews.Service, c interviewee, round scoring.Round, who model.Profile, rng *rand.Rand) (scoring.Scorecard, error) {
	view, err := iv.StartInterview(ctx, c.app.ID, round.ID, who)
	if err != nil {
		return scoring.Scorecard{}, err
	}
	r := view.Rubric
	var patches []scoring.Patch
	for _, comp := range r.Competencies {
		for _, q := range comp.Questions {
			score := clamp(int(c.ability+leniency[who.Name]+rng.NormFloat64()*0.5+0.5), r.Scale.Min, r.Scale.Max)
			notes := ""
			if rng.IntN(3) == 0 {
				notes = cardNotes[rng.IntN(len(cardNotes))]
			}
			patches = append(patches, scoring.Patch{QuestionID: q.ID, Score: &score, AnswerNotes: &notes})
		}
	}
	if _, err := iv.SaveDraft(ctx, view.Card.ID, patches, who); err != nil {
		return scoring.Scorecard{}, err
	}
	rec := string(rubric.Recommendations[clamp(int(c.ability+leniency[who.Name]+0.2), 1, 4)-1])
	notes := cardNotes[rng.IntN(len(cardNotes))]
	return iv.Submit(ctx, view.Card.ID, scoring.Patch{Recommendation: &rec, Notes: &notes}, who)
}

func amendAfterDebrief(ctx context.Context, iv *interviews.Service, card scoring.Scorecard, who model.Profile) error {
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
	_, err := iv.Amend(ctx, card.ID, interviews.Amendment{Answers: answers, Reason: "Re-read my notes after the debrief"}, who)
	return err
}

// placeByDebrief moves each interviewed candidate to where the role's
// debrief says they belong.
func placeByDebrief(ctx context.Context, iv *interviews.Service, svc *tracking.Service, role model.Role, recruiter model.Profile,
	reasons []string, tick func(time.Duration)) error {
	d, err := iv.RoleDebrief(ctx, role.ID, recruiter)
	if err != nil {
		return err
	}
	hired := false
	for _, cd := range d.Candidates {
		deb := cd.Debrief
		if !deb.Complete || deb.Composite == nil {
			continue
		}
		app, err := applicationOf(ctx, svc, deb.CandidateID, role.ID)
		if err != nil {
			return err
		}
		tick(time.Duration(2+len(deb.Interviewers)) * time.Hour)
		switch v := *deb.Composite; {
		case cd.Rank == 1 && v >= hireAt && !hired:
			hired = true
			for _, stage := range []string{"Offer", "Hired"} {
				if _, err := svc.Move(ctx, app, stageNamed(role, stage).ID, "", recruiter); err != nil {
					return err
				}
			}
		case v >= offerAt:
			if _, err := svc.Move(ctx, app, stageNamed(role, "Offer").ID, "", recruiter); err != nil {
				return err
			}
		case v < rejectAt:
			if _, err := svc.Move(ctx, app, rejectedStage(role).ID, reasons[0], recruiter); err != nil {
				return err
			}
		}
	}
	return nil
}

func applicationOf(ctx context.Context, svc *tracking.Service, candidateID, roleID int64) (int64, error) {
	d, err := svc.Detail(ctx, candidateID)
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

package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Each role's track in the built-in rubric.
var roleTracks = []string{"production", "conversational", "production"}

// Rater habits make the calibration numbers worth reading: Sam scores
// generously, Jonas is strict, Priya sits near the panel.
var leniency = map[string]float64{"Sam Okafor": 0.6, "Priya Nair": 0, "Jonas Weber": -0.6}

var cardNotes = []string{
	"Concrete examples from production; numbers to back them up.",
	"Knew the vocabulary but stayed abstract when pushed for specifics.",
	"Good instincts; would benefit from more exposure to scale.",
	"Clear, structured answers. Asked sharp clarifying questions.",
}

// seedInterviews gives every role a three-round plan from the built-in
// rubric and, for candidates past the screen, submitted scorecards from
// three interviewers, so the debrief and calibration screens have data.
func seedInterviews(ctx context.Context, store *storage.Store, roles []model.Role, people []model.Profile,
	apps []model.Application, rng *rand.Rand, tick func(time.Duration)) error {
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
	if len(core) < 5 {
		return fmt.Errorf("built-in rubric has %d core competencies", len(core))
	}
	interviewers := people[1:]
	deepDive := map[int64]int64{}
	for i, role := range roles {
		var track []string
		for _, c := range builtin.Content.Competencies {
			if c.Track == roleTracks[i] {
				track = append(track, c.ID)
			}
		}
		plan := []scoring.RoundInput{
			{Name: "Phone screen", Competencies: core[:2], DurationMin: 30, InterviewerIDs: []int64{people[0].ID}},
			{Name: "Technical deep dive", Competencies: core[2:5], DurationMin: 60, InterviewerIDs: ids(interviewers)},
			{Name: "System design", Competencies: append(append([]string{}, core[5:]...), track...), DurationMin: 60,
				InterviewerIDs: ids(interviewers[:2])},
		}
		for j, in := range plan {
			in.RoleID, in.RubricID = role.ID, builtin.RubricID
			r, err := iv.SaveRound(ctx, in)
			if err != nil {
				return err
			}
			if j == 1 {
				deepDive[role.ID] = r.ID
			}
		}
	}
	for _, app := range apps {
		ability := 1.6 + rng.Float64()*2.2 // on the 1–4 scale
		for _, who := range interviewers {
			tick(time.Duration(1+rng.IntN(4)) * time.Hour)
			view, err := iv.StartInterview(ctx, app.ID, deepDive[app.RoleID], who)
			if err != nil {
				return err
			}
			r := view.Rubric
			var patches []scoring.Patch
			for _, c := range r.Competencies {
				for _, q := range c.Questions {
					score := clamp(int(ability+leniency[who.Name]+rng.NormFloat64()*0.55+0.5), r.Scale.Min, r.Scale.Max)
					notes := ""
					if rng.IntN(3) == 0 {
						notes = cardNotes[rng.IntN(len(cardNotes))]
					}
					patches = append(patches, scoring.Patch{QuestionID: q.ID, Score: &score, AnswerNotes: &notes})
				}
			}
			if _, err := iv.SaveDraft(ctx, view.Card.ID, patches, who); err != nil {
				return err
			}
			rec := string(rubric.Recommendations[clamp(int(ability+leniency[who.Name]-0.3), 1, 4)-1])
			notes := cardNotes[rng.IntN(len(cardNotes))]
			if _, err := iv.Submit(ctx, view.Card.ID, scoring.Patch{Recommendation: &rec, Notes: &notes}, who); err != nil {
				return err
			}
		}
	}
	return nil
}

func ids(ps []model.Profile) []int64 {
	out := make([]int64, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }

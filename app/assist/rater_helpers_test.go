// Test fixtures for the second rater: a deep-dive round on the built-in
// rubric's first competency with two interviewers, cards scored with notes,
// and model replies that follow (or break) the rate schema.

package assist_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
)

type panel struct {
	*fixture
	track      *tracking.Service
	riley      model.Profile // recruiter
	sam, priya model.Profile
	role       int64
	round      scoring.Round
	comp       rubric.Competency // the round's competency: two questions
}

func newPanel(t *testing.T) *panel {
	t.Helper()
	p := &panel{fixture: newFixture(t)}
	p.track = tracking.New(p.store)
	profiles, err := p.track.Profiles(p.ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.riley = profiles[0]
	for _, who := range []*model.Profile{&p.sam, &p.priya} {
		name := map[*model.Profile]string{&p.sam: "Sam Okafor", &p.priya: "Priya Nair"}[who]
		if *who, err = p.track.CreateProfile(p.ctx, name, false, false, model.Profile{}); err != nil {
			t.Fatal(err)
		}
	}
	app, err := p.store.GetApplication(p.ctx, p.app)
	if err != nil {
		t.Fatal(err)
	}
	p.role = app.RoleID
	builtin, err := p.iv.EnsureBuiltin(p.ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.comp = builtin.Content.Competencies[0]
	p.round, err = p.iv.SaveRound(p.ctx, scoring.RoundInput{RoleID: p.role, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{p.comp.ID}, DurationMin: 60, InterviewerIDs: []int64{p.sam.ID, p.priya.ID}}, p.riley)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// candidate adds someone who applied to the role and returns the application.
func (p *panel) candidate(t *testing.T, name, email string) int64 {
	t.Helper()
	c, err := p.track.CreateCandidate(p.ctx, model.CandidateInput{Name: name, Email: email}, []int64{p.role}, p.riley)
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.track.Detail(p.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Applications[0].ID
}

// answer is an interviewer's record of one question: a level and notes, or a skip.
type answer struct {
	level int
	notes string
	skip  bool
}

// card scores the round's questions in order and submits the card unless draft.
func (p *panel) card(t *testing.T, app int64, who model.Profile, draft bool, answers ...answer) int64 {
	t.Helper()
	v, err := p.iv.StartInterview(p.ctx, app, p.round.ID, who)
	if err != nil {
		t.Fatal(err)
	}
	var patches []scoring.Patch
	for i, a := range answers {
		q := p.comp.Questions[i].ID
		if a.skip {
			yes, why := true, "Ran out of time."
			patches = append(patches, scoring.Patch{QuestionID: q, Skipped: &yes, SkipReason: &why})
			continue
		}
		level, notes := a.level, a.notes
		patches = append(patches, scoring.Patch{QuestionID: q, Score: &level, AnswerNotes: &notes})
	}
	if _, err := p.iv.SaveDraft(p.ctx, v.Card.ID, patches, who); err != nil {
		t.Fatal(err)
	}
	if !draft {
		rec := "yes"
		if _, err := p.iv.Submit(p.ctx, v.Card.ID, scoring.Patch{Recommendation: &rec}, who); err != nil {
			t.Fatal(err)
		}
	}
	return v.Card.ID
}

// rateReply is a model answer for question i of the round: a level, the
// anchor of anchorLevel (the same unless a test wants them to disagree)
// and fragments.
func (p *panel) rateReply(t *testing.T, i, level, anchorLevel int, fragments ...string) string {
	t.Helper()
	if fragments == nil {
		fragments = []string{}
	}
	anchor := "Knows every model by heart."
	if anchorLevel >= 1 && anchorLevel <= len(p.comp.Questions[i].Anchors) {
		anchor = p.comp.Questions[i].Anchors[anchorLevel-1]
	}
	b, err := json.Marshal(map[string]any{"fragments": fragments, "reason": "The notes match the anchor.", "anchor": anchor, "level": level})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// amend changes the interviewer's level for question i, keeping the notes.
func (p *panel) amend(t *testing.T, cardID int64, who model.Profile, i int, a answer) {
	t.Helper()
	level := a.level
	_, err := p.iv.Amend(p.ctx, cardID, interviews.Amendment{Reason: "Re-read my notes.",
		Answers: map[string]scoring.Answer{p.comp.Questions[i].ID: {Score: &level, Notes: a.notes}}}, who)
	if err != nil {
		t.Fatal(err)
	}
}

// notesFor is an interviewer's notes on one answer: the candidate's name
// (redacted before sending) and a detail that makes each answer's notes,
// and so each request, its own.
func notesFor(name string, item int) string {
	return fmt.Sprintf("%s compared model tiers and measured the quality gap on an eval set of %d prompts. She kept the cheap tier for extraction.", name, 100+item)
}

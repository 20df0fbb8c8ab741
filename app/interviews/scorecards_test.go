// Tests of scorecards through the service: who sees which card, drafts and
// autosave, submitting, immutability, amendments, hashes and resume screens.

package interviews_test

import (
	"errors"
	"strings"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

func TestBlindVisibilityMatrix(t *testing.T) {
	// Sam submits; Priya has a draft; Jonas has nothing; Riley is the recruiter.
	e := newEnv(t)
	samCard := e.submit(t, e.sam, 3)
	priyaView, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.priya)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		viewer model.Profile
		cardID int64
		see    bool
	}{
		{e.sam, samCard.ID, true},           // own submitted card
		{e.priya, priyaView.Card.ID, true},  // own draft
		{e.priya, samCard.ID, false},        // other's submitted, viewer's round not yet submitted
		{e.jonas, samCard.ID, false},        // viewer with no card at all
		{e.sam, priyaView.Card.ID, false},   // other's draft, even after submitting
		{e.riley, samCard.ID, true},         // recruiter sees submitted
		{e.riley, priyaView.Card.ID, false}, // recruiter never sees drafts
		{e.jonas, priyaView.Card.ID, false}, // nobody sees drafts
	}
	for _, c := range cases {
		_, err := e.iv.Scorecard(e.ctx, c.cardID, c.viewer)
		if (err == nil) != c.see {
			t.Errorf("%s viewing card %d: err = %v, want visible=%v", c.viewer.Name, c.cardID, err, c.see)
		}
	}
	// The candidate view redacts what Priya may not see but says it exists.
	rounds, err := e.iv.CandidateRounds(e.ctx, e.app.CandidateID, e.priya)
	if err != nil {
		t.Fatal(err)
	}
	var r scoring.CandidateRound
	for _, x := range rounds {
		if x.Round.ID == e.round.ID {
			r = x
		}
	}
	if r.Hidden != 1 || r.State != scoring.InProgress || r.MyCardID != priyaView.Card.ID {
		t.Fatalf("Priya's view: hidden %d state %s mine %d", r.Hidden, r.State, r.MyCardID)
	}
	for _, c := range r.Cards {
		if c.AuthorID == e.sam.ID && (len(c.Answers) != 0 || c.Recommendation != "" || c.Notes != "") {
			t.Errorf("Sam's card leaked to Priya: %+v", c)
		}
	}
	// Once Priya submits, Sam's card opens to her.
	e.submit(t, e.priya, 2)
	if _, err := e.iv.Scorecard(e.ctx, samCard.ID, e.priya); err != nil {
		t.Errorf("after submitting, Priya still cannot see Sam's card: %v", err)
	}
	rounds, _ = e.iv.CandidateRounds(e.ctx, e.app.CandidateID, e.priya)
	for _, x := range rounds {
		if x.Round.ID == e.round.ID && (x.Hidden != 0 || x.State != scoring.Done) {
			t.Errorf("after both submitted: hidden %d, state %s", x.Hidden, x.State)
		}
	}
}

func TestSubmitRequiresEveryQuestionAndRecommendation(t *testing.T) {
	e := newEnv(t)
	v, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	qs := v.Rubric.Competencies[0].Questions
	three := 3
	if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: qs[0].ID, Score: &three}}, e.sam); err != nil {
		t.Fatal(err)
	}
	skip := true
	if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: qs[1].ID, Skipped: &skip}}, e.sam); err != nil {
		t.Fatal(err)
	}
	_, err = e.iv.Submit(e.ctx, v.Card.ID, scoring.Patch{}, e.sam)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("incomplete submit: err = %v, want validation error", err)
	}
	fields := map[string]bool{}
	for _, f := range ve.Fields {
		fields[f.Field] = true
	}
	if !fields["answers."+qs[1].ID] || !fields["recommendation"] || fields["answers."+qs[0].ID] {
		t.Errorf("submit problems = %v; want the reasonless skip and the recommendation, not the scored question", ve.Fields)
	}
	reason := "ran out of time"
	rec := "no"
	c, err := e.iv.Submit(e.ctx, v.Card.ID, scoring.Patch{QuestionID: qs[1].ID, SkipReason: &reason, Recommendation: &rec}, e.sam)
	if err != nil {
		t.Fatalf("complete submit: %v", err)
	}
	if c.Status != scoring.Submitted || len(c.SHA256) != 64 {
		t.Errorf("submitted card: status %s hash %q", c.Status, c.SHA256)
	}
}

func TestDraftPatchRejectsBadInputAndKeepsDraft(t *testing.T) {
	e := newEnv(t)
	v, _ := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	q := v.Rubric.Competencies[0].Questions[0]
	two, nine := 2, 9
	if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &two}}, e.sam); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name  string
		p     scoring.Patch
		field string
	}{
		{"score above the scale", scoring.Patch{QuestionID: q.ID, Score: &nine}, "score"},
		{"unknown question", scoring.Patch{QuestionID: "no-such-question", Score: &two}, "questionId"},
		{"question outside the round's subset", scoring.Patch{QuestionID: e.builtin.Content.Competencies[1].Questions[0].ID, Score: &two}, "questionId"},
		{"bad recommendation", scoring.Patch{Recommendation: ptr("maybe")}, "recommendation"},
	}
	for _, b := range bad {
		_, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{b.p}, e.sam)
		var ve *model.ValidationError
		if !errors.As(err, &ve) || ve.Fields[0].Field != b.field {
			t.Errorf("%s: err = %v, want invalid %s", b.name, err, b.field)
		}
	}
	got, _ := e.iv.Scorecard(e.ctx, v.Card.ID, e.sam)
	if s := got.Card.Answers[q.ID].Score; s == nil || *s != 2 {
		t.Errorf("draft score after bad patches = %v, want 2 kept", s)
	}
	// Someone else cannot write into Sam's draft.
	if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &two}}, e.priya); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Priya writing Sam's draft: %v", err)
	}
}

func TestAutosaveResumesWhereTheInterviewerWas(t *testing.T) {
	e := newEnv(t)
	v, _ := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	q2 := v.Rubric.Competencies[0].Questions[1]
	four, elapsed, qElapsed := 4, int64(754_000), int64(61_000)
	notes := "Described backoff with jitter and a queue."
	if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: q2.ID, Score: &four, AnswerNotes: &notes,
		AnswerElapsed: &qElapsed, Cursor: &q2.ID, ElapsedMs: &elapsed}}, e.sam); err != nil {
		t.Fatal(err)
	}
	// "Reopen the app": a new service over a store reopened from the same file.
	path := e.store.Path()
	e.store.Close()
	s2, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	again, err := interviews.New(s2).StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	a := again.Card.Answers[q2.ID]
	if again.Card.ID != v.Card.ID || again.Card.Cursor != q2.ID || again.Card.ElapsedMs != elapsed ||
		a.Score == nil || *a.Score != 4 || a.Notes != notes || a.ElapsedMs != qElapsed {
		t.Errorf("resumed card = cursor %q elapsed %d answer %+v; want where Sam left off", again.Card.Cursor, again.Card.ElapsedMs, a)
	}
}

func TestSubmittedCardIsImmutableAndAmendmentsAreRevisions(t *testing.T) {
	e := newEnv(t)
	c := e.submit(t, e.sam, 3)
	one := 1
	// A late autosave (racing the submit) is refused, not applied.
	_, err := e.iv.SaveDraft(e.ctx, c.ID, []scoring.Patch{{QuestionID: firstQuestion(e), Score: &one}}, e.sam)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "amendment") {
		t.Fatalf("edit after submit: %v, want conflict pointing to amendments", err)
	}
	// Even raw SQL cannot change it.
	if _, err := rawDB(t, e).ExecContext(e.ctx, `UPDATE scorecards SET recommendation = 'strong_yes' WHERE id = ?`, c.ID); err == nil {
		t.Fatal("the database let a submitted scorecard change")
	}
	if _, err := e.iv.Amend(e.ctx, c.ID, interviews.Amendment{Recommendation: "strong_yes"}, e.sam); err == nil {
		t.Error("amendment without a reason accepted")
	}
	am, err := e.iv.Amend(e.ctx, c.ID, interviews.Amendment{Answers: map[string]scoring.Answer{firstQuestion(e): {Score: &one}},
		Reason: "Misclicked the first score"}, e.sam)
	if err != nil {
		t.Fatalf("Amend: %v", err)
	}
	if len(am.Revisions) != 1 || am.SHA256 != c.SHA256 {
		t.Fatalf("after amend: %d revisions, original hash changed %v", len(am.Revisions), am.SHA256 != c.SHA256)
	}
	answers, _, _ := am.Current()
	if s := answers[firstQuestion(e)].Score; s == nil || *s != 1 {
		t.Errorf("current score = %v, want the amended 1", s)
	}
	if s := am.Answers[firstQuestion(e)].Score; s == nil || *s != 3 {
		t.Errorf("original score = %v, want 3 kept", s)
	}
	if err := e.iv.VerifyScorecard(e.ctx, c.ID); err != nil {
		t.Errorf("untouched card fails verification: %v", err)
	}
	if _, err := e.iv.Amend(e.ctx, c.ID, interviews.Amendment{Reason: "x"}, e.priya); !errors.Is(err, model.ErrConflict) {
		t.Errorf("someone else amending: %v", err)
	}
}

func TestHashIsStableAndDetectsTampering(t *testing.T) {
	e := newEnv(t)
	c := e.submit(t, e.sam, 3)
	if got := scoring.Hash(c); got != c.SHA256 {
		t.Fatalf("recomputed hash %s != stored %s", got, c.SHA256)
	}
	// Tamper below the app: drop the trigger, change a score, restore it.
	db := rawDB(t, e)
	mustExec(t)(db.ExecContext(e.ctx, `DROP TRIGGER scorecards_submitted_immutable`))
	mustExec(t)(db.ExecContext(e.ctx, `UPDATE scorecards SET answers = json_set(answers, '$."`+firstQuestion(e)+`".score', 4) WHERE id = ?`, c.ID))
	err := e.iv.VerifyScorecard(e.ctx, c.ID)
	if err == nil || !strings.Contains(err.Error(), "Sam Okafor") {
		t.Errorf("tampered card: err = %v, want a failure naming the author", err)
	}
}

func TestResumeScreenEvidenceMustQuoteResume(t *testing.T) {
	e := newEnv(t)
	blank, err := e.iv.Screen(e.ctx, e.app.ID)
	if err != nil || len(blank.Checklist) == 0 {
		t.Fatalf("blank screen: %d flags, %v", len(blank.Checklist), err)
	}
	flag := blank.Checklist[0].ID
	_, err = e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Decision: scoring.Advance,
		Marks: map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "Led a team of 50 engineers"}}}, e.riley)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "marks."+flag {
		t.Fatalf("made-up evidence: err = %v, want invalid marks.%s", err, flag)
	}
	saved, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Decision: scoring.Advance, OverrideReason: "referred",
		Marks: map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "cut  token spend by 40%"}}}, e.riley)
	if err != nil {
		t.Fatalf("real quote (case and spacing differ): %v", err)
	}
	if saved.Decision != scoring.Advance || saved.Marks[flag].Mark != scoring.Present || saved.AuthorName != "Riley Chen" {
		t.Errorf("saved screen = %+v", saved)
	}
}

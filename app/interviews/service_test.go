package interviews_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

type env struct {
	ctx     context.Context
	store   *storage.Store
	track   *tracking.Service
	iv      *interviews.Service
	builtin rubric.Version
	// recruiter plus three interviewers
	riley, sam, priya, jonas model.Profile
	role                     model.Role
	app                      model.Application // Ada's application
	round                    scoring.Round
}

func newEnv(t *testing.T) *env {
	t.Helper()
	var mu sync.Mutex
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	tick := func() time.Time { mu.Lock(); defer mu.Unlock(); now = now.Add(time.Second); return now }
	s, err := storage.Open(filepath.Join(t.TempDir(), "workspace.db"), storage.WithClock(tick))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	e := &env{ctx: context.Background(), store: s, track: tracking.New(s), iv: interviews.New(s)}
	if e.builtin, err = e.iv.EnsureBuiltin(e.ctx); err != nil {
		t.Fatalf("EnsureBuiltin: %v", err)
	}
	mk := func(name string, recruiter bool) model.Profile {
		p, err := e.track.CreateProfile(e.ctx, name, recruiter, false, model.Profile{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	e.riley, e.sam, e.priya, e.jonas = mk("Riley Chen", true), mk("Sam Okafor", false), mk("Priya Nair", false), mk("Jonas Weber", false)
	if e.role, err = e.track.CreateRole(e.ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen}); err != nil {
		t.Fatal(err)
	}
	e.app = e.candidate(t, "Ada Lovelace", "ada@example.com")
	comp := e.builtin.Content.Competencies[0]
	e.round, err = e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "Deep dive", RubricID: e.builtin.RubricID,
		Competencies: []string{comp.ID}, DurationMin: 60, InterviewerIDs: []int64{e.sam.ID, e.priya.ID}}, e.riley)
	if err != nil {
		t.Fatalf("SaveRound: %v", err)
	}
	return e
}

func (e *env) candidate(t *testing.T, name, email string) model.Application {
	t.Helper()
	c, err := e.track.CreateCandidate(e.ctx, model.CandidateInput{Name: name, Email: email,
		ResumeText: "Cut token spend by 40% with caching.\nShipped a support bot used by 20k customers."}, []int64{e.role.ID}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.track.Detail(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Applications[0]
}

// submit scores every question of Ada's deep dive and submits the card.
func (e *env) submit(t *testing.T, who model.Profile, score int) scoring.Scorecard {
	t.Helper()
	return e.submitFor(t, e.app, e.round, who, score)
}

// addRound adds a round on one competency of the built-in rubric.
func (e *env) addRound(t *testing.T, name, competency string, who ...model.Profile) scoring.Round {
	t.Helper()
	var ids []int64
	for _, p := range who {
		ids = append(ids, p.ID)
	}
	r, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: name, RubricID: e.builtin.RubricID,
		Competencies: []string{competency}, DurationMin: 45, InterviewerIDs: ids}, e.riley)
	if err != nil {
		t.Fatalf("SaveRound: %v", err)
	}
	return r
}

// submitFor scores every question of one round's card and submits it.
func (e *env) submitFor(t *testing.T, app model.Application, round scoring.Round, who model.Profile, score int) scoring.Scorecard {
	t.Helper()
	v, err := e.iv.StartInterview(e.ctx, app.ID, round.ID, who)
	if err != nil {
		t.Fatalf("StartInterview(%s): %v", who.Name, err)
	}
	for _, c := range v.Rubric.Competencies {
		for _, q := range c.Questions {
			if _, err := e.iv.SaveDraft(e.ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &score}}, who); err != nil {
				t.Fatalf("SaveDraft: %v", err)
			}
		}
	}
	rec := "yes"
	c, err := e.iv.Submit(e.ctx, v.Card.ID, scoring.Patch{Recommendation: &rec}, who)
	if err != nil {
		t.Fatalf("Submit(%s): %v", who.Name, err)
	}
	return c
}

func TestBuiltinInstalledOnceAndReadOnly(t *testing.T) {
	e := newEnv(t)
	again, err := e.iv.EnsureBuiltin(e.ctx)
	if err != nil || again.ID != e.builtin.ID {
		t.Fatalf("second EnsureBuiltin made a new version: %+v, %v", again.ID, err)
	}
	list, _ := e.iv.Rubrics(e.ctx)
	if len(list) != 1 || !list[0].Builtin {
		t.Fatalf("rubrics = %+v, want just the built-in one", list)
	}
	edited := e.builtin.Content
	edited.Name = "Mine now"
	if _, err := e.iv.SaveRubric(e.ctx, e.builtin.RubricID, edited, e.riley); !errors.Is(err, model.ErrConflict) {
		t.Errorf("editing the built-in rubric: err = %v, want conflict", err)
	}
	dup, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, "", e.riley)
	if err != nil {
		t.Fatalf("DuplicateRubric: %v", err)
	}
	if dup.Builtin || dup.Content.Name != "OpenAI platform developer (copy)" || dup.Version != 1 {
		t.Errorf("duplicate = builtin %v, name %q, v%d", dup.Builtin, dup.Content.Name, dup.Version)
	}
}

func TestEditingRubricInUseCreatesVersionAndOldCardsKeepTheirs(t *testing.T) {
	e := newEnv(t)
	custom, err := e.iv.DuplicateRubric(e.ctx, e.builtin.RubricID, "Custom", e.riley)
	if err != nil {
		t.Fatal(err)
	}
	// Not used yet: edits replace version 1 in place.
	r := custom.Content
	r.Competencies[0].Questions[0].Prompt = "Edited before anyone scored"
	v, err := e.iv.SaveRubric(e.ctx, custom.RubricID, r, e.riley)
	if err != nil || v.Version != 1 {
		t.Fatalf("unused edit: version %d, err %v; want version 1", v.Version, err)
	}
	round, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "Custom round", RubricID: custom.RubricID,
		Competencies: []string{r.Competencies[0].ID}, InterviewerIDs: []int64{e.sam.ID, e.priya.ID}}, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	card, err := e.iv.StartInterview(e.ctx, e.app.ID, round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	// Now in use: the edit becomes version 2 and the card still shows version 1's text.
	r.Competencies[0].Questions[0].Prompt = "Edited after scoring began"
	v2, err := e.iv.SaveRubric(e.ctx, custom.RubricID, r, e.riley)
	if err != nil || v2.Version != 2 {
		t.Fatalf("in-use edit: version %d, err %v; want 2", v2.Version, err)
	}
	got, err := e.iv.Scorecard(e.ctx, card.Card.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Rubric.Competencies[0].Questions[0].Prompt; p != "Edited before anyone scored" || got.Card.RubricVersion != 1 {
		t.Errorf("card shows v%d prompt %q; want version 1's text", got.Card.RubricVersion, p)
	}
	// A new card starts on version 2.
	other, err := e.iv.StartInterview(e.ctx, e.app.ID, round.ID, e.priya)
	if err != nil || other.Card.RubricVersion != 2 {
		t.Errorf("new card on v%d (err %v), want 2", other.Card.RubricVersion, err)
	}
	// In use: delete refused with advice, archive allowed.
	if err := e.iv.DeleteRubric(e.ctx, custom.RubricID); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "archive") {
		t.Errorf("delete in-use rubric: %v, want conflict suggesting archive", err)
	}
	if err := e.iv.ArchiveRubric(e.ctx, custom.RubricID, true); err != nil {
		t.Errorf("archive: %v", err)
	}
	if _, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: "X", RubricID: custom.RubricID}, e.riley); err == nil {
		t.Error("a round could pick an archived rubric")
	}
}

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
	saved, err := e.iv.SaveScreen(e.ctx, scoring.ScreenInput{ApplicationID: e.app.ID, Decision: scoring.Advance,
		Marks: map[string]scoring.FlagMark{flag: {Mark: scoring.Present, Evidence: "cut  token spend by 40%"}}}, e.riley)
	if err != nil {
		t.Fatalf("real quote (case and spacing differ): %v", err)
	}
	if saved.Decision != scoring.Advance || saved.Marks[flag].Mark != scoring.Present || saved.AuthorName != "Riley Chen" {
		t.Errorf("saved screen = %+v", saved)
	}
}

func TestRoundValidationAndDeleteRules(t *testing.T) {
	e := newEnv(t)
	_, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{RoleID: e.role.ID, Name: " ", RubricID: e.builtin.RubricID,
		Competencies: []string{"nope"}, DurationMin: 2}, e.riley)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 3 {
		t.Fatalf("bad round: %v, want name, duration and competency problems", err)
	}
	e.submit(t, e.sam, 2)
	if err := e.iv.DeleteRound(e.ctx, e.round.ID, e.riley); !errors.Is(err, model.ErrConflict) {
		t.Errorf("deleting a round with scorecards: %v", err)
	}
}

func firstQuestion(e *env) string {
	return e.builtin.Content.Competencies[0].Questions[0].ID
}

// rawDB opens the workspace file directly, as another program could.
func rawDB(t *testing.T, e *env) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", e.store.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func ptr[T any](v T) *T { return &v }

func mustExec(t *testing.T) func(sql.Result, error) {
	return func(_ sql.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The UI asks Go what a rubric lacks and what a draft lacks, instead of
// repeating the rules in TypeScript.
func TestCheckRubricAndMissingAreTheSaveAndSubmitRules(t *testing.T) {
	e := newEnv(t)
	if p := e.iv.CheckRubric(e.builtin.Content); len(p) != 0 {
		t.Errorf("the built-in rubric has problems: %+v", p)
	}
	r := e.builtin.Content // shares its slices: e.builtin is not used again below
	r.Name = " "
	r.Competencies[0].Questions[0].Anchors = r.Competencies[0].Questions[0].Anchors[:2]
	got := e.iv.CheckRubric(r)
	fields := map[string]bool{}
	for _, f := range got {
		fields[f.Field] = true
	}
	if !fields["name"] || !fields["competencies[0].questions[0].anchors"] {
		t.Errorf("CheckRubric = %+v", got)
	}
	if _, err := e.iv.CreateRubric(e.ctx, r, e.riley); err == nil {
		t.Fatal("a rubric CheckRubric refuses was saved")
	}

	v, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	qs := v.Rubric.Competencies[0].Questions
	missing, err := e.iv.Missing(e.ctx, v.Card.ID, nil, e.sam)
	if err != nil || len(missing) != len(qs)+1 {
		t.Fatalf("an empty draft misses %+v (%v); want every question and the recommendation", missing, err)
	}
	three, rec := 3, "yes"
	pending := []scoring.Patch{{Recommendation: &rec}}
	for _, q := range qs {
		pending = append(pending, scoring.Patch{QuestionID: q.ID, Score: &three})
	}
	if missing, _ := e.iv.Missing(e.ctx, v.Card.ID, pending, e.sam); len(missing) != 0 {
		t.Errorf("with the unsaved patches nothing should be missing: %+v", missing)
	}
	if _, err := e.iv.Missing(e.ctx, v.Card.ID, nil, e.priya); err == nil {
		t.Error("Priya asked what Sam's draft lacks")
	}
	if c, _ := e.iv.Scorecard(e.ctx, v.Card.ID, e.sam); len(c.Card.Answers) != 0 {
		t.Error("Missing saved the pending patches")
	}
}

// Team mode through the services: on a shared PostgreSQL workspace each
// person's app opens the store with their own login, so every use case
// below runs under the row-level security of migration 0022. The storage
// tests prove the policies keep cards hidden; these prove they still let
// the recruiter and the interviewers do their work.

package interviews_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hirebench/app/assist"
	"hirebench/app/bundle"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/exports"
	"hirebench/storage"
	"hirebench/storage/teamtest"
)

// person is one person's app on the shared workspace: their own login,
// the profile it signs in as, and the services over that connection.
type person struct {
	store *storage.Store
	track *tracking.Service
	iv    *interviews.Service
	me    model.Profile
}

// teamFlow is a shared workspace set up by its owner with Rita the
// recruiter and two interviewers, Sam and Priya.
type teamFlow struct {
	ctx              context.Context
	rita, sam, priya person
}

func newTeamFlow(t *testing.T) teamFlow {
	t.Helper()
	ctx := context.Background()
	team := teamtest.New(t)
	open := func(name, login string, recruiter bool) person {
		s := team.Login(t, storage.PersonInput{Name: name, Login: login, Recruiter: recruiter})
		p := person{store: s, track: tracking.New(s), iv: interviews.New(s)}
		// Who the app acts as is the login's profile, as the window finds it.
		var err error
		if p.me, err = p.track.CurrentProfile(ctx); err != nil || p.me.Name != name {
			t.Fatalf("signed in as %q (%v), want %s", p.me.Name, err, name)
		}
		return p
	}
	return teamFlow{ctx: ctx, rita: open("Rita Recruiter", "rita", true),
		sam: open("Sam Okafor", "sam", false), priya: open("Priya Nair", "priya", false)}
}

// interview starts who's card, autosaves every question one patch at a
// time and a note, then submits it.
func (tf teamFlow) interview(t *testing.T, p person, appID, roundID int64, score int) scoring.Scorecard {
	t.Helper()
	v, err := p.iv.StartInterview(tf.ctx, appID, roundID, p.me)
	if err != nil {
		t.Fatalf("%s StartInterview: %v", p.me.Name, err)
	}
	for _, c := range v.Rubric.Competencies {
		for _, q := range c.Questions {
			if _, err := p.iv.SaveDraft(tf.ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &score}}, p.me); err != nil {
				t.Fatalf("%s SaveDraft: %v", p.me.Name, err)
			}
		}
	}
	if _, err := p.iv.SaveDraft(tf.ctx, v.Card.ID, []scoring.Patch{{Notes: ptr("Clear about trade-offs.")}}, p.me); err != nil {
		t.Fatalf("%s SaveDraft notes: %v", p.me.Name, err)
	}
	// Reopening resumes the same draft.
	again, err := p.iv.StartInterview(tf.ctx, appID, roundID, p.me)
	if err != nil || again.Card.ID != v.Card.ID || again.Card.Notes != "Clear about trade-offs." {
		t.Fatalf("%s reopening the draft: card %d notes %q (%v), want card %d", p.me.Name, again.Card.ID, again.Card.Notes, err, v.Card.ID)
	}
	c, err := p.iv.Submit(tf.ctx, v.Card.ID, scoring.Patch{Recommendation: ptr("yes")}, p.me)
	if err != nil {
		t.Fatalf("%s Submit: %v", p.me.Name, err)
	}
	if c.Status != scoring.Submitted {
		t.Fatalf("%s's card is %q after Submit", p.me.Name, c.Status)
	}
	return c
}

// debriefCards is "Author:cards" per visible candidate of who's role debrief, and how many are hidden.
func (tf teamFlow) debrief(t *testing.T, p person, roleID int64) (interviews.RoleDebrief, []string) {
	t.Helper()
	d, err := p.iv.RoleDebrief(tf.ctx, roleID, p.me)
	if err != nil {
		t.Fatalf("%s RoleDebrief: %v", p.me.Name, err)
	}
	var who []string
	for _, c := range d.Candidates {
		for _, i := range c.Debrief.Interviewers {
			who = append(who, i.Name)
		}
	}
	return d, who
}

func TestTeamFlowThroughEachLogin(t *testing.T) {
	tf := newTeamFlow(t)
	ctx, rita, sam, priya := tf.ctx, tf.rita, tf.sam, tf.priya

	// 1. Rita sets up the role, its plan and Ada, and moves her card.
	role, err := rita.track.CreateRole(ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatalf("Rita CreateRole: %v", err)
	}
	builtin, err := rita.iv.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatalf("Rita EnsureBuiltin: %v", err)
	}
	comps := builtin.Content.Competencies
	deep, err := rita.iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{comps[0].ID}, DurationMin: 60, InterviewerIDs: []int64{sam.me.ID, priya.me.ID}}, rita.me)
	if err != nil {
		t.Fatalf("Rita SaveRound: %v", err)
	}
	values, err := rita.iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Values", RubricID: builtin.RubricID,
		Competencies: []string{comps[1].ID}, DurationMin: 45, InterviewerIDs: []int64{sam.me.ID}}, rita.me)
	if err != nil {
		t.Fatalf("Rita SaveRound: %v", err)
	}
	ada, err := rita.track.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com",
		ResumeText: "Cut token spend by 40% with caching."}, []int64{role.ID}, rita.me)
	if err != nil {
		t.Fatalf("Rita CreateCandidate: %v", err)
	}
	detail, err := rita.track.Detail(ctx, ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	app := detail.Applications[0]
	board, err := rita.track.Board(ctx, role.ID, nil)
	if err != nil {
		t.Fatalf("Rita Board: %v", err)
	}
	next := board.Columns[1].Stage
	if moved, err := rita.track.Move(ctx, app.ID, app.StageID, next.ID, "", rita.me); err != nil || moved.StageID != next.ID {
		t.Fatalf("Rita Move to %s: %+v, %v", next.Name, moved, err)
	}
	// Values was Sam's on the plan; for Ada it is Priya's.
	if err := rita.iv.AssignRound(ctx, app.ID, values.ID, []int64{priya.me.ID}, rita.me); err != nil {
		t.Fatalf("Rita AssignRound: %v", err)
	}

	// 2. Sam interviews while Priya has submitted one of her two rounds:
	// her card stays hidden from him until he is done.
	priyaDeep := tf.interview(t, priya, app.ID, deep.ID, 3)
	rounds, err := sam.iv.CandidateRounds(ctx, ada.ID, sam.me)
	if err != nil {
		t.Fatalf("Sam CandidateRounds: %v", err)
	}
	if len(rounds) != 2 || !rounds[0].CanStart || rounds[1].CanStart {
		t.Fatalf("Sam's rounds of Ada: %+v; want Deep dive his to start, Values not", rounds)
	}
	// As on a laptop: Priya's card is listed by author and state, nothing judged, and the round is under way.
	if d := rounds[0]; d.State != scoring.InProgress || len(d.Cards) != 1 || d.Cards[0].AuthorName != "Priya Nair" ||
		d.Cards[0].Status != scoring.Submitted || len(d.Cards[0].Answers) != 0 || d.Cards[0].Notes != "" {
		t.Errorf("Sam's Deep dive round: state %q, cards %+v; want in progress with Priya's card hidden", d.State, d.Cards)
	}
	if _, err := sam.iv.Scorecard(ctx, priyaDeep.ID, sam.me); err == nil {
		t.Fatal("Sam read Priya's card before submitting his own")
	}
	samDeep := tf.interview(t, sam, app.ID, deep.ID, 4)
	amended, err := sam.iv.Amend(ctx, samDeep.ID, interviews.Amendment{Recommendation: "strong_yes",
		Reason: "Rewatched the system design answer."}, sam.me)
	if err != nil {
		t.Fatalf("Sam Amend: %v", err)
	}
	if len(amended.Revisions) != 1 {
		t.Fatalf("Sam's amended card has %d revisions, want 1", len(amended.Revisions))
	}
	if err := scoring.Verify(amended); err != nil {
		t.Fatalf("Sam's amended card: %v", err)
	}
	// Sam has no other round for Ada: Priya's submitted card is open to him.
	if v, err := sam.iv.Scorecard(ctx, priyaDeep.ID, sam.me); err != nil || v.Card.AuthorName != "Priya Nair" {
		t.Fatalf("Sam reading Priya's submitted card once done: %v", err)
	}
	if _, who := tf.debrief(t, sam, role.ID); strings.Join(who, ",") != "Priya Nair,Sam Okafor" {
		t.Errorf("Sam's debrief shows cards of %v, want Priya's and his", who)
	}

	// 3. Priya still owes Values: Sam's card is hidden from her until then.
	if _, err := priya.iv.Scorecard(ctx, samDeep.ID, priya.me); err == nil {
		t.Fatal("Priya read Sam's card before finishing her rounds")
	}
	if d, _ := tf.debrief(t, priya, role.ID); d.Hidden != 1 || len(d.Candidates) != 0 {
		t.Errorf("Priya's debrief before Values: hidden %d, %d shown; want Ada hidden", d.Hidden, len(d.Candidates))
	}
	tf.interview(t, priya, app.ID, values.ID, 3)
	if v, err := priya.iv.Scorecard(ctx, samDeep.ID, priya.me); err != nil || len(v.Card.Revisions) != 1 {
		t.Fatalf("Priya reading Sam's amended card once done: %v", err)
	}
	if _, who := tf.debrief(t, priya, role.ID); strings.Join(who, ",") != "Priya Nair,Sam Okafor" {
		t.Errorf("Priya's debrief shows cards of %v, want hers and Sam's", who)
	}

	// 4. Rita's debrief, calibration and committee workbook.
	d, who := tf.debrief(t, rita, role.ID)
	if strings.Join(who, ",") != "Priya Nair,Sam Okafor" || d.Hidden != 0 || d.ExportNote != "" {
		t.Errorf("Rita's debrief: interviewers %v, hidden %d, export note %q", who, d.Hidden, d.ExportNote)
	}
	if len(d.Candidates) != 1 || d.Candidates[0].Debrief.Cards != 3 || d.Candidates[0].Rank != 1 {
		t.Errorf("Rita's debrief of Ada: %+v; want 3 cards, rank 1", d.Candidates)
	}
	if d.Calibration.BottomLine.Verdict != scoring.VerdictTooFew {
		t.Errorf("Rita's calibration over one candidate: %q, want too few to say", d.Calibration.BottomLine.Verdict)
	}
	com, err := rita.iv.Committee(ctx, role.ID, "test", scoring.ExporterOf(rita.me))
	if err != nil {
		t.Fatalf("Rita Committee: %v", err)
	}
	var book bytes.Buffer
	if err := exports.WriteWorkbook(&book, com); err != nil || book.Len() == 0 {
		t.Fatalf("Rita's committee workbook: %v", err)
	}

	// 5. An interviewer neither exports the workbook nor changes the plan.
	if _, err := sam.iv.Committee(ctx, role.ID, "test", scoring.ExporterOf(sam.me)); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam's committee export: %v, want the app's refusal", err)
	}
	in := scoring.RoundInput{ID: deep.ID, RoleID: role.ID, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{comps[0].ID}, DurationMin: 60, InterviewerIDs: []int64{sam.me.ID}}
	if _, err := sam.iv.SaveRound(ctx, in, sam.me); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam's plan edit through the app: %v, want the app's refusal", err)
	}
	if _, err := sam.store.SaveRound(ctx, in); err == nil {
		t.Error("the server let Sam's login change the plan")
	}
	if rs, err := rita.iv.Rounds(ctx, role.ID); err != nil || len(rs) != 2 || len(rs[0].Interviewers) != 2 {
		t.Errorf("the plan after Sam's attempts: %+v, %v; want both rounds, Deep dive with two interviewers", rs, err)
	}
}

func TestTeamFlowSettingsAndBundles(t *testing.T) {
	tf := newTeamFlow(t)
	ctx, rita, sam := tf.ctx, tf.rita, tf.sam

	// 6. Preferences and AI settings.
	if _, err := sam.iv.SetRunnerPrefs(ctx, sam.me, interviews.RunnerPrefs{AdvanceAfterScore: false}); err != nil {
		t.Fatalf("Sam SetRunnerPrefs: %v", err)
	}
	if p, err := sam.iv.RunnerPrefs(ctx, sam.me); err != nil || p.AdvanceAfterScore {
		t.Errorf("Sam's runner prefs read back: %+v, %v", p, err)
	}
	ritaDesk := assist.NewDesk(rita.store, rita.iv, assist.NewKeyStore(func(string) string { return "" }))
	settings := assist.DefaultSettings()
	settings.BudgetUSD = 12
	if _, err := ritaDesk.SaveSettings(ctx, rita.me, settings); err != nil {
		t.Fatalf("Rita SaveSettings: %v", err)
	}
	if _, err := ritaDesk.SetEnabled(ctx, rita.me, true); err != nil {
		t.Fatalf("Rita SetEnabled: %v", err)
	}
	samDesk := assist.NewDesk(sam.store, sam.iv, assist.NewKeyStore(func(string) string { return "" }))
	settings.BudgetUSD = 1000
	_, err := samDesk.SaveSettings(ctx, sam.me, settings)
	if !errors.Is(err, model.ErrConflict) || !strings.HasPrefix(model.RefusalSentence(err), "Only the recruiter") {
		t.Errorf("Sam SaveSettings: %v, want the app's plain refusal", err)
	}
	if err := assist.SaveSettings(ctx, sam.store, settings); err == nil {
		t.Error("the server let Sam's login change the AI settings")
	}
	if s, err := assist.LoadSettings(ctx, rita.store); err != nil || s.BudgetUSD != 12 {
		t.Errorf("AI settings after Sam's attempts: budget %v, %v; want Rita's 12", s.BudgetUSD, err)
	}
	// "Don't ask again" before a resume is sent is each person's own choice.
	if st, err := samDesk.SetAskFirst(ctx, sam.me, "screen", false); err != nil || st.AskFirst {
		t.Errorf("Sam SetAskFirst: ask first %v, %v; want false", st.AskFirst, err)
	}
	if st, err := ritaDesk.Status(ctx, rita.me); err != nil || !st.AskFirst || !st.Enabled {
		t.Errorf("Rita's AI status after Sam's choice: ask first %v, enabled %v, %v; want both true", st.AskFirst, st.Enabled, err)
	}

	// 7. Bundles: Sam's own cards leave from his login; cards made on a
	// laptop come in through Rita's.
	role, err := rita.track.CreateRole(ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := rita.iv.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	round, err := rita.iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, DurationMin: 60, InterviewerIDs: []int64{sam.me.ID}}, rita.me)
	if err != nil {
		t.Fatal(err)
	}
	ada, err := rita.track.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, []int64{role.ID}, rita.me)
	if err != nil {
		t.Fatal(err)
	}
	detail, err := rita.track.Detail(ctx, ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	tf.interview(t, sam, detail.Applications[0].ID, round.ID, 4)
	mine := bundle.ExportOptions{AuthorID: sam.me.ID, AppVersion: "test"}
	var own bytes.Buffer
	sum, err := transfer.New(sam.store).ExportBundle(ctx, &own, mine, scoring.ExporterOf(sam.me))
	if err != nil {
		t.Fatalf("Sam's bundle of his own cards: %v", err)
	}
	if sum.Counts.Scorecards != 1 || sum.Counts.Candidates != 1 || len(sum.Skipped) != 0 {
		t.Errorf("Sam's bundle holds %+v (skipped %v), want his one card and Ada", sum.Counts, sum.Skipped)
	}
	all := bundle.ExportOptions{AppVersion: "test"}
	if _, err := transfer.New(sam.store).ExportBundle(ctx, &bytes.Buffer{}, all, scoring.ExporterOf(sam.me)); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Sam's bundle of the whole workspace: %v, want the app's refusal", err)
	}

	data := laptopBundle(t)
	rep, err := transfer.New(rita.store).ImportBundle(ctx, bytes.NewReader(data), int64(len(data)), rita.me,
		scoring.ExporterOf(rita.me), bundle.ImportOptions{})
	if err != nil {
		t.Fatalf("Rita's import of a laptop's bundle: %v", err)
	}
	if rep.Created.Scorecards != 1 || rep.Created.Candidates != 1 || rep.Created.Profiles != 1 || len(rep.Conflicts) != 0 {
		t.Errorf("Rita's import created %+v (conflicts %v), want Grace, Lee and his card", rep.Created, rep.Conflicts)
	}
	roles, err := rita.track.Roles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		if r.Title != "Data Engineer" {
			continue
		}
		d, who := tf.debrief(t, rita, r.ID)
		if strings.Join(who, ",") != "Lee Park" || len(d.Candidates) != 1 {
			t.Errorf("Rita's debrief of the imported role: %v", who)
		}
		return
	}
	t.Errorf("no Data Engineer role after the import: %+v", roles)
}

// laptopBundle is a laptop's whole workspace as a bundle: Rita's role
// Data Engineer, Grace applying, and Lee's submitted card for her.
func laptopBundle(t *testing.T) []byte {
	t.Helper()
	ctx, now := context.Background(), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s, err := storage.Open(filepath.Join(t.TempDir(), "laptop.db"), storage.WithClock(ticker(&now)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	track, iv := tracking.New(s), interviews.New(s)
	builtin, err := iv.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rita, err := track.CreateProfile(ctx, "Rita Recruiter", true, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	lee, err := track.CreateProfile(ctx, "Lee Park", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	role, err := track.CreateRole(ctx, model.RoleInput{Title: "Data Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	round, err := iv.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Pairing", RubricID: builtin.RubricID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, DurationMin: 60, InterviewerIDs: []int64{lee.ID}}, rita)
	if err != nil {
		t.Fatal(err)
	}
	grace, err := track.CreateCandidate(ctx, model.CandidateInput{Name: "Grace Hopper", Email: "grace@example.com"}, []int64{role.ID}, rita)
	if err != nil {
		t.Fatal(err)
	}
	d, err := track.Detail(ctx, grace.ID)
	if err != nil {
		t.Fatal(err)
	}
	laptop := teamFlow{ctx: ctx}
	laptop.interview(t, person{store: s, track: track, iv: iv, me: lee}, d.Applications[0].ID, round.ID, 3)
	var b bytes.Buffer
	if _, err := transfer.New(s).ExportBundle(ctx, &b, bundle.ExportOptions{AppVersion: "test"}, scoring.ExporterOf(rita)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

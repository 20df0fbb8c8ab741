package storage_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/bundle"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// laptop is one hirebench workspace: the recruiter's or an interviewer's.
type laptop struct {
	ctx   context.Context
	store *storage.Store
	track *tracking.Service
	iv    *interviews.Service

	mu  sync.Mutex
	now time.Time
}

// tick is the laptop's clock: a second later at every write.
func (l *laptop) tick() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = l.now.Add(time.Second)
	return l.now
}

// jump moves the laptop's clock to t.
func (l *laptop) jump(t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = t
}

func newLaptop(t *testing.T, name string, start time.Time) *laptop {
	t.Helper()
	l := &laptop{ctx: context.Background(), now: start}
	s, err := storage.Open(filepath.Join(t.TempDir(), name+".db"), storage.WithClock(l.tick))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	l.store, l.track, l.iv = s, tracking.New(s), interviews.New(s)
	if _, err := l.iv.EnsureBuiltin(l.ctx); err != nil {
		t.Fatal(err)
	}
	return l
}

func (l *laptop) profile(t *testing.T, name string, recruiter bool) model.Profile {
	t.Helper()
	list, err := l.track.Profiles(l.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Name == name {
			return p
		}
	}
	p, err := l.track.CreateProfile(l.ctx, name, recruiter, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (l *laptop) export(t *testing.T, opts bundle.ExportOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	sum, err := l.store.ExportBundle(l.ctx, &buf, opts)
	if err != nil {
		t.Fatalf("ExportBundle: %v", err)
	}
	if len(sum.Skipped) != 0 {
		t.Fatalf("export skipped cards: %v", sum.Skipped)
	}
	return buf.Bytes()
}

func (l *laptop) importBundle(t *testing.T, data []byte) bundle.ImportReport {
	t.Helper()
	rep, err := l.store.ImportBundle(l.ctx, bytes.NewReader(data), int64(len(data)), model.Profile{Name: "test import"})
	if err != nil {
		t.Fatalf("ImportBundle: %v", err)
	}
	return rep
}

func (l *laptop) role(t *testing.T, title string) model.Role {
	t.Helper()
	r, err := l.track.ResolveRole(l.ctx, title)
	if err != nil {
		t.Fatalf("role %q: %v", title, err)
	}
	return r
}

func (l *laptop) round(t *testing.T, roleID int64, name string) scoring.Round {
	t.Helper()
	rounds, err := l.iv.Rounds(l.ctx, roleID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rounds {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no round %q", name)
	return scoring.Round{}
}

// application finds a candidate's application to a role by email.
func (l *laptop) application(t *testing.T, email string, roleID int64) model.Application {
	t.Helper()
	c, err := l.track.FindByEmail(l.ctx, email)
	if err != nil {
		t.Fatalf("candidate %s: %v", email, err)
	}
	d, err := l.track.Detail(l.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Applications {
		if a.RoleID == roleID {
			return a
		}
	}
	t.Fatalf("%s has no application to role %d", email, roleID)
	return model.Application{}
}

// score fills every question of the author's card with score and submits it.
func (l *laptop) score(t *testing.T, appID, roundID int64, who model.Profile, score int) scoring.Scorecard {
	t.Helper()
	v, err := l.iv.StartInterview(l.ctx, appID, roundID, who)
	if err != nil {
		t.Fatalf("StartInterview: %v", err)
	}
	var patches []scoring.Patch
	for _, c := range v.Rubric.Competencies {
		for _, q := range c.Questions {
			patches = append(patches, scoring.Patch{QuestionID: q.ID, Score: &score})
		}
	}
	if _, err := l.iv.SaveDraft(l.ctx, v.Card.ID, patches, who); err != nil {
		t.Fatalf("SaveDraft: %v", err)
	}
	rec := "yes"
	c, err := l.iv.Submit(l.ctx, v.Card.ID, scoring.Patch{Recommendation: &rec}, who)
	if err != nil {
		t.Fatalf("Submit: %v", err)
	}
	return c
}

// recruiterWorkspace is the recruiter's laptop: a role with a two-round
// plan (the built-in rubric and a custom one), Ada (with a resume, moved to
// Interview) and Grace (no email), and three people.
type recruiterSetup struct {
	*laptop
	riley, sam, priya model.Profile
	role              model.Role
	custom            rubric.Version
}

func newRecruiter(t *testing.T) *recruiterSetup {
	t.Helper()
	r := &recruiterSetup{laptop: newLaptop(t, "recruiter", time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))}
	ctx := r.ctx
	r.riley, r.sam, r.priya = r.profile(t, "Riley Chen", true), r.profile(t, "Sam Okafor", false), r.profile(t, "Priya Nair", false)
	var err error
	if r.role, err = r.track.CreateRole(ctx, model.RoleInput{Title: "AI Engineer", Team: "Platform", Status: model.RoleOpen}); err != nil {
		t.Fatal(err)
	}
	ada, err := r.track.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com", Phone: "+44 20 7946 0000",
		Tags: []string{"llm"}}, []int64{r.role.ID}, r.riley)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.track.Attach(ctx, ada.ID, "ada.txt", []byte("Cut token spend by 40% with caching.\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := r.track.CreateCandidate(ctx, model.CandidateInput{Name: "Grace Hopper", Source: "referral"}, []int64{r.role.ID}, r.riley); err != nil {
		t.Fatal(err)
	}
	app := r.application(t, "ada@example.com", r.role.ID)
	var interview int64
	for _, st := range r.role.Stages {
		if st.Name == "Interview" {
			interview = st.ID
		}
	}
	if _, err := r.track.Move(ctx, app.ID, interview, "", r.riley); err != nil {
		t.Fatal(err)
	}
	builtinID, err := r.store.BuiltinRubricID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := r.iv.Rubric(ctx, builtinID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.iv.SaveRound(ctx, scoring.RoundInput{RoleID: r.role.ID, Name: "Deep dive", RubricID: builtinID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, DurationMin: 60, InterviewerIDs: []int64{r.sam.ID, r.priya.ID}}, r.riley); err != nil {
		t.Fatal(err)
	}
	if r.custom, err = r.iv.DuplicateRubric(ctx, builtinID, "Systems rubric", r.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := r.iv.SaveRound(ctx, scoring.RoundInput{RoleID: r.role.ID, Name: "Systems", RubricID: r.custom.RubricID,
		Competencies: []string{r.custom.Content.Competencies[1].ID}, InterviewerIDs: []int64{r.sam.ID}}, r.riley); err != nil {
		t.Fatal(err)
	}
	return r
}

// interviewerSetup is Sam's laptop after importing the recruiter's bundle,
// with Sam's two cards submitted there (one amended).
func interviewerScores(t *testing.T, rec *recruiterSetup) (*laptop, []scoring.Scorecard, []byte) {
	t.Helper()
	setup := rec.export(t, bundle.ExportOptions{NoScorecards: true, AppVersion: "test"})
	sam := newLaptop(t, "sam", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	rep := sam.importBundle(t, setup)
	if want := (bundle.Counts{Roles: 1, Stages: 6, Rounds: 2, Rubrics: 1, RubricVersions: 1, Candidates: 2, Applications: 2,
		Attachments: 1, Profiles: 2}); rep.Created != want {
		t.Errorf("interviewer laptop created %+v, want %+v", rep.Created, want)
	}
	if len(rep.Conflicts) != 0 {
		t.Errorf("conflicts on a fresh laptop: %v", rep.Conflicts)
	}
	me := sam.profile(t, "Sam Okafor", false)
	role := sam.role(t, "AI Engineer")
	app := sam.application(t, "ada@example.com", role.ID)
	if app.StageName != "Interview" {
		t.Errorf("Ada arrived in stage %q, want Interview", app.StageName)
	}
	deep := sam.score(t, app.ID, sam.round(t, role.ID, "Deep dive").ID, me, 3)
	sys := sam.score(t, app.ID, sam.round(t, role.ID, "Systems").ID, me, 2)
	sys, err := sam.iv.Amend(sam.ctx, sys.ID, interviews.Amendment{Recommendation: "strong_yes", Reason: "Second look at the design answer."}, me)
	if err != nil {
		t.Fatalf("Amend: %v", err)
	}
	mine := sam.export(t, bundle.ExportOptions{AuthorID: me.ID, AppVersion: "test"})
	return sam, []scoring.Scorecard{deep, sys}, mine
}

func TestInterviewerBundleReachesTheRecruitersDebrief(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)

	rep := rec.importBundle(t, mine)
	if rep.Scope != bundle.ScopeScorecards || rep.Author != "Sam Okafor" {
		t.Errorf("report scope %q author %q", rep.Scope, rep.Author)
	}
	if want := (bundle.Counts{Scorecards: 2, Revisions: 1}); rep.Created != want {
		t.Errorf("recruiter created %+v, want only the cards %+v", rep.Created, want)
	}
	if len(rep.Conflicts) != 0 || len(rep.Refused) != 0 {
		t.Errorf("conflicts %v, refused %v", rep.Conflicts, rep.Refused)
	}

	stored, err := rec.store.RoleScorecards(rec.ctx, rec.role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 {
		t.Fatalf("recruiter holds %d cards, want 2", len(stored))
	}
	byUID := map[string]scoring.Scorecard{}
	for _, c := range stored {
		byUID[c.UID] = c
		if err := scoring.Verify(c); err != nil {
			t.Errorf("imported card does not verify: %v", err)
		}
		if c.AuthorID != rec.sam.ID || c.Status != scoring.Submitted {
			t.Errorf("card %s: author %d status %s, want Sam's submitted card", c.UID, c.AuthorID, c.Status)
		}
	}
	for _, c := range cards {
		got, ok := byUID[c.UID]
		if !ok {
			t.Fatalf("card %s missing on the recruiter's laptop", c.UID)
		}
		if got.SHA256 != c.SHA256 || got.SubmittedAt != c.SubmittedAt || len(got.Revisions) != len(c.Revisions) {
			t.Errorf("card %s arrived changed: %+v", c.UID, got)
		}
	}
	// The built-in rubric and the custom one were matched, not duplicated.
	list, _ := rec.iv.Rubrics(rec.ctx)
	if len(list) != 2 {
		t.Errorf("recruiter has %d rubrics, want 2", len(list))
	}

	d, err := rec.iv.RoleDebrief(rec.ctx, rec.role.ID, rec.riley)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Candidates) != 1 || d.Candidates[0].Debrief.CandidateName != "Ada Lovelace" || d.Candidates[0].Debrief.Cards != 2 {
		t.Fatalf("debrief = %+v, want Ada with Sam's 2 cards", d.Candidates)
	}
	if d.Candidates[0].Stage != "Interview" || d.Candidates[0].Debrief.Composite == nil {
		t.Errorf("debrief stage %q composite %v", d.Candidates[0].Stage, d.Candidates[0].Debrief.Composite)
	}

	// Importing the same bundle again changes nothing.
	again := rec.importBundle(t, mine)
	if again.Created.Total() != 0 {
		t.Errorf("second import created %+v", again.Created)
	}
	if again.Unchanged.Scorecards != 2 || again.Unchanged.Revisions != 1 || again.Unchanged.Candidates != 1 || again.Unchanged.Roles != 1 {
		t.Errorf("second import unchanged = %+v", again.Unchanged)
	}
	if len(again.Conflicts) != 0 {
		t.Errorf("second import conflicts: %v", again.Conflicts)
	}
}

func TestWorkspaceBundleImportsTwiceIdempotently(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	rec.importBundle(t, mine)

	all := rec.export(t, bundle.ExportOptions{AppVersion: "test"})
	other := newLaptop(t, "other", time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	first := other.importBundle(t, all)
	if first.Created.Scorecards != 2 || first.Created.Candidates != 2 || first.Created.Attachments != 1 || first.Created.Rubrics != 1 {
		t.Errorf("first import created %+v", first.Created)
	}
	second := other.importBundle(t, all)
	if second.Created.Total() != 0 || len(second.Conflicts) != 0 || len(second.Notes) != 0 {
		t.Errorf("second import: created %+v, conflicts %v, notes %v", second.Created, second.Conflicts, second.Notes)
	}
	// Everything the first import created or found is found again (people
	// are only looked up when something new needs them).
	want := first.Created
	want.Rubrics += first.Unchanged.Rubrics
	want.RubricVersions += first.Unchanged.RubricVersions
	want.Profiles = 0
	if second.Unchanged != want {
		t.Errorf("second import unchanged %+v, want %+v", second.Unchanged, want)
	}
	// Grace has no email: she is matched by name and creation time, not duplicated.
	n, _ := other.store.CountCandidates(other.ctx)
	if n != 2 {
		t.Errorf("%d candidates after two imports, want 2", n)
	}
	// The bundle made on the new laptop imports back into the recruiter's as a no-op.
	back := rec.importBundle(t, other.export(t, bundle.ExportOptions{}))
	if back.Created.Total() != 0 || len(back.Conflicts) != 0 {
		t.Errorf("round trip back: created %+v, conflicts %v", back.Created, back.Conflicts)
	}
}

// rewrite changes one JSON entry of a bundle through a generic decode.
func rewrite(t *testing.T, data []byte, name string, fn func(v any)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			fn(v)
			b, _ = json.Marshal(v)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}

func TestTamperedScorecardRefusesTheWholeBundle(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)
	var uid string
	tampered := rewrite(t, mine, bundle.ScorecardsFile, func(v any) {
		card := v.([]any)[0].(map[string]any)
		uid = card["uid"].(string)
		for _, a := range card["answers"].(map[string]any) {
			a.(map[string]any)["score"] = 4.0
		}
	})

	// A fresh laptop: a refused import must leave it exactly as it was.
	fresh := newLaptop(t, "fresh", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	_, err := fresh.store.ImportBundle(fresh.ctx, bytes.NewReader(tampered), int64(len(tampered)), model.Profile{})
	want := "scorecard " + uid + " by Sam Okafor for ada@example.com: content does not match its hash"
	if !bundle.IsRefused(err) || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v, want refusal naming %q", err, want)
	}
	roles, _ := fresh.track.Roles(fresh.ctx)
	profiles, _ := fresh.track.Profiles(fresh.ctx)
	n, _ := fresh.store.CountCandidates(fresh.ctx)
	if len(roles) != 0 || len(profiles) != 0 || n != 0 {
		t.Errorf("a refused import wrote: %d roles, %d profiles, %d candidates", len(roles), len(profiles), n)
	}

	// With the explicit option the rest is imported and the card is listed.
	rep, err := rec.store.ImportBundleWith(rec.ctx, bytes.NewReader(tampered), int64(len(tampered)), rec.riley, bundle.ImportOptions{SkipTampered: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Refused) != 1 || !strings.Contains(rep.Refused[0], want) || rep.Created.Scorecards != 1 {
		t.Errorf("refused %v, created %+v", rep.Refused, rep.Created)
	}
	stored, _ := rec.store.RoleScorecards(rec.ctx, rec.role.ID)
	if len(stored) != 1 || stored[0].UID == uid || (stored[0].UID != cards[0].UID && stored[0].UID != cards[1].UID) {
		t.Errorf("recruiter holds %+v, want only the genuine card", stored)
	}
}

func TestConflictsKeepLocalData(t *testing.T) {
	rec := newRecruiter(t)
	setup := rec.export(t, bundle.ExportOptions{NoScorecards: true})
	sam := newLaptop(t, "sam", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	sam.importBundle(t, setup)

	// Sam's laptop edits Ada's phone after the bundle was made.
	ada, err := sam.track.FindByEmail(sam.ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	phone := "+1 555 0100"
	if _, err := sam.track.UpdateCandidate(sam.ctx, ada.ID, model.CandidatePatch{Phone: &phone}); err != nil {
		t.Fatal(err)
	}
	rep := sam.importBundle(t, setup)
	want := "candidate ada@example.com: phone differs (local '+1 555 0100', bundle '+44 20 7946 0000'); local kept"
	if len(rep.Conflicts) != 1 || rep.Conflicts[0] != want {
		t.Errorf("conflicts = %q, want [%q]", rep.Conflicts, want)
	}
	if rep.Created.Total() != 0 {
		t.Errorf("created %+v", rep.Created)
	}
	got, _ := sam.track.FindByEmail(sam.ctx, "ada@example.com")
	if got.Phone != phone {
		t.Errorf("phone = %q; the local edit was overwritten", got.Phone)
	}

	// The recruiter edits Ada's location later still: the bundle is newer
	// now, and the local copy is still kept, with a message saying so.
	recAda, _ := rec.track.FindByEmail(rec.ctx, "ada@example.com")
	loc := "Lisbon"
	rec.jump(time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	if _, err := rec.track.UpdateCandidate(rec.ctx, recAda.ID, model.CandidatePatch{Location: &loc}); err != nil {
		t.Fatal(err)
	}
	rep = sam.importBundle(t, rec.export(t, bundle.ExportOptions{NoScorecards: true}))
	joined := strings.Join(rep.Conflicts, "\n")
	if !strings.Contains(joined, "location differs (local '', bundle 'Lisbon'); local kept although the bundle's copy is newer") {
		t.Errorf("conflicts = %q", rep.Conflicts)
	}
	got, _ = sam.track.FindByEmail(sam.ctx, "ada@example.com")
	if got.Location != "" || got.Phone != phone {
		t.Errorf("local record changed: %+v", got)
	}
}

func TestLocalDraftIsKeptOverTheBundlesCard(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	// Sam also started the Deep dive card on the recruiter's laptop.
	app := rec.application(t, "ada@example.com", rec.role.ID)
	draft, err := rec.iv.StartInterview(rec.ctx, app.ID, rec.round(t, rec.role.ID, "Deep dive").ID, rec.sam)
	if err != nil {
		t.Fatal(err)
	}
	rep := rec.importBundle(t, mine)
	if rep.Created.Scorecards != 1 || len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0], "Sam Okafor has a draft for round \"Deep dive\" here; local draft kept") {
		t.Errorf("created %+v, conflicts %q", rep.Created, rep.Conflicts)
	}
	got, err := rec.store.GetScorecard(rec.ctx, draft.Card.ID)
	if err != nil || got.Status != scoring.Draft {
		t.Errorf("local draft = %+v, %v", got.Status, err)
	}
}

func TestRubricEditedMeanwhileKeepsBothVersions(t *testing.T) {
	rec := newRecruiter(t)
	_, cards, mine := interviewerScores(t, rec)
	// While Sam interviewed, the recruiter edited the custom rubric. Nobody
	// had scored with it here, so the edit replaced version 1 in place.
	r := rec.custom.Content
	r.Description = "Edited by the recruiter while Sam interviewed."
	edited, err := rec.iv.SaveRubric(rec.ctx, rec.custom.RubricID, r, rec.riley)
	if err != nil || edited.Version != 1 {
		t.Fatalf("edit: v%d, %v", edited.Version, err)
	}
	rep := rec.importBundle(t, mine)
	if rep.Created.Scorecards != 2 || rep.Created.RubricVersions != 1 || len(rep.Notes) != 1 {
		t.Errorf("created %+v, notes %q", rep.Created, rep.Notes)
	}
	latest, err := rec.iv.Rubric(rec.ctx, rec.custom.RubricID)
	if err != nil {
		t.Fatal(err)
	}
	if latest.SHA256 != edited.SHA256 || latest.Content.Description != r.Description {
		t.Errorf("the recruiter's edit is no longer the latest version: v%d %q", latest.Version, latest.Content.Description)
	}
	sys, err := rec.store.GetScorecard(rec.ctx, func() int64 {
		for _, c := range mustCards(t, rec) {
			if c.UID == cards[1].UID {
				return c.ID
			}
		}
		return 0
	}())
	if err != nil {
		t.Fatal(err)
	}
	v, err := rec.iv.RubricVersion(rec.ctx, sys.RubricVersionID)
	if err != nil || v.SHA256 != sys.RubricSHA256 || v.Content.Description == r.Description || scoring.Verify(sys) != nil {
		t.Errorf("the card does not keep the exact version it was scored with: %+v, %v", v.Version, err)
	}
	// And again: nothing more happens.
	if again := rec.importBundle(t, mine); again.Created.Total() != 0 || len(again.Notes) != 0 {
		t.Errorf("second import: created %+v notes %q", again.Created, again.Notes)
	}
}

func mustCards(t *testing.T, l *recruiterSetup) []scoring.Scorecard {
	t.Helper()
	cards, err := l.store.RoleScorecards(l.ctx, l.role.ID)
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

func TestBadBundleFilesWriteNothing(t *testing.T) {
	rec := newRecruiter(t)
	good := rec.export(t, bundle.ExportOptions{})
	wrongFormat := rewrite(t, good, bundle.ManifestFile, func(v any) { v.(map[string]any)["format"] = "hirebench.bundle/v9" })
	traversal := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("../../outside.json")
		w.Write([]byte("{}"))
		zw.Close()
		return buf.Bytes()
	}()
	fresh := newLaptop(t, "fresh", time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	for name, data := range map[string][]byte{"wrong format": wrongFormat, "traversal": traversal, "not a zip": []byte("hello")} {
		_, err := fresh.store.ImportBundle(fresh.ctx, bytes.NewReader(data), int64(len(data)), model.Profile{})
		if !bundle.IsRefused(err) || !errors.Is(err, model.ErrConflict) {
			t.Errorf("%s: err = %v, want refused", name, err)
		}
	}
	roles, _ := fresh.track.Roles(fresh.ctx)
	if len(roles) != 0 {
		t.Errorf("refused bundles wrote %d roles", len(roles))
	}
}

func TestRolesSharingATitleStayApart(t *testing.T) {
	a := newLaptop(t, "a", time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	riley := a.profile(t, "Riley Chen", true)
	for i, team := range []string{"Search", "Billing"} {
		r, err := a.track.CreateRole(a.ctx, model.RoleInput{Title: "Backend engineer", Team: team})
		if err != nil {
			t.Fatal(err)
		}
		email := []string{"ann@example.com", "bob@example.com"}[i]
		if _, err := a.track.CreateCandidate(a.ctx, model.CandidateInput{Name: email, Email: email}, []int64{r.ID}, riley); err != nil {
			t.Fatal(err)
		}
	}
	own := a.export(t, bundle.ExportOptions{})
	if rep := a.importBundle(t, own); rep.Created.Total() != 0 || len(rep.Conflicts) != 0 {
		t.Errorf("re-importing its own bundle: created %+v, conflicts %q", rep.Created, rep.Conflicts)
	}
	b := newLaptop(t, "b", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	if rep := b.importBundle(t, own); rep.Created.Roles != 2 || rep.Created.Applications != 2 {
		t.Errorf("second laptop created %+v", rep.Created)
	}
	roles, _ := b.track.Roles(b.ctx)
	if len(roles) != 2 || roles[0].Title == roles[1].Title {
		t.Errorf("roles on the second laptop: %+v", roles)
	}
	if rep := a.importBundle(t, b.export(t, bundle.ExportOptions{})); rep.Created.Total() != 0 || len(rep.Conflicts) != 0 {
		t.Errorf("bundle back from the second laptop: created %+v, conflicts %q", rep.Created, rep.Conflicts)
	}
}

// A workspace bundle carries the plan's weights, their history, the plan
// fixed at the first submission and the recruiter's reassignments; a second
// laptop's different weight is kept and listed.
func TestWorkspaceBundleCarriesThePlan(t *testing.T) {
	rec := newRecruiter(t)
	ctx := rec.ctx
	comp := rec.custom.Content.Competencies[1]
	if _, err := rec.iv.SetWeights(ctx, rec.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, Weight: 3}}, "", rec.riley); err != nil {
		t.Fatal(err)
	}
	app := rec.application(t, "ada@example.com", rec.role.ID)
	deep := rec.round(t, rec.role.ID, "Deep dive")
	rec.score(t, app.ID, deep.ID, rec.sam, 3) // fixes the plan
	if _, err := rec.iv.SetWeights(ctx, rec.role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, Weight: 2}}, "Balance the rounds", rec.riley); err != nil {
		t.Fatal(err)
	}
	systems := rec.round(t, rec.role.ID, "Systems")
	if err := rec.iv.AssignRound(ctx, app.ID, systems.ID, []int64{rec.priya.ID}, rec.riley); err != nil {
		t.Fatal(err)
	}
	want, err := rec.iv.Plan(ctx, rec.role.ID)
	if err != nil {
		t.Fatal(err)
	}

	other := newLaptop(t, "second", time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	other.profile(t, "Riley Chen", true)
	data := rec.export(t, bundle.ExportOptions{AppVersion: "test"})
	other.importBundle(t, data)
	role := other.role(t, "AI Engineer")
	got, err := other.iv.Plan(ctx, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Questions) != len(want.Questions) || got.FixedAt != want.FixedAt || len(got.Changes) != 2 ||
		got.Changes[1].Reason != "Balance the rounds" || got.WeightsNote != want.WeightsNote || !got.ChangedAfterScoring {
		t.Fatalf("plan on the second laptop: %+v\nwant %+v", got, want)
	}
	for i, q := range got.Questions {
		if q.Effective != want.Questions[i].Effective {
			t.Errorf("%s: effective %v, want %v", q.Key, q.Effective, want.Questions[i].Effective)
		}
	}
	oapp := other.application(t, "ada@example.com", role.ID)
	over, err := other.store.Assignments(ctx, oapp.CandidateID)
	if err != nil {
		t.Fatal(err)
	}
	osys := other.round(t, role.ID, "Systems")
	if who := over[scoring.RoundKey{ApplicationID: oapp.ID, RoundID: osys.ID}]; len(who) != 1 || who[0].Name != "Priya Nair" {
		t.Errorf("reassignment on the second laptop: %+v", over)
	}
	// Twice: nothing new. A weight changed on the second laptop is kept.
	if rep := other.importBundle(t, data); len(rep.Conflicts) != 0 {
		t.Errorf("second import: %v", rep.Conflicts)
	}
	if h, _ := other.store.WeightChanges(ctx, role.ID); len(h) != 2 {
		t.Errorf("importing twice duplicated the weight history: %d entries", len(h))
	}
	oriley, _ := other.track.Profiles(ctx)
	var orec model.Profile
	for _, p := range oriley {
		if p.IsRecruiter {
			orec = p
		}
	}
	if _, err := other.iv.SetWeights(ctx, role.ID, []scoring.WeightEdit{{CompetencyID: comp.ID, Weight: 5}}, "Local view", orec); err != nil {
		t.Fatal(err)
	}
	rep := other.importBundle(t, data)
	if len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0], "is 5 here and 2 in the bundle; local kept") {
		t.Errorf("conflicts: %v", rep.Conflicts)
	}
}

// Scorecards that arrive in a bundle start scoring as a local submission
// does: the recruiter's plan is fixed, and later changes are announced.
func TestImportedScorecardsFixThePlan(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	before, err := rec.iv.Plan(rec.ctx, rec.role.ID)
	if err != nil || before.FixedAt != "" {
		t.Fatalf("fixed before any submission: %q %v", before.FixedAt, err)
	}
	rec.importBundle(t, mine)
	fixed, err := rec.iv.Plan(rec.ctx, rec.role.ID)
	if err != nil || fixed.FixedAt == "" || !fixed.ScoringBegan {
		t.Fatalf("after importing Sam's cards: fixedAt %q began %v (%v)", fixed.FixedAt, fixed.ScoringBegan, err)
	}
	// A rubric edit can no longer move the weights; a removed round is announced.
	r := rec.custom.Content
	r.Competencies[1].Weight = 9
	r.Competencies[1].Questions[0].Weight = 9
	if _, err := rec.iv.SaveRubric(rec.ctx, rec.custom.RubricID, r, rec.riley); err != nil {
		t.Fatal(err)
	}
	after, _ := rec.iv.Plan(rec.ctx, rec.role.ID)
	for i := range after.Questions {
		if after.Questions[i].Effective != fixed.Questions[i].Effective {
			t.Errorf("%s moved from %v to %v", after.Questions[i].Key, fixed.Questions[i].Effective, after.Questions[i].Effective)
		}
	}
	if after.ChangedAfterScoring {
		t.Errorf("nothing moved, yet: %q", after.WeightsNote)
	}
}

// A bundle written before v2 (no plan fields, no seen-others marks) still
// imports, and importing it twice changes nothing.
func TestV1BundleStillImports(t *testing.T) {
	rec := newRecruiter(t)
	_, _, mine := interviewerScores(t, rec)
	v1 := rewrite(t, mine, bundle.ManifestFile, func(v any) { v.(map[string]any)["format"] = bundle.FormatV1 })
	first := rec.importBundle(t, v1)
	if first.Created.Scorecards != 2 || len(first.Conflicts) != 0 {
		t.Fatalf("first import of a v1 bundle: %+v", first)
	}
	again := rec.importBundle(t, v1)
	if again.Created.Total() != 0 || again.Unchanged.Scorecards != 2 {
		t.Errorf("second import of a v1 bundle: created %+v unchanged %+v", again.Created, again.Unchanged)
	}
}

// Test helpers: laptops (workspaces with their own clocks) that make,
// export and import bundles, and a way to edit a bundle by hand.

package transfer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"hirebench/app/bundle"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/storage"
)

// owner is the command line: no profile rule binds it, so these tests see
// the merge rules alone (the permission rules have their own tests).
var owner = scoring.Exporter{Owner: true}

// laptop is one hirebench workspace: the recruiter's or an interviewer's.
type laptop struct {
	ctx   context.Context
	store *storage.Store
	track *tracking.Service
	iv    *interviews.Service
	svc   *transfer.Service
	path  string // the workspace file

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
	l := &laptop{ctx: context.Background(), now: start, path: filepath.Join(t.TempDir(), name+".db")}
	s := openNew(t, l.path, storage.WithClock(l.tick))
	l.store, l.track, l.iv, l.svc = s, tracking.New(s), interviews.New(s), transfer.New(s)
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
	sum, err := l.svc.ExportBundle(l.ctx, &buf, opts, owner)
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
	rep, err := l.svc.ImportBundle(l.ctx, bytes.NewReader(data), int64(len(data)), model.Profile{Name: "test import"}, owner, bundle.ImportOptions{})
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
	if _, err := r.track.Attach(ctx, ada.ID, "ada.txt", []byte("Cut token spend by 40% with caching.\n"), r.riley); err != nil {
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
	if _, err := r.track.Move(ctx, app.ID, 0, interview, "", r.riley); err != nil {
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

func mustCards(t *testing.T, l *recruiterSetup) []scoring.Scorecard {
	t.Helper()
	cards, err := l.store.RoleScorecards(l.ctx, l.role.ID)
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

// Tests the window facades: user errors that name the field without internals, who may export,
// how an export ends (cancelled at any step, one at a time) and bundle export with a locked profile.

package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/storage"

	"github.com/jackc/pgx/v5/pgconn"
)

// fakeShell stands in for the window: it records events and answers the
// save dialog with a fixed path ("" = the user cancelled).
type fakeShell struct {
	mu      sync.Mutex
	events  []ExportProgress
	savePth string
	asked   int
	onStage func(stage string) // called on each export progress event, as the page would react
	opened  string
}

func (f *fakeShell) emit(name string, data any) {
	p, ok := data.(ExportProgress)
	if !ok || name != "export:progress" {
		return
	}
	f.mu.Lock()
	f.events = append(f.events, p)
	on := f.onStage
	f.mu.Unlock()
	if on != nil {
		on(p.Stage)
	}
}

// at runs fn when an export reaches stage (as a click on Cancel would).
func at(stage string, fn func()) func(string) {
	return func(s string) {
		if s == stage {
			fn()
		}
	}
}

// stages lists the export stages emitted since from.
func (f *fakeShell) stages(from int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, e := range f.events[from:] {
		out = append(out, e.Stage)
	}
	return out
}

func (f *fakeShell) seen() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.events)
}

func (f *fakeShell) savePath(string, string, string, string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	return f.savePth, nil
}
func (f *fakeShell) openPath(string, string, string) (string, error) { return f.opened, nil }
func (f *fakeShell) flushed()                                        {}

func (f *fakeShell) last() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.events) == 0 {
		return ""
	}
	return f.events[len(f.events)-1].Stage
}

// desk is the app's facades over a fresh workspace: Riley (recruiter),
// Sam (interviewer), a role with one round and Sam's submitted card.
type desk struct {
	shell   *fakeShell
	ws      *Workspace
	iv      *Interviews
	ex      *Exports
	tr      *Transfer
	riley   model.Profile
	sam     model.Profile
	roleID  int64
	dataDir string
}

func newDesk(t *testing.T) *desk {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	store, err := storage.Open(filepath.Join(dir, "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	svc, ivs := tracking.New(store), interviews.New(store)
	builtin, err := ivs.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := &desk{shell: &fakeShell{}, dataDir: dir}
	d.ws = NewWorkspace(svc, store, dir, d.shell)
	d.iv = NewInterviews(ivs, d.ws, d.shell)
	d.ex = NewExports(ivs, d.ws, d.shell)
	d.tr = NewTransfer(svc, transfer.New(store), d.ws, d.shell)
	if d.riley, err = d.ws.CreateProfile("Riley Chen", true); err != nil {
		t.Fatal(err)
	}
	if d.sam, err = svc.CreateProfile(ctx, "Sam Okafor", false, false, d.riley); err != nil {
		t.Fatal(err)
	}
	role, err := svc.CreateRole(ctx, model.RoleInput{Title: "AI Engineer", Status: model.RoleOpen})
	if err != nil {
		t.Fatal(err)
	}
	d.roleID = role.ID
	cand, err := svc.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, []int64{role.ID}, d.riley)
	if err != nil {
		t.Fatal(err)
	}
	det, _ := svc.Detail(ctx, cand.ID)
	round, err := ivs.SaveRound(ctx, scoring.RoundInput{RoleID: role.ID, Name: "Deep dive", RubricID: builtin.RubricID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, InterviewerIDs: []int64{d.sam.ID}}, d.riley)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ivs.StartInterview(ctx, det.Applications[0].ID, round.ID, d.sam)
	if err != nil {
		t.Fatal(err)
	}
	three, rec := 3, "yes"
	for _, q := range v.Rubric.Competencies[0].Questions {
		if _, err := ivs.SaveDraft(ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &three}}, d.sam); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ivs.Submit(ctx, v.Card.ID, scoring.Patch{Recommendation: &rec}, d.sam); err != nil {
		t.Fatal(err)
	}
	return d
}

// asUser decodes the error a binding returns, as the page would.
func asUser(t *testing.T, err error) UserError {
	t.Helper()
	if err == nil {
		t.Fatal("want an error")
	}
	var ue UserError
	if jerr := json.Unmarshal([]byte(err.Error()), &ue); jerr != nil {
		t.Fatalf("%v is not a UserError: %v", err, jerr)
	}
	return ue
}

func TestUserErrorSaysWhatAndWhereWithoutInternals(t *testing.T) {
	cases := []struct {
		err    error
		code   string
		fields int
		says   string
	}{
		{model.Invalid("email", "%q is not a valid email address", "x"), "invalid", 1, `"x" is not a valid email address.`},
		{fmt.Errorf("candidate 7: %w", model.ErrNotFound), "not_found", 0, "no longer exists"},
		{fmt.Errorf("only the recruiter exports it: %w", model.ErrConflict), "conflict", 0, "Only the recruiter exports it."},
		{&model.LockedError{ProfileID: 3, Name: "Riley Chen"}, "locked", 0, "Riley Chen's profile is protected"},
		{errors.New("storage: UNIQUE constraint failed: candidates.email for ada@example.com"), "internal", 0, "Something went wrong"},
		// A shared workspace's policy refused what the app let through.
		{fmt.Errorf("storage: add candidate: %w", &pgconn.PgError{Code: "42501", Message: `new row violates row-level security policy for table "applications"`}),
			"conflict", 0, "The shared workspace's server does not let your login do this; a recruiter can."},
	}
	for _, c := range cases {
		ue := asUser(t, userError(c.err))
		if ue.Code != c.code || len(ue.Fields) != c.fields || !strings.Contains(ue.Message, c.says) {
			t.Errorf("%v → %+v; want %s saying %q", c.err, ue, c.code, c.says)
		}
		if c.code == "internal" && strings.Contains(ue.Message, "ada@example.com") {
			t.Errorf("an internal error's text reached the user: %q", ue.Message)
		}
	}
	if ue := asUser(t, userError(&model.LockedError{ProfileID: 3, Name: "Riley Chen"})); ue.ProfileID != 3 {
		t.Errorf("locked error without the profile to unlock: %+v", ue)
	}
}

func TestExportsWhoMayAndHowItEnds(t *testing.T) {
	d := newDesk(t)
	out := filepath.Join(t.TempDir(), "committee.xlsx")
	d.shell.savePth = out

	// Sam may not export the committee workbook: refused before any dialog.
	if _, err := d.ws.SwitchProfile(d.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	_, err := d.ex.Workbook(d.roleID)
	if ue := asUser(t, err); ue.Code != "conflict" || !strings.Contains(ue.Message, "only the recruiter exports it") {
		t.Errorf("interviewer export: %+v", ue)
	}
	if d.shell.asked != 0 || d.shell.last() != "failed" {
		t.Errorf("dialog asked %d times, last progress %q; want no dialog and 'failed'", d.shell.asked, d.shell.last())
	}
	rights, err := d.iv.Rights()
	if err != nil || rights.ExportCommittee || rights.EditPlan || rights.ExportCommitteeNote == "" {
		t.Errorf("Sam's rights %+v (%v)", rights, err)
	}

	// Riley exports; progress ends with done.
	if _, err := d.ws.SwitchProfile(d.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	res, err := d.ex.Workbook(d.roleID)
	if err != nil || !res.Saved || res.Candidates != 1 || d.shell.last() != "done" {
		t.Fatalf("recruiter export: %+v, %v, last %q", res, err, d.shell.last())
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("no workbook written: %v", err)
	}

	// Cancelled while writing: nothing replaces the file, the page hears 'cancelled'.
	before, _ := os.ReadFile(out)
	d.shell.onStage = at("writing", d.ex.CancelExport)
	res, err = d.ex.CSV(d.roleID, "scorecards", true)
	if err != nil || res.Saved || !res.Cancelled || d.shell.last() != "cancelled" {
		t.Errorf("cancelled export: %+v, %v, last %q", res, err, d.shell.last())
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("a cancelled export changed the file")
	}
	d.shell.onStage = nil

	// The user closes the save dialog: nothing saved, and the export ends
	// cancelled, not done.
	d.shell.savePth = ""
	from := d.shell.seen()
	res, err = d.ex.Workbook(d.roleID)
	if want := (ExportResult{Cancelled: true}); err != nil || res != want {
		t.Errorf("dialog closed: %+v, %v; want %+v", res, err, want)
	}
	if got, want := strings.Join(d.shell.stages(from), " "), "gathering choosing cancelled"; got != want {
		t.Errorf("dialog closed: stages %q, want %q", got, want)
	}
	if _, err := d.ex.CSV(d.roleID, "everything", false); asUser(t, err).Code != "invalid" {
		t.Errorf("unknown CSV: %v", err)
	}
}

// captureLog sends slog to a buffer for the rest of the test.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })
	return &buf
}

func TestCancelWhileGatheringEndsCancelledNotFailed(t *testing.T) {
	d := newDesk(t)
	out := filepath.Join(t.TempDir(), "committee.xlsx")
	d.shell.savePth = out
	logs := captureLog(t)

	// Cancel is pressed while the scorecards are gathered: the read stops
	// with "context canceled", which is the user's wish, not a failure.
	d.shell.onStage = at("gathering", d.ex.CancelExport)
	res, err := d.ex.Workbook(d.roleID)
	if want := (ExportResult{Cancelled: true}); err != nil || res != want {
		t.Errorf("cancelled while gathering: %+v, %v; want %+v and no error", res, err, want)
	}
	if got, want := strings.Join(d.shell.stages(0), " "), "gathering cancelled"; got != want {
		t.Errorf("stages %q, want %q", got, want)
	}
	if d.shell.asked != 0 {
		t.Errorf("the save dialog opened %d times after Cancel", d.shell.asked)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a cancelled export wrote a file: %v", err)
	}
	if logs.Len() != 0 {
		t.Errorf("a cancel was logged as an error: %s", logs)
	}
}

func TestOneExportAtATime(t *testing.T) {
	d := newDesk(t)
	out := filepath.Join(t.TempDir(), "committee.xlsx")
	d.shell.savePth = out

	// While the workbook waits on the save dialog, a CSV export is asked
	// for: it is refused without a word on the progress channel, and Cancel
	// still stops the workbook.
	var second error
	var secondStages []string
	tried := false
	d.shell.onStage = at("choosing", func() {
		if tried {
			return
		}
		tried = true
		from := d.shell.seen()
		_, second = d.ex.CSV(d.roleID, "summary", false)
		secondStages = d.shell.stages(from)
		d.ex.CancelExport()
	})
	res, err := d.ex.Workbook(d.roleID)
	ue := asUser(t, second)
	if want := "Another export is still running; wait for it to finish or cancel it."; ue.Code != "conflict" || ue.Message != want {
		t.Errorf("second export: %+v; want conflict %q", ue, want)
	}
	if len(secondStages) != 0 {
		t.Errorf("the refused export reported progress %q", secondStages)
	}
	if want := (ExportResult{Cancelled: true}); err != nil || res != want || d.shell.last() != "cancelled" {
		t.Errorf("first export after Cancel: %+v, %v, last %q; want %+v", res, err, d.shell.last(), want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("something was written: %v", err)
	}

	// Once it ended, the next export runs.
	d.shell.onStage = nil
	if res, err := d.ex.Workbook(d.roleID); err != nil || !res.Saved || d.shell.last() != "done" {
		t.Errorf("export after the first ended: %+v, %v, last %q", res, err, d.shell.last())
	}
}

func TestBundleExportsAndLockedProfile(t *testing.T) {
	d := newDesk(t)
	d.shell.savePth = filepath.Join(t.TempDir(), "b.hbundle")
	if _, err := d.ws.SwitchProfile(d.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := d.tr.ExportBundle(false); asUser(t, err).Code != "conflict" {
		t.Errorf("an interviewer exported the whole workspace: %v", err)
	}
	if res, err := d.tr.ExportBundle(true); err != nil || !res.Saved {
		t.Errorf("an interviewer could not export their own scorecards: %+v %v", res, err)
	}

	// Riley protects her profile; a new window on this workspace is locked.
	if _, err := d.ws.SwitchProfile(d.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ws.SetPassphrase("", "blue heron at dawn"); err != nil {
		t.Fatal(err)
	}
	tracking.WrongPassphraseDelay = 0
	fresh := NewWorkspace(d.ws.svc, d.ws.store, d.dataDir, d.shell)
	_, err := fresh.CurrentProfile()
	if ue := asUser(t, err); ue.Code != "locked" || ue.ProfileID != d.riley.ID {
		t.Fatalf("reopening on a protected profile: %+v", ue)
	}
	freshIv := NewInterviews(d.iv.svc, fresh, d.shell)
	if _, err := freshIv.Rights(); asUser(t, err).Code != "invalid" {
		t.Errorf("a locked window acted as someone: %v", err)
	}
	if _, err := fresh.SwitchProfile(d.riley.ID, "nope nope nope"); asUser(t, err).Code != "invalid" {
		t.Error("a wrong passphrase unlocked")
	}
	if p, err := fresh.SwitchProfile(d.riley.ID, "blue heron at dawn"); err != nil || p.ID != d.riley.ID {
		t.Fatalf("unlock: %v", err)
	}
	if p, err := fresh.CurrentProfile(); err != nil || p.ID != d.riley.ID {
		t.Errorf("after unlocking, a reload asks again: %v", err)
	}
	// Someone else takes the laptop: nobody is acting until they choose.
	fresh.SignOut()
	if _, err := fresh.CreateProfile("Mallory", true); asUser(t, err).Code != "conflict" {
		t.Errorf("after signing out, a new recruiter was made: %v", err)
	}
}

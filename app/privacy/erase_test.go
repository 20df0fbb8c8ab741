// The erasure as the issue states it: a seeded workspace with snapshots, a
// candidate with a distinctive name, email and resume (a note, an attachment,
// a scorecard with notes), erased; then a case-insensitive byte scan of every
// file in the data folder finds none of their words.

package privacy

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/backup"
	"hirebench/app/demo/demotest"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// The person: words that occur nowhere else in the workspace.
const (
	qName   = "Quorra Vantablack"
	qEmail  = "quorra.vantablack@zyxmail.test"
	qResume = "Built the Xylophantic compiler at Brindlewick Labs; speaks Frobnitzian."
)

var qTokens = []string{"quorra", "vantablack", "zyxmail", "xylophantic", "brindlewick", "frobnitzian"}

var (
	recruiter   = scoring.Exporter{ProfileID: 1, IsRecruiter: true}
	interviewer = scoring.Exporter{ProfileID: 2}
)

// desk is a workspace in its own data folder (the demo's when seeded, else
// just Riley and Sam), with Quorra added.
type desk struct {
	dir    string
	store  *storage.Store
	svc    *Service
	track  *tracking.Service
	riley  model.Profile
	quorra int64
	role   model.Role
}

func newDesk(t *testing.T, seeded bool) *desk {
	t.Helper()
	ctx := context.Background()
	d := &desk{dir: t.TempDir()}
	if seeded { // the demo's roles, plans, scorecards and history, copied from the run's one seed
		demotest.CopyTo(t, filepath.Join(d.dir, "workspace.db"))
	}
	var err error
	if d.store, err = storage.Open(filepath.Join(d.dir, "workspace.db")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.store.Close() })
	iv := interviews.New(d.store)
	builtin, err := iv.EnsureBuiltin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d.svc, d.track = New(d.store), tracking.New(d.store)
	if !seeded {
		riley, err := d.track.CreateProfile(ctx, "Riley Chen", true, false, model.Profile{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.track.CreateProfile(ctx, "Sam Okafor", false, false, riley); err != nil {
			t.Fatal(err)
		}
	}
	d.svc.loc = time.UTC
	profiles, _ := d.track.Profiles(ctx)
	var sam model.Profile
	for _, p := range profiles {
		if p.IsRecruiter {
			d.riley = p
		} else if sam.ID == 0 {
			sam = p
		}
	}
	if d.role, err = d.track.CreateRole(ctx, model.RoleInput{Title: "Compiler Engineer", Status: model.RoleOpen}); err != nil {
		t.Fatal(err)
	}
	c, err := d.track.CreateCandidate(ctx, model.CandidateInput{Name: qName, Email: qEmail, ResumeText: qResume,
		Source: "Brindlewick alumni", Tags: []string{"frobnitzian"}}, []int64{d.role.ID}, d.riley)
	if err != nil {
		t.Fatal(err)
	}
	d.quorra = c.ID
	if _, err := d.track.AddNote(ctx, c.ID, "Quorra Vantablack asked about Brindlewick's notice period.", d.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := d.track.Attach(ctx, c.ID, "vantablack-cv.txt", []byte("Curriculum vitae: "+qName+"\n"+qEmail+"\n"+qResume), d.riley); err != nil {
		t.Fatal(err)
	}
	round, err := iv.SaveRound(ctx, scoring.RoundInput{RoleID: d.role.ID, Name: "Compilers", RubricID: builtin.RubricID,
		Competencies: []string{builtin.Content.Competencies[0].ID}, InterviewerIDs: []int64{sam.ID}}, d.riley)
	if err != nil {
		t.Fatal(err)
	}
	det, _ := d.track.Detail(ctx, c.ID)
	v, err := iv.StartInterview(ctx, det.Applications[0].ID, round.ID, sam)
	if err != nil {
		t.Fatal(err)
	}
	three, rec, notes, said := 3, "yes", "Quorra walked through the Xylophantic parser.", "Vantablack knew Frobnitzian well."
	for _, q := range v.Rubric.Competencies[0].Questions {
		if _, err := iv.SaveDraft(ctx, v.Card.ID, []scoring.Patch{{QuestionID: q.ID, Score: &three, AnswerNotes: &said}}, sam); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := iv.Submit(ctx, v.Card.ID, scoring.Patch{Recommendation: &rec, Notes: &notes}, sam); err != nil {
		t.Fatal(err)
	}
	return d
}

// snapshot takes an automatic snapshot as the app does.
func (d *desk) snapshot(t *testing.T) {
	t.Helper()
	if _, err := backup.New(d.store).TakeSnapshot(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// scan lists every token found, case-insensitively, in any file under
// dir, whole or as the tail a search index may keep of a word.
func scan(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b = bytes.ToLower(b)
		rel, _ := filepath.Rel(dir, path)
		for _, tok := range qTokens {
			for _, s := range []string{tok, tok[len(tok)-6:]} {
				if bytes.Contains(b, []byte(s)) {
					found = append(found, fmt.Sprintf("%q in %s", s, rel))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestErasingLeavesNoTraceInTheDataFolder(t *testing.T) {
	for _, action := range []Action{Erase, Anonymise} {
		t.Run(string(action), func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, true)
			d.snapshot(t)
			d.snapshot(t)
			snaps := filepath.Join(d.dir, "snapshots")
			// A snapshot that cannot be opened, and the leftover of one cut
			// short long ago: both hold her words, so both must go.
			broken := filepath.Join(snaps, "workspace-20250101T000000Z.db")
			if err := os.WriteFile(broken, []byte("SQLite format 3\x00 then garbage: "+qName), 0o600); err != nil {
				t.Fatal(err)
			}
			leftover := filepath.Join(snaps, ".workspace-20250101T000000Z.db.tmp-123")
			if err := os.WriteFile(leftover, []byte(qEmail), 0o600); err != nil {
				t.Fatal(err)
			}
			old := time.Now().Add(-time.Hour)
			if err := os.Chtimes(leftover, old, old); err != nil {
				t.Fatal(err)
			}
			// The scan sees her everywhere she is before.
			before := strings.Join(scan(t, d.dir), " ")
			for _, where := range []string{"workspace.db", "snapshots/workspace-2", "broken", ".tmp-123"} {
				if where == "broken" {
					where = filepath.Base(broken)
				}
				if !strings.Contains(before, where) {
					t.Fatalf("before erasing, the scan does not find her in %s: %s", where, before)
				}
			}

			res, err := d.svc.Erase(ctx, d.quorra, action, d.riley, recruiter)
			if err != nil {
				t.Fatal(err)
			}
			if res.Candidates != 1 || res.Snapshots != (Snapshots{Rewritten: 2, Dropped: 2}) || res.Warning != "" {
				t.Errorf("result = %+v", res)
			}
			if got := scan(t, d.dir); len(got) > 0 {
				t.Errorf("after %s, with the app open: %v", action, got)
			}
			if err := d.store.Close(); err != nil {
				t.Fatal(err)
			}
			if got := scan(t, d.dir); len(got) > 0 {
				t.Errorf("after %s, closed: %v", action, got)
			}
		})
	}
}

func TestSnapshotsWithoutThePersonAreLeftAlone(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	d.snapshot(t)
	other, err := d.track.CreateCandidate(ctx, model.CandidateInput{Name: "Late Comer", Email: "late@example.com"}, []int64{d.role.ID}, d.riley)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := filepath.Glob(filepath.Join(d.dir, "snapshots", "*.db"))
	before, _ := os.ReadFile(list[0])
	res, err := d.svc.Erase(ctx, other.ID, Erase, d.riley, recruiter)
	if err != nil || res.Snapshots != (Snapshots{Unchanged: 1}) {
		t.Fatalf("result = %+v, %v", res, err)
	}
	if after, _ := os.ReadFile(list[0]); !bytes.Equal(before, after) {
		t.Error("a snapshot that never held the person was rewritten")
	}
	log, _ := d.svc.AuditLog(ctx, 0)
	if len(log) != 1 || log[0].CandidateID != other.ID || log[0].Snapshots != (Snapshots{}) || log[0].ActorName != d.riley.Name {
		t.Errorf("audit = %+v", log)
	}
}

func TestOnlyTheRecruiterErases(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	want := "Only the recruiter erases or anonymises candidates, exports everything held about one, or sets the retention policy."
	for name, err := range map[string]error{
		"erase":     errOf(d.svc.Erase(ctx, d.quorra, Erase, d.riley, interviewer)),
		"anonymise": errOf(d.svc.Erase(ctx, d.quorra, Anonymise, d.riley, interviewer)),
		"retention": errOf(d.svc.ApplyRetention(ctx, []int64{d.quorra}, Erase, d.riley, interviewer)),
		"policy":    d.svc.SetRetention(ctx, 6, interviewer),
		"subject":   errOf(d.svc.GatherSubject(ctx, d.quorra, interviewer)),
	} {
		if err == nil || model.RefusalSentence(err) != want {
			t.Errorf("an interviewer's %s: %v", name, err)
		}
	}
	if r, err := d.svc.RightsOf(ctx, interviewer); err != nil || r.Manage || r.Erase || r.ManageNote != want || r.EraseNote != want {
		t.Errorf("an interviewer's rights: %+v, %v", r, err)
	}
	if r, err := d.svc.RightsOf(ctx, scoring.Exporter{Owner: true}); err != nil || !r.Manage || !r.Erase || r.ManageNote != "" {
		t.Errorf("the command line's rights: %+v, %v", r, err)
	}
	if c, err := d.store.GetCandidate(ctx, d.quorra); err != nil || c.Name != qName {
		t.Errorf("Quorra after refusals: %+v, %v", c, err)
	}
	if err := d.svc.SetRetention(ctx, 6, recruiter); err != nil {
		t.Fatal(err)
	}
	if months, _ := d.svc.RetentionMonths(ctx); months != 6 {
		t.Errorf("months = %d", months)
	}
}

func TestBadInputIsRefusedBeforeAnythingChanges(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	if _, err := d.svc.Erase(ctx, d.quorra, "shred", d.riley, recruiter); err == nil || err.Error() != "action: Choose erase or anonymise" {
		t.Errorf("an unknown action: %v", err)
	}
	if _, err := d.svc.Erase(ctx, 999999, Erase, d.riley, recruiter); err == nil || !strings.Contains(err.Error(), "candidate 999999") {
		t.Errorf("an unknown candidate: %v", err)
	}
	id, err := d.svc.CandidateByEmail(ctx, "  QUORRA.Vantablack@ZYXMAIL.test ")
	if err != nil || id != d.quorra {
		t.Errorf("by email as typed: %d, %v", id, err)
	}
	if _, err := d.svc.CandidateByEmail(ctx, "nobody@zyxmail.test"); err == nil || strings.Contains(err.Error(), "zyxmail") {
		t.Errorf("an unknown email: %v (must not repeat the address)", err)
	}
	for _, m := range []int{-1, 121} {
		if err := d.svc.SetRetention(ctx, m, recruiter); err == nil || !strings.Contains(err.Error(), "from 1 to 120, or 0") {
			t.Errorf("%d months: %v", m, err)
		}
	}
	if log, _ := d.svc.AuditLog(ctx, 0); len(log) != 0 {
		t.Errorf("audit after refusals: %+v", log)
	}
}

func TestTheSentenceAboutBackupsOutside(t *testing.T) {
	since := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	svc := &Service{loc: time.UTC}
	bundles := "Bundles exported and copies of the data folder made since 2 March 2026 may still hold this person too: delete them, or erase this person there."
	for _, c := range []struct {
		last string
		want string
	}{
		{"none", "Backups you saved yourself since 2 March 2026 may still hold this person. " + bundles},
		{"", "No backup was saved outside the data folder with Back up now. " + bundles},
		{"2026-02-27T09:00:00.000Z", "No backup saved outside the data folder holds this person: the last one, on 27 February 2026, was made before. " + bundles},
		{"2026-04-15T09:00:00.000Z", "Backups saved outside the data folder between 2 March 2026 and 15 April 2026 (the last one) may still hold this person: delete them, or restore each and erase there. " + bundles},
	} {
		svc.backups = savedAt(c.last)
		if c.last == "none" {
			svc.backups = nil
		}
		if got := svc.outside(context.Background(), 1, since); got != c.want {
			t.Errorf("last saved %q:\n got %s\nwant %s", c.last, got, c.want)
		}
	}
	svc.backups = nil
	if got := svc.outside(context.Background(), 3, since); !strings.Contains(got, "may still hold these 3 candidates.") {
		t.Errorf("three people: %s", got)
	}
}

// savedAt is a backup service whose last outside backup was at a fixed time.
type savedAt string

func (s savedAt) LastSaved(context.Context) (string, error) { return string(s), nil }
func (savedAt) Paused(fn func() error) error                { return fn() }

func errOf[T any](_ T, err error) error { return err }

// ids of the due candidates.
func dueIDs(r Review) []int64 {
	out := []int64{}
	for _, c := range r.Candidates {
		out = append(out, c.ID)
	}
	slices.Sort(out)
	return out
}

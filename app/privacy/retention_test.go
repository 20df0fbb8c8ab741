package privacy

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

func TestRetentionActsOnlyOnWhoIsStillDue(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	// Two years ago, through the same workspace with an older clock.
	then := tracking.New(d.store.Clocked(func() time.Time { return time.Now().AddDate(-2, 0, 0) }))
	rejected := d.role.Stages[len(d.role.Stages)-1]
	reject := func(name string) int64 {
		c, err := then.CreateCandidate(ctx, model.CandidateInput{Name: name}, []int64{d.role.ID}, d.riley)
		if err != nil {
			t.Fatal(err)
		}
		det, _ := then.Detail(ctx, c.ID)
		if _, err := then.Move(ctx, det.Applications[0].ID, 0, rejected.ID, "Candidate withdrew", d.riley); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	old, noted := reject("Old Rejection"), reject("Noted Later")

	if r, err := d.svc.Retention(ctx); err != nil || r.Months != 0 || len(r.Candidates) != 0 {
		t.Errorf("with the policy off: %+v, %v", r, err)
	}
	if _, err := d.svc.ApplyRetention(ctx, []int64{old}, Erase, d.riley, recruiter); err == nil || !strings.Contains(err.Error(), "the retention policy is off") {
		t.Errorf("applying with the policy off: %v", err)
	}
	if err := d.svc.SetRetention(ctx, 12, recruiter); err != nil {
		t.Fatal(err)
	}
	review, err := d.svc.Retention(ctx)
	if err != nil || fmt.Sprint(dueIDs(review)) != fmt.Sprint([]int64{old, noted}) || review.Candidates[0].Applications[0] != "Compiler Engineer: Candidate withdrew" {
		t.Fatalf("review: %+v, %v", review, err)
	}
	// Someone notes one of them after the list was made.
	if _, err := d.track.AddNote(ctx, noted, "Asked us to keep their file.", d.riley); err != nil {
		t.Fatal(err)
	}
	_, err = d.svc.ApplyRetention(ctx, []int64{old, noted}, Erase, d.riley, recruiter)
	if err == nil || model.RefusalSentence(err) != fmt.Sprintf("Candidate %d is not due under the retention policy any more (moved, noted or gone since the list was made); nothing was changed: reload the list.", noted) {
		t.Errorf("a stale list: %v", err)
	}
	if c, err := d.store.GetCandidate(ctx, old); err != nil || c.Name != "Old Rejection" {
		t.Errorf("after a refused list, Old Rejection: %+v, %v", c, err)
	}
	res, err := d.svc.ApplyRetention(ctx, []int64{old, old}, Anonymise, d.riley, recruiter)
	if err != nil || res.Candidates != 1 || res.Action != Anonymise {
		t.Fatalf("anonymise: %+v, %v", res, err)
	}
	log, _ := d.svc.AuditLog(ctx, 0)
	if len(log) != 1 || log[0].Why != "retention" || log[0].CandidateID != old {
		t.Errorf("audit: %+v", log)
	}
	if r, _ := d.svc.Retention(ctx); len(r.Candidates) != 0 {
		t.Errorf("still due after anonymising: %+v", r.Candidates)
	}
}

// meddling is a backup service whose pause first lets another process
// act: the moment between the review being checked and the erasure.
type meddling func()

func (meddling) LastSaved(context.Context) (string, error) { return "", nil }
func (m meddling) Paused(fn func() error) error            { m(); return fn() }

func TestACandidateMadeActiveWhileRetentionRunsIsKept(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, false)
	then := tracking.New(d.store.Clocked(func() time.Time { return time.Now().AddDate(-2, 0, 0) }))
	rejected := d.role.Stages[len(d.role.Stages)-1]
	var apps []int64
	for _, name := range []string{"Old Rejection", "Back In Play"} {
		c, err := then.CreateCandidate(ctx, model.CandidateInput{Name: name}, []int64{d.role.ID}, d.riley)
		if err != nil {
			t.Fatal(err)
		}
		det, _ := then.Detail(ctx, c.ID)
		if _, err := then.Move(ctx, det.Applications[0].ID, 0, rejected.ID, "Position filled", d.riley); err != nil {
			t.Fatal(err)
		}
		apps = append(apps, det.Applications[0].ID)
	}
	if err := d.svc.SetRetention(ctx, 12, recruiter); err != nil {
		t.Fatal(err)
	}
	review, err := d.svc.Retention(ctx)
	if err != nil || len(review.Candidates) != 2 {
		t.Fatalf("review: %+v, %v", review, err)
	}
	old, back := review.Candidates[0].ID, review.Candidates[1].ID
	// Another process (the command line, say) moves one back into the process.
	other, err := storage.Open(d.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	d.svc.WithBackups(meddling(func() {
		if _, err := tracking.New(other).Move(ctx, apps[1], 0, d.role.Stages[1].ID, "", d.riley); err != nil {
			t.Fatal(err)
		}
	}))
	_, err = d.svc.ApplyRetention(ctx, []int64{old, back}, Erase, d.riley, recruiter)
	want := fmt.Sprintf("Candidate %d is not due under the retention policy any more (moved, noted or gone since the list was made); nothing was changed: reload the list.", back)
	if err == nil || model.RefusalSentence(err) != want {
		t.Fatalf("applying a list one left meanwhile: %v", err)
	}
	for id, name := range map[int64]string{old: "Old Rejection", back: "Back In Play"} {
		if c, err := d.store.GetCandidate(ctx, id); err != nil || c.Name != name {
			t.Errorf("candidate %d after the refusal: %+v, %v", id, c, err)
		}
	}
	if log, _ := d.svc.AuditLog(ctx, 0); len(log) != 0 {
		t.Errorf("audit after the refusal: %+v", log)
	}
	d.svc.WithBackups(meddling(func() {}))
	if res, err := d.svc.ApplyRetention(ctx, []int64{old}, Erase, d.riley, recruiter); err != nil || res.Candidates != 1 {
		t.Errorf("applying to who is still due: %+v, %v", res, err)
	}
}

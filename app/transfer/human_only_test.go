package transfer_test

import (
	"testing"
	"time"

	"hirebench/app/bundle"
)

// humanOnly reads a candidate's "no AI" switch by email.
func (l *laptop) humanOnly(t *testing.T, email string) bool {
	t.Helper()
	c, err := l.track.FindByEmail(l.ctx, email)
	if err != nil {
		t.Fatalf("candidate %s: %v", email, err)
	}
	on, err := l.store.HumanOnly(l.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return on
}

func (l *laptop) setHumanOnly(t *testing.T, email string, on bool) {
	t.Helper()
	c, err := l.track.FindByEmail(l.ctx, email)
	if err != nil {
		t.Fatalf("candidate %s: %v", email, err)
	}
	if err := l.store.SetHumanOnly(l.ctx, c.ID, on); err != nil {
		t.Fatal(err)
	}
}

// A person who asked for no AI stays out of AI on every laptop a bundle
// takes them to: the recruiter's setup bundle carries the switch to the
// interviewer's new record, the interviewer's bundle carries it back onto
// the recruiter's existing one, and a bundle never switches it off.
func TestHumanOnlyTravelsWithTheBundle(t *testing.T) {
	rec := newRecruiter(t)
	rec.setHumanOnly(t, "ada@example.com", true)
	setup := rec.export(t, bundle.ExportOptions{NoScorecards: true, AppVersion: "test"})

	sam := newLaptop(t, "sam", time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	sam.importBundle(t, setup)
	if !sam.humanOnly(t, "ada@example.com") {
		t.Fatal("Ada asked for no AI on the recruiter's laptop, but is open to AI on Sam's")
	}

	// Ada tells the recruiter she is fine with AI after all; meanwhile Sam's
	// laptop, and a bundle from it, still keep her out.
	rec.setHumanOnly(t, "ada@example.com", false)
	me := sam.profile(t, "Sam Okafor", false)
	role := sam.role(t, "AI Engineer")
	sam.score(t, sam.application(t, "ada@example.com", role.ID).ID, sam.round(t, role.ID, "Deep dive").ID, me, 3)
	mine := sam.export(t, bundle.ExportOptions{AuthorID: me.ID, AppVersion: "test"})
	rec.importBundle(t, mine)
	if !rec.humanOnly(t, "ada@example.com") {
		t.Error("Sam's bundle keeps Ada out of AI, but the recruiter's laptop let her back in")
	}

	// A bundle without the switch leaves the local one as it is.
	sam.setHumanOnly(t, "ada@example.com", false)
	rec.importBundle(t, sam.export(t, bundle.ExportOptions{AuthorID: me.ID, AppVersion: "test"}))
	if !rec.humanOnly(t, "ada@example.com") {
		t.Error("a bundle without the switch turned it off")
	}
}

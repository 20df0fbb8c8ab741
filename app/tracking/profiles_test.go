// Tests profile passphrases and that, once there is a recruiter, only a recruiter
// can add another.

package tracking_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/tracking"
)

func init() { tracking.WrongPassphraseDelay = 0 }

func TestRecruiterPassphrase(t *testing.T) {
	e := newEnv(t) // Riley, recruiter, current
	sam, err := e.svc.CreateProfile(e.ctx, "Sam", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	// Too short a passphrase is refused and nothing changes.
	_, err = e.svc.SetPassphrase(e.ctx, e.actor, "", "short")
	wantField(t, err, "passphrase")
	riley, err := e.svc.SetPassphrase(e.ctx, e.actor, "", "blue heron at dawn")
	if err != nil || !riley.Protected {
		t.Fatalf("SetPassphrase = %+v, %v", riley, err)
	}
	// Stored hashed: the passphrase appears nowhere in the workspace file.
	for _, name := range []string{"workspace.db", "workspace.db-wal"} {
		b, _ := os.ReadFile(filepath.Join(filepath.Dir(e.store.Path()), name))
		if strings.Contains(string(b), "blue heron") {
			t.Fatalf("%s holds the passphrase in clear", name)
		}
	}

	// Sam switches with one click; back to Riley needs the passphrase.
	if _, err := e.svc.SwitchProfile(e.ctx, sam.ID, ""); err != nil {
		t.Fatalf("unprotected switch: %v", err)
	}
	_, err = e.svc.SwitchProfile(e.ctx, riley.ID, "")
	wantField(t, err, "passphrase")
	_, err = e.svc.SwitchProfile(e.ctx, riley.ID, "blue heron at dusk")
	wantField(t, err, "passphrase")
	if cur, _ := e.svc.CurrentProfile(e.ctx); cur.ID != sam.ID {
		t.Fatal("a wrong passphrase switched the profile")
	}
	if p, err := e.svc.SwitchProfile(e.ctx, riley.ID, "blue heron at dawn"); err != nil || p.ID != riley.ID {
		t.Fatalf("right passphrase: %+v, %v", p, err)
	}

	// Reopening the app: Riley is current but locked until unlocked again.
	_, err = e.svc.Resume(e.ctx, 0)
	var locked *model.LockedError
	if !errors.As(err, &locked) || locked.ProfileID != riley.ID {
		t.Fatalf("Resume of a protected profile = %v, want LockedError", err)
	}
	if p, err := e.svc.Resume(e.ctx, riley.ID); err != nil || p.ID != riley.ID {
		t.Fatalf("Resume after unlocking = %+v, %v", p, err)
	}

	// An empty new passphrase is refused, not read as "remove".
	_, err = e.svc.SetPassphrase(e.ctx, riley, "blue heron at dawn", "")
	wantField(t, err, "passphrase")
	// Removing the protection needs the current passphrase.
	_, err = e.svc.RemovePassphrase(e.ctx, riley, "wrong one!")
	wantField(t, err, "current")
	if p, err := e.svc.RemovePassphrase(e.ctx, riley, "blue heron at dawn"); err != nil || p.Protected {
		t.Fatalf("removing the passphrase: %+v, %v", p, err)
	}
	if _, err := e.svc.SwitchProfile(e.ctx, riley.ID, ""); err != nil {
		t.Errorf("after removing it, one click switches again: %v", err)
	}
}

// Becoming the recruiter opens every scorecard: after the first recruiter,
// only a recruiter can add another.
func TestOnlyARecruiterAddsARecruiter(t *testing.T) {
	e := newEnv(t) // Riley is the recruiter
	sam, err := e.svc.CreateProfile(e.ctx, "Sam", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	for _, by := range []model.Profile{{}, sam} {
		if _, err := e.svc.CreateProfile(e.ctx, "Mallory", true, true, by); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "Riley Chen") {
			t.Errorf("%q made a recruiter: %v", by.Name, err)
		}
	}
	if cur, _ := e.svc.CurrentProfile(e.ctx); cur.ID != e.actor.ID {
		t.Error("a refused recruiter became the current profile")
	}
	if p, err := e.svc.CreateProfile(e.ctx, "Morgan", true, false, e.actor); err != nil || !p.IsRecruiter {
		t.Errorf("the recruiter could not add a second recruiter: %v", err)
	}
	if _, err := e.svc.CreateProfile(e.ctx, "Jonas", false, false, sam); err != nil {
		t.Errorf("an interviewer could not add an interviewer: %v", err)
	}
}

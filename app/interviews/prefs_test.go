// Tests the runner's preferences: on by default, kept per profile, and a
// saved preference that cannot be read falls back to the defaults.

package interviews_test

import (
	"strconv"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
)

func TestRunnerPrefsArePerProfile(t *testing.T) {
	e := newEnv(t)
	p, err := e.iv.RunnerPrefs(e.ctx, e.sam)
	if err != nil || !p.AdvanceAfterScore {
		t.Fatalf("default = %+v, %v; want moving on after scoring", p, err)
	}
	if _, err := e.iv.SetRunnerPrefs(e.ctx, e.sam, interviews.RunnerPrefs{AdvanceAfterScore: false}); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.iv.RunnerPrefs(e.ctx, e.sam); p.AdvanceAfterScore {
		t.Error("Sam turned moving on off, and it is still on")
	}
	// Priya's runner is hers: Sam's choice does not reach it.
	if p, _ := e.iv.RunnerPrefs(e.ctx, e.priya); !p.AdvanceAfterScore {
		t.Error("Sam's choice changed Priya's runner")
	}
	if _, err := e.iv.RunnerPrefs(e.ctx, model.Profile{}); err == nil {
		t.Error("preferences without a profile were read")
	}
	if err := e.store.PutSetting(e.ctx, "prefs.runner."+strconv.FormatInt(e.sam.ID, 10), "{not json"); err != nil {
		t.Fatal(err)
	}
	if p, err := e.iv.RunnerPrefs(e.ctx, e.sam); err != nil || !p.AdvanceAfterScore {
		t.Errorf("unreadable preferences = %+v, %v; want the defaults", p, err)
	}
}

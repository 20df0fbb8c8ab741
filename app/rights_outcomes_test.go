// Who may record or read outcomes after a hire and the Validity report,
// through the bindings: nobody signed in, an interviewer (no form, refused
// by Go, nothing saved) and the recruiter (what she records she reads).

package app

import (
	"strings"
	"testing"
	"time"

	"hirebench/app/outcomes"
)

const outcomesNote = "Only the recruiter records or reads outcomes after a hire."

func TestOutcomesAreTheRecruitersAlone(t *testing.T) {
	b := newBench(t)
	hire(t, b)
	four := 4
	record := func() error { return errOf(b.iv.RecordOutcome(b.adaID, b.roleID, outcomes.Input{Rating90d: &four})) }
	b.ws.SignOut()
	for name, call := range map[string]func() error{"Outcomes": func() error { return errOf(b.iv.Outcomes(b.adaID)) },
		"RecordOutcome": record, "Validity": func() error { return errOf(b.iv.Validity(b.roleID)) }} {
		if ue := asUser(t, call()); ue.Code != "invalid" || !strings.Contains(ue.Message, "Choose who you are") {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	// Sam interviews: the drawer shows him no outcome form.
	if got, err := b.iv.Outcomes(b.adaID); err != nil || len(got) != 0 {
		t.Errorf("Sam's outcome forms: %+v, %v", got, err)
	}
	refused(t, "Sam records", record(), outcomesNote)
	refused(t, "Sam's Validity", errOf(b.iv.Validity(b.roleID)), outcomesNote)
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	got, err := b.iv.Outcomes(b.adaID)
	if err != nil || len(got) != 1 || got[0].Outcome != nil || got[0].RoleID != b.roleID || got[0].Stage != "Hired" {
		t.Fatalf("Riley's form for Ada (Sam's refused call saved nothing): %+v, %v", got, err)
	}
}

func TestTheRecruiterRecordsAnOutcomeAndReadsValidity(t *testing.T) {
	b := newBench(t)
	if got, err := b.iv.Outcomes(b.adaID); err != nil || len(got) != 0 {
		t.Fatalf("Ada is not hired yet, so no form: %+v, %v", got, err)
	}
	rep, err := b.iv.Validity(b.roleID)
	if err != nil || rep.People != 0 || rep.Empty != outcomes.Empty {
		t.Fatalf("before any outcome: %+v, %v", rep, err)
	}
	hire(t, b)
	four, no := 4, false
	today := time.Now().UTC().Format(outcomes.DateLayout) // she was hired today: she left the same day
	got, err := b.iv.RecordOutcome(b.adaID, b.roleID, outcomes.Input{Rating90d: &four, LeftOn: " " + today + " ", Regretted: &no})
	if err != nil || len(got) != 1 || got[0].Outcome == nil {
		t.Fatalf("recorded: %+v, %v", got, err)
	}
	o := got[0].Outcome
	if *o.Rating90d != 4 || o.Rating1y != nil || o.LeftOn != today || *o.Regretted || o.RecordedBy != b.riley.Name {
		t.Errorf("Ada's outcome: %+v", o)
	}
	rep, err = b.iv.Validity(b.roleID)
	if err != nil || rep.People != 1 || rep.Empty != "" || len(rep.Measures) != 3 {
		t.Fatalf("after Ada's outcome: %+v, %v", rep, err)
	}
	// One person is one pair: counted, warned about, not correlated.
	s := rep.Measures[0].Rows[0].Stats
	if rep.Measures[0].Rows[0].Predictor != outcomes.Composite || s.N != 1 || s.PearsonR != nil || !strings.Contains(s.Warning, "Only 1 pair:") {
		t.Errorf("the 90-day row against the composite: %+v", rep.Measures[0].Rows[0])
	}
}

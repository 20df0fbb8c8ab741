// Tests the blind rule: others' cards open only after every assigned round, only
// assigned interviewers start a card, and amendments made after seeing others are marked.

package interviews_test

import (
	"errors"
	"strings"
	"testing"

	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// Priya interviews Ada in two rounds. Submitting the first does not open
// Sam's card; only submitting every round she is assigned to does.
func TestOthersCardsOpenOnlyAfterEveryAssignedRound(t *testing.T) {
	e := newEnv(t)
	second := e.addRound(t, "System design", e.builtin.Content.Competencies[1].ID, e.priya)
	sam := e.submit(t, e.sam, 3)
	e.submit(t, e.priya, 2) // round 1 done, round 2 still to do
	if _, err := e.iv.Scorecard(e.ctx, sam.ID, e.priya); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "every round") {
		t.Fatalf("Priya with a round to go reads Sam's card: %v", err)
	}
	rounds, err := e.iv.CandidateRounds(e.ctx, e.app.CandidateID, e.priya)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rounds {
		if r.Round.ID == e.round.ID && r.Hidden != 1 {
			t.Errorf("round 1 on Priya's screen: %d hidden, want Sam's card hidden", r.Hidden)
		}
	}
	if d, _ := e.iv.RoleDebrief(e.ctx, e.role.ID, e.priya); len(d.Candidates) != 0 || d.Hidden != 1 {
		t.Errorf("Priya's debrief before her last round: %d candidates, %d hidden", len(d.Candidates), d.Hidden)
	}
	e.submitFor(t, e.app, second, e.priya, 2)
	if _, err := e.iv.Scorecard(e.ctx, sam.ID, e.priya); err != nil {
		t.Errorf("after her last round Priya still cannot read Sam's card: %v", err)
	}
	if d, _ := e.iv.RoleDebrief(e.ctx, e.role.ID, e.priya); len(d.Candidates) != 1 {
		t.Errorf("Priya's debrief after her rounds: %d candidates", len(d.Candidates))
	}
}

func TestOnlyAssignedInterviewersStartAndTheRecruiterReassigns(t *testing.T) {
	e := newEnv(t) // the deep dive is Sam's and Priya's
	_, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.jonas)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "Priya Nair and Sam Okafor") {
		t.Fatalf("Jonas started a round he is not assigned to: %v", err)
	}
	// An interviewer cannot assign himself, nor edit the plan.
	if err := e.iv.AssignRound(e.ctx, e.app.ID, e.round.ID, []int64{e.jonas.ID}, e.jonas); !errors.Is(err, model.ErrConflict) {
		t.Errorf("interviewer reassigned a round: %v", err)
	}
	if _, err := e.iv.SaveRound(e.ctx, scoring.RoundInput{ID: e.round.ID, RoleID: e.role.ID, Name: "Deep dive", RubricID: e.builtin.RubricID,
		InterviewerIDs: []int64{e.jonas.ID}}, e.jonas); !errors.Is(err, model.ErrConflict) {
		t.Errorf("interviewer edited the plan: %v", err)
	}
	// Sam started before the change; the recruiter gives Ada's round to Jonas.
	samDraft, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.iv.AssignRound(e.ctx, e.app.ID, e.round.ID, []int64{e.jonas.ID}, e.riley); err != nil {
		t.Fatal(err)
	}
	if _, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.jonas); err != nil {
		t.Errorf("Jonas, now assigned, cannot start: %v", err)
	}
	if _, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.priya); err == nil {
		t.Error("Priya, reassigned away, started a card")
	}
	if again, err := e.iv.StartInterview(e.ctx, e.app.ID, e.round.ID, e.sam); err != nil || again.Card.ID != samDraft.Card.ID {
		t.Errorf("Sam cannot finish the card he started: %v", err)
	}
	// Another candidate keeps the plan's interviewers.
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	if _, err := e.iv.StartInterview(e.ctx, bo.ID, e.round.ID, e.priya); err != nil {
		t.Errorf("reassigning Ada's round changed Bo's: %v", err)
	}
	rounds, _ := e.iv.CandidateRounds(e.ctx, e.app.CandidateID, e.riley)
	if r := rounds[0]; !r.Reassigned || len(r.Interviewers) != 1 || r.Interviewers[0].ID != e.jonas.ID || r.CanStart {
		t.Errorf("Ada's round as the recruiter sees it: %+v", r)
	}
	// An empty list goes back to the plan.
	if err := e.iv.AssignRound(e.ctx, e.app.ID, e.round.ID, nil, e.riley); err != nil {
		t.Fatal(err)
	}
	rounds, _ = e.iv.CandidateRounds(e.ctx, e.app.CandidateID, e.priya)
	if r := rounds[0]; r.Reassigned || len(r.Interviewers) != 2 || !r.CanStart {
		t.Errorf("after clearing the reassignment: %+v", r)
	}
}

func TestAmendmentAfterSeeingOthersIsMarked(t *testing.T) {
	e := newEnv(t)
	sam := e.submit(t, e.sam, 3)
	// Alone so far: Sam's amendment saw nobody's card.
	one := 1
	q := firstQuestion(e)
	am, err := e.iv.Amend(e.ctx, sam.ID, interviews.Amendment{Answers: map[string]scoring.Answer{q: {Score: &one}}, Reason: "Misclicked"}, e.sam)
	if err != nil || am.Revisions[0].SeenOthers || am.AmendedAfterSeeing() {
		t.Fatalf("amendment before anyone else submitted: %+v, %v", am.Revisions, err)
	}
	e.submit(t, e.priya, 2)
	// Now Priya's card is open to Sam: his next amendment is marked.
	four := 4
	am, err = e.iv.Amend(e.ctx, sam.ID, interviews.Amendment{Answers: map[string]scoring.Answer{q: {Score: &four}}, Reason: "Thought again"}, e.sam)
	if err != nil || !am.Revisions[1].SeenOthers || !am.AmendedAfterSeeing() {
		t.Fatalf("amendment after seeing Priya's card not marked: %+v, %v", am.Revisions, err)
	}
	if err := e.iv.VerifyScorecard(e.ctx, sam.ID); err != nil {
		t.Errorf("marked amendment fails verification: %v", err)
	}
	d, err := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if err != nil {
		t.Fatal(err)
	}
	if deb := d.Candidates[0].Debrief; deb.AmendedAfterSeeing != 1 || !deb.Interviewers[indexOf(deb, "Sam Okafor")].AmendedAfterSeeing {
		t.Errorf("the debrief does not mark Sam's card: %+v", deb.Interviewers)
	}
	// The mark is part of the hash: clearing it in the database is detected.
	db := rawDB(t, e)
	mustExec(t)(db.ExecContext(e.ctx, `DROP TRIGGER scorecard_revisions_append_only_update`))
	mustExec(t)(db.ExecContext(e.ctx, `UPDATE scorecard_revisions SET seen_others = 0`))
	if err := e.iv.VerifyScorecard(e.ctx, sam.ID); err == nil {
		t.Error("clearing 'amended after seeing others' went unnoticed")
	}
}

func indexOf(d scoring.Debrief, name string) int {
	for i, iv := range d.Interviewers {
		if iv.Name == name {
			return i
		}
	}
	return 0
}

// What someone has read stays read: closing the cards again (a round added
// for them) does not clear the mark on their next amendment or submission.
func TestSeenOthersIsRememberedAfterTheRuleClosesAgain(t *testing.T) {
	e := newEnv(t)
	sam := e.submit(t, e.sam, 3)
	priya := e.submit(t, e.priya, 2)
	if _, err := e.iv.Scorecard(e.ctx, priya.ID, e.sam); err != nil { // Sam reads Priya's card
		t.Fatal(err)
	}
	late := e.addRound(t, "Late round", e.builtin.Content.Competencies[1].ID, e.sam)
	if _, err := e.iv.Scorecard(e.ctx, priya.ID, e.sam); err == nil {
		t.Fatal("with a round to go, Priya's card should be closed to Sam again")
	}
	one := 1
	am, err := e.iv.Amend(e.ctx, sam.ID, interviews.Amendment{Answers: map[string]scoring.Answer{firstQuestion(e): {Score: &one}},
		Reason: "Second thoughts"}, e.sam)
	if err != nil || !am.AmendedAfterSeeing() {
		t.Errorf("Sam read Priya's card, then amended: mark %v (%v)", am.AmendedAfterSeeing(), err)
	}
	card := e.submitFor(t, e.app, late, e.sam, 2)
	if !card.SubmittedAfterSeeing() {
		t.Error("Sam's late round, submitted after reading Priya's card, is not marked")
	}
	if err := e.iv.VerifyScorecard(e.ctx, card.ID); err != nil {
		t.Errorf("marked submission fails verification: %v", err)
	}
	d, _ := e.iv.RoleDebrief(e.ctx, e.role.ID, e.riley)
	if deb := d.Candidates[0].Debrief; deb.SubmittedAfterSeeing != 1 || deb.AmendedAfterSeeing != 1 {
		t.Errorf("debrief marks: submitted %d amended %d", deb.SubmittedAfterSeeing, deb.AmendedAfterSeeing)
	}
}

// A recruiter who also interviews can read every submitted card before
// scoring: a card they submit after others submitted is marked.
func TestRecruiterWhoInterviewsAfterOthersIsMarked(t *testing.T) {
	e := newEnv(t)
	screen := e.addRound(t, "Recruiter screen", e.builtin.Content.Competencies[1].ID, e.riley)
	first := e.submitFor(t, e.app, screen, e.riley, 3)
	if first.SubmittedAfterSeeing() {
		t.Fatal("the recruiter's card before anyone else's is marked")
	}
	e.submit(t, e.sam, 3)
	bo := e.candidate(t, "Bo Ekholm", "bo@example.com")
	e.submitFor(t, bo, e.round, e.sam, 3)
	if c := e.submitFor(t, bo, screen, e.riley, 3); !c.SubmittedAfterSeeing() {
		t.Error("the recruiter scored Bo after Sam's card was open to her: not marked")
	}
}

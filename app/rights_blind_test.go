// Tests the blind rule through the bindings: nobody sees a draft but its author, an
// interviewer sees others' cards only once done with the candidate, the recruiter always.

package app

import (
	"strconv"
	"testing"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

const (
	samHidden = "Sam Okafor's scorecard stays hidden until you have submitted every round you interview Ada Lovelace in."
	kimHidden = "Kim Park's scorecard stays hidden until you have submitted every round you interview Ada Lovelace in."
	kimDraft  = "Kim Park's scorecard is still a draft; nobody else sees drafts."
)

// deepDive is Ada's Deep dive round as the signed-in profile sees it.
func deepDive(t *testing.T, b *bench) scoring.CandidateRound {
	t.Helper()
	crs, err := b.iv.CandidateRounds(b.adaID)
	if err != nil {
		t.Fatal(err)
	}
	for _, cr := range crs {
		if cr.Round.ID == b.roundID {
			return cr
		}
	}
	t.Fatalf("no Deep dive among %+v", crs)
	return scoring.CandidateRound{}
}

// cardBy is the card of author in a round, as shown.
func cardBy(t *testing.T, cr scoring.CandidateRound, author int64) scoring.Scorecard {
	t.Helper()
	for _, c := range cr.Cards {
		if c.AuthorID == author {
			return c
		}
	}
	t.Fatalf("no card by %d in %+v", author, cr.Cards)
	return scoring.Scorecard{}
}

// sees checks the signed-in profile opens a card and reads its recommendation.
func sees(t *testing.T, b *bench, who string, id int64, rec string) {
	t.Helper()
	v, err := b.iv.Scorecard(id)
	if err != nil || v.Card.Recommendation != rec || len(v.Card.Answers) == 0 {
		t.Errorf("%s opens card %d: recommendation %q, %d answers, %v; want %q", who, id, v.Card.Recommendation, len(v.Card.Answers), err, rec)
	}
}

// switchTo signs p in.
func switchTo(t *testing.T, b *bench, p model.Profile) {
	t.Helper()
	if _, err := b.ws.SwitchProfile(p.ID, ""); err != nil {
		t.Fatal(err)
	}
}

func TestTheBlindRuleThroughTheBindings(t *testing.T) {
	b := newBench(t)
	kim, err := b.ws.CreateProfile("Kim Park", false)
	if err != nil {
		t.Fatal(err)
	}
	// Riley puts Kim beside Sam on Ada's Deep dive; she interviews in none of it.
	switchTo(t, b, b.riley)
	if err := b.iv.AssignRound(b.appID, b.roundID, []int64{b.sam.ID, kim.ID}); err != nil {
		t.Fatal(err)
	}
	note := `"Deep dive" is assigned to Kim Park and Sam Okafor; the recruiter can reassign it.`
	if cr := deepDive(t, b); cr.CanStart || cr.StartNote != note {
		t.Errorf("Riley's round says canStart %v, %q; want false, %q", cr.CanStart, cr.StartNote, note)
	}
	refused(t, "Riley starts Deep dive", errOf(b.iv.StartInterview(b.appID, b.roundID)), note)

	// Kim starts her card: before she submits, Sam's card is closed to her.
	switchTo(t, b, kim)
	if cr := deepDive(t, b); !cr.CanStart || cr.StartNote != "" {
		t.Errorf("Kim's round says canStart %v, %q", cr.CanStart, cr.StartNote)
	}
	v, err := b.iv.StartInterview(b.appID, b.roundID)
	if err != nil {
		t.Fatal(err)
	}
	kimCard := v.Card.ID
	cr := deepDive(t, b)
	if cr.MyCardID != kimCard || cr.Hidden != 1 {
		t.Errorf("Kim's Deep dive: my card %d, %d hidden; want %d, 1", cr.MyCardID, cr.Hidden, kimCard)
	}
	if c := cardBy(t, cr, b.sam.ID); c.Status != scoring.Submitted || c.Recommendation != "" || len(c.Answers) != 0 {
		t.Errorf("Sam's card reached Kim unredacted: %+v", c)
	}
	refused(t, "Kim opens Sam's card", errOf(b.iv.Scorecard(b.cardID)), samHidden)
	refused(t, "Kim writes on Sam's card", errOf(b.iv.SaveDraft(b.cardID, nil)),
		"Scorecard "+strconv.FormatInt(b.cardID, 10)+" belongs to Sam Okafor; only its author can change it.")
	deb, err := b.iv.RoleDebrief(b.roleID)
	if err != nil || deb.Hidden != 1 || len(deb.Candidates) != 0 ||
		deb.RankNote != "No ranks while 1 candidate of this role is hidden from you: a rank among the ones you see would mislead." {
		t.Errorf("Kim's debrief: hidden %d, %d candidates, %q, %v", deb.Hidden, len(deb.Candidates), deb.RankNote, err)
	}

	// Nobody else sees Kim's draft: not Sam, who is done, nor the recruiter.
	switchTo(t, b, b.sam)
	refused(t, "Sam opens Kim's draft", errOf(b.iv.Scorecard(kimCard)), kimDraft)
	if cr := deepDive(t, b); cr.Hidden != 1 || cardBy(t, cr, kim.ID).Status != scoring.Draft {
		t.Errorf("Sam's Deep dive: %d hidden", cr.Hidden)
	}
	switchTo(t, b, b.riley)
	refused(t, "Riley opens Kim's draft", errOf(b.iv.Scorecard(kimCard)), kimDraft)
	sees(t, b, "Riley", b.cardID, "yes")
	if deb, err := b.iv.RoleDebrief(b.roleID); err != nil || deb.Hidden != 0 || len(deb.Candidates) != 1 || deb.RankNote != "" {
		t.Errorf("Riley's debrief: hidden %d, %d candidates, %q, %v", deb.Hidden, len(deb.Candidates), deb.RankNote, err)
	}

	// Kim submits: now each of them sees the other's card.
	switchTo(t, b, kim)
	two, no := 2, "no"
	for _, q := range v.Rubric.Competencies[0].Questions {
		if _, err := b.iv.SaveDraft(kimCard, []scoring.Patch{{QuestionID: q.ID, Score: &two}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.iv.Submit(kimCard, scoring.Patch{Recommendation: &no}); err != nil {
		t.Fatal(err)
	}
	sees(t, b, "Kim", b.cardID, "yes")
	if cr := deepDive(t, b); cr.Hidden != 0 || cardBy(t, cr, b.sam.ID).Recommendation != "yes" {
		t.Errorf("Kim's Deep dive after submitting: %d hidden", cr.Hidden)
	}
	if deb, err := b.iv.RoleDebrief(b.roleID); err != nil || deb.Hidden != 0 || len(deb.Candidates) != 1 {
		t.Errorf("Kim's debrief after submitting: hidden %d, %d candidates, %v", deb.Hidden, len(deb.Candidates), err)
	}
	switchTo(t, b, b.sam)
	sees(t, b, "Sam", kimCard, "no")

	// A round Sam has still to do for Ada closes Kim's card to him again.
	switchTo(t, b, b.riley)
	if _, err := b.iv.SaveRound(scoring.RoundInput{RoleID: b.roleID, Name: "System design", RubricID: b.builtinID,
		InterviewerIDs: []int64{b.sam.ID}}); err != nil {
		t.Fatal(err)
	}
	sees(t, b, "Riley", kimCard, "no")
	switchTo(t, b, b.sam)
	refused(t, "Sam opens Kim's card with a round to go", errOf(b.iv.Scorecard(kimCard)), kimHidden)
	if cr := deepDive(t, b); cr.Hidden != 1 {
		t.Errorf("Sam's Deep dive with a round to go: %d hidden, want 1", cr.Hidden)
	}
}

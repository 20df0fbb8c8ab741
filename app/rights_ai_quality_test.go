// Who may see the AI's quality figures and second opinions through the
// bindings: nobody signed in sees nothing; the quality view is the
// recruiter's; an interviewer sees the second rater on their own submitted
// card with the service's reason per question, and the role's agreement
// once no card is hidden from them.

package app

import (
	"strings"
	"testing"

	"hirebench/app/assist"
)

func TestAIQualityAndSecondOpinionsThroughTheBindings(t *testing.T) {
	b := newBench(t)
	a := aiOf(b)
	calls := map[string]func() error{
		"Opinions":      func() error { return errOf(a.Opinions(b.cardID)) },
		"AskOpinion":    func() error { return errOf(a.AskOpinion(b.cardID, "any")) },
		"RoleAgreement": func() error { return errOf(a.RoleAgreement(b.roleID)) },
		"Quality":       func() error { return errOf(a.Quality()) },
	}
	b.ws.SignOut()
	for name, call := range calls {
		if ue := asUser(t, call()); ue.Code != "invalid" || !strings.Contains(ue.Message, "Choose who you are") {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetEnabled(true); err != nil {
		t.Fatal(err)
	}
	q, err := a.Quality()
	if err != nil || len(q.Features) != 0 || q.Agreement.Note != assist.NoOpinionsYet {
		t.Errorf("the recruiter's quality view of an unused AI: %+v, %v", q, err)
	}

	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	refused(t, "Sam's quality view", errOf(a.Quality()), "Only the recruiter sees the AI quality figures.")
	// Sam's own submitted card was scored without notes: the service says so per question.
	o, err := a.Opinions(b.cardID)
	if err != nil || !o.Show || len(o.Questions) == 0 {
		t.Fatalf("Sam's card: %+v, %v", o, err)
	}
	for _, s := range o.Questions {
		if s.Ask || s.Opinion != nil || s.Note != "No notes on this question for the AI to read." {
			t.Errorf("question %s: %+v", s.QuestionID, s)
		}
	}
	if v, err := a.RoleAgreement(b.roleID); err != nil || v.Note != assist.NoOpinionsYet {
		t.Errorf("Sam, who has submitted his card: %+v, %v", v, err)
	}
}

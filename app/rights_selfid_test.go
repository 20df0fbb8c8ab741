// Who may record or read self-identification and the fairness report,
// through the bindings: nobody signed in, an interviewer (refused by Go,
// nothing saved) and the recruiter (what she records is what she reads).

package app

import (
	"strings"
	"testing"

	"hirebench/app/selfid"
)

const selfIDNote = "Only the recruiter records or reads self-identification."

func selfIDCalls(b *bench) map[string]func() error {
	return map[string]func() error{
		"SelfID":              func() error { return errOf(b.cands.SelfID(b.adaID)) },
		"SetSelfID":           func() error { return errOf(b.cands.SetSelfID(b.adaID, map[string]string{"Gender": "Woman"})) },
		"SetSelfIDCategories": func() error { return errOf(b.cands.SetSelfIDCategories(selfid.Defaults()[:1])) },
		"Fairness":            func() error { return errOf(b.iv.Fairness(b.roleID)) },
	}
}

func TestSelfIDIsTheRecruitersAlone(t *testing.T) {
	b := newBench(t)
	b.ws.SignOut()
	for name, call := range selfIDCalls(b) {
		if ue := asUser(t, call()); ue.Code != "invalid" || !strings.Contains(ue.Message, "Choose who you are") {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	for name, call := range selfIDCalls(b) {
		refused(t, "Sam's "+name, call(), selfIDNote)
	}
	if r, err := b.iv.Rights(); err != nil || r.SelfID || r.SelfIDNote != selfIDNote {
		t.Errorf("Sam's rights: %+v, %v", r, err)
	}
	// The categories hold nobody's data: anyone signed in reads them.
	if cats, err := b.cands.SelfIDCategories(); err != nil || len(cats) != 5 || cats[0].Name != "Gender" {
		t.Errorf("Sam reads the categories: %+v, %v", cats, err)
	}
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	// Nothing the refused calls tried was saved.
	form, err := b.cands.SelfID(b.adaID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range form.Answers {
		if a.Answer != "" {
			t.Errorf("Ada's %s was saved by a refused call: %q", a.Category, a.Answer)
		}
	}
	if cats, _ := b.cands.SelfIDCategories(); len(cats) != 5 {
		t.Errorf("the categories changed: %d", len(cats))
	}
	if r, err := b.iv.Rights(); err != nil || !r.SelfID || r.SelfIDNote != "" {
		t.Errorf("Riley's rights: %+v, %v", r, err)
	}
}

func TestTheRecruiterRecordsAndReadsTheReport(t *testing.T) {
	b := newBench(t)
	view, err := b.iv.Fairness(b.roleID)
	if err != nil {
		t.Fatal(err)
	}
	if view.Report.Responded != 0 || view.Empty == "" || len(view.Explanations) == 0 {
		t.Fatalf("before anyone answered: %+v", view)
	}
	form, err := b.cands.SetSelfID(b.adaID, map[string]string{"gender": "woman", "Veteran status": "prefer not to say"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range form.Answers {
		got[a.Category] = a.Answer
		if a.Offered[len(a.Offered)-1] != "Prefer not to say" {
			t.Errorf("%s does not offer Prefer not to say last: %v", a.Category, a.Offered)
		}
	}
	if got["Gender"] != "Woman" || got["Veteran status"] != "Prefer not to say" || got["Disability"] != "" || form.Note == "" {
		t.Errorf("Ada's form after saving: %+v", form)
	}
	// Clearing one answer leaves the others.
	if form, err = b.cands.SetSelfID(b.adaID, map[string]string{"Veteran status": ""}); err != nil {
		t.Fatal(err)
	}
	if form.Answers[0].Answer != "Woman" || form.Answers[4].Answer != "" {
		t.Errorf("after clearing the veteran status: %+v", form.Answers)
	}
	view, err = b.iv.Fairness(b.roleID)
	if err != nil {
		t.Fatal(err)
	}
	// The bench's role has Ada alone; she answered one category.
	if view.Report.People != 1 || view.Report.Responded != 1 || view.Empty != "" {
		t.Errorf("after Ada answered: people %d, responded %d, empty %q", view.Report.People, view.Report.Responded, view.Empty)
	}
	cats, err := b.cands.SetSelfIDCategories([]selfid.Category{{Name: "Gender", Options: []string{"Woman", "Man"}}, {Name: "Caregiver", Options: []string{"Yes", "No"}}})
	if err != nil || len(cats) != 2 {
		t.Fatalf("set categories: %+v, %v", cats, err)
	}
	if form, err = b.cands.SelfID(b.adaID); err != nil || len(form.Answers) != 2 || form.Answers[0].Answer != "Woman" ||
		strings.Join(form.Answers[1].Offered, "|") != "Yes|No|Prefer not to say" {
		t.Errorf("Ada's form under the new categories: %+v, %v", form, err)
	}
}

package assist_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
)

// The worked example of docs/AI.md ("Agreement"), computed by hand: five
// candidates, Sam and Priya each score both questions of the deep dive,
// and the model rates Sam's ten answers.
var (
	samLevels   = []int{3, 2, 4, 1, 3, 2, 4, 3, 2, 1}
	aiLevels    = []int{3, 2, 3, 1, 4, 2, 4, 3, 1, 1}
	priyaLevels = []int{2, 2, 4, 2, 3, 1, 3, 3, 2, 2}
)

func near(got *float64, want float64) bool { return got != nil && math.Abs(*got-want) < 1e-12 }

func TestAgreementMatchesTheWorkedExample(t *testing.T) {
	p := newPanel(t)
	names := []string{"Grace", "Alan", "Barbara", "Edsger", "Frances"}
	apps := []int64{p.app}
	for _, n := range names[1:] {
		apps = append(apps, p.candidate(t, n+" Example", strings.ToLower(n)+"@example.com"))
	}
	var samCards []int64
	for i, app := range apps {
		samCards = append(samCards, p.card(t, app, p.sam, false,
			answer{level: samLevels[2*i], notes: notesFor(names[i], 2*i)}, answer{level: samLevels[2*i+1], notes: notesFor(names[i], 2*i+1)}))
		p.card(t, app, p.priya, false, answer{level: priyaLevels[2*i], notes: "Priya's view."}, answer{level: priyaLevels[2*i+1], notes: "Priya's view."})
	}
	svc := p.service(oneRun())
	rate := func(i int) {
		t.Helper()
		q := i % 2
		p.srv.Script(openaitest.Reply{Content: p.rateReply(t, q, aiLevels[i], aiLevels[i], measured), PromptTokens: 700, CompletionTokens: 60})
		if _, err := svc.SuggestLevel(p.ctx, samCards[i/2], p.comp.Questions[q].ID, p.riley, assist.RateOptions{}); err != nil {
			t.Fatalf("item %d: %v", i, err)
		}
	}
	for i := range 4 {
		rate(i)
	}
	// Two candidates so far: below the calibration's minimum of three.
	early, err := svc.Agreement(p.ctx, assist.AgreementScope{RoleID: p.role})
	if err != nil {
		t.Fatal(err)
	}
	if len(early.Models) != 1 || len(early.Models[0].Competencies) != 1 {
		t.Fatalf("early = %+v", early)
	}
	if g := early.Models[0].Competencies[0].AI; !g.TooFew || g.Report != nil || g.Reason != "too few to say: 2 candidates (needs at least 3)" {
		t.Errorf("with two candidates: %+v", g)
	}
	for i := 4; i < 10; i++ {
		rate(i)
	}

	got, err := svc.Agreement(p.ctx, assist.AgreementScope{RoleID: p.role, Model: "gpt-4.1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Models) != 1 || got.Models[0].Model != "gpt-4.1" || fmt.Sprint(got.Models[0].PromptVersions) != "[rate-v1]" ||
		len(got.Models[0].Competencies) != 1 || len(got.Models[0].Pooled) != 1 || got.MinCandidates != 3 || got.MinPairedItems != 10 {
		t.Fatalf("agreement = %+v", got)
	}
	g := got.Models[0].Competencies[0]
	if g.ID != p.comp.ID || g.Scale != "1–4" || g.AI.Candidates != 5 || g.AI.PairedItems != 10 || g.AI.TooFew {
		t.Fatalf("group = %+v", g)
	}
	// By hand (docs/AI.md): MSR = 143/60, MSC = 1/20, MSE = 29/180, so
	// ICC(2,1) = (MSR − MSE) / (MSR + MSE + 2(MSC − MSE)/10) = 200/227;
	// three answers one level apart: α interval = 1 − 19·6/918 = 134/153,
	// α nominal = 1 − 19·6/298 = 92/149.
	ai := g.AI.Report
	if ai == nil || !near(ai.ICC21, 200.0/227) || !near(ai.AlphaInterval, 134.0/153) || !near(ai.AlphaNominal, 92.0/149) {
		t.Errorf("AI against the interviewer: %+v", ai)
	}
	// Sam against Priya on the same ten answers: MSR = 289/180, MSC = 1/20,
	// MSE = 49/180, ICC(2,1) = 8/11; α interval = 1 − 19·10/678 = 244/339.
	h := g.Humans.Report
	if h == nil || g.Humans.Candidates != 5 || g.Humans.PairedItems != 10 || !near(h.ICC21, 8.0/11) || !near(h.AlphaInterval, 244.0/339) {
		t.Errorf("interviewers against each other: %+v %+v", g.Humans, h)
	}
	if pooled := got.Models[0].Pooled[0]; pooled.Name != "All questions" || !near(pooled.AI.Report.ICC21, 200.0/227) {
		t.Errorf("pooled = %+v", pooled)
	}
	// The same by rubric.
	byRubric, err := svc.Agreement(p.ctx, assist.AgreementScope{RubricID: p.round.RubricID})
	if err != nil || len(byRubric.Models) != 1 || !near(byRubric.Models[0].Competencies[0].Humans.Report.ICC21, 8.0/11) {
		t.Errorf("by rubric: %+v, %v", byRubric, err)
	}

	// Sam amends the last answer to the AI's level after seeing it and asks
	// again (from the cache): the level he gave before any AI level still counts.
	p.amend(t, samCards[4], p.sam, 1, answer{level: 1, notes: notesFor(names[4], 9)})
	if _, err := svc.SuggestLevel(p.ctx, samCards[4], p.comp.Questions[1].ID, p.sam, assist.RateOptions{}); err != nil {
		t.Fatal(err)
	}
	after, err := svc.Agreement(p.ctx, assist.AgreementScope{RoleID: p.role})
	if err != nil || !near(after.Models[0].Competencies[0].AI.Report.ICC21, 200.0/227) {
		t.Errorf("after an amendment that saw the AI: %+v, %v", after.Models[0].Competencies[0].AI.Report, err)
	}
	if _, err := svc.Agreement(p.ctx, assist.AgreementScope{}); err == nil {
		t.Error("an agreement of nothing was accepted")
	}
}

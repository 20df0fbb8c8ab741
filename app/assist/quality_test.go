// The AI quality figures: what the checks keep from each screen the model
// answered (and nothing for the cache's), the quality view computed from a
// hand-written ledger, checks and probes, and the AI's agreement with the
// interviewers as the calibration shows it, with the worked example's
// numbers, or how many more answers are needed.

package assist_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/storage"
)

func TestScreenChecksCountWhatTheModelGave(t *testing.T) {
	f := newFixture(t)
	base := f.reply(t, shipped)
	invented := setStatus(t, f.reply(t, "Invented a compiler in 1850."), f.ids[1], "present")
	// Run 1 quotes the resume; run 2 invents its quote and disagrees on the
	// second flag; run 3 breaks the schema and is repaired.
	f.srv.Script(openaitest.Reply{Content: base}, openaitest.Reply{Content: invented},
		openaitest.Reply{Content: `{"flags": "none"}`}, openaitest.Reply{Content: base})
	res, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil || res.Uncertain != 1 || res.Dropped != 1 || !res.Repaired {
		t.Fatalf("suggestion: %+v, %v", res, err)
	}
	want := storage.AICheckTotals{Feature: "screen", Model: "gpt-4o-mini", Suggestions: 1, Runs: 3, Items: len(f.ids), Uncertain: 1,
		Quotes: 3, Dropped: 1, Repairs: 1}
	got, err := f.store.AIChecks(f.ctx, "")
	if err != nil || len(got) != 1 || got[0] != want {
		t.Errorf("checks = %+v, %v\nwant %+v", got, err, want)
	}
	// Asked again, every run comes from the cache: nothing new was checked.
	if again, err := f.service(assist.DefaultSettings()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{}); err != nil || !again.Cached {
		t.Fatalf("again: %+v, %v", again, err)
	}
	if got, err := f.store.AIChecks(f.ctx, ""); err != nil || len(got) != 1 || got[0] != want {
		t.Errorf("after the cache answered: %+v, %v", got, err)
	}
}

// ratedPanel is the worked example of docs/AI.md ("Agreement"): five
// candidates scored by Sam and Priya, the model rating the first n of
// Sam's ten answers.
func ratedPanel(t *testing.T, n int) (*panel, *assist.Service) {
	t.Helper()
	p := newPanel(t)
	names := []string{"Grace", "Alan", "Barbara", "Edsger", "Frances"}
	apps := []int64{p.app}
	for _, name := range names[1:] {
		apps = append(apps, p.candidate(t, name+" Example", strings.ToLower(name)+"@example.com"))
	}
	var samCards []int64
	for i, app := range apps {
		samCards = append(samCards, p.card(t, app, p.sam, false,
			answer{level: samLevels[2*i], notes: notesFor(names[i], 2*i)}, answer{level: samLevels[2*i+1], notes: notesFor(names[i], 2*i+1)}))
		p.card(t, app, p.priya, false, answer{level: priyaLevels[2*i], notes: "Priya's view."}, answer{level: priyaLevels[2*i+1], notes: "Priya's view."})
	}
	svc := p.service(oneRun())
	for i := range n {
		q := i % 2
		p.srv.Script(openaitest.Reply{Content: p.rateReply(t, q, aiLevels[i], aiLevels[i], measured), PromptTokens: 700, CompletionTokens: 60})
		if _, err := svc.SuggestLevel(p.ctx, samCards[i/2], p.comp.Questions[q].ID, p.riley, assist.RateOptions{}); err != nil {
			t.Fatalf("item %d: %v", i, err)
		}
	}
	return p, svc
}

func TestAgreementBesideTheCalibrationSaysHowManyMoreAreNeeded(t *testing.T) {
	p, svc := ratedPanel(t, 4)
	v, err := svc.AgreementView(p.ctx, p.role)
	if err != nil || len(v.Lines) != 1 || len(v.Lines[0].Pooled) != 1 || len(v.Lines[0].Competencies) != 1 {
		t.Fatalf("view = %+v, %v", v, err)
	}
	l := v.Lines[0]
	g := l.Pooled[0]
	if l.Model != "gpt-4.1" || l.Rubric != "OpenAI platform developer (built-in)" || g.Enough || g.N != 4 || g.Candidates != 2 ||
		g.MoreAnswers != 6 || g.MoreCandidates != 1 || g.ICC != nil ||
		g.Says != "Too few to say yet: 4 answers rated by both the AI and the interviewer, of 2 candidates; 6 more answers and 1 more candidate are needed." {
		t.Errorf("four answers: %+v %+v", l, g)
	}
}

func TestAgreementBesideTheCalibrationMatchesTheWorkedExample(t *testing.T) {
	p, svc := ratedPanel(t, 10)
	v, err := svc.AgreementView(p.ctx, p.role)
	if err != nil || len(v.Lines) != 1 || v.ICCLabel != "ICC(2,1)" || v.AlphaLabel != "Krippendorff's α (ordinal)" {
		t.Fatalf("view = %+v, %v", v, err)
	}
	// By hand (docs/AI.md): the model against Sam ICC(2,1) = 200/227 ≈ 0.881;
	// Sam against Priya on the same answers 8/11 ≈ 0.727.
	for _, g := range []assist.AgreementFigures{v.Lines[0].Pooled[0], v.Lines[0].Competencies[0]} {
		if !g.Enough || g.N != 10 || g.Candidates != 5 || !near(g.ICC, 200.0/227) || g.HumansN != 10 || !near(g.HumansICC, 8.0/11) ||
			!strings.HasPrefix(g.Says, "On 10 answers of 5 candidates, gpt-4.1 agrees with the interviewers at ICC(2,1) 0.88 and Krippendorff's α (ordinal) ") ||
			!strings.Contains(g.Says, "; the interviewers agree with each other at 0.73 on the same questions (10 answers).") {
			t.Errorf("%s: %+v", g.Name, g)
		}
	}
	d := p.desk(t)
	if w, err := d.RoleAgreement(p.ctx, p.sam, p.role); err != nil || len(w.Lines) != 1 {
		t.Errorf("Sam, who sees every card: %+v, %v", w, err)
	}
	// A sixth candidate: Priya has submitted, Sam not yet, so her card is hidden from him.
	late := p.candidate(t, "Late Example", "late@example.com")
	p.card(t, late, p.priya, false, answer{level: 2, notes: "Priya's view."}, answer{level: 2, notes: "Priya's view."})
	if _, err := d.RoleAgreement(p.ctx, p.sam, p.role); !errors.Is(err, assist.ErrAgreementHidden) {
		t.Errorf("Sam with a card hidden from him: %v", err)
	}
	if w, err := d.RoleAgreement(p.ctx, p.riley, p.role); err != nil || len(w.Lines) != 1 {
		t.Errorf("the recruiter: %+v, %v", w, err)
	}
	if w, err := d.RoleAgreement(p.ctx, p.riley, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an unknown role: %+v, %v", w, err)
	}
}

// The quality view from a ledger, checks and probes written by hand.
func TestQualityViewFromTheLedgerAndTheChecks(t *testing.T) {
	d := newDesk(t)
	call := func(feature, modelName, outcome string, cached bool, in, out int, usd float64) storage.AIRecord {
		return storage.AIRecord{Call: storage.AICall{Feature: feature, Model: modelName, PromptVersion: "v1", TokensIn: in, TokensOut: out,
			CostUSD: usd, Outcome: outcome, Cached: cached, Attempts: 1}}
	}
	for _, r := range []storage.AIRecord{
		call("screen", "gpt-4o-mini", "ok", false, 1000, 400, 0.00039),
		call("screen", "gpt-4o-mini", "ok", false, 1000, 400, 0.00039),
		call("screen", "gpt-4o-mini", "ok", true, 1000, 400, 0),
		call("screen", "gpt-4o-mini", "error:timeout", false, 0, 0, 0),
		call("rate", "gpt-4.1", "ok", false, 800, 60, 0.00208),
		call("screen-probe", "gpt-4o-mini", "ok", false, 1000, 300, 0.00033),
	} {
		if _, err := d.store.RecordAI(d.ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []storage.AICheck{
		{Feature: "screen", Model: "gpt-4o-mini", Runs: 2, Items: 12, Uncertain: 3, Quotes: 10, Dropped: 2, Repairs: 1},
		{Feature: "rate", Model: "gpt-4.1", Runs: 1, Items: 1, Quotes: 0},
	} {
		if err := d.store.AddAICheck(d.ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	old := probeReport("gpt-4o", 0.8, []ai.GroupRate{{Group: "A", ImpactRatio: 1}, {Group: "B", ImpactRatio: 0.85}})
	putProbes(t, d, old)

	if _, err := d.desk.Quality(d.ctx, d.sam); !errors.Is(err, model.ErrConflict) {
		t.Errorf("an interviewer: %v, want a refusal", err)
	}
	q, err := d.desk.Quality(d.ctx, d.riley)
	if err != nil {
		t.Fatal(err)
	}
	// Screen: 4 calls, 1 cached (25%), 1 failed (25%); 10 quotes, 2 dropped
	// (80% verified); 3 of 12 flags uncertain (25%); 1 repair.
	want := []assist.QualityRow{
		{Feature: "screen", Label: "Screening resumes", Model: "gpt-4o-mini", Calls: 4, Cached: 1, CacheHitRate: 0.25, Failed: 1, FailureRate: 0.25,
			TokensIn: 2000, TokensOut: 800, CostUSD: 0.00078, Checked: 1, Quotes: 10, Verified: 8, Dropped: 2, VerifiedShare: 0.8,
			Items: 12, Uncertain: 3, UncertainRate: 0.25, Repairs: 1},
		{Feature: "rate", Label: "Second opinion on a score", Model: "gpt-4.1", Calls: 1, TokensIn: 800, TokensOut: 60, CostUSD: 0.00208,
			Checked: 1, VerifiedShare: 1, Items: 1},
		{Feature: "screen-probe", Label: "Name-swap probe", Model: "gpt-4o-mini", Calls: 1, TokensIn: 1000, TokensOut: 300, CostUSD: 0.00033,
			VerifiedShare: 1},
	}
	if fmt.Sprintf("%.6v", q.Features) != fmt.Sprintf("%.6v", want) {
		t.Errorf("features:\n got %+v\nwant %+v", q.Features, want)
	}
	if len(q.Probes) != 1 || q.Probes[0].Current ||
		q.ProbeNote != "The screening model gpt-4o-mini with prompt screen-v1 has not been probed yet: run hirebench ai probe --role ROLE." {
		t.Errorf("an old model's probe only: %+v, %q", q.Probes, q.ProbeNote)
	}
	if q.Agreement.Note != assist.NoOpinionsYet || len(q.Agreement.Lines) != 0 {
		t.Errorf("agreement = %+v", q.Agreement)
	}

	current := probeReport("gpt-4o-mini", 0.9, []ai.GroupRate{{Group: "A", ImpactRatio: 0.95}, {Group: "B", ImpactRatio: 1}})
	putProbes(t, d, old, current)
	q, err = d.desk.Quality(d.ctx, d.riley)
	if err != nil || len(q.Probes) != 2 || q.ProbeNote != "" {
		t.Fatalf("probes = %+v, %q, %v", q.Probes, q.ProbeNote, err)
	}
	// Newest first. Resumes 1 and 2 of the current probe moved (one flag each), the largest by 0.25.
	p := q.Probes[0]
	if !p.Current || p.Model != "gpt-4o-mini" || p.Resumes != 3 || p.ResumesMoved != 2 || math.Abs(p.MaxChange-0.25) > 1e-12 ||
		len(p.FlagsMoved) != 1 || p.FlagsMoved[0].ID != "g1" || p.LowestGroup != "A" || p.LowestRatio != 0.95 ||
		p.Says != "The probe failed: the outcome moved with the name on 2 of 3 resumes (67% within 0.1 levels; goal 95%); the lowest impact ratio is 0.95 (A; goal 0.90)." {
		t.Errorf("current probe = %+v", p)
	}
}

// probeReport is a probe of three resumes, two of which moved on flag g1.
func probeReport(modelName string, at float64, groups []ai.GroupRate) assist.ProbeReport {
	return assist.ProbeReport{Model: modelName, PromptVersion: ai.ScreenPromptVersion, Names: 4,
		At: fmt.Sprintf("2026-11-%02.0fT10:00:00Z", at*10+1), Goals: assist.ProbeGoals{Tolerance: 0.1, StableShare: 0.95, ImpactRatio: 0.9},
		ProbeFigures: ai.ProbeFigures{
			Resumes: []ai.ResumeChange{{Resume: 1, Change: 0.25, FlagsChanged: 1}, {Resume: 2, Change: 0.1, FlagsChanged: 1, Stable: true},
				{Resume: 3, Stable: true}},
			StableShare: 2.0 / 3, Flags: []ai.FlagChange{{ID: "g1", Green: true, MeanChange: 0.35 / 3, ResumesChanged: 2}, {ID: "r1"}},
			Groups: groups, ImpactPass: true}}
}

func putProbes(t *testing.T, d *deskFixture, reps ...assist.ProbeReport) {
	t.Helper()
	all := map[string]assist.ProbeReport{}
	for _, r := range reps {
		all[r.PromptVersion+" "+r.Model] = r
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.store.PutSetting(d.ctx, "ai.probes", string(b)); err != nil {
		t.Fatal(err)
	}
}

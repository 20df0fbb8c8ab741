// The second rater in the window: nothing offered before the card is
// submitted (the service says why), a level beside a scored question with
// its anchor and verified fragments, kept and shown again without asking,
// nothing at all when AI is off or the candidate is human only, and the
// blind rule first.

package assist_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// desk is the window's desk over the panel's workspace, AI switched on by
// the recruiter against the fake server (one run per suggestion).
func (p *panel) desk(t *testing.T) *assist.Desk {
	t.Helper()
	keyring.MockInitWithError(errors.New("no Secret Service here"))
	d := assist.NewDesk(p.store, p.iv, assist.NewKeyStore(func(string) string { return "" }),
		assist.WithRandom(func() float64 { return 0.5 }),
		assist.WithSleep(func(context.Context, time.Duration) error { return nil }))
	s := oneRun()
	s.BaseURL = p.srv.URL()
	if _, err := d.SaveSettings(p.ctx, p.riley, s); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetEnabled(p.ctx, p.riley, true); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SaveKey(p.ctx, p.riley, openaitest.Key); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSecondOpinionOnlyBesideASubmittedScore(t *testing.T) {
	p := newPanel(t)
	d := p.desk(t)
	notes := notesFor("Grace", 0)
	draft := p.card(t, p.app, p.sam, true, answer{level: 4, notes: notes}, answer{skip: true})

	// A draft: the score could still move toward the AI's, so nothing is offered or sent.
	got, err := d.Opinions(p.ctx, p.sam, draft)
	if err != nil || !got.Show || len(got.Questions) != 0 ||
		got.Note != "The AI's second opinion is offered once this scorecard is submitted, so it cannot sway a score." {
		t.Errorf("on a draft: %+v, %v", got, err)
	}
	if _, err := d.AskOpinion(p.ctx, p.sam, draft, p.comp.Questions[0].ID); !errors.Is(err, assist.ErrScoreFirst) {
		t.Errorf("asked on a draft: %v, want ErrScoreFirst", err)
	}
	if n := len(p.srv.Completions()); n != 0 {
		t.Fatalf("%d requests sent before the score was final", n)
	}

	rec := "yes"
	if _, err := p.iv.Submit(p.ctx, draft, scoring.Patch{Recommendation: &rec}, p.sam); err != nil {
		t.Fatal(err)
	}
	// Priya has not submitted her own card for Grace: Sam's stays hidden from her.
	if _, err := d.Opinions(p.ctx, p.priya, draft); !errors.Is(err, model.ErrConflict) {
		t.Errorf("Priya before submitting: %v, want the blind rule's refusal", err)
	}
	got, err = d.Opinions(p.ctx, p.sam, draft)
	q0, q1 := p.comp.Questions[0], p.comp.Questions[1]
	if err != nil || !got.Show || got.Note != "" || len(got.Questions) != 2 ||
		!got.Questions[0].Ask || got.Questions[0].Opinion != nil || got.Questions[0].QuestionID != q0.ID ||
		got.Questions[1].Ask || got.Questions[1].QuestionID != q1.ID || got.Questions[1].Note != "No score on this question (skipped or not asked), so no second opinion." {
		t.Fatalf("submitted: %+v, %v", got, err)
	}

	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 0, 3, 3, measured, "routed hard cases to the big model"),
		PromptTokens: 800, CompletionTokens: 90})
	o, err := d.AskOpinion(p.ctx, p.sam, draft, q0.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Level != 3 || o.Label != "Meets the bar" || o.Anchor != q0.Anchors[2] || o.HumanLevel != 4 || o.Model != "gpt-4.1" ||
		len(o.Fragments) != 1 || notes[o.Fragments[0].Start:o.Fragments[0].End] != measured || o.Dropped != 1 ||
		o.Says != "1 level below the interviewer's 4." {
		t.Errorf("opinion = %+v", o)
	}

	// Kept: shown again beside the score, never asked again.
	again, err := d.AskOpinion(p.ctx, p.sam, draft, q0.ID)
	got, err2 := d.Opinions(p.ctx, p.sam, draft)
	if err != nil || err2 != nil || again.Level != 3 || got.Questions[0].Ask || got.Questions[0].Opinion == nil ||
		got.Questions[0].Opinion.Anchor != q0.Anchors[2] || len(p.srv.Completions()) != 1 {
		t.Errorf("asked again: %+v %v; shown %+v %v; %d requests", again, err, got.Questions[0], err2, len(p.srv.Completions()))
	}
	// What the checks found is kept for the quality view, about nobody.
	checks, err := p.store.AIChecks(p.ctx, "")
	if err != nil || len(checks) != 1 || checks[0].Feature != "rate" || checks[0].Model != "gpt-4.1" || checks[0].Suggestions != 1 ||
		checks[0].Quotes != 2 || checks[0].Dropped != 1 || checks[0].Items != 1 || checks[0].Repairs != 0 {
		t.Errorf("checks = %+v, %v", checks, err)
	}

	// Human only: nothing shown, not even the level kept.
	if err := p.store.SetHumanOnly(p.ctx, p.cand, true); err != nil {
		t.Fatal(err)
	}
	got, err = d.Opinions(p.ctx, p.sam, draft)
	if err != nil || got.Show || len(got.Questions) != 0 || got.Note != "AI help is switched off for this candidate (human only)." {
		t.Errorf("human only: %+v, %v", got, err)
	}
	if err := p.store.SetHumanOnly(p.ctx, p.cand, false); err != nil {
		t.Fatal(err)
	}
	// AI off in the workspace: nothing shown, and asking is refused.
	if _, err := d.SetEnabled(p.ctx, p.riley, false); err != nil {
		t.Fatal(err)
	}
	got, err = d.Opinions(p.ctx, p.sam, draft)
	if err != nil || got.Show || got.Note == "" {
		t.Errorf("AI off: %+v, %v", got, err)
	}
	if _, err := d.AskOpinion(p.ctx, p.sam, draft, q0.ID); !errors.Is(err, assist.ErrOff) {
		t.Errorf("asked with AI off: %v", err)
	}
}

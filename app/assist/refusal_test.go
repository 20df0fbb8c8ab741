// The model's refusal as the API gives it (message.refusal) is a refusal,
// not invalid output to repair; a rate limit in the middle of a stream is
// said in plain words and what was shown is kept.

package assist_test

import (
	"errors"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
)

// A refusal in the API's refusal field ends the suggestion at once: no
// repair, no retry, nothing filled in, "error:refused" in the audit.
func TestARefusalIsNotRepaired(t *testing.T) {
	f := newFixture(t)
	f.srv.Script(openaitest.Reply{Refusal: "I'm sorry, I cannot help with that.", PromptTokens: 900, CompletionTokens: 9},
		openaitest.Reply{Content: f.reply(t, shipped)})
	res, err := f.service(oneRun()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	var re *assist.ReplyError
	if !errors.As(err, &re) || !re.Refused || len(res.Flags) != 0 {
		t.Fatalf("got %d flags, %v; want a refusal", len(res.Flags), err)
	}
	if strings.Contains(err.Error(), "sorry") {
		t.Errorf("the error repeats the model's words: %v", err)
	}
	if n := len(f.srv.Completions()); n != 1 {
		t.Errorf("%d requests, want no repair or retry", n)
	}
	if a, err := f.store.AIAudit(f.ctx, f.cand); err != nil || len(a) != 1 || a[0].Outcome != "error:refused" {
		t.Errorf("audit %+v, %v", a, err)
	}
	if u := f.ledger(t); len(u) != 1 || u[0].TokensIn != 900 {
		t.Errorf("ledger %+v, want the refused call billed", u)
	}
}

// Streamed, the refusal comes as delta.refusal: the follow-ups say it was
// refused rather than that the reply held no question.
func TestAStreamedRefusalIsARefusal(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, true, answer{level: 3, notes: "Compared tiers."})
	p.srv.Script(openaitest.Reply{Refusal: "I can't help with that."})
	_, err := p.service(oneRun()).SuggestFollowUps(p.ctx, card, p.comp.Questions[0].ID, p.sam, nil)
	var re *assist.ReplyError
	if !errors.As(err, &re) || !re.Refused || errors.As(err, new(*ai.OutputError)) {
		t.Errorf("err %v, want a refusal", err)
	}
}

// A rate limit sent as an error event after pieces were shown: the
// follow-ups keep the text shown, marked incomplete, and the error says so
// in plain words.
func TestARateLimitMidStreamIsSaidPlainly(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, true, answer{level: 3, notes: "Compared tiers."})
	rp := openaitest.Fail(0, "rate_limit_exceeded", "requests")
	rp.Chunks, rp.CutAfter, rp.ErrorEvent = followUpChunks, 2, true
	p.srv.Script(rp)
	d := newDeltas()
	res, err := p.service(oneRun()).SuggestFollowUps(p.ctx, card, p.comp.Questions[0].ID, p.sam, d.add)
	const want = "The AI service stopped the answer: rate limit; what was shown is kept."
	if err == nil || err.Error() != want {
		t.Fatalf("err %v, want %q", err, want)
	}
	shown := strings.Join(followUpChunks[:2], "")
	if !res.Incomplete || res.Text != shown || strings.Join(d.all(), "") != shown {
		t.Errorf("result %+v, want the two pieces shown kept, incomplete", res)
	}
	if n := len(p.srv.Completions()); n != 1 {
		t.Errorf("%d requests: nothing is retried once shown", n)
	}
}

// The budget holds under calls made at once, the repair call is budgeted
// too, and tokens the API billed for attempts that failed are counted.

package assist_test

import (
	"context"
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
)

// gateClient holds the first call until released, so a second call is
// made while the first is out.
type gateClient struct {
	assist.Client
	once             sync.Once
	started, release chan struct{}
}

func (c *gateClient) Complete(ctx context.Context, call assist.Call) (assist.Reply, error) {
	first := false
	c.once.Do(func() { first = true })
	if first {
		close(c.started)
		<-c.release
	}
	return c.Client.Complete(ctx, call)
}

// tightBudget has room for one call's worst case, not two: at gpt-4o-mini
// prices a screen request (about 1,200 tokens in, $0.00018) with up to
// 2,000 tokens out ($0.0012) may cost up to about $0.0014; two, $0.0028.
// Its estimate (some 720 tokens out) is about $0.0006, so two estimates fit.
func tightBudget() assist.Settings {
	s := oneRun()
	s.BudgetUSD, s.MaxTokens = 0.002, 2000
	return s
}

// Two suggestions asked at once cannot both pass under the budget: the
// second finds the first's worst case held and stops before sending.
func TestConcurrentCallsCannotBothPassUnderTheBudget(t *testing.T) {
	p := newPanel(t)
	c, err := p.track.CreateCandidate(p.ctx, model.CandidateInput{Name: "Alan Turing", ResumeText: turing}, []int64{p.role}, p.riley)
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.track.Detail(p.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	other := d.Applications[0].ID
	p.srv.Script(openaitest.Reply{Content: p.reply(t, shipped), PromptTokens: 1200, CompletionTokens: 300})
	gate := &gateClient{Client: assist.NewOpenAI(p.srv.URL(), openaitest.Key, nil), started: make(chan struct{}), release: make(chan struct{})}
	svc := assist.New(p.store, p.iv, gate, tightBudget())
	first := make(chan error, 1)
	go func() {
		_, err := svc.SuggestScreen(p.ctx, p.app, assist.ScreenOptions{})
		first <- err
	}()
	select {
	case <-gate.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the first call was never sent")
	}
	_, err = svc.SuggestScreen(p.ctx, other, assist.ScreenOptions{})
	close(gate.release)
	var be *assist.BudgetError
	if !errors.As(err, &be) || !be.UpTo || be.SpentUSD <= 0 {
		t.Errorf("the second call: %v, want a budget stop counting the first call's hold", err)
	}
	if err := <-first; err != nil {
		t.Errorf("the first call: %v", err)
	}
	if n := len(p.srv.Completions()); n != 1 {
		t.Errorf("%d requests sent, want the first only", n)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Calls != 2 || u[0].Failed != 1 || u[0].TokensIn != 1200 {
		t.Errorf("ledger %+v, want the call and the stop", u)
	}
	// Once the first call is recorded, its hold gives way to what it cost
	// (1,200 × $0.15 + 300 × $0.60 per million = $0.00036), and the second
	// fits beside it.
	p.srv.Script(openaitest.Reply{Content: p.reply(t, shipped), PromptTokens: 1200, CompletionTokens: 300})
	if _, err := svc.SuggestScreen(p.ctx, other, assist.ScreenOptions{}); err != nil || len(p.srv.Completions()) != 2 {
		t.Errorf("the second call asked again: %v", err)
	}
}

// The repair is a paid call too: when its worst case does not fit, it is
// not sent; the first call is recorded with what it was billed.
func TestTheRepairCallIsBudgeted(t *testing.T) {
	f := newFixture(t)
	f.srv.Script(openaitest.Reply{Content: "not json", PromptTokens: 1000, CompletionTokens: 1000},
		openaitest.Reply{Content: f.reply(t, shipped)})
	_, err := f.service(tightBudget()).SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	var be *assist.BudgetError
	if !errors.As(err, &be) || !be.UpTo {
		t.Fatalf("err %v, want a budget stop before the repair", err)
	}
	if n := len(f.srv.Completions()); n != 1 {
		t.Errorf("%d requests, want no repair sent", n)
	}
	// 1,000 × $0.15 + 1,000 × $0.60 per million = $0.00075.
	if u := f.ledger(t); len(u) != 1 || u[0].Calls != 1 || u[0].TokensIn != 1000 || u[0].TokensOut != 1000 ||
		math.Abs(u[0].CostUSD-0.00075) > 1e-12 {
		t.Errorf("ledger %+v, want the first call billed $0.00075", u)
	}
	if a, err := f.store.AIAudit(f.ctx, f.cand); err != nil || len(a) != 1 || a[0].Outcome != "stopped:budget" {
		t.Errorf("audit %+v, %v", a, err)
	}
}

// scripted answers calls from a list, without a network.
type scripted struct {
	assist.Client
	replies []assist.Reply
	calls   int
}

func (c *scripted) Complete(context.Context, assist.Call) (assist.Reply, error) {
	r := c.replies[c.calls]
	c.calls++
	return r, nil
}

// An attempt that failed but carried usage was billed: the ledger counts
// its tokens beside those of the attempt that succeeded.
func TestBilledTokensOfFailedAttemptsAreCounted(t *testing.T) {
	f := newFixture(t)
	client := &scripted{replies: []assist.Reply{
		{Content: `{"flags":[`, TokensIn: 300, TokensOut: 40}, // no finish reason: cut, retried
		{Content: f.reply(t, shipped), FinishReason: "stop", TokensIn: 310, TokensOut: 50},
	}}
	svc := assist.New(f.store, f.iv, client, oneRun(), assist.WithSleep(func(context.Context, time.Duration) error { return nil }))
	res, err := svc.SuggestScreen(f.ctx, f.app, assist.ScreenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 610 × $0.15 + 90 × $0.60 per million = $0.0001455.
	if res.TokensIn != 610 || res.TokensOut != 90 || res.Attempts != 2 || math.Abs(res.CostUSD-0.0001455) > 1e-12 {
		t.Errorf("result: %d in, %d out, %d attempts, $%v", res.TokensIn, res.TokensOut, res.Attempts, res.CostUSD)
	}
	if u := f.ledger(t); len(u) != 1 || u[0].TokensIn != 610 || u[0].TokensOut != 90 || math.Abs(u[0].CostUSD-0.0001455) > 1e-12 {
		t.Errorf("ledger %+v, want 610 in, 90 out", u)
	}
}

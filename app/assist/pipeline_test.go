package assist_test

import (
	"context"
	"errors"
	"testing"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/storage"
)

// erasingClient erases the candidate while their call is out, as a
// recruiter might in the window.
type erasingClient struct {
	assist.Client
	erase func()
}

func (c erasingClient) Complete(ctx context.Context, call assist.Call) (assist.Reply, error) {
	r, err := c.Client.Complete(ctx, call)
	c.erase()
	return r, err
}

// A candidate erased while their call was out: the call still counts in
// the ledger, about nobody, and no suggestion about them comes back (the
// screen used to return it).
func TestErasedMeanwhileLeavesOnlyTheLedgerRow(t *testing.T) {
	p := newPanel(t)
	p.srv.Script(openaitest.Reply{Content: p.reply(t, shipped), PromptTokens: 100, CompletionTokens: 10})
	client := erasingClient{assist.NewOpenAI(p.srv.URL(), openaitest.Key, nil), func() {
		if _, err := p.store.EraseCandidates(p.ctx, []int64{p.cand}, storage.Erasure{Action: storage.ActionErase, Why: "request", Actor: p.riley}); err != nil {
			t.Error(err)
		}
	}}
	res, err := assist.New(p.store, p.iv, client, oneRun()).SuggestScreen(p.ctx, p.app, assist.ScreenOptions{})
	if !errors.Is(err, model.ErrNotFound) || len(res.Flags) != 0 {
		t.Errorf("got %+v, %v; want not found and no flags", res.Flags, err)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Calls != 1 || u[0].TokensIn != 100 {
		t.Errorf("ledger %+v, want the call counted", u)
	}
}

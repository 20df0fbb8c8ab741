// The window's streamed features through the desk: the summary and the
// follow-ups offered only where the service allows them (with the reason
// when not), the preview that is exactly what is sent, pieces, retries and
// the end as events, Cancel of one request keeping what was shown.

package assist_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
)

type streamDesk struct {
	*panel
	desk *assist.Desk
}

// newStreamDesk: the summary panel (Sam and Priya submitted cards for
// Grace) behind the window's desk, AI on, pointed at the fake server.
func newStreamDesk(t *testing.T, p *panel) *streamDesk {
	t.Helper()
	keyring.MockInitWithError(errors.New("no Secret Service here"))
	d := &streamDesk{panel: p}
	d.desk = assist.NewDesk(p.store, p.iv, assist.NewKeyStore(func(string) string { return "" }),
		assist.WithRandom(func() float64 { return 0.5 }),
		assist.WithSleep(func(_ context.Context, w time.Duration) error { p.sleeps = append(p.sleeps, w); return nil }))
	s := assist.DefaultSettings()
	s.BaseURL, s.Runs = p.srv.URL(), 1
	if _, err := d.desk.SaveSettings(p.ctx, p.riley, s); err != nil {
		t.Fatal(err)
	}
	if _, err := d.desk.SaveKey(p.ctx, p.riley, openaitest.Key); err != nil {
		t.Fatal(err)
	}
	return d
}

func (d *streamDesk) on(t *testing.T, on bool) {
	t.Helper()
	if _, err := d.desk.SetEnabled(d.ctx, d.riley, on); err != nil {
		t.Fatal(err)
	}
}

// events records what a request told the window.
type events struct {
	mu   sync.Mutex
	got  []assist.StreamEvent
	text chan string             // each delta
	done chan *assist.StreamDone // the end
}

func newEvents() *events {
	return &events{text: make(chan string, 100), done: make(chan *assist.StreamDone, 1)}
}

func (e *events) emit(ev assist.StreamEvent) {
	e.mu.Lock()
	e.got = append(e.got, ev)
	e.mu.Unlock()
	switch ev.Kind {
	case assist.StreamDelta:
		e.text <- ev.Text
	case assist.StreamEnded:
		e.done <- ev.Done
	}
}

// end waits for the request's "done" event.
func (e *events) end(t *testing.T) assist.StreamDone {
	t.Helper()
	select {
	case d := <-e.done:
		return *d
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not end")
	}
	return assist.StreamDone{}
}

func (e *events) kinds() (kinds []string, text string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, ev := range e.got {
		kinds = append(kinds, ev.Kind)
		text += ev.Text
	}
	return kinds, text
}

// The summary is offered only where the blind rule lets the person read
// every submitted card, and the offer says why not in words.
func TestSummaryIsOfferedOnlyWhereTheBlindRuleAllows(t *testing.T) {
	p := newPanel(t)
	p.card(t, p.app, p.sam, false, answer{level: 4, notes: notesFor("Grace", 0)}, answer{level: 3, notes: notesFor("Grace", 1)})
	p.card(t, p.app, p.priya, true, answer{level: 2, notes: notesFor("Grace", 2)})
	d := newStreamDesk(t, p)

	if o, err := d.desk.SummaryOffer(d.ctx, d.riley, d.role, d.cand); err != nil || o.Enabled || o.Offered {
		t.Errorf("while AI is off: %+v, %v", o, err)
	}
	d.on(t, true)
	if o, err := d.desk.SummaryOffer(d.ctx, d.riley, d.role, d.cand); err != nil || !o.Enabled || !o.Offered || o.Reason != "" || !o.AskFirst {
		t.Errorf("the recruiter: %+v, %v", o, err)
	}
	if o, err := d.desk.SummaryOffer(d.ctx, d.sam, d.role, d.cand); err != nil || !o.Offered {
		t.Errorf("Sam, who submitted: %+v, %v", o, err)
	}
	o, err := d.desk.SummaryOffer(d.ctx, d.priya, d.role, d.cand)
	if err != nil || !o.Enabled || o.Offered ||
		o.Reason != "The AI summary covers every submitted scorecard, and 1 of them stay hidden from you until you have submitted every round you interview this candidate in." {
		t.Errorf("Priya, still writing hers: %+v, %v", o, err)
	}
	_, err = d.desk.SummaryPreview(d.ctx, d.priya, d.role, d.cand)
	conflict(t, "Priya's preview", err, "stay hidden from you")
	_, err = d.desk.Summarise(d.ctx, d.priya, d.role, d.cand, newEvents().emit)
	conflict(t, "Priya's summary", err, "stay hidden from you")

	other := p.candidate(t, "Alan Turing", "alan@example.com")
	app, err := p.store.GetApplication(p.ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if o, err := d.desk.SummaryOffer(d.ctx, d.riley, d.role, app.CandidateID); err != nil || o.Offered || !strings.Contains(o.Reason, "no submitted scorecard") {
		t.Errorf("a candidate with nothing submitted: %+v, %v", o, err)
	}
	if _, err := d.desk.SetHumanOnly(d.ctx, d.sam, d.cand, true); err != nil {
		t.Fatal(err)
	}
	if o, err := d.desk.SummaryOffer(d.ctx, d.riley, d.role, d.cand); err != nil || o.Offered || !strings.Contains(o.Reason, "human only") {
		t.Errorf("a human-only candidate: %+v, %v", o, err)
	}
	if _, err := d.desk.SummaryOffer(d.ctx, d.riley, d.role+1000, d.cand); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a role the candidate has not applied to: %v", err)
	}
	if n := len(d.srv.Completions()); n != 0 {
		t.Errorf("%d requests sent by offers and refusals", n)
	}
}

// The summary's preview is exactly what is then sent; its pieces come as
// events in order, then one "done" with the citations checked; asked
// again, the preview says it is answered and costs nothing.
func TestSummaryPreviewIsWhatStreamsToTheWindow(t *testing.T) {
	d := newStreamDesk(t, summaryPanel(t))
	d.on(t, true)
	pv, err := d.desk.SummaryPreview(d.ctx, d.riley, d.role, d.cand)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Feature != ai.FeatureSummary || pv.Model == "" || pv.Notes != 6 || pv.Cached || !pv.PriceKnown ||
		pv.Redacted[ai.KindInterviewer] == 0 || pv.BudgetUSD != 10 || pv.SpentUSD != 0 {
		t.Errorf("preview %+v", pv)
	}
	price, _ := ai.PriceOf(assist.DefaultSettings().Prices, pv.Model)
	if got := (float64(pv.TokensIn)*price.InputPerMTok + float64(pv.TokensOut)*price.OutputPerMTok) / 1e6; pv.TokensIn < 300 || pv.TokensOut != 400 || math.Abs(pv.EstimateUSD-got) > 1e-12 {
		t.Errorf("estimate $%v for %d+%d tokens, want $%v", pv.EstimateUSD, pv.TokensIn, pv.TokensOut, got)
	}

	d.srv.Script(openaitest.Reply{Chunks: summaryChunks, PromptTokens: 1200, CompletionTokens: 60})
	ev := newEvents()
	done, err := d.desk.Summarise(d.ctx, d.riley, d.role, d.cand, ev.emit)
	if err != nil {
		t.Fatal(err)
	}
	reqs := d.srv.Completions()
	var sent struct {
		Messages []struct{ Role, Content string }
	}
	if len(reqs) != 1 || json.Unmarshal(reqs[0].Body, &sent) != nil || len(sent.Messages) != len(pv.Messages) {
		t.Fatalf("requests %d, sent %+v", len(reqs), sent)
	}
	for i, m := range sent.Messages {
		if m.Role != pv.Messages[i].Role || m.Content != pv.Messages[i].Content {
			t.Errorf("message %d sent differs from the preview's:\nsent:  %q\nshown: %q", i, m.Content, pv.Messages[i].Content)
		}
	}
	kinds, text := ev.kinds()
	if len(kinds) != len(summaryChunks) || text != strings.Join(summaryChunks, "") {
		t.Errorf("events %q with text %q: want every piece in order (the facade's Streams sends done)", kinds, text)
	}
	s := done.Summary
	if done.Cancelled || done.Problem != "" || s == nil || s.Text != text || s.Incomplete || s.Unsupported != 1 || s.Supported != 2 ||
		len(s.Interviewers) != 2 || s.Interviewers[0] != (assist.SummaryInterviewer{Label: "Interviewer A", Name: "Sam Okafor"}) {
		t.Errorf("done %+v, summary %+v", done, s)
	}
	if s.EstimateUSD != pv.EstimateUSD {
		t.Errorf("the service estimated $%v, the preview showed $%v", s.EstimateUSD, pv.EstimateUSD)
	}
	again, err := d.desk.SummaryPreview(d.ctx, d.riley, d.role, d.cand)
	if err != nil || !again.Cached || again.EstimateUSD != 0 || again.SpentUSD <= 0 {
		t.Errorf("the preview of an answered summary: %+v, %v", again, err)
	}
}

// Through Streams: the request runs in the background; a retry before the
// first piece is announced, each piece goes out, Cancel of that request
// ends it with what was shown kept (incomplete), a stream cut mid-way is
// kept with the reason in words, and a failure before anything was shown
// ends it with the error in words. An id in use or malformed is refused.
func TestStreamsCancelOneRequestAndKeepWhatWasShown(t *testing.T) {
	d := newStreamDesk(t, summaryPanel(t))
	d.on(t, true)
	var streams assist.Streams
	defer streams.Wait()
	summarise := func(ctx context.Context, emit func(assist.StreamEvent)) (assist.StreamDone, error) {
		return d.desk.Summarise(ctx, d.riley, d.role, d.cand, emit)
	}
	words := func(err error) string { return "in words: " + model.RefusalSentence(err) }

	limited := openaitest.Fail(503, "", "server_error")
	limited.RetryAfterMs = "1500"
	d.srv.Script(limited, openaitest.Reply{Chunks: summaryChunks, Gap: time.Minute})
	ev := newEvents()
	if err := streams.Start("sum-1", ev.emit, words, summarise); err != nil {
		t.Fatal(err)
	}
	<-ev.text
	err := streams.Start("sum-1", ev.emit, words, summarise)
	conflict(t, "the same id twice", err, `an AI request with the id "sum-1" is still running`)
	if streams.Cancel("sum-2") {
		t.Error("cancelled a request that is not running")
	}
	if !streams.Cancel("sum-1") {
		t.Fatal("the running request could not be cancelled")
	}
	r := ev.end(t)
	if !r.Cancelled || r.RequestID != "sum-1" || r.Error != "" || r.Summary == nil || !r.Summary.Incomplete || r.Summary.Text != summaryChunks[0] {
		t.Errorf("cancelled: %+v (%+v)", r, r.Summary)
	}
	kinds, _ := ev.kinds()
	if strings.Join(kinds, " ") != "retrying delta done" {
		t.Errorf("events %q, want a retry, the first piece, the end", kinds)
	}
	ev.mu.Lock()
	retry := ev.got[0].Retry
	ev.mu.Unlock()
	if retry == nil || retry.WaitMS != 1500 || retry.Attempt != 2 || !strings.Contains(retry.Why, "HTTP 503") {
		t.Errorf("retry event %+v", retry)
	}
	if a, _ := d.store.AIAudit(d.ctx, d.cand); len(a) != 1 || a[0].Outcome != "cancelled" {
		t.Errorf("audit %+v, want the cancelled call", a)
	}

	d.srv.Script(openaitest.Reply{Chunks: summaryChunks, CutAfter: 3, Cut: true})
	ev = newEvents()
	if err := streams.Start("sum-2", ev.emit, words, summarise); err != nil {
		t.Fatal(err)
	}
	r = ev.end(t)
	if want := strings.Join(summaryChunks[:3], ""); r.Cancelled || r.Summary == nil || r.Summary.Text != want || !r.Summary.Incomplete ||
		r.Problem != "The AI service stopped in the middle of its answer." {
		t.Errorf("cut mid-way: %+v", r)
	}

	s := assist.DefaultSettings()
	s.BaseURL, s.Runs, s.BudgetUSD = d.srv.URL(), 1, 0.000001
	if _, err := d.desk.SaveSettings(d.ctx, d.riley, s); err != nil {
		t.Fatal(err)
	}
	ev = newEvents()
	if err := streams.Start("sum-3", ev.emit, words, summarise); err != nil {
		t.Fatal(err)
	}
	if r = ev.end(t); r.Summary != nil || !strings.HasPrefix(r.Error, "in words: The monthly AI budget of $0.00 is reached") {
		t.Errorf("over the budget: %+v", r)
	}

	err = streams.Start("sum 4", newEvents().emit, words, summarise)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "requestId" {
		t.Errorf("a malformed id: %v", err)
	}
}

// Follow-ups are offered to the card's author while it is a draft; the
// preview is what is sent; the drafts arrive with the end.
func TestFollowUpsAreOfferedToTheAuthorOfADraft(t *testing.T) {
	p := newPanel(t)
	draft := p.card(t, p.app, p.sam, true, answer{level: 3, notes: "Grace compared tiers with Priya Nair."})
	d := newStreamDesk(t, p)
	d.on(t, true)
	if o, err := d.desk.FollowUpOffer(d.ctx, d.sam, draft); err != nil || !o.Offered || !o.AskFirst {
		t.Errorf("Sam on his draft: %+v, %v", o, err)
	}
	for who, says := range map[string]string{"Riley": "only to the interviewer writing this scorecard", "Priya": "only to the interviewer writing this scorecard"} {
		viewer := map[string]model.Profile{"Riley": d.riley, "Priya": d.priya}[who]
		if o, err := d.desk.FollowUpOffer(d.ctx, viewer, draft); err != nil || o.Offered || !strings.Contains(o.Reason, says) {
			t.Errorf("%s on Sam's draft: %+v, %v", who, o, err)
		}
	}
	if _, err := d.desk.SetAskFirst(d.ctx, d.sam, ai.FeatureFollowUp, false); err != nil {
		t.Fatal(err)
	}
	if o, err := d.desk.FollowUpOffer(d.ctx, d.sam, draft); err != nil || o.AskFirst {
		t.Errorf("after don't ask again: %+v, %v", o, err)
	}
	if o, _ := d.desk.SummaryOffer(d.ctx, d.sam, d.role, d.cand); !o.AskFirst {
		t.Error("don't ask again for follow-ups changed the summary's preview too")
	}

	q := p.comp.Questions[0].ID
	pv, err := d.desk.FollowUpPreview(d.ctx, d.sam, draft, q)
	if err != nil || pv.Feature != ai.FeatureFollowUp || pv.TokensOut != 90 || pv.Notes != 0 || pv.Redacted[ai.KindInterviewer] != 1 ||
		!strings.Contains(pv.Messages[1].Content, "[CANDIDATE] compared tiers with [COLLEAGUE].") {
		t.Fatalf("preview %+v, %v", pv, err)
	}
	d.srv.Script(openaitest.Reply{Chunks: followUpChunks})
	ev := newEvents()
	done, err := d.desk.FollowUps(d.ctx, d.sam, draft, q, ev.emit)
	if err != nil || done.FollowUps == nil || len(done.FollowUps.Questions) != 3 || done.FollowUps.Dropped != 2 {
		t.Fatalf("follow-ups %+v, %v", done, err)
	}
	var sent struct{ Messages []struct{ Content string } }
	if err := json.Unmarshal(d.srv.Completions()[0].Body, &sent); err != nil || sent.Messages[1].Content != pv.Messages[1].Content {
		t.Errorf("sent %q, the preview showed %q", sent.Messages[1].Content, pv.Messages[1].Content)
	}
	if kinds, text := ev.kinds(); len(kinds) != len(followUpChunks) || text != strings.Join(followUpChunks, "") {
		t.Errorf("events %q %q", kinds, text)
	}

	_, err = d.desk.FollowUps(d.ctx, d.riley, draft, q, newEvents().emit)
	conflict(t, "Riley asking on Sam's draft", err, "only to the interviewer writing this scorecard")
	d.on(t, false)
	_, err = d.desk.FollowUps(d.ctx, d.sam, draft, q, newEvents().emit)
	conflict(t, "follow-ups while AI is off", err, "AI help is off")
	if o, err := d.desk.FollowUpOffer(d.ctx, d.sam, draft); err != nil || o.Enabled || o.Offered {
		t.Errorf("offer while off: %+v, %v", o, err)
	}
}

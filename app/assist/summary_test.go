package assist_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
)

// summaryPanel: Sam and Priya have both submitted a card for Grace, Sam's
// notes naming Priya; the recruiter may read both.
func summaryPanel(t *testing.T) *panel {
	t.Helper()
	p := newPanel(t)
	p.card(t, p.app, p.sam, false, answer{level: 4, notes: notesFor("Grace", 0)},
		answer{level: 3, notes: "Grace agreed with Priya Nair that retries need jitter."})
	p.card(t, p.app, p.priya, false, answer{level: 2, notes: notesFor("Grace", 2)}, answer{skip: true})
	return p
}

var summaryChunks = []string{
	"Strengths:\n", "The candidate measured the quality gap ", "on an eval set [N1].\n",
	"Concerns:\nNone.\n",
	"Disagreements to discuss:\n", "Interviewer A scored model choice 4 and Interviewer B 2 [N1][N4]. ",
	"The candidate seemed nervous.",
}

// The summary streams piece by piece, in order; what was sent names
// nobody (the candidate redacted, interviewers by letter, each note under
// its id); every sentence is checked for its citations; the call is in the
// ledger and the exchange in the candidate's audit.
func TestSummaryStreamsInOrderAndFlagsUnsupportedSentences(t *testing.T) {
	p := summaryPanel(t)
	p.srv.Script(openaitest.Reply{Chunks: summaryChunks, PromptTokens: 1200, CompletionTokens: 60, Fingerprint: "fp_sum"})
	d := newDeltas()
	res, err := p.service(oneRun()).SuggestSummary(p.ctx, p.app, p.riley, d.add)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.all(); !reflect.DeepEqual(got, summaryChunks) {
		t.Errorf("deltas %q, want the pieces in order", got)
	}
	want := strings.Join(summaryChunks, "")
	if res.Text != want || res.Incomplete || res.Cached || res.TokensIn != 1200 || res.Fingerprint != "fp_sum" || res.Scorecards != 2 {
		t.Errorf("result %+v", res)
	}
	q0, q1 := p.comp.Questions[0].ID, p.comp.Questions[1].ID
	var notes []string
	for _, n := range res.Notes {
		notes = append(notes, n.ID+" "+n.Interviewer+" "+n.QuestionID+" "+n.Score)
	}
	wantNotes := []string{
		"N1 Interviewer A " + q0 + " 4 (Exceeds) on 1–4",
		"N2 Interviewer A " + q1 + " 3 (Meets the bar) on 1–4",
		"N3 Interviewer A  recommendation: Yes",
		"N4 Interviewer B " + q0 + " 2 (Partly) on 1–4",
		"N5 Interviewer B " + q1 + " skipped (Ran out of time.)",
		"N6 Interviewer B  recommendation: Yes",
	}
	if !reflect.DeepEqual(notes, wantNotes) {
		t.Errorf("notes\n got %q\nwant %q", notes, wantNotes)
	}
	if res.Notes[1].Text != "[CANDIDATE] agreed with Interviewer B that retries need jitter." {
		t.Errorf("N2 as sent: %q", res.Notes[1].Text)
	}
	if res.Supported != 2 || res.Unsupported != 1 || !res.Sentences[2].Unsupported || res.Sentences[2].Text != "The candidate seemed nervous." ||
		!reflect.DeepEqual(res.Sentences[1].Cites, []string{"N1", "N4"}) {
		t.Errorf("citations %+v", res.Sentences)
	}

	reqs := p.srv.Completions()
	if len(reqs) != 1 || reqs[0].Invalid != "" {
		t.Fatalf("requests %+v", reqs)
	}
	var sent struct {
		Stream         bool            `json:"stream"`
		ResponseFormat json.RawMessage `json:"response_format"`
		Messages       []struct{ Content string }
	}
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil || !sent.Stream || sent.ResponseFormat != nil || len(sent.Messages) != 2 {
		t.Fatalf("sent %s", reqs[0].Body)
	}
	for _, personal := range []string{"Grace", "Hopper", "Sam", "Okafor", "Priya", "Nair", " She "} {
		if strings.Contains(sent.Messages[1].Content, personal) {
			t.Errorf("the request carries %q", personal)
		}
	}
	if !strings.Contains(sent.Messages[1].Content, "[N4] Interviewer B, Deep dive.") {
		t.Errorf("the notes are not sent under their ids:\n%s", sent.Messages[1].Content)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Feature != ai.FeatureSummary || u[0].Calls != 1 || u[0].Failed != 0 {
		t.Errorf("ledger %+v", u)
	}
	if a, err := p.store.AIAudit(p.ctx, p.cand); err != nil || len(a) != 1 || a[0].Response != want || a[0].PromptVersion != ai.SummaryPromptVersion {
		t.Errorf("audit %+v, %v", a, err)
	}

	// Asked again: the cache answers in one piece, nothing paid.
	d = newDeltas()
	again, err := p.service(oneRun()).SuggestSummary(p.ctx, p.app, p.riley, d.add)
	if err != nil || !again.Cached || again.CostUSD != 0 || again.Text != want || again.Unsupported != 1 || len(p.srv.Completions()) != 1 {
		t.Errorf("again: %+v, %v after %d requests", again, err, len(p.srv.Completions()))
	}
	if got := d.all(); len(got) != 1 || got[0] != want {
		t.Errorf("cached deltas %q", got)
	}
	if u := p.ledger(t); u[0].Calls != 2 || u[0].Cached != 1 {
		t.Errorf("ledger %+v, want the cache hit recorded", u)
	}
}

// A stream cut after pieces were shown is not retried: the error comes
// back with what was shown, marked incomplete, and the ledger says cut. A
// stream cut before its first piece is retried.
func TestSummaryCutMidStreamIsAnErrorNotRetried(t *testing.T) {
	p := summaryPanel(t)
	p.srv.Script(openaitest.Reply{Chunks: summaryChunks, CutAfter: 2, Cut: true},
		openaitest.Reply{Chunks: summaryChunks})
	d := newDeltas()
	res, err := p.service(oneRun()).SuggestSummary(p.ctx, p.app, p.riley, d.add)
	var f ai.Failure
	if !errors.As(err, &f) || !f.Cut {
		t.Fatalf("err %v, want a cut", err)
	}
	shown := summaryChunks[0] + summaryChunks[1]
	if !res.Incomplete || res.Text != shown || strings.Join(d.all(), "") != shown || len(p.srv.Completions()) != 1 || len(p.sleeps) != 0 {
		t.Errorf("result %+v after %d requests: want what was shown, incomplete, and no retry", res, len(p.srv.Completions()))
	}
	if a, _ := p.store.AIAudit(p.ctx, p.cand); len(a) != 1 || a[0].Outcome != "error:cut" || a[0].Response != shown {
		t.Errorf("audit %+v, want error:cut with what was shown", a)
	}

	q := summaryPanel(t)
	q.srv.Script(openaitest.Reply{Chunks: summaryChunks, CutAfter: 0, Cut: true}, openaitest.Reply{Chunks: summaryChunks})
	d = newDeltas()
	res, err = q.service(oneRun()).SuggestSummary(q.ctx, q.app, q.riley, d.add)
	if err != nil || res.Attempts != 2 || len(q.sleeps) != 1 || !reflect.DeepEqual(d.all(), summaryChunks) {
		t.Errorf("cut before the first piece: %+v, %v, sleeps %v", res, err, q.sleeps)
	}
}

// Cancelling mid-stream ends the summary at once; the ledger says cancelled.
func TestSummaryCancelledMidStream(t *testing.T) {
	p := summaryPanel(t)
	p.srv.Script(openaitest.Reply{Chunks: summaryChunks, Gap: time.Minute})
	ctx, cancel := context.WithCancel(p.ctx)
	defer cancel()
	d := newDeltas()
	go func() { <-d.at; cancel() }()
	res, err := p.service(oneRun()).SuggestSummary(ctx, p.app, p.riley, d.add)
	if !errors.Is(err, context.Canceled) || !res.Incomplete || res.Text != summaryChunks[0] {
		t.Errorf("got %+v, %v; want cancelled after the first piece", res, err)
	}
	if a, _ := p.store.AIAudit(p.ctx, p.cand); len(a) != 1 || a[0].Outcome != "cancelled" {
		t.Errorf("audit %+v, want cancelled", a)
	}
}

// The blind rule: an interviewer who has not submitted sees no summary
// (it would show them the others' cards); nothing is sent.
func TestSummaryFollowsTheBlindRule(t *testing.T) {
	p := newPanel(t)
	p.card(t, p.app, p.sam, false, answer{level: 4, notes: notesFor("Grace", 0)}, answer{level: 3, notes: notesFor("Grace", 1)})
	p.card(t, p.app, p.priya, true, answer{level: 2, notes: notesFor("Grace", 2)})
	_, err := p.service(oneRun()).SuggestSummary(p.ctx, p.app, p.priya, nil)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "submitted every round") {
		t.Errorf("Priya before submitting: %v", err)
	}
	if n := len(p.srv.Completions()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
	// Sam, done with the candidate, gets a summary of the one submitted card.
	p.srv.Script(openaitest.Reply{Chunks: summaryChunks})
	res, err := p.service(oneRun()).SuggestSummary(p.ctx, p.app, p.sam, nil)
	if err != nil || res.Scorecards != 1 || len(res.Notes) != 3 {
		t.Errorf("Sam: %+v, %v", res, err)
	}
}

// The budget stops the summary before anything is sent; a human-only
// candidate never reaches the AI.
func TestSummaryStopsAtTheBudgetAndRespectsHumanOnly(t *testing.T) {
	p := summaryPanel(t)
	s := oneRun()
	s.BudgetUSD = 0.000001
	_, err := p.service(s).SuggestSummary(p.ctx, p.app, p.riley, nil)
	var be *assist.BudgetError
	if !errors.As(err, &be) || len(p.srv.Completions()) != 0 {
		t.Fatalf("err %v after %d requests, want a budget stop", err, len(p.srv.Completions()))
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Feature != ai.FeatureSummary || u[0].Failed != 1 {
		t.Errorf("ledger %+v, want the stop noted", u)
	}
	if a, _ := p.store.AIAudit(p.ctx, p.cand); len(a) != 0 {
		t.Errorf("audit %+v: nothing was sent", a)
	}
	if err := p.store.SetHumanOnly(p.ctx, p.cand, true); err != nil {
		t.Fatal(err)
	}
	if _, err := p.service(oneRun()).SuggestSummary(p.ctx, p.app, p.riley, nil); !errors.Is(err, assist.ErrHumanOnly) {
		t.Errorf("human only: %v", err)
	}
}

// The streamed AI features through the bindings against the fake OpenAI
// server: nobody signed in is refused; a request returns at once and
// streams to the page on its own event, ending with the checked result;
// CancelAI stops that request only, keeping what was shown; follow-ups are
// the author's, and a refusal ends the request with Go's words.

package app

import (
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/app/scoring"
)

// streamShell is the fake window that keeps every AI stream event by name.
type streamShell struct {
	*fakeShell
	mu     sync.Mutex
	events map[string][]assist.StreamEvent
	delta  chan string // the name of each delta's event, as it comes
	ended  chan string // the name of each "done" event
}

func (s *streamShell) emit(name string, data any) {
	if ev, ok := data.(assist.StreamEvent); ok {
		s.mu.Lock()
		s.events[name] = append(s.events[name], ev)
		s.mu.Unlock()
		switch ev.Kind {
		case assist.StreamDelta:
			s.delta <- name
		case assist.StreamEnded:
			s.ended <- name
		}
	}
	s.fakeShell.emit(name, data)
}

// wait returns once request id has ended.
func (s *streamShell) wait(t *testing.T, id string) {
	t.Helper()
	for {
		select {
		case name := <-s.ended:
			if name == "ai:stream:"+id {
				return
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("request %s did not end", id)
		}
	}
}

func (s *streamShell) of(name string) (kinds []string, text string, done *assist.StreamDone) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ev := range s.events[name] {
		kinds = append(kinds, ev.Kind)
		text += ev.Text
		if ev.Done != nil {
			done = ev.Done
		}
	}
	return kinds, text, done
}

// streamBench: AI on, pointed at the fake server with its key, Sam's notes
// on Ada's card, and the window's events kept.
func streamBench(t *testing.T) (*bench, *AI, *streamShell, *openaitest.Server) {
	t.Helper()
	b := newBench(t)
	shell := &streamShell{fakeShell: b.shell, events: map[string][]assist.StreamEvent{},
		delta: make(chan string, 100), ended: make(chan string, 100)}
	a := aiOf(b)
	a.rt = shell
	srv := openaitest.New(t)
	s := assist.DefaultSettings()
	s.BaseURL, s.Runs = srv.URL(), 1
	for _, step := range []func() (assist.Status, error){
		func() (assist.Status, error) { return a.SetEnabled(true) },
		func() (assist.Status, error) { return a.SaveSettings(s) },
		func() (assist.Status, error) { return a.SaveKey(openaitest.Key) },
	} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	return b, a, shell, srv
}

var streamedSummary = []string{"Strengths:\n", "Solid on model choice [N1].\n", "Concerns:\n", "None.\n",
	"Disagreements to discuss:\n", "Nobody disagreed."}

func TestStreamedAIIsRefusedToNobody(t *testing.T) {
	b, a, _, _ := streamBench(t)
	b.ws.SignOut()
	for name, call := range map[string]func() error{
		"SummaryOffer":     func() error { return errOf(a.SummaryOffer(b.roleID, b.adaID)) },
		"SummaryPreview":   func() error { return errOf(a.SummaryPreview(b.roleID, b.adaID)) },
		"SuggestSummary":   func() error { return errOf(a.SuggestSummary("s1", b.roleID, b.adaID)) },
		"FollowUpOffer":    func() error { return errOf(a.FollowUpOffer(b.draftID)) },
		"FollowUpPreview":  func() error { return errOf(a.FollowUpPreview(b.draftID, "q")) },
		"SuggestFollowUps": func() error { return errOf(a.SuggestFollowUps("f1", b.draftID, "q")) },
	} {
		if ue := asUser(t, call()); ue.Code != "invalid" || !strings.Contains(ue.Message, "Choose who you are") {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
}

func TestSummaryStreamsToThePageAndCancelAIKeepsWhatWasShown(t *testing.T) {
	b, a, shell, srv := streamBench(t)
	if o, err := a.SummaryOffer(b.roleID, b.adaID); err != nil || !o.Offered {
		t.Fatalf("Riley's offer: %+v, %v", o, err)
	}
	if p, err := a.SummaryPreview(b.roleID, b.adaID); err != nil || p.Notes == 0 || p.Cached {
		t.Fatalf("Riley's preview: %+v, %v", p, err)
	}
	srv.Script(openaitest.Reply{Chunks: streamedSummary, PromptTokens: 700, CompletionTokens: 30})
	if started, err := a.SuggestSummary("sum-a", b.roleID, b.adaID); err != nil || started.RequestID != "sum-a" {
		t.Fatalf("started %+v, %v", started, err)
	}
	shell.wait(t, "sum-a")
	kinds, text, done := shell.of("ai:stream:sum-a")
	if len(kinds) != len(streamedSummary)+1 || kinds[len(kinds)-1] != "done" || text != strings.Join(streamedSummary, "") ||
		done == nil || done.RequestID != "sum-a" || done.Summary == nil || done.Summary.Text != text || done.Summary.Unsupported != 1 {
		t.Errorf("the page heard %q (%q), ending %+v", kinds, text, done)
	}

	// A slow stream: the call has returned, so CancelAI gets through; of
	// another id it does nothing; of this one, it ends with the first piece
	// kept, incomplete.
	s := assist.DefaultSettings()
	s.BaseURL, s.Runs, s.Seed = srv.URL(), 1, 99 // a request not in the cache
	if _, err := a.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	srv.Script(openaitest.Reply{Chunks: streamedSummary, Gap: time.Minute})
	if _, err := a.SuggestSummary("sum-b", b.roleID, b.adaID); err != nil {
		t.Fatal(err)
	}
	refused(t, "the same request twice", errOf(a.SuggestSummary("sum-b", b.roleID, b.adaID)), `An AI request with the id "sum-b" is still running.`)
	for name := range shell.delta { // the first summary's pieces, then the first of this one
		if name == "ai:stream:sum-b" {
			break
		}
	}
	a.CancelAI("sum-a")
	a.CancelAI("sum-b")
	shell.wait(t, "sum-b")
	if _, _, d := shell.of("ai:stream:sum-b"); d == nil || !d.Cancelled || d.Summary == nil || !d.Summary.Incomplete || d.Summary.Text != streamedSummary[0] {
		t.Errorf("after CancelAI: %+v", d)
	}
	a.CancelAI("sum-b") // finished: nothing happens
}

func TestFollowUpsThroughTheBindingsAreTheAuthors(t *testing.T) {
	b, a, shell, srv := streamBench(t)
	if o, err := a.FollowUpOffer(b.draftID); err != nil || o.Offered || !strings.Contains(o.Reason, "only to the interviewer writing") {
		t.Errorf("Riley on Sam's draft: %+v, %v", o, err)
	}
	var q string
	err := b.as(t, b.sam, func() error {
		o, err := a.FollowUpOffer(b.draftID)
		if err != nil || !o.Offered {
			t.Errorf("Sam on his draft: %+v, %v", o, err)
		}
		card, err := b.iv.Scorecard(b.draftID)
		if err != nil {
			return err
		}
		q = card.Rubric.Competencies[0].Questions[0].ID
		notes := "Ada compared model tiers on an eval set."
		if _, err := b.iv.SaveDraft(b.draftID, []scoring.Patch{{QuestionID: q, AnswerNotes: &notes}}); err != nil {
			return err
		}
		srv.Script(openaitest.Reply{Chunks: []string{"- How big was the eval set?\n", "- Which metric decided?\n"}})
		return errOf(a.SuggestFollowUps("fu-1", b.draftID, q))
	})
	if err != nil {
		t.Fatal(err)
	}
	shell.wait(t, "fu-1")
	if kinds, _, ended := shell.of("ai:stream:fu-1"); strings.Join(kinds, " ") != "delta delta done" || ended == nil || ended.FollowUps == nil ||
		strings.Join(ended.FollowUps.Questions, "|") != "How big was the eval set?|Which metric decided?" {
		t.Errorf("the page heard %q, ending %+v", kinds, ended)
	}
	// Riley is no author: the request ends with Go's words, nothing sent.
	if _, err := a.SuggestFollowUps("fu-2", b.draftID, q); err != nil {
		t.Fatal(err)
	}
	shell.wait(t, "fu-2")
	if _, _, d := shell.of("ai:stream:fu-2"); d == nil || d.FollowUps != nil || d.Error != model.RefusalSentence(assist.ErrNotAuthor) {
		t.Errorf("Riley on Sam's draft: %+v", d)
	} else if n := len(srv.Completions()); n != 1 {
		t.Errorf("%d requests sent, want only Sam's", n)
	}
}

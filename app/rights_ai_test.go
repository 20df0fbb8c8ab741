// Who may do what with AI through the bindings, and a suggestion through
// them against the fake OpenAI server: retries announced to the page,
// cancelling, one suggestion at a time.

package app

import (
	"strings"
	"sync"
	"testing"
	"time"

	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
)

const aiNote = "Only the recruiter switches AI help on or off, changes its settings or the API key."

// eventShell is the fake window that keeps the AI events.
type eventShell struct {
	*fakeShell
	mu      sync.Mutex
	retries []Retrying
}

func (e *eventShell) emit(name string, data any) {
	if r, ok := data.(Retrying); ok && name == "ai:retrying" {
		e.mu.Lock()
		e.retries = append(e.retries, r)
		e.mu.Unlock()
	}
	e.fakeShell.emit(name, data)
}

func TestAIIsRefusedToNobodyAndSettingsToAnInterviewer(t *testing.T) {
	b := newBench(t)
	a := aiOf(b)
	calls := map[string]func() error{
		"Status":         func() error { return errOf(a.Status()) },
		"SetEnabled":     func() error { return errOf(a.SetEnabled(true)) },
		"SaveSettings":   func() error { return errOf(a.SaveSettings(assist.DefaultSettings())) },
		"SaveKey":        func() error { return errOf(a.SaveKey("sk-nobody-000000")) },
		"ForgetKey":      func() error { return errOf(a.ForgetKey()) },
		"SetAskFirst":    func() error { return errOf(a.SetAskFirst("screen", false)) },
		"TestConnection": func() error { return errOf(a.TestConnection("")) },
		"Usage":          func() error { return errOf(a.Usage()) },
		"Offer":          func() error { return errOf(a.Offer(b.adaID)) },
		"SetHumanOnly":   func() error { return errOf(a.SetHumanOnly(b.adaID, true)) },
		"Preview":        func() error { return errOf(a.Preview(b.appID)) },
		"SuggestScreen":  func() error { return errOf(a.SuggestScreen(b.appID)) },
	}
	b.ws.SignOut()
	for name, call := range calls {
		if ue := asUser(t, call()); ue.Code != "invalid" || !strings.Contains(ue.Message, "Choose who you are") {
			t.Errorf("%s with nobody signed in: %+v", name, ue)
		}
	}
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	refused(t, "Sam switches AI on", errOf(a.SetEnabled(true)), aiNote)
	refused(t, "Sam's settings", errOf(a.SaveSettings(assist.DefaultSettings())), aiNote)
	refused(t, "Sam's key", errOf(a.SaveKey("sk-sam-0000000000")), aiNote)
	refused(t, "Sam forgets the key", errOf(a.ForgetKey()), aiNote)
	st, err := a.Status()
	if err != nil || st.Rights.Manage || st.Rights.ManageNote != aiNote || st.Enabled || st.Key.Source != assist.KeyNone {
		t.Errorf("Sam's status: %+v, %v", st, err)
	}
	// Keeping AI away from a candidate is anyone's; letting it back is the recruiter's.
	if o, err := a.SetHumanOnly(b.adaID, true); err != nil || !o.HumanOnly {
		t.Errorf("Sam marks Ada human only: %+v, %v", o, err)
	}
	refused(t, "Sam lifts human only", errOf(a.SetHumanOnly(b.adaID, false)),
		"Only the recruiter lets AI help back for a candidate marked human only.")
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	if o, err := a.SetHumanOnly(b.adaID, false); err != nil || o.HumanOnly {
		t.Errorf("Riley lifts it: %+v, %v", o, err)
	}
}

func TestASuggestionThroughTheBindings(t *testing.T) {
	b := newBench(t)
	shell := &eventShell{fakeShell: b.shell}
	a := aiOf(b)
	a.rt = shell
	srv := openaitest.New(t)
	resume := "Shipped a retrieval pipeline used by 4,000 analysts.\nCut inference spend by 35% with caching."
	if _, err := b.cands.Update(b.adaID, model.CandidatePatch{ResumeText: &resume}); err != nil {
		t.Fatal(err)
	}
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
	if _, err := b.ws.SwitchProfile(b.sam.ID, ""); err != nil {
		t.Fatal(err)
	}
	p, err := a.Preview(b.appID)
	if err != nil || !strings.Contains(p.Resume, "4,000 analysts") || p.Cached != 0 || p.Runs != 1 {
		t.Fatalf("Sam's preview: %+v, %v", p, err)
	}
	sc, err := b.iv.Screen(b.appID)
	if err != nil {
		t.Fatal(err)
	}
	var flags []string
	for i, f := range sc.Checklist {
		q := ""
		if i == 0 {
			q = "Shipped a retrieval pipeline used by 4,000 analysts."
		}
		flags = append(flags, `{"id":"`+f.ID+`","quote":"`+q+`","reason":"From the resume.","status":"present"}`)
	}
	limited := openaitest.Fail(503, "", "server_error")
	limited.RetryAfterMs = "10"
	srv.Script(limited, openaitest.Reply{Content: `{"flags":[` + strings.Join(flags, ",") + `]}`, PromptTokens: 800, CompletionTokens: 120})
	got, err := a.SuggestScreen(b.appID)
	if err != nil || got.Cancelled || len(got.Result.Flags) != len(sc.Checklist) || !got.Result.Flags[0].Verified {
		t.Fatalf("Sam's suggestion: %+v, %v", got, err)
	}
	if len(shell.retries) != 1 || shell.retries[0].ApplicationID != b.appID || shell.retries[0].WaitMS < 10 ||
		!strings.Contains(shell.retries[0].Why, "HTTP 503") {
		t.Errorf("the page heard %+v, want one retry announced", shell.retries)
	}
	if u, err := a.Usage(); err != nil || len(u.Rows) != 1 || u.Rows[0].Calls != 1 || u.Rows[0].TokensIn != 800 {
		t.Errorf("usage: %+v, %v", u, err)
	}

	// A slow endpoint: Cancel ends the suggestion as cancelled; meanwhile a
	// second one is refused.
	if _, err := b.ws.SwitchProfile(b.riley.ID, ""); err != nil {
		t.Fatal(err)
	}
	s.Seed = 99 // a request not in the cache
	if _, err := a.SaveSettings(s); err != nil {
		t.Fatal(err)
	}
	srv.Script(openaitest.Reply{Delay: time.Minute, Content: "{}"})
	done := make(chan assist.Suggestion, 1)
	go func() {
		r, err := a.SuggestScreen(b.appID)
		if err != nil {
			t.Errorf("the cancelled suggestion: %v", err)
		}
		done <- r
	}()
	for len(srv.Completions()) < 3 {
		time.Sleep(5 * time.Millisecond)
	}
	refused(t, "a second suggestion", errOf(a.SuggestScreen(b.appID)), "Another AI suggestion is still running; wait for it or cancel it.")
	a.CancelSuggestion()
	select {
	case r := <-done:
		if !r.Cancelled {
			t.Errorf("after Cancel: %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Cancel did not end the suggestion")
	}
	a.CancelSuggestion() // nothing running: nothing happens
}

package assist_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
)

var followUpChunks = []string{
	"- How did you size the eval set?\n",
	"- What broke when the cheap tier met long inputs?\n",
	"- That answer is a level 3?\n",
	"- Which metric did the team act on?\n",
	"- What would you change next time?\n",
}

// The author of a draft gets follow-ups streamed: at most three, never a
// score; what is sent names nobody and carries the question's anchors and
// the notes so far.
func TestFollowUpsStreamToTheAuthorOfADraft(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, true, answer{level: 3, notes: "Grace compared tiers; Priya Nair and Sam Okafor will follow up."})
	p.srv.Script(openaitest.Reply{Chunks: followUpChunks, PromptTokens: 500, CompletionTokens: 40})
	d := newDeltas()
	q := p.comp.Questions[0]
	res, err := p.service(oneRun()).SuggestFollowUps(p.ctx, card, q.ID, p.sam, d.add)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.all(), followUpChunks) || res.Text != strings.Join(followUpChunks, "") {
		t.Errorf("deltas %q text %q", d.all(), res.Text)
	}
	want := []string{"How did you size the eval set?", "What broke when the cheap tier met long inputs?", "Which metric did the team act on?"}
	if !reflect.DeepEqual(res.Questions, want) || res.Dropped != 2 || res.TokensIn != 500 || res.PromptVersion != ai.FollowUpPromptVersion {
		t.Errorf("result %+v", res)
	}
	reqs := p.srv.Completions()
	if len(reqs) != 1 || reqs[0].Invalid != "" {
		t.Fatalf("requests %+v", reqs)
	}
	var sent struct {
		Stream   bool `json:"stream"`
		Messages []struct{ Content string }
	}
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil || !sent.Stream {
		t.Fatalf("sent %s", reqs[0].Body)
	}
	user := sent.Messages[1].Content
	for _, personal := range []string{"Grace", "Priya", "Okafor"} {
		if strings.Contains(user, personal) {
			t.Errorf("the request carries %q", personal)
		}
	}
	if !strings.Contains(user, "[CANDIDATE] compared tiers; [COLLEAGUE] and the interviewer will follow up.") ||
		!strings.Contains(user, strings.Join(strings.Fields(q.Anchors[3]), " ")) {
		t.Errorf("user message:\n%s", user)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Feature != ai.FeatureFollowUp {
		t.Errorf("ledger %+v", u)
	}
}

// Only the card's author, and only while it is a draft; nothing is sent otherwise.
func TestFollowUpsAreOnlyForTheAuthorDuringTheInterview(t *testing.T) {
	p := newPanel(t)
	draft := p.card(t, p.app, p.sam, true, answer{level: 3, notes: "Compared tiers."})
	submitted := p.card(t, p.app, p.priya, false, answer{level: 2, notes: "Compared tiers."}, answer{level: 2, notes: "Retries."})
	q := p.comp.Questions[0].ID
	svc := p.service(oneRun())
	for _, c := range []struct {
		name string
		card int64
		who  model.Profile
		want error
	}{
		{"another interviewer", draft, p.priya, assist.ErrNotAuthor},
		{"the recruiter", draft, p.riley, assist.ErrNotAuthor},
		{"a submitted card", submitted, p.priya, assist.ErrInterviewOver},
	} {
		_, err := svc.SuggestFollowUps(p.ctx, c.card, q, c.who, nil)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	if n := len(p.srv.Completions()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// A reply with no question in it is an error; nothing is suggested.
func TestFollowUpsWithoutAQuestionAreAnError(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, true, answer{level: 3, notes: "Compared tiers."})
	p.srv.Script(openaitest.Reply{Chunks: []string{"Strong answer, ", "level 4."}})
	res, err := p.service(oneRun()).SuggestFollowUps(p.ctx, card, p.comp.Questions[0].ID, p.sam, nil)
	var oe *ai.OutputError
	if !errors.As(err, &oe) || len(res.Questions) != 0 || len(p.srv.Completions()) != 1 {
		t.Errorf("got %+v, %v", res, err)
	}
	if a, _ := p.store.AIAudit(p.ctx, p.cand); len(a) != 1 || a[0].Outcome != "error:invalid_output" {
		t.Errorf("audit %+v", a)
	}
}

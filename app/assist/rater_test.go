package assist_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
	"hirebench/storage"
)

const measured = "measured the quality gap on an eval set"

// No anchoring: nothing is asked before the interviewer's score is final,
// for a question they skipped, or by someone the blind rule keeps from the card.
func TestSuggestLevelOnlyBesideASubmittedScore(t *testing.T) {
	p := newPanel(t)
	svc := p.service(assist.DefaultSettings())
	draft := p.card(t, p.app, p.sam, true, answer{level: 3, notes: notesFor("Grace", 0)}, answer{level: 2, notes: notesFor("Grace", 1)})
	q0, q1 := p.comp.Questions[0].ID, p.comp.Questions[1].ID
	if _, err := svc.SuggestLevel(p.ctx, draft, q0, p.sam, assist.RateOptions{}); !errors.Is(err, assist.ErrScoreFirst) {
		t.Errorf("a draft: %v, want ErrScoreFirst", err)
	}
	other := p.card(t, p.candidate(t, "Alan Turing", "alan@example.com"), p.sam, false,
		answer{level: 3, notes: notesFor("Alan", 0)}, answer{skip: true})
	if _, err := svc.SuggestLevel(p.ctx, other, q1, p.sam, assist.RateOptions{}); !errors.Is(err, assist.ErrScoreFirst) {
		t.Errorf("a skipped question: %v, want ErrScoreFirst", err)
	}
	// Priya interviews Alan too and has not submitted: Sam's card stays hidden from her.
	if _, err := svc.SuggestLevel(p.ctx, other, q0, p.priya, assist.RateOptions{}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("someone the blind rule keeps out: %v, want a conflict", err)
	}
	if _, err := svc.SuggestLevel(p.ctx, other, "no-such-question", p.sam, assist.RateOptions{}); err == nil {
		t.Error("a question the card does not have was accepted")
	}
	if n := len(p.srv.Completions()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
	if u := p.ledger(t); len(u) != 0 {
		t.Errorf("ledger = %+v, want nothing recorded", u)
	}
}

// A suggestion: the level and anchor from the rubric, the real fragment
// verified with its place in the notes, the invented one dropped and
// counted; the notes sent without the candidate's identity; the level kept
// beside the interviewer's, whose score is untouched; the call in the
// ledger and the exchange in the candidate's audit; all gone with the candidate.
func TestSuggestLevelKeepsAVerifiedSuggestion(t *testing.T) {
	p := newPanel(t)
	notes := notesFor("Grace", 0)
	card := p.card(t, p.app, p.sam, false, answer{level: 4, notes: notes}, answer{level: 2, notes: notesFor("Grace", 1)})
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 0, 3, 3, measured, "routed hard cases to the big model"),
		PromptTokens: 800, CompletionTokens: 90, Fingerprint: "fp_7"})
	q := p.comp.Questions[0]
	res, err := p.service(oneRun()).SuggestLevel(p.ctx, card, q.ID, p.sam, assist.RateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Level != 3 || res.Label != "Meets the bar" || res.Anchor != q.Anchors[2] || res.HumanLevel != 4 || res.CompetencyID != p.comp.ID {
		t.Errorf("result = %+v", res)
	}
	if len(res.Fragments) != 1 || notes[res.Fragments[0].Start:res.Fragments[0].End] != measured || res.Dropped != 1 {
		t.Errorf("fragments %+v dropped %d: want the real one verified in place, the invented one dropped", res.Fragments, res.Dropped)
	}
	// The model is the rating task's own (Tasks), a stronger one than screening's.
	if res.Model != "gpt-4.1" || res.PromptVersion != "rate-v1" || res.Cached || res.TokensIn != 800 || res.Fingerprint != "fp_7" {
		t.Errorf("call = %+v", res.CallSummary)
	}

	reqs := p.srv.Completions()
	if len(reqs) != 1 || reqs[0].Invalid != "" {
		t.Fatalf("requests = %+v, want one the spec accepts", reqs)
	}
	body := string(reqs[0].Body)
	if strings.Contains(body, "Grace") || strings.Contains(body, " She kept") || !strings.Contains(body, "[CANDIDATE] compared") {
		t.Errorf("the notes must be sent without the candidate's identity: %s", body)
	}
	var sent struct {
		ResponseFormat struct {
			JSONSchema struct {
				Schema struct {
					Properties struct {
						Level struct{ Enum []int } `json:"level"`
					} `json:"properties"`
				} `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	if err := json.Unmarshal(reqs[0].Body, &sent); err != nil || len(sent.ResponseFormat.JSONSchema.Schema.Properties.Level.Enum) != 4 {
		t.Errorf("the schema sent does not hold the scale's four levels: %v %+v", err, sent)
	}

	kept, err := p.store.AIRatingsOfCard(p.ctx, card)
	if err != nil || len(kept) != 1 || kept[0].ID != res.RatingID || kept[0].SuggestedLevel != 3 || kept[0].HumanLevel != 4 ||
		kept[0].Model != "gpt-4.1" || kept[0].PromptVersion != "rate-v1" || kept[0].QuestionID != q.ID ||
		len(kept[0].Fragments) != 1 || kept[0].Fragments[0].Text != measured || kept[0].CallID == 0 {
		t.Errorf("kept = %+v, %v", kept, err)
	}
	v, err := p.iv.Scorecard(p.ctx, card, p.sam)
	if a, _, _ := v.Card.Current(); err != nil || *a[q.ID].Score != 4 {
		t.Errorf("the interviewer's score changed: %+v, %v", a[q.ID], err)
	}
	if u := p.ledger(t); len(u) != 1 || u[0].Feature != ai.FeatureRate || u[0].Calls != 1 {
		t.Errorf("ledger = %+v", u)
	}
	if a, err := p.store.AIAudit(p.ctx, p.cand); err != nil || len(a) != 1 || a[0].Feature != "rate" || !strings.Contains(a[0].Request, "[CANDIDATE]") {
		t.Errorf("audit = %+v, %v", a, err)
	}

	// The same notes again: from the cache, kept again, nothing paid.
	again, err := p.service(oneRun()).SuggestLevel(p.ctx, card, q.ID, p.sam, assist.RateOptions{})
	if err != nil || !again.Cached || again.CostUSD != 0 || again.Level != 3 || len(p.srv.Completions()) != 1 {
		t.Errorf("again = %+v, %v", again, err)
	}

	if _, err := p.store.EraseCandidates(p.ctx, []int64{p.cand}, storage.Erasure{Action: storage.ActionErase, Why: "request", Actor: p.riley}); err != nil {
		t.Fatal(err)
	}
	if left, err := p.store.AIRatings(p.ctx, storage.AIRatingFilter{}); err != nil || len(left) != 0 {
		t.Errorf("after erasure: %+v, %v; want no AI rating left", left, err)
	}
}

// A level off the scale or an anchor the question does not have gets one
// repair; a second bad reply is an error and nothing is kept.
func TestSuggestLevelRefusesAnInventedLevelOrAnchor(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, false, answer{level: 2, notes: notesFor("Grace", 0)}, answer{level: 2, notes: notesFor("Grace", 1)})
	q0, q1 := p.comp.Questions[0].ID, p.comp.Questions[1].ID
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 0, 5, 4), PromptTokens: 100, CompletionTokens: 20},
		openaitest.Reply{Content: p.rateReply(t, 0, 2, 2, measured), PromptTokens: 200, CompletionTokens: 30})
	res, err := p.service(oneRun()).SuggestLevel(p.ctx, card, q0, p.sam, assist.RateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reqs := p.srv.Completions()
	if !res.Repaired || res.Level != 2 || len(reqs) != 2 || res.TokensIn != 300 || res.Attempts != 2 {
		t.Fatalf("repaired %v level %d requests %d tokens %d attempts %d", res.Repaired, res.Level, len(reqs), res.TokensIn, res.Attempts)
	}
	if b := string(reqs[1].Body); !strings.Contains(b, `"role":"assistant"`) || !strings.Contains(b, "level must be a whole number from 1 to 4") || reqs[1].Invalid != "" {
		t.Errorf("the repair should carry the bad reply and what was wrong with it: %s", b)
	}

	// An invented anchor, twice.
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 1, 3, 0), PromptTokens: 100, CompletionTokens: 20})
	if res, err := p.service(oneRun()).SuggestLevel(p.ctx, card, q1, p.sam, assist.RateOptions{}); err == nil ||
		!strings.Contains(err.Error(), "anchor is not one of the question's anchors") || res.Level != 0 {
		t.Errorf("an invented anchor twice: %+v, %v", res, err)
	}
	// The anchor of another level than the one given.
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 1, 3, 1), PromptTokens: 100, CompletionTokens: 20})
	if _, err := p.service(oneRun()).SuggestLevel(p.ctx, card, q1, p.sam, assist.RateOptions{Model: "gpt-4o"}); err == nil ||
		!strings.Contains(err.Error(), "anchor is not the anchor of level 3") {
		t.Errorf("a mismatched anchor: %v", err)
	}
	kept, err := p.store.AIRatingsOfCard(p.ctx, card)
	if err != nil || len(kept) != 1 || kept[0].QuestionID != q0 {
		t.Errorf("kept = %+v, %v; want only the repaired suggestion", kept, err)
	}
	failed := 0
	for _, u := range p.ledger(t) {
		failed += u.Failed
	}
	if failed != 2 {
		t.Errorf("ledger = %+v, want both failures counted", p.ledger(t))
	}
}

// A candidate marked human-only never reaches the AI.
func TestSuggestLevelRespectsHumanOnly(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, false, answer{level: 2, notes: notesFor("Grace", 0)}, answer{level: 2, notes: notesFor("Grace", 1)})
	if err := p.store.SetHumanOnly(p.ctx, p.cand, true); err != nil {
		t.Fatal(err)
	}
	_, err := p.service(oneRun()).SuggestLevel(p.ctx, card, p.comp.Questions[0].ID, p.sam, assist.RateOptions{})
	if !errors.Is(err, assist.ErrHumanOnly) || len(p.srv.Completions()) != 0 {
		t.Errorf("err %v after %d requests", err, len(p.srv.Completions()))
	}
}

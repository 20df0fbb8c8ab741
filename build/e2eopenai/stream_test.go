package main

import (
	"encoding/json"
	"strings"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/rubric"
)

// The fake's summary of real notes cites them and leaves exactly one
// sentence unsupported, so the window has one to flag; its follow-ups keep
// three questions and drop the level.
func TestStreamedAnswersFollowTheApp(t *testing.T) {
	notes := []ai.SummaryNote{
		{ID: "N1", Interviewer: "Interviewer A", Round: "Deep dive", Topic: "Prompting & model choice — How do you pick a model? Why.", Score: "4 (Senior) on 1–4", Text: "Measured tiers."},
		{ID: "N2", Interviewer: "Interviewer A", Round: "Deep dive", Topic: "Overall", Score: "recommendation: Yes", Text: ""},
		{ID: "N3", Interviewer: "Interviewer B", Round: "Phone screen", Topic: "Reliability — Retries?", Score: "2 (Junior) on 1–4", Text: "No backoff."},
	}
	body := `{"model":"gpt-4o-mini","stream":true,"messages":` + messagesJSON(t, ai.SummaryRequest(notes)) + `}`
	r, ok := streamed([]byte(body))
	if !ok || len(r.Chunks) < 20 || r.Gap <= 0 {
		t.Fatalf("summary reply %+v, %v: want it streamed slowly, word by word", r, ok)
	}
	text := strings.Join(r.Chunks, "")
	c := ai.CheckCitations(text, []string{"N1", "N2", "N3"})
	if c.Unsupported != 1 || c.Supported != 4 || !strings.Contains(text, "on Reliability thinner than the anchors ask for [N3].") {
		t.Errorf("summary %q: %+v", text, c)
	}

	q := rubric.Question{ID: "q1", Prompt: "How do you pick a model?", Anchors: []string{"a", "b", "c", "d"}}
	req := ai.FollowUpRequest(rubric.Scale{Min: 1, Max: 4}, rubric.Competency{Name: "Model choice"}, q, "")
	r, ok = streamed([]byte(`{"model":"gpt-4o-mini","stream":true,"messages":` + messagesJSON(t, req) + `}`))
	if !ok {
		t.Fatal("the follow-up request was not recognised")
	}
	f, err := ai.ParseFollowUps(strings.Join(r.Chunks, ""))
	if err != nil || len(f.Questions) != 3 || f.Dropped != 1 || len(r.Chunks) < 4 {
		t.Errorf("follow-ups %+v, %v from %q", f, err, r.Chunks)
	}
	if _, ok := streamed([]byte(`{"model":"gpt-4o-mini","messages":[]}`)); ok {
		t.Error("a screen request was taken for a streamed one")
	}
}

// messagesJSON is r's messages as the client sends them.
func messagesJSON(t *testing.T, r ai.Request) string {
	t.Helper()
	type msg struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	}
	var out []msg
	for _, m := range r.Messages {
		out = append(out, msg{m.Role, m.Content})
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

package main

import (
	"encoding/json"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/rubric"
)

// The fake's second opinion on real notes reads as the app reads a model's:
// a level one below the top with that level's anchor, the notes' first
// sentence verified and the invented passage dropped.
func TestRatedAnswersFollowTheApp(t *testing.T) {
	b := rubric.Builtin()
	comp := b.Competencies[0]
	q := comp.Questions[0]
	notes := "[CANDIDATE] compared model tiers on an eval set of 200 prompts. Kept the cheap tier for extraction."
	req := ai.RateRequest(b.Scale, comp, q, notes)
	schema, _ := json.Marshal(map[string]any{"name": req.SchemaName, "schema": json.RawMessage(req.Schema)})
	body := `{"model":"gpt-4.1","messages":` + messagesJSON(t, req) + `,"response_format":{"type":"json_schema","json_schema":` + string(schema) + `}}`
	r, ok := rated([]byte(body))
	if !ok {
		t.Fatal("the rate request was not recognised")
	}
	got, err := ai.ParseRating([]byte(r.Content), b.Scale, q, notes)
	if err != nil || got.Level != b.Scale.Max-1 || len(got.Fragments) != 1 || got.Fragments[0].Text != "Kept the cheap tier for extraction." || got.Dropped != 1 {
		t.Errorf("rating %+v, %v from %s", got, err, r.Content)
	}
	if _, ok := rated([]byte(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}]}`)); ok {
		t.Error("a request without the rate schema was answered as a rating")
	}
}

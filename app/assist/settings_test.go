// A model per task: each task's default (a cheap model to screen, stronger
// ones to weigh evidence), settings saved by an older version gaining the
// tasks they lacked, a task's own model sent, and a task that does not
// exist refused by name.

package assist_test

import (
	"encoding/json"
	"errors"
	"testing"

	"hirebench/app/ai"
	"hirebench/app/assist"
	"hirebench/app/assist/openaitest"
	"hirebench/app/model"
)

func TestEachTaskHasItsModel(t *testing.T) {
	want := map[string]string{"screen": "gpt-4o-mini", "rate": "gpt-4.1", "summary": "gpt-4.1", "followup": "gpt-4.1"}
	got := assist.DefaultSettings().Models
	if len(got) != len(want) {
		t.Errorf("default models = %v, want %v", got, want)
	}
	for task, m := range want {
		if got[task] != m {
			t.Errorf("default model for %s = %q, want %q", task, got[task], m)
		}
	}

	// Saved before there was a model per task: screening's stays, the rest get theirs.
	f := newFixture(t)
	if err := f.store.PutSetting(f.ctx, "ai", `{"models":{"screen":"llama3.1:8b"},"budgetUsd":5}`); err != nil {
		t.Fatal(err)
	}
	s, err := assist.LoadSettings(f.ctx, f.store)
	if err != nil || s.Models["screen"] != "llama3.1:8b" || s.Models["rate"] != "gpt-4.1" || s.Models["followup"] != "gpt-4.1" {
		t.Errorf("older settings = %v, %v", s.Models, err)
	}

	s.Models["translate"] = "gpt-4o"
	s.Models["rate"] = " "
	var ve *model.ValidationError
	if err := assist.SaveSettings(f.ctx, f.store, s); !errors.As(err, &ve) || len(ve.Fields) != 2 ||
		ve.Fields[0].Field != "models.rate" || ve.Fields[1].Field != "models.translate" {
		t.Errorf("an unknown task and an empty model: %v, want both named", err)
	}
}

// The second rater sends the rating task's model, not screening's.
func TestTheSecondRaterSendsItsTasksModel(t *testing.T) {
	p := newPanel(t)
	card := p.card(t, p.app, p.sam, false, answer{level: 4, notes: notesFor("Grace", 0)}, answer{level: 2, notes: notesFor("Grace", 1)})
	s := oneRun()
	s.Models[ai.FeatureRate] = "gpt-4o"
	p.srv.Script(openaitest.Reply{Content: p.rateReply(t, 0, 3, 3), PromptTokens: 700, CompletionTokens: 60})
	if _, err := p.service(s).SuggestLevel(p.ctx, card, p.comp.Questions[0].ID, p.sam, assist.RateOptions{}); err != nil {
		t.Fatal(err)
	}
	reqs := p.srv.Completions()
	var sent struct{ Model string }
	if len(reqs) != 1 || json.Unmarshal(reqs[0].Body, &sent) != nil || sent.Model != "gpt-4o" {
		t.Errorf("sent %d requests, the model %q; want gpt-4o", len(reqs), sent.Model)
	}
}

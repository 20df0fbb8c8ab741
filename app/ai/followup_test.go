package ai

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"hirebench/app/rubric"
)

// Only questions are kept, at most three, never one that carries a score;
// everything else the model wrote is dropped and counted.
func TestParseFollowUpsKeepsAtMostThreeQuestionsAndNoScore(t *testing.T) {
	reply := "Here are some follow-ups:\n" +
		"- How did you measure the quality gap between tiers?\n" +
		"1. What happened when the cheap model failed on long inputs?\n" +
		"- I would rate this answer a 3.\n" +
		"- Is this a level 3 answer?\n" +
		"- How did you measure the quality gap between tiers?\n" +
		"* \"Which metric did you report to the team?\"\n" +
		"- What did it cost per thousand requests?\n"
	got, err := ParseFollowUps(reply)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"How did you measure the quality gap between tiers?",
		"What happened when the cheap model failed on long inputs?",
		"Which metric did you report to the team?",
	}
	// Dropped: the preamble, the rating, the level, the repeat, the fourth question.
	if !reflect.DeepEqual(got.Questions, want) || got.Dropped != 5 {
		t.Errorf("got %q dropped %d, want %q dropped 5", got.Questions, got.Dropped, want)
	}
	// "How did you score the eval?" asks about the candidate's work, not a score of ours.
	if got, err := ParseFollowUps("- How did you score the eval outputs?"); err != nil || len(got.Questions) != 1 {
		t.Errorf("a question about scoring evals: %+v, %v", got, err)
	}
	var oe *OutputError
	if _, err := ParseFollowUps("Strong answer, 4 out of 4."); !errors.As(err, &oe) {
		t.Errorf("no question at all: err %v, want an OutputError", err)
	}
}

func TestFollowUpRequestShowsAnchorsByLabelNotLevel(t *testing.T) {
	scale := rubric.Scale{Min: 1, Max: 3, Labels: []string{"Weak", "Fair", "Strong"}}
	q := rubric.Question{ID: "q1", Prompt: "How do you pick a model?", Anchors: []string{"Guesses.", "Compares prices.", "Measures on an eval set."}}
	r := FollowUpRequest(scale, rubric.Competency{Name: "Model choice"}, q, "")
	if r.Feature != FeatureFollowUp || r.PromptVersion != FollowUpPromptVersion || r.Schema != nil {
		t.Fatalf("request %+v", r)
	}
	user := r.Messages[1].Content
	for _, want := range []string{"Question being asked: How do you pick a model?", "- Weak: Guesses.\n", "- Strong: Measures on an eval set.\n", "(none yet)"} {
		if !strings.Contains(user, want) {
			t.Errorf("user message lacks %q:\n%s", want, user)
		}
	}
	if strings.Contains(user, "1 (Weak)") || strings.Contains(user, "- 3") {
		t.Errorf("levels are shown by number:\n%s", user)
	}
}

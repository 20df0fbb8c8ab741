// Tests rubric validation and normalising: a valid rubric passes, each rule names
// its field, and every problem is listed at once.

package rubric

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
)

// validRubric is a small, complete 1–4 rubric: one track, a core and a
// tracked competency, three questions, two screen flags. Tests mutate it.
func validRubric() Rubric {
	anchors := func(topic string) []string {
		return []string{
			"Cannot describe " + topic + ".",
			"Describes " + topic + " only in general terms.",
			"Explains a concrete case of " + topic + " with trade-offs.",
			"Explains several cases of " + topic + ", when each fails,\nand what they measured.",
		}
	}
	return Rubric{
		Format:      FormatV1,
		Name:        "Backend engineer – onsite",
		Description: "Structured onsite loop.\n\tScore every question against its anchors.",
		Scale:       Scale{Min: 1, Max: 4, Labels: []string{"No evidence", "Weak", "Good", "Strong"}},
		Tracks:      []Track{{ID: "platform", Name: "Platform", Description: "Roles that own infrastructure."}},
		Competencies: []Competency{
			{
				ID: "api-design", Name: "API design", Description: "Designing HTTP APIs others build on.", Weight: 2,
				Questions: []Question{
					{
						ID: "q-pagination", Prompt: "How would you paginate a list endpoint over a table that changes while clients page through it?",
						Probes: "Listen for cursors versus offsets.", FollowUps: []string{"What if rows are deleted?"},
						Weight: 1, RedFlags: []string{"Offsets only, with no awareness of drift."}, Anchors: anchors("pagination"),
						Kind: Situational,
					},
					{ID: "q-versioning", Prompt: "How do you evolve an API without breaking clients?", Weight: 0.5, Optional: true, Anchors: anchors("versioning")},
				},
			},
			{
				ID: "deploys", Name: "Deploys", Track: "platform", Weight: 1,
				Questions: []Question{{ID: "q-rollback", Prompt: "Walk me through your last rollback.", Weight: 1, Anchors: anchors("rollbacks")}},
			},
		},
		Screen: []ScreenFlag{
			{ID: "shipped-api", Kind: GreenFlag, Text: "Shipped a public API", Hint: "Look for links to docs or changelogs."},
			{ID: "no-code", Kind: RedFlag, Text: "No code samples anywhere"},
		},
	}
}

// want is one expected problem: the exact field and a part of the message.
type want struct{ field, msg string }

// checkProblems asserts err is a *model.ValidationError holding exactly the
// wanted problems, in order.
func checkProblems(t *testing.T, err error, wants ...want) {
	t.Helper()
	if len(wants) == 0 {
		if err != nil {
			t.Fatalf("want no error, got %v", err)
		}
		return
	}
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want *model.ValidationError, got %T: %v", err, err)
	}
	if len(ve.Fields) != len(wants) {
		t.Fatalf("want %d problems, got %d:\n%s", len(wants), len(ve.Fields), listProblems(ve))
	}
	for i, w := range wants {
		got := ve.Fields[i]
		if got.Field != w.field || !strings.Contains(got.Message, w.msg) {
			t.Errorf("problem %d: want %s: …%s…, got %s: %s", i, w.field, w.msg, got.Field, got.Message)
		}
	}
}

func listProblems(ve *model.ValidationError) string {
	var b strings.Builder
	for _, f := range ve.Fields {
		fmt.Fprintf(&b, "  %s: %s\n", f.Field, f.Message)
	}
	return b.String()
}

func manyQuestions(prefix string, n int) []Question {
	qs := make([]Question, n)
	for i := range qs {
		qs[i] = Question{ID: fmt.Sprintf("%s-%d", prefix, i), Prompt: "Prompt?", Weight: 1, Anchors: []string{"a", "b", "c", "d"}}
	}
	return qs
}

func manyStrings(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("item %d", i)
	}
	return out
}

func TestValidateAcceptsValid(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *Rubric)
	}{
		{"fixture", func(r *Rubric) {}},
		{"no tracks, no screen, no optional text", func(r *Rubric) {
			r.Tracks, r.Screen, r.Description = nil, nil, ""
			r.Competencies[1].Track = ""
		}},
		{"two-level scale from 0", func(r *Rubric) {
			r.Scale = Scale{Min: 0, Max: 1, Labels: []string{"No", "Yes"}}
			forEachQuestion(r, func(q *Question) { q.Anchors = []string{"absent", "present"} })
		}},
		{"ten-level scale", func(r *Rubric) {
			r.Scale = Scale{Min: 1, Max: 10, Labels: manyStrings(10)}
			forEachQuestion(r, func(q *Question) { q.Anchors = manyStrings(10) })
		}},
		{"limits reached exactly", func(r *Rubric) {
			r.Name = strings.Repeat("é", MaxTitle) // runes, not bytes
			r.Competencies[0].Questions[0].Prompt = strings.Repeat("x", MaxText)
			r.Competencies[0].Questions[0].FollowUps = manyStrings(MaxListItems)
			r.Competencies[0].Weight = MaxWeight
			r.Competencies[0].ID = strings.Repeat("a", MaxID)
		}},
		{"line breaks and tabs in long text", func(r *Rubric) {
			r.Competencies[0].Questions[0].Prompt = "Line one\n\tindented line two"
		}},
		{"twenty flags of each kind", func(r *Rubric) {
			r.Screen = nil
			for i := range MaxScreenFlags {
				kind := GreenFlag
				if i%2 == 1 {
					kind = RedFlag
				}
				r.Screen = append(r.Screen, ScreenFlag{ID: fmt.Sprintf("f%d", i), Kind: kind, Text: "text"})
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRubric()
			tt.mutate(&r)
			checkProblems(t, Validate(r))
		})
	}
}

func forEachQuestion(r *Rubric, f func(q *Question)) {
	for ci := range r.Competencies {
		for qi := range r.Competencies[ci].Questions {
			f(&r.Competencies[ci].Questions[qi])
		}
	}
}

func TestValidateRules(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name   string
		mutate func(r *Rubric)
		wants  []want
	}{
		// format
		{"format missing", func(r *Rubric) { r.Format = "" }, []want{{"format", `"hirebench.rubric/v1"`}}},
		{"format unknown", func(r *Rubric) { r.Format = "hirebench.rubric/v2" },
			[]want{{"format", `Unsupported format "hirebench.rubric/v2"; this version of hirebench reads "hirebench.rubric/v1"`}}},

		// name and description
		{"name empty", func(r *Rubric) { r.Name = "" }, []want{{"name", "Must not be empty"}}},
		{"name too long", func(r *Rubric) { r.Name = strings.Repeat("é", MaxTitle+1) }, []want{{"name", "Is 201 characters long; the limit is 200"}}},
		{"name with line break", func(r *Rubric) { r.Name = "Backend\nengineer" }, []want{{"name", "Must be a single line"}}},
		{"name with tab", func(r *Rubric) { r.Name = "Backend\tengineer" }, []want{{"name", "control character (U+0009)"}}},
		{"name invalid UTF-8", func(r *Rubric) { r.Name = "Backend \xff" }, []want{{"name", "not valid UTF-8"}}},
		{"name of combining marks only", func(r *Rubric) { r.Name = "\u0301\u0308" }, []want{{"name", "Has no visible characters"}}},
		{"label of a blank letter only", func(r *Rubric) { r.Scale.Labels[2] = "\u3164" }, []want{{"scale.labels[2]", "Has no visible characters"}}},
		{"prompt of a zero-width joiner only", func(r *Rubric) { r.Competencies[0].Questions[0].Prompt = "\u200d" },
			[]want{{"competencies[0].questions[0].prompt", "Has no visible characters"}}},
		{"description too long", func(r *Rubric) { r.Description = long(MaxText + 1) }, []want{{"description", "Is 4001 characters long; the limit is 4000"}}},
		{"description with bell", func(r *Rubric) { r.Description = "ding\a" }, []want{{"description", "control character (U+0007)"}}},
		{"description with carriage return", func(r *Rubric) { r.Description = "a\r\nb" }, []want{{"description", "control character (U+000D)"}}},
		{"description with C1 control", func(r *Rubric) { r.Description = "a\u0085b" }, []want{{"description", "control character (U+0085)"}}},

		// scale
		{"scale min negative", func(r *Rubric) { r.Scale.Min, r.Scale.Max = -1, 2 }, []want{{"scale.min", "Must be 0 or more, not -1"}}},
		{"scale max equals min", func(r *Rubric) { r.Scale.Max = 1 }, []want{{"scale.max", "Must be greater than min (1)"}}},
		{"scale max below min", func(r *Rubric) { r.Scale.Min, r.Scale.Max = 5, 2 }, []want{{"scale.max", "Must be greater than min (5)"}}},
		{"scale too many levels", func(r *Rubric) { r.Scale.Max = 11 }, []want{{"scale.max", "A 1–11 scale has 11 levels; a scale needs 2–10 levels"}}},
		{"scale huge max", func(r *Rubric) { r.Scale.Max = math.MaxInt }, []want{{"scale.max", "a scale needs 2–10 levels"}}},
		{"scale missing labels", func(r *Rubric) { r.Scale.Labels = r.Scale.Labels[:3] }, []want{{"scale.labels", "3 labels for a 1–4 scale (needs 4)"}}},
		{"scale no labels", func(r *Rubric) { r.Scale.Labels = nil }, []want{{"scale.labels", "0 labels for a 1–4 scale (needs 4)"}}},
		{"scale labels with bad range", func(r *Rubric) { r.Scale.Max, r.Scale.Labels = 0, manyStrings(11) }, []want{
			{"scale.max", "Must be greater than min"}, {"scale.labels", "11 labels; a scale has at most 10 levels"}}},
		{"scale label empty", func(r *Rubric) { r.Scale.Labels[1] = "" }, []want{{"scale.labels[1]", "Must not be empty"}}},
		{"scale label repeated", func(r *Rubric) { r.Scale.Labels[3] = "weak" }, []want{{"scale.labels[3]", `"weak" repeats scale.labels[1]`}}},
		{"scale label too long", func(r *Rubric) { r.Scale.Labels[0] = long(MaxTitle + 1) }, []want{{"scale.labels[0]", "the limit is 200"}}},
		{"scale label with line break", func(r *Rubric) { r.Scale.Labels[2] = "Go\nod" }, []want{{"scale.labels[2]", "Must be a single line"}}},
		{"scale wider than anchors", func(r *Rubric) {
			r.Scale.Max, r.Scale.Labels = 5, append(r.Scale.Labels, "Exceptional")
		}, []want{
			{"competencies[0].questions[0].anchors", "4 anchors for a 1–5 scale (needs 5)"},
			{"competencies[0].questions[1].anchors", "4 anchors for a 1–5 scale (needs 5)"},
			{"competencies[1].questions[0].anchors", "4 anchors for a 1–5 scale (needs 5)"},
		}},

		// tracks
		{"too many tracks", func(r *Rubric) {
			for i := range MaxTracks {
				r.Tracks = append(r.Tracks, Track{ID: fmt.Sprintf("t%d", i), Name: "T"})
			}
		}, []want{{"tracks", "11 tracks; the limit is 10"}}},
		{"track id repeated", func(r *Rubric) { r.Tracks = append(r.Tracks, Track{ID: "platform", Name: "Again"}) },
			[]want{{"tracks[1].id", `Id "platform" is already used by tracks[0]`}}},
		{"track id not kebab", func(r *Rubric) { r.Tracks = append(r.Tracks, Track{ID: "Data_Eng", Name: "Data"}) },
			[]want{{"tracks[1].id", `"Data_Eng" is not a valid id`}}},
		{"track id empty", func(r *Rubric) { r.Tracks = append(r.Tracks, Track{Name: "Data"}) }, []want{{"tracks[1].id", "Must not be empty"}}},
		{"track id too long", func(r *Rubric) { r.Tracks = append(r.Tracks, Track{ID: long(MaxID + 1), Name: "Data"}) },
			[]want{{"tracks[1].id", "Is 65 characters long; the limit is 64"}}},
		{"track name empty", func(r *Rubric) { r.Tracks[0].Name = "" }, []want{{"tracks[0].name", "Must not be empty"}}},
		{"track name too long", func(r *Rubric) { r.Tracks[0].Name = long(MaxTitle + 1) }, []want{{"tracks[0].name", "the limit is 200"}}},
		{"track description too long", func(r *Rubric) { r.Tracks[0].Description = long(MaxText + 1) }, []want{{"tracks[0].description", "the limit is 4000"}}},

		// competencies
		{"no competencies", func(r *Rubric) { r.Competencies = nil }, []want{{"competencies", "Needs at least 1 competency"}}},
		{"too many competencies", func(r *Rubric) {
			r.Competencies = nil
			for i := range MaxCompetencies + 1 {
				r.Competencies = append(r.Competencies, Competency{ID: fmt.Sprintf("c%d", i), Name: "C", Weight: 1, Questions: manyQuestions(fmt.Sprintf("c%d-q", i), 1)})
			}
		}, []want{{"competencies", "51 competencies; the limit is 50"}}},
		{"competency id repeated", func(r *Rubric) { r.Competencies[1].ID = "api-design" },
			[]want{{"competencies[1].id", `Id "api-design" is already used by competencies[0]`}}},
		{"competency id not kebab", func(r *Rubric) { r.Competencies[0].ID = "api--design" }, []want{{"competencies[0].id", `"api--design" is not a valid id`}}},
		{"competency id upper case", func(r *Rubric) { r.Competencies[0].ID = "API" }, []want{{"competencies[0].id", "lowercase letters, digits and single hyphens"}}},
		{"competency id empty", func(r *Rubric) { r.Competencies[0].ID = "" }, []want{{"competencies[0].id", "Must not be empty"}}},
		{"competency name empty", func(r *Rubric) { r.Competencies[0].Name = "" }, []want{{"competencies[0].name", "Must not be empty"}}},
		{"competency name too long", func(r *Rubric) { r.Competencies[0].Name = long(MaxTitle + 1) }, []want{{"competencies[0].name", "the limit is 200"}}},
		{"competency description with NUL", func(r *Rubric) { r.Competencies[0].Description = "a\x00b" }, []want{{"competencies[0].description", "control character (U+0000)"}}},
		{"competency unknown track", func(r *Rubric) { r.Competencies[1].Track = "mobile" },
			[]want{{"competencies[1].track", `Unknown track "mobile"; the rubric's tracks are "platform"`}}},
		{"competency track without tracks", func(r *Rubric) { r.Tracks = nil },
			[]want{{"competencies[1].track", `Unknown track "platform"; the rubric defines no tracks`}}},
		{"competency weight zero", func(r *Rubric) { r.Competencies[0].Weight = 0 }, []want{{"competencies[0].weight", "Must be greater than 0, not 0"}}},
		{"competency weight negative", func(r *Rubric) { r.Competencies[0].Weight = -1 }, []want{{"competencies[0].weight", "Must be greater than 0"}}},
		{"competency weight too big", func(r *Rubric) { r.Competencies[0].Weight = 101 }, []want{{"competencies[0].weight", "Must be at most 100, not 101"}}},
		{"competency weight NaN", func(r *Rubric) { r.Competencies[0].Weight = math.NaN() }, []want{{"competencies[0].weight", "Must be a finite number"}}},
		{"competency weight infinite", func(r *Rubric) { r.Competencies[0].Weight = math.Inf(1) }, []want{{"competencies[0].weight", "Must be a finite number"}}},
		{"competency without questions", func(r *Rubric) { r.Competencies[1].Questions = nil }, []want{{"competencies[1].questions", "Needs at least 1 question"}}},
		{"competency with too many questions", func(r *Rubric) { r.Competencies[1].Questions = manyQuestions("x", MaxQuestions+1) },
			[]want{{"competencies[1].questions", "31 questions; the limit is 30"}}},

		// questions
		{"question id repeated in competency", func(r *Rubric) { r.Competencies[0].Questions[1].ID = "q-pagination" },
			[]want{{"competencies[0].questions[1].id", `Id "q-pagination" is already used by competencies[0].questions[0]`}}},
		{"question id repeated across rubric", func(r *Rubric) { r.Competencies[1].Questions[0].ID = "q-versioning" },
			[]want{{"competencies[1].questions[0].id", `already used by competencies[0].questions[1]`}}},
		{"question id same as competency id is fine, bad id is not", func(r *Rubric) {
			r.Competencies[0].Questions[0].ID = "api-design"
			r.Competencies[0].Questions[1].ID = "q 2"
		}, []want{{"competencies[0].questions[1].id", `"q 2" is not a valid id`}}},
		{"question prompt empty", func(r *Rubric) { r.Competencies[0].Questions[1].Prompt = "" },
			[]want{{"competencies[0].questions[1].prompt", "Must not be empty"}}},
		{"question prompt too long", func(r *Rubric) { r.Competencies[0].Questions[1].Prompt = long(MaxText + 1) },
			[]want{{"competencies[0].questions[1].prompt", "Is 4001 characters long; the limit is 4000"}}},
		{"question prompt with escape", func(r *Rubric) { r.Competencies[0].Questions[1].Prompt = "\x1b[31mred" },
			[]want{{"competencies[0].questions[1].prompt", "control character (U+001B)"}}},
		{"question probes too long", func(r *Rubric) { r.Competencies[0].Questions[0].Probes = long(MaxText + 1) },
			[]want{{"competencies[0].questions[0].probes", "the limit is 4000"}}},
		{"question too many follow-ups", func(r *Rubric) { r.Competencies[0].Questions[0].FollowUps = manyStrings(MaxListItems + 1) },
			[]want{{"competencies[0].questions[0].followUps", "21 follow-ups; the limit is 20"}}},
		{"question empty follow-up", func(r *Rubric) { r.Competencies[0].Questions[0].FollowUps = []string{"a", ""} },
			[]want{{"competencies[0].questions[0].followUps[1]", "Must not be empty"}}},
		{"question follow-up too long", func(r *Rubric) { r.Competencies[0].Questions[0].FollowUps[0] = long(MaxText + 1) },
			[]want{{"competencies[0].questions[0].followUps[0]", "the limit is 4000"}}},
		{"question too many red flags", func(r *Rubric) { r.Competencies[0].Questions[0].RedFlags = manyStrings(MaxListItems + 1) },
			[]want{{"competencies[0].questions[0].redFlags", "21 red flags; the limit is 20"}}},
		{"question red flag with control", func(r *Rubric) { r.Competencies[0].Questions[0].RedFlags[0] = "bad\x7f" },
			[]want{{"competencies[0].questions[0].redFlags[0]", "control character (U+007F)"}}},
		{"question weight zero", func(r *Rubric) { r.Competencies[1].Questions[0].Weight = 0 },
			[]want{{"competencies[1].questions[0].weight", "Must be greater than 0"}}},
		{"question weight too big", func(r *Rubric) { r.Competencies[1].Questions[0].Weight = 100.5 },
			[]want{{"competencies[1].questions[0].weight", "Must be at most 100, not 100.5"}}},
		{"question weight NaN", func(r *Rubric) { r.Competencies[1].Questions[0].Weight = math.NaN() },
			[]want{{"competencies[1].questions[0].weight", "Must be a finite number"}}},
		{"question missing anchor", func(r *Rubric) { q := &r.Competencies[0].Questions[1]; q.Anchors = q.Anchors[:3] },
			[]want{{"competencies[0].questions[1].anchors", "3 anchors for a 1–4 scale (needs 4)"}}},
		{"question one anchor", func(r *Rubric) { r.Competencies[0].Questions[1].Anchors = []string{"x"} },
			[]want{{"competencies[0].questions[1].anchors", "1 anchor for a 1–4 scale (needs 4)"}}},
		{"question too many anchors", func(r *Rubric) { q := &r.Competencies[0].Questions[1]; q.Anchors = append(q.Anchors, "more") },
			[]want{{"competencies[0].questions[1].anchors", "5 anchors for a 1–4 scale (needs 4)"}}},
		{"question no anchors with bad scale", func(r *Rubric) { r.Scale.Max = 0; r.Competencies[0].Questions[1].Anchors = nil },
			[]want{{"scale.max", "Must be greater than min"}, {"competencies[0].questions[1].anchors", "one anchor per level"}}},
		{"question empty anchor", func(r *Rubric) { r.Competencies[0].Questions[1].Anchors[2] = "" },
			[]want{{"competencies[0].questions[1].anchors[2]", "Must not be empty"}}},
		{"question anchor too long", func(r *Rubric) { r.Competencies[0].Questions[1].Anchors[0] = long(MaxText + 1) },
			[]want{{"competencies[0].questions[1].anchors[0]", "the limit is 4000"}}},

		// question kind and calibration samples
		{"question kind unknown", func(r *Rubric) { r.Competencies[0].Questions[0].Kind = "hypothetical" },
			[]want{{"competencies[0].questions[0].kind", `"hypothetical" is not a kind; use "situational" or "behavioural"`}}},
		{"sample level below the scale", func(r *Rubric) {
			r.Competencies[0].Questions[0].Samples = []Sample{{Level: 1, Answer: "Offsets."}, {Level: 0, Answer: "No idea."}}
		}, []want{{"competencies[0].questions[0].samples[1].level", "0 is not on the 1–4 scale"}}},
		{"sample level above the scale", func(r *Rubric) { r.Competencies[1].Questions[0].Samples = []Sample{{Level: 5, Answer: "Rolled back."}} },
			[]want{{"competencies[1].questions[0].samples[0].level", "5 is not on the 1–4 scale"}}},
		{"sample answer empty", func(r *Rubric) { r.Competencies[0].Questions[0].Samples = []Sample{{Level: 2}} },
			[]want{{"competencies[0].questions[0].samples[0].answer", "Must not be empty"}}},
		{"too many samples", func(r *Rubric) {
			r.Competencies[0].Questions[0].Samples = slices.Repeat([]Sample{{Level: 3, Answer: "Cursors."}}, MaxSamples+1)
		}, []want{{"competencies[0].questions[0].samples", "21 samples; the limit is 20"}}},

		// screen
		{"screen too many items", func(r *Rubric) {
			r.Screen = nil
			for i := range MaxScreenFlags + 1 {
				kind := GreenFlag
				if i%2 == 1 {
					kind = RedFlag
				}
				r.Screen = append(r.Screen, ScreenFlag{ID: fmt.Sprintf("f%d", i), Kind: kind, Text: "text"})
			}
		}, []want{{"screen", "41 checklist items; the limit is 40"}, {"screen", "21 green flags; the limit is 20 of each kind"}}},
		{"screen too many of one kind", func(r *Rubric) {
			for i := range MaxListItems {
				r.Screen = append(r.Screen, ScreenFlag{ID: fmt.Sprintf("r%d", i), Kind: RedFlag, Text: "text"})
			}
		}, []want{{"screen", "21 red flags; the limit is 20 of each kind"}}},
		{"screen id repeated", func(r *Rubric) { r.Screen[1].ID = "shipped-api" }, []want{{"screen[1].id", `Id "shipped-api" is already used by screen[0]`}}},
		{"screen id not kebab", func(r *Rubric) { r.Screen[1].ID = "-no-code" }, []want{{"screen[1].id", "is not a valid id"}}},
		{"screen id empty", func(r *Rubric) { r.Screen[1].ID = "" }, []want{{"screen[1].id", "Must not be empty"}}},
		{"screen kind empty", func(r *Rubric) { r.Screen[1].Kind = "" }, []want{{"screen[1].kind", `Required: "green" or "red"`}}},
		{"screen kind unknown", func(r *Rubric) { r.Screen[1].Kind = "amber" }, []want{{"screen[1].kind", `"amber" is not a kind; use "green" or "red"`}}},
		{"screen kind wrong case", func(r *Rubric) { r.Screen[0].Kind = "Green" }, []want{{"screen[0].kind", `"Green" is not a kind`}}},
		{"screen text empty", func(r *Rubric) { r.Screen[0].Text = "" }, []want{{"screen[0].text", "Must not be empty"}}},
		{"screen text too long", func(r *Rubric) { r.Screen[0].Text = long(MaxText + 1) }, []want{{"screen[0].text", "the limit is 4000"}}},
		{"screen hint with control", func(r *Rubric) { r.Screen[0].Hint = "a\x0cb" }, []want{{"screen[0].hint", "control character (U+000C)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRubric()
			tt.mutate(&r)
			checkProblems(t, Validate(r), tt.wants...)
		})
	}
}

func TestValidateListsEveryProblem(t *testing.T) {
	r := validRubric()
	r.Format = ""
	r.Name = ""
	r.Scale.Labels[0] = ""
	r.Competencies[0].Weight = 0
	r.Competencies[1].Questions[0].Anchors = nil
	r.Screen[0].Kind = "blue"
	checkProblems(t, Validate(r),
		want{"format", "Required"},
		want{"name", "Must not be empty"},
		want{"scale.labels[0]", "Must not be empty"},
		want{"competencies[0].weight", "greater than 0"},
		want{"competencies[1].questions[0].anchors", "0 anchors for a 1–4 scale (needs 4)"},
		want{"screen[0].kind", `"blue" is not a kind`},
	)
	if msg := Validate(r).Error(); !strings.HasPrefix(msg, "format: ") || !strings.Contains(msg, "; name: Must not be empty") {
		t.Errorf("Error() = %q", msg)
	}
}

func TestNormalize(t *testing.T) {
	r := validRubric()
	r.Format = " " + FormatV1 + "\n"
	r.Name = "  Backend engineer – onsite\t"
	r.Scale.Labels[0] = " No evidence "
	r.Scale.Labels[1] = "   "
	r.Tracks[0].ID = " platform "
	r.Competencies[1].Track = "platform "
	r.Competencies[0].Questions[0].FollowUps = []string{" ", "What if rows are deleted?  ", ""}
	r.Competencies[0].Questions[0].RedFlags = []string{"", "\n"}
	r.Competencies[0].Questions[0].Anchors[3] = "  Explains several cases of pagination, when each fails,\nand what they measured.\n\n"
	r.Competencies[0].Questions[1].Anchors[1] = " "
	r.Competencies[0].Weight = 2
	r.Screen[0].Kind = " green "
	input := r
	inputLabels := append([]string(nil), r.Scale.Labels...)
	Normalize(&r)

	expect := validRubric()
	expect.Scale.Labels[1] = ""                         // positional: kept, empty, for Validate to report
	expect.Competencies[0].Questions[0].RedFlags = nil  // all empty: dropped
	expect.Competencies[0].Questions[1].Anchors[1] = "" // positional: kept
	if !reflect.DeepEqual(r, expect) {
		t.Fatalf("Normalize:\n got %#v\nwant %#v", r, expect)
	}
	if !reflect.DeepEqual(input.Scale.Labels, inputLabels) || input.Competencies[1].Track != "platform " {
		t.Error("Normalize changed slices shared with its input")
	}
	checkProblems(t, Validate(r),
		want{"scale.labels[1]", "Must not be empty"},
		want{"competencies[0].questions[1].anchors[1]", "Must not be empty"})
}

// Bidirectional overrides and zero-width characters never reach a stored
// rubric: they could make a competency read differently than it sorts or
// compares, and a name made only of them would show nothing.
func TestNormalizeDropsInvisibleCharacters(t *testing.T) {
	r := validRubric()
	r.Name = "\u202eBackend\u200b engineer – onsite\u202c"
	r.Competencies[0].Name = "\ufeffAPI \u2066design\u2069"
	r.Competencies[0].Questions[0].Anchors[0] = "Cannot describe \u200fpagination."
	r.Scale.Labels[0] = "\u200b"
	Normalize(&r)
	if r.Name != "Backend engineer – onsite" || r.Competencies[0].Name != "API design" {
		t.Errorf("names %q, %q", r.Name, r.Competencies[0].Name)
	}
	// A direction mark is kept in prose, where mixed scripts need it.
	if got := r.Competencies[0].Questions[0].Anchors[0]; got != "Cannot describe \u200fpagination." {
		t.Errorf("anchor %q", got)
	}
	checkProblems(t, Validate(r), want{"scale.labels[0]", "Must not be empty"})
}

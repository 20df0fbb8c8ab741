// Reading a second-rater reply: the level must be on the scale, the anchor
// the question's own for that level, and every fragment must occur in the
// interviewer's notes, or it is dropped.

package ai

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// MaxFragment is the longest fragment kept, in characters.
const MaxFragment = 300

// Fragment is a passage of the notes a suggested level rests on: the
// notes' own words at Start:End (byte offsets, on one line).
type Fragment struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// LevelSuggestion is the model's level for one question, the anchor it
// matched, the verified fragments, and how many fragments were dropped as
// not found in the notes.
type LevelSuggestion struct {
	Level     int        `json:"level"`
	Anchor    string     `json:"anchor"`
	Reason    string     `json:"reason"`
	Fragments []Fragment `json:"fragments"`
	Dropped   int        `json:"dropped"`
}

// ParseRating reads a reply to RateRequest. notes is the ORIGINAL text (not
// the redacted one): a fragment counts only if the interviewer wrote it.
func ParseRating(content []byte, scale rubric.Scale, q rubric.Question, notes string) (LevelSuggestion, error) {
	var reply struct {
		Fragments *[]string       `json:"fragments"`
		Reason    *string         `json:"reason"`
		Anchor    *string         `json:"anchor"`
		Level     json.RawMessage `json:"level"`
	}
	dec := json.NewDecoder(bytes.NewReader(unfence(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&reply); err != nil {
		return LevelSuggestion{}, &OutputError{[]string{"the reply is not the JSON object asked for (" + jsonProblem(err) + ")"}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return LevelSuggestion{}, &OutputError{[]string{"the reply has more text after the JSON object"}}
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	out := LevelSuggestion{Fragments: []Fragment{}}
	var level int
	levelOK := false
	switch {
	case reply.Level == nil || string(reply.Level) == "null":
		bad("level is missing")
	case json.Unmarshal(reply.Level, &level) != nil || level < scale.Min || level > scale.Max:
		// A string, a fraction or a level off the scale: never guessed at.
		bad("level must be a whole number from %d to %d", scale.Min, scale.Max)
	default:
		out.Level, levelOK = level, true
	}
	switch {
	case reply.Anchor == nil:
		bad("anchor is missing")
	case !slices.Contains(anchorTexts(q), oneLine(*reply.Anchor)):
		bad("anchor is not one of the question's anchors (copy it exactly)")
	case levelOK && !slices.Contains(levelsOf(scale, q, oneLine(*reply.Anchor)), out.Level):
		bad("anchor is not the anchor of level %d", out.Level)
	default:
		out.Anchor = oneLine(*reply.Anchor)
	}
	if reply.Reason == nil {
		bad("reason is missing")
	} else if out.Reason = model.OneLine(*reply.Reason); utf8.RuneCountInString(out.Reason) > MaxReason {
		bad("reason is longer than %d characters", MaxReason)
	}
	switch {
	case reply.Fragments == nil:
		bad("fragments is missing (use [] for none)")
	case len(*reply.Fragments) > MaxFragments:
		bad("fragments has %d passages; give at most %d", len(*reply.Fragments), MaxFragments)
	default:
		for i, f := range *reply.Fragments {
			if utf8.RuneCountInString(model.OneLine(f)) > MaxFragment {
				bad("fragments[%d] is longer than %d characters", i, MaxFragment)
			}
		}
	}
	if len(problems) > 0 {
		return LevelSuggestion{}, &OutputError{problems}
	}
	hay := scoring.NewQuoteIndex(notes)
	for _, f := range *reply.Fragments {
		if strings.TrimSpace(f) == "" {
			continue
		}
		start, end, ok := hay.Find(f)
		if !ok {
			out.Dropped++
			continue
		}
		out.Fragments = append(out.Fragments, Fragment{Text: model.OneLine(notes[start:end]), Start: start, End: end})
	}
	return out, nil
}

// levelsOf lists the levels whose anchor reads text (several when a rubric
// repeats an anchor).
func levelsOf(scale rubric.Scale, q rubric.Question, text string) []int {
	var out []int
	for i, a := range q.Anchors {
		if oneLine(a) == text {
			out = append(out, scale.Min+i)
		}
	}
	return out
}

// RateRepairRequest is r followed by the model's bad reply and what was
// wrong with it, for the one repair attempt.
func RateRepairRequest(r Request, reply string, err error) Request {
	what := "it could not be read"
	var oe *OutputError
	if errors.As(err, &oe) {
		what = strings.TrimPrefix(oe.Error(), "the reply does not follow the schema: ")
	}
	fix := Message{Role: "user", Content: "Your last reply could not be used: " + what + ".\n" +
		"Reply again with only the JSON object the schema describes: a level on the scale, the anchor of that level " +
		"copied exactly, at most 5 fragments copied verbatim from the notes (or []), and a one-sentence reason."}
	r.Messages = append(slices.Clone(r.Messages), Message{Role: "assistant", Content: reply}, fix)
	return r
}

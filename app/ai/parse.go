// Reading a model's screen suggestion: the reply must match the schema
// exactly, and every quote must occur in the resume, or it is dropped.

package ai

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

// MaxReason is the longest reason kept, in characters.
const MaxReason = 300

// FlagSuggestion is the model's call on one checklist flag. Quote is the
// resume's own words at Start:End (on one line) when Verified; a quote the
// resume does not contain is cleared.
type FlagSuggestion struct {
	ID       string       `json:"id"`
	Status   scoring.Mark `json:"status"`
	Quote    string       `json:"quote"`
	Reason   string       `json:"reason"`
	Verified bool         `json:"verified"`
	Start    int          `json:"start"`
	End      int          `json:"end"`
}

// ScreenSuggestion is one suggestion per checklist flag, in checklist
// order, and how many quotes were dropped as not found in the resume.
type ScreenSuggestion struct {
	Flags   []FlagSuggestion `json:"flags"`
	Dropped int              `json:"dropped"`
}

// OutputError says what is wrong with a model's reply, naming flag ids and
// fields but never quoting the reply's text (it may hold personal data), so
// it can go into a log and into the repair prompt.
type OutputError struct{ Problems []string }

func (e *OutputError) Error() string {
	const most = 8
	p := e.Problems
	if len(p) > most {
		p = append(slices.Clone(p[:most]), fmt.Sprintf("and %d more problems", len(e.Problems)-most))
	}
	return "the reply does not follow the schema: " + strings.Join(p, "; ")
}

// ParseScreen reads a reply to ScreenRequest. resume is the ORIGINAL text
// (not the redacted one): a quote counts only if the candidate wrote it.
func ParseScreen(content []byte, checklist []rubric.ScreenFlag, resume string) (ScreenSuggestion, error) {
	var reply struct {
		Flags *[]struct {
			ID     *string `json:"id"`
			Quote  *string `json:"quote"`
			Reason *string `json:"reason"`
			Status *string `json:"status"`
		} `json:"flags"`
	}
	dec := json.NewDecoder(bytes.NewReader(unfence(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&reply); err != nil {
		return ScreenSuggestion{}, &OutputError{[]string{"the reply is not the JSON object asked for (" + jsonProblem(err) + ")"}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return ScreenSuggestion{}, &OutputError{[]string{"the reply has more text after the JSON object"}}
	}
	if reply.Flags == nil {
		return ScreenSuggestion{}, &OutputError{[]string{`"flags" is missing`}}
	}
	order := map[string]int{}
	for i, f := range checklist {
		order[f.ID] = i
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	got := make([]*FlagSuggestion, len(checklist))
	hay := scoring.NewQuoteIndex(resume)
	out := ScreenSuggestion{}
	for n, f := range *reply.Flags {
		if f.ID == nil {
			bad("flags[%d]: id is missing", n)
			continue
		}
		i, known := order[*f.ID]
		switch {
		case !known:
			bad("flags[%d]: %s is not a checklist id", n, nameID(*f.ID))
			continue
		case got[i] != nil:
			bad("flag %q is listed more than once", *f.ID)
			continue
		}
		s := FlagSuggestion{ID: *f.ID}
		got[i] = &s
		switch {
		case f.Status == nil:
			bad("flag %q: status is missing", s.ID)
		case !slices.Contains([]scoring.Mark{scoring.Present, scoring.Absent, scoring.Unclear}, scoring.Mark(*f.Status)):
			bad("flag %q: status must be present, absent or unclear", s.ID)
		default:
			s.Status = scoring.Mark(*f.Status)
		}
		if f.Reason == nil {
			bad("flag %q: reason is missing", s.ID)
		} else if s.Reason = model.OneLine(*f.Reason); utf8.RuneCountInString(s.Reason) > MaxReason {
			bad("flag %q: reason is longer than %d characters", s.ID, MaxReason)
		}
		if f.Quote == nil {
			bad(`flag %q: quote is missing (use "" for none)`, s.ID)
			continue
		}
		q := model.OneLine(*f.Quote)
		if utf8.RuneCountInString(q) > scoring.MaxEvidence {
			bad("flag %q: quote is longer than %d characters", s.ID, scoring.MaxEvidence)
			continue
		}
		if q == "" {
			continue
		}
		if start, end, ok := hay.Find(q); ok {
			s.Quote, s.Start, s.End, s.Verified = model.OneLine(resume[start:end]), start, end, true
		} else {
			out.Dropped++
		}
	}
	for i, f := range checklist {
		if got[i] == nil {
			bad("flag %q is missing", f.ID)
		}
	}
	if len(problems) > 0 {
		return ScreenSuggestion{}, &OutputError{problems}
	}
	for _, s := range got {
		out.Flags = append(out.Flags, *s)
	}
	return out, nil
}

// unfence takes the JSON out of a ```json fence, which local
// OpenAI-compatible servers without strict structured output may add.
func unfence(b []byte) []byte {
	t := bytes.TrimSpace(b)
	if !bytes.HasPrefix(t, []byte("```")) || !bytes.HasSuffix(t, []byte("```")) || len(t) < 6 {
		return t
	}
	t = t[3 : len(t)-3]
	if i := bytes.IndexByte(t, '\n'); i >= 0 && !bytes.ContainsAny(t[:i], "{[") {
		t = t[i+1:] // the language tag
	}
	return bytes.TrimSpace(t)
}

// jsonProblem describes a decoding error without the reply's text.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		t := typ.Type
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil {
			return typ.Field + " has the wrong type"
		}
		want := map[reflect.Kind]string{reflect.String: "string", reflect.Slice: "array", reflect.Struct: "object"}[t.Kind()]
		return fmt.Sprintf("%s must be a JSON %s, not %s", typ.Field, want, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "it is empty or cut short"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "it has a field the schema does not allow: " + nameID(strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`))
	}
	return "it cannot be read as JSON"
}

// nameID quotes an id the model wrote only if it looks like an id; anything
// else may be text from the resume.
func nameID(id string) string {
	safe := len(id) > 0 && len(id) <= 64 && strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == ""
	if safe {
		return fmt.Sprintf("%q", id)
	}
	return "an id"
}

// RepairMessage is the user message for the one repair attempt after a
// reply ParseScreen refused; the service sends it after the bad reply.
func RepairMessage(err error) Message {
	what := "it could not be read"
	var oe *OutputError
	if errors.As(err, &oe) {
		what = strings.TrimPrefix(oe.Error(), "the reply does not follow the schema: ")
	}
	return Message{Role: "user", Content: "Your last reply could not be used: " + what + ".\n" +
		"Reply again with only the JSON object the schema describes: every checklist id exactly once, " +
		`status "present", "absent" or "unclear", a quote copied verbatim from the resume (or ""), and a one-sentence reason.`}
}

// RepairRequest is r followed by the model's bad reply and RepairMessage.
func RepairRequest(r Request, reply string, err error) Request {
	r.Messages = append(slices.Clone(r.Messages), Message{Role: "assistant", Content: reply}, RepairMessage(err))
	return r
}

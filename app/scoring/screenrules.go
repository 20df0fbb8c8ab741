// The structured screen's rules (issue 13, docs/SCREEN.md): a "present"
// mark needs a quote, a reject needs a reason, the marks suggest a
// decision, and a decision against the suggestion needs an override reason.

package scoring

import (
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

// MaxScreenReason bounds a reject or override reason.
const MaxScreenReason = 500

// Suggest is the decision the marks point to (docs/SCREEN.md):
// reject when any red flag is marked present; else advance when at least
// half of the green flags (rounded up) are present; else reject. Absent,
// unclear and unmarked flags count as not present, so a screen left half
// done suggests what its evidence supports. A checklist with no green
// flags advances unless a red flag is present.
func Suggest(checklist []rubric.ScreenFlag, marks map[string]FlagMark) Decision {
	greens, present := 0, 0
	for _, f := range checklist {
		on := marks[f.ID].Mark == Present
		if f.Kind == rubric.RedFlag {
			if on {
				return Reject
			}
			continue
		}
		greens++
		if on {
			present++
		}
	}
	if 2*present >= greens {
		return Advance
	}
	return Reject
}

// checkScreenRules adds the structured screen's rules to v: marks are the
// checked marks; in carries the decision and its reasons.
func checkScreenRules(v *model.ValidationError, checklist []rubric.ScreenFlag, marks map[string]FlagMark, in *ScreenInput) {
	for _, f := range checklist {
		if m, ok := marks[f.ID]; ok && m.Mark == Present && m.Evidence == "" {
			v.Add("marks."+f.ID, "a flag marked present needs a quote from the resume as evidence")
		}
	}
	in.RejectReason = model.OneLine(in.RejectReason)
	in.OverrideReason = model.OneLine(in.OverrideReason)
	for _, r := range []struct{ field, text string }{{"rejectReason", in.RejectReason}, {"overrideReason", in.OverrideReason}} {
		if utf8.RuneCountInString(r.text) > MaxScreenReason {
			v.Add(r.field, "the reason is longer than %d characters", MaxScreenReason)
		}
	}
	if in.Decision != Reject {
		in.RejectReason = ""
	} else if in.RejectReason == "" {
		v.Add("rejectReason", "a reject needs a reason")
	}
	suggested := Suggest(checklist, marks)
	if in.Decision == Undecided || in.Decision == suggested {
		in.OverrideReason = ""
	} else if in.OverrideReason == "" {
		v.Add("overrideReason", "the marks suggest %s; deciding %s needs a reason for the override", suggested, in.Decision)
	}
}

// ScreenRevision is one save of a screen, kept: who, when, the marks, the
// decision, what the marks suggested and the reasons given.
type ScreenRevision struct {
	ID             int64               `json:"id"`
	ApplicationID  int64               `json:"applicationId"`
	Second         bool                `json:"second"`
	Marks          map[string]FlagMark `json:"marks"`
	Decision       Decision            `json:"decision"`
	Suggested      Decision            `json:"suggested"`
	RejectReason   string              `json:"rejectReason"`
	OverrideReason string              `json:"overrideReason"`
	AuthorID       int64               `json:"authorId"`
	AuthorName     string              `json:"authorName"`
	At             string              `json:"at"`
}

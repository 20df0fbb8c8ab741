// Resume screens: marking each checklist flag present, absent or unclear, with
// evidence that must be quoted from the resume, and the advance-or-reject decision.

package scoring

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"hirebench/app/model"
	"hirebench/app/rubric"
)

type Mark string

const (
	Present Mark = "present"
	Absent  Mark = "absent"
	Unclear Mark = "unclear"
)

type Decision string

const (
	Undecided Decision = ""
	Advance   Decision = "advance"
	Reject    Decision = "reject"
)

const MaxEvidence = 1000

// FlagMark is the screener's call on one checklist flag.
type FlagMark struct {
	Mark     Mark   `json:"mark"`
	Evidence string `json:"evidence"`
}

// Screen is a resume screen of one application against a checklist.
type Screen struct {
	ApplicationID   int64               `json:"applicationId"`
	RubricVersionID int64               `json:"rubricVersionId"`
	Checklist       []rubric.ScreenFlag `json:"checklist"`
	Marks           map[string]FlagMark `json:"marks"`
	Decision        Decision            `json:"decision"`
	AuthorName      string              `json:"authorName"`
	UpdatedAt       string              `json:"updatedAt"`
}

// ScreenInput saves a screen; the checklist comes from the stored version.
type ScreenInput struct {
	ApplicationID int64               `json:"applicationId"`
	Marks         map[string]FlagMark `json:"marks"`
	Decision      Decision            `json:"decision"`
}

// CheckScreen validates marks against the checklist and the resume text:
// evidence must be a quote that really occurs in the resume, so a screen
// cannot cite what the candidate never wrote.
func CheckScreen(checklist []rubric.ScreenFlag, in ScreenInput, resume string) (map[string]FlagMark, error) {
	v := &model.ValidationError{}
	known := map[string]bool{}
	for _, f := range checklist {
		known[f.ID] = true
	}
	hay := foldSpace(resume)
	out := map[string]FlagMark{}
	for id, m := range in.Marks {
		field := "marks." + id
		if !known[id] {
			v.Add(field, "unknown checklist item %q", id)
			continue
		}
		switch m.Mark {
		case Present, Absent, Unclear, "":
		default:
			v.Add(field, "%q is not present, absent or unclear", m.Mark)
			continue
		}
		m.Evidence = model.OneLine(m.Evidence)
		if utf8.RuneCountInString(m.Evidence) > MaxEvidence {
			v.Add(field, "evidence is longer than %d characters", MaxEvidence)
			continue
		}
		if m.Evidence != "" && !strings.Contains(hay, foldSpace(strings.Trim(m.Evidence, `"“”'`))) {
			v.Add(field, "the evidence %q does not occur in the resume text; paste an exact quote", shortQuote(m.Evidence))
			continue
		}
		if m.Mark == "" && m.Evidence == "" {
			continue
		}
		out[id] = m
	}
	switch in.Decision {
	case Undecided, Advance, Reject:
	default:
		v.Add("decision", "%q is not advance or reject", in.Decision)
	}
	return out, v.Err()
}

func foldSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func shortQuote(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return fmt.Sprintf("%s…", string([]rune(s)[:39]))
}

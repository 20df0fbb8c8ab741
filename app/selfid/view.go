// What the window shows: a person's form with the line that says what
// self-identification is, and the role's report with the words that explain
// it. The words live here, once, so the window never words a rule itself.

package selfid

import (
	"fmt"

	"hirebench/app/fairness"
)

// Voluntary is the line above a person's self-identification form.
const Voluntary = "Voluntary: record only what the candidate chose to tell you, and \"" + PreferNot +
	"\" when they declined. Kept apart from their file, never shown to interviewers, in scorecards or bundles; " +
	"it leaves the app only as counts in the role's fairness report."

// WriteOnly is the line above the form on a shared workspace, where the
// server gives answers out only as counts (docs/TEAM.md).
const WriteOnly = "Voluntary: record only what the candidate chose to tell you, and \"" + PreferNot +
	"\" when they declined. On this shared workspace answers are never shown again once recorded, not even to " +
	"recruiters: the server gives them out only as counts in the role's fairness report. A category left on \"" +
	Keep + "\" keeps its answer."

// Keep is the write-only form's choice that leaves a category's answer as
// it is.
const Keep = "Keep as recorded"

// Form is a person's self-identification as the window edits it. On a
// shared workspace it is write-only: every Answer is "" and only the
// categories changed are sent.
type Form struct {
	Answers   []Answer `json:"answers"`
	Note      string   `json:"note"`
	WriteOnly bool     `json:"writeOnly"`
	Keep      string   `json:"keep"`
}

// FormOf puts the words beside a person's answers.
func FormOf(answers []Answer) Form { return Form{Answers: answers, Note: Voluntary} }

// writeOnlyForm is the form on a shared workspace: the categories and what
// they offer, no answer.
func writeOnlyForm(cats []Category) Form {
	out := make([]Answer, len(cats))
	for i, c := range cats {
		out[i] = Answer{Category: c.Name, Offered: c.Offered()}
	}
	return Form{Answers: out, Note: WriteOnly, WriteOnly: true, Keep: Keep}
}

// Explanation is one term of the report in words.
type Explanation struct {
	Term string `json:"term"`
	Text string `json:"text"`
}

// View is the role's report as the window shows it.
type View struct {
	Report Report `json:"report"`
	// Empty says what to do when nobody in the role answered yet ("" once
	// someone did).
	Empty        string        `json:"empty"`
	Explanations []Explanation `json:"explanations"`
	// EditNote is what editing the categories does to answers given.
	EditNote string `json:"editNote"`
}

// EditNote says what editing the categories does to answers already given.
const EditNote = "Answers are kept in the words they were given in. Renaming or removing a category leaves its " +
	"answers stored (erased with their person) but no longer counted; renaming it back counts them again. An answer " +
	"renamed or removed stays as given, and the report still counts it as a group of its own. \"" + PreferNot +
	"\" is always offered and cannot be removed."

// Empty is the report's empty state.
const Empty = "Nobody in this role has answered the self-identification questions yet. When a candidate " +
	"volunteers their answers, open them on the board and record them under Self-identification in their file; " +
	"this view fills in as answers arrive."

// ViewOf puts the words beside a report.
func ViewOf(r Report) View {
	v := View{Report: r, Explanations: Explanations(), EditNote: EditNote}
	if r.Responded == 0 {
		v.Empty = Empty
	}
	return v
}

// Explanations are the report's terms in words: what the four-fifths rule
// is, why small groups are not judged, what Fisher's p and the mean
// differences say (docs/FAIRNESS.md).
func Explanations() []Explanation {
	return []Explanation{
		{"Four-fifths rule", "A group whose selection rate is below four fifths (80%) of the highest group's rate is " +
			"flagged. It is a rule of thumb from the US Uniform Guidelines: a reason to look at the step (its questions, " +
			"screeners, criteria), not a finding of discrimination."},
		{"Too few to judge", fmt.Sprintf("Groups of fewer than %d people are not judged: with so few, one person more "+
			"or less moves the impact ratio by as much as the whole gap between parity (1.0) and the four-fifths line "+
			"(0.8). Their numbers are shown for reference only.", fairness.MinGroup)},
		{"Fisher p", fmt.Sprintf("How likely a split at least this uneven between the group and everyone else would be "+
			"if the step treated them alike. Below %.2f it is worded as unlikely to be chance; above it, a real "+
			"difference may still go undetected with few people. With many groups and stages some p-values fall "+
			"below %.2f by chance alone.", fairness.Alpha, fairness.Alpha)},
		{PreferNot + " and " + NotAnswered, "Counted beside the groups, never in a ratio or a comparison: they " +
			"are not a group anyone belongs to. If many decline, the numbers describe the others."},
		{"Mean scores", "Each group's mean interview score (0–100) against everyone else's: the difference with its " +
			"95% Welch interval, and Cohen's d (the difference in standard deviations). An interval that spans zero " +
			"cannot tell the direction."},
		{"Separates groups", fmt.Sprintf("The question whose largest |d| is the highest of the role's questions, "+
			"and at least %.1f (a medium difference), stands out: read its wording and anchors. A difference in "+
			"means may reflect what the question measures, or a question that favours one group.", StandOutD)},
	}
}

// The bottom line calibration opens with: one sentence a recruiter can act on,
// decided from the pooled groups' Krippendorff's alpha (docs/SCORING.md), with
// the figures that read otherwise explained rather than left side by side.

package scoring

import (
	"fmt"
	"math"
	"strings"

	"hirebench/app/model"
	"hirebench/app/stats"
)

// Verdicts of a BottomLine.
const (
	VerdictAgree    = "agree"
	VerdictRoughly  = "roughly"
	VerdictDisagree = "disagree"
	VerdictTooFew   = "too_few"
)

// The headline of each verdict.
var bottomLineHeadlines = map[string]string{
	VerdictAgree:    "Your interviewers agree well enough to rank these candidates.",
	VerdictRoughly:  "Your interviewers agree only roughly: use the ranking as a guide and discuss close calls before deciding.",
	VerdictDisagree: "Your interviewers agree too little to rely on the ranking: discuss before deciding.",
	VerdictTooFew:   "Too few scores to say whether your interviewers agree: treat the ranking as provisional.",
}

// BottomLineField is the statistic the bottom line rests on: it uses every
// rating (ICC only answers every interviewer scored) and reads rubric levels
// as an order.
const BottomLineField = "alpha_ordinal"

// BottomLine is calibration's one sentence for the recruiter.
type BottomLine struct {
	Verdict  string `json:"verdict"`  // VerdictAgree … VerdictTooFew
	Headline string `json:"headline"` // what to do, in one sentence
	// Basis says which figure the headline rests on, or why there is none.
	Basis string `json:"basis"`
	// Value is that figure (nil when too few); Scale the group's scale.
	Value *float64 `json:"value"`
	Scale string   `json:"scale"`
	// Differences explain every figure of the calibration that reads
	// otherwise (a competency, the ICC), so no two verdicts stand side by
	// side unexplained.
	Differences []string `json:"differences"`
}

// verdictOfAlpha maps Krippendorff's bands onto the verdicts.
func verdictOfAlpha(v float64) string {
	switch stats.AlphaBand(v) {
	case "reliable":
		return VerdictAgree
	case "tentative":
		return VerdictRoughly
	}
	return VerdictDisagree
}

// verdictOfICC maps Koo & Li's bands onto the verdicts: good or better
// agrees, moderate roughly, poor too little.
func verdictOfICC(v float64) string {
	switch stats.ICCBand(v) {
	case "good", "excellent":
		return VerdictAgree
	case "moderate":
		return VerdictRoughly
	}
	return VerdictDisagree
}

func alphaOf(g RatingGroup) *float64 {
	if g.Report == nil {
		return nil
	}
	return g.Report.AlphaOrdinal
}

func printed(v float64) string { return fmt.Sprintf("%.3f", math.Round(v*1000)/1000) }

// CalibrationBottomLine decides the bottom line from Calibrate's groups. It
// rests on the pooled groups (all questions, one per scale), since the
// ranking rests on all questions; with several scales the lowest alpha
// counts, as the ranking is only as sound as its least reliable part.
func CalibrationBottomLine(pooled, competencies []RatingGroup, min CalibrationMinimums) BottomLine {
	var used *RatingGroup
	computed := 0
	for i := range pooled {
		a := alphaOf(pooled[i])
		if a == nil {
			continue
		}
		computed++
		if used == nil || *a < *alphaOf(*used) {
			used = &pooled[i]
		}
	}
	if used == nil {
		return BottomLine{Verdict: VerdictTooFew, Headline: bottomLineHeadlines[VerdictTooFew],
			Basis: tooFewBasis(pooled, min), Differences: []string{}}
	}
	a := *alphaOf(*used)
	b := BottomLine{Verdict: verdictOfAlpha(a), Value: &a, Scale: used.Scale}
	b.Headline = bottomLineHeadlines[b.Verdict]
	b.Basis = fmt.Sprintf("Based on %s over all questions on the %s scale: %s, from %s scored by two or more interviewers (%s, %s).",
		stats.Label(BottomLineField, 0), used.Scale, printed(a), model.Count(used.PairedItems, "answer", "answers"),
		model.Count(used.Candidates, "candidate", "candidates"), model.Count(used.Raters, "interviewer", "interviewers"))
	if computed > 1 {
		b.Basis += fmt.Sprintf(" It is the lowest of the %d scales these cards use: the ranking is only as sound as its least reliable part.", computed)
	}
	b.Differences = append(competencyDifferences(b.Verdict, competencies), iccDifference(*used, pooled, competencies)...)
	return b
}

// tooFewBasis says why no pooled group has an alpha.
func tooFewBasis(pooled []RatingGroup, min CalibrationMinimums) string {
	if len(pooled) == 0 {
		return "No submitted scores yet."
	}
	var parts []string
	for _, g := range pooled {
		switch {
		case g.Report == nil:
			parts = append(parts, fmt.Sprintf("so far %s and %s scored by two or more interviewers on the %s scale; it takes at least %d and %d",
				model.Count(g.Candidates, "candidate", "candidates"), model.Count(g.PairedItems, "answer", "answers"), g.Scale,
				min.Candidates, min.PairedItems))
		default:
			why := strings.TrimPrefix(g.Report.Explanations[BottomLineField], "Not computed: ")
			parts = append(parts, fmt.Sprintf("on the %s scale %s could not be computed: %s", g.Scale, stats.Label(BottomLineField, 0), why))
		}
	}
	return capitalise(strings.Join(parts, "; ")) + "."
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// competencyDifferences names the competencies whose own alpha reads
// otherwise than the bottom line, and says why the pooled figure decides.
func competencyDifferences(verdict string, competencies []RatingGroup) []string {
	rank := map[string]int{VerdictDisagree: 0, VerdictRoughly: 1, VerdictAgree: 2}
	var less, more []string
	for _, g := range competencies {
		a := alphaOf(g)
		if a == nil {
			continue
		}
		name := fmt.Sprintf("%s (α %s)", g.Name, printed(*a))
		switch v := verdictOfAlpha(*a); {
		case rank[v] < rank[verdict]:
			less = append(less, name)
		case rank[v] > rank[verdict]:
			more = append(more, name)
		}
	}
	var out []string
	if len(less) > 0 {
		out = append(out, fmt.Sprintf("%s less than all questions together: discuss %s before relying on them.",
			agrees(less), model.Plural(len(less), "its scores", "their scores")))
	}
	if len(more) > 0 {
		out = append(out, agrees(more)+" more than all questions together.")
	}
	if len(out) > 0 {
		out = append(out, "The bottom line uses all questions together because the ranking rests on all of them and together they hold the most answers; "+
			"one competency alone has fewer answers, usually closer together, so the same disagreement weighs more or less there.")
	}
	return out
}

// agrees: "Taken on its own, A (α 0.1) agrees" or "Taken on their own, A
// (α 0.1) and B (α 0.2) agree".
func agrees(names []string) string {
	if len(names) == 1 {
		return "Taken on its own, " + names[0] + " agrees"
	}
	return "Taken on their own, " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " agree"
}

// iccDifference explains the ICC when it reads otherwise than alpha for a
// group shown, or could not be computed for the group the bottom line uses.
func iccDifference(used RatingGroup, pooled, competencies []RatingGroup) []string {
	rep := used.Report
	missing := rep.ICC21 == nil
	differs := false
	for _, g := range append(append([]RatingGroup{}, pooled...), competencies...) {
		a := alphaOf(g)
		if a != nil && g.Report.ICC21 != nil && verdictOfICC(*g.Report.ICC21) != verdictOfAlpha(*a) {
			differs = true
		}
	}
	if !missing && !differs {
		return nil
	}
	kept := fmt.Sprintf("over all questions, %d of %d", rep.Subjects-rep.SubjectsDropped, rep.Subjects)
	var say string
	switch {
	case missing && differs:
		say = "The ICC in the details counts only answers every interviewer scored: " + kept + ", too few to compute it there. " +
			"Where it was computed, it can read otherwise than α: it calls 0.50 to 0.75 moderate where α calls anything below 0.667 unreliable."
	case missing:
		say = "The ICC in the details counts only answers every interviewer scored: " + kept + ", too few to compute it."
	default:
		say = "The ICC in the details can read otherwise than α: it counts only answers every interviewer scored (" + kept +
			"), and it calls 0.50 to 0.75 moderate where α calls anything below 0.667 unreliable."
	}
	return []string{say + " The bottom line uses α because it counts every rating, also answers only some interviewers scored."}
}

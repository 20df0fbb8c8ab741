// The plain-language words shown for each statistic: what its value means, why it
// is missing, the caveats, and each interviewer's leniency verdict.

package stats

import (
	"errors"
	"fmt"
	"hirebench/app/model"
	"math"
	"strings"
)

// This file holds every plain-language word the app and the committee
// workbook show for a statistic: Explain's sentences, why a statistic is
// missing, the caveats, and each interviewer's leniency verdict. Subjects
// are "rated answers" (a candidate's answer to one question), raters are
// "interviewers".

// Leniency verdicts (RaterLeniency.Verdict).
const (
	VerdictLenient = "lenient"                // scores clearly higher than colleagues
	VerdictSevere  = "severe"                 // scores clearly lower than colleagues
	VerdictInLine  = "in line"                // no clear difference
	VerdictTooFew  = "too few shared answers" // fewer than 2 answers also scored by a colleague
)

// LeniencyZ is how far from 0 the leniency z (as printed, to 2 decimals)
// must be for VerdictLenient or VerdictSevere.
const LeniencyZ = 2

// Explain returns one plain sentence telling a recruiter what a reliability
// value means, e.g. Explain("icc_2_1", 0.62) is
// "0.62: moderate agreement; scores from a single interviewer are noisy".
//
// name is a Report field name ("icc_2_1", "icc_3_k", "alpha_ordinal", …) or
// the textbook notation ("ICC(2,1)", "ICC(2,4)", "ICC(A,k)", "alpha");
// case and spaces are ignored. Single-rater forms ICC(·,1) describe one
// interviewer's score; average forms ICC(·,k) describe the panel's average.
//
// Bands: for ICC, Koo & Li (2016): below 0.5 poor, 0.5 to 0.75 moderate,
// 0.75 to 0.9 good, above 0.9 excellent. For Krippendorff's alpha,
// Krippendorff's guidance (Content Analysis: An Introduction to Its
// Methodology, 2nd ed., 2004): rely on data with α ≥ 0.800, draw only
// tentative conclusions from 0.667 ≤ α < 0.800, and treat lower values as
// unreliable. The band is chosen
// from the value as printed (ICC to 2 decimals, alpha to 3), so the sentence
// never shows "0.75" next to the band below 0.75.
func Explain(name string, value float64) string {
	key := strings.ToLower(strings.Join(strings.Fields(name), ""))
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return fmt.Sprintf("%s could not be computed from these ratings", name)
	}
	if strings.HasPrefix(key, "alpha") || strings.HasPrefix(key, "krippendorff") {
		v := math.Round(value*1000) / 1000
		switch AlphaBand(value) {
		case "reliable":
			return fmt.Sprintf("%.3f: reliable; interviewers agree well enough to trust these scores", v)
		case "tentative":
			return fmt.Sprintf("%.3f: tentative; interviewers agree only well enough for tentative conclusions", v)
		default:
			return fmt.Sprintf("%.3f: unreliable; interviewers disagree too much to draw conclusions from these scores", v)
		}
	}
	form, average, ok := parseICCName(key)
	if !ok {
		return fmt.Sprintf("%s is not a statistic this report explains", name)
	}
	v := math.Round(value*100) / 100
	band := ICCBand(value)
	// ICC(3,·) measures consistency (same ranking), the others agreement on
	// the actual score (McGraw & Wong 1996).
	what, subject := "agreement", "scores"
	if form == 3 {
		what, subject = "consistency", "rankings"
	}
	var tail string
	if average {
		switch band {
		case "poor":
			tail = "even the panel's average " + singular(subject) + " is unreliable"
		case "moderate":
			tail = "the panel's average " + singular(subject) + " is usable but still noisy"
		case "good":
			tail = "the panel's average " + singular(subject) + " is dependable"
		default:
			tail = "the panel's average " + singular(subject) + " is highly dependable"
		}
	} else {
		switch band {
		case "poor":
			tail = subject + " from a single interviewer are unreliable"
		case "moderate":
			tail = subject + " from a single interviewer are noisy"
		case "good":
			tail = subject + " from a single interviewer are dependable"
		default:
			tail = subject + " from a single interviewer are highly dependable"
		}
	}
	return fmt.Sprintf("%.2f: %s %s; %s", v, band, what, tail)
}

// Krippendorff's thresholds (Explain): rely on α ≥ AlphaReliable, draw
// tentative conclusions from AlphaTentative.
const (
	AlphaReliable  = 0.800
	AlphaTentative = 0.667
)

// AlphaBand is Explain's band for an alpha, judged as printed (3
// decimals): "reliable", "tentative" or "unreliable".
func AlphaBand(value float64) string {
	v := math.Round(value*1000) / 1000
	switch {
	case v >= AlphaReliable:
		return "reliable"
	case v >= AlphaTentative:
		return "tentative"
	}
	return "unreliable"
}

// ICCBand is Explain's band for an ICC (Koo & Li 2016), judged as printed
// (2 decimals): "poor", "moderate", "good" or "excellent".
func ICCBand(value float64) string {
	v := math.Round(value*100) / 100
	switch {
	case v > 0.9:
		return "excellent"
	case v >= 0.75:
		return "good"
	case v >= 0.5:
		return "moderate"
	}
	return "poor"
}

func singular(s string) string { return strings.TrimSuffix(s, "s") }

// parseICCName reads "icc_2_1", "icc_3_k", "icc(2,1)", "icc(2,4)", "icc2k",
// "icc(a,1)" (McGraw & Wong: A = ICC(2), C = ICC(3)) into the form (1, 2, 3)
// and whether it is an average-of-k form.
func parseICCName(key string) (form int, average bool, ok bool) {
	if !strings.HasPrefix(key, "icc") {
		return 0, false, false
	}
	rest := strings.NewReplacer("(", "", ")", "", ",", "", "_", "").Replace(strings.TrimPrefix(key, "icc"))
	if len(rest) < 2 {
		return 0, false, false
	}
	switch rest[0] {
	case '1':
		form = 1
	case '2', 'a':
		form = 2
	case '3', 'c':
		form = 3
	default:
		return 0, false, false
	}
	second := rest[1:]
	switch {
	case second == "1":
		return form, false, true
	case second == "k":
		return form, true, true
	}
	for _, r := range second {
		if r < '0' || r > '9' {
			return 0, false, false
		}
	}
	return form, true, true // ICC(2,4): an average over 4 raters
}

// AlphaName is how every label calls Krippendorff's alpha.
const AlphaName = "Krippendorff's α"

// Label is a statistic field's name as the app, the workbook and the
// caveats show it: "ICC(2,1)", "ICC(2,4)" for the average of k = 4 raters
// ("ICC(2,k)" when k is not known, k ≤ 0), "Krippendorff's α (ordinal)".
// Any other name comes back as it is.
func Label(field string, k int) string {
	if lvl, ok := strings.CutPrefix(field, "alpha_"); ok {
		return AlphaName + " (" + lvl + ")"
	}
	if form, average, ok := parseICCName(field); ok {
		switch {
		case !average:
			return fmt.Sprintf("ICC(%d,1)", form)
		case k > 0:
			return fmt.Sprintf("ICC(%d,%d)", form, k)
		}
		return fmt.Sprintf("ICC(%d,k)", form)
	}
	return field
}

// Labels is Label for every statistic field, by field, when k is not
// known: the names of columns that hold several reports.
func Labels() map[string]string {
	out := make(map[string]string, len(StatisticFields()))
	for _, f := range StatisticFields() {
		out[f] = Label(f, 0)
	}
	return out
}

// About says in a few words what a statistic field measures ("" for an
// unknown field).
func About(field string) string {
	switch field {
	case "icc_1_1":
		return "One interviewer; each answer may have been scored by different interviewers"
	case "icc_2_1":
		return "One interviewer; agreement on the exact score"
	case "icc_3_1":
		return "One interviewer; consistency of the ranking"
	case "icc_1_k":
		return "Panel average; each answer may have been scored by different interviewers"
	case "icc_2_k":
		return "Panel average; agreement on the exact score"
	case "icc_3_k":
		return "Panel average; consistency of the ranking"
	case "alpha_nominal":
		return "Counts only exact matches; any difference is a disagreement"
	case "alpha_ordinal":
		return "Scores as an order: what matters is who ranks above whom"
	case "alpha_interval":
		return "Levels as distances: 3 levels apart is worse than 1"
	case "alpha_ratio":
		return "Like interval, with differences judged relative to the size of the scores"
	}
	return ""
}

// Digits is how many decimals a statistic field's value is printed with,
// as Explain prints it (so the band always matches the printed value):
// 3 for alpha, 2 for ICC.
func Digits(field string) int {
	if strings.HasPrefix(field, "alpha") {
		return 3
	}
	return 2
}

// alphaLabel names alpha fields that failed for one reason.
func alphaLabel(fields []string) string {
	if len(fields) == len(Levels) {
		return AlphaName
	}
	levels := make([]string, len(fields))
	for i, f := range fields {
		levels[i] = strings.TrimPrefix(f, "alpha_")
	}
	return AlphaName + " (" + strings.Join(levels, ", ") + ")"
}

const nothingComputed = "Nothing could be computed"

func notComputed(what string) string { return what + " could not be computed" }

func answers(n int) string { return model.Count(n, "rated answer", "rated answers") }

// all is "both interviewers", "all 3 interviewers".
func all(n int, many string) string {
	if n == 2 {
		return "both " + many
	}
	return fmt.Sprintf("all %d %s", n, many)
}

// inputWhy says why ratings could not be analysed at all.
func inputWhy(err error) string {
	if errors.Is(err, ErrInvalidInput) {
		return "at least one score is invalid (not a number, too large or too small, or a second score from one interviewer for the same answer)"
	}
	return err.Error()
}

// iccWhy says why no ICC could be computed; raters counts the interviewers
// in the input.
func iccWhy(err error, res ICCResult, raters int) string {
	switch {
	case errors.Is(err, ErrTooFewRaters):
		return fmt.Sprintf("ICC needs at least two interviewers, and %s scored these answers", onlyCount(raters))
	case errors.Is(err, ErrTooFewSubjects):
		was := "none was"
		if res.N == 1 {
			was = "only one was"
		}
		return fmt.Sprintf("ICC needs at least two rated answers scored by %s, and %s", all(res.K, "interviewers"), was)
	case errors.Is(err, ErrNoVariance):
		return fmt.Sprintf("%s scored by every interviewer have the same average score, so there are no differences between answers for the interviewers to agree on",
			all(res.N, "rated answers"))
	}
	return err.Error()
}

func onlyCount(n int) string {
	switch n {
	case 0:
		return "none"
	case 1:
		return "only one"
	}
	return fmt.Sprintf("only %d", n)
}

// formWhy says why one ICC form is missing although the others were computed.
func formWhy(err error) string {
	switch {
	case errors.Is(err, ErrICC2KUndefined):
		return "the differences between rated answers are too small next to how inconsistently the interviewers disagree, so the panel's average has no defined agreement"
	case errors.Is(err, ErrDegenerate):
		return "the scores vary too little for this statistic to be defined"
	case errors.Is(err, ErrNoInterval):
		return "the rated answers are too few or too inconsistent to estimate how far this value can be trusted"
	}
	return err.Error()
}

const unboundedWhy = "the rated answers are too few or too inconsistent to bound this value from below"

// alphaWhy says why Krippendorff's alpha is missing at some levels.
func alphaWhy(err error) string {
	switch {
	case errors.Is(err, ErrNoPairable):
		return "alpha needs at least one rated answer scored by two or more interviewers"
	case errors.Is(err, ErrNoVariation):
		return "every score on the answers scored by two or more interviewers is the same, so agreement cannot be told apart from chance"
	case errors.Is(err, ErrRatioNegative):
		return "the ratio level needs scores of 0 or more, and some scores are negative"
	case errors.Is(err, ErrTooManyValues):
		return fmt.Sprintf("the ratio level handles at most %d different scores, and these have more", MaxRatioDistinct)
	case errors.Is(err, ErrInvalidInput):
		return inputWhy(err)
	}
	return err.Error()
}

// iccUsesWords says what the ICC was computed from.
func iccUsesWords(n, k int) string {
	return fmt.Sprintf("ICC uses the %s scored by %s; its intervals are %g%% confidence intervals.",
		answers(n), all(k, "interviewers"), 100*ConfidenceLevel)
}

// droppedWords says how many rated answers the ICC left out.
func droppedWords(dropped, total int) string {
	them := "them"
	if dropped == 1 {
		them = "it"
	}
	return fmt.Sprintf("ICC leaves out %d of the %s because not every interviewer scored %s; Krippendorff's alpha still uses %s.",
		dropped, answers(total), them, them)
}

// verdict reads a rater's leniency in words. Z (as printed, to 2
// decimals) at least LeniencyZ away from 0 is a clear departure; so is a
// deviation with no spread at all (Z is then 0 by definition, but the
// interviewer departs by the same amount on every shared answer).
func verdict(l RaterLeniency) (word, meaning string) {
	switch l.N {
	case 0:
		return VerdictTooFew, "No answer this interviewer scored was also scored by a colleague, so there is nothing to compare"
	case 1:
		return VerdictTooFew, "Only one answer this interviewer scored was also scored by a colleague; at least two are needed to tell a lean from chance"
	}
	dev := math.Round(l.MeanDeviation*100) / 100
	dir := "higher"
	word = VerdictLenient
	if dev < 0 {
		dir, word = "lower", VerdictSevere
	}
	shared := fmt.Sprintf("%d shared answers", l.N)
	if l.DeviationSD == 0 {
		if dev == 0 {
			return VerdictInLine, "Scored exactly their colleagues' average on all " + shared
		}
		return word, fmt.Sprintf("Scored exactly %.2f %s than their colleagues on every one of the %s", math.Abs(dev), dir, shared)
	}
	z := math.Round(math.Abs(l.Z)*100) / 100
	if z >= LeniencyZ {
		return word, fmt.Sprintf("Scores clearly %s than colleagues: %.2f %s on average over %s (|z| = %.2f, at least %d)",
			dir, math.Abs(dev), dir, shared, z, LeniencyZ)
	}
	if dev == 0 {
		return VerdictInLine, fmt.Sprintf("No clear difference from colleagues: the same on average over %s (|z| = %.2f, below %d)", shared, z, LeniencyZ)
	}
	return VerdictInLine, fmt.Sprintf("No clear difference from colleagues: %.2f %s on average over %s, within chance (|z| = %.2f, below %d)",
		math.Abs(dev), dir, shared, z, LeniencyZ)
}

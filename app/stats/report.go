package stats

import (
	"fmt"
	"math"
	"strings"
)

// Report gathers every statistic for one set of ratings, ready for JSON.
// A statistic that cannot be computed is null (nil pointer) and Errors says
// why; Notes carries caveats about statistics that were computed.
type Report struct {
	Subjects int `json:"subjects"` // distinct subjects in the input
	Raters   int `json:"raters"`   // distinct raters in the input
	Ratings  int `json:"ratings"`  // number of ratings in the input

	// SubjectsDropped counts subjects left out of the ICC because at least
	// one rater did not score them (complete-case analysis).
	SubjectsDropped int `json:"subjects_dropped"`
	// K is the number of raters the ICC used (0 when no ICC was computed);
	// the "k" in ICC(1,k), ICC(2,k), ICC(3,k).
	K int `json:"k"`

	ICC11 *float64 `json:"icc_1_1"`
	ICC21 *float64 `json:"icc_2_1"`
	ICC31 *float64 `json:"icc_3_1"`
	ICC1K *float64 `json:"icc_1_k"`
	ICC2K *float64 `json:"icc_2_k"`
	ICC3K *float64 `json:"icc_3_k"`

	// 95% confidence intervals [lower, upper] (Shrout & Fleiss 1979).
	ICC11CI *[2]float64 `json:"icc_1_1_ci"`
	ICC21CI *[2]float64 `json:"icc_2_1_ci"`
	ICC31CI *[2]float64 `json:"icc_3_1_ci"`
	ICC1KCI *[2]float64 `json:"icc_1_k_ci"`
	ICC2KCI *[2]float64 `json:"icc_2_k_ci"`
	ICC3KCI *[2]float64 `json:"icc_3_k_ci"`

	AlphaNominal  *float64 `json:"alpha_nominal"`
	AlphaOrdinal  *float64 `json:"alpha_ordinal"`
	AlphaInterval *float64 `json:"alpha_interval"`
	AlphaRatio    *float64 `json:"alpha_ratio"`

	Leniency []RaterLeniency `json:"leniency"`

	// Errors explains each null statistic, prefixed by the field name(s),
	// e.g. "icc: ICC needs at least 2 raters, got 1".
	Errors []string `json:"errors"`
	// Notes are caveats, e.g. how many subjects the ICC dropped.
	Notes []string `json:"notes"`
}

// Analyze computes the full report. It never fails: problems are listed in
// Report.Errors and the affected statistics are null.
func Analyze(ratings []Rating) Report {
	rep := Report{Ratings: len(ratings), Leniency: []RaterLeniency{}, Errors: []string{}, Notes: []string{}}
	subj, rat := map[string]bool{}, map[string]bool{}
	for _, r := range ratings {
		subj[r.Subject], rat[r.Rater] = true, true
	}
	rep.Subjects, rep.Raters = len(subj), len(rat)
	if len(ratings) == 0 {
		rep.Errors = append(rep.Errors, "input: no ratings")
		return rep
	}
	m, err := NewMatrix(ratings)
	if err != nil {
		rep.Errors = append(rep.Errors, "input: "+err.Error())
		return rep
	}

	// ICC.
	res, err := m.ICC()
	rep.SubjectsDropped = res.SubjectsDropped
	if err != nil {
		rep.Errors = append(rep.Errors, "icc: "+err.Error())
	} else {
		rep.K = res.K
		set := func(name string, e ICCEstimate, v **float64, ci **[2]float64) {
			if e.Err != nil {
				rep.Errors = append(rep.Errors, name+": "+e.Err.Error())
				return
			}
			val := e.Value
			*v = &val
			if math.IsInf(e.Lower, -1) {
				rep.Errors = append(rep.Errors, name+"_ci: the lower confidence limit is unbounded (−∞): the data are too few or too inconsistent to bound this value from below")
				return
			}
			b := [2]float64{e.Lower, e.Upper}
			*ci = &b
		}
		set("icc_1_1", res.ICC11, &rep.ICC11, &rep.ICC11CI)
		set("icc_2_1", res.ICC21, &rep.ICC21, &rep.ICC21CI)
		set("icc_3_1", res.ICC31, &rep.ICC31, &rep.ICC31CI)
		set("icc_1_k", res.ICC1K, &rep.ICC1K, &rep.ICC1KCI)
		set("icc_2_k", res.ICC2K, &rep.ICC2K, &rep.ICC2KCI)
		set("icc_3_k", res.ICC3K, &rep.ICC3K, &rep.ICC3KCI)
		rep.Notes = append(rep.Notes, fmt.Sprintf("icc: %d subjects × %d raters; intervals are %g%% confidence intervals (Shrout & Fleiss 1979)",
			res.N, res.K, 100*ConfidenceLevel))
	}
	if rep.SubjectsDropped > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("icc: %d of %d subjects dropped because not every rater scored them (complete cases only); alpha uses them",
			rep.SubjectsDropped, len(m.Subjects)))
	}

	// Krippendorff's alpha; identical failures across levels are grouped.
	units := m.Units()
	var order []string
	failed := map[string][]string{}
	for _, lvl := range Levels {
		name := "alpha_" + lvl.String()
		a, err := AlphaUnits(units, lvl)
		if err != nil {
			msg := err.Error()
			if _, ok := failed[msg]; !ok {
				order = append(order, msg)
			}
			failed[msg] = append(failed[msg], name)
			continue
		}
		v := a
		switch lvl {
		case Nominal:
			rep.AlphaNominal = &v
		case Ordinal:
			rep.AlphaOrdinal = &v
		case Interval:
			rep.AlphaInterval = &v
		case Ratio:
			rep.AlphaRatio = &v
		}
	}
	for _, msg := range order {
		rep.Errors = append(rep.Errors, strings.Join(failed[msg], ", ")+": "+msg)
	}

	rep.Leniency = leniency(m)
	return rep
}

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
		switch {
		case v >= 0.8:
			return fmt.Sprintf("%.3f: reliable; interviewers agree well enough to trust these scores", v)
		case v >= 0.667:
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
	band := "poor"
	switch {
	case v > 0.9:
		band = "excellent"
	case v >= 0.75:
		band = "good"
	case v >= 0.5:
		band = "moderate"
	}
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

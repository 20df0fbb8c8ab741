// Analyze: every statistic for one set of ratings in one JSON-ready report, with
// why any statistic is missing and caveats on those computed.

package stats

import (
	"fmt"
	"math"
	"strings"
)

// Report gathers every statistic for one set of ratings, ready for JSON.
// A statistic that cannot be computed is null (nil pointer) and Errors says
// why; Notes carries caveats about statistics that were computed.
//
// Explanations, Caveats and each RaterLeniency's Verdict and Meaning are
// the same facts in plain words for recruiters: the one place the app and
// the committee workbook take their sentences from. They speak of subjects
// as "rated answers" (one candidate's answer to one question) and of raters
// as "interviewers", which is what the app analyses.
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

	// Explanations has one plain sentence for every statistic field
	// (icc_1_1 … icc_3_k, alpha_nominal … alpha_ratio): Explain's sentence
	// when the value was computed, else why it is missing ("Not computed:
	// …"). An ICC field whose value was computed but whose interval has no
	// lower limit also has an "<field>_ci" entry saying so.
	Explanations map[string]string `json:"explanations"`
	// Caveats are the Errors lines in plain words, in order, then the
	// Notes lines: one sentence for each.
	Caveats []string `json:"caveats"`

	// Statistics has every statistic field in report order, with its
	// name and what it measures: where the app and the workbook take a
	// statistic's label from.
	Statistics []Statistic `json:"statistics"`
}

// Statistic is one statistic of a Report as the app and the workbook show it.
type Statistic struct {
	Field string `json:"field"` // the Report field, also its Explanations key: "icc_2_1", "alpha_ordinal"
	Kind  string `json:"kind"`  // "icc" or "alpha"
	Label string `json:"label"` // Label: "ICC(2,1)", "ICC(2,4)", "Krippendorff's α (ordinal)"
	About string `json:"about"` // About: what the form measures, in a few words
	// Value is the field's value, nil when not computed (Explanations says why).
	Value *float64 `json:"value"`
	// CI is the ICC's 95% confidence interval; nil for alpha, and for an
	// ICC not computed or with no lower limit (Explanations["<field>_ci"]).
	CI *[2]float64 `json:"ci"`
	// Digits is how many decimals the value is printed with (Digits).
	Digits int `json:"digits"`
}

// StatisticFields lists the statistic fields of a Report in report order:
// the keys every Report.Explanations has.
func StatisticFields() []string {
	return []string{"icc_1_1", "icc_2_1", "icc_3_1", "icc_1_k", "icc_2_k", "icc_3_k",
		"alpha_nominal", "alpha_ordinal", "alpha_interval", "alpha_ratio"}
}

var iccFields = StatisticFields()[:6]

// builder collects a Report's technical lines and their plain words.
type builder struct {
	rep       *Report
	errWords  []string // one per rep.Errors line
	noteWords []string // one per rep.Notes line
}

// missing records that fields could not be computed: the Errors line
// "names: detail", the caveat "<headline>: <why>." and, for each field not
// yet explained, "Not computed: <why>".
func (b *builder) missing(fields []string, names, detail, headline, why string) {
	b.rep.Errors = append(b.rep.Errors, names+": "+detail)
	b.errWords = append(b.errWords, headline+": "+why+".")
	for _, f := range fields {
		if _, ok := b.rep.Explanations[f]; !ok {
			b.rep.Explanations[f] = "Not computed: " + why
		}
	}
}

func (b *builder) note(technical, plain string) {
	b.rep.Notes = append(b.rep.Notes, technical)
	b.noteWords = append(b.noteWords, plain)
}

// Analyze computes the full report. It never fails: problems are listed in
// Report.Errors and the affected statistics are null.
func Analyze(ratings []Rating) (rep Report) {
	rep = Report{Ratings: len(ratings), Leniency: []RaterLeniency{}, Errors: []string{}, Notes: []string{},
		Explanations: map[string]string{}, Caveats: []string{}, Statistics: []Statistic{}}
	b := &builder{rep: &rep}
	defer b.finish() // rep is the named result, so the words reach the caller
	subj, rat := map[string]bool{}, map[string]bool{}
	for _, r := range ratings {
		subj[r.Subject], rat[r.Rater] = true, true
	}
	rep.Subjects, rep.Raters = len(subj), len(rat)
	if len(ratings) == 0 {
		b.missing(StatisticFields(), "input", "no ratings", nothingComputed, "no scores have been submitted yet")
		return rep
	}
	m, err := NewMatrix(ratings)
	if err != nil {
		b.missing(StatisticFields(), "input", err.Error(), nothingComputed, inputWhy(err))
		return rep
	}

	// ICC.
	res, err := m.ICC()
	rep.SubjectsDropped = res.SubjectsDropped
	if err != nil {
		b.missing(iccFields, "icc", err.Error(), notComputed("ICC"), iccWhy(err, res, len(m.Raters)))
	} else {
		rep.K = res.K
		set := func(name string, e ICCEstimate, v **float64, ci **[2]float64) {
			if e.Err != nil {
				b.missing([]string{name}, name, e.Err.Error(), notComputed(Label(name, res.K)), formWhy(e.Err))
				return
			}
			val := e.Value
			*v = &val
			if math.IsInf(e.Lower, -1) {
				rep.Errors = append(rep.Errors, name+"_ci: the lower confidence limit is unbounded (−∞): the data are too few or too inconsistent to bound this value from below")
				b.errWords = append(b.errWords, fmt.Sprintf("%s has no lower confidence limit: %s.", Label(name, res.K), unboundedWhy))
				rep.Explanations[name+"_ci"] = "No lower limit: " + unboundedWhy
				return
			}
			bounds := [2]float64{e.Lower, e.Upper}
			*ci = &bounds
		}
		set("icc_1_1", res.ICC11, &rep.ICC11, &rep.ICC11CI)
		set("icc_2_1", res.ICC21, &rep.ICC21, &rep.ICC21CI)
		set("icc_3_1", res.ICC31, &rep.ICC31, &rep.ICC31CI)
		set("icc_1_k", res.ICC1K, &rep.ICC1K, &rep.ICC1KCI)
		set("icc_2_k", res.ICC2K, &rep.ICC2K, &rep.ICC2KCI)
		set("icc_3_k", res.ICC3K, &rep.ICC3K, &rep.ICC3KCI)
		b.note(fmt.Sprintf("icc: %d subjects × %d raters; intervals are %g%% confidence intervals (Shrout & Fleiss 1979)",
			res.N, res.K, 100*ConfidenceLevel), iccUsesWords(res.N, res.K))
	}
	if rep.SubjectsDropped > 0 {
		b.note(fmt.Sprintf("icc: %d of %d subjects dropped because not every rater scored them (complete cases only); alpha uses them",
			rep.SubjectsDropped, len(m.Subjects)), droppedWords(rep.SubjectsDropped, len(m.Subjects)))
	}

	// Krippendorff's alpha; identical failures across levels are grouped.
	units := m.Units()
	var order []string
	failed := map[string][]string{}
	why := map[string]string{}
	for _, lvl := range Levels {
		name := "alpha_" + lvl.String()
		a, err := AlphaUnits(units, lvl)
		if err != nil {
			msg := err.Error()
			if _, ok := failed[msg]; !ok {
				order = append(order, msg)
				why[msg] = alphaWhy(err)
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
		b.missing(failed[msg], strings.Join(failed[msg], ", "), msg, notComputed(alphaLabel(failed[msg])), why[msg])
	}

	rep.Leniency = leniency(m)
	return rep
}

// finish explains and names every statistic and gathers the caveats.
func (b *builder) finish() {
	r := b.rep
	for _, f := range StatisticFields() {
		if v := r.value(f); v != nil {
			r.Explanations[f] = Explain(f, *v)
		} else if _, ok := r.Explanations[f]; !ok {
			r.Explanations[f] = "Not computed" // unreachable: every null has a reason
		}
		kind, ci := "alpha", (*[2]float64)(nil)
		if strings.HasPrefix(f, "icc") {
			kind, ci = "icc", r.ci(f)
		}
		r.Statistics = append(r.Statistics, Statistic{Field: f, Kind: kind, Label: Label(f, r.K), About: About(f),
			Value: r.value(f), CI: ci, Digits: Digits(f)})
	}
	r.Caveats = append(append(r.Caveats, b.errWords...), b.noteWords...)
}

// value is the statistic field's value, nil when it was not computed.
func (r *Report) value(field string) *float64 {
	switch field {
	case "icc_1_1":
		return r.ICC11
	case "icc_2_1":
		return r.ICC21
	case "icc_3_1":
		return r.ICC31
	case "icc_1_k":
		return r.ICC1K
	case "icc_2_k":
		return r.ICC2K
	case "icc_3_k":
		return r.ICC3K
	case "alpha_nominal":
		return r.AlphaNominal
	case "alpha_ordinal":
		return r.AlphaOrdinal
	case "alpha_interval":
		return r.AlphaInterval
	case "alpha_ratio":
		return r.AlphaRatio
	}
	return nil
}

// ci is an ICC field's confidence interval, nil when there is none.
func (r *Report) ci(field string) *[2]float64 {
	switch field {
	case "icc_1_1":
		return r.ICC11CI
	case "icc_2_1":
		return r.ICC21CI
	case "icc_3_1":
		return r.ICC31CI
	case "icc_1_k":
		return r.ICC1KCI
	case "icc_2_k":
		return r.ICC2KCI
	case "icc_3_k":
		return r.ICC3KCI
	}
	return nil
}

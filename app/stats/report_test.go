// Tests the full report on Shrout & Fleiss's example, its JSON keys, undefined
// statistics as null with a reason, and Explain.

package stats

import (
	"encoding/json"
	"math"
	"sort"
	"strings"
	"testing"
)

func TestAnalyzeShroutFleiss(t *testing.T) {
	rep := Analyze(GridRatings(sfTable2))
	if rep.Subjects != 6 || rep.Raters != 4 || rep.Ratings != 24 || rep.K != 4 || rep.SubjectsDropped != 0 {
		t.Errorf("counts %+v", rep)
	}
	if len(rep.Errors) != 0 {
		t.Errorf("errors %v", rep.Errors)
	}
	for _, c := range []struct {
		name string
		v    *float64
		ci   *[2]float64
		want float64
	}{
		{"icc_1_1", rep.ICC11, rep.ICC11CI, 448.0 / 2703},
		{"icc_2_1", rep.ICC21, rep.ICC21CI, 184.0 / 635},
		{"icc_3_1", rep.ICC31, rep.ICC31CI, 920.0 / 1287},
		{"icc_1_k", rep.ICC1K, rep.ICC1KCI, 1792.0 / 4047},
		{"icc_2_k", rep.ICC2K, rep.ICC2KCI, 736.0 / 1187},
		{"icc_3_k", rep.ICC3K, rep.ICC3KCI, 3680.0 / 4047},
	} {
		if c.v == nil || c.ci == nil {
			t.Errorf("%s missing", c.name)
			continue
		}
		near(t, c.name, *c.v, c.want, 1e-12)
		if !(c.ci[0] < *c.v && *c.v < c.ci[1]) {
			t.Errorf("%s CI %v", c.name, *c.ci)
		}
	}
	near(t, "icc_3_1_ci lower", rep.ICC31CI[0], 0.34247, 1e-3)
	for _, a := range []*float64{rep.AlphaNominal, rep.AlphaOrdinal, rep.AlphaInterval, rep.AlphaRatio} {
		if a == nil {
			t.Error("alpha missing")
		}
	}
	// Interval alpha and ICC(2,1)/ICC(1,1) estimate similar quantities; for
	// complete data alpha_interval is close to ICC(1,1) (both treat raters
	// as interchangeable). A loose sanity band only.
	if math.Abs(*rep.AlphaInterval-*rep.ICC11) > 0.1 {
		t.Errorf("alpha_interval %v far from ICC(1,1) %v", *rep.AlphaInterval, *rep.ICC11)
	}
	if len(rep.Leniency) != 4 || rep.Leniency[0].Rater != "R1" || !(rep.Leniency[0].MeanDeviation > 0) || !(rep.Leniency[1].MeanDeviation < 0) {
		t.Errorf("leniency %+v", rep.Leniency)
	}
}

// The JSON field names are part of the contract with the CLI and UI.
func TestReportJSONKeys(t *testing.T) {
	b, err := json.Marshal(Analyze(GridRatings(kripp2011)))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{
		"alpha_interval", "alpha_nominal", "alpha_ordinal", "alpha_ratio", "caveats", "errors", "explanations",
		"icc_1_1", "icc_1_1_ci", "icc_1_k", "icc_1_k_ci", "icc_2_1", "icc_2_1_ci", "icc_2_k", "icc_2_k_ci",
		"icc_3_1", "icc_3_1_ci", "icc_3_k", "icc_3_k_ci", "k", "leniency", "notes",
		"raters", "ratings", "statistics", "subjects", "subjects_dropped",
	}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("keys\n got %v\nwant %v", keys, want)
	}
	// Krippendorff's data: units 1, 10, 11, 12 lack a rating → dropped from
	// the ICC (8 complete subjects remain) but used by alpha.
	var rep Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.SubjectsDropped != 4 || rep.Subjects != 12 || rep.Raters != 4 || rep.Ratings != 41 || rep.K != 4 {
		t.Errorf("counts: dropped %d subjects %d raters %d ratings %d k %d", rep.SubjectsDropped, rep.Subjects, rep.Raters, rep.Ratings, rep.K)
	}
	near(t, "alpha_ordinal", *rep.AlphaOrdinal, 108577.0/133160, 1e-12)
	if !strings.Contains(string(m["icc_1_1_ci"]), ",") || string(m["leniency"])[0] != '[' {
		t.Errorf("ci %s leniency %s", m["icc_1_1_ci"], m["leniency"])
	}
}

// Undefined statistics are JSON null with an explanation, never NaN (which
// encoding/json cannot even encode).
func TestAnalyzeUndefined(t *testing.T) {
	cases := []struct {
		name    string
		ratings []Rating
		errs    []string // substrings expected in Errors
		null    []string // JSON fields expected to be null
	}{
		{"empty", nil, []string{"input: no ratings"}, []string{"icc_1_1", "alpha_nominal"}},
		{"one rater", []Rating{{"a", "R1", 1}, {"b", "R1", 2}},
			[]string{"icc: too few raters", "alpha_nominal, alpha_ordinal, alpha_interval, alpha_ratio: no pairable values"},
			[]string{"icc_1_1", "icc_3_k_ci", "alpha_nominal", "alpha_ratio"}},
		{"all identical", GridRatings([][]float64{{3, 3}, {3, 3}}), []string{"icc: no variance", "no variation"}, []string{"icc_2_1", "alpha_interval"}},
		{"one complete subject", GridRatings([][]float64{{1, 2}, {3, math.NaN()}}), []string{"icc: too few subjects"}, []string{"icc_2_1"}},
		{"duplicate", []Rating{{"a", "R1", 1}, {"a", "R1", 2}}, []string{"input: invalid ratings: duplicate rating for subject a by rater R1"}, []string{"icc_2_1", "alpha_nominal"}},
		{"negative ratio", GridRatings([][]float64{{-1, -2}, {3, 4}}), []string{"alpha_ratio: negative score"}, []string{"alpha_ratio"}},
		{"unbounded ICC(2,k) lower limit", GridRatings([][]float64{{1, 2, -1, 0}, {-2, -1, 1, -1}, {-2, -2, 1, 0}}),
			[]string{"icc_2_k_ci: the lower confidence limit is unbounded"}, []string{"icc_2_k_ci"}},
	}
	for _, c := range cases {
		rep := Analyze(c.ratings)
		b, err := json.Marshal(rep)
		if err != nil {
			t.Errorf("%s: marshal: %v", c.name, err)
			continue
		}
		all := strings.Join(rep.Errors, "\n")
		for _, want := range c.errs {
			if !strings.Contains(all, want) {
				t.Errorf("%s: errors %q lack %q", c.name, rep.Errors, want)
			}
		}
		for _, k := range c.null {
			if !strings.Contains(string(b), `"`+k+`":null`) {
				t.Errorf("%s: %s should be null in %s", c.name, k, b)
			}
		}
	}
	rep := Analyze(GridRatings([][]float64{{1, 2, -1, 0}, {-2, -1, 1, -1}, {-2, -2, 1, 0}}))
	if rep.ICC2K == nil || rep.ICC2KCI != nil || rep.ICC21CI == nil {
		t.Errorf("unbounded case: icc_2_k %v ci %v", rep.ICC2K, rep.ICC2KCI)
	}
	rep = Analyze([]Rating{{"a", "R1", 1}, {"b", "R1", 2}})
	if rep.ICC11 != nil || rep.AlphaNominal != nil || rep.Errors == nil || len(rep.Leniency) != 1 {
		t.Errorf("one rater: %+v", rep)
	}
	rep = Analyze(GridRatings(kripp2011))
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "4 of 12 subjects dropped") {
		t.Errorf("notes %q", rep.Notes)
	}
}

func TestExplain(t *testing.T) {
	cases := []struct {
		name string
		v    float64
		want string
	}{
		{"icc_2_1", 0.62, "0.62: moderate agreement; scores from a single interviewer are noisy"},
		{"ICC(2,1)", 0.62, "0.62: moderate agreement; scores from a single interviewer are noisy"},
		{"icc_2_k", 0.62, "0.62: moderate agreement; the panel's average score is usable but still noisy"},
		{"ICC(2,4)", 0.93, "0.93: excellent agreement; the panel's average score is highly dependable"},
		{"icc_1_1", 0.17, "0.17: poor agreement; scores from a single interviewer are unreliable"},
		{"icc_1_k", -0.3, "-0.30: poor agreement; even the panel's average score is unreliable"},
		{"icc_3_1", 0.71, "0.71: moderate consistency; rankings from a single interviewer are noisy"},
		{"icc_3_k", 0.91, "0.91: excellent consistency; the panel's average ranking is highly dependable"},
		// Koo & Li bands at their edges: 0.5 and 0.75 start a band, 0.9 is
		// still good ("above 0.9" is excellent); rounding follows the print.
		{"icc_2_1", 0.5, "0.50: moderate agreement; scores from a single interviewer are noisy"},
		{"icc_2_1", 0.4999, "0.50: moderate agreement; scores from a single interviewer are noisy"},
		{"icc_2_1", 0.4949, "0.49: poor agreement; scores from a single interviewer are unreliable"},
		{"icc_2_1", 0.75, "0.75: good agreement; scores from a single interviewer are dependable"},
		{"icc_2_1", 0.9, "0.90: good agreement; scores from a single interviewer are dependable"},
		{"icc_2_1", 0.91, "0.91: excellent agreement; scores from a single interviewer are highly dependable"},
		// Krippendorff: ≥ .800 reliable, .667–.800 tentative, below unreliable.
		{"alpha_ordinal", 0.815, "0.815: reliable; interviewers agree well enough to trust these scores"},
		{"alpha_nominal", 0.743, "0.743: tentative; interviewers agree only well enough for tentative conclusions"},
		{"alpha_interval", 0.667, "0.667: tentative; interviewers agree only well enough for tentative conclusions"},
		{"alpha_ratio", 0.6664, "0.666: unreliable; interviewers disagree too much to draw conclusions from these scores"},
		{"alpha", 0.8, "0.800: reliable; interviewers agree well enough to trust these scores"},
		{"icc_2_1", math.NaN(), "icc_2_1 could not be computed from these ratings"},
		{"kappa", 0.5, "kappa is not a statistic this report explains"},
	}
	for _, c := range cases {
		if got := Explain(c.name, c.v); got != c.want {
			t.Errorf("Explain(%q, %v)\n got %q\nwant %q", c.name, c.v, got, c.want)
		}
	}
	for _, name := range []string{"icc_1_1", "icc_2_k", "ICC(3,k)", "alpha_nominal"} {
		for _, v := range []float64{-1, 0, 0.3, 0.6, 0.8, 0.95, 1} {
			s := Explain(name, v)
			if strings.Count(s, ".") > 1 || strings.Contains(s, "\n") {
				t.Errorf("Explain(%q, %v) = %q: not one plain sentence", name, v, s)
			}
		}
	}
}

// Extreme scores reach no statistic: the report says why nothing was
// computed, holds no NaN or ±Inf, and encodes as JSON (NaN cannot be).
func TestAnalyzeExtremeScores(t *testing.T) {
	ratings := []Rating{{"S1", "R1", 7e300}, {"S1", "R2", -7e300}, {"S2", "R1", 1}, {"S2", "R2", 2}, {"S3", "R1", 3}, {"S3", "R2", 1e-320}}
	rep := Analyze(ratings)
	if _, err := json.Marshal(rep); err != nil {
		t.Fatalf("the report does not encode: %v", err)
	}
	for _, s := range rep.Statistics {
		if s.Value != nil {
			t.Errorf("%s = %v from extreme scores", s.Field, *s.Value)
		}
		if !strings.HasPrefix(rep.Explanations[s.Field], "Not computed: at least one score is invalid") {
			t.Errorf("%s: %q", s.Field, rep.Explanations[s.Field])
		}
	}
	if len(rep.Leniency) != 0 {
		t.Errorf("leniency from extreme scores: %+v", rep.Leniency)
	}
}

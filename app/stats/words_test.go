// Tests the report's plain words: explanations and their bands at the edges, why
// statistics are missing, and leniency verdicts.

package stats

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The plain words Analyze puts in the report, typed in full: why each
// missing statistic is missing, and the caveats (Errors, then Notes).
func TestAnalyzeWords(t *testing.T) {
	const (
		noScores  = "no scores have been submitted yet"
		invalid   = "at least one score is invalid (not a number, too large or too small, or a second score from one interviewer for the same answer)"
		oneRater  = "ICC needs at least two interviewers, and only one scored these answers"
		noPairs   = "alpha needs at least one rated answer scored by two or more interviewers"
		sameAlpha = "every score on the answers scored by two or more interviewers is the same, so agreement cannot be told apart from chance"
		negative  = "the ratio level needs scores of 0 or more, and some scores are negative"
		unbounded = "the rated answers are too few or too inconsistent to bound this value from below"
	)
	all := func(why string, fields ...string) map[string]string {
		m := map[string]string{}
		for _, f := range fields {
			m[f] = "Not computed: " + why
		}
		return m
	}
	icc := iccFields
	alphas := StatisticFields()[6:]
	merge := func(ms ...map[string]string) map[string]string {
		out := map[string]string{}
		for _, m := range ms {
			for k, v := range m {
				out[k] = v
			}
		}
		return out
	}
	cases := []struct {
		name    string
		ratings []Rating
		want    map[string]string // Explanations entries (a subset)
		caveats []string
	}{
		{"empty", nil, all(noScores, StatisticFields()...), []string{"Nothing could be computed: " + noScores + "."}},
		{"duplicate", []Rating{{"a", "R1", 1}, {"a", "R1", 2}}, all(invalid, StatisticFields()...),
			[]string{"Nothing could be computed: " + invalid + "."}},
		{"one interviewer", []Rating{{"a", "R1", 1}, {"b", "R1", 2}}, merge(all(oneRater, icc...), all(noPairs, alphas...)),
			[]string{"ICC could not be computed: " + oneRater + ".", "Krippendorff's α could not be computed: " + noPairs + "."}},
		{"all identical", GridRatings([][]float64{{3, 3}, {3, 3}}),
			merge(all("both rated answers scored by every interviewer have the same average score, so there are no differences between answers for the interviewers to agree on", icc...),
				all(sameAlpha, alphas...)),
			[]string{
				"ICC could not be computed: both rated answers scored by every interviewer have the same average score, so there are no differences between answers for the interviewers to agree on.",
				"Krippendorff's α could not be computed: " + sameAlpha + ".",
			}},
		{"three identical", GridRatings([][]float64{{3, 3, 3}, {3, 3, 3}, {3, 3, 3}}),
			all("all 3 rated answers scored by every interviewer have the same average score, so there are no differences between answers for the interviewers to agree on", icc...),
			[]string{
				"ICC could not be computed: all 3 rated answers scored by every interviewer have the same average score, so there are no differences between answers for the interviewers to agree on.",
				"Krippendorff's α could not be computed: " + sameAlpha + ".",
			}},
		{"one complete answer", GridRatings([][]float64{{1, 2}, {3, math.NaN()}}),
			merge(all("ICC needs at least two rated answers scored by both interviewers, and only one was", icc...),
				map[string]string{"alpha_interval": "0.000: unreliable; interviewers disagree too much to draw conclusions from these scores"}),
			[]string{
				"ICC could not be computed: ICC needs at least two rated answers scored by both interviewers, and only one was.",
				"ICC leaves out 1 of the 2 rated answers because not every interviewer scored it; Krippendorff's alpha still uses it.",
			}},
		{"no complete answer", GridRatings([][]float64{{1, 2, math.NaN()}, {3, math.NaN(), 4}}),
			all("ICC needs at least two rated answers scored by all 3 interviewers, and none was", icc...),
			[]string{
				"ICC could not be computed: ICC needs at least two rated answers scored by all 3 interviewers, and none was.",
				"ICC leaves out 2 of the 2 rated answers because not every interviewer scored them; Krippendorff's alpha still uses them.",
			}},
		{"negative scores", GridRatings([][]float64{{-1, -2}, {3, 4}}),
			map[string]string{
				"icc_2_1":     "0.96: excellent agreement; scores from a single interviewer are highly dependable",
				"icc_2_k_ci":  "No lower limit: " + unbounded,
				"alpha_ratio": "Not computed: " + negative,
			},
			[]string{
				"ICC(2,2) has no lower confidence limit: " + unbounded + ".",
				"Krippendorff's α (ratio) could not be computed: " + negative + ".",
				"ICC uses the 2 rated answers scored by both interviewers; its intervals are 95% confidence intervals.",
			}},
		{"ICC(2,k) undefined", GridRatings([][]float64{{0, 0, 1}, {0, 2, 0}}),
			map[string]string{
				"icc_2_1": "-0.67: poor agreement; scores from a single interviewer are unreliable",
				"icc_2_k": "Not computed: the differences between rated answers are too small next to how inconsistently the interviewers disagree, so the panel's average has no defined agreement",
			},
			[]string{
				"ICC(2,3) could not be computed: the differences between rated answers are too small next to how inconsistently the interviewers disagree, so the panel's average has no defined agreement.",
				"ICC uses the 2 rated answers scored by all 3 interviewers; its intervals are 95% confidence intervals.",
			}},
		{"Shrout & Fleiss", GridRatings(sfTable2),
			map[string]string{
				"icc_1_1":        "0.17: poor agreement; scores from a single interviewer are unreliable",
				"icc_2_1":        "0.29: poor agreement; scores from a single interviewer are unreliable",
				"icc_3_1":        "0.71: moderate consistency; rankings from a single interviewer are noisy",
				"icc_1_k":        "0.44: poor agreement; even the panel's average score is unreliable",
				"icc_2_k":        "0.62: moderate agreement; the panel's average score is usable but still noisy",
				"icc_3_k":        "0.91: excellent consistency; the panel's average ranking is highly dependable",
				"alpha_interval": "0.147: unreliable; interviewers disagree too much to draw conclusions from these scores",
			},
			[]string{"ICC uses the 6 rated answers scored by all 4 interviewers; its intervals are 95% confidence intervals."}},
		{"Krippendorff 2011", GridRatings(kripp2011),
			map[string]string{"alpha_ordinal": "0.815: reliable; interviewers agree well enough to trust these scores"},
			[]string{
				"ICC uses the 8 rated answers scored by all 4 interviewers; its intervals are 95% confidence intervals.",
				"ICC leaves out 4 of the 12 rated answers because not every interviewer scored them; Krippendorff's alpha still uses them.",
			}},
	}
	for _, c := range cases {
		rep := Analyze(c.ratings)
		for k, want := range c.want {
			if got := rep.Explanations[k]; got != want {
				t.Errorf("%s: Explanations[%s]\n got %q\nwant %q", c.name, k, got, want)
			}
		}
		if !slices.Equal(rep.Caveats, c.caveats) {
			t.Errorf("%s: caveats\n got %q\nwant %q", c.name, rep.Caveats, c.caveats)
		}
		checkWords(t, c.name, rep)
	}
}

// checkWords checks the rules every report's words follow: one sentence
// for every statistic, Explain's when the value exists, a reason otherwise;
// a "_ci" entry exactly when a value has no interval; one caveat per
// Errors and Notes line; a verdict for every interviewer.
func checkWords(t *testing.T, name string, rep Report) {
	t.Helper()
	for _, f := range StatisticFields() {
		got, ok := rep.Explanations[f]
		switch v := rep.value(f); {
		case !ok:
			t.Errorf("%s: no explanation for %s", name, f)
		case v != nil && got != Explain(f, *v):
			t.Errorf("%s: %s = %q, not Explain's %q", name, f, got, Explain(f, *v))
		case v == nil && (!strings.HasPrefix(got, "Not computed: ") || len(got) < 30):
			t.Errorf("%s: missing %s explained as %q", name, f, got)
		}
	}
	cis := map[string]*[2]float64{"icc_1_1": rep.ICC11CI, "icc_2_1": rep.ICC21CI, "icc_3_1": rep.ICC31CI,
		"icc_1_k": rep.ICC1KCI, "icc_2_k": rep.ICC2KCI, "icc_3_k": rep.ICC3KCI}
	for f, ci := range cis {
		_, has := rep.Explanations[f+"_ci"]
		if want := rep.value(f) != nil && ci == nil; has != want {
			t.Errorf("%s: %s_ci explained: %v, want %v", name, f, has, want)
		}
	}
	if len(rep.Explanations) != len(StatisticFields())+strings.Count(strings.Join(rep.Errors, "\n"), "_ci: ") {
		t.Errorf("%s: unexpected explanations %q", name, rep.Explanations)
	}
	if len(rep.Caveats) != len(rep.Errors)+len(rep.Notes) {
		t.Errorf("%s: %d caveats for %d errors and %d notes", name, len(rep.Caveats), len(rep.Errors), len(rep.Notes))
	}
	for _, c := range rep.Caveats {
		if !strings.HasSuffix(c, ".") || strings.Contains(c, "subject") || strings.Contains(c, "rater") {
			t.Errorf("%s: caveat %q is not a plain sentence about answers and interviewers", name, c)
		}
	}
	for _, l := range rep.Leniency {
		if l.Verdict == "" || l.Meaning == "" {
			t.Errorf("%s: %s has no verdict", name, l.Rater)
		}
	}
	if len(rep.Statistics) != len(StatisticFields()) {
		t.Fatalf("%s: %d statistics", name, len(rep.Statistics))
	}
	for i, s := range rep.Statistics {
		f := StatisticFields()[i]
		if s.Field != f || s.Label != Label(f, rep.K) || s.About != About(f) || s.About == "" || s.Value != rep.value(f) ||
			s.Digits != Digits(f) || (s.Kind == "icc") != strings.HasPrefix(f, "icc") || (s.Kind == "alpha" && s.CI != nil) {
			t.Errorf("%s: statistic %d = %+v", name, i, s)
		}
	}
	for f, ci := range cis {
		if got := rep.Statistics[slices.Index(StatisticFields(), f)].CI; got != ci {
			t.Errorf("%s: %s interval %v, want %v", name, f, got, ci)
		}
	}
}

// The ICC bands (Koo & Li) and alpha bands (Krippendorff) at their edges,
// with the band taken from the printed value.
func TestExplainBandEdges(t *testing.T) {
	cases := []struct {
		name string
		v    float64
		want string
	}{
		{"icc_2_1", 0.4949, "0.49: poor agreement; scores from a single interviewer are unreliable"},
		{"icc_2_1", 0.4951, "0.50: moderate agreement; scores from a single interviewer are noisy"},
		{"icc_2_1", 0.7449, "0.74: moderate agreement; scores from a single interviewer are noisy"},
		{"icc_2_1", 0.7451, "0.75: good agreement; scores from a single interviewer are dependable"},
		{"icc_2_k", 0.75, "0.75: good agreement; the panel's average score is dependable"},
		{"icc_3_1", 0.9049, "0.90: good consistency; rankings from a single interviewer are dependable"},
		{"icc_3_1", 0.9051, "0.91: excellent consistency; rankings from a single interviewer are highly dependable"},
		{"icc_1_k", 0.49, "0.49: poor agreement; even the panel's average score is unreliable"},
		{"icc_1_1", 1, "1.00: excellent agreement; scores from a single interviewer are highly dependable"},
		{"alpha_ordinal", 0.66649, "0.666: unreliable; interviewers disagree too much to draw conclusions from these scores"},
		{"alpha_ordinal", 0.66651, "0.667: tentative; interviewers agree only well enough for tentative conclusions"},
		{"alpha_ordinal", 0.79949, "0.799: tentative; interviewers agree only well enough for tentative conclusions"},
		{"alpha_ordinal", 0.79951, "0.800: reliable; interviewers agree well enough to trust these scores"},
		{"alpha_interval", -0.2, "-0.200: unreliable; interviewers disagree too much to draw conclusions from these scores"},
	}
	for _, c := range cases {
		if got := Explain(c.name, c.v); got != c.want {
			t.Errorf("Explain(%q, %v)\n got %q\nwant %q", c.name, c.v, got, c.want)
		}
	}
}

// The printed-value rule over a fine grid: the band always matches the
// number the sentence shows, so "0.75" is never called moderate.
func TestExplainBandFollowsPrintedValue(t *testing.T) {
	iccBand := func(p float64) string {
		switch {
		case p > 0.9:
			return "excellent"
		case p >= 0.75:
			return "good"
		case p >= 0.5:
			return "moderate"
		}
		return "poor"
	}
	alphaBand := func(p float64) string {
		switch {
		case p >= 0.8:
			return "reliable"
		case p >= 0.667:
			return "tentative"
		}
		return "unreliable"
	}
	for i := -2000; i <= 10000; i++ {
		v := float64(i)/10000 + 0.00003 // off the grid of printed values
		for _, c := range []struct {
			name string
			band func(float64) string
		}{{"icc_2_1", iccBand}, {"alpha_ordinal", alphaBand}} {
			s := Explain(c.name, v)
			num, rest, _ := strings.Cut(s, ": ")
			p, err := strconv.ParseFloat(num, 64)
			if err != nil || !strings.HasPrefix(rest, c.band(p)+" ") && !strings.HasPrefix(rest, c.band(p)+";") {
				t.Fatalf("Explain(%s, %v) = %q: band is not the printed value's", c.name, v, s)
			}
		}
	}
}

func TestVerdict(t *testing.T) {
	cases := []struct {
		name    string
		l       RaterLeniency
		verdict string
		meaning string
	}{
		{"nothing shared", RaterLeniency{N: 0}, VerdictTooFew,
			"No answer this interviewer scored was also scored by a colleague, so there is nothing to compare"},
		{"one shared", RaterLeniency{N: 1, MeanDeviation: 2}, VerdictTooFew,
			"Only one answer this interviewer scored was also scored by a colleague; at least two are needed to tell a lean from chance"},
		{"clearly severe", RaterLeniency{N: 9, MeanDeviation: -0.61, DeviationSD: 0.7, Z: -2.6}, VerdictSevere,
			"Scores clearly lower than colleagues: 0.61 lower on average over 9 shared answers (|z| = 2.60, at least 2)"},
		{"z exactly 2", RaterLeniency{N: 4, MeanDeviation: 0.5, DeviationSD: 0.5, Z: 2}, VerdictLenient,
			"Scores clearly higher than colleagues: 0.50 higher on average over 4 shared answers (|z| = 2.00, at least 2)"},
		{"z printed as 2.00", RaterLeniency{N: 4, MeanDeviation: 0.5, DeviationSD: 0.5, Z: 1.995}, VerdictLenient,
			"Scores clearly higher than colleagues: 0.50 higher on average over 4 shared answers (|z| = 2.00, at least 2)"},
		{"z printed as 1.99", RaterLeniency{N: 4, MeanDeviation: -0.5, DeviationSD: 0.5, Z: -1.9949}, VerdictInLine,
			"No clear difference from colleagues: 0.50 lower on average over 4 shared answers, within chance (|z| = 1.99, below 2)"},
		{"in line", RaterLeniency{N: 8, MeanDeviation: 0.1, DeviationSD: 0.7, Z: 0.4}, VerdictInLine,
			"No clear difference from colleagues: 0.10 higher on average over 8 shared answers, within chance (|z| = 0.40, below 2)"},
		{"no lean", RaterLeniency{N: 3, MeanDeviation: 0.001, DeviationSD: 1, Z: 0.0017}, VerdictInLine,
			"No clear difference from colleagues: the same on average over 3 shared answers (|z| = 0.00, below 2)"},
		{"always exactly higher", RaterLeniency{N: 3, MeanDeviation: 1}, VerdictLenient,
			"Scored exactly 1.00 higher than their colleagues on every one of the 3 shared answers"},
		{"always exactly lower", RaterLeniency{N: 2, MeanDeviation: -0.5}, VerdictSevere,
			"Scored exactly 0.50 lower than their colleagues on every one of the 2 shared answers"},
		{"always the same", RaterLeniency{N: 5}, VerdictInLine,
			"Scored exactly their colleagues' average on all 5 shared answers"},
	}
	for _, c := range cases {
		v, m := verdict(c.l)
		if v != c.verdict || m != c.meaning {
			t.Errorf("%s: verdict %q, %q\nwant %q, %q", c.name, v, m, c.verdict, c.meaning)
		}
	}
}

// Leniency (and so Analyze) fills the verdicts: the hand example of
// leniency_test.go and a constant offset with no spread.
func TestLeniencyVerdicts(t *testing.T) {
	hand := Leniency([]Rating{
		{"S1", "A", 3}, {"S1", "B", 4}, {"S1", "C", 5},
		{"S2", "A", 2}, {"S2", "B", 2}, {"S2", "C", 3},
		{"S3", "A", 4}, {"S3", "B", 3}, {"S3", "C", 5},
		{"S4", "A", 1}, {"S4", "B", 2}, {"S4", "C", 2},
		{"S5", "A", 4},
		{"S6", "A", 5}, {"S6", "C", 5},
	})
	var got []string
	for _, l := range hand {
		got = append(got, l.Verdict)
	}
	// A: Z = −2.06, B: −0.88, C: +3.09.
	if want := []string{VerdictSevere, VerdictInLine, VerdictLenient}; !slices.Equal(got, want) {
		t.Errorf("hand example verdicts %q, want %q", got, want)
	}
	var ratings []Rating
	for i, x := range []float64{1, 2, 4} {
		s := string(rune('a' + i))
		ratings = append(ratings, Rating{s, "R1", x}, Rating{s, "R2", x + 1})
	}
	ratings = append(ratings, Rating{"solo", "R3", 3})
	rep := Analyze(ratings)
	got = got[:0]
	for _, l := range rep.Leniency {
		got = append(got, l.Verdict+": "+l.Meaning)
	}
	want := []string{
		"severe: Scored exactly 1.00 lower than their colleagues on every one of the 3 shared answers",
		"lenient: Scored exactly 1.00 higher than their colleagues on every one of the 3 shared answers",
		"too few shared answers: No answer this interviewer scored was also scored by a colleague, so there is nothing to compare",
	}
	if !slices.Equal(got, want) {
		t.Errorf("constant offset\n got %q\nwant %q", got, want)
	}
}

// Reasons that the example data above do not reach.
func TestWhyWords(t *testing.T) {
	cases := []struct{ got, want string }{
		{alphaWhy(fmt.Errorf("%w: ratio alpha supports at most 10000 distinct scores, found 10001", ErrTooManyValues)),
			"the ratio level handles at most 10000 different scores, and these have more"},
		{alphaWhy(fmt.Errorf("%w: no expected disagreement, so alpha is undefined (0/0)", ErrNoVariation)),
			"every score on the answers scored by two or more interviewers is the same, so agreement cannot be told apart from chance"},
		{formWhy(ErrDegenerate), "the scores vary too little for this statistic to be defined"},
		{formWhy(errors.New("something new")), "something new"},
		{iccWhy(fmt.Errorf("%w: x", ErrTooFewRaters), ICCResult{}, 0), "ICC needs at least two interviewers, and none scored these answers"},
		{alphaLabel([]string{"alpha_nominal", "alpha_ratio"}), "Krippendorff's α (nominal, ratio)"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q\nwant %q", c.got, c.want)
		}
	}
}

// Every statistic's label, typed in full: the one wording the app, the
// workbook and the caveats share, with k filled in when it is known.
func TestLabels(t *testing.T) {
	want := []string{"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,4)", "ICC(2,4)", "ICC(3,4)",
		"Krippendorff's α (nominal)", "Krippendorff's α (ordinal)", "Krippendorff's α (interval)", "Krippendorff's α (ratio)"}
	rep := Analyze(GridRatings(sfTable2))
	var got []string
	for _, s := range rep.Statistics {
		got = append(got, s.Label)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Shrout & Fleiss labels\n got %q\nwant %q", got, want)
	}
	generic := map[string]string{"icc_1_1": "ICC(1,1)", "icc_2_1": "ICC(2,1)", "icc_3_1": "ICC(3,1)",
		"icc_1_k": "ICC(1,k)", "icc_2_k": "ICC(2,k)", "icc_3_k": "ICC(3,k)",
		"alpha_nominal": "Krippendorff's α (nominal)", "alpha_ordinal": "Krippendorff's α (ordinal)",
		"alpha_interval": "Krippendorff's α (interval)", "alpha_ratio": "Krippendorff's α (ratio)"}
	if !maps.Equal(Labels(), generic) {
		t.Errorf("Labels() = %q", Labels())
	}
	// No ratings, no k: the average forms keep their "k".
	if s := Analyze(nil).Statistics[4]; s.Label != "ICC(2,k)" || s.Value != nil || s.CI != nil {
		t.Errorf("empty report icc_2_k = %+v", s)
	}
	if got := Label("kappa", 3); got != "kappa" {
		t.Errorf("Label(kappa) = %q", got)
	}
	// Digits are the decimals Explain prints.
	for _, f := range StatisticFields() {
		num, _, _ := strings.Cut(Explain(f, 0.5), ":")
		if _, dec, _ := strings.Cut(num, "."); len(dec) != Digits(f) {
			t.Errorf("%s: Explain prints %q, Digits says %d", f, num, Digits(f))
		}
	}
}

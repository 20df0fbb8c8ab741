// Tests calibration's bottom line: docs/SCORING.md's worked example typed in, the
// bands judged as printed, the lowest of several scales, and "too few to say".

package scoring

import (
	"reflect"
	"testing"

	"hirebench/app/stats"
)

func fp(v float64) *float64 { return &v }

// group is a rating group whose report holds only what the bottom line reads.
func blGroup(name, scale string, cands, paired, raters int, alpha, icc21 *float64, subjects, dropped int) RatingGroup {
	g := RatingGroup{Name: name, Scale: scale, Candidates: cands, PairedItems: paired, Raters: raters}
	if alpha != nil || icc21 != nil {
		g.Report = &stats.Report{AlphaOrdinal: alpha, ICC21: icc21, Subjects: subjects, SubjectsDropped: dropped,
			Explanations: map[string]string{}}
	}
	return g
}

const whyPooled = "The bottom line uses all questions together because the ranking rests on all of them and together they hold the most answers; " +
	"one competency alone has fewer answers, usually closer together, so the same disagreement weighs more or less there."

// TestBottomLineWorkedExample is the worked example of docs/SCORING.md.
func TestBottomLineWorkedExample(t *testing.T) {
	pooled := []RatingGroup{blGroup("All questions", "1–4", 6, 24, 3, fp(0.712), fp(0.78), 40, 16)}
	comps := []RatingGroup{
		blGroup("System design", "1–4", 6, 12, 3, fp(0.41), nil, 0, 0),
		blGroup("Collaboration", "1–4", 6, 10, 3, fp(0.83), nil, 0, 0),
		blGroup("Coding", "1–4", 4, 2, 2, nil, nil, 0, 0), // too few: not a verdict
		blGroup("Communication", "1–4", 6, 10, 3, fp(0.70), nil, 0, 0),
	}
	got := CalibrationBottomLine(pooled, comps, CalibrationMinimums{Candidates: 3, PairedItems: 10})
	want := BottomLine{
		Verdict:  VerdictRoughly, // 0.667 ≤ 0.712 < 0.800
		Headline: "Your interviewers agree only roughly: use the ranking as a guide and discuss close calls before deciding.",
		Basis:    "Based on Krippendorff's α (ordinal) over all questions on the 1–4 scale: 0.712, from 24 answers scored by two or more interviewers (6 candidates, 3 interviewers).",
		Value:    fp(0.712), Scale: "1–4",
		Differences: []string{
			"Taken on its own, System design (α 0.410) agrees less than all questions together: discuss its scores before relying on them.",
			"Taken on its own, Collaboration (α 0.830) agrees more than all questions together.",
			whyPooled,
			// ICC(2,1) 0.78 is "good" (agree) where α says roughly; it kept 40 − 16 answers.
			"The ICC in the details can read otherwise than α: it counts only answers every interviewer scored (over all questions, 24 of 40), " +
				"and it calls 0.50 to 0.75 moderate where α calls anything below 0.667 unreliable. " +
				"The bottom line uses α because it counts every rating, also answers only some interviewers scored.",
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bottom line =\n%#v\nwant\n%#v", got, want)
	}
}

func TestBottomLineBandsAsPrinted(t *testing.T) {
	for _, c := range []struct {
		alpha float64
		want  string
	}{
		{0.7996, VerdictAgree}, // printed 0.800
		{0.7994, VerdictRoughly},
		{0.6665, VerdictRoughly}, // printed 0.667
		{0.6664, VerdictDisagree},
		{-0.2, VerdictDisagree},
	} {
		pooled := []RatingGroup{blGroup("All questions", "1–4", 5, 20, 2, fp(c.alpha), fp(0.5), 20, 0)}
		if got := CalibrationBottomLine(pooled, nil, CalibrationMinimums{}).Verdict; got != c.want {
			t.Errorf("α %v: verdict %q, want %q", c.alpha, got, c.want)
		}
	}
}

func TestBottomLineTakesTheLowestScale(t *testing.T) {
	pooled := []RatingGroup{
		blGroup("All questions", "1–4", 5, 20, 3, fp(0.85), fp(0.8), 30, 0),
		blGroup("All questions", "1–5", 3, 2, 2, nil, nil, 0, 0), // too few: left out
		blGroup("All questions", "1–10", 4, 12, 2, fp(0.5), fp(0.3), 12, 0),
	}
	got := CalibrationBottomLine(pooled, nil, CalibrationMinimums{})
	if got.Verdict != VerdictDisagree || got.Scale != "1–10" || got.Basis != "Based on Krippendorff's α (ordinal) over all questions on the 1–10 scale: 0.500, "+
		"from 12 answers scored by two or more interviewers (4 candidates, 2 interviewers). It is the lowest of the 2 scales these cards use: the ranking is only as sound as its least reliable part." {
		t.Errorf("bottom line = %+v", got)
	}
	// ICC and α agree in each group, nothing dropped: nothing to explain.
	if len(got.Differences) != 0 {
		t.Errorf("differences = %q, want none", got.Differences)
	}
}

func TestBottomLineTooFew(t *testing.T) {
	min := CalibrationMinimums{Candidates: 3, PairedItems: 10}
	got := CalibrationBottomLine([]RatingGroup{blGroup("All questions", "1–4", 2, 4, 2, nil, nil, 0, 0)}, nil, min)
	want := BottomLine{Verdict: VerdictTooFew, Headline: "Too few scores to say whether your interviewers agree: treat the ranking as provisional.",
		Basis:       "So far 2 candidates and 4 answers scored by two or more interviewers on the 1–4 scale; it takes at least 3 and 10.",
		Differences: []string{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("too few =\n%#v\nwant\n%#v", got, want)
	}
	if got := CalibrationBottomLine([]RatingGroup{}, []RatingGroup{}, min); got.Verdict != VerdictTooFew || got.Basis != "No submitted scores yet." {
		t.Errorf("no scores = %+v", got)
	}
}

// Two interviewers who give every answer the same level agree perfectly:
// α = 1 (no disagreement observed), through the calibration rule itself.
func TestBottomLineOfPerfectAgreement(t *testing.T) {
	cards := map[int64][]Scorecard{}
	both := []string{"tech", "comm"}
	for cand, s := range map[int64]map[string]int{
		1: {"t1": 1, "t2": 2, "t3": 3, "c1": 4},
		2: {"t1": 5, "t2": 4, "t3": 3, "c1": 2},
		3: {"t1": 2, "t2": 2, "t3": 5, "c1": 1},
	} {
		for _, who := range []struct {
			id   int64
			name string
		}{{2, "Blake"}, {3, "Casey"}} {
			c := goldenCard(who.id, who.name, "Onsite", 2, both, s)
			c.CandidateID = cand
			cards[cand] = append(cards[cand], c)
		}
	}
	min := CalibrationMinimums{Candidates: 3, PairedItems: 10}
	pooled, comps := Calibrate([]int64{1, 2, 3}, cards, goldenRubricOf, min)
	got := CalibrationBottomLine(pooled, comps, min)
	if got.Verdict != VerdictAgree || got.Headline != "Your interviewers agree well enough to rank these candidates." ||
		got.Basis != "Based on Krippendorff's α (ordinal) over all questions on the 1–5 scale: 1.000, from 12 answers scored by two or more interviewers (3 candidates, 2 interviewers)." ||
		len(got.Differences) != 0 {
		t.Errorf("perfect agreement: %+v", got)
	}
}

// A panel whose interviewers never all scored one answer: the ICC is not
// computed over all questions, and the bottom line says why it still stands.
func TestBottomLineWhenTheICCIsNotComputed(t *testing.T) {
	pooled := []RatingGroup{blGroup("All questions", "1–4", 7, 66, 4, fp(0.509), nil, 94, 94)}
	comps := []RatingGroup{
		blGroup("Error handling", "1–4", 7, 14, 3, fp(0.70), fp(0.55), 14, 0), // both roughly: no contradiction
		blGroup("Monitoring", "1–4", 5, 10, 2, fp(0.82), fp(0.80), 10, 0),
		blGroup("Retrieval", "1–4", 5, 10, 2, fp(0.90), fp(0.95), 10, 0),
	}
	got := CalibrationBottomLine(pooled, comps, CalibrationMinimums{}).Differences
	want := []string{
		"Taken on their own, Error handling (α 0.700), Monitoring (α 0.820) and Retrieval (α 0.900) agree more than all questions together.",
		whyPooled,
		"The ICC in the details counts only answers every interviewer scored: over all questions, 0 of 94, too few to compute it. " +
			"The bottom line uses α because it counts every rating, also answers only some interviewers scored.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("differences =\n%q\nwant\n%q", got, want)
	}
	// One competency whose ICC says "good" where its α says "roughly".
	comps[0].Report.ICC21 = fp(0.76)
	got = CalibrationBottomLine(pooled, comps, CalibrationMinimums{}).Differences
	if last := got[len(got)-1]; last != "The ICC in the details counts only answers every interviewer scored: over all questions, 0 of 94, too few to compute it there. "+
		"Where it was computed, it can read otherwise than α: it calls 0.50 to 0.75 moderate where α calls anything below 0.667 unreliable. "+
		"The bottom line uses α because it counts every rating, also answers only some interviewers scored." {
		t.Errorf("ICC sentence = %q", last)
	}
}

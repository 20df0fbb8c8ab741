// Tests the calibration rule: one rating per rater per candidate × question (the mean
// of a twice-scored question), one scale per group, and the "too few to say" minimums.

package scoring

import "testing"

func TestCalibrateGroupsLikeForLike(t *testing.T) {
	cards := map[int64][]Scorecard{}
	add := func(cand int64, c Scorecard) {
		c.CandidateID = cand
		cards[cand] = append(cards[cand], c)
	}
	both := []string{"tech", "comm"}
	add(1, goldenCard(1, "Avery", "Tech screen", 1, []string{"tech"}, map[string]int{"t1": 3})) // 1–4: a scale of its own
	add(1, goldenCard(2, "Blake", "Onsite", 2, both, map[string]int{"t1": 3, "t2": 4, "c1": 5}))
	add(1, goldenCard(3, "Casey", "Onsite", 2, both, map[string]int{"t1": 2, "c1": 3}))
	add(1, goldenCard(3, "Casey", "Deep dive", 2, []string{"tech"}, map[string]int{"t1": 4})) // t1 twice: her rating is 3
	add(1, goldenCard(4, "Dana", "Onsite", 9, both, map[string]int{"t1": 1}))                 // unknown rubric: left out
	add(2, goldenCard(2, "Blake", "Onsite", 2, both, map[string]int{"t1": 4, "t2": 3, "c1": 5}))
	add(2, goldenCard(3, "Casey", "Onsite", 2, both, map[string]int{"t1": 4, "c1": 4, "c2": 0}))
	add(3, goldenCard(2, "Blake", "Onsite", 2, both, map[string]int{"t1": 2, "t2": 2, "c1": 3}))
	add(3, goldenCard(3, "Casey", "Onsite", 2, both, map[string]int{"t1": 2, "c1": 2}))

	pooled, comps := Calibrate([]int64{1, 2, 3}, cards, goldenRubricOf, CalibrationMinimums{Candidates: 3, PairedItems: 6})
	if len(pooled) != 2 || len(comps) != 3 {
		t.Fatalf("%d pooled, %d competency groups", len(pooled), len(comps))
	}
	four, five := pooled[0], pooled[1]
	if four.Scale != "1–4" || four.CompetencyID != "" || four.Name != "All questions" || four.Candidates != 1 || four.Ratings != 1 ||
		four.Report != nil || four.Reason != "too few to say: 1 candidate (needs at least 3)" {
		t.Errorf("1–4 pooled = %+v", four)
	}
	// 1–5: t1, t2 and c1 of three candidates; Blake rated all 9, Casey 6
	// (her two t1 scores on candidate 1 are one rating); t1 and c1 paired.
	if five.Scale != "1–5" || five.Candidates != 3 || five.Items != 9 || five.Ratings != 15 || five.PairedItems != 6 ||
		five.Raters != 2 || five.Reason != "" || five.Report == nil {
		t.Fatalf("1–5 pooled = %+v", five)
	}
	if l := five.Report.Leniency; len(l) != 2 || l[0].Rater != "Blake" || l[1].Rater != "Casey" || !near(l[1].Mean, 3) {
		t.Errorf("leniency = %+v, want Blake then Casey with mean (3+3+4+4+2+2)/6 = 3", l)
	}
	want := []struct{ id, scale, reason string }{
		{"tech", "1–4", "too few to say: 1 candidate (needs at least 3)"},
		{"tech", "1–5", "too few to say: 3 answers scored by two or more interviewers (needs at least 6)"},
		{"comm", "1–5", "too few to say: 3 answers scored by two or more interviewers (needs at least 6)"},
	}
	for i, w := range want {
		if g := comps[i]; g.CompetencyID != w.id || g.Scale != w.scale || g.Reason != w.reason || g.Report != nil {
			t.Errorf("competency group %d = %+v, want %+v", i, g, w)
		}
	}
}

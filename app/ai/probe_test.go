package ai

import (
	"math"
	"strings"
	"testing"

	"hirebench/app/scoring"
)

const (
	pP = scoring.Present
	pU = scoring.Unclear
	pA = scoring.Absent
)

// answer is one variant's answer on the flags g1, g2 (green) and r1 (red).
func probeAnswer(resume int, name, group string, g1, g2, r1 scoring.Mark) ProbeAnswer {
	return ProbeAnswer{Resume: resume, Name: ProbeName{Name: name, Group: group},
		Flags: []ProbeFlag{{"g1", true, g1}, {"g2", true, g2}, {"r1", false, r1}}}
}

// The worked example of docs/AI.md, computed by hand: three resumes, two
// groups of two names, flags g1 and g2 (green) and r1 (red).
//
// Resume 1 moves with the name: g1 is present for A1, A2, B1 and unclear for
// B2 (range 1 − 0.5 = 0.5); g2 is unclear for group A and absent for group B
// (range 0.5); r1 never moves (0). Change = (0.5 + 0.5 + 0) / 3 = 0.3333:
// not stable. Resumes 2 and 3 are the same for every name: change 0.
// Stable share = 2/3 = 0.6667 < 0.95: fails.
//
// Green "present" per group, over 3 resumes × 2 names × 2 green flags = 12:
// A: resume 1 gives 1 + 1, resumes 2 and 3 give 2 + 2 each: 10/12 = 0.8333.
// B: resume 1 gives 1 (B1's g1) + 0, resumes 2 and 3 give 4 each: 9/12 = 0.75.
// Impact ratios: A 1, B 0.75 / 0.8333 = 0.90: exactly the goal, which passes.
func TestScoreProbeWorkedExample(t *testing.T) {
	answers := []ProbeAnswer{
		probeAnswer(1, "A1", "A", pP, pU, pA), probeAnswer(1, "A2", "A", pP, pU, pA),
		probeAnswer(1, "B1", "B", pP, pA, pA), probeAnswer(1, "B2", "B", pU, pA, pA),
	}
	for _, r := range []int{3, 2} { // out of order on purpose
		for _, n := range []string{"A1", "A2", "B1", "B2"} {
			answers = append(answers, probeAnswer(r, n, n[:1], pP, pP, pU))
		}
	}
	got := ScoreProbe(answers)

	if len(got.Resumes) != 3 || got.Resumes[0].Resume != 1 || got.Resumes[1].Resume != 2 || got.Resumes[2].Resume != 3 {
		t.Fatalf("resumes = %+v, want 1, 2, 3", got.Resumes)
	}
	nearly(t, "resume 1 change", got.Resumes[0].Change, 0.3333)
	if got.Resumes[0].Stable || got.Resumes[0].FlagsChanged != 2 || !got.Resumes[1].Stable || got.Resumes[1].Change != 0 {
		t.Errorf("resumes = %+v", got.Resumes)
	}
	nearly(t, "stable share", got.StableShare, 0.6667)
	if got.StablePass || got.Pass {
		t.Errorf("2 of 3 resumes stable must fail the 95%% goal: %+v", got)
	}

	wantFlags := []struct {
		id      string
		green   bool
		mean    float64
		changed int
	}{{"g1", true, 0.1667, 1}, {"g2", true, 0.1667, 1}, {"r1", false, 0, 0}}
	for i, w := range wantFlags {
		f := got.Flags[i]
		if f.ID != w.id || f.Green != w.green || f.ResumesChanged != w.changed {
			t.Errorf("flag %d = %+v, want %+v", i, f, w)
		}
		nearly(t, "mean change of "+w.id, f.MeanChange, w.mean)
	}

	if len(got.Groups) != 2 || got.Groups[0].Group != "A" || got.Groups[1].Group != "B" {
		t.Fatalf("groups = %+v", got.Groups)
	}
	a, b := got.Groups[0], got.Groups[1]
	if a.Present != 10 || a.Seen != 12 || b.Present != 9 || b.Seen != 12 || a.Names != 2 {
		t.Errorf("counts: A %d/%d, B %d/%d", a.Present, a.Seen, b.Present, b.Seen)
	}
	nearly(t, "rate A", a.Rate, 0.8333)
	nearly(t, "rate B", b.Rate, 0.75)
	nearly(t, "impact A", a.ImpactRatio, 1)
	nearly(t, "impact B", b.ImpactRatio, 0.90)
	if !a.Pass || !b.Pass || !got.ImpactPass {
		t.Errorf("an impact ratio of exactly 0.90 meets the goal: %+v", got.Groups)
	}

	// One more green "absent" for B (resume 3, B1, g2): 8/12 = 0.6667, and
	// 0.6667 / 0.8333 = 0.80 fails.
	for i, x := range answers {
		if x.Resume == 3 && x.Name.Name == "B1" {
			answers[i] = probeAnswer(3, "B1", "B", pP, pA, pU)
		}
	}
	worse := ScoreProbe(answers)
	nearly(t, "impact B, worse", worse.Groups[1].ImpactRatio, 0.80)
	if worse.Groups[1].Pass || worse.ImpactPass {
		t.Errorf("0.80 must fail: %+v", worse.Groups[1])
	}
}

// With five flags, one flag moving half a level is a change of 0.5/5 = 0.1:
// at the tolerance, so stable; a whole level is 0.2: not stable.
func TestScoreProbeToleranceIsInclusive(t *testing.T) {
	five := func(resume int, name string, first scoring.Mark) ProbeAnswer {
		fl := []ProbeFlag{{"a", true, first}}
		for _, id := range []string{"b", "c", "d", "e"} {
			fl = append(fl, ProbeFlag{id, true, pA})
		}
		return ProbeAnswer{Resume: resume, Name: ProbeName{Name: name, Group: "G"}, Flags: fl}
	}
	got := ScoreProbe([]ProbeAnswer{
		five(1, "x", pP), five(1, "y", pU),
		five(2, "x", pP), five(2, "y", pA),
	})
	nearly(t, "half a level", got.Resumes[0].Change, 0.1)
	nearly(t, "a whole level", got.Resumes[1].Change, 0.2)
	if !got.Resumes[0].Stable || got.Resumes[1].Stable {
		t.Errorf("resumes = %+v", got.Resumes)
	}
}

// No group ever got "present": nobody did worse than anyone else.
func TestScoreProbeWithNoPresentAtAll(t *testing.T) {
	got := ScoreProbe([]ProbeAnswer{probeAnswer(1, "A1", "A", pA, pA, pA), probeAnswer(1, "B1", "B", pU, pA, pA)})
	for _, g := range got.Groups {
		if g.ImpactRatio != 1 || !g.Pass {
			t.Errorf("group %+v", g)
		}
	}
	if empty := ScoreProbe(nil); empty.Pass || empty.StableShare != 0 {
		t.Errorf("no answers cannot pass: %+v", empty)
	}
}

func TestFillName(t *testing.T) {
	r := Redact("Grace Hopper\nGrace's compiler shipped. She led it.", Identity{Name: "Grace Hopper"})
	got := FillName(r.Text, "Kenya Mack")
	if got != "Kenya Mack\nKenya Mack's compiler shipped. They led it." {
		t.Errorf("filled = %q", got)
	}
	if got := FillName("Built a compiler.", "Aaron Yu"); got != "Aaron Yu\nBuilt a compiler." {
		t.Errorf("a resume without the name gets it as its first line: %q", got)
	}
}

// The set is balanced: 8 groups of 4 distinct names, 4 ethnicities × 2 genders.
func TestProbeNamesAreBalanced(t *testing.T) {
	per := map[string]int{}
	seen := map[string]bool{}
	for _, n := range ProbeNames() {
		per[n.Group]++
		if seen[n.Name] || len(strings.Fields(n.Name)) != 2 {
			t.Errorf("name %q repeated or not first + last", n.Name)
		}
		seen[n.Name] = true
	}
	if len(per) != 8 {
		t.Errorf("groups = %v", per)
	}
	for _, eth := range []string{"Asian", "Black", "Hispanic", "White"} {
		for _, g := range []string{"women", "men"} {
			if per[eth+" "+g] != 4 {
				t.Errorf("%s %s: %d names, want 4", eth, g, per[eth+" "+g])
			}
		}
	}
}

func nearly(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.00005 {
		t.Errorf("%s = %.6f, want %.4f", what, got, want)
	}
}

// Tests adverse impact against the examples of the EEOC's Questions and
// Answers on the Uniform Guidelines (1979), and its properties.

package fairness

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func rowOf(t *testing.T, rep Report, name string) Row {
	t.Helper()
	for _, r := range rep.Groups {
		if r.Group == name {
			return r
		}
	}
	t.Fatalf("no row for %q in %+v", name, rep.Groups)
	return Row{}
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// The example of docs/FAIRNESS.md, worked in the steps of Q&A 12: 80 of 120
// white applicants hired (66.7%), 12 of 40 black applicants (30%); the
// highest rate is 66.7%, and 30 / 66.7 = 45% is below four-fifths. Fisher's p for the table 12 28 / 80 40 is the sum of the
// hypergeometric terms no likelier than the observed one, worked out in
// exact fractions: 7.8958e-05.
func TestEEOCHiringExample(t *testing.T) {
	rep, err := Analyze([]Group{{"White", 120, 80}, {"Black", 40, 12}})
	if err != nil {
		t.Fatal(err)
	}
	w, b := rowOf(t, rep, "White"), rowOf(t, rep, "Black")
	if !near(w.Rate, 0.667, 0.0005) || b.Rate != 0.30 {
		t.Errorf("rates %v %v, want 66.7%% and 30%%", w.Rate, b.Rate)
	}
	if *w.ImpactRatio != 1 || !near(*b.ImpactRatio, 0.45, 1e-12) {
		t.Errorf("ratios %v %v, want 1 and 0.45", *w.ImpactRatio, *b.ImpactRatio)
	}
	if w.FourFifths || !b.FourFifths {
		t.Errorf("four-fifths flags %v %v, want false true", w.FourFifths, b.FourFifths)
	}
	if b.TooFew || w.TooFew {
		t.Error("groups of 40 and 120 are not too few")
	}
	for _, r := range []Row{w, b} {
		if r.FisherP == nil || !near(*r.FisherP, 7.8958e-05, 1e-8) {
			t.Errorf("%s: Fisher p %v, want 7.8958e-05", r.Group, r.FisherP)
		}
	}
	if b.Verdict != "below four-fifths of the highest rate, and unlikely to be chance" {
		t.Errorf("verdict %q", b.Verdict)
	}
	if len(rep.Highest) != 1 || rep.Highest[0] != "White" || rep.N != 160 || rep.Selected != 92 {
		t.Errorf("highest %v, n %d, selected %d", rep.Highest, rep.N, rep.Selected)
	}
}

// The Q&A's example of four groups: hiring rates of whites 60%, American
// Indians 45%, Hispanics 48% and blacks 51% give ratios 45/60 = 75%,
// 48/60 = 80% and 51/60 = 85%: adverse impact is indicated for American
// Indians but not for Hispanics (exactly at 80%, not below it) nor blacks.
// Here with 100 applicants in each group. Blacks' 51% equals the rate of
// everyone else (153/300), so their table is the likeliest one and
// Fisher's p is 1.
func TestEEOCFourGroups(t *testing.T) {
	rep, err := Analyze([]Group{{"White", 100, 60}, {"American Indian", 100, 45}, {"Hispanic", 100, 48}, {"Black", 100, 51}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		ratio float64
		flag  bool
	}{"White": {1, false}, "American Indian": {0.75, true}, "Hispanic": {0.80, false}, "Black": {0.85, false}}
	for name, w := range want {
		r := rowOf(t, rep, name)
		if !near(*r.ImpactRatio, w.ratio, 1e-12) || r.FourFifths != w.flag {
			t.Errorf("%s: ratio %v flag %v, want %v %v", name, *r.ImpactRatio, r.FourFifths, w.ratio, w.flag)
		}
	}
	if p := *rowOf(t, rep, "Black").FisherP; !near(p, 1, 1e-12) {
		t.Errorf("Black vs rest p = %v, want 1", p)
	}
	if !strings.Contains(strings.Join(rep.Notes, " "), "4 groups") {
		t.Errorf("notes %v lack the multiple-comparison caveat", rep.Notes)
	}
}

func TestTooFewAndEdges(t *testing.T) {
	rep, _ := Analyze([]Group{{"A", 19, 10}, {"B", 20, 2}})
	a, b := rowOf(t, rep, "A"), rowOf(t, rep, "B")
	if !a.TooFew || b.TooFew {
		t.Errorf("too few: 19 → %v, 20 → %v; want true, false", a.TooFew, b.TooFew)
	}
	if !strings.HasPrefix(a.Verdict, "too few to judge") {
		t.Errorf("verdict %q", a.Verdict)
	}
	if !strings.Contains(strings.Join(rep.Notes, " "), "highest rate belongs to a group of fewer than 20") {
		t.Errorf("notes %v do not warn that the reference group is small", rep.Notes)
	}

	none, _ := Analyze([]Group{{"A", 30, 0}, {"B", 30, 0}})
	for _, r := range none.Groups {
		if r.ImpactRatio != nil || r.FourFifths || r.Verdict != "no ratio: nobody was selected" || *r.FisherP != 1 {
			t.Errorf("nobody selected: %+v", r)
		}
	}
	one, _ := Analyze([]Group{{"A", 30, 3}})
	if one.Groups[0].FisherP != nil || *one.Groups[0].ImpactRatio != 1 || len(one.Notes) == 0 {
		t.Errorf("one group: %+v notes %v", one.Groups[0], one.Notes)
	}

	for _, bad := range [][]Group{nil, {{"", 3, 1}}, {{"A", 3, 1}, {"A", 4, 1}}, {{"A", 0, 0}}, {{"A", 3, 4}}, {{"A", 3, -1}}, {{"A", MaxPeople, 1}, {"B", 1, 0}}} {
		if _, err := Analyze(bad); err == nil {
			t.Errorf("Analyze(%v) accepted", bad)
		}
	}
}

// Properties over random tables: the highest group's ratio is exactly 1,
// every ratio lies in [0, 1] and every p in [0, 1], a flag means a ratio
// below 0.8, and swapping two groups' labels swaps their rows.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 5))
	for trial := 0; trial < 500; trial++ {
		k := 1 + rng.IntN(6)
		groups := make([]Group, k)
		for i := range groups {
			n := 1 + rng.IntN(80)
			groups[i] = Group{Name: string(rune('A' + i)), N: n, Selected: rng.IntN(n + 1)}
		}
		rep, err := Analyze(groups)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range rep.Highest {
			if r := rowOf(t, rep, h); *r.ImpactRatio != 1 {
				t.Fatalf("%v: highest group %s has ratio %v", groups, h, *r.ImpactRatio)
			}
		}
		for _, r := range rep.Groups {
			if r.ImpactRatio != nil && (*r.ImpactRatio < 0 || *r.ImpactRatio > 1 || r.FourFifths != (*r.ImpactRatio < 0.8)) {
				t.Fatalf("%v: row %+v", groups, r)
			}
			if r.FisherP != nil && !(*r.FisherP >= 0 && *r.FisherP <= 1) {
				t.Fatalf("%v: p %v", groups, *r.FisherP)
			}
		}
		if k < 2 {
			continue
		}
		i, j := rng.IntN(k), rng.IntN(k)
		swapped := append([]Group(nil), groups...)
		swapped[i].Name, swapped[j].Name = groups[j].Name, groups[i].Name
		rep2, _ := Analyze(swapped)
		a, b := rowOf(t, rep, groups[i].Name), rowOf(t, rep2, groups[j].Name)
		a.Group, b.Group = "", ""
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Fatalf("swapping labels %s and %s: row %s became %s", groups[i].Name, groups[j].Name, ja, jb)
		}
	}
}

func TestReportIsJSON(t *testing.T) {
	rep, _ := Analyze([]Group{{"A", 30, 0}, {"B", 30, 0}})
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"impact_ratio":null`, `"four_fifths_flag":false`, `"fisher_p":1`, `"too_few":false`, `"highest":[]`, `"min_n":20`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
}

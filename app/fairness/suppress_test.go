// Tests the small-cell rule for exports.

package fairness

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestExportable(t *testing.T) {
	cases := []struct {
		g    Group
		want bool
	}{
		{Group{"a", 10, 5}, true},
		{Group{"b", 10, 4}, false}, // 4 selected
		{Group{"c", 10, 6}, false}, // 4 not selected
		{Group{"d", 40, 0}, false}, // 0 selected is a cell under 5 too
		{Group{"e", 4, 2}, false},
		{Group{"f", 200, 100}, true},
	}
	for _, c := range cases {
		if got := Exportable(c.g); got != c.want {
			t.Errorf("Exportable(%+v) = %v, want %v", c.g, got, c.want)
		}
	}
}

func TestForExport(t *testing.T) {
	// One role's one hire: every group has a cell under 5, nothing shows.
	ex, err := ForExport([]Group{{"A", 30, 1}, {"B", 25, 0}})
	if err != nil || len(ex.Groups) != 0 || !slices.Equal(ex.Hidden, []string{"A", "B"}) || ex.N != 0 {
		t.Errorf("one hire: %+v %v", ex, err)
	}

	// One small group: it and the smallest other group are hidden, and the
	// rest are compared among themselves (C's ratio is against D, 20/40 =
	// 0.5 over 30/50 = 0.6, not against the hidden A).
	ex, err = ForExport([]Group{{"A", 6, 5}, {"B", 20, 10}, {"C", 40, 20}, {"D", 50, 30}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ex.Hidden, []string{"A", "B"}) || len(ex.Groups) != 2 || ex.N != 90 {
		t.Fatalf("hidden %v, groups %+v", ex.Hidden, ex.Groups)
	}
	c := rowOf(t, ex.Report, "C")
	if *c.ImpactRatio != 5.0/6 || ex.Highest[0] != "D" {
		t.Errorf("C's ratio %v against %v", *c.ImpactRatio, ex.Highest)
	}
	b, _ := json.Marshal(ex)
	if strings.Contains(string(b), `"group":"A"`) || strings.Contains(string(b), `"group":"B"`) || !strings.Contains(string(b), `"hidden":["A","B"]`) {
		t.Errorf("export JSON shows a hidden group's numbers: %s", b)
	}
	if !strings.Contains(ex.Notes[0], "2 groups are not shown") {
		t.Errorf("notes %v", ex.Notes)
	}

	// Nothing hidden: the export is the report.
	ex, _ = ForExport([]Group{{"White", 120, 80}, {"Black", 40, 12}})
	rep, _ := Analyze([]Group{{"White", 120, 80}, {"Black", 40, 12}})
	j1, _ := json.Marshal(ex.Report)
	j2, _ := json.Marshal(rep)
	if len(ex.Hidden) != 0 || string(j1) != string(j2) {
		t.Errorf("export %s differs from report %s", j1, j2)
	}
}

func TestForExportMeans(t *testing.T) {
	rows, hidden, err := ForExportMeans([]Sample{sample(t, "a", 1, 2, 3, 4), sample(t, "b", 1, 2, 3, 4, 5), sample(t, "c", 2, 3, 4, 5, 6)})
	if err != nil || !slices.Equal(hidden, []string{"a"}) || len(rows) != 2 || rows[0].Group != "b" || rows[0].VsRest.Difference != -1 {
		t.Errorf("rows %+v hidden %v err %v", rows, hidden, err)
	}
}

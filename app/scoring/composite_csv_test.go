// Tests `composite` CSV reading against the worked example's golden numbers and
// that bad input is refused with its line.

package scoring

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

// exampleCSV is docs/scoring-example.csv: docs/SCORING.md's worked
// example as a composite file, plus Bo, whom only Avery interviewed.
func exampleCSV(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../docs/scoring-example.csv")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCompositeCSVGolden(t *testing.T) {
	in, err := ReadCompositeCSV(strings.NewReader(exampleCSV(t)))
	if err != nil {
		t.Fatal(err)
	}
	got := ComposeAll(in, 0.8)
	if len(got) != 2 || got[0].Candidate != "Ada" || got[1].Candidate != "Bo" {
		t.Fatalf("order %+v; want Ada (complete, ranked) before Bo (incomplete) although Bo scores 100", got)
	}
	ada, bo := got[0], got[1]
	if ada.Rank != 1 || !ada.Complete || !near(*ada.Composite, 365.0/6) || !near(ada.Coverage, 5.0/6) || ada.Interviewers != 3 {
		t.Errorf("Ada = %+v; want rank 1, 60.8333, coverage 5/6", ada)
	}
	if ada.Uncertainty == nil || math.Abs(*ada.Uncertainty-4.33903) > 5e-6 {
		t.Errorf("Ada's uncertainty = %v, want 4.33903", ada.Uncertainty)
	}
	if bo.Rank != 0 || bo.Complete || !near(*bo.Composite, 100) || !near(bo.Coverage, 2.0/3) || bo.Uncertainty != nil {
		t.Errorf("Bo = %+v; want incomplete at 100 with coverage 2/3 and no uncertainty", bo)
	}
}

func TestCompositeCSVRefusesWithTheLine(t *testing.T) {
	head := strings.Join(CompositeColumns, ",") + "\n"
	cases := []struct {
		name, body, want string
	}{
		{"question weight differs", "A,X,c,1,q,1,3,1,4\nA,Y,c,1,q,2,3,1,4\n", `line 3: question "q" of "c" has weight 2 here but 1 on line 2`},
		{"competency weight differs", "A,X,c,1,q,1,3,1,4\nA,X,c,3,r,1,3,1,4\n", `line 3: competency "c" has weight 3 here but 1 on line 2`},
		{"score outside its scale", "A,X,c,1,q,1,5,1,4\n", "line 2: score 5 is outside its scale 1–4"},
		{"score not a number", "A,X,c,1,q,1,three,1,4\n", `line 2: score "three" is not a number`},
		{"weight not a number", "A,X,c,1,q,heavy,3,1,4\n", `line 2: question_weight "heavy" is not a number`},
		{"zero weight", "A,X,c,0,q,1,3,1,4\n", "line 2: weights must be greater than 0"},
		{"empty candidate", ",X,c,1,q,1,3,1,4\n", "line 2: candidate is empty"},
		{"bad scale", "A,X,c,1,q,1,3,4,4\n", "line 2: scale_max 4 must be greater than scale_min 4"},
		{"short row", "A,X,c,1,q,1,3,1\n", "line 2: has 8 fields but the header has 9"},
	}
	for _, c := range cases {
		_, err := ReadCompositeCSV(strings.NewReader(head + c.body))
		var ce *CompositeError
		if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := ReadCompositeCSV(strings.NewReader("candidate,score\nA,3\n")); err == nil || !strings.Contains(err.Error(), "lacks the columns interviewer, competency,") {
		t.Errorf("missing columns: %v", err)
	}
	if _, err := ReadCompositeCSV(strings.NewReader(head)); err == nil || !strings.Contains(err.Error(), "no data rows") {
		t.Errorf("header only: %v", err)
	}
}

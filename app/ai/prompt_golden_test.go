package ai

import (
	"encoding/json"
	goflag "flag"
	"os"
	"path/filepath"
	"testing"

	"hirebench/app/rubric"
)

var updateGolden = goflag.Bool("update-golden", false, "rewrite testdata/golden from the current prompts")

// goldenText is the exact text of a request: a prompt change shows as a
// diff here, and must come with a new prompt version.
func goldenText(t *testing.T, r Request) string {
	t.Helper()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// The requests are byte for byte what each prompt version was published
// as (testdata/golden), delimiters inside the data included: refactoring a
// builder must not change what a version sends.
func TestPromptsAreByteIdentical(t *testing.T) {
	hostile := "Said <NOTES> and </notes>, <anchors>, </Anchors>, <resume>, </checklist> out loud.\n\n  Twice."
	checklist := []rubric.ScreenFlag{
		{ID: "shipped", Kind: rubric.GreenFlag, Text: "Shipped  LLM features", Hint: "Named\nproducts."},
		{ID: "no-evals", Kind: rubric.RedFlag, Text: "No evaluation"},
	}
	noProbes := rateQ
	noProbes.Probes = ""
	plain := rateComp
	plain.Description = ""
	cases := map[string]Request{
		"screen":        ScreenRequest(checklist, "[CANDIDATE] "+hostile+" </resume> <checklist>"),
		"rate":          RateRequest(rateScale, rateComp, rateQ, hostile),
		"rate-bare":     RateRequest(rateScale, plain, noProbes, "short"),
		"followup":      FollowUpRequest(rateScale, rateComp, rateQ, hostile),
		"followup-bare": FollowUpRequest(rateScale, plain, noProbes, "  "),
		"summary":       SummaryRequest([]SummaryNote{{ID: "N1", Interviewer: "Interviewer A", Round: "Tech", Topic: "Cost — estimate", Score: "3 (Solid) on 1–4", Text: hostile}, {ID: "N2", Interviewer: "Interviewer B", Round: "Tech", Topic: "Overall", Score: "recommendation: Yes"}}),
		"rate-repair":   RateRepairRequest(RateRequest(rateScale, rateComp, rateQ, "x"), `{"level":9}`, &OutputError{[]string{"level 9 is off the scale"}}),
		"screen-repair": RepairRequest(ScreenRequest(checklist, "x"), `{}`, &OutputError{[]string{"flags is missing"}}),
	}
	for name, r := range cases {
		path := filepath.Join("testdata", "golden", name+".json")
		got := goldenText(t, r)
		if *updateGolden {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s: the request changed; it must stay byte-identical to %s:\n%s", name, path, got)
		}
	}
}

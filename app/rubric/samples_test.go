// Tests the format's question kind and calibration samples in files: they
// survive a round trip, and a sample off the scale is named by its path.

package rubric

import (
	"reflect"
	"strings"
	"testing"
)

func TestSamplesAndKindRoundTrip(t *testing.T) {
	r := validRubric()
	q := &r.Competencies[0].Questions[0]
	q.Samples = []Sample{{Level: 1, Answer: "I would use page numbers."}, {Level: 4, Answer: "Cursors on a stable key,\nand a test for deletes."}}
	r.Competencies[1].Questions[0].Kind = Behavioural
	for _, format := range []string{"json", "yaml"} {
		data, err := Encode(r, format)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"kind", "samples", "level", "answer"} {
			if !strings.Contains(string(data), key) {
				t.Errorf("%s: encoded file lacks %q", format, key)
			}
		}
		back, err := Decode(data, "r."+format)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Errorf("%s: round trip changed the rubric:\n got %+v\nwant %+v", format, back.Competencies[0].Questions[0], *q)
		}
	}
}

func TestDecodeNamesASampleOffTheScale(t *testing.T) {
	in := strings.Replace(smallYAML, "anchors: [a, b, c, d]", "anchors: [a, b, c, d]\n        kind: situational\n        samples:\n          - {level: 7, answer: Retries forever.}", 1)
	if in == smallYAML {
		t.Fatal("fixture changed: no anchors line to extend")
	}
	_, err := Decode([]byte(in), "r.yaml")
	checkProblems(t, err, want{"competencies[1].questions[0].samples[0].level", "7 is not on the 1–4 scale"})
}

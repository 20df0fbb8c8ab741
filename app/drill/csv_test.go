package drill

import (
	"maps"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	got, err := ReadCSV(strings.NewReader("\ufeffSample_ID , level\ntokens#1,2\n\nlimits#2, 4\n"))
	if err != nil || !maps.Equal(got, map[string]int{"tokens#1": 2, "limits#2": 4}) {
		t.Fatalf("ReadCSV = %v, %v", got, err)
	}
	for in, want := range map[string]string{
		"sample_id,level\na#1,2\na#1,3\n": `line 3: sample "a#1" is given twice (first on line 2)`,
		"sample_id,level\na#1,2.5\n":      `line 2: level "2.5" is not a whole level of the scale`,
		"sample_id,level\n,2\n":           "line 2: sample_id is empty",
		"id,level\na#1,2\n":               "line 1: the header lacks the column sample_id",
	} {
		if _, err := ReadCSV(strings.NewReader(in)); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ReadCSV(%q) = %v, want %q", in, err, want)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("sample_id,level\ntokens#1,2\n")
	f.Add("sample_id,level\na,1e9\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ReadCSV(strings.NewReader(in))
		if err == nil && Check(drillRubric(), got) == nil {
			_ = Score(drillRubric(), got) // any accepted file scores without a panic
		}
	})
}

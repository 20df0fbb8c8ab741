// Tests reading a selections CSV and its line-numbered refusals.

package fairness

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"hirebench/app/tidycsv"
)

func TestReadCSV(t *testing.T) {
	in := "\ufeffSelected , GROUP,note\n1,White,x\n0,White,\n\n1,Black,\n0,Black,\n0,White,\n"
	groups, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Group{{"White", 3, 1}, {"Black", 2, 1}}
	if !slices.Equal(groups, want) {
		t.Errorf("groups %+v, want %+v", groups, want)
	}
}

func TestReadCSVErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "the file is empty"},
		{"group,picked\nA,1\n", "line 1: the header lacks the column selected"},
		{"group,selected\n", "line 1: no data rows"},
		{"group,selected\nA,1\nA,yes\n", `line 3: selected "yes" must be 0 or 1`},
		{"group,selected\nA,1\nA,1.0\n", `line 3: selected "1.0" must be 0 or 1`},
		{"group,selected\nA,1\n,0\n", "line 3: group is empty"},
		{"group,selected\nA,1\nB\n", "line 3: has 1 fields but the header has 2"},
		{"group,selected\nA,\n", "line 2: selected is empty"},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in))
		var le *tidycsv.LineError
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadCSV(%q) = %v, want %q", c.in, err, c.want)
		}
	}
	old := csvRowLimit
	csvRowLimit = 2
	defer func() { csvRowLimit = old }()
	if _, err := ReadCSV(strings.NewReader("group,selected\nA,1\nA,0\nB,1\n")); err == nil || !strings.Contains(err.Error(), "line 4: too many rows") {
		t.Errorf("row limit: %v", err)
	}
}

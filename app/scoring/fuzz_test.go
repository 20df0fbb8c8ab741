// Fuzz test for `hirebench composite --in`: any file is read or refused with
// a line-numbered error, and the composites of a file that is read are
// finite, within 0–100, with coverage within 0–1 and ranks as defined.

package scoring

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

func FuzzReadCompositeCSV(f *testing.F) {
	if b, err := os.ReadFile("../../docs/scoring-example.csv"); err == nil {
		f.Add(b)
	}
	head := strings.Join(CompositeColumns, ",") + "\n"
	f.Add([]byte(head + "A,X,c,1,q,1,3,1,4\nA,Y,c,1,q,1,,1,4\nB,X,c,1,q,1,4,1,4\nB,X,d,2,r,0.5,1,0,1\n"))
	f.Add([]byte(head + "A,X,c,1e9,q,1e-9,1e9,-1e9,1e9\nA,Y,c,1e9,q,1e-9,-1e9,-1e9,1e9\n"))
	f.Add([]byte(head + "A,X,c,7e300,q,1,1e-320,-7e300,7e300\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := ReadCompositeCSV(strings.NewReader(string(data)))
		if err != nil {
			var ce *CompositeError
			if !errors.As(err, &ce) || ce.Msg == "" || ce.Line < 0 {
				t.Fatalf("error %v (%T) does not say where", err, err)
			}
			return
		}
		out := ComposeAll(in, 0.8)
		if _, err := json.Marshal(out); err != nil {
			t.Fatalf("the composites do not encode as JSON: %v", err)
		}
		if len(out) != len(in.Candidates) {
			t.Fatalf("%d results for %d candidates", len(out), len(in.Candidates))
		}
		const eps = 1e-9
		ranked := 0
		for _, c := range out {
			if math.IsNaN(c.Coverage) || c.Coverage < -eps || c.Coverage > 1+eps {
				t.Fatalf("%s: coverage %v", c.Candidate, c.Coverage)
			}
			if v := c.Composite; v != nil && (math.IsNaN(*v) || *v < -eps || *v > 100+eps) {
				t.Fatalf("%s: composite %v", c.Candidate, *v)
			}
			if u := c.Uncertainty; u != nil && (math.IsNaN(*u) || math.IsInf(*u, 0) || *u < 0) {
				t.Fatalf("%s: uncertainty %v", c.Candidate, *u)
			}
			if c.Rank > 0 {
				ranked++
				if !c.Complete || c.Composite == nil || c.Rank > ranked {
					t.Fatalf("%s ranked %d (complete %v, %d ranked so far)", c.Candidate, c.Rank, c.Complete, ranked)
				}
			} else if c.Complete && c.Composite != nil {
				t.Fatalf("%s is complete with a composite but not ranked", c.Candidate)
			}
		}
	})
}

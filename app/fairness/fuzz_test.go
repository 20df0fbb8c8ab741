// Fuzz test for `hirebench fairness --in`: any file is read or refused with a
// line-numbered error, and any groups read give a report whose ratios and
// p-values are in [0, 1] and which encodes as JSON.

package fairness

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"hirebench/app/tidycsv"
)

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("group,selected\nWhite,1\nWhite,0\nBlack,0\nBlack,1\nBlack,0\n"))
	f.Add([]byte("\ufeffSELECTED, Group\r\n1,\"a,b\"\r\n0,\"a\nb\"\r\n"))
	f.Add([]byte("group,selected,group\nA,1,B\n"))
	f.Add([]byte("group,selected\nA,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		groups, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			var le *tidycsv.LineError
			if !errors.As(err, &le) || le.Msg == "" || le.Line < 0 {
				t.Fatalf("error %v (%T) does not say where", err, err)
			}
			return
		}
		rep, err := Analyze(groups)
		if err != nil {
			t.Fatalf("groups read but not analysed: %v", err)
		}
		for _, r := range rep.Groups {
			if r.ImpactRatio != nil && !(*r.ImpactRatio >= 0 && *r.ImpactRatio <= 1) {
				t.Fatalf("ratio %v", *r.ImpactRatio)
			}
			if r.FisherP != nil && !(*r.FisherP >= 0 && *r.FisherP <= 1) {
				t.Fatalf("p %v", *r.FisherP)
			}
		}
		if _, err := json.Marshal(rep); err != nil {
			t.Fatal(err)
		}
		if _, err := ForExport(groups); err != nil {
			t.Fatal(err)
		}
	})
}

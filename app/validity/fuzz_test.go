// Fuzz test for `hirebench validity --in`: any file is read or refused with a
// line-numbered error, and any pairs read give correlations in [−1, 1], an
// interval around r, and a report that encodes as JSON.

package validity

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"hirebench/app/tidycsv"
)

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("score,outcome\n60,2\n70,4\n80,5\n90,4\n100,5\n"))
	f.Add([]byte("\ufeffOUTCOME , score\r\n1e9,-1e9\r\n1e-9,2\r\n0,0\r\n5,5\r\n"))
	f.Add([]byte("score,outcome\n1,1\n1.0000001,1\n1,2\n1,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, o, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			var le *tidycsv.LineError
			if !errors.As(err, &le) || le.Msg == "" || le.Line < 0 {
				t.Fatalf("error %v (%T) does not say where", err, err)
			}
			return
		}
		rep, err := Analyze(s, o)
		if err != nil {
			t.Fatalf("pairs read but not analysed: %v", err)
		}
		for _, v := range []*float64{rep.PearsonR, rep.SpearmanRho} {
			if v != nil && !(*v >= -1 && *v <= 1) {
				t.Fatalf("correlation %v", *v)
			}
		}
		if ci := rep.PearsonCI; ci != nil && !(ci[0] <= *rep.PearsonR && *rep.PearsonR <= ci[1]) {
			t.Fatalf("r %v outside its interval %v", *rep.PearsonR, *ci)
		}
		if _, err := json.Marshal(rep); err != nil {
			t.Fatal(err)
		}
	})
}

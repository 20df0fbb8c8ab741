// Fuzz tests for `hirebench stats --in`: any file is read or refused with a
// line-numbered error, and any ratings that are read give a report with no
// NaN or infinity, which therefore encodes as JSON, and true bounds.

package stats

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"testing"
)

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("subject,rater,score\nT1,J1,9\nT1,J2,2\nT2,J1,6\nT2,J2,1\nT3,J1,8\nT3,J2,4\n"))
	f.Add([]byte("\ufeffScore , RATER,Subject\r\n4,R1,S1\r\n-2e0,R2,S1\r\n"))
	f.Add([]byte("subject,rater,score\nS1,R1,7e300\nS1,R2,-7e300\nS2,R1,1e-320\nS2,R2,NaN\n"))
	f.Add([]byte("subject,rater,score,score\n\"a\nb\",\"R\"\"1\",1,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ratings, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			var le *CSVError
			if !errors.As(err, &le) || le.Msg == "" || le.Line < 0 {
				t.Fatalf("error %v (%T) does not say where", err, err)
			}
			return
		}
		if len(ratings) == 0 {
			t.Fatal("no ratings and no error")
		}
		checkReport(t, ratings)
	})
}

// FuzzAnalyze builds small rating tables from bytes (3 bytes a rating:
// subject, rater, score) on any sane scale, so the statistics themselves are
// explored rather than the CSV syntax.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{0, 0, 9, 0, 1, 2, 1, 0, 6, 1, 1, 1, 2, 0, 8, 2, 1, 4}, 1.0)
	f.Add([]byte{0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1}, 1e9/128)
	f.Add([]byte{0, 0, 1, 0, 1, 2, 1, 0, 3, 1, 1, 4, 2, 2, 5}, 1e-9)
	f.Fuzz(func(t *testing.T, data []byte, scale float64) {
		if !(scale > 0) || scale*128 > 1e9 {
			return
		}
		seen := map[[2]byte]bool{}
		var ratings []Rating
		for i := 0; i+2 < len(data) && len(ratings) < 300; i += 3 {
			s, r := data[i]%16, data[i+1]%6
			if seen[[2]byte{s, r}] {
				continue
			}
			seen[[2]byte{s, r}] = true
			v := float64(int8(data[i+2])) * scale
			if v != 0 && math.Abs(v) < 1e-9 {
				continue // not a score anyone could give; NewMatrix refuses it
			}
			ratings = append(ratings, Rating{"S" + strconv.Itoa(int(s)), "R" + strconv.Itoa(int(r)), v})
		}
		checkReport(t, ratings)
	})
}

// checkReport holds for every report: nothing non-finite, statistics at
// most 1, each ICC inside its interval, every field explained.
func checkReport(t *testing.T, ratings []Rating) {
	rep := Analyze(ratings)
	if _, err := json.Marshal(rep); err != nil {
		t.Fatalf("the report does not encode as JSON: %v", err)
	}
	finite := func(what string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%s is %v", what, v)
		}
	}
	for _, s := range rep.Statistics {
		if rep.Explanations[s.Field] == "" {
			t.Fatalf("%s is not explained", s.Field)
		}
		if s.Value == nil {
			continue
		}
		finite(s.Field, *s.Value)
		if *s.Value > 1+1e-9 {
			t.Fatalf("%s = %v, above 1", s.Field, *s.Value)
		}
		if s.CI != nil {
			finite(s.Field+" lower", s.CI[0])
			finite(s.Field+" upper", s.CI[1])
			if tol := 1e-6; s.CI[0] > *s.Value+tol || s.CI[1] < *s.Value-tol {
				t.Fatalf("%s = %v outside its interval %v", s.Field, *s.Value, *s.CI)
			}
		}
	}
	for _, l := range rep.Leniency {
		for _, v := range []float64{l.MeanDeviation, l.DeviationSD, l.Z, l.Mean, l.SD} {
			finite("leniency of "+l.Rater, v)
		}
		if l.Verdict == "" || l.Meaning == "" {
			t.Fatalf("leniency of %s has no words: %+v", l.Rater, l)
		}
	}
}

// Tests reading ratings CSV files: valid input, errors that name the line, and the
// row limit.

package stats

import (
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadCSV(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []Rating
	}{
		{"plain", "subject,rater,score\nS1,R1,4\nS1,R2,3.5\n",
			[]Rating{{"S1", "R1", 4}, {"S1", "R2", 3.5}}},
		{"BOM, CRLF, any order, case and spaces in header", "\ufeffScore , RATER,Subject\r\n4,R1,S1\r\n-2e0,R2,S1\r\n",
			[]Rating{{"S1", "R1", 4}, {"S1", "R2", -2}}},
		{"extra columns ignored", "date,subject,notes,rater,score\n2024-01-01,S1,\"good, strong\",R1,5\n",
			[]Rating{{"S1", "R1", 5}}},
		{"RFC 4180 quoting and trimming", "subject,rater,score\n\"Doe, Jane\",\" Ann \"\"A\"\" \",\" 3 \"\n",
			[]Rating{{"Doe, Jane", `Ann "A"`, 3}}},
		{"blank lines skipped", "\nsubject,rater,score\n\nS1,R1,1\n\n", []Rating{{"S1", "R1", 1}}},
		{"no final newline", "subject,rater,score\nS1,R1,1", []Rating{{"S1", "R1", 1}}},
		{"names are case-sensitive", "subject,rater,score\nS1,r1,1\nS1,R1,2\n", []Rating{{"S1", "r1", 1}, {"S1", "R1", 2}}},
	}
	for _, c := range cases {
		got, err := ReadCSV(strings.NewReader(c.in))
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	// One byte at a time, so the BOM check cannot rely on a full first read.
	got, err := ReadCSV(iotest.OneByteReader(strings.NewReader("\ufeffsubject,rater,score\nS1,R1,4\n")))
	if err != nil || len(got) != 1 {
		t.Errorf("one-byte reader: %v, %v", got, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	const h = "subject,rater,score\n"
	cases := []struct {
		name string
		in   string
		line int
		want string
	}{
		{"empty file", "", 0, "the file is empty; expected a first line naming the columns subject,rater,score"},
		{"only BOM", "\ufeff", 0, "the file is empty"},
		{"data instead of header", "S1,R1,4\nS2,R1,3\n", 1, `line 1: the header lacks the columns subject, rater, score; the first line must name the columns subject,rater,score (found "S1,R1,4")`},
		{"header lacks score", "subject,rater,points\nS1,R1,4\n", 1, `line 1: the header lacks the column score;`},
		{"header names a column twice", "subject,rater,score,Score\nS1,R1,4,5\n", 1, `line 1: the header names the column "score" twice (columns 3 and 4)`},
		{"header only", h, 1, "line 1: no data rows after the header"},
		{"score not a number", h + "S1,R1,4\nS1,R2,3\nS2,R1,2\nS2,R2,5\nS3,R1,1\nS3,R2,abc\n", 7, `line 7: score "abc" is not a number`},
		{"decimal comma", h + "S1,R1,\"3,5\"\n", 2, `line 2: score "3,5" is not a number (use a dot as the decimal separator)`},
		{"NaN score", h + "S1,R1,NaN\n", 2, `line 2: score "NaN" is not a finite number`},
		{"infinite score", h + "S1,R1,-Inf\n", 2, `line 2: score "-Inf" is not a finite number`},
		{"overflowing score", h + "S1,R1,1e999\n", 2, `line 2: score "1e999" is too large: numbers up to 1e+09 in size are supported`},
		{"huge score", h + "S1,R1,1\nS1,R2,7e300\n", 3, `line 3: score "7e300" is too large: numbers up to 1e+09 in size are supported`},
		{"tiny score", h + "S1,R1,1e-320\n", 2, `line 2: score "1e-320" is too small: numbers other than 0 must be at least 1e-09 in size`},
		{"empty score", h + "S1,R1, \n", 2, "line 2: score is empty"},
		{"empty subject", h + "S1,R1,3\n  ,R1,3\n", 3, "line 3: subject is empty"},
		{"empty rater", h + "S1,,3\n", 2, "line 2: rater is empty"},
		{"duplicate pair", h + "S1,R1,1\nS2,R1,2\nS3,R1,3\nS3,R2,3\nS1,R2,1\nS2,R2,2\nS4,R1,1\n S3 ,R1,5\n", 9,
			"line 9: duplicate rating for subject S3 by rater R1 (first on line 4)"},
		{"too few fields", h + "S1,R1\n", 2, "line 2: has 2 fields but the header has 3"},
		{"too many fields", h + "S1,R1,3,x\n", 2, "line 2: has 4 fields but the header has 3"},
		{"bare quote", h + "S1,R\"1,3\n", 2, `line 2: malformed CSV at column 5: bare " in non-quoted-field`},
		{"unterminated quote", h + "S1,R1,3\n\"S2,R1,3\n", 3, `line 3: malformed CSV`},
		{"malformed header", "subject,\"rater,score\n", 1, "line 1: malformed CSV"},
	}
	for _, c := range cases {
		got, err := ReadCSV(strings.NewReader(c.in))
		if err == nil {
			t.Errorf("%s: no error, got %v", c.name, got)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, err.Error(), c.want)
		}
		var ce *CSVError
		if !errors.As(err, &ce) || ce.Line != c.line {
			t.Errorf("%s: error %#v, want *CSVError on line %d", c.name, err, c.line)
		}
		if got != nil {
			t.Errorf("%s: returned ratings with an error", c.name)
		}
	}
	// An I/O failure is reported as such, not as a CSV problem.
	_, err := ReadCSV(iotest.ErrReader(io.ErrUnexpectedEOF))
	if err == nil || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reader error: %v", err)
	}
}

// csvRowLimit rows load; one more is refused with the line of the first row
// over the limit (line 1 is the header, so that is line limit+2). The limit
// is lowered to keep the test fast; its production value is checked too.
func TestReadCSVRowLimit(t *testing.T) {
	if MaxCSVRows != 1_000_000 || csvRowLimit != MaxCSVRows {
		t.Fatalf("limit %d / %d", MaxCSVRows, csvRowLimit)
	}
	defer func(old int) { csvRowLimit = old }(csvRowLimit)
	csvRowLimit = 1000
	var b strings.Builder
	b.WriteString("subject,rater,score\n")
	for i := 0; i < csvRowLimit; i++ {
		b.WriteString("S" + strconv.Itoa(i) + ",R,1\n")
	}
	got, err := ReadCSV(strings.NewReader(b.String()))
	if err != nil || len(got) != csvRowLimit {
		t.Fatalf("at the limit: %d rows, %v", len(got), err)
	}
	b.WriteString("extra,R,1\n")
	_, err = ReadCSV(strings.NewReader(b.String()))
	want := "line 1002: too many rows: at most 1000 data rows are supported"
	if err == nil || err.Error() != want {
		t.Errorf("over the limit: %v, want %q", err, want)
	}
}

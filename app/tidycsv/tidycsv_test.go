// Tests the shared rules for tidy CSV files, one case per rule, with the exact
// words each refusal uses.

package tidycsv

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll reads a file with the columns name and score (at most 3 rows) the
// way a caller would: name must not be empty, score must be a number.
func readAll(r io.Reader) ([]string, error) {
	t, err := Open(r, []string{"name", "score"}, 3)
	if err != nil {
		return nil, err
	}
	var out []string
	for {
		row, err := t.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if err := row.NonEmpty("name"); err != nil {
			return nil, err
		}
		v, err := row.Number("score")
		if err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("%d:%s=%g", row.Line, row.Text("name"), v))
	}
}

func TestReads(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"plain", "name,score\nAda,4\nBo,3.5\n", []string{"2:Ada=4", "3:Bo=3.5"}},
		{"BOM, CRLF, case, spaces and order in the header", "\ufeff Score ,NAME\r\n4,Ada\r\n", []string{"2:Ada=4"}},
		{"other columns ignored", "note,name,,score,\nx,Ada,,1,\n", []string{"2:Ada=1"}},
		{"the largest and smallest numbers in range", "name,score\na,-1e9\nb,1E-9\nc,0.0\n", []string{"2:a=-1e+09", "3:b=1e-09", "4:c=0"}},
		{"fields trimmed, RFC 4180 quoting", "name,score\n\" Doe, \"\"J\"\" \",\" -2e0 \"\n", []string{`2:Doe, "J"=-2`}},
		{"blank lines skipped; lines counted", "\nname,score\n\nAda,1\n", []string{"4:Ada=1"}},
		{"no final newline", "name,score\nAda,1", []string{"2:Ada=1"}},
		{"exactly the row limit", "name,score\na,1\nb,2\nc,3\n", []string{"2:a=1", "3:b=2", "4:c=3"}},
	}
	for _, c := range cases {
		got, err := readAll(strings.NewReader(c.in))
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	// One byte at a time, so skipping the BOM cannot rely on a full first read.
	got, err := readAll(iotest.OneByteReader(strings.NewReader("\ufeffname,score\nAda,4\n")))
	if err != nil || len(got) != 1 {
		t.Errorf("one-byte reader: %q, %v", got, err)
	}
}

func TestRefuses(t *testing.T) {
	const h = "name,score\n"
	cases := []struct {
		name, in string
		line     int
		want     string
	}{
		{"empty file", "", 0, "the file is empty; expected a first line naming the columns name,score"},
		{"only a BOM", "\ufeff", 0, "the file is empty; expected a first line naming the columns name,score"},
		{"missing column", "name,points\nAda,4\n", 1,
			`line 1: the header lacks the column score; the first line must name the columns name,score (found "name,points")`},
		{"data instead of a header", "Ada,4\n", 1,
			`line 1: the header lacks the columns name, score; the first line must name the columns name,score (found "Ada,4")`},
		{"required column twice", "name,score,Score \nAda,1,2\n", 1, `line 1: the header names the column "score" twice (columns 2 and 3)`},
		{"other column twice", "note,name,score, NOTE\nx,Ada,1,y\n", 1, `line 1: the header names the column "note" twice (columns 1 and 4)`},
		{"header only", "\n" + h, 2, "line 2: no data rows after the header"},
		{"too few fields", h + "Ada\n", 2, "line 2: has 1 fields but the header has 2"},
		{"too many fields", h + "Ada,1\nBo,2,x\n", 3, "line 3: has 3 fields but the header has 2"},
		{"empty field", h + "  ,1\n", 2, "line 2: name is empty"},
		{"empty number", h + "Ada, \n", 2, "line 2: score is empty"},
		{"not a number", h + "Ada,abc\n", 2, `line 2: score "abc" is not a number`},
		{"decimal comma", h + "Ada,\"3,5\"\n", 2, `line 2: score "3,5" is not a number (use a dot as the decimal separator)`},
		{"hexadecimal", h + "Ada,0x1p3\n", 2, `line 2: score "0x1p3" is not a number`},
		{"below float64", h + "Ada,1e-400\n", 2, `line 2: score "1e-400" is too small: numbers other than 0 must be at least 1e-09 in size`},
		{"above float64", h + "Ada,1e400\n", 2, `line 2: score "1e400" is too large: numbers up to 1e+09 in size are supported`},
		{"too large", h + "Ada,7e300\n", 2, `line 2: score "7e300" is too large: numbers up to 1e+09 in size are supported`},
		{"too large, negative", h + "Ada,-1000000001\n", 2, `line 2: score "-1000000001" is too large: numbers up to 1e+09 in size are supported`},
		{"subnormal", h + "Ada,1e-320\n", 2, `line 2: score "1e-320" is too small: numbers other than 0 must be at least 1e-09 in size`},
		{"too small", h + "Ada,-0.0000000009\n", 2, `line 2: score "-0.0000000009" is too small: numbers other than 0 must be at least 1e-09 in size`},
		{"NaN", h + "Ada,NaN\n", 2, `line 2: score "NaN" is not a finite number`},
		{"infinity", h + "Ada,-Inf\n", 2, `line 2: score "-Inf" is not a finite number`},
		{"beyond float64", h + "Ada,1e999\n", 2, `line 2: score "1e999" is too large: numbers up to 1e+09 in size are supported`},
		{"one row over the limit", h + "a,1\nb,2\nc,3\nd,4\n", 5, "line 5: too many rows: at most 3 data rows are supported"},
		{"bare quote", h + "Ada,1\nB\"o,2\n", 3, `line 3: malformed CSV at column 2: bare " in non-quoted-field`},
		{"unterminated quote", h + "Ada,1\n\"Bo,2\n", 3, `line 3: malformed CSV at column 7: extraneous or missing " in quoted-field`},
		{"malformed header", "name,\"score\n", 1, `line 1: malformed CSV at column 13: extraneous or missing " in quoted-field`},
	}
	for _, c := range cases {
		got, err := readAll(strings.NewReader(c.in))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %q (%v)\nwant %q", c.name, err, got, c.want)
			continue
		}
		var le *LineError
		if !errors.As(err, &le) || le.Line != c.line {
			t.Errorf("%s: error %#v, want *LineError on line %d", c.name, err, c.line)
		}
	}
}

func TestLongHeaderIsClipped(t *testing.T) {
	header := "name," + strings.Repeat("x", 300)
	_, err := Open(strings.NewReader(header+"\n"), []string{"name", "score"}, 1)
	want := `line 1: the header lacks the column score; the first line must name the columns name,score (found "name,` +
		strings.Repeat("x", 195) + `…")`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// A failing reader is reported as such (wrapped), not as a problem of the file.
func TestReaderFailure(t *testing.T) {
	_, err := readAll(iotest.ErrReader(io.ErrUnexpectedEOF))
	var le *LineError
	if err == nil || !errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &le) {
		t.Errorf("reader error: %#v", err)
	}
	if err.Error() != "reading CSV: unexpected EOF" {
		t.Errorf("reader error: %q", err)
	}
}

// Asking for a column that was not required is a programming error.
func TestTextOfUnrequiredColumnPanics(t *testing.T) {
	tbl, err := Open(strings.NewReader("name,score,note\nAda,1,x\n"), []string{"name", "score"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	row, err := tbl.Next()
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("Text(\"note\") did not panic")
		}
	}()
	row.Text("note")
}

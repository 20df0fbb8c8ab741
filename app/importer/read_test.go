// Tests reading candidate files: CSV encodings and delimiters, XLSX sheets, the
// errors and size limits, and Windows-1252 decoding.

package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/model"
)

func readTestdata(t *testing.T, name string) Table {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return tb
}

func TestReadCSVFiles(t *testing.T) {
	tests := []struct {
		file    string
		headers []string
		rows    [][]string
		lines   []int
	}{
		{
			file:    "bom.csv", // UTF-8 with BOM, CRLF, a blank line, quotes and a multi-line cell
			headers: []string{"Full Name", "E-mail", "Phone Number", "Tags", "Resume"},
			rows: [][]string{
				{"Ada Lovelace", "Ada@Example.com", "+44 20 7946 0000", "math, engines", "Analytical engine notes"},
				{`Grace "Amazing" Hopper`, "grace@example.com", "", "navy|cobol", "Compilers\nand COBOL"},
				{"Alan Turing", "alan@example.com", "", "", ""},
			},
			lines: []int{2, 4, 6},
		},
		{
			file:    "semicolon.csv", // semicolons, a quoted semicolon, UTF-8 without BOM
			headers: []string{"First Name", "Last Name", "Email Address", "Source"},
			rows: [][]string{
				{"José", "García", "jose@example.com", "Referral"},
				{"Marie", "Curie", "marie@example.com", "LinkedIn; inbound"},
			},
			lines: []int{2, 3},
		},
		{
			file:    "latin1.csv", // Windows-1252: curly quotes and an en dash
			headers: []string{"Name", "Email", "Location", "Notes"},
			rows:    [][]string{{"José Peña", "jose@example.com", "São Paulo", "“Great” – call back"}},
			lines:   []int{2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			tb := readTestdata(t, tc.file)
			if !slices.Equal(tb.Headers, tc.headers) {
				t.Errorf("headers = %q, want %q", tb.Headers, tc.headers)
			}
			if !slices.EqualFunc(tb.Rows, tc.rows, slices.Equal) {
				t.Errorf("rows = %q, want %q", tb.Rows, tc.rows)
			}
			if !slices.Equal(tb.RowNumbers, tc.lines) {
				t.Errorf("row numbers = %v, want %v", tb.RowNumbers, tc.lines)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, r := range s { // test input is BMP only
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestReadCSVInline(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		headers []string
		rows    [][]string
	}{
		{"tabs", []byte("Name\tEmail\nAda\tada@example.com\n"), []string{"Name", "Email"}, [][]string{{"Ada", "ada@example.com"}}},
		{"utf-16 with BOM (Excel unicode text)", utf16LE("Name\tCity\r\nZoë\tKöln\r\n"), []string{"Name", "City"}, [][]string{{"Zoë", "Köln"}}},
		{"comma wins over a semicolon inside quotes", []byte("\"a;b;c\",Email\nAda,x@y.z\n"), []string{"a;b;c", "Email"}, [][]string{{"Ada", "x@y.z"}}},
		{"short rows are padded, trailing empty cells dropped", []byte("Name,Email,Phone,,\nAda\nBob,b@x.io,1,,\n"),
			[]string{"Name", "Email", "Phone"}, [][]string{{"Ada", "", ""}, {"Bob", "b@x.io", "1"}}},
		{"empty cells beyond the header are dropped", []byte("Name\nAda,, \n"), []string{"Name"}, [][]string{{"Ada"}}},
		{"blank header cells get a name", []byte("Name,,Email\nAda,x,a@b.co\n"), []string{"Name", "Column 2", "Email"}, [][]string{{"Ada", "x", "a@b.co"}}},
		{"header only", []byte("Name,Email\n"), []string{"Name", "Email"}, [][]string{}},
		{"leading blank lines", []byte("\n\n,,\nName\nAda\n"), []string{"Name"}, [][]string{{"Ada"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Read("people.csv", tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(tb.Headers, tc.headers) || !slices.EqualFunc(tb.Rows, tc.rows, slices.Equal) {
				t.Errorf("got %q %q, want %q %q", tb.Headers, tb.Rows, tc.headers, tc.rows)
			}
			if len(tb.RowNumbers) != len(tb.Rows) {
				t.Errorf("%d row numbers for %d rows", len(tb.RowNumbers), len(tb.Rows))
			}
		})
	}
}

// lower sets a limit for one test.
func lower[T any](t *testing.T, v *T, to T) {
	old := *v
	*v = to
	t.Cleanup(func() { *v = old })
}

// xlsx builds a workbook: sheets in order, each a list of rows.
func xlsx(t testing.TB, sheets ...[][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, rows := range sheets {
		name := fmt.Sprintf("Sheet%d", i+1)
		if i > 0 {
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		for r, row := range rows {
			if row == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// padded adds a highly compressible entry to a zip: a small file that
// unpacks to size bytes.
func padded(t *testing.T, data []byte, size int) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create("xl/media/padding.bin")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for n := 0; n < size; n += len(zeros) {
		if _, err := w.Write(zeros[:min(len(zeros), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestReadXLSX(t *testing.T) {
	data := xlsx(t,
		[][]any{
			{"Candidate Name", "Email Address", "Mobile", "Labels"},
			{"Ada Lovelace", "ada@example.com", 4155550100, "math; engines"},
			nil, // a blank row is skipped but keeps the numbering
			{"Grace Hopper", "grace@example.com", nil, "navy"},
		},
		[][]any{
			{"Name", "Email"},
			{"Alan Turing", "alan@example.com"},
		},
	)
	tb, err := Read("export.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tb.Headers, []string{"Candidate Name", "Email Address", "Mobile", "Labels"}) {
		t.Errorf("headers = %q", tb.Headers)
	}
	want := [][]string{{"Ada Lovelace", "ada@example.com", "4155550100", "math; engines"}, {"Grace Hopper", "grace@example.com", "", "navy"}}
	if !slices.EqualFunc(tb.Rows, want, slices.Equal) {
		t.Errorf("rows = %q, want %q", tb.Rows, want)
	}
	if !slices.Equal(tb.RowNumbers, []int{2, 4}) {
		t.Errorf("row numbers = %v, want [2 4]", tb.RowNumbers)
	}
	if tb.Sheet != "Sheet1" || !slices.Equal(tb.Sheets, []string{"Sheet1", "Sheet2"}) {
		t.Errorf("sheet %q of %q", tb.Sheet, tb.Sheets)
	}

	// The caller may choose a sheet by name, ignoring case.
	tb, err = ReadSheet("export.xlsx", data, "sheet2")
	if err != nil {
		t.Fatal(err)
	}
	if tb.Sheet != "Sheet2" || !slices.Equal(tb.Headers, []string{"Name", "Email"}) || len(tb.Rows) != 1 || tb.Rows[0][0] != "Alan Turing" {
		t.Errorf("sheet 2 read as %+v", tb)
	}
	// The content decides, not the name.
	if tb, err := Read("export.bin", data); err != nil || len(tb.Rows) != 2 {
		t.Errorf("an .xlsx without its extension: %+v, %v", tb, err)
	}
}

func wantFileError(t *testing.T, err error, field string, mentions ...string) {
	t.Helper()
	var ve *model.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) == 0 {
		t.Fatalf("error = %v (%T), want a *model.ValidationError", err, err)
	}
	if ve.Fields[0].Field != field {
		t.Errorf("field = %q, want %q (%v)", ve.Fields[0].Field, field, err)
	}
	for _, m := range mentions {
		if !strings.Contains(err.Error(), m) {
			t.Errorf("error %q does not mention %q", err, m)
		}
	}
}

func TestReadErrors(t *testing.T) {
	longCSV := func(header string, cell int) []byte {
		return []byte(header + "\nAda,ok\nBob," + strings.Repeat("x", cell) + "\n")
	}
	wideRow := strings.Repeat("c,", 120) + "c\n"
	tests := []struct {
		name     string
		file     string
		data     func(t *testing.T) []byte
		setup    func(t *testing.T)
		sheet    string
		field    string
		mentions []string
	}{
		{name: "file too big", file: "big.csv", data: func(*testing.T) []byte { return make([]byte, MaxFileSize+1) },
			field: "file", mentions: []string{"big.csv is 20.1 MB, over the 20 MB limit for imports"}},
		{name: "empty file", file: "empty.csv", data: func(*testing.T) []byte { return nil }, field: "file", mentions: []string{"empty"}},
		{name: "whitespace only", file: "blank.csv", data: func(*testing.T) []byte { return []byte(" \r\n\n ") }, field: "file", mentions: []string{"empty"}},
		{name: "only separators", file: "commas.csv", data: func(*testing.T) []byte { return []byte(",,,\n,,\n\n") }, field: "file", mentions: []string{"no header"}},
		{name: "bad quotes", file: "q.csv", data: func(*testing.T) []byte { return []byte("Name,Email\n\"Ada,ada@x.io\nBob\"x,b@x.io\n") },
			field: "file", mentions: []string{"line 2", "quote"}},
		{name: "bare quote", file: "q.csv", data: func(*testing.T) []byte { return []byte("Name,Email\nAda \"the\" L,a@x.io\n") },
			field: "file", mentions: []string{"line 2"}},
		{name: "binary data", file: "x.csv", data: func(*testing.T) []byte { return []byte("Name\x00\x01\x02") }, field: "file", mentions: []string{"not a text"}},
		{name: "old xls", file: "x.xls", data: func(*testing.T) []byte { return []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") }, field: "file", mentions: []string{".xls"}},
		{name: "xlsx that is not a zip", file: "x.xlsx", data: func(*testing.T) []byte { return []byte("Name,Email\n") }, field: "file", mentions: []string{"not an Excel"}},
		{name: "truncated xlsx", file: "x.xlsx", data: func(t *testing.T) []byte { return xlsx(t, [][]any{{"Name"}})[:200] },
			field: "file", mentions: []string{"x.xlsx"}},
		{name: "too many rows", file: "rows.csv", setup: func(t *testing.T) { lower(t, &maxRows, 3) },
			data: func(*testing.T) []byte { return []byte("Name\na\nb\nc\nd\n") }, field: "file", mentions: []string{"more than 3 data rows"}},
		{name: "too many rows xlsx", file: "rows.xlsx", setup: func(t *testing.T) { lower(t, &maxRows, 1) },
			data: func(t *testing.T) []byte { return xlsx(t, [][]any{{"Name"}, {"a"}, {"b"}}) }, field: "file", mentions: []string{"more than 1 data rows"}},
		{name: "too many columns in the header", file: "wide.csv", data: func(*testing.T) []byte { return []byte(wideRow) },
			field: "file", mentions: []string{"row 1", "121 columns", "limited to 100"}},
		{name: "too many columns in a row", file: "wide.csv", data: func(*testing.T) []byte { return []byte("Name\nAda\n" + wideRow) },
			field: "file", mentions: []string{"row 3", "121 columns"}},
		{name: "ordinary cell too long", file: "long.csv", data: func(*testing.T) []byte { return longCSV("Name,Email", MaxCell+1) },
			field: "file", mentions: []string{"row 3", `column "Email"`, "10001 characters", "limit is 10000"}},
		{name: "resume cell too long", file: "long.csv", setup: func(t *testing.T) { lower(t, &maxLongCell, 50) },
			data: func(*testing.T) []byte { return longCSV("Name,Resume Text", 51) }, field: "file", mentions: []string{"row 3", `column "Resume Text"`, "limit is 50"}},
		{name: "xlsx cell too long", file: "long.xlsx", data: func(t *testing.T) []byte {
			return xlsx(t, [][]any{{"Name", "Phone"}, {"Ada", strings.Repeat("1", MaxCell+1)}})
		}, field: "file", mentions: []string{"row 2", `column "Phone"`}},
		{name: "a value beyond the header", file: "shifted.csv", data: func(*testing.T) []byte { return []byte("Name,Email\nAda,a@x.io\nLovelace, Ada,a@x.io\n") },
			field: "file", mentions: []string{"shifted.csv", "row 3 has a value in column 3, but the header names only 2 columns"}},
		{name: "a header named twice", file: "dup.csv", data: func(*testing.T) []byte { return []byte("Name,Email,Phone, EMAIL \nAda,a@x.io,1,b@x.io\n") },
			field: "file", mentions: []string{"dup.csv", "row 1", `the column "EMAIL" appears twice (columns 2 and 4)`}},
		{name: "a header named twice in a workbook", file: "dup.xlsx", data: func(t *testing.T) []byte {
			return xlsx(t, [][]any{{"Notes", "Name", "notes"}, {"x", "Ada", "y"}})
		}, field: "file", mentions: []string{"dup.xlsx", "row 1", `the column "notes" appears twice (columns 1 and 3)`}},
		{name: "header too long", file: "h.csv", data: func(*testing.T) []byte { return []byte(strings.Repeat("h", 201) + "\nAda\n") },
			field: "file", mentions: []string{"row 1", "header"}},
		{name: "sheet of a CSV", file: "a.csv", sheet: "Sheet1", data: func(*testing.T) []byte { return []byte("Name\nAda\n") },
			field: "sheet", mentions: []string{"no sheets"}},
		{name: "unknown sheet", file: "a.xlsx", sheet: "People", data: func(t *testing.T) []byte { return xlsx(t, [][]any{{"Name"}}) },
			field: "sheet", mentions: []string{`"People"`, "Sheet1"}},
		{name: "empty sheet", file: "a.xlsx", data: func(t *testing.T) []byte { return xlsx(t, [][]any{}) },
			field: "file", mentions: []string{"no header"}},
		{name: "unpacks beyond the lowered limit", file: "bomb.xlsx", setup: func(t *testing.T) { lower(t, &maxUnzipSize, 32<<10) },
			data: func(t *testing.T) []byte {
				return xlsx(t, [][]any{{"Name"}, {strings.Repeat("a", 9000)}, {strings.Repeat("b", 9000)}}, [][]any{{strings.Repeat("c", 9000)}})
			}, field: "file", mentions: []string{"unpacks to more than"}},
		{name: "a shared string repeated beyond the text limit", file: "repeat.xlsx", setup: func(t *testing.T) { lower(t, &maxText, 1<<20) },
			data: func(t *testing.T) []byte {
				long := strings.Repeat("resume ", 4_000) // stored once in the shared strings
				rows := [][]any{{"Name", "Resume"}}
				for range 40 {
					rows = append(rows, []any{"Ada", long})
				}
				return xlsx(t, rows)
			}, field: "file", mentions: []string{"by row 39", "more than 1 MB of text"}},
		{name: "zip bomb beyond 100 MB", file: "bomb.xlsx", data: func(t *testing.T) []byte {
			return padded(t, xlsx(t, [][]any{{"Name"}, {"Ada"}}), MaxUnzipSize+1)
		}, field: "file", mentions: []string{"unpacks to more than 100 MB"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup(t)
			}
			_, err := ReadSheet(tc.file, tc.data(t), tc.sheet)
			wantFileError(t, err, tc.field, tc.mentions...)
		})
	}
}

func TestReadLimitsAreInclusive(t *testing.T) {
	lower(t, &maxRows, 2)
	lower(t, &maxLongCell, 50)
	data := []byte("Name,Resume,Notes,Location\nAda," + strings.Repeat("r", 50) + "," + strings.Repeat("n", 50) +
		"\nBob,,," + strings.Repeat("é", MaxCell) + "\n")
	tb, err := Read("ok.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 2 {
		t.Errorf("%d rows", len(tb.Rows))
	}
	// A zip bomb's padding within the limit is fine.
	if _, err := Read("ok.xlsx", padded(t, xlsx(t, [][]any{{"Name"}, {"Ada"}}), 1<<20)); err != nil {
		t.Errorf("a workbook within the limits: %v", err)
	}
}

func TestWindows1252(t *testing.T) {
	got := windows1252([]byte("a\x80\x81\x9f\xa0\xe9\xff"))
	if want := "a€\ufffdŸ\u00a0éÿ"; got != want {
		t.Errorf("windows1252 = %q, want %q", got, want)
	}
	// Valid UTF-8 is never reinterpreted.
	if s, ok := decodeText([]byte("Zoë")); !ok || s != "Zoë" {
		t.Errorf("decodeText(UTF-8) = %q", s)
	}
}

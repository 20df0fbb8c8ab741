// Hostile files through the real import paths (`import candidates`, `rubric
// import`, `bundle import`, `stats --in`, `composite --in`): zip bombs, a
// million rows, a 10 MB cell, bytes that are not UTF-8, wrong and repeated
// columns, extreme numbers. Each is refused in one line naming the file and
// where in it, fast, and leaves every table of the workspace as it was;
// formula payloads are kept as plain text and escaped on export.

package cli_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// TestHostileInput runs every group on one demo workspace (seeding one
// takes seconds, more under -race): refusals first, each of which must
// leave it unchanged, then the payloads that are imported.
func TestHostileInput(t *testing.T) {
	dir := demoWorkspace(t)
	t.Run("candidate files", func(t *testing.T) { hostileCandidateFiles(t, dir) })
	t.Run("rubric files", func(t *testing.T) { hostileRubricFiles(t, dir) })
	t.Run("bundles", func(t *testing.T) { hostileBundles(t, dir) })
	t.Run("rating files", func(t *testing.T) { hostileRatingFiles(t, dir) })
	t.Run("payloads are plain text, escaped on export", func(t *testing.T) { hostileTextIsPlainAndEscaped(t, dir) })
}

func hostileCandidateFiles(t *testing.T, dir string) {
	imp := func(file string) []string {
		return []string{"import", "candidates", file, "--role", "Senior AI Engineer"}
	}
	refuseAll(t, dir, []hostileCase{
		{"xlsx unpacking to 4 GB", func(t *testing.T) string {
			return hostileFile(t, "bomb.xlsx", func(w io.Writer) {
				writeZip(t, w, append(workbookEntries(t, [][]any{{"Name"}, {"Ada"}}), zipEntry{name: "xl/media/image1.png", zeros: 4<<10 + 1}))
			})
		}, imp, []string{"unpacks to more than 100 MB"}},
		{"xlsx whose sheet lies about its size", func(t *testing.T) string {
			return hostileFile(t, "liar.xlsx", func(w io.Writer) {
				entries := workbookEntries(t, [][]any{{"Name"}, {"Ada"}})
				for i, e := range entries {
					if e.name == "xl/worksheets/sheet1.xml" {
						entries[i] = zipEntry{name: e.name, data: e.data, zeros: 1 << 10, declared: uint64(len(e.data))}
					}
				}
				writeZip(t, w, entries)
			})
		}, imp, nil}, // excelize reads the sheet as empty: "liar.xlsx has no header row"
		{"xlsx with a header named twice", func(t *testing.T) string {
			return hostileFile(t, "twice.xlsx", func(w io.Writer) {
				writeZip(t, w, workbookEntries(t, [][]any{{"Notes", "Name", "notes"}, {"x", "Ada", "y"}}))
			})
		}, imp, []string{"twice.xlsx", `the column "notes" appears twice (columns 1 and 3)`}},
		{"xlsx with a cell past its limit", func(t *testing.T) string {
			return hostileFile(t, "long.xlsx", func(w io.Writer) {
				writeZip(t, w, workbookEntries(t, [][]any{{"Name", "Phone"}, {"Ada", strings.Repeat("1", 10_001)}}))
			})
		}, imp, []string{"long.xlsx", `row 2, column "Phone"`, "10001 characters"}},
		{"xlsx with 50,001 rows", func(t *testing.T) string {
			rows := make([][]any, 50_002)
			rows[0] = []any{"Name"}
			for i := 1; i < len(rows); i++ {
				rows[i] = []any{"Ada"}
			}
			return hostileFile(t, "rows.xlsx", func(w io.Writer) { writeZip(t, w, workbookEntries(t, rows)) })
		}, imp, []string{"rows.xlsx", "more than 50000 data rows"}},
		{"a million rows", func(t *testing.T) string {
			return hostileFile(t, "million.csv", func(w io.Writer) {
				io.WriteString(w, "Name,Email\n")
				repeat(w, []byte("Ada Lovelace,\n"), 1_000_000)
			})
		}, imp, []string{"more than 50000 data rows"}},
		{"a 10 MB cell", func(t *testing.T) string {
			return hostileFile(t, "cell.csv", func(w io.Writer) {
				io.WriteString(w, "Name,Email,Resume\nAda,ada@example.com,")
				repeat(w, []byte("x"), 10<<20)
				io.WriteString(w, "\n")
			})
		}, imp, []string{`row 2, column "Resume"`, "10485760 characters", "limit is 1000000"}},
		{"not text", csvFile("binary.csv", "Name,Email\nAda\x00\xff,ada@example.com\n"), imp, []string{"is not a text (CSV) file"}},
		{"no name column", csvFile("wrong.csv", "Given,Mail\nAda,ada@example.com\n"), imp,
			[]string{`No column is mapped to the candidate's name`, `"Given", "Mail"`}},
		{"a header named twice", csvFile("twice.csv", "Name,Email,Phone,EMAIL\nAda,ada@example.com,1,ada@example.org\n"), imp,
			[]string{`the column "EMAIL" appears twice (columns 2 and 4)`}},
		{"a value beyond the header", csvFile("shifted.csv", "Name,Email\nLovelace, Ada,ada@example.com\n"), imp,
			[]string{"row 2 has a value in column 3, but the header names only 2 columns"}},
		{"names with nothing visible", csvFile("invisible.csv", "Name,Email\n\u200b\u2060,zw@example.com\n\u0301\u0308,marks@example.com\n"), imp,
			[]string{"2 of 2 rows have errors"}},
		{"malformed quotes", csvFile("quotes.csv", "Name,Email\n\"Ada,ada@example.com\nBo\"b,b@example.com\n"), imp, []string{"line 2"}},
	}, 10*time.Second)
}

// A bidirectional override, a zero-width space or a formula is not a reason
// to refuse a row: the invisible characters go, the formula stays plain text
// (in the workspace and the JSON), and spreadsheet exports escape it.
func hostileTextIsPlainAndEscaped(t *testing.T, dir string) {
	payloads := []string{"=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"}
	var b strings.Builder
	cw := csv.NewWriter(&b)
	cw.Write([]string{"Name", "Email", "Location", "Notes"})
	for i, p := range payloads {
		cw.Write([]string{p, fmt.Sprintf("payload%d@example.com", i), p, p})
	}
	cw.Write([]string{"\u202eecalevoL\u202c \u200bAda\u2066", "ada.rlo@example.com", "\u2067Z\u200bo\u0308e\u2069", "x"})
	cw.Flush()
	file := hostileFile(t, "payloads.csv", func(w io.Writer) { io.WriteString(w, b.String()) })
	mustRun(t, dir, "import", "candidates", file, "--role", "Senior AI Engineer")
	// Bytes that are not UTF-8 are read as Windows-1252, what Excel writes.
	mustRun(t, dir, "import", "candidates", hostileFile(t, "excel.csv", func(w io.Writer) {
		io.WriteString(w, "Name,Email\nZo\xeb M\xfcller \x96 QA,zoe@example.com\n")
	}), "--role", "Senior AI Engineer")

	byEmail := map[string]model.CandidateRow{}
	for _, r := range listJSON(t, dir) {
		byEmail[r.Email] = r
	}
	for i, p := range payloads {
		if got := byEmail[fmt.Sprintf("payload%d@example.com", i)]; got.Name != p || got.Location != p {
			t.Errorf("payload %d stored as %q / %q, want %q", i, got.Name, got.Location, p)
		}
	}
	if got := byEmail["ada.rlo@example.com"]; got.Name != "ecalevoL Ada" || got.Location != "Zo\u0308e" {
		t.Errorf("stored %+q, location %+q", got.Name, got.Location)
	}
	if got := byEmail["zoe@example.com"]; got.Name != "Zoë Müller – QA" {
		t.Errorf("a Windows-1252 name stored as %+q", got.Name)
	}

	// The committee exports list candidates with submitted scorecards: give
	// one of them a payload as a name, through the same service the form uses.
	s, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	svc := tracking.New(s)
	ctx := context.Background()
	page, err := svc.List(ctx, model.CandidateFilter{Query: "Carol Cunningham"})
	if err != nil || len(page.Rows) != 1 {
		s.Close()
		t.Fatalf("the demo's Carol Cunningham: %v, %+v", err, page)
	}
	name := payloads[0]
	if _, err := svc.UpdateCandidate(ctx, page.Rows[0].ID, model.CandidatePatch{Name: &name}, tracking.CommandLine); err != nil {
		s.Close()
		t.Fatal(err)
	}
	s.Close()

	out := t.TempDir()
	summary, cards, book := filepath.Join(out, "summary.csv"), filepath.Join(out, "cards.csv"), filepath.Join(out, "committee.xlsx")
	mustRun(t, dir, "export", "csv", "--role", "Senior AI Engineer", "--out", summary)
	mustRun(t, dir, "export", "csv", "--sheet", "scorecards", "--role", "Senior AI Engineer", "--out", cards)
	mustRun(t, dir, "export", "xlsx", "--role", "Senior AI Engineer", "--out", book)
	for _, path := range []string{summary, cards} {
		data, _ := os.ReadFile(path)
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, rec := range recs {
			for _, field := range rec {
				if field == "'"+name {
					found = true
				}
				if strings.HasPrefix(field, "=") || strings.HasPrefix(field, "@") {
					t.Errorf("%s: field %q would run as a formula", filepath.Base(path), field)
				}
			}
		}
		if !found {
			t.Errorf("%s does not hold the name escaped as %q", filepath.Base(path), "'"+name)
		}
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if v != name {
					continue
				}
				cells++
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s holds the payload as the formula %q", sheet, ref, formula)
				}
			}
		}
	}
	if cells == 0 {
		t.Error("the workbook does not hold the payload as text anywhere")
	}
}

func hostileRubricFiles(t *testing.T, dir string) {
	imp := func(file string) []string { return []string{"rubric", "import", file} }
	good, err := os.ReadFile("../rubric/builtin.json")
	if err != nil {
		t.Fatal(err)
	}
	builtinName := regexp.MustCompile(`"name": "[^"]*"`).FindString(string(good))
	refuseAll(t, dir, []hostileCase{
		{"a 10 MB file", func(t *testing.T) string {
			return hostileFile(t, "huge.json", func(w io.Writer) {
				io.WriteString(w, `{"name":"`)
				repeat(w, []byte("x"), 10<<20)
				io.WriteString(w, `"}`)
			})
		}, imp, []string{"MB"}},
		{"aliases that expand a billion times", csvFile("laughs.yaml",
			"a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"+
				"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"+
				"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"), imp, []string{"alias"}},
		{"bytes that are not UTF-8", csvFile("latin1.json", strings.Replace(string(good), builtinName, "\"name\": \"Zo\xeb \xff\"", 1)),
			imp, []string{"line 3, column 14", "not UTF-8"}},
		{"a name with nothing visible", csvFile("invisible.json", strings.Replace(string(good), builtinName, `"name": "\u202e\u0301\u200b\u3164"`, 1)),
			imp, []string{"name: Has no visible characters"}},
		{"unknown fields and wrong types", csvFile("wrong.yaml", "format: hirebench.rubric/v1\nnmae: x\nscale: {min: one, max: 4}\n"), imp,
			[]string{"nmae", "scale.min"}},
	}, 10*time.Second)

}

func hostileBundles(t *testing.T, dir string) {
	exported := filepath.Join(t.TempDir(), "workspace.hirebench")
	mustRun(t, dir, "bundle", "export", "--out", exported)
	genuine := map[string][]byte{}
	var order []string
	{
		zr, err := zip.OpenReader(exported)
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			genuine[zf.Name], _ = io.ReadAll(rc)
			rc.Close()
			order = append(order, zf.Name)
		}
		zr.Close()
	}
	// bundle builds an archive from the genuine entries, changed by edit.
	bundleFile := func(name string, edit func(entries []zipEntry) []zipEntry) func(t *testing.T) string {
		return func(t *testing.T) string {
			var entries []zipEntry
			for _, n := range order {
				entries = append(entries, zipEntry{name: n, data: genuine[n]})
			}
			return hostileFile(t, name, func(w io.Writer) { writeZip(t, w, edit(entries)) })
		}
	}
	replace := func(name string, e zipEntry) func([]zipEntry) []zipEntry {
		return func(entries []zipEntry) []zipEntry {
			for i := range entries {
				if entries[i].name == name {
					e.name = name
					entries[i] = e
				}
			}
			return entries
		}
	}
	imp := func(file string) []string { return []string{"bundle", "import", file} }
	refuseAll(t, dir, []hostileCase{
		{"an entry unpacking to 2 GB", bundleFile("bomb.hirebench", replace("candidates.json",
			zipEntry{data: []byte("["), zeros: 2 << 10})), imp, []string{"over the 500 MB limit"}},
		{"an entry unpacking to 101 MB", bundleFile("big.hirebench", replace("candidates.json",
			zipEntry{data: []byte("["), zeros: 101})), imp, []string{"candidates.json is 101", "over the 100 MB limit"}},
		{"an entry that lies about its size", bundleFile("liar.hirebench", replace("roles.json",
			zipEntry{data: genuine["roles.json"], zeros: 1 << 10, declared: uint64(len(genuine["roles.json"]))})),
			imp, []string{"roles.json"}},
		{"ten thousand and one entries", bundleFile("many.hirebench", func(entries []zipEntry) []zipEntry {
			for i := range 10_001 {
				entries = append(entries, zipEntry{name: fmt.Sprintf("x/%d", i)})
			}
			return entries
		}), imp, []string{"10000"}},
		{"a path out of the bundle", bundleFile("slip.hirebench", func(entries []zipEntry) []zipEntry {
			return append(entries, zipEntry{name: "../../.bashrc", data: []byte("echo owned")})
		}), imp, []string{"unsafe path"}},
		{"bytes that are not UTF-8", bundleFile("latin1.hirebench", replace("candidates.json",
			zipEntry{data: bytes.Replace(genuine["candidates.json"], []byte("Carol Cunningham"), []byte("Carol Cunningh\xe1m"), 1)})),
			imp, []string{"candidates.json", "UTF-8"}},
		{"an entry named twice", bundleFile("twice.hirebench", func(entries []zipEntry) []zipEntry {
			return append(entries, zipEntry{name: "candidates.json", data: []byte("[]")})
		}), imp, []string{`entry "candidates.json" appears twice`}},
		{"a 10 MB name", bundleFile("name.hirebench", replace("candidates.json",
			zipEntry{data: bytes.Replace(genuine["candidates.json"], []byte("Carol Cunningham"), bytes.Repeat([]byte("x"), 10<<20), 1)})),
			imp, []string{"10485760 characters"}},
		{"not a zip", csvFile("text.hirebench", "Name,Email\nAda,ada@example.com\n"), imp, []string{"not a hirebench bundle"}},
	}, 15*time.Second)
}

func hostileRatingFiles(t *testing.T, dir string) {
	stats := func(file string) []string { return []string{"stats", "--in", file, "--json"} }
	composite := func(file string) []string { return []string{"composite", "--in", file, "--json"} }
	head := "candidate,interviewer,competency,competency_weight,question,question_weight,score,scale_min,scale_max\n"
	refuseAll(t, dir, []hostileCase{
		{"a million and one rows", func(t *testing.T) string {
			return hostileFile(t, "million.csv", func(w io.Writer) {
				bw := &bytes.Buffer{}
				bw.WriteString("subject,rater,score\n")
				for i := range 1_000_001 {
					fmt.Fprintf(bw, "S%d,R1,%d\n", i, i%5)
					if bw.Len() > 1<<20 {
						w.Write(bw.Bytes())
						bw.Reset()
					}
				}
				w.Write(bw.Bytes())
			})
		}, stats, []string{"line 1000002", "at most 1000000 data rows"}},
		{"a 10 MB cell", func(t *testing.T) string {
			return hostileFile(t, "cell.csv", func(w io.Writer) {
				io.WriteString(w, "subject,rater,score\nS1,")
				repeat(w, []byte("R"), 10<<20)
				io.WriteString(w, ",1\n")
			})
		}, stats, nil},
		{"huge and tiny scores", csvFile("extreme.csv", "subject,rater,score\nS1,R1,1\nS1,R2,7e300\nS2,R1,-7e300\nS2,R2,1e-320\n"), stats,
			[]string{`line 3: score "7e300" is too large`}},
		{"a score too small to be one", csvFile("tiny.csv", "subject,rater,score\nS1,R1,1e-320\n"), stats, []string{`line 2: score "1e-320" is too small`}},
		{"NaN", csvFile("nan.csv", "subject,rater,score\nS1,R1,NaN\n"), stats, []string{`line 2: score "NaN" is not a finite number`}},
		{"a column named twice", csvFile("twice.csv", "subject,rater,score,note,Note\nS1,R1,1,a,b\n"), stats,
			[]string{`line 1: the header names the column "note" twice (columns 4 and 5)`}},
		{"wrong columns", csvFile("wrong.csv", "candidate,interviewer,points\nA,B,1\n"), stats, []string{"line 1", "lacks the columns subject, rater, score"}},
		{"composite: a huge weight", csvFile("weights.csv", head+"Ada,Sam,api,7e300,q1,1,3,1,4\n"), composite,
			[]string{`line 2: competency_weight "7e300" is too large`}},
		{"composite: a scale beyond range", csvFile("scale.csv", head+"Ada,Sam,api,1,q1,1,1e-320,-7e300,7e300\n"), composite,
			[]string{`line 2: scale_min "-7e300" is too large`}},
		{"composite: infinity", csvFile("inf.csv", head+"Ada,Sam,api,1,q1,1,Inf,1,4\n"), composite, []string{`line 2: score "Inf" is not a finite number`}},
	}, 20*time.Second)
}

// Fuzz tests for reading candidate files (CSV in any encoding, XLSX): no input
// panics or hangs, a refusal names the file and is on the file or the sheet,
// and a table that is read keeps its shape and plans without surprises.

package importer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"hirebench/app/model"
)

func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"bom.csv", "latin1.csv", "semicolon.csv"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Name,Email,Notes\n=cmd|' /C calc'!A0,@x.io,\"+1\n-2\"\n"))
	f.Add([]byte("\xff\xfeN\x00a\x00m\x00e\x00\n\x00A\x00d\x00a\x00\n\x00"))
	f.Add([]byte("Name;Email;Email\n\u200b;a@b.io;c@d.io\n"))
	f.Add([]byte("Name,Email,Job,Current Stage\nAda,ada@x.io,backend engineer,SCREEN\nBad,nope,Astronaut,Offer\nCat,,,phone screen\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "people.csv", data) })
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(xlsx(f, [][]any{{"Name", "Email", "Resume"}, {"Ada Lovelace", "ada@example.com", "Engines"}, nil, {"=1+1", 42, true}}))
	f.Add(xlsx(f, [][]any{{"First", "Last", "Tags"}, {"Grace", "Hopper", "navy; cobol"}}, [][]any{{"Name"}, {"Alan"}}))
	f.Add(xlsx(f, [][]any{}))
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "people.xlsx", data) })
}

// checkRead holds the properties every file must have.
func checkRead(t *testing.T, name string, data []byte) {
	tb, err := Read(name, data)
	if err != nil {
		var ve *model.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 {
			t.Fatalf("error %v (%T) is not one problem with the file", err, err)
		}
		if f := ve.Fields[0]; f.Field != "file" || !strings.Contains(f.Message, name) || !utf8.ValidString(f.Message) {
			t.Fatalf("refusal %+v does not name the file %s", f, name)
		}
		return
	}
	if len(tb.Headers) == 0 || len(tb.Headers) > MaxColumns || len(tb.Rows) > MaxRows || len(tb.RowNumbers) != len(tb.Rows) {
		t.Fatalf("%d headers, %d rows, %d row numbers", len(tb.Headers), len(tb.Rows), len(tb.RowNumbers))
	}
	seen := map[string]bool{}
	for _, h := range tb.Headers {
		if h == "" || h != model.OneLine(h) || seen[strings.ToLower(h)] {
			t.Fatalf("header %+q is empty, untidy or repeated in %+q", h, tb.Headers)
		}
		seen[strings.ToLower(h)] = true
	}
	for i, row := range tb.Rows {
		if len(row) != len(tb.Headers) || (i > 0 && tb.RowNumbers[i] <= tb.RowNumbers[i-1]) || tb.RowNumbers[i] < 2 {
			t.Fatalf("row %d: %d cells for %d headers, numbered %v", i, len(row), len(tb.Headers), tb.RowNumbers)
		}
		if slices.IndexFunc(row, func(c string) bool { return strings.TrimSpace(c) != "" }) < 0 {
			t.Fatalf("row %d is blank but was kept", tb.RowNumbers[i])
		}
	}
	p, err := Plan(tb, GuessMapping(tb.Headers), Options{ExistingEmails: map[string]int64{"ada@example.com": 1},
		Roles: atsRoles, RoleID: 2})
	if err != nil {
		var ve *model.ValidationError
		if !errors.As(err, &ve) || !strings.HasPrefix(ve.Fields[0].Field, "mapping.") {
			t.Fatalf("plan refused with %v", err)
		}
		return
	}
	c := p.Counts
	if len(p.Rows) != len(tb.Rows) || c.Create+c.Merge+c.Skip+c.Error != len(p.Rows) || c.Rows != len(p.Rows) || c.Import != c.Create+c.Merge {
		t.Fatalf("%d rows planned as %+v from %d", len(p.Rows), c, len(tb.Rows))
	}
	skipped := 0
	for _, s := range p.Skips {
		skipped += s.Count
	}
	if skipped != c.Skip {
		t.Fatalf("%d skipped rows, but the reasons count %d: %+v", c.Skip, skipped, p.Skips)
	}
	for _, r := range p.Rows {
		if (r.Action == ActionError) != (len(r.Errors) > 0) {
			t.Fatalf("row %d: action %s with errors %v", r.Row, r.Action, r.Errors)
		}
		if r.Action == ActionCreate || r.Action == ActionMerge {
			if r.RoleID == 0 || r.StageID/10 != r.RoleID { // atsRoles number each role's stages from ten times its id
				t.Fatalf("row %d goes to role %d, stage %d", r.Row, r.RoleID, r.StageID)
			}
		}
		// A row whose job is skipped is left alone, unchecked.
		if r.Action == ActionError || r.Action == ActionSkip && r.Job != "" && r.RoleID == 0 {
			continue
		}
		if err := r.Input.Validate(); err != nil || !model.Visible(r.Input.Name) || !utf8.ValidString(r.Input.Name) {
			t.Fatalf("row %d planned to %s with input %+v: %v", r.Row, r.Action, r.Input, err)
		}
	}
}

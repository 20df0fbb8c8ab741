// Tests column guessing and import planning: normalised candidates, row errors,
// duplicate policies, mapping errors and plans from the sample files.

package importer

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"hirebench/app/model"
)

func TestGuessMapping(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    map[string]int // fields not listed must be -1
	}{
		{"greenhouse", []string{"Candidate ID", "First Name", "Last Name", "Email", "Phone", "Source", "Tags", "LinkedIn URL", "Job"},
			map[string]int{FieldFirstName: 1, FieldLastName: 2, FieldEmail: 3, FieldPhone: 4, FieldSource: 5, FieldTags: 6, FieldLinkedIn: 7, FieldJob: 8}},
		{"lever", []string{"Name", "Email", "Phone", "Location", "Origin", "Tags", "Resume"},
			map[string]int{FieldName: 0, FieldEmail: 1, FieldPhone: 2, FieldLocation: 3, FieldSource: 4, FieldTags: 5, FieldResume: 6}},
		{"workable", []string{"Candidate Name", "E-mail", "Mobile", "City", "Sources", "Labels", "CV", "Notes"},
			map[string]int{FieldName: 0, FieldEmail: 1, FieldPhone: 2, FieldLocation: 3, FieldSource: 4, FieldTags: 5, FieldResume: 6, FieldNotes: 7}},
		{"spreadsheet", []string{" full_name ", "EMAIL ADDRESS", "Phone Number", "Resume Text", "GitHub", "Website", "Comments"},
			map[string]int{FieldName: 0, FieldEmail: 1, FieldPhone: 2, FieldResume: 3, FieldGitHub: 4, FieldPortfolio: 5, FieldNotes: 6}},
		{"given and family names", []string{"Given name", "Family name", "Applicant Email", "Portfolio URL", "LinkedIn Profile", "GitHub URL"},
			map[string]int{FieldFirstName: 0, FieldLastName: 1, FieldEmail: 2, FieldPortfolio: 3, FieldLinkedIn: 4, FieldGitHub: 5}},
		{"surname, résumé, candidate prefix", []string{"Surname", "Forename", "Résumé", "Candidate Phone", "Candidate Location"},
			map[string]int{FieldLastName: 0, FieldFirstName: 1, FieldResume: 2, FieldPhone: 3, FieldLocation: 4}},
		{"first match wins", []string{"Email", "Other", "E-mail"}, map[string]int{FieldEmail: 0}},
		{"nothing known", []string{"Candidate ID", "Score", ""}, map[string]int{}},
		{"no headers", nil, map[string]int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := GuessMapping(tc.headers)
			if len(got) != len(Fields) {
				t.Errorf("mapping has %d fields, want all %d", len(got), len(Fields))
			}
			for _, f := range Fields {
				want, ok := tc.want[f]
				if !ok {
					want = -1
				}
				if got[f] != want {
					t.Errorf("%s → %d, want %d (headers %q)", f, got[f], want, tc.headers)
				}
			}
		})
	}
}

func table(headers []string, rows ...[]string) Table {
	t := Table{Headers: headers}
	for i, r := range rows {
		t.Rows = append(t.Rows, r)
		t.RowNumbers = append(t.RowNumbers, i+2)
	}
	return t
}

var stdHeaders = []string{"Name", "First Name", "Last Name", "Email", "Phone", "Location", "Source", "Tags",
	"Resume", "LinkedIn", "GitHub", "Website", "Notes"}

// row builds a data row for stdHeaders from field=value pairs.
func row(kv ...string) []string {
	r := make([]string, len(stdHeaders))
	idx := GuessMapping(stdHeaders)
	for i := 0; i < len(kv); i += 2 {
		r[idx[kv[i]]] = kv[i+1]
	}
	return r
}

func TestPlanCreatesNormalisedCandidates(t *testing.T) {
	tb := table(stdHeaders,
		row(FieldName, "  Ada   Lovelace ", FieldEmail, "Ada@Example.COM", FieldTags, "Math, engines;MATH|poetry",
			FieldResume, "Line one\r\nLine two", FieldNotes, "  met at a meetup  ", FieldLinkedIn, "https://linkedin.com/in/ada",
			FieldPortfolio, "https://ada.dev", FieldGitHub, "https://github.com/ada", FieldPhone, "+44 20 7946 0000",
			FieldLocation, "London", FieldSource, "Referral"),
		row(FieldFirstName, "Grace", FieldLastName, "Hopper"),
		row(FieldName, "", FieldFirstName, "", FieldLastName, "Turing"),
		row(FieldName, "Full Name Wins", FieldFirstName, "Ignored", FieldLastName, "Too"),
	)
	p, err := Plan(tb, GuessMapping(stdHeaders), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Counts != (Counts{Rows: 4, Create: 4, Import: 4}) || p.Policy != PolicySkip {
		t.Fatalf("counts %+v, policy %q; rows %+v", p.Counts, p.Policy, p.Rows)
	}
	want := model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com", Phone: "+44 20 7946 0000", Location: "London",
		LinkedIn: "https://linkedin.com/in/ada", GitHub: "https://github.com/ada", Portfolio: "https://ada.dev", Source: "Referral",
		ResumeText: "Line one\nLine two", Tags: []string{"math", "engines", "poetry"}}
	got := p.Rows[0]
	if fmt.Sprint(got.Input) != fmt.Sprint(want) || got.Notes != "met at a meetup" || got.Row != 2 || got.Action != ActionCreate {
		t.Errorf("row 2 = %+v\nwant input %+v", got, want)
	}
	for i, name := range []string{"Grace Hopper", "Turing", "Full Name Wins"} {
		if p.Rows[i+1].Input.Name != name {
			t.Errorf("row %d name = %q, want %q", p.Rows[i+1].Row, p.Rows[i+1].Input.Name, name)
		}
	}
}

func TestPlanRowErrors(t *testing.T) {
	manyTags := make([]string, model.MaxTags+1)
	for i := range manyTags {
		manyTags[i] = fmt.Sprintf("t%d", i)
	}
	tests := []struct {
		name    string
		row     []string
		field   string
		column  string
		message string
	}{
		{"no name at all", row(FieldEmail, "x@example.com"), FieldName, "Name", "Name is required"},
		{"name of spaces", row(FieldName, "   ", FieldFirstName, " ", FieldLastName, "\t"), FieldName, "Name", "required"},
		{"name too long", row(FieldName, strings.Repeat("n", 201)), FieldName, "Name", "limit is 200"},
		{"bad email", row(FieldName, "Ada", FieldEmail, "ada@"), FieldEmail, "Email", "not a valid email"},
		{"email with display name", row(FieldName, "Ada", FieldEmail, "Ada <ada@x.com>"), FieldEmail, "Email", "not a valid email"},
		{"phone with letters", row(FieldName, "Ada", FieldPhone, "call me"), FieldPhone, "Phone", "digits"},
		{"location too long", row(FieldName, "Ada", FieldLocation, strings.Repeat("l", 201)), FieldLocation, "Location", "limit is 200"},
		{"source too long", row(FieldName, "Ada", FieldSource, strings.Repeat("s", 201)), FieldSource, "Source", "limit is 200"},
		{"linkedin without scheme", row(FieldName, "Ada", FieldLinkedIn, "linkedin.com/in/ada"), FieldLinkedIn, "LinkedIn", "web address"},
		{"github javascript", row(FieldName, "Ada", FieldGitHub, "javascript:alert(1)"), FieldGitHub, "GitHub", "web address"},
		{"portfolio ftp", row(FieldName, "Ada", FieldPortfolio, "ftp://ada.dev"), FieldPortfolio, "Website", "web address"},
		{"too many tags", row(FieldName, "Ada", FieldTags, strings.Join(manyTags, ",")), FieldTags, "Tags", "At most 30 tags"},
		{"tag too long", row(FieldName, "Ada", FieldTags, strings.Repeat("t", 51)), FieldTags, "Tags", "longer than 50"},
		{"notes too long", row(FieldName, "Ada", FieldNotes, strings.Repeat("n", model.MaxNote+1)), FieldNotes, "Notes", "limit is 20000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Plan(table(stdHeaders, tc.row), GuessMapping(stdHeaders), Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := p.Rows[0]
			if r.Action != ActionError || p.Counts != (Counts{Rows: 1, Error: 1}) || len(r.Errors) != 1 {
				t.Fatalf("row = %+v, counts %+v", r, p.Counts)
			}
			e := r.Errors[0]
			if e.Row != 2 || e.Field != tc.field || e.Column != tc.column || !strings.Contains(e.Message, tc.message) {
				t.Errorf("error = %+v, want row 2, field %s, column %q, message containing %q", e, tc.field, tc.column, tc.message)
			}
			if s := e.String(); !strings.HasPrefix(s, fmt.Sprintf("row 2, column %q: ", tc.column)) {
				t.Errorf("String() = %q", s)
			}
		})
	}
}

func TestPlanNameErrorPointsAtFirstNameColumn(t *testing.T) {
	tb := table([]string{"Given name", "Surname", "Email"}, []string{"", "", "x@example.com"})
	p, err := Plan(tb, GuessMapping(tb.Headers), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e := p.Rows[0].Errors; len(e) != 1 || e[0].Column != "Given name" || e[0].Field != FieldName {
		t.Errorf("errors = %+v", e)
	}
}

func TestPlanDuplicates(t *testing.T) {
	headers := []string{"Name", "Email"}
	tb := Table{
		Headers: headers,
		Rows: [][]string{
			{"Ada", "ada@x.com"},        // on file
			{"Bob", "bob@x.com"},        // new
			{"Bob Again", "BOB@x.com"},  // same email as row 5, later → error
			{"Cat", ""},                 // no email: never a duplicate
			{"Cat", ""},                 // same name is fine
			{"Ada Again", " Ada@X.com"}, // on file and already in this file → error
		},
		RowNumbers: []int{4, 5, 9, 10, 11, 12},
	}
	existing := map[string]int64{"ada@x.com": 42}
	for _, tc := range []struct {
		policy string
		first  string
		counts Counts
	}{
		{"", ActionSkip, Counts{Rows: 6, Create: 3, Skip: 1, Error: 2, Import: 3}},
		{PolicySkip, ActionSkip, Counts{Rows: 6, Create: 3, Skip: 1, Error: 2, Import: 3}},
		{PolicyMerge, ActionMerge, Counts{Rows: 6, Create: 3, Merge: 1, Error: 2, Import: 4}},
	} {
		t.Run("policy "+tc.policy, func(t *testing.T) {
			p, err := Plan(tb, GuessMapping(headers), Options{DuplicatePolicy: tc.policy, ExistingEmails: existing})
			if err != nil {
				t.Fatal(err)
			}
			if p.Counts != tc.counts {
				t.Errorf("counts = %+v, want %+v", p.Counts, tc.counts)
			}
			actions := []string{}
			for _, r := range p.Rows {
				actions = append(actions, r.Action)
			}
			want := []string{tc.first, ActionCreate, ActionError, ActionCreate, ActionCreate, ActionError}
			if !slices.Equal(actions, want) {
				t.Errorf("actions = %v, want %v", actions, want)
			}
			if p.Rows[0].ExistingID != 42 {
				t.Errorf("existing id = %d", p.Rows[0].ExistingID)
			}
			errs := p.Errors()
			if len(errs) != 2 {
				t.Fatalf("errors = %+v", errs)
			}
			if got := errs[0].String(); got != `row 9, column "Email": email bob@x.com already appears on row 5` {
				t.Errorf("duplicate error = %q", got)
			}
			if got := errs[1].String(); got != `row 12, column "Email": email ada@x.com already appears on row 4` {
				t.Errorf("duplicate error = %q", got)
			}
		})
	}
}

func TestPlanMappingErrors(t *testing.T) {
	headers := []string{"Name", "Email", "Notes"}
	tb := table(headers, []string{"Ada", "ada@x.com", ""})
	tests := []struct {
		name     string
		m        Mapping
		opts     Options
		fields   []string // every problem's path, in order
		mentions []string
	}{
		{"no name column", Mapping{FieldEmail: 1}, Options{}, []string{"mapping.name"}, []string{"name", `"Name", "Email", "Notes"`}},
		{"name unmapped explicitly", Mapping{FieldName: -1, FieldFirstName: -1, FieldLastName: -1, FieldEmail: 1}, Options{},
			[]string{"mapping.name"}, []string{"name"}},
		{"unknown field", Mapping{FieldName: 0, "salary": 2}, Options{}, []string{"mapping"}, []string{`"salary"`}},
		{"column out of range", Mapping{FieldName: 0, FieldEmail: 3}, Options{}, []string{"mapping.email"},
			[]string{"email is mapped to column 4", "3 columns"}},
		{"field named in words", Mapping{FieldFirstName: 0, FieldLastName: 5}, Options{}, []string{"mapping.last_name"},
			[]string{"last name is mapped to column 6"}},
		{"negative column", Mapping{FieldName: -7}, Options{}, []string{"mapping.name", "mapping.name"}, []string{"name"}},
		{"one column twice", Mapping{FieldName: 0, FieldFirstName: 1, FieldNotes: 1}, Options{}, []string{"mapping.first_name", "mapping.notes"},
			[]string{`column "Email" is mapped to both first name and notes`}},
		{"unknown policy", GuessMapping(headers), Options{DuplicatePolicy: "overwrite"}, []string{"duplicates"}, []string{"overwrite"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Plan(tb, tc.m, tc.opts)
			var ve *model.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a validation error on %q", err, tc.fields)
			}
			var fields []string
			for _, f := range ve.Fields {
				fields = append(fields, f.Field)
				if strings.Contains(f.Message, "_") && f.Field != "mapping" {
					t.Errorf("%s: %q spells a field name as code", f.Field, f.Message)
				}
			}
			if !slices.Equal(fields, tc.fields) {
				t.Errorf("fields = %q, want %q (%v)", fields, tc.fields, err)
			}
			for _, m := range tc.mentions {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("%q does not mention %q", err, m)
				}
			}
		})
	}
	// A partial mapping is completed with -1 in the preview.
	p, err := Plan(tb, Mapping{FieldName: 0}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Mapping) != len(Fields) || p.Mapping[FieldEmail] != -1 || p.Rows[0].Input.Email != "" {
		t.Errorf("mapping %v, input %+v", p.Mapping, p.Rows[0].Input)
	}
}

func TestPlanFromFiles(t *testing.T) {
	for _, tc := range []struct {
		file  string
		names []string
	}{
		{"bom.csv", []string{"Ada Lovelace", `Grace "Amazing" Hopper`, "Alan Turing"}},
		{"semicolon.csv", []string{"José García", "Marie Curie"}},
		{"latin1.csv", []string{"José Peña"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			tb := readTestdata(t, tc.file)
			p, err := Plan(tb, GuessMapping(tb.Headers), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Counts.Create != len(tc.names) || p.Counts.Error != 0 {
				t.Fatalf("counts %+v, errors %v", p.Counts, p.Errors())
			}
			var names []string
			for _, r := range p.Rows {
				names = append(names, r.Input.Name)
			}
			if !slices.Equal(names, tc.names) {
				t.Errorf("names = %q, want %q", names, tc.names)
			}
		})
	}
	tb := readTestdata(t, "bom.csv")
	p, _ := Plan(tb, GuessMapping(tb.Headers), Options{})
	if tags := p.Rows[1].Input.Tags; !slices.Equal(tags, []string{"navy", "cobol"}) {
		t.Errorf("tags = %q", tags)
	}
	if p.Rows[1].Row != 4 || p.Rows[1].Input.ResumeText != "Compilers\nand COBOL" {
		t.Errorf("row = %+v", p.Rows[1])
	}
}

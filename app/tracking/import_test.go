// Tests candidate imports: creating candidates, all-or-nothing and valid-only commits,
// skipping or merging duplicates, rollback on failure, and mapping and sheet choice.

package tracking_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hirebench/app/importer"
	"hirebench/app/model"
	"hirebench/app/tracking"
)

const importCSV = "Full Name,E-mail,Phone,Source,Tags,Resume,Notes\n" +
	"Ada Lovelace,ada@example.com,+44 20 7946 0000,Referral,\"math, engines\",Wrote about the analytical engine and quaternionic notes,Met at the meetup\n" +
	"Grace Hopper,grace@example.com,,LinkedIn,navy|cobol,Compilers,\n" +
	"Alan Turing,alan@example.com,,,,,\n"

func (e *env) preview(t *testing.T, csv string, opts importer.Options) importer.Preview {
	t.Helper()
	p, _, err := e.svc.PreviewImport(e.ctx, "people.csv", []byte(csv), nil, opts)
	if err != nil {
		t.Fatalf("PreviewImport: %v", err)
	}
	return p
}

func byEmail(t *testing.T, e *env, email string) model.CandidateDetail {
	t.Helper()
	c, err := e.svc.FindByEmail(e.ctx, email)
	if err != nil {
		t.Fatalf("FindByEmail(%s): %v", email, err)
	}
	return e.detail(t, c.ID)
}

func TestImportCreatesCandidates(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	p := e.preview(t, importCSV, importer.Options{})
	if p.Counts != (importer.Counts{Rows: 3, Create: 3, Import: 3}) {
		t.Fatalf("counts = %+v, errors %v", p.Counts, p.Errors())
	}
	if e.count(t) != 0 {
		t.Fatal("a preview saved candidates")
	}
	res, err := e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 3 || res.Applications != 3 || res.Notes != 1 || len(res.CreatedIDs) != 3 || res.Skipped != 0 {
		t.Errorf("result = %+v", res)
	}
	d := byEmail(t, e, "ada@example.com")
	c := d.Candidate
	if c.Name != "Ada Lovelace" || c.Phone != "+44 20 7946 0000" || c.Source != "Referral" || !slices.Equal(c.Tags, []string{"math", "engines"}) {
		t.Errorf("ada = %+v", c)
	}
	if len(d.Applications) != 1 || d.Applications[0].RoleID != r.ID || d.Applications[0].StageName != "Applied" {
		t.Errorf("applications = %+v", d.Applications)
	}
	if len(d.Notes) != 1 || d.Notes[0].Body != "Met at the meetup" || d.Notes[0].AuthorName != e.actor.Name {
		t.Errorf("notes = %+v", d.Notes)
	}
	if len(d.History) != 1 || d.History[0].ActorName != e.actor.Name {
		t.Errorf("history = %+v", d.History)
	}
	if got := e.search(t, "quaternionic"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("search for imported resume text = %v, want [%d]", got, c.ID)
	}
	if got := e.search(t, "meetup"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("search for imported note = %v, want [%d]", got, c.ID)
	}
	if b, _ := e.svc.Board(e.ctx, r.ID, nil); len(b.Columns[0].Cards) != 3 {
		t.Errorf("board's first column has %d cards", len(b.Columns[0].Cards))
	}
}

const csvWithErrors = "Name,Email,LinkedIn\n" +
	"Ada Lovelace,ada@example.com,\n" +
	"Bad Email,not-an-email,\n" +
	",nameless@example.com,\n" +
	"Grace Hopper,grace@example.com,linkedin.com/in/grace\n" +
	"Alan Turing,alan@example.com,https://linkedin.com/in/alan\n"

func TestImportAllOrNothing(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	p := e.preview(t, csvWithErrors, importer.Options{})
	if p.Counts != (importer.Counts{Rows: 5, Create: 2, Error: 3, Import: 2}) {
		t.Fatalf("counts = %+v", p.Counts)
	}
	_, err := e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	var fields []string
	for _, f := range ve.Fields {
		fields = append(fields, f.Field)
	}
	if want := []string{"row 3 · Email", "row 4 · Name", "row 5 · LinkedIn"}; !slices.Equal(fields, want) {
		t.Errorf("fields = %q, want %q (%v)", fields, want, err)
	}
	if !strings.Contains(err.Error(), `"not-an-email" is not a valid email address`) {
		t.Errorf("error = %v", err)
	}
	if n := e.count(t); n != 0 {
		t.Errorf("%d candidates saved by a refused import", n)
	}
}

func TestImportValidOnly(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	p := e.preview(t, csvWithErrors, importer.Options{})
	res, err := e.svc.CommitImport(e.ctx, p, r.ID, true, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	// Rows with errors are left out, not skipped: the result counts what the preview counted.
	if res.Imported != p.Counts.Import || res.Created != 2 || res.Invalid != 3 || res.Skipped != 0 ||
		!slices.Equal(res.InvalidRows, []int{3, 4, 5}) {
		t.Errorf("result = %+v", res)
	}
	page, err := e.svc.List(e.ctx, model.CandidateFilter{Sort: "name"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, row := range page.Rows {
		names = append(names, row.Name)
	}
	if !slices.Equal(names, []string{"Ada Lovelace", "Alan Turing"}) {
		t.Errorf("saved %q", names)
	}
}

func TestImportDuplicatesSkipOrMerge(t *testing.T) {
	e := newEnv(t)
	backend := e.role(t, "Backend Engineer")
	other := e.role(t, "Designer")
	ada := e.candidate(t, model.CandidateInput{Name: "Ada King", Email: "ada@example.com", Source: "Website", Tags: []string{"go"}}, other.ID)
	csv := "Name,Email,Phone,Source,Tags,GitHub,Notes\n" +
		"Ada Lovelace,ADA@example.com,+44 1,Referral,\"math, GO\",https://github.com/ada,Prefers email\n" +
		"Grace Hopper,grace@example.com,,,,,\n"

	// Skip leaves Ada alone entirely.
	p := e.preview(t, csv, importer.Options{DuplicatePolicy: importer.PolicySkip})
	if p.Counts != (importer.Counts{Rows: 2, Create: 1, Skip: 1, Import: 1}) || p.Rows[0].ExistingID != ada.ID {
		t.Fatalf("skip preview = %+v", p)
	}
	res, err := e.svc.CommitImport(e.ctx, p, backend.ID, false, e.actor)
	if err != nil || res.Created != 1 || res.Skipped != 1 || res.Merged != 0 {
		t.Fatalf("skip: %+v, %v", res, err)
	}
	d := e.detail(t, ada.ID)
	if d.Candidate.Phone != "" || len(d.Applications) != 1 || len(d.Notes) != 0 || !slices.Equal(d.Candidate.Tags, []string{"go"}) {
		t.Errorf("skip changed ada: %+v", d)
	}

	// Merge fills her empty fields, keeps the others, adds tags, the
	// application and the note. Grace, imported above, is merged too, with
	// nothing to add: she has applied already.
	p = e.preview(t, csv, importer.Options{DuplicatePolicy: importer.PolicyMerge})
	if p.Counts != (importer.Counts{Rows: 2, Merge: 2, Import: 2}) {
		t.Fatalf("merge preview counts = %+v", p.Counts)
	}
	res, err = e.svc.CommitImport(e.ctx, p, backend.ID, false, e.actor)
	if err != nil || res.Merged != 2 || res.Created != 0 || res.Skipped != 0 || res.Applications != 1 || res.Notes != 1 ||
		res.MergedIDs[0] != ada.ID {
		t.Fatalf("merge: %+v, %v", res, err)
	}
	d = e.detail(t, ada.ID)
	c := d.Candidate
	if c.Name != "Ada King" || c.Source != "Website" || c.Phone != "+44 1" || c.GitHub != "https://github.com/ada" ||
		!slices.Equal(c.Tags, []string{"go", "math"}) {
		t.Errorf("merged ada = %+v", c)
	}
	if len(d.Applications) != 2 || len(d.Notes) != 1 || d.Notes[0].Body != "Prefers email" {
		t.Errorf("merged ada: applications %+v, notes %+v", d.Applications, d.Notes)
	}
	// Merging again adds no second application, only the note again.
	p = e.preview(t, csv, importer.Options{DuplicatePolicy: importer.PolicyMerge})
	res, err = e.svc.CommitImport(e.ctx, p, backend.ID, false, e.actor)
	if err != nil || res.Applications != 0 || res.Merged != 2 {
		t.Fatalf("second merge: %+v, %v", res, err)
	}
	if d := e.detail(t, ada.ID); len(d.Applications) != 2 {
		t.Errorf("second merge: applications %+v", d.Applications)
	}
	if n := e.count(t); n != 2 {
		t.Errorf("%d candidates, want 2", n)
	}
}

func TestImportSkipIsIdempotent(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	if _, err := e.svc.CommitImport(e.ctx, e.preview(t, importCSV, importer.Options{}), r.ID, false, e.actor); err != nil {
		t.Fatal(err)
	}
	before := e.count(t)
	p := e.preview(t, importCSV, importer.Options{})
	if p.Counts != (importer.Counts{Rows: 3, Skip: 3}) {
		t.Fatalf("second preview counts = %+v", p.Counts)
	}
	res, err := e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
	if err != nil || res.Created != 0 || res.Skipped != 3 || res.Applications != 0 || res.Notes != 0 {
		t.Fatalf("second import: %+v, %v", res, err)
	}
	if after := e.count(t); after != before {
		t.Errorf("second import with skip: %d → %d candidates", before, after)
	}
	if d := byEmail(t, e, "ada@example.com"); len(d.Notes) != 1 || len(d.Applications) != 1 {
		t.Errorf("second import touched ada: %+v", d)
	}
}

// Anything that goes wrong while saving rolls back the whole import.
func TestImportCommitFailuresSaveNothing(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")

	t.Run("unknown role", func(t *testing.T) {
		_, err := e.svc.CommitImport(e.ctx, e.preview(t, importCSV, importer.Options{}), r.ID+99, false, e.actor)
		wantField(t, err, "roleId")
	})
	t.Run("email taken after the preview", func(t *testing.T) {
		p := e.preview(t, importCSV, importer.Options{})
		grace := e.candidate(t, model.CandidateInput{Name: "Grace B. Hopper", Email: "grace@example.com"})
		_, err := e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
		wantField(t, err, "row 3 · email")
		if n := e.count(t); n != 1 {
			t.Errorf("%d candidates: the rows before the clash were kept", n)
		}
		if _, err := e.svc.SetArchived(e.ctx, grace.ID, true, e.actor); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("edited preview", func(t *testing.T) {
		p := e.preview(t, "Name,Email\nAda,ada@example.com\nBob,bob@example.com\n", importer.Options{})
		p.Rows[1].Input.Email = "not an email"
		p.Rows[0].Notes = strings.Repeat("n", model.MaxNote+1)
		_, err := e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
		wantField(t, err, "row 2 · notes")
		wantField(t, err, "row 3 · email")
		p.Rows[0].Action = "overwrite"
		_, err = e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
		wantField(t, err, "row 2")
	})
	t.Run("merge beyond the tag limit", func(t *testing.T) {
		tags := make([]string, model.MaxTags)
		for i := range tags {
			tags[i] = fmt.Sprintf("old-%d", i)
		}
		e.candidate(t, model.CandidateInput{Name: "Tagged", Email: "tagged@example.com", Tags: tags})
		p := e.preview(t, "Name,Email,Tags\nNew Person,new@example.com,\nTagged,tagged@example.com,one-more\n",
			importer.Options{DuplicatePolicy: importer.PolicyMerge})
		_, err := e.svc.CommitImport(e.ctx, p, r.ID, false, e.actor)
		wantField(t, err, "row 3 · tags")
		if _, err := e.svc.FindByEmail(e.ctx, "new@example.com"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("row 2 was saved although row 3 failed: %v", err)
		}
	})
}

func TestPreviewImportMappingAndSheets(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	f := excelize.NewFile()
	if _, err := f.NewSheet("People"); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{{"Who", "Contact"}, {"Ada Lovelace", "ada@example.com"}} {
		if err := f.SetSheetRow("People", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()

	// The first sheet is empty: no header.
	_, _, err = e.svc.PreviewImport(e.ctx, "x.xlsx", buf.Bytes(), nil, importer.Options{})
	wantField(t, err, "file")
	// Unrecognised headers: the mapping is refused but the table comes back for the form.
	_, tb, err := e.svc.PreviewImport(e.ctx, "x.xlsx", buf.Bytes(), nil, importer.Options{Sheet: "People"})
	wantField(t, err, importer.MappingPath(importer.FieldName))
	if !slices.Equal(tb.Headers, []string{"Who", "Contact"}) || !slices.Equal(tb.Sheets, []string{"Sheet1", "People"}) {
		t.Errorf("table = %+v", tb)
	}
	m := importer.Mapping{importer.FieldName: 0, importer.FieldEmail: 1}
	p, _, err := e.svc.PreviewImport(e.ctx, "x.xlsx", buf.Bytes(), &m, importer.Options{Sheet: "People"})
	if err != nil || p.Counts.Create != 1 {
		t.Fatalf("preview = %+v, %v", p, err)
	}
	// The command line is a valid actor (no profile id).
	res, err := e.svc.CommitImport(e.ctx, p, r.ID, false, tracking.CommandLine)
	if err != nil || res.Created != 1 {
		t.Fatalf("commit = %+v, %v", res, err)
	}
	if d := byEmail(t, e, "ada@example.com"); len(d.History) != 1 || d.History[0].ActorName != tracking.CommandLine.Name {
		t.Errorf("history = %+v", d.History)
	}
}

// Tests the candidate service: validation and normalising, duplicate emails, patches,
// archiving, notes, attachments and their text, and refusing huge search queries.

package tracking_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
)

func TestCreateCandidateValidation(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	manyTags := make([]string, model.MaxTags+1)
	for i := range manyTags {
		manyTags[i] = fmt.Sprintf("skill-%d", i)
	}
	tests := []struct {
		name  string
		in    model.CandidateInput
		roles []int64
		field string
	}{
		{"empty name", model.CandidateInput{Name: ""}, nil, "name"},
		{"blank name", model.CandidateInput{Name: " \t\n "}, nil, "name"},
		{"name of control characters", model.CandidateInput{Name: "\x00\x07"}, nil, "name"},
		{"name 201 characters", model.CandidateInput{Name: strings.Repeat("n", 201)}, nil, "name"},
		{"email a@b", model.CandidateInput{Name: "Ada", Email: "a@b"}, nil, "email"},
		{"email x", model.CandidateInput{Name: "Ada", Email: "x"}, nil, "email"},
		{"email with a space", model.CandidateInput{Name: "Ada", Email: "a b@c.com"}, nil, "email"},
		{"email with display name", model.CandidateInput{Name: "Ada", Email: "Ada <ada@example.com>"}, nil, "email"},
		{"linkedIn ftp", model.CandidateInput{Name: "Ada", LinkedIn: "ftp://x"}, nil, "linkedIn"},
		{"linkedIn javascript", model.CandidateInput{Name: "Ada", LinkedIn: "javascript:alert(1)"}, nil, "linkedIn"},
		{"gitHub without scheme", model.CandidateInput{Name: "Ada", GitHub: "github.com/ada"}, nil, "gitHub"},
		{"portfolio javascript", model.CandidateInput{Name: "Ada", Portfolio: "javascript:alert(1)"}, nil, "portfolio"},
		{"phone with letters", model.CandidateInput{Name: "Ada", Phone: "555-CALL-ADA"}, nil, "phone"},
		{"31 tags", model.CandidateInput{Name: "Ada", Tags: manyTags}, nil, "tags"},
		{"tag too long", model.CandidateInput{Name: "Ada", Tags: []string{strings.Repeat("t", 51)}}, nil, "tags"},
		{"unknown role", model.CandidateInput{Name: "Ada", Email: "ada@example.com"}, []int64{r.ID + 99}, "roleId"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.count(t)
			_, err := e.svc.CreateCandidate(e.ctx, tc.in, tc.roles, e.actor)
			wantField(t, err, tc.field)
			if after := e.count(t); after != before {
				t.Errorf("candidate count %d -> %d: a refused candidate was saved", before, after)
			}
		})
	}
	if b, _ := e.svc.Board(e.ctx, r.ID, nil); len(b.Columns[0].Cards) != 0 {
		t.Errorf("refused candidates appear on the board: %+v", b.Columns[0].Cards)
	}
}

func TestCreateCandidateNormalizesAndSaves(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	// 30 tags after de-duplication are fine even if 31 were typed.
	tags := []string{"Go", "go "}
	for i := range model.MaxTags - 1 {
		tags = append(tags, fmt.Sprintf("t%d", i))
	}
	c := e.candidate(t, model.CandidateInput{
		Name: "  Ada   Lovelace ", Email: " Ada@Example.COM ", Phone: "+44 20 7946 0000",
		LinkedIn: "https://linkedin.com/in/ada", Tags: tags,
	}, r.ID, r.ID)
	got, err := e.store.GetCandidate(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Ada Lovelace" || got.Email != "ada@example.com" || len(got.Tags) != model.MaxTags || got.Tags[0] != "go" {
		t.Errorf("saved candidate = %+v", got)
	}
	// Listing the same role twice applies once.
	if apps := e.detail(t, c.ID).Applications; len(apps) != 1 || apps[0].StageName != r.Stages[0].Name {
		t.Errorf("applications = %+v, want one at %q", apps, r.Stages[0].Name)
	}
	// A name of 200 accented characters fits both the validator and the database.
	long := e.candidate(t, model.CandidateInput{Name: strings.Repeat("é", model.MaxName)})
	if got, _ := e.store.GetCandidate(e.ctx, long.ID); got.Name != strings.Repeat("é", model.MaxName) {
		t.Errorf("200-character name was not stored intact")
	}
}

func TestDuplicateEmail(t *testing.T) {
	e := newEnv(t)
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"})
	for _, email := range []string{"ada@example.com", "ADA@example.com", "  Ada@Example.Com\t"} {
		t.Run(email, func(t *testing.T) {
			before := e.count(t)
			_, err := e.svc.CreateCandidate(e.ctx, model.CandidateInput{Name: "Someone Else", Email: email}, nil, e.actor)
			var dup *model.DuplicateEmailError
			if !errors.As(err, &dup) {
				t.Fatalf("err = %v (%T), want *model.DuplicateEmailError", err, err)
			}
			if dup.ExistingID != ada.ID || dup.ExistingName != "Ada Lovelace" || dup.Email != "ada@example.com" {
				t.Errorf("duplicate = %+v, want existing %d Ada Lovelace", dup, ada.ID)
			}
			if e.count(t) != before {
				t.Error("a duplicate was saved")
			}
		})
	}
	// Changing another candidate's email onto Ada's is refused the same way.
	bob := e.candidate(t, model.CandidateInput{Name: "Bob", Email: "bob@example.com"})
	_, err := e.svc.UpdateCandidate(e.ctx, bob.ID, model.CandidatePatch{Email: ptr(" ADA@EXAMPLE.COM")}, e.actor)
	var dup *model.DuplicateEmailError
	if !errors.As(err, &dup) || dup.ExistingID != ada.ID {
		t.Fatalf("update onto a taken email: err = %v", err)
	}
	// Two candidates without email are not duplicates.
	e.candidate(t, model.CandidateInput{Name: "No Mail 1"})
	e.candidate(t, model.CandidateInput{Name: "No Mail 2", Email: "   "})
}

func TestFindByEmail(t *testing.T) {
	e := newEnv(t)
	ada := e.candidate(t, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"})
	e.candidate(t, model.CandidateInput{Name: "No Mail"})
	for _, q := range []string{"ada@example.com", " ADA@Example.com "} {
		got, err := e.svc.FindByEmail(e.ctx, q)
		if err != nil || got.ID != ada.ID {
			t.Errorf("FindByEmail(%q) = %d, %v; want %d", q, got.ID, err, ada.ID)
		}
	}
	for _, q := range []string{"", "   ", "bob@example.com", "ada@example"} {
		if _, err := e.svc.FindByEmail(e.ctx, q); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("FindByEmail(%q) err = %v, want ErrNotFound", q, err)
		}
	}
}

func TestUpdateCandidatePatch(t *testing.T) {
	e := newEnv(t)
	orig := e.candidate(t, model.CandidateInput{
		Name: "Grace Hopper", Email: "grace@example.com", Phone: "+1 555 0100", Location: "Arlington",
		Source: "Referral", ResumeText: "COBOL", Tags: []string{"cobol", "navy"},
	})
	e.clock.Advance(time.Hour)

	tests := []struct {
		name  string
		patch model.CandidatePatch
		check func(t *testing.T, before, after model.Candidate)
		field string // expected validation failure, "" for success
	}{
		{"phone only", model.CandidatePatch{Phone: ptr(" +1 555 0199 ")}, func(t *testing.T, b, a model.Candidate) {
			b.Phone = "+1 555 0199"
			b.UpdatedAt = a.UpdatedAt
			b.Version, b.ChangedBy = 2, "Riley Chen" // counted, and Riley's
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("only phone should change:\n got %+v\nwant %+v", a, b)
			}
		}, ""},
		{"tags normalised", model.CandidatePatch{Tags: &[]string{"Compilers", "compilers", " NAVY "}}, func(t *testing.T, b, a model.Candidate) {
			if !slices.Equal(a.Tags, []string{"compilers", "navy"}) || a.Name != b.Name {
				t.Errorf("after tags patch: %+v", a)
			}
		}, ""},
		{"clear email", model.CandidatePatch{Email: ptr("")}, func(t *testing.T, b, a model.Candidate) {
			if a.Email != "" || a.Phone != b.Phone {
				t.Errorf("after clearing email: %+v", a)
			}
		}, ""},
		{"invalid email with valid name", model.CandidatePatch{Name: ptr("Rear Admiral Hopper"), Email: ptr("not-an-email")}, nil, "email"},
		{"empty name", model.CandidatePatch{Name: ptr("   ")}, nil, "name"},
		{"bad linkedIn", model.CandidatePatch{LinkedIn: ptr("javascript:alert(1)")}, nil, "linkedIn"},
		{"too many tags", model.CandidatePatch{Tags: func() *[]string {
			v := make([]string, 31)
			for i := range v {
				v[i] = fmt.Sprint("t", i)
			}
			return &v
		}()}, nil, "tags"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, err := e.store.GetCandidate(e.ctx, orig.ID)
			if err != nil {
				t.Fatal(err)
			}
			e.clock.Advance(time.Minute)
			after, err := e.svc.UpdateCandidate(e.ctx, orig.ID, tc.patch, e.actor)
			stored, gerr := e.store.GetCandidate(e.ctx, orig.ID)
			if gerr != nil {
				t.Fatal(gerr)
			}
			if tc.field != "" {
				wantField(t, err, tc.field)
				if fmt.Sprint(stored) != fmt.Sprint(before) {
					t.Errorf("a refused patch changed the record:\n before %+v\n after  %+v", before, stored)
				}
				return
			}
			if err != nil {
				t.Fatalf("UpdateCandidate: %v", err)
			}
			if fmt.Sprint(after) != fmt.Sprint(stored) {
				t.Errorf("returned %+v but stored %+v", after, stored)
			}
			if stored.UpdatedAt == before.UpdatedAt || stored.CreatedAt != before.CreatedAt {
				t.Errorf("timestamps: created %s -> %s, updated %s -> %s", before.CreatedAt, stored.CreatedAt, before.UpdatedAt, stored.UpdatedAt)
			}
			tc.check(t, before, stored)
		})
	}
	if _, err := e.svc.UpdateCandidate(e.ctx, orig.ID+999, model.CandidatePatch{Phone: ptr("1")}, e.actor); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("patching a missing candidate: err = %v, want ErrNotFound", err)
	}
}

func TestArchiveAndRestore(t *testing.T) {
	e := newEnv(t)
	r := e.role(t, "Backend Engineer")
	c := e.candidate(t, model.CandidateInput{Name: "Dennis Ritchie", Email: "dmr@example.com", ResumeText: "Created C."}, r.ID)
	other := e.candidate(t, model.CandidateInput{Name: "Ken Thompson"}, r.ID)

	archived, err := e.svc.SetArchived(e.ctx, c.ID, true, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if archived.ArchivedAt == "" {
		t.Error("ArchivedAt not set")
	}
	if _, _, ok := e.card(t, r.ID, c.ID); ok {
		t.Error("archived candidate still on the board")
	}
	if _, _, ok := e.card(t, r.ID, other.ID); !ok {
		t.Error("archiving one candidate hid another")
	}
	if got := e.roleNow(t, r.ID).Stages[0].Count; got != 1 {
		t.Errorf("first stage count = %d with one live candidate", got)
	}
	page, err := e.svc.List(e.ctx, model.CandidateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Rows) != 1 || page.Rows[0].ID != other.ID {
		t.Errorf("List shows %+v; archived candidates must be hidden", page.Rows)
	}
	if got := e.search(t, "ritchie"); len(got) != 0 {
		t.Errorf("search finds archived candidate: %v", got)
	}
	page, err = e.svc.List(e.ctx, model.CandidateFilter{IncludeArchived: true, Query: "ritchie"})
	if err != nil || len(page.Rows) != 1 || page.Rows[0].ArchivedAt == "" {
		t.Errorf("List with archived = %+v, %v", page.Rows, err)
	}
	d := e.detail(t, c.ID)
	if d.Candidate.Name != "Dennis Ritchie" || d.Candidate.ArchivedAt == "" || len(d.Applications) != 1 {
		t.Errorf("Detail of archived candidate = %+v", d)
	}
	// The email stays taken while archived: no second record for the same person.
	_, err = e.svc.CreateCandidate(e.ctx, model.CandidateInput{Name: "Dennis R", Email: "DMR@example.com"}, nil, e.actor)
	var dup *model.DuplicateEmailError
	if !errors.As(err, &dup) || dup.ExistingID != c.ID {
		t.Errorf("creating over an archived candidate's email: %v", err)
	}

	restored, err := e.svc.SetArchived(e.ctx, c.ID, false, e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if restored.ArchivedAt != "" {
		t.Error("ArchivedAt still set after restore")
	}
	if _, col, ok := e.card(t, r.ID, c.ID); !ok || col != r.Stages[0].Name {
		t.Errorf("restored candidate on board: %v in %q", ok, col)
	}
	if got := e.search(t, "ritchie"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("restored candidate search = %v", got)
	}
	if _, err := e.svc.SetArchived(e.ctx, c.ID+999, true, e.actor); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("archiving a missing candidate: err = %v", err)
	}
}

func TestAddNote(t *testing.T) {
	e := newEnv(t)
	sam, err := e.svc.CreateProfile(e.ctx, "Sam Okafor", false, false, model.Profile{})
	if err != nil {
		t.Fatal(err)
	}
	c := e.candidate(t, model.CandidateInput{Name: "Frances Allen"})
	t1 := e.clock.Advance(time.Hour)
	if _, err := e.svc.AddNote(e.ctx, c.ID, "  First impression: sharp.\r\n  ", e.actor); err != nil {
		t.Fatal(err)
	}
	t2 := e.clock.Advance(time.Hour)
	n2, err := e.svc.AddNote(e.ctx, c.ID, "Second round went well.", sam)
	if err != nil {
		t.Fatal(err)
	}
	if n2.AuthorName != "Sam Okafor" || n2.AuthorID != sam.ID || n2.CandidateID != c.ID {
		t.Errorf("returned note = %+v", n2)
	}
	notes := e.detail(t, c.ID).Notes
	if len(notes) != 2 {
		t.Fatalf("%d notes, want 2", len(notes))
	}
	want := []struct{ body, author, at string }{
		{"Second round went well.", "Sam Okafor", t2.Format(model.TimeLayout)},
		{"First impression: sharp.", "Riley Chen", t1.Format(model.TimeLayout)},
	}
	for i, w := range want {
		if notes[i].Body != w.body || notes[i].AuthorName != w.author || notes[i].CreatedAt != w.at {
			t.Errorf("note %d = %+v, want %+v (newest first)", i, notes[i], w)
		}
	}
	for _, body := range []string{"", " \n\t ", "\x00\x01"} {
		_, err := e.svc.AddNote(e.ctx, c.ID, body, e.actor)
		wantField(t, err, "body")
	}
	if _, err := e.svc.AddNote(e.ctx, c.ID+999, "orphan", e.actor); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("note on a missing candidate: err = %v", err)
	}
	if n := len(e.detail(t, c.ID).Notes); n != 2 {
		t.Errorf("%d notes after refused ones, want 2", n)
	}
	if got := e.search(t, "impression"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("note text not searchable: %v", got)
	}
}

func TestAttach(t *testing.T) {
	e := newEnv(t)
	// Typed resume text: each file keeps its own text (resume_fill_test.go
	// covers a candidate without).
	c := e.candidate(t, model.CandidateInput{Name: "Hedy Lamarr", ResumeText: "Actress."})
	bigPDF := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 1000)...)

	tests := []struct {
		name     string
		file     string
		data     []byte
		field    string // "" when accepted
		hasText  bool
		wantName string
	}{
		{"txt", "resume.txt", []byte("Frequency hopping spread spectrum inventor."), "", true, "resume.txt"},
		{"md", "notes.md", []byte("# Torpedo guidance"), "", true, "notes.md"},
		{"real pdf", "cv.pdf", bigPDF, "", false, "cv.pdf"},
		{"real docx", "cv.docx", []byte("PK\x03\x04rest-of-zip"), "", false, "cv.docx"},
		{"upper-case extension", "CV.PDF", bigPDF, "", false, "CV.PDF"},
		{"path stripped", "/home/user/Downloads/../secret/resume.txt", []byte("path test"), "", true, "resume.txt"},
		{"fake pdf", "cv.pdf", []byte("<html>not a pdf</html>"), "file", false, ""},
		{"fake docx", "cv.docx", []byte("plain text"), "file", false, ""},
		{"binary txt", "cv.txt", []byte("abc\x00def"), "file", false, ""},
		{"unsupported extension", "cv.exe", []byte("MZ\x90\x00"), "file", false, ""},
		{"no extension", "README", []byte("hello"), "file", false, ""},
		{"empty file", "empty.txt", []byte{}, "file", false, ""},
		{"no name", "   ", []byte("hello"), "file", false, ""},
		{"too big", "huge.txt", bytes.Repeat([]byte("a"), model.MaxAttachment+1), "file", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(e.detail(t, c.ID).Attachments)
			a, err := e.svc.Attach(e.ctx, c.ID, tc.file, tc.data, e.actor)
			if tc.field != "" {
				wantField(t, err, tc.field)
				if after := len(e.detail(t, c.ID).Attachments); after != before {
					t.Errorf("a refused file was stored")
				}
				return
			}
			if err != nil {
				t.Fatalf("Attach: %v", err)
			}
			if a.FileName != tc.wantName || a.HasText != tc.hasText || a.Size != int64(len(tc.data)) {
				t.Errorf("attachment = %+v", a)
			}
			meta, data, err := e.svc.Attachment(e.ctx, a.ID)
			if err != nil || !bytes.Equal(data, tc.data) || meta.ID != a.ID {
				t.Errorf("stored bytes differ or missing: %v", err)
			}
		})
	}
	if got := e.search(t, "frequency hopping"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("TXT text not searchable: %v", got)
	}
	if got := e.search(t, "torpedo"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("MD text not searchable: %v", got)
	}
	if _, err := e.svc.Attach(e.ctx, c.ID+999, "a.txt", []byte("x"), e.actor); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("attaching to a missing candidate: err = %v", err)
	}
}

func TestAttachTextEncodingsAndDelete(t *testing.T) {
	e := newEnv(t)
	c := e.candidate(t, model.CandidateInput{Name: "José Example", ResumeText: "Typed."})
	// Latin-1 (not valid UTF-8) and a UTF-8 byte-order mark are both read.
	latin1, err := e.svc.Attach(e.ctx, c.ID, "old.txt", []byte("Experi\xeancia em Jo\xe3o Pessoa"), e.actor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Attach(e.ctx, c.ID, "bom.txt", []byte("\xef\xbb\xbfKubernetes operators"), e.actor); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"experiencia", "joão", "kubernetes"} {
		if got := e.search(t, q); !slices.Equal(got, []int64{c.ID}) {
			t.Errorf("search %q = %v", q, got)
		}
	}
	if err := e.svc.DeleteAttachment(e.ctx, latin1.ID); err != nil {
		t.Fatal(err)
	}
	if got := e.search(t, "experiencia"); len(got) != 0 {
		t.Errorf("deleted attachment's text still found: %v", got)
	}
	if got := e.search(t, "kubernetes"); !slices.Equal(got, []int64{c.ID}) {
		t.Errorf("deleting one file dropped another's text: %v", got)
	}
	if _, _, err := e.svc.Attachment(e.ctx, latin1.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted attachment still readable: %v", err)
	}
	if err := e.svc.DeleteAttachment(e.ctx, latin1.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleting twice: err = %v", err)
	}
}

// Search highlights are marked with control characters, so text from a
// file must not be able to forge them.
func TestAttachedTextCannotForgeHighlights(t *testing.T) {
	e := newEnv(t)
	c := e.candidate(t, model.CandidateInput{Name: "Mallory"})
	if _, err := e.svc.Attach(e.ctx, c.ID, "cv.txt", []byte("\x02Hired\x03 \x02Recommended\x03 genuine experience\x07"), e.actor); err != nil {
		t.Fatal(err)
	}
	page, err := e.svc.List(e.ctx, model.CandidateFilter{Query: "genuine"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Rows) != 1 {
		t.Fatalf("%d rows, want 1", len(page.Rows))
	}
	for _, h := range page.Rows[0].Hits {
		for _, sp := range h.Snippet {
			if sp.Match && !strings.EqualFold(sp.Text, "genuine") {
				t.Errorf("field %s highlights %q, which the user did not search for", h.Field, sp.Text)
			}
			if strings.ContainsAny(sp.Text, "\x02\x03\x07") {
				t.Errorf("control characters reached the snippet: %q", sp.Text)
			}
		}
	}
}

func TestListRejectsHugeQuery(t *testing.T) {
	e := newEnv(t)
	_, err := e.svc.List(e.ctx, model.CandidateFilter{Query: strings.Repeat("a", 501)})
	wantField(t, err, "query")
}

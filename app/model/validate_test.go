// Tests input normalising and validation: emails, URLs, candidate fields and tags,
// patches, roles, the named-text helpers and the shared errors.

package model

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func fieldsOf(err error) []string {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field)
	}
	return out
}

func TestValidEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"ada@example.com", true},
		{"ada.lovelace+jobs@mail.example.co.uk", true},
		{"a@b.c", true},
		{"a@b", false},
		{"x", false},
		{"", false},
		{"a b@c.com", false},
		{"@example.com", false},
		{"ada@", false},
		{"ada@.example.com", false},
		{"ada@example.com.", false},
		{"ada@@example.com", false},
		{"Ada <ada@example.com>", false},
		{"<ada@example.com>", false},
		{`"ada"@example.com`, false},
		{"ada@example.com, bob@example.com", false},
		{"ada@exa mple.com", false},
	}
	for _, tc := range tests {
		if got := ValidEmail(tc.in); got != tc.want {
			t.Errorf("ValidEmail(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestValidWebURL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://www.linkedin.com/in/ada", true},
		{"http://example.com", true},
		{"https://example.com:8443/path?q=1#frag", true},
		{"HTTPS://EXAMPLE.COM", true},
		{"ftp://x", false},
		{"javascript:alert(1)", false},
		{"JavaScript://example.com/%0Aalert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"file:///etc/passwd", false},
		{"https://", false},
		{"http:///path-only", false},
		{"//example.com", false},
		{"www.example.com", false},
		{"example.com/ada", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := ValidWebURL(tc.in); got != tc.want {
			t.Errorf("ValidWebURL(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestCandidateNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   Candidate
		want Candidate
	}{
		{
			name: "whitespace trimmed and collapsed",
			in:   Candidate{CandidateInput: CandidateInput{Name: "  Ada \t  Lovelace \n", Location: " London ", Source: "\tReferral  ", Phone: " +44 20  7946 0000 "}},
			want: Candidate{CandidateInput: CandidateInput{Name: "Ada Lovelace", Location: "London", Source: "Referral", Phone: "+44 20 7946 0000", Tags: []string{}}},
		},
		{
			name: "email lower-cased and trimmed",
			in:   Candidate{CandidateInput: CandidateInput{Name: "Ada", Email: "  Ada.Lovelace@Example.COM "}},
			want: Candidate{CandidateInput: CandidateInput{Name: "Ada", Email: "ada.lovelace@example.com", Tags: []string{}}},
		},
		{
			name: "control characters removed",
			in:   Candidate{CandidateInput: CandidateInput{Name: "Ada\x00 Love\x07lace\x1b[31m", Email: "ada\x02@example.com\x03", GitHub: "https://github.com/ada\x7f"}},
			want: Candidate{CandidateInput: CandidateInput{Name: "Ada Lovelace[31m", Email: "ada@example.com", GitHub: "https://github.com/ada", Tags: []string{}}},
		},
		{
			name: "resume keeps lines and tabs, drops other controls",
			in:   Candidate{CandidateInput: CandidateInput{Name: "Ada", ResumeText: "\r\n  Line one\r\nLine\ttwo\x00\x02\x03\n\nLast  \n"}},
			want: Candidate{CandidateInput: CandidateInput{Name: "Ada", ResumeText: "Line one\nLine\ttwo\n\nLast", Tags: []string{}}},
		},
		{
			name: "tags normalised, de-duplicated, order kept",
			in:   Candidate{CandidateInput: CandidateInput{Name: "Ada", Tags: []string{" Go ", "python", "GO", "", "  ", "Machine   Learning", "machine learning", "p\x00ython"}}},
			want: Candidate{CandidateInput: CandidateInput{Name: "Ada", Tags: []string{"go", "python", "machine learning"}}},
		},
		{
			name: "nil tags become an empty list",
			in:   Candidate{CandidateInput: CandidateInput{Name: "Ada"}},
			want: Candidate{CandidateInput: CandidateInput{Name: "Ada", Tags: []string{}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in
			got.Normalize()
			if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", tc.want) {
				t.Errorf("Normalize:\n got %#v\nwant %#v", got, tc.want)
			}
			again := got
			again.Tags = slices.Clone(got.Tags)
			again.Normalize()
			if fmt.Sprintf("%#v", again) != fmt.Sprintf("%#v", got) {
				t.Errorf("Normalize is not idempotent: %#v then %#v", got, again)
			}
		})
	}
}

func TestNormalizeTags(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{nil, []string{}},
		{[]string{"A", "a", "A "}, []string{"a"}},
		{[]string{"b", "a", "B"}, []string{"b", "a"}},
		{[]string{"\t", "\n"}, []string{}},
		{[]string{"Function-Calling", "function-calling"}, []string{"function-calling"}},
		{[]string{"ÜBER", "über"}, []string{"über"}},
	}
	for _, tc := range tests {
		if got := NormalizeTags(tc.in); !slices.Equal(got, tc.want) || got == nil {
			t.Errorf("NormalizeTags(%q) = %#v, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCandidateValidate(t *testing.T) {
	valid := Candidate{CandidateInput: CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com", Phone: "+44 (20) 7946-0000 x12", LinkedIn: "https://www.linkedin.com/in/ada", GitHub: "https://github.com/ada", Portfolio: "http://ada.example", Tags: []string{"go", "python"}}}
	manyTags := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("tag%d", i)
		}
		return out
	}
	tests := []struct {
		name   string
		change func(c *Candidate)
		fields []string // nil: valid
	}{
		{"valid", func(c *Candidate) {}, nil},
		{"no email is fine", func(c *Candidate) { c.Email = "" }, nil},
		{"name exactly 200 characters", func(c *Candidate) { c.Name = strings.Repeat("é", MaxName) }, nil},
		{"30 tags", func(c *Candidate) { c.Tags = manyTags(MaxTags) }, nil},
		{"tag of 50 characters", func(c *Candidate) { c.Tags = []string{strings.Repeat("ü", MaxTag)} }, nil},
		{"empty name", func(c *Candidate) { c.Name = "" }, []string{"name"}},
		{"name 201 characters", func(c *Candidate) { c.Name = strings.Repeat("a", MaxName+1) }, []string{"name"}},
		{"email a@b", func(c *Candidate) { c.Email = "a@b" }, []string{"email"}},
		{"email x", func(c *Candidate) { c.Email = "x" }, []string{"email"}},
		{"email with space", func(c *Candidate) { c.Email = "a b@c.com" }, []string{"email"}},
		{"email too long", func(c *Candidate) { c.Email = strings.Repeat("a", 250) + "@example.com" }, []string{"email"}},
		{"phone with letters", func(c *Candidate) { c.Phone = "call me maybe" }, []string{"phone"}},
		{"phone too long", func(c *Candidate) { c.Phone = strings.Repeat("1", MaxPhone+1) }, []string{"phone"}},
		{"linkedIn ftp", func(c *Candidate) { c.LinkedIn = "ftp://x" }, []string{"linkedIn"}},
		{"linkedIn javascript", func(c *Candidate) { c.LinkedIn = "javascript:alert(1)" }, []string{"linkedIn"}},
		{"gitHub without scheme", func(c *Candidate) { c.GitHub = "github.com/ada" }, []string{"gitHub"}},
		{"portfolio too long", func(c *Candidate) { c.Portfolio = "https://example.com/" + strings.Repeat("a", MaxURL) }, []string{"portfolio"}},
		{"location too long", func(c *Candidate) { c.Location = strings.Repeat("x", MaxShortText+1) }, []string{"location"}},
		{"source too long", func(c *Candidate) { c.Source = strings.Repeat("x", MaxShortText+1) }, []string{"source"}},
		{"31 tags", func(c *Candidate) { c.Tags = manyTags(MaxTags + 1) }, []string{"tags"}},
		{"tag of 51 characters", func(c *Candidate) { c.Tags = []string{strings.Repeat("a", MaxTag+1)} }, []string{"tags"}},
		{"resume too long", func(c *Candidate) { c.ResumeText = strings.Repeat("a", MaxResumeText+1) }, []string{"resumeText"}},
		{"every problem reported at once", func(c *Candidate) {
			c.Name, c.Email, c.Phone, c.LinkedIn = "", "nope", "abc", "ftp://x"
		}, []string{"name", "email", "phone", "linkedIn"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := valid
			c.Tags = slices.Clone(valid.Tags)
			tc.change(&c)
			err := c.Validate()
			if tc.fields == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v (%T), want *ValidationError", err, err)
			}
			got := fieldsOf(err)
			for _, f := range tc.fields {
				if !slices.Contains(got, f) {
					t.Errorf("fields %v lack %q (%v)", got, f, err)
				}
			}
			for _, f := range got {
				if !slices.Contains(tc.fields, f) {
					t.Errorf("unexpected complaint about %q: %v", f, err)
				}
			}
		})
	}
}

func TestValidationMessagesStayShort(t *testing.T) {
	c := Candidate{CandidateInput: CandidateInput{Name: "Ada", Email: strings.Repeat("x", 10_000)}}
	err := c.Validate()
	if err == nil {
		t.Fatal("a 10,000-character non-address was accepted")
	}
	if len(err.Error()) > 300 {
		t.Errorf("message is %d bytes long; a huge bad value should be clipped", len(err.Error()))
	}
}

func TestCandidatePatchApply(t *testing.T) {
	base := Candidate{ID: 7, CreatedAt: "then", CandidateInput: CandidateInput{Name: "Ada", Email: "ada@example.com", Phone: "1", Tags: []string{"go"}}}
	phone, empty := "+44 1", ""
	tags := []string{"rust"}

	c := base
	CandidatePatch{Phone: &phone}.Apply(&c.CandidateInput)
	want := base
	want.Phone = phone
	if fmt.Sprint(c) != fmt.Sprint(want) {
		t.Errorf("phone patch: got %+v, want %+v", c, want)
	}

	c = base
	CandidatePatch{Email: &empty, Tags: &tags}.Apply(&c.CandidateInput)
	if c.Email != "" || !slices.Equal(c.Tags, tags) || c.Name != "Ada" || c.Phone != "1" || c.ID != 7 {
		t.Errorf("email-clear + tags patch: got %+v", c)
	}

	c = base
	CandidatePatch{}.Apply(&c.CandidateInput)
	if fmt.Sprint(c) != fmt.Sprint(base) {
		t.Errorf("empty patch changed %+v to %+v", base, c)
	}
}

func TestOneLineAndMultiLine(t *testing.T) {
	oneLine := []struct{ in, want string }{
		{"", ""},
		{"  a  b  ", "a b"},
		{"a\nb\r\nc\td", "a b c d"},
		{"a\x00b\x1fc\x7fd", "abcd"},
		{"a\u0085b", "ab"}, // C1 control
		{"Ünïcödé ok", "Ünïcödé ok"},
	}
	for _, tc := range oneLine {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	multiLine := []struct{ in, want string }{
		{"", ""},
		{"\n\n  text \n\n", "text"},
		{"a\r\nb", "a\nb"},
		{"a\rb", "a b"},
		{"col1\tcol2\nrow2", "col1\tcol2\nrow2"},
		{"bell\x07 and \x02marker\x03", "bell and marker"},
	}
	for _, tc := range multiLine {
		if got := MultiLine(tc.in); got != tc.want {
			t.Errorf("MultiLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRoleInput(t *testing.T) {
	tests := []struct {
		name   string
		in     RoleInput
		want   RoleInput
		fields []string
	}{
		{"defaults to open", RoleInput{Title: "  Senior   Engineer "}, RoleInput{Title: "Senior Engineer", Status: RoleOpen}, nil},
		{"on hold kept", RoleInput{Title: "X", Status: RoleOnHold}, RoleInput{Title: "X", Status: RoleOnHold}, nil},
		{"no title", RoleInput{Title: " \t "}, RoleInput{Status: RoleOpen}, []string{"title"}},
		{"bad status", RoleInput{Title: "X", Status: "paused"}, RoleInput{Title: "X", Status: "paused"}, []string{"status"}},
		{"long team", RoleInput{Title: "X", Team: strings.Repeat("t", MaxShortText+1)}, RoleInput{Title: "X", Team: strings.Repeat("t", MaxShortText+1), Status: RoleOpen}, []string{"team"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.Normalize()
			if in != tc.want {
				t.Errorf("Normalize = %+v, want %+v", in, tc.want)
			}
			got := fieldsOf(in.Validate())
			if !slices.Equal(got, tc.fields) {
				t.Errorf("Validate fields = %v, want %v", got, tc.fields)
			}
		})
	}
}

func TestNamedTextHelpers(t *testing.T) {
	tests := []struct {
		name  string
		fn    func(string) (string, error)
		in    string
		want  string
		field string // "" when valid
	}{
		{"stage ok", StageName, "  Phone   screen ", "Phone screen", ""},
		{"stage empty", StageName, " \n ", "", "name"},
		{"stage 60", StageName, strings.Repeat("s", MaxStageName), strings.Repeat("s", MaxStageName), ""},
		{"stage 61", StageName, strings.Repeat("s", MaxStageName+1), "", "name"},
		{"note keeps lines", NoteBody, "  first line\r\nsecond\x07 line  ", "first line\nsecond line", ""},
		{"note empty", NoteBody, "\n\t\n", "", "body"},
		{"note only controls", NoteBody, "\x00\x01\x02", "", "body"},
		{"note too long", NoteBody, strings.Repeat("n", MaxNote+1), "", "body"},
		{"profile ok", ProfileName, " Riley  Chen ", "Riley Chen", ""},
		{"profile empty", ProfileName, "", "", "name"},
		{"profile too long", ProfileName, strings.Repeat("p", MaxName+1), "", "name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.fn(tc.in)
			if tc.field == "" {
				if err != nil || got != tc.want {
					t.Errorf("= %q, %v; want %q, nil", got, err, tc.want)
				}
				return
			}
			if f := fieldsOf(err); !slices.Equal(f, []string{tc.field}) {
				t.Errorf("error %v names %v, want [%s]", err, f, tc.field)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	v := &ValidationError{}
	if v.Err() != nil {
		t.Fatal("an empty ValidationError must be a nil error, so `return v.Err()` works")
	}
	v.Add("name", "is %s", "required")
	v.Add("email", "bad")
	if err := v.Err(); err == nil || err.Error() != "name: Is required; email: Bad" {
		t.Errorf("Err() = %v", err)
	}
	dup := error(&DuplicateEmailError{Email: "a@b.co", ExistingID: 3, ExistingName: "Ada"})
	if !errors.Is(dup, ErrConflict) || errors.Is(dup, ErrNotFound) {
		t.Error("DuplicateEmailError should be a conflict and only that")
	}
	if !errors.Is(fmt.Errorf("wrapped: %w", dup), ErrConflict) {
		t.Error("a wrapped duplicate should still be a conflict")
	}
	if !strings.Contains(dup.Error(), "a@b.co") {
		t.Errorf("message %q does not name the email", dup.Error())
	}
}

func TestFillEmptyKeepsWhatIsFilledIn(t *testing.T) {
	on := CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com", Phone: "+44 1", Tags: []string{"go"}}
	row := CandidateInput{Name: "A. Lovelace", Email: "ADA@example.com", Phone: "+44 2", Location: "London",
		GitHub: "https://github.com/ada", Tags: []string{"Python", "go"}}
	if !on.FillEmpty(row) {
		t.Fatal("filling the location reported no change")
	}
	want := CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com", Phone: "+44 1", Location: "London",
		GitHub: "https://github.com/ada", Tags: []string{"go", "python"}}
	if !reflect.DeepEqual(on, want) {
		t.Errorf("merged:\n got %+v\nwant %+v", on, want)
	}
	if on.FillEmpty(CandidateInput{Name: "X", Phone: "+1", Tags: []string{"GO"}}) {
		t.Error("nothing new to fill, yet a change was reported")
	}
}

// Field limits and the normalising and validation of user input: candidates,
// roles, stage names, notes, profile names, emails, URLs and timestamps.

package model

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Field length limits, in characters. Generous for real data, small enough
// that a pasted binary or runaway script cannot bloat the workspace.
const (
	MaxName       = 200
	MaxEmail      = 254
	MaxPhone      = 50
	MaxShortText  = 200
	MaxURL        = 500
	MaxTag        = 50
	MaxTags       = 30
	MaxNote       = 20_000
	MaxResumeText = 1_000_000
	MaxAttachment = 20 << 20
	MaxStageName  = 60
	MaxStages     = 30
	MaxReason     = 100
)

// CandidateInput is a candidate's own fields: the one list of them, which
// the candidate, its create form, bundles and imports all use.
type CandidateInput struct {
	Name       string   `json:"name"`
	Email      string   `json:"email"`
	Phone      string   `json:"phone"`
	Location   string   `json:"location"`
	LinkedIn   string   `json:"linkedIn"`
	GitHub     string   `json:"gitHub"`
	Portfolio  string   `json:"portfolio"`
	Source     string   `json:"source"`
	ResumeText string   `json:"resumeText"`
	Tags       []string `json:"tags"`
}

// CandidateField is one of a candidate's text fields, for code that treats
// them all alike (normalising, merging, comparing).
type CandidateField struct {
	Key   string // its JSON name, as errors name fields
	Label string // how a sentence names it
	Value *string
}

// TextFields lists the candidate's text fields in the form's order; tags
// are a list and stay apart.
func (c *CandidateInput) TextFields() []CandidateField {
	return []CandidateField{
		{"name", "name", &c.Name}, {"email", "email", &c.Email}, {"phone", "phone", &c.Phone},
		{"location", "location", &c.Location}, {"linkedIn", "LinkedIn", &c.LinkedIn}, {"gitHub", "GitHub", &c.GitHub},
		{"portfolio", "portfolio", &c.Portfolio}, {"source", "source", &c.Source}, {"resumeText", "resume text", &c.ResumeText},
	}
}

// FillEmpty is how an import merges a row into a candidate already on
// file: every empty field takes the row's value, nothing filled in is
// overwritten (name and email identify the candidate and stay), and the
// row's tags are added after the candidate's. It reports whether anything
// changed.
func (c *CandidateInput) FillEmpty(from CandidateInput) bool {
	changed := false
	src := from.TextFields()
	for i, f := range c.TextFields() {
		if *f.Value == "" && *src[i].Value != "" && f.Key != "name" && f.Key != "email" {
			*f.Value = *src[i].Value
			changed = true
		}
	}
	tags := NormalizeTags(append(slices.Clone(c.Tags), from.Tags...))
	if !slices.Equal(tags, c.Tags) {
		c.Tags = tags
		changed = true
	}
	return changed
}

// CandidatePatch changes only the fields that are set; autosave sends one field at a time.
type CandidatePatch struct {
	Name       *string   `json:"name,omitempty"`
	Email      *string   `json:"email,omitempty"`
	Phone      *string   `json:"phone,omitempty"`
	Location   *string   `json:"location,omitempty"`
	LinkedIn   *string   `json:"linkedIn,omitempty"`
	GitHub     *string   `json:"gitHub,omitempty"`
	Portfolio  *string   `json:"portfolio,omitempty"`
	Source     *string   `json:"source,omitempty"`
	ResumeText *string   `json:"resumeText,omitempty"`
	Tags       *[]string `json:"tags,omitempty"`
	// Version is the candidate's version the edit was made from: another
	// change since refuses it (ChangedError). 0 edits whatever is stored
	// (the command line, imports).
	Version int64 `json:"version,omitempty"`
}

// Apply copies the set fields onto c.
func (p CandidatePatch) Apply(c *CandidateInput) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&c.Name, p.Name)
	set(&c.Email, p.Email)
	set(&c.Phone, p.Phone)
	set(&c.Location, p.Location)
	set(&c.LinkedIn, p.LinkedIn)
	set(&c.GitHub, p.GitHub)
	set(&c.Portfolio, p.Portfolio)
	set(&c.Source, p.Source)
	set(&c.ResumeText, p.ResumeText)
	if p.Tags != nil {
		c.Tags = *p.Tags
	}
}

// Normalize trims whitespace, lowercases the email and tidies tags.
func (c *CandidateInput) Normalize() {
	for _, f := range c.TextFields() {
		if f.Key == "resumeText" {
			*f.Value = MultiLine(*f.Value)
		} else {
			*f.Value = OneLine(*f.Value)
		}
	}
	c.Email = strings.ToLower(c.Email)
	c.Tags = NormalizeTags(c.Tags)
}

// NormalizeTags trims, lowercases and de-duplicates tags, keeping their order.
func NormalizeTags(tags []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.ToLower(OneLine(t))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// Validate checks a normalized candidate and reports every bad field.
func (c *CandidateInput) Validate() error {
	v := &ValidationError{}
	checkName(v, "name", "name", c.Name)
	checkLen(v, "name", c.Name, MaxName)
	if c.Email != "" {
		if !ValidEmail(c.Email) {
			v.Add("email", "%q is not a valid email address", clip(c.Email))
		}
		checkLen(v, "email", c.Email, MaxEmail)
	}
	checkLen(v, "phone", c.Phone, MaxPhone)
	if c.Phone != "" && strings.Trim(c.Phone, "+0123456789 ()-./x") != "" {
		v.Add("phone", "phone may contain only digits, spaces and + ( ) - . x")
	}
	checkLen(v, "location", c.Location, MaxShortText)
	checkLen(v, "source", c.Source, MaxShortText)
	for _, l := range []struct{ field, value string }{{"linkedIn", c.LinkedIn}, {"gitHub", c.GitHub}, {"portfolio", c.Portfolio}} {
		if l.value == "" {
			continue
		}
		if !ValidWebURL(l.value) {
			v.Add(l.field, "%q is not a web address (it must start with https:// or http://)", clip(l.value))
		}
		checkLen(v, l.field, l.value, MaxURL)
	}
	checkLen(v, "resumeText", c.ResumeText, MaxResumeText)
	if len(c.Tags) > MaxTags {
		v.Add("tags", "at most %d tags (got %d)", MaxTags, len(c.Tags))
	}
	for _, t := range c.Tags {
		if utf8.RuneCountInString(t) > MaxTag {
			v.Add("tags", "tag %q is longer than %d characters", clip(t), MaxTag)
		}
	}
	return v.Err()
}

// ValidEmail accepts a bare address with a dotted domain ("ada@example.com").
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// ValidWebURL accepts absolute http(s) URLs with a host.
func ValidWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func checkLen(v *ValidationError, field, value string, max int) {
	if n := utf8.RuneCountInString(value); n > max {
		v.Add(field, "is %d characters long; the limit is %d", n, max)
	}
}

// clip keeps error messages short when the bad value is huge.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "…"
}

// RoleInput is the role form.
type RoleInput struct {
	Title    string     `json:"title"`
	Team     string     `json:"team"`
	Location string     `json:"location"`
	Status   RoleStatus `json:"status"`
}

func (r *RoleInput) Normalize() {
	for _, f := range []*string{&r.Title, &r.Team, &r.Location} {
		*f = OneLine(*f)
	}
	if r.Status == "" {
		r.Status = RoleOpen
	}
}

func (r *RoleInput) Validate() error {
	v := &ValidationError{}
	checkName(v, "title", "title", r.Title)
	checkLen(v, "title", r.Title, MaxShortText)
	checkLen(v, "team", r.Team, MaxShortText)
	checkLen(v, "location", r.Location, MaxShortText)
	switch r.Status {
	case RoleOpen, RoleOnHold, RoleClosed:
	default:
		v.Add("status", "status must be open, on_hold or closed (got %q)", clip(string(r.Status)))
	}
	return v.Err()
}

// StageName tidies and checks a stage name.
func StageName(name string) (string, error) {
	name = OneLine(name)
	if v := (&ValidationError{}); !checkName(v, "name", "stage name", name) {
		return "", v
	}
	if n := utf8.RuneCountInString(name); n > MaxStageName {
		return "", Invalid("name", "stage name is %d characters long; the limit is %d", n, MaxStageName)
	}
	return name, nil
}

// NoteBody tidies and checks a note.
func NoteBody(body string) (string, error) {
	body = MultiLine(body)
	if body == "" {
		return "", Invalid("body", "note is empty")
	}
	if n := utf8.RuneCountInString(body); n > MaxNote {
		return "", Invalid("body", "note is %d characters long; the limit is %d", n, MaxNote)
	}
	return body, nil
}

// ProfileName tidies and checks a person's name.
func ProfileName(name string) (string, error) {
	name = OneLine(name)
	if v := (&ValidationError{}); !checkName(v, "name", "your name", name) {
		return "", v
	}
	if n := utf8.RuneCountInString(name); n > MaxName {
		return "", Invalid("name", "name is %d characters long; the limit is %d", n, MaxName)
	}
	return name, nil
}

// ParseTime accepts an RFC 3339 time (with or without fractional seconds)
// and returns it in the stored form: UTC, milliseconds.
func ParseTime(s string) (string, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return "", err
	}
	return t.UTC().Format(TimeLayout), nil
}

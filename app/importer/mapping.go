// Package importer reads candidate lists exported from other tools (CSV or
// XLSX), guesses which column holds which field, and plans an import: every
// row becomes a candidate to create, merge or skip, or an error naming the
// file's row and column. It is pure: no storage, no Wails. The tracking
// service supplies the emails already on file and commits the plan in one
// transaction.
package importer

import (
	"strings"
	"unicode"
)

// Target fields a column can be mapped to.
const (
	FieldName      = "name"
	FieldFirstName = "first_name"
	FieldLastName  = "last_name"
	FieldEmail     = "email"
	FieldPhone     = "phone"
	FieldLocation  = "location"
	FieldSource    = "source"
	FieldTags      = "tags"
	FieldResume    = "resume"
	FieldLinkedIn  = "linkedin"
	FieldGitHub    = "github"
	FieldPortfolio = "portfolio"
	FieldNotes     = "notes"
	// An ATS export's job and current stage: the role a row applies to and
	// the stage it is in (targets.go).
	FieldJob   = "job"
	FieldStage = "stage"
)

// Fields lists every target field, in the order a mapping form shows them.
var Fields = []string{
	FieldName, FieldFirstName, FieldLastName, FieldEmail, FieldPhone, FieldLocation, FieldSource,
	FieldTags, FieldResume, FieldLinkedIn, FieldGitHub, FieldPortfolio, FieldNotes, FieldJob, FieldStage,
}

// Mapping maps each target field to a column index of the table; -1 (or a
// missing key) means the field is not imported.
type Mapping map[string]int

// Col returns the column mapped to field, or -1.
func (m Mapping) Col(field string) int {
	if i, ok := m[field]; ok {
		return i
	}
	return -1
}

// synonyms lists, per field, header names as written by common ATS exports
// (Greenhouse, Lever, Workable, Ashby, BambooHR, spreadsheets made by hand),
// in normalized form: lowercase letters and digits only.
var synonyms = map[string][]string{
	FieldName: {"name", "fullname", "candidatename", "applicantname", "candidatefullname", "applicantfullname",
		"displayname", "contactname", "personname", "candidate", "applicant", "nom", "nombre"},
	FieldFirstName: {"firstname", "givenname", "forename", "first", "fname", "firstnames", "prenom", "prénom"},
	FieldLastName:  {"lastname", "surname", "familyname", "last", "lname", "nachname", "apellido"},
	FieldEmail: {"email", "emailaddress", "emails", "mail", "emailid", "primaryemail", "personalemail",
		"primaryemailaddress", "emailaddresses", "courriel"},
	FieldPhone: {"phone", "phonenumber", "phones", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone",
		"cellnumber", "telephone", "telephonenumber", "tel", "contactnumber", "primaryphone", "phonemobile"},
	FieldLocation: {"location", "city", "address", "currentlocation", "town", "citystate", "cityandstate",
		"citycountry", "cityandcountry", "locations", "residence", "basedin"},
	FieldSource: {"source", "sources", "origin", "candidatesource", "leadsource", "sourcetype", "sourcename",
		"channel", "sourcedfrom", "howdidyouhearaboutus"},
	FieldTags: {"tags", "tag", "labels", "label", "keywords", "candidatetags"},
	FieldResume: {"resume", "resumetext", "cv", "cvtext", "résumé", "résumétext", "resumecontent",
		"plaintextresume", "resumeplaintext", "parsedresume", "resumebody"},
	FieldLinkedIn: {"linkedin", "linkedinurl", "linkedinprofile", "linkedinprofileurl", "linkedinlink"},
	FieldGitHub:   {"github", "githuburl", "githubprofile", "githubprofileurl", "githublink"},
	FieldPortfolio: {"portfolio", "portfoliourl", "portfoliolink", "website", "websiteurl", "personalwebsite",
		"personalsite", "homepage", "blog", "url", "web"},
	FieldNotes: {"notes", "note", "comments", "comment", "remarks", "recruiternotes", "internalnotes"},
	FieldJob: {"job", "jobs", "jobtitle", "jobname", "requisition", "requisitions", "requisitiontitle", "requisitionname",
		"position", "positiontitle", "positionname", "jobposition", "posting", "postingtitle", "jobposting", "opening",
		"jobopening", "role", "appliedfor", "jobappliedfor", "positionappliedfor", "roleappliedfor"},
	FieldStage: {"stage", "status", "applicationstage", "applicationstatus", "pipelinestage", "interviewstage",
		"hiringstage", "stagename", "currentinterviewstage"},
}

// weak headers name a field only when no other column does: an export
// with "Status" (active, archived) and "Current Stage" means the stage.
var weak = map[string]bool{"status": true, "applicationstatus": true}

// prefixes are dropped from a header before a second look, so "Candidate
// Email" or "Applicant Phone Number" match too.
var prefixes = []string{"candidate", "applicant", "contact", "primary", "personal", "current"}

// normHeader keeps lowercase letters and digits: "E-mail Address" → "emailaddress".
func normHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var byHeader = func() map[string]string {
	m := map[string]string{}
	for f, names := range synonyms {
		for _, n := range names {
			m[n] = f
		}
	}
	return m
}()

// guessField returns the field a header names, or "", and whether the
// header is weak.
func guessField(header string) (string, bool) {
	h := normHeader(header)
	if f, ok := byHeader[h]; ok {
		return f, weak[h]
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(h, p); ok && rest != "" {
			// "Current Position" or "Candidate Job Title" is where the person
			// works now, not the job they applied to.
			if f, ok := byHeader[rest]; ok && f != FieldJob {
				return f, weak[rest]
			}
		}
	}
	return "", false
}

// GuessMapping maps each field to the first column whose header names it,
// ignoring case, spaces and punctuation (a weak header only when no other
// does). Every field is present; unmatched fields are -1.
func GuessMapping(headers []string) Mapping {
	m := Mapping{}
	for _, f := range Fields {
		m[f] = -1
	}
	for _, weakPass := range []bool{false, true} {
		for i, h := range headers {
			if f, w := guessField(h); f != "" && w == weakPass && m[f] == -1 {
				m[f] = i
			}
		}
	}
	return m
}

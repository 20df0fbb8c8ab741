package ai

import "hirebench/app/model"

// IdentityOf is what Redact takes out of a text about c: the one list of a
// candidate's identifying fields, for the AI calls and the blind screen.
func IdentityOf(c model.Candidate) Identity {
	return Identity{Name: c.Name, Email: c.Email, Phone: c.Phone, Location: c.Location,
		Links: []string{c.LinkedIn, c.GitHub, c.Portfolio}}
}

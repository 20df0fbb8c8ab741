// The Privacy bindings' rows of the error-mapping table (bindings_test.go), and
// the helper the privacy tests share.

package app

import (
	"testing"

	"hirebench/app/privacy"
)

// privacyOf is the Privacy facade over the bench's workspace and window.
func privacyOf(b *bench) *Privacy {
	return NewPrivacy(privacy.New(b.ws.store), b.ws, b.shell)
}

func privacyCases() []bindingCase {
	return []bindingCase{
		{method: "Privacy.Rights", input: "nobody signed in", code: "invalid", fields: "profile", says: "Choose who you are",
			call: func(t *testing.T, b *bench) error {
				b.ws.SignOut()
				defer b.ws.SwitchProfile(b.riley.ID, "")
				return errOf(privacyOf(b).Rights())
			}},
		{method: "Privacy.Erase", input: "an unknown action", code: "invalid", fields: "action", says: "Choose erase or anonymise",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).Erase(b.adaID, "shred")) }},
		{method: "Privacy.Erase", input: "a candidate that is gone", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).Erase(999999, "erase")) }},
		{method: "Privacy.ExportSubject", input: "a candidate that is gone", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).ExportSubject(999999)) }},
		{method: "Privacy.ExportSubject", input: "the workspace's own database as the file", code: "invalid", fields: "file", says: "own files",
			call: func(t *testing.T, b *bench) error {
				b.shell.savePth = b.ws.store.Path()
				defer func() { b.shell.savePth = "" }()
				return errOf(privacyOf(b).ExportSubject(b.adaID))
			}},
		{method: "Privacy.Retention", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).Retention()) }},
		{method: "Privacy.SetRetention", input: "a negative number of months", code: "invalid", fields: "months", says: "from 1 to 120",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).SetRetention(-3)) }},
		{method: "Privacy.ApplyRetention", input: "no candidates chosen", code: "invalid", fields: "candidates", says: "Choose the candidates",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).ApplyRetention(nil, "erase")) }},
		{method: "Privacy.ApplyRetention", input: "the policy off", code: "conflict", says: "retention policy is off",
			call: func(t *testing.T, b *bench) error {
				return errOf(privacyOf(b).ApplyRetention([]int64{b.adaID}, "anonymise"))
			}},
		{method: "Privacy.AuditLog", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { return errOf(privacyOf(b).AuditLog()) }},
	}
}

// The error-mapping table (bindings_test.go) for self-identification and
// the role's fairness report.

package app

import (
	"testing"

	"hirebench/app/selfid"
)

func selfIDCases() []bindingCase {
	return []bindingCase{
		{method: "Candidates.SelfID", input: "an unknown candidate", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.SelfID(999999); return err }},
		{method: "Candidates.SelfID", input: "an interviewer asking", code: "conflict", says: "Only the recruiter records or reads self-identification",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { _, err := b.cands.SelfID(b.adaID); return err })
			}},
		{method: "Candidates.SetSelfID", input: "an answer not offered", code: "invalid", fields: "Gender",
			says: `"Maybe" is not an answer of "Gender"`,
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.SetSelfID(b.adaID, map[string]string{"Gender": "Maybe"})
				return err
			}},
		{method: "Candidates.SetSelfID", input: "an unknown category", code: "invalid", fields: "category", says: `No category "Shoe size"`,
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.SetSelfID(b.adaID, map[string]string{"Shoe size": "42"})
				return err
			}},
		{method: "Candidates.SetSelfID", input: "an unknown candidate", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.SetSelfID(999999, map[string]string{"Gender": "Woman"})
				return err
			}},
		{method: "Candidates.SelfIDCategories", input: "an unreadable workspace", broken: true, code: "internal", says: "Something went wrong",
			call: func(t *testing.T, b *bench) error { _, err := b.cands.SelfIDCategories(); return err }},
		{method: "Candidates.SetSelfIDCategories", input: "a category without a name", code: "invalid", fields: "categories[0].name",
			says: "A category needs a name",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.SetSelfIDCategories([]selfid.Category{{Name: " ", Options: []string{"Yes"}}})
				return err
			}},
		{method: "Candidates.SetSelfIDCategories", input: `"Prefer not to say" as an answer`, code: "invalid",
			fields: "categories[0].options[1]", says: "the app's own group",
			call: func(t *testing.T, b *bench) error {
				_, err := b.cands.SetSelfIDCategories([]selfid.Category{{Name: "Gender", Options: []string{"Woman", "prefer not to say"}}})
				return err
			}},
		{method: "Interviews.Fairness", input: "an unknown role", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.Fairness(999999); return err }},
	}
}

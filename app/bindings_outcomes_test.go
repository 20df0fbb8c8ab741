// The error-mapping table (bindings_test.go) for outcomes after a hire and
// the role's Validity report.

package app

import (
	"testing"

	"hirebench/app/outcomes"
)

// hire moves Ada's application to the bench role's Hired stage.
func hire(t *testing.T, b *bench) {
	t.Helper()
	for _, s := range b.stages {
		if s.Name == "Hired" {
			if _, err := b.cands.Move(b.appID, 0, s.ID, ""); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no Hired stage in %+v", b.stages)
}

func outcomesCases() []bindingCase {
	six := 6
	return []bindingCase{
		{method: "Interviews.Outcomes", input: "an unknown candidate", code: "not_found", says: "candidate 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.Outcomes(999999); return err }},
		{method: "Interviews.RecordOutcome", input: "a rating of 6 and a bad date", code: "invalid", fields: "rating90d leftOn regretted",
			says: "6 is not",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.RecordOutcome(b.adaID, b.roleID, outcomes.Input{Rating90d: &six, LeftOn: "31/12/2025"})
				return err
			}},
		{method: "Interviews.RecordOutcome", input: "a candidate not hired", code: "conflict", says: "only once the candidate is hired",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.RecordOutcome(b.adaID, b.roleID, outcomes.Input{})
				return err
			}},
		{method: "Interviews.RecordOutcome", input: "a role she did not apply to", code: "not_found", says: "application",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.RecordOutcome(b.adaID, b.otherRoleID, outcomes.Input{})
				return err
			}},
		{method: "Interviews.RecordOutcome", input: "an interviewer recording", code: "conflict", says: "Only the recruiter records or reads outcomes",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error {
					_, err := b.iv.RecordOutcome(b.adaID, b.roleID, outcomes.Input{})
					return err
				})
			}},
		{method: "Interviews.Validity", input: "an unknown role", code: "not_found", says: "role 999999",
			call: func(t *testing.T, b *bench) error { _, err := b.iv.Validity(999999); return err }},
		{method: "Interviews.Validity", input: "an interviewer asking", code: "conflict", says: "Only the recruiter records or reads outcomes",
			call: func(t *testing.T, b *bench) error {
				return b.as(t, b.sam, func() error { _, err := b.iv.Validity(b.roleID); return err })
			}},
	}
}

// The error-mapping table (bindings_test.go) for the structured, blind
// resume screen.

package app

import (
	"testing"

	"hirebench/app/scoring"
)

func screenCases() []bindingCase {
	return []bindingCase{
		unknownID("Interviews.BlindScreen", "application", func(b *bench) error { _, err := b.iv.BlindScreen(999999, false); return err }),
		unknownID("Interviews.NextBlindScreen", "role", func(b *bench) error { _, err := b.iv.NextBlindScreen(999999, 0, false); return err }),
		unknownID("Interviews.ScreenRevisions", "application", func(b *bench) error { _, err := b.iv.ScreenRevisions(999999); return err }),
		unknownID("Interviews.SuggestScreen", "application", func(b *bench) error { _, err := b.iv.SuggestScreen(999999, false, nil); return err }),
		unknownID("Interviews.ScreenAgreement", "role", func(b *bench) error { _, err := b.iv.ScreenAgreement(999999); return err }),
		{method: "Interviews.SaveScreen", input: "a reject without a reason", code: "invalid", fields: "rejectReason",
			says: "A reject needs a reason",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveScreen(scoring.ScreenInput{ApplicationID: b.appID, Decision: scoring.Reject})
				return err
			}},
		{method: "Interviews.SaveScreen", input: "an advance against the marks without a reason", code: "invalid", fields: "overrideReason",
			says: "The marks suggest reject; deciding advance needs a reason for the override",
			call: func(t *testing.T, b *bench) error {
				_, err := b.iv.SaveScreen(scoring.ScreenInput{ApplicationID: b.appID, Decision: scoring.Advance})
				return err
			}},
	}
}

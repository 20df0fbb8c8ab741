// The error-mapping table (bindings_test.go) for calibration drills.

package app

import (
	"testing"
)

func practiceCases() []bindingCase {
	return []bindingCase{
		unknownID("Interviews.StartPractice", "rubric", func(b *bench) error { _, err := b.iv.StartPractice(999999); return err }),
		unknownID("Interviews.RecordPractice", "practice attempt", func(b *bench) error { return b.iv.RecordPractice(999999, "q#1", 2) }),
		{method: "Interviews.RecordPractice", input: "a level off the scale", code: "invalid", fields: "levels.model-tier-tradeoff#1",
			says: "Level 7 is off the scale (1–4)",
			call: func(t *testing.T, b *bench) error {
				d, err := b.iv.StartPractice(b.builtinID)
				if err != nil {
					t.Fatal(err)
				}
				return b.iv.RecordPractice(d.AttemptID, "model-tier-tradeoff#1", 7)
			}},
		{method: "Interviews.RecordPractice", input: "a sample the rubric lacks", code: "invalid", fields: "levels.nope#1",
			says: `"nope#1" is not a sample of rubric`,
			call: func(t *testing.T, b *bench) error {
				d, err := b.iv.StartPractice(b.builtinID)
				if err != nil {
					t.Fatal(err)
				}
				return b.iv.RecordPractice(d.AttemptID, "nope#1", 2)
			}},
		unknownID("Interviews.FinishPractice", "practice attempt", func(b *bench) error { _, err := b.iv.FinishPractice(999999); return err }),
		unknownID("Interviews.PracticeStatus", "rubric", func(b *bench) error { _, err := b.iv.PracticeStatus(999999); return err }),
	}
}

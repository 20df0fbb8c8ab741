// Tests that the workbook refuses inconsistent committee input.

package exports

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestWorkbookRefusesInconsistentInput(t *testing.T) {
	base := buildCommittee(t, fixtureCards())
	cases := map[string]func(c *Committee){
		"duplicate candidate":  func(c *Committee) { c.Candidates = append(c.Candidates, c.Candidates[0]) },
		"duplicate key":        func(c *Committee) { c.Questions = append(c.Questions, c.Questions[0]) },
		"case-folded key":      func(c *Committee) { c.Questions[1].Key = strings.ToLower(c.Questions[0].Key) },
		"duplicate competency": func(c *Committee) { c.Competencies = append(c.Competencies, c.Competencies[0]) },
		"case-folded competency": func(c *Committee) {
			c.Competencies[1].ID = strings.ToLower(c.Competencies[0].ID)
		},
		"empty key":           func(c *Committee) { c.Questions[0].Key = "" },
		"long key":            func(c *Committee) { c.Questions[0].Key = strings.Repeat("k", 256) },
		"long competency id":  func(c *Committee) { c.Competencies[0].ID = strings.Repeat("😀", 128) }, // 256 UTF-16 units
		"zero weight":         func(c *Committee) { c.Questions[0].Weight = 0 },
		"negative competency": func(c *Committee) { c.Competencies[0].Weight = -1 },
		"NaN weight":          func(c *Committee) { c.Questions[0].Weight = math.NaN() },
		"infinite competency": func(c *Committee) { c.Competencies[1].Weight = math.Inf(1) },
		"unknown competency":  func(c *Committee) { c.Questions[0].CompetencyID = "X" },
		"competency without qs": func(c *Committee) {
			c.Competencies = append(c.Competencies, CompetencyWeight{ID: "Z", Name: "Z", Weight: 1})
		},
		"wrong effective":   func(c *Committee) { c.Questions[0].Effective = 0.2 },
		"threshold above 1": func(c *Committee) { c.CoverageThreshold = 1.2 },
		"threshold below 0": func(c *Committee) { c.CoverageThreshold = -0.1 },
		"threshold NaN":     func(c *Committee) { c.CoverageThreshold = math.NaN() },
		"answer off plan":   func(c *Committee) { c.Answers[0].Key = "nope/nope" },
		"answer twice":      func(c *Committee) { c.Answers = append(c.Answers, c.Answers[0]) },
		"NaN composite":     func(c *Committee) { c.Candidates[0].Composite = ptr(math.NaN()) },
	}
	for name, mutate := range cases {
		c := base
		c.Candidates = slices.Clone(base.Candidates)
		c.Competencies = slices.Clone(base.Competencies)
		c.Questions = slices.Clone(base.Questions)
		c.Answers = slices.Clone(base.Answers)
		c.Scorecards = slices.Clone(base.Scorecards)
		mutate(&c)
		var buf bytes.Buffer
		if err := WriteWorkbook(&buf, c); err == nil {
			t.Errorf("%s: no error", name)
		} else if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes despite the error", name, buf.Len())
		}
	}
	// Allowed: a Scorecards row whose key the plan no longer asks, and the
	// threshold's extremes.
	for name, mutate := range map[string]func(c *Committee){
		"scorecard off plan": func(c *Committee) { c.Scorecards[0].Key = "old/question" },
		"threshold 0":        func(c *Committee) { c.CoverageThreshold = 0 },
		"threshold 1":        func(c *Committee) { c.CoverageThreshold = 1 },
		"255-unit key":       func(c *Committee) { c.Questions[0].Key = strings.Repeat("k", 255) },
	} {
		c := base
		c.Questions = slices.Clone(base.Questions)
		c.Scorecards = slices.Clone(base.Scorecards)
		c.Answers = nil // the changed key must not orphan an Answers row
		mutate(&c)
		if err := WriteWorkbook(io.Discard, c); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// What the checks found in each suggestion the model answered (quotes
// given and dropped, items the runs disagreed on, repairs), kept without
// anyone's data for the AI quality view (quality.go). A suggestion answered
// wholly from the cache adds nothing: its answer was counted when given.

package assist

import (
	"context"
	"fmt"
	"time"

	"hirebench/app/ai"
	"hirebench/storage"
)

// noteChecks keeps c unless no run of it reached the model.
func (s *Service) noteChecks(ctx context.Context, c storage.AICheck) error {
	if c.Runs == 0 {
		return nil
	}
	c.At = s.now().UTC().Format(time.RFC3339Nano)
	if err := s.store.AddAICheck(context.WithoutCancel(ctx), c); err != nil {
		return fmt.Errorf("the checks of the %s suggestion could not be kept: %w", c.Feature, err)
	}
	return nil
}

// screenChecks counts one run of a resume screen into c, when the model
// answered it: the quotes it gave (verified or dropped) and a repair.
func screenChecks(c *storage.AICheck, one ScreenResult, sug ai.ScreenSuggestion) {
	if one.Cached {
		return
	}
	c.Runs++
	c.Quotes += quotesGiven(sug)
	c.Dropped += sug.Dropped
	if one.Repaired {
		c.Repairs++
	}
}

// quotesGiven is every non-empty quote of a reply: kept (verified) or dropped.
func quotesGiven(sug ai.ScreenSuggestion) int {
	n := sug.Dropped
	for _, f := range sug.Flags {
		if f.Verified {
			n++
		}
	}
	return n
}

// rateChecks is what the checks found in a suggested level: one item, the
// fragments given (kept or dropped), and whether the reply was repaired.
func rateChecks(r RateResult) storage.AICheck {
	c := storage.AICheck{Feature: ai.FeatureRate, Model: r.Model, PromptVersion: r.PromptVersion, Items: 1,
		Quotes: len(r.Fragments) + r.Dropped, Dropped: r.Dropped}
	if !r.Cached {
		c.Runs = 1
	}
	if r.Repaired {
		c.Repairs = 1
	}
	return c
}

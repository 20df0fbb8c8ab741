// The month's budget: a check of a call's (or a batch's) estimate before
// anything is sent, and, for each call sent, its worst case reserved in the
// same transaction that checks what is spent and held, so calls sent at
// once cannot all pass under the budget (storage.ReserveAI).

package assist

import (
	"context"
	"errors"
	"fmt"
	"time"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/storage"
)

// reserveSlack is how long a reservation outlives its call's deadline
// (the record is written after it); a reservation left by a process that
// stopped lapses then.
const reserveSlack = time.Minute

// mayAsk checks, before anything is sent, that there is an endpoint, a
// price for the model and room in the month's budget for estimateUSD (j's,
// or its batch's); a budget stop is noted in the ledger, about nobody.
func (s *Service) mayAsk(ctx context.Context, j job, estimateUSD float64) error {
	if s.client == nil {
		return ErrNoEndpoint
	}
	if _, known := ai.PriceOf(s.settings.Prices, j.model); !known {
		return model.Invalid("model", "no price is known for the model %q: add one to the price table first (hirebench ai price)", j.model)
	}
	if s.settings.BudgetUSD <= 0 {
		return nil
	}
	spent, err := s.store.AISpentSince(ctx, s.monthStart().Format(time.RFC3339Nano))
	if err != nil {
		return err
	}
	if spent+estimateUSD <= s.settings.BudgetUSD {
		return nil
	}
	return s.noteStop(ctx, j, &BudgetError{SpentUSD: spent, EstimateUSD: estimateUSD, BudgetUSD: s.settings.BudgetUSD})
}

// noteStop records a budget stop in the ledger, about nobody, and returns
// err; any other error passes through.
func (s *Service) noteStop(ctx context.Context, j job, err error) error {
	var berr *BudgetError
	if !errors.As(err, &berr) {
		return err
	}
	stop := storage.AIRecord{Call: storage.AICall{At: s.now().UTC().Format(time.RFC3339Nano), Feature: j.ledgerFeature(),
		Model: j.model, PromptVersion: j.req.PromptVersion, Outcome: "stopped:budget"}}
	if _, rerr := s.store.RecordAI(context.WithoutCancel(ctx), stop); rerr != nil {
		return errors.Join(err, fmt.Errorf("the stop could not be recorded: %w", rerr))
	}
	return err
}

// worstOf is the most sending call can bill: its input as counted and
// MaxTokens of output (the request caps the reply there).
func (s *Service) worstOf(j job, call Call) float64 {
	price, _ := ai.PriceOf(s.settings.Prices, j.model)
	r := j.req
	r.Messages = call.Messages
	return ai.Cost(price, ai.EstimateTokens(j.model, r), call.MaxTokens)
}

// reserve holds the worst case of sending call against the month's budget
// until the call's ledger row replaces it; a *BudgetError when it does not
// fit beside what is spent and held. No budget, nothing to hold.
func (s *Service) reserve(ctx context.Context, j job, call Call) ([]int64, error) {
	if s.settings.BudgetUSD <= 0 {
		return nil, nil
	}
	worst := s.worstOf(j, call)
	now := s.now().UTC()
	r := storage.AIReservation{Since: s.monthStart().Format(time.RFC3339Nano), Now: now.Format(time.RFC3339Nano),
		Until: now.Add(s.policy.Deadline + reserveSlack).Format(time.RFC3339Nano), USD: []float64{worst}}
	return s.store.ReserveAI(context.WithoutCancel(ctx), r, func(committed float64) error {
		if committed+worst <= s.settings.BudgetUSD {
			return nil
		}
		return &BudgetError{SpentUSD: committed, EstimateUSD: worst, BudgetUSD: s.settings.BudgetUSD, UpTo: true}
	})
}

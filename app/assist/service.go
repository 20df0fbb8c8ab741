// Package assist owns hirebench's optional AI help: what is sent (redacted
// by default), the cache, the monthly budget, retries, output validation,
// the call ledger and the per-candidate audit. Every result is a
// suggestion a person accepts or ignores; nothing here writes a score, a
// stage or a decision. The pure rules live in app/ai; the network in
// openai.go.
package assist

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"hirebench/app/ai"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/storage"
)

// Service runs AI suggestions against one workspace and one endpoint.
type Service struct {
	store    *storage.Store
	screens  *interviews.Service
	client   Client
	settings Settings
	policy   ai.Policy
	now      func() time.Time
	rnd      func() float64
	sleep    func(ctx context.Context, d time.Duration) error
	onRetry  func(Retrying)
}

// Retrying tells the person what is happening while a call waits to be retried.
type Retrying struct {
	Attempt int           `json:"attempt"` // the try about to be made (2 = first retry)
	Wait    time.Duration `json:"wait"`
	Why     string        `json:"why"`
}

// Option adjusts a Service (tests use them for time and randomness).
type Option func(*Service)

func WithClock(now func() time.Time) Option    { return func(s *Service) { s.now = now } }
func WithRandom(rnd func() float64) Option     { return func(s *Service) { s.rnd = rnd } }
func WithPolicy(p ai.Policy) Option            { return func(s *Service) { s.policy = p } }
func WithRetryNotice(fn func(Retrying)) Option { return func(s *Service) { s.onRetry = fn } }
func WithSleep(fn func(context.Context, time.Duration) error) Option {
	return func(s *Service) { s.sleep = fn }
}

// New returns the service; client may be nil when no endpoint is set up
// (then every call says so, and usage still reads).
func New(store *storage.Store, screens *interviews.Service, client Client, settings Settings, opts ...Option) *Service {
	s := &Service{store: store, screens: screens, client: client, settings: settings.withDefaults(),
		policy: ai.DefaultPolicy(), now: time.Now, rnd: rand.Float64, sleep: sleepCtx, onRetry: func(Retrying) {}}
	for _, o := range opts {
		o(s)
	}
	return s
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ErrNoEndpoint: AI help was asked for but no endpoint or key is set up.
var ErrNoEndpoint = errors.New("AI help is not set up: no API key")

// ErrHumanOnly: the candidate asked (or a recruiter decided) that no AI is used for them.
var ErrHumanOnly = fmt.Errorf("AI help is switched off for this candidate (human only): %w", model.ErrConflict)

// BudgetError: the call would take the month's spending over the budget.
// UpTo: EstimateUSD is the call's worst case, held while it runs, and
// SpentUSD includes what calls under way hold.
type BudgetError struct {
	SpentUSD, EstimateUSD, BudgetUSD float64
	UpTo                             bool
}

func (e *BudgetError) Error() string {
	if e.UpTo {
		return fmt.Sprintf("the monthly AI budget of $%.2f is reached ($%.2f spent or held by calls under way, this call up to $%.4f); raise it in Settings or wait for next month",
			e.BudgetUSD, e.SpentUSD, e.EstimateUSD)
	}
	return fmt.Sprintf("the monthly AI budget of $%.2f is reached ($%.2f spent, this call about $%.4f); raise it in Settings or wait for next month",
		e.BudgetUSD, e.SpentUSD, e.EstimateUSD)
}

// monthStart is the first instant of the current month (UTC), where the budget restarts.
func (s *Service) monthStart() time.Time {
	n := s.now().UTC()
	return time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// Retries with backoff and jitter, within one overall deadline, and the
// ledger's name for how a call ended.

package assist

import (
	"context"
	"errors"
	"time"

	"hirebench/app/ai"
)

// withRetries sends call until it succeeds, fails for good, runs out of
// tries or would wait past the policy's deadline. It returns the last
// reply and how many tries were made. With onDelta the call is streamed
// and retried only until its first piece: once something was shown, a
// failure ends it (what was shown stays, marked incomplete, by the caller).
func (s *Service) withRetries(ctx context.Context, call Call, onDelta func(string)) (Reply, int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.policy.Deadline)
	defer cancel()
	shown := false
	send := func() (Reply, error) {
		if onDelta == nil {
			return s.client.Complete(ctx, call)
		}
		return s.client.Stream(ctx, call, func(text string) { shown = true; onDelta(text) })
	}
	for attempt := 1; ; attempt++ {
		r, err := send()
		if err == nil {
			err = finished(r)
		}
		if err == nil {
			return r, attempt, nil
		}
		var f ai.Failure
		if shown || !errors.As(err, &f) || !ai.Retryable(f) || attempt >= s.policy.Attempts {
			return r, attempt, err
		}
		wait := s.policy.Delay(attempt, f.RetryAfter, s.rnd())
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return r, attempt, err // the wait alone would pass the deadline
		}
		s.onRetry(Retrying{Attempt: attempt + 1, Wait: wait, Why: f.Plain()})
		if err := s.sleep(ctx, wait); err != nil {
			return r, attempt, err
		}
	}
}

// finished: a reply counts only when the model finished it. A missing
// finish reason is a cut reply (worth a retry); "length" and
// "content_filter" will not get better by asking again.
func finished(r Reply) error {
	switch r.FinishReason {
	case "stop":
		return nil
	case "":
		return ai.Failure{Cut: true}
	case "length":
		return errors.New("the AI reply was cut at its length limit; nothing was filled in")
	default:
		return errors.New("the AI service withheld its reply (" + r.FinishReason + "); nothing was filled in")
	}
}

// outcomeOf names how a call ended, for the ledger (no personal data).
func outcomeOf(err error) string {
	var f ai.Failure
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.Is(err, context.DeadlineExceeded):
		return "error:timeout"
	case !errors.As(err, &f):
		return "error:reply"
	case f.Status == 401 || f.Status == 403:
		return "error:auth"
	case f.Code == "insufficient_quota" || f.Type == "insufficient_quota":
		return "error:quota"
	case f.Status == 429:
		return "error:rate_limit"
	case f.Status >= 500:
		return "error:server"
	case f.Timeout:
		return "error:timeout"
	case f.Network:
		return "error:network"
	case f.Cut:
		return "error:cut"
	default:
		return "error:request"
	}
}

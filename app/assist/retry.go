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
// reply, with the tokens the API reported over every try (a failed try
// that carried usage was billed), and how many tries were made. With onDelta the call is streamed
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
	in, out := 0, 0
	for attempt := 1; ; attempt++ {
		r, err := send()
		in, out = in+r.TokensIn, out+r.TokensOut
		r.TokensIn, r.TokensOut = in, out
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
			return Reply{TokensIn: in, TokensOut: out}, attempt, err
		}
	}
}

// ReplyError: the reply came back but cannot be used: the model declined
// (the API's refusal field), it was cut at its length limit, or the
// service withheld it. Asking again will not change that.
type ReplyError struct {
	Refused bool // the model declined to answer
	why     string
}

func (e *ReplyError) Error() string { return e.why }

// refused: the model declined to answer (the API said so in its refusal field).
func refused(err error) bool {
	var re *ReplyError
	return errors.As(err, &re) && re.Refused
}

// finished: a reply counts only when the model finished it, and did not
// refuse. A missing finish reason is a cut reply (worth a retry); a
// refusal, "length" and "content_filter" will not get better by asking
// again.
func finished(r Reply) error {
	switch {
	case r.Refusal != "":
		// The refusal's text stays out: it may repeat what was sent.
		return &ReplyError{Refused: true, why: "the AI model declined to answer this request; nothing was filled in"}
	case r.FinishReason == "stop":
		return nil
	case r.FinishReason == "":
		return ai.Failure{Cut: true}
	case r.FinishReason == "length":
		return &ReplyError{why: "the AI reply was cut at its length limit; nothing was filled in"}
	default:
		return &ReplyError{why: "the AI service withheld its reply (" + r.FinishReason + "); nothing was filled in"}
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
	case errors.As(err, new(*BudgetError)):
		return "stopped:budget"
	case refused(err):
		return "error:refused"
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

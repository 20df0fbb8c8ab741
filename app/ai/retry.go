// The retry policy as pure functions: which failures are worth another
// try, how long to wait before it, and what to tell the user in the end.

package ai

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Policy bounds the tries for one suggestion. Attempts counts every try,
// the first included; Deadline is the whole budget, waits included, which
// the service enforces.
type Policy struct {
	Attempts            int
	Base, Max, Deadline time.Duration
}

// DefaultPolicy: four tries, waits drawn from up to 1 s, 2 s, 4 s (never
// more than 20 s unless the service asks), two minutes in all.
func DefaultPolicy() Policy {
	return Policy{Attempts: 4, Base: time.Second, Max: 20 * time.Second, Deadline: 2 * time.Minute}
}

// Delay is the wait before retry number attempt (1 = the first retry):
// "full jitter", a uniform draw (rnd in [0,1)) from zero to Base·2^(attempt-1)
// capped at Max, so clients that failed together do not retry together;
// but never less than the Retry-After the service sent. Whether the wait
// still fits the Deadline is the caller's business.
func (p Policy) Delay(attempt int, retryAfter time.Duration, rnd float64) time.Duration {
	ceiling := p.Base
	for i := 1; i < attempt && ceiling > 0 && ceiling < p.Max; i++ {
		ceiling *= 2
	}
	if ceiling > p.Max {
		ceiling = p.Max
	}
	rnd = math.Max(0, math.Min(rnd, 1))
	d := time.Duration(rnd * float64(ceiling))
	return max(d, retryAfter, 0)
}

// Failure is what went wrong with one try, as the transport saw it.
type Failure struct {
	Status     int    // HTTP status, 0 if none came
	Code, Type string // the error body's code and type, e.g. "insufficient_quota"
	RetryAfter time.Duration
	Network    bool // no connection (refused, DNS, TLS, offline)
	Timeout    bool // no answer in time
	Cut        bool // a reply or stream that ended before it was complete
}

func (f Failure) quota() bool {
	return f.Code == "insufficient_quota" || f.Type == "insufficient_quota"
}

// rateLimited: an error event in a stream names a rate limit by its code
// or type, as no HTTP status comes after the stream's 200.
func (f Failure) rateLimited() bool {
	return f.Code == "rate_limit_exceeded" || f.Type == "rate_limit_exceeded" || f.Type == "rate_limit_error"
}

// Retryable: network errors, timeouts, cut replies, 408, 409, 429 and 5xx
// may pass on another try; a bad request, key, permission, model or an
// exhausted quota will not, and retrying them only costs time.
func Retryable(f Failure) bool {
	switch {
	case f.quota():
		return false
	case f.Network, f.Timeout, f.Cut:
		return true
	case f.Status == 408, f.Status == 409, f.Status == 429:
		return true
	}
	return f.Status >= 500 && f.Status <= 599
}

// Plain says what happened in a recruiter's words: no key, no address, no
// candidate data, only the HTTP status.
func (f Failure) Plain() string {
	switch {
	case f.quota():
		return "The AI account has no quota left."
	case f.Cut && f.Status == 0 && f.rateLimited():
		// Mid-stream: the caller keeps what was shown, marked incomplete.
		return "The AI service stopped the answer: rate limit; what was shown is kept."
	case f.Status == 401:
		return "The AI service refused the API key (HTTP 401). Check the key in Settings."
	case f.Status == 403:
		return "The AI service refused this key access to the model (HTTP 403). Check the key and model in Settings."
	case f.Status == 404:
		return "The AI service does not know this model or address (HTTP 404). Check them in Settings."
	case f.Status == 408, f.Timeout:
		return "The AI service did not answer in time."
	case f.Status == 409:
		return "The AI service was busy with a conflicting request (HTTP 409); try again shortly."
	case f.Status == 429:
		return "The AI service is limiting how many requests it takes (HTTP 429); try again shortly."
	case f.Status >= 500 && f.Status <= 599:
		return fmt.Sprintf("The AI service had a problem of its own (HTTP %d); try again later.", f.Status)
	case f.Status == 400, f.Status == 422:
		return fmt.Sprintf("The AI service rejected the request as invalid (HTTP %d).", f.Status)
	case f.Status != 0:
		return fmt.Sprintf("The AI service refused the request (HTTP %d).", f.Status)
	case f.Network:
		return "The AI service could not be reached; you are offline or the address is wrong."
	case f.Cut:
		return "The AI service stopped in the middle of its answer."
	}
	return "The AI request failed."
}

// Error is Plain, so a Failure can travel as an error and be shown as is.
func (f Failure) Error() string { return f.Plain() }

// ParseRetryAfter reads the wait a service asks for: the Retry-After-Ms
// header (milliseconds, OpenAI's) if set, else Retry-After in seconds or as
// an HTTP date (relative to now). 0 if neither says anything usable.
func ParseRetryAfter(retryAfterMs, retryAfter string, now time.Time) time.Duration {
	if ms, err := strconv.ParseFloat(strings.TrimSpace(retryAfterMs), 64); err == nil && ms > 0 && ms < 1e9 {
		return time.Duration(ms * float64(time.Millisecond))
	}
	v := strings.TrimSpace(retryAfter)
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s > 0 && s < 1e6 {
			return time.Duration(s * float64(time.Second))
		}
		return 0
	}
	if at, err := time.Parse("Mon, 02 Jan 2006 15:04:05 GMT", v); err == nil && at.After(now) {
		return at.Sub(now)
	}
	return 0
}

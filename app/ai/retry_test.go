package ai

import (
	"strings"
	"testing"
	"time"
)

func TestDelay(t *testing.T) {
	p := Policy{Attempts: 6, Base: time.Second, Max: 5 * time.Second, Deadline: time.Minute}
	cases := []struct {
		attempt    int
		retryAfter time.Duration
		rnd        float64
		want       time.Duration
	}{
		{1, 0, 0, 0},                                   // full jitter may retry at once
		{1, 0, 0.5, 500 * time.Millisecond},            // up to 1 s
		{2, 0, 0.5, time.Second},                       // up to 2 s
		{3, 0, 0.75, 3 * time.Second},                  // up to 4 s
		{4, 0, 0.5, 2500 * time.Millisecond},           // 8 s capped at 5 s
		{60, 0, 1, 5 * time.Second},                    // no overflow far out
		{2, 3 * time.Second, 0.1, 3 * time.Second},     // Retry-After is the floor
		{2, 30 * time.Second, 0.9, 30 * time.Second},   // even past Max
		{2, time.Second, 0.9, 1800 * time.Millisecond}, // a shorter Retry-After changes nothing
		{0, 0, 0.5, 500 * time.Millisecond},            // attempt 0 counts as the first
		{1, 0, -1, 0},                                  // rnd out of range is clamped
		{1, 0, 7, time.Second},
	}
	for _, c := range cases {
		if got := p.Delay(c.attempt, c.retryAfter, c.rnd); got != c.want {
			t.Errorf("Delay(%d, %s, %g) = %s, want %s", c.attempt, c.retryAfter, c.rnd, got, c.want)
		}
	}
	if got := (Policy{}).Delay(1_000_000, 0, 0.5); got != 0 {
		t.Errorf("zero policy: %s", got)
	}
	d := DefaultPolicy()
	if d.Attempts != 4 || d.Base != time.Second || d.Max != 20*time.Second || d.Deadline != 2*time.Minute {
		t.Errorf("default policy %+v", d)
	}
}

// The table of docs/AI.md.
func TestRetryable(t *testing.T) {
	cases := []struct {
		name string
		f    Failure
		want bool
	}{
		{"network", Failure{Network: true}, true},
		{"timeout", Failure{Timeout: true}, true},
		{"stream cut", Failure{Cut: true}, true},
		{"408", Failure{Status: 408}, true},
		{"409", Failure{Status: 409}, true},
		{"429 rate limit", Failure{Status: 429, Code: "rate_limit_exceeded"}, true},
		{"500", Failure{Status: 500}, true},
		{"502", Failure{Status: 502}, true},
		{"503", Failure{Status: 503}, true},
		{"599", Failure{Status: 599}, true},
		{"429 insufficient_quota", Failure{Status: 429, Code: "insufficient_quota"}, false},
		{"quota in type", Failure{Status: 429, Type: "insufficient_quota"}, false},
		{"400", Failure{Status: 400}, false},
		{"401", Failure{Status: 401}, false},
		{"403", Failure{Status: 403}, false},
		{"404", Failure{Status: 404}, false},
		{"422", Failure{Status: 422}, false},
		{"nothing known", Failure{}, false},
	}
	for _, c := range cases {
		if got := Retryable(c.f); got != c.want {
			t.Errorf("%s: retryable %v, want %v", c.name, got, c.want)
		}
	}
}

func TestPlain(t *testing.T) {
	cases := []struct {
		f    Failure
		want string
	}{
		{Failure{Status: 401, Code: "invalid_api_key"}, "The AI service refused the API key (HTTP 401). Check the key in Settings."},
		{Failure{Status: 429, Code: "insufficient_quota"}, "The AI account has no quota left."},
		{Failure{Network: true}, "The AI service could not be reached; you are offline or the address is wrong."},
		{Failure{Timeout: true}, "The AI service did not answer in time."},
		{Failure{Status: 408}, "The AI service did not answer in time."},
		{Failure{Status: 503}, "The AI service had a problem of its own (HTTP 503); try again later."},
		{Failure{Status: 429}, "The AI service is limiting how many requests it takes (HTTP 429); try again shortly."},
		{Failure{Status: 400}, "The AI service rejected the request as invalid (HTTP 400)."},
		{Failure{Status: 404}, "The AI service does not know this model or address (HTTP 404). Check them in Settings."},
		{Failure{Cut: true}, "The AI service stopped in the middle of its answer."},
		// A rate limit as an error event in the middle of a stream.
		{Failure{Cut: true, Code: "rate_limit_exceeded", Type: "requests"}, "The AI service stopped the answer: rate limit; what was shown is kept."},
		{Failure{Cut: true, Type: "rate_limit_error"}, "The AI service stopped the answer: rate limit; what was shown is kept."},
		{Failure{Cut: true, Code: "insufficient_quota", Type: "insufficient_quota"}, "The AI account has no quota left."},
		{Failure{Status: 418}, "The AI service refused the request (HTTP 418)."},
		{Failure{}, "The AI request failed."},
	}
	for _, c := range cases {
		if got := c.f.Plain(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
		if c.f.Error() != c.want {
			t.Errorf("%+v: Error differs from Plain", c.f)
		}
	}
	// Every message is a sentence with no code or type from the body in it.
	for _, s := range []int{0, 400, 401, 403, 404, 408, 409, 418, 422, 429, 500} {
		got := Failure{Status: s, Code: "sk-secret", Type: "x-internal"}.Plain()
		if strings.Contains(got, "sk-") || strings.Contains(got, "internal") || !strings.HasSuffix(got, ".") {
			t.Errorf("%d: %q", s, got)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 14, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		ms, header string
		want       time.Duration
	}{
		{"", "3", 3 * time.Second},
		{"", "0.5", 500 * time.Millisecond},
		{"1500", "3", 1500 * time.Millisecond}, // the finer header wins
		{"", "Mon, 14 Apr 2025 12:00:07 GMT", 7 * time.Second},
		{"", "Mon, 14 Apr 2025 11:59:00 GMT", 0}, // in the past
		{"", "soon", 0},
		{"", "-4", 0},
		{"abc", "", 0},
		{"", "", 0},
	}
	for _, c := range cases {
		if got := ParseRetryAfter(c.ms, c.header, now); got != c.want {
			t.Errorf("(%q, %q) = %s, want %s", c.ms, c.header, got, c.want)
		}
	}
}

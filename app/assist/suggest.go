// The window's resume screen suggestion: the preview first (unless the
// person said not to ask again), then the call, cancellable, with the
// retries announced as they happen.

package assist

import (
	"context"
	"errors"
	"strings"

	"hirebench/app/model"
)

// Suggestion is a finished suggestion, or one the person cancelled (then
// nothing was filled in).
type Suggestion struct {
	Cancelled bool         `json:"cancelled"`
	Result    ScreenResult `json:"result"`
}

// service is a Service on the current settings and key; no key means no
// client (a cached answer still comes back).
func (d *Desk) service(ctx context.Context, extra ...Option) (*Service, error) {
	s, err := LoadSettings(ctx, d.store)
	if err != nil {
		return nil, err
	}
	var client Client
	if key, err := d.keys.Key(); err == nil {
		client = NewOpenAI(s.BaseURL, key, d.http)
	}
	return New(d.store, d.screens, client, s, append(append([]Option{}, d.opts...), extra...)...), nil
}

// Preview is exactly what a suggestion for the application would send.
func (d *Desk) Preview(ctx context.Context, applicationID int64) (Preview, error) {
	if err := d.enabled(ctx); err != nil {
		return Preview{}, err
	}
	s, err := d.service(ctx)
	if err != nil {
		return Preview{}, err
	}
	p, err := s.Preview(ctx, applicationID, ScreenOptions{})
	return p, refusal(err)
}

// Suggest asks for a resume screen suggestion; onRetry hears of each wait
// before a retry. A cancelled ctx ends it as Cancelled.
func (d *Desk) Suggest(ctx context.Context, applicationID int64, onRetry func(Retrying)) (Suggestion, error) {
	if err := d.enabled(ctx); err != nil {
		return Suggestion{}, err
	}
	s, err := d.service(ctx, WithRetryNotice(onRetry))
	if err != nil {
		return Suggestion{}, err
	}
	res, err := s.SuggestScreen(ctx, applicationID, ScreenOptions{})
	if errors.Is(err, context.Canceled) || (err != nil && errors.Is(ctx.Err(), context.Canceled)) {
		return Suggestion{Cancelled: true}, nil
	}
	if err != nil {
		return Suggestion{}, refusal(err)
	}
	return Suggestion{Result: res}, nil
}

// isReplyError: the reply came back but cannot be used (refused, cut at
// its length limit, withheld: a *ReplyError; not following the checklist).
// Errors that are not typed are known by their words, as a fallback: the
// features say so in plain errors that start "the AI ".
func isReplyError(err error) bool {
	if errors.As(err, new(*ReplyError)) {
		return true
	}
	var ve *model.ValidationError
	return !errors.As(err, &ve) && strings.HasPrefix(err.Error(), "the AI ")
}

// The preview before sending: exactly what a resume screen suggestion would
// send (after redaction), where to, what it would cost, and whether cached
// answers mean nothing is paid. It is built by the same steps
// SuggestScreen takes (screen.go), so what is shown is what is sent.

package assist

import (
	"context"
	"net/url"

	"hirebench/app/ai"
)

// Preview is one suggestion before it is sent.
type Preview struct {
	ApplicationID int64  `json:"applicationId"`
	Model         string `json:"model"`
	PromptVersion string `json:"promptVersion"`
	// Endpoint is where it goes: "OpenAI" or the custom address's host.
	Endpoint string `json:"endpoint"`
	// Messages are sent as they are: the instructions, then the checklist
	// and the (redacted) resume.
	Messages []ai.Message `json:"messages"`
	// Resume is the resume text as sent; Redacted counts what was taken
	// out per kind (name, email, phone, link, location, honorific, pronoun).
	Resume   string         `json:"resume"`
	Redacted map[string]int `json:"redacted"`
	Flags    int            `json:"flags"`
	// Runs is how many times the request is sent (each a separate sample,
	// compared flag by flag); Cached of them were answered before.
	Runs   int `json:"runs"`
	Cached int `json:"cached"`
	// TokensIn, TokensOut and EstimateUSD are for the runs not cached:
	// the offline count of what is sent (schema included) and the reply's
	// expected size. Nothing is paid when every run is cached.
	TokensIn    int     `json:"tokensIn"`
	TokensOut   int     `json:"tokensOut"`
	EstimateUSD float64 `json:"estimateUsd"`
	// PriceKnown is false when the price table has no row for the model
	// (then nothing is sent until one is added).
	PriceKnown bool `json:"priceKnown"`
}

// Preview is what a resume screen suggestion for an application would send.
func (s *Service) Preview(ctx context.Context, applicationID int64, opt ScreenOptions) (Preview, error) {
	j, redacted, err := s.screenJob(ctx, applicationID, opt.Model, opt.NoRedact)
	if err != nil {
		return Preview{}, err
	}
	p := Preview{ApplicationID: applicationID, Model: j.model, PromptVersion: ai.ScreenPromptVersion,
		Endpoint: endpointName(s.settings.BaseURL), Resume: j.sent, Redacted: redacted, Flags: len(j.checklist),
		Runs: s.runCount(opt)}
	req, _, _ := s.request(j, 0)
	p.Messages = req.Messages
	for run := range p.Runs {
		_, _, ok, err := s.fromCache(ctx, j, run)
		if err != nil {
			return Preview{}, err
		}
		if ok {
			p.Cached++
		}
	}
	if p.TokensIn, p.TokensOut, p.EstimateUSD, err = s.estimate(ctx, j, p.Runs-p.Cached); err != nil {
		return Preview{}, err
	}
	_, p.PriceKnown = ai.PriceOf(s.settings.Prices, j.model)
	return p, nil
}

// endpointName names where requests go without the path, which could
// carry a token of a company proxy.
func endpointName(baseURL string) string {
	if baseURL == "" {
		return "OpenAI"
	}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		return u.Host
	}
	return "a custom address"
}

// runCount is how many runs SuggestScreen makes for opt (the same bounds;
// screen.go could share it).
func (s *Service) runCount(opt ScreenOptions) int {
	runs := opt.Runs
	if runs <= 0 {
		runs = s.settings.Runs
	}
	return min(max(runs, 1), MaxRuns)
}

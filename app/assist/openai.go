// The only file that talks to go-openai: it turns a Call into a chat
// completion request and go-openai's errors into *ai.Failure.

package assist

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"hirebench/app/ai"
)

// OpenAI is a Client for OpenAI or any compatible endpoint.
type OpenAI struct {
	c *openai.Client
}

// NewOpenAI connects to baseURL ("" is OpenAI's own) with key. The key lives
// only in this value: it is never logged or stored by the service.
func NewOpenAI(baseURL, key string, hc *http.Client) *OpenAI {
	cfg := openai.DefaultConfig(key)
	if baseURL != "" {
		cfg.BaseURL = strings.TrimRight(baseURL, "/")
	}
	if hc == nil {
		hc = &http.Client{}
	}
	cfg.HTTPClient = headerDoer{hc}
	return &OpenAI{c: openai.NewClientWithConfig(cfg)}
}

// Complete sends one chat completion.
func (o *OpenAI) Complete(ctx context.Context, c Call) (Reply, error) {
	h := &headers{}
	resp, err := o.c.CreateChatCompletion(withHeaders(ctx, h), chatRequest(c))
	if err != nil {
		return Reply{}, failure(ctx, err, h)
	}
	r := Reply{TokensIn: resp.Usage.PromptTokens, TokensOut: resp.Usage.CompletionTokens,
		Model: resp.Model, Fingerprint: resp.SystemFingerprint}
	if len(resp.Choices) > 0 {
		r.Content = resp.Choices[0].Message.Content
		r.Refusal = resp.Choices[0].Message.Refusal
		r.FinishReason = string(resp.Choices[0].FinishReason)
	}
	return r, nil
}

func chatRequest(c Call) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{
		Model:               c.Model,
		Temperature:         temperature(c.Temperature),
		MaxCompletionTokens: c.MaxTokens,
	}
	if c.Seed != 0 {
		seed := c.Seed
		req.Seed = &seed
	}
	for _, m := range c.Messages {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	if len(c.Schema) > 0 {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name: c.SchemaName, Schema: rawSchema(c.Schema), Strict: true,
			},
		}
	}
	return req
}

// Stream sends one chat completion as a stream and passes each piece of the
// answer to onDelta as it arrives. The reply counts only when the stream
// reached a finish reason: a stream that just ends, breaks or carries an
// error event is an ai.Failure with Cut set, never a partial success (the
// pieces already passed on are the caller's to discard). Usage comes from
// the final chunk that stream_options.include_usage asks for; a server
// that ignores the option leaves the tokens at zero.
func (o *OpenAI) Stream(ctx context.Context, c Call, onDelta func(text string)) (Reply, error) {
	req := chatRequest(c)
	req.Stream = true
	req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	h := &headers{}
	st, err := o.c.CreateChatCompletionStream(withHeaders(ctx, h), req)
	if err != nil {
		return Reply{}, failure(ctx, err, h)
	}
	defer st.Close()
	var r Reply
	var content, refusal strings.Builder
	for {
		chunk, err := st.Recv()
		if errors.Is(err, io.EOF) && ctx.Err() == nil {
			break // after [DONE], or a clean cut: only the finish reason tells
		}
		if err != nil {
			// Usage seen before the break was billed; nothing else counts.
			return Reply{TokensIn: r.TokensIn, TokensOut: r.TokensOut}, streamFailure(ctx, err)
		}
		r.Model = cmp(chunk.Model, r.Model)
		r.Fingerprint = cmp(chunk.SystemFingerprint, r.Fingerprint)
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue // we never ask for n > 1
			}
			if ch.Delta.Content != "" {
				content.WriteString(ch.Delta.Content)
				if onDelta != nil {
					onDelta(ch.Delta.Content)
				}
			}
			refusal.WriteString(ch.Delta.Refusal)
			if ch.FinishReason != "" {
				r.FinishReason = string(ch.FinishReason)
			}
		}
		if chunk.Usage != nil {
			r.TokensIn, r.TokensOut = chunk.Usage.PromptTokens, chunk.Usage.CompletionTokens
		}
	}
	if r.FinishReason == "" {
		return Reply{TokensIn: r.TokensIn, TokensOut: r.TokensOut}, ai.Failure{Cut: true}
	}
	r.Content, r.Refusal = content.String(), refusal.String()
	return r, nil
}

// streamFailure: what broke a stream after its 200. An error event
// (OpenAI's `data: {"error": ...}`) keeps its code and type; the HTTP
// status stays 0, as no error status came.
func streamFailure(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	f := ai.Failure{Cut: true}
	var apiErr *openai.APIError
	var netErr net.Error
	switch {
	case errors.As(err, &apiErr):
		f.Status, f.Type = apiErr.HTTPStatusCode, apiErr.Type
		if code, ok := apiErr.Code.(string); ok {
			f.Code = code
		}
	case errors.As(err, &netErr) && netErr.Timeout():
		f.Timeout = true
	}
	return f
}

// Models lists the endpoint's models ("Test connection").
func (o *OpenAI) Models(ctx context.Context) ([]string, error) {
	h := &headers{}
	list, err := o.c.ListModels(withHeaders(ctx, h))
	if err != nil {
		return nil, failure(ctx, err, h)
	}
	out := make([]string, 0, len(list.Models))
	for _, m := range list.Models {
		out = append(out, m.ID)
	}
	return out, nil
}

// temperature: go-openai leaves a zero temperature out of the JSON
// (omitempty), and the API's default is 1. The smallest float32 above zero
// goes out as 1e-45, which is the zero we mean.
func temperature(t float64) float32 {
	if t <= 0 {
		return math.SmallestNonzeroFloat32
	}
	return float32(t)
}

type rawSchema json.RawMessage

func (r rawSchema) MarshalJSON() ([]byte, error) { return r, nil }

// failure turns go-openai's errors into *ai.Failure.
func failure(ctx context.Context, err error, h *headers) error {
	f := ai.Failure{RetryAfter: h.retryAfter()}
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var netErr net.Error
	switch {
	case errors.As(err, &apiErr):
		f.Status = apiErr.HTTPStatusCode
		f.Type = apiErr.Type
		if code, ok := apiErr.Code.(string); ok {
			f.Code = code
		}
	case errors.As(err, &reqErr):
		f.Status = reqErr.HTTPStatusCode
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		f.Timeout = true
	default:
		f.Network = true
	}
	if f.Status == 0 && h.status() != 0 {
		f.Status = h.status()
	}
	return f
}

// headers keeps what go-openai does not pass on from an error response:
// its status and Retry-After.
type headers struct {
	mu   sync.Mutex
	resp http.Header
	code int
}

type headersKey struct{}

func withHeaders(ctx context.Context, h *headers) context.Context {
	return context.WithValue(ctx, headersKey{}, h)
}

func (h *headers) status() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.code
}

// retryAfter is how long the response asked us to wait (Retry-After-Ms,
// OpenAI's, or Retry-After in seconds or as a date).
func (h *headers) retryAfter() time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.resp == nil {
		return 0
	}
	return ai.ParseRetryAfter(h.resp.Get("Retry-After-Ms"), h.resp.Get("Retry-After"), time.Now())
}

type headerDoer struct{ hc *http.Client }

func (d headerDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.hc.Do(req)
	if h, ok := req.Context().Value(headersKey{}).(*headers); ok && resp != nil {
		h.mu.Lock()
		h.resp, h.code = resp.Header.Clone(), resp.StatusCode
		h.mu.Unlock()
	}
	return resp, err
}

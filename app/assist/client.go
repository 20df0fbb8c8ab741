// The seam between the service and the network: what one chat call sends
// and gets back. openai.go is the only implementation that talks to a real
// endpoint (through go-openai); tests use the same one against openaitest.

package assist

import (
	"context"
	"encoding/json"

	"hirebench/app/ai"
)

// Call is one chat completion as the service means it.
type Call struct {
	Model    string
	Messages []ai.Message
	// SchemaName and Schema ask for strict structured output.
	SchemaName  string
	Schema      json.RawMessage
	Temperature float64
	Seed        int
	MaxTokens   int
}

// Reply is what came back. FinishReason "stop" is a complete answer; the
// service treats anything else (length, content_filter, none) as a failure.
type Reply struct {
	Content             string
	TokensIn, TokensOut int
	Model, Fingerprint  string
	FinishReason        string
	// Refusal is the model's refusal (the API's message.refusal, which
	// structured outputs use instead of content when it declines).
	Refusal string
}

// Client sends calls. Errors are *ai.Failure so the service can decide on
// retries and say what happened in plain words.
type Client interface {
	Complete(ctx context.Context, c Call) (Reply, error)
	Models(ctx context.Context) ([]string, error)
	// Stream is Complete with the answer passed to onDelta as it comes.
	Stream(ctx context.Context, c Call, onDelta func(text string)) (Reply, error)
}

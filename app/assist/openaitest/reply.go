package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Reply is one scripted answer to a chat-completion request. A request with
// "stream": true gets it as server-sent events, otherwise as one JSON body;
// Status >= 400 makes it an error reply either way.
type Reply struct {
	// Delay waits before answering; it ends early when the client cancels
	// (the handler then answers nothing) or the test ends.
	Delay time.Duration

	// Completion. Model defaults to the request's model, Fingerprint to
	// "fp_openaitest", FinishReason to "stop".
	Content                        string
	Model, Fingerprint             string
	FinishReason                   string
	PromptTokens, CompletionTokens int
	// Refusal, when set, is the model declining (structured outputs): the
	// message carries it as "refusal" with a null content; streamed, the
	// pieces come as delta.refusal.
	Refusal string

	// Error reply: the HTTP status and OpenAI's error body {"error": {message,
	// type, param, code}}; an empty Code or Param is sent as null.
	Status                     int
	Code, Type, Message, Param string
	// Headers sent as written when set, e.g. RetryAfter "2", RetryAfterMs "1500".
	RetryAfter, RetryAfterMs string

	// Stream. Chunks are the content pieces (default: Content split after
	// each space). A chunk with the role comes first; the last carries
	// FinishReason; a usage chunk follows when the request set
	// stream_options.include_usage; then "data: [DONE]".
	Chunks []string
	Gap    time.Duration // pause after each content chunk
	// Faults, after CutAfter content chunks:
	//  - Cut: the response ends cleanly with no finish_reason and no [DONE];
	//    go-openai's Recv then returns io.EOF, exactly as after [DONE], so only
	//    the missing finish reason tells the client it was cut.
	//  - Abort: the connection drops; Recv returns io.ErrUnexpectedEOF.
	//  - ErrorEvent: one `data: {"error": ...}` event (Code, Type, Message)
	//    and the end, as OpenAI does mid-stream; Recv returns an error wrapping
	//    *openai.APIError whose HTTPStatusCode is 0.
	CutAfter               int
	Cut, Abort, ErrorEvent bool
}

// Fail is an error reply, e.g. Fail(429, "rate_limit_exceeded", "requests").
func Fail(status int, code, typ string) Reply {
	return Reply{Status: status, Code: code, Type: typ,
		Message: fmt.Sprintf("openaitest: scripted %d %s", status, code)}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (rp Reply) errorBody() map[string]any {
	msg := rp.Message
	if msg == "" {
		msg = "openaitest: scripted error"
	}
	typ := rp.Type
	if typ == "" {
		typ = "invalid_request_error"
	}
	return map[string]any{"error": map[string]any{
		"message": msg, "type": typ, "param": nullable(rp.Param), "code": nullable(rp.Code)}}
}

func (rp Reply) fingerprint() string {
	if rp.Fingerprint == "" {
		return "fp_openaitest"
	}
	return rp.Fingerprint
}

func (rp Reply) finish() string {
	if rp.FinishReason == "" {
		return "stop"
	}
	return rp.FinishReason
}

func (rp Reply) usage() map[string]any {
	return map[string]any{
		"prompt_tokens": rp.PromptTokens, "completion_tokens": rp.CompletionTokens,
		"total_tokens":              rp.PromptTokens + rp.CompletionTokens,
		"prompt_tokens_details":     map[string]any{"cached_tokens": 0, "audio_tokens": 0},
		"completion_tokens_details": map[string]any{"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
	}
}

// completion is the JSON body the real API sends for a non-streamed call.
func (rp Reply) completion(id string) map[string]any {
	content := rp.Content
	if content == "" && rp.Chunks != nil {
		content = strings.Join(rp.Chunks, "")
	}
	message := map[string]any{"role": "assistant", "content": content, "refusal": nil, "annotations": []any{}}
	if rp.Refusal != "" {
		message["content"], message["refusal"] = nil, rp.Refusal
	}
	return map[string]any{
		"id": id, "object": "chat.completion", "created": time.Now().Unix(), "model": rp.Model,
		"choices": []any{map[string]any{
			"index":         0,
			"message":       message,
			"logprobs":      nil,
			"finish_reason": rp.finish(),
		}},
		"usage": rp.usage(), "service_tier": "default", "system_fingerprint": rp.fingerprint(),
	}
}

func (s *Server) writeError(w http.ResponseWriter, rp Reply) {
	if rp.RetryAfter != "" {
		w.Header().Set("Retry-After", rp.RetryAfter)
	}
	if rp.RetryAfterMs != "" {
		w.Header().Set("Retry-After-Ms", rp.RetryAfterMs)
	}
	s.writeJSON(w, rp.Status, rp.errorBody(), ValidateError)
}

// stream answers as server-sent events, the way the real API does.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, rp Reply, id string, includeUsage bool, at int) {
	flusher, _ := w.(http.Flusher)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	created := time.Now().Unix()
	send := func(v any, check func([]byte) error) {
		b, err := json.Marshal(v)
		if err == nil && check != nil {
			err = check(b)
		}
		if err != nil {
			s.t.Errorf("openaitest: a scripted stream event does not match the OpenAI spec:\n%v\nevent: %s", err, b)
		}
		fmt.Fprintf(w, "data: %s\n\n", b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	chunk := func(delta map[string]any, finish any) map[string]any {
		c := map[string]any{"id": id, "object": "chat.completion.chunk", "created": created,
			"model": rp.Model, "system_fingerprint": rp.fingerprint(), "service_tier": "default",
			"choices": []any{map[string]any{"index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish}}}
		if includeUsage {
			c["usage"] = nil
		}
		return c
	}
	pieces := rp.Chunks
	if pieces == nil && rp.Content != "" {
		pieces = strings.SplitAfter(rp.Content, " ")
	}
	field := "content"
	if rp.Refusal != "" {
		field, pieces = "refusal", strings.SplitAfter(rp.Refusal, " ")
	}
	send(chunk(map[string]any{"role": "assistant", "content": "", "refusal": nil}, nil), ValidateChunk)
	for i := 0; i <= len(pieces); i++ {
		if i == rp.CutAfter || (i == len(pieces) && rp.CutAfter > len(pieces)) {
			switch {
			case rp.Cut:
				return
			case rp.Abort:
				panic(http.ErrAbortHandler) // net/http drops the connection mid-body
			case rp.ErrorEvent:
				send(rp.errorBody(), ValidateError)
				return
			}
		}
		if i == len(pieces) {
			break
		}
		send(chunk(map[string]any{field: pieces[i]}, nil), ValidateChunk)
		if !s.wait(r, rp.Gap, at) {
			return
		}
	}
	send(chunk(map[string]any{}, rp.finish()), ValidateChunk)
	if includeUsage {
		u := chunk(nil, nil)
		u["choices"], u["usage"] = []any{}, rp.usage()
		send(u, ValidateChunk)
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
}

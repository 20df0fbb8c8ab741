package openaitest

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/sashabaranov/go-openai"
)

type received struct {
	content string
	finish  openai.FinishReason
	usage   *openai.Usage
	err     error // what ended the loop (io.EOF after [DONE])
}

func streamOnce(t *testing.T, srv *Server, includeUsage bool) received {
	t.Helper()
	req := openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x"), Stream: true}
	if includeUsage {
		req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	}
	st, err := client(srv, Key, nil).CreateChatCompletionStream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var got received
	var b strings.Builder
	for {
		chunk, err := st.Recv()
		if err != nil {
			got.err = err
			break
		}
		for _, c := range chunk.Choices {
			b.WriteString(c.Delta.Content)
			if c.FinishReason != "" {
				got.finish = c.FinishReason
			}
		}
		if chunk.Usage != nil {
			got.usage = chunk.Usage
		}
	}
	got.content = b.String()
	return got
}

func TestStreamToTheEnd(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Chunks: []string{`{"fl`, `ags":`, `[]}`}, PromptTokens: 50, CompletionTokens: 3})
	got := streamOnce(t, srv, true)
	if got.content != `{"flags":[]}` || got.finish != openai.FinishReasonStop || !errors.Is(got.err, io.EOF) {
		t.Errorf("got %+v", got)
	}
	if got.usage == nil || got.usage.PromptTokens != 50 || got.usage.CompletionTokens != 3 {
		t.Errorf("usage %+v", got.usage)
	}
	if got := streamOnce(t, srv, false); got.usage != nil {
		t.Errorf("usage sent without stream_options.include_usage: %+v", got.usage)
	}
}

func TestStreamSplitsContentWhenNoChunksAreGiven(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Content: "strong Go skills"})
	if got := streamOnce(t, srv, false); got.content != "strong Go skills" || got.finish != openai.FinishReasonStop {
		t.Errorf("got %+v", got)
	}
}

// A clean cut looks to go-openai exactly like the end of a stream (io.EOF);
// only the missing finish reason shows the answer is partial.
func TestCutStreamEndsWithEOFAndNoFinishReason(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Chunks: []string{"one ", "two ", "three"}, CutAfter: 2, Cut: true})
	got := streamOnce(t, srv, true)
	if got.content != "one two " || got.finish != "" || !errors.Is(got.err, io.EOF) || got.usage != nil {
		t.Errorf("got %+v", got)
	}
}

func TestAbortedStreamIsAnError(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Chunks: []string{"one ", "two"}, CutAfter: 1, Abort: true})
	got := streamOnce(t, srv, false)
	if got.content != "one " || got.finish != "" || !errors.Is(got.err, io.ErrUnexpectedEOF) {
		t.Errorf("got %+v", got)
	}
}

func TestStreamErrorEvent(t *testing.T) {
	srv := New(t)
	r := Fail(0, "server_error", "server_error")
	r.Chunks, r.CutAfter, r.ErrorEvent = []string{"one ", "two"}, 1, true
	srv.Script(r)
	got := streamOnce(t, srv, false)
	var apiErr *openai.APIError
	if got.content != "one " || got.finish != "" || !errors.As(got.err, &apiErr) {
		t.Fatalf("got %+v", got)
	}
	if apiErr.Code != "server_error" || apiErr.HTTPStatusCode != 0 {
		t.Errorf("api error %#v", apiErr)
	}
}

func TestErrorStatusOnAStreamRequest(t *testing.T) {
	srv := New(t)
	srv.Script(Fail(503, "", "server_error"))
	_, err := client(srv, Key, nil).CreateChatCompletionStream(context.Background(),
		openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x"), Stream: true})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 503 {
		t.Errorf("err = %#v", err)
	}
}

func TestStreamCancelledByTheClient(t *testing.T) {
	srv := New(t)
	srv.Script(Reply{Chunks: []string{"one ", "two"}, Gap: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := client(srv, Key, nil).CreateChatCompletionStream(ctx,
		openai.ChatCompletionRequest{Model: "gpt-4o-mini", Messages: userMsg("x"), Stream: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for range 2 { // the role chunk, then "one "
		if _, err := st.Recv(); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	if _, err := st.Recv(); !errors.Is(err, context.Canceled) {
		t.Errorf("Recv after cancel: %v", err)
	}
	waitCancelled(t, srv)
}

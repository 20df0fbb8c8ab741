package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"hirebench/app/assist"
)

// Closing the window cancels the AI requests still running: a summary
// streaming when the window closes does not run on, unseen and paid.
func TestClosingTheWindowCancelsRunningAIRequests(t *testing.T) {
	rt := &Runtime{}
	a := NewAI(nil, nil, rt)
	started, ended := make(chan struct{}), make(chan error, 1)
	err := a.streams.Start("summary-1", func(assist.StreamEvent) {}, plainWords,
		func(ctx context.Context, _ func(assist.StreamEvent)) (assist.StreamDone, error) {
			close(started)
			<-ctx.Done()
			ended <- ctx.Err()
			return assist.StreamDone{}, ctx.Err()
		})
	if err != nil {
		t.Fatal(err)
	}
	<-started
	rt.closing() // what BeforeClose runs once the page saved its edits
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the request ended with %v, want cancelled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the request still runs after the window closed")
	}
}

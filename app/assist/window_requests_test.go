package assist_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"hirebench/app/assist"
)

// Closing the window cancels every request still running and waits for
// them to end (their ledger rows are written before the store closes).
func TestCancelAllEndsEveryRunningRequest(t *testing.T) {
	var s assist.Streams
	var mu sync.Mutex
	ended := map[string]error{}
	started := make(chan struct{}, 2)
	for _, id := range []string{"summary-1", "followups-2"} {
		err := s.Start(id, func(assist.StreamEvent) {}, func(err error) string { return err.Error() },
			func(ctx context.Context, _ func(assist.StreamEvent)) (assist.StreamDone, error) {
				started <- struct{}{}
				<-ctx.Done() // a stream waiting on the network
				mu.Lock()
				ended[id] = ctx.Err()
				mu.Unlock()
				return assist.StreamDone{}, ctx.Err()
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	<-started
	<-started
	if !s.CancelAll(5 * time.Second) {
		t.Fatal("the requests did not end after CancelAll")
	}
	mu.Lock()
	defer mu.Unlock()
	for _, id := range []string{"summary-1", "followups-2"} {
		if err, ok := ended[id]; !ok || !errors.Is(err, context.Canceled) {
			t.Errorf("request %s: context %v (ended %v), want cancelled", id, err, ok)
		}
	}
	if s.Cancel("summary-1") {
		t.Error("a cancelled request is still listed as running")
	}
}

// A request that ignores its context does not hold the window open.
func TestCancelAllGivesUpAfterItsWait(t *testing.T) {
	var s assist.Streams
	release := make(chan struct{})
	defer func() { close(release); s.Wait() }()
	err := s.Start("stuck", func(assist.StreamEvent) {}, func(err error) string { return err.Error() },
		func(context.Context, func(assist.StreamEvent)) (assist.StreamDone, error) {
			<-release
			return assist.StreamDone{}, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if s.CancelAll(20 * time.Millisecond) {
		t.Error("CancelAll said a request that ignores its context ended")
	}
}

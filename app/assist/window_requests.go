// The streamed requests running in the window, each under the id the page
// gave it: its events go out under that id, and Cancel ends that one
// request's context (others run on). A request runs on its own goroutine
// and the call that starts it returns at once: the window's bridge may
// handle one call at a time (wails dev does), and Cancel must get through
// while the answer streams.

package assist

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"time"

	"hirebench/app/model"
)

// Streams keeps the cancel of each running request; the zero value is ready.
type Streams struct {
	mu      sync.Mutex
	running map[string]context.CancelFunc
	wg      sync.WaitGroup
}

// StreamEventName is the event a request's pieces, retries and end go out on.
func StreamEventName(requestID string) string { return "ai:stream:" + requestID }

var requestIDRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Start runs call as request id in the background: its events go to emit,
// then one "done" event with how it ended; a failure before anything was
// shown is that event's Error, in words (words of the error). A malformed
// id, or one already running, is refused at once.
func (s *Streams) Start(id string, emit func(StreamEvent), words func(error) string,
	call func(ctx context.Context, emit func(StreamEvent)) (StreamDone, error)) error {
	if !requestIDRe.MatchString(id) {
		return model.Invalid("requestId", "the request id %q is not 1 to 64 letters, digits, '-' or '_'", id)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	if _, busy := s.running[id]; busy {
		s.mu.Unlock()
		cancel()
		return fmt.Errorf("an AI request with the id %q is still running: %w", id, model.ErrConflict)
	}
	if s.running == nil {
		s.running = map[string]context.CancelFunc{}
	}
	s.running[id] = cancel
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		done, err := call(ctx, emit)
		if err != nil {
			done = StreamDone{Error: words(err)}
		}
		done.RequestID = id
		s.mu.Lock()
		delete(s.running, id)
		s.mu.Unlock()
		cancel()
		emit(StreamEvent{Kind: StreamEnded, Done: &done})
	}()
	return nil
}

// Cancel ends request id's context; false when it is not running.
func (s *Streams) Cancel(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	cancel, ok := s.running[id]
	if ok {
		cancel()
	}
	return ok
}

// Wait returns once every request started has ended (tests, closing).
func (s *Streams) Wait() { s.wg.Wait() }

// CancelAll ends every running request's context (the window is closing:
// nobody is left to see the answers, and a paid stream must not run on),
// then waits up to wait for them to end, so each call's ledger row
// ("cancelled") is written before the store closes. It says whether they
// all ended in time.
func (s *Streams) CancelAll(wait time.Duration) bool {
	s.mu.Lock()
	for _, cancel := range s.running {
		cancel()
	}
	s.mu.Unlock()
	ended := make(chan struct{})
	go func() { s.wg.Wait(); close(ended) }()
	select {
	case <-ended:
		return true
	case <-time.After(wait):
		return false
	}
}

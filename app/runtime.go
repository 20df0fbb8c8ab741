// The real Shell: the only code that calls the Wails runtime for events, native
// file dialogs and the save-before-close handshake.

package app

import (
	"context"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Runtime is the only place that talks to the Wails runtime (events and
// dialogs), so everything else stays testable without a window.
type Runtime struct {
	mu      sync.Mutex
	ctx     context.Context
	flushCh chan struct{}
	atClose []func() // what ends when the window closes (onClose)
}

// Startup keeps the Wails context for later runtime calls.
func (r *Runtime) Startup(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ctx = ctx
}

// BeforeClose asks the frontend to save pending edits and waits for it
// (briefly: a hung page must not keep the window open). It never prevents closing.
func (r *Runtime) BeforeClose(ctx context.Context) bool {
	ch := make(chan struct{})
	r.mu.Lock()
	r.flushCh = ch
	r.mu.Unlock()
	runtime.EventsEmit(ctx, "app:flush")
	select {
	case <-ch:
	case <-time.After(2 * time.Second):
	}
	r.closing()
	return false
}

// onClose adds fn to what runs when the window closes, after the page has
// saved its edits (AI requests still running are cancelled).
func (r *Runtime) onClose(fn func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.atClose = append(r.atClose, fn)
}

// closing runs what onClose registered, in order.
func (r *Runtime) closing() {
	r.mu.Lock()
	fns := append([]func(){}, r.atClose...)
	r.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

func (r *Runtime) flushed() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.flushCh != nil {
		close(r.flushCh)
		r.flushCh = nil
	}
}

// savePath asks where to save a file; "" when the user cancelled.
func (r *Runtime) savePath(title, name, pattern, patternName string) (string, error) {
	r.mu.Lock()
	ctx := r.ctx
	r.mu.Unlock()
	opts := runtime.SaveDialogOptions{DefaultFilename: name, Title: title}
	if pattern != "" {
		opts.Filters = []runtime.FileFilter{{DisplayName: patternName, Pattern: pattern}}
	}
	return runtime.SaveFileDialog(ctx, opts)
}

// emit sends an event to the page; a no-op before startup (tests, CLI).
func (r *Runtime) emit(name string, data any) {
	r.mu.Lock()
	ctx := r.ctx
	r.mu.Unlock()
	if ctx != nil {
		runtime.EventsEmit(ctx, name, data)
	}
}

// openPath asks for a file to open; "" when the user cancelled.
func (r *Runtime) openPath(title, pattern, patternName string) (string, error) {
	r.mu.Lock()
	ctx := r.ctx
	r.mu.Unlock()
	opts := runtime.OpenDialogOptions{Title: title}
	if pattern != "" {
		opts.Filters = []runtime.FileFilter{{DisplayName: patternName, Pattern: pattern}}
	}
	return runtime.OpenFileDialog(ctx, opts)
}

// Live updates in the window (team mode, issue 15): each change another app
// commits to the shared workspace (storage.Store.Listen) becomes a
// "workspace:changed" event; the page decides which of the board, debrief
// and drawer it shows to reload (frontend/src/lib/live.ts).

package app

import (
	"context"
	"log/slog"
	"time"

	"hirebench/storage"
)

// WorkspaceChange is the data of a "workspace:changed" event: ids only.
type WorkspaceChange struct {
	// What: candidate, application or scorecard (storage.Change…), or
	// reconnected / many: reload everything shown.
	What      string `json:"what"`
	Role      int64  `json:"role"` // 0 when the change belongs to no role
	Candidate int64  `json:"candidate"`
}

const (
	liveEvent = "workspace:changed"
	// liveEvery: the same change reaches the page at most once in this
	// long, so a burst of writes to one card is one reload.
	liveEvery = 200 * time.Millisecond
	// liveMost: more distinct changes than this waiting at once (a bulk
	// import, a pushed workspace) reach the page as one "many" instead.
	liveMost = 20
	// changeMany stands for more changes than are worth listing: reload everything shown.
	changeMany = "many"
)

// StartLive forwards the changes other apps make to the shared workspace
// to the window, until ctx ends (when the window closes). On SQLite it
// starts nothing lasting: Listen returns at once.
func StartLive(ctx context.Context, store *storage.Store, sh Shell) {
	go runLive(ctx, store.Listen, sh, liveEvery)
}

// runLive is StartLive with its listener and pace given (tests).
func runLive(ctx context.Context, listen func(context.Context, func(storage.Change)) error, sh Shell, every time.Duration) {
	in := make(chan storage.Change, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		forwardLive(ctx, in, func(c WorkspaceChange) { sh.emit(liveEvent, c) }, every)
	}()
	err := listen(ctx, func(c storage.Change) {
		select {
		case in <- c:
		case <-ctx.Done():
		}
	})
	if err != nil { // storage's words name no URL or login
		slog.Warn("live updates are off", "why", err.Error())
	}
	close(in)
	<-done
}

// forwardLive emits each change as it comes when none went out in the last
// `every`; otherwise it holds it, once however often it repeats, and emits
// what it holds when that time is up (or one "many" for more than
// liveMost). So the page hears of a change within `every`, and of the same
// change at most once per `every`.
func forwardLive(ctx context.Context, in <-chan storage.Change, emit func(WorkspaceChange), every time.Duration) {
	var held []WorkspaceChange
	holding := map[WorkspaceChange]bool{}
	var timer *time.Timer
	var tick <-chan time.Time // nil while nothing went out in the last `every`
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-in:
			if !ok {
				return
			}
			w := WorkspaceChange{What: c.What, Role: c.Role, Candidate: c.Candidate}
			switch {
			case tick == nil:
				emit(w)
				timer = time.NewTimer(every)
				tick = timer.C
			case !holding[w]:
				holding[w] = true
				held = append(held, w)
			}
		case <-tick:
			if len(held) == 0 {
				tick = nil
				continue
			}
			if len(held) > liveMost {
				emit(WorkspaceChange{What: changeMany})
			} else {
				for _, w := range held {
					emit(w)
				}
			}
			held = held[:0]
			clear(holding)
			timer.Reset(every)
		}
	}
}

// Tests that a write waits out another process's long transaction instead of
// showing SQLite's lock error, and says in words when it gives up.

package storage

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
)

func TestWriteWaitsForAnotherProcessesTransaction(t *testing.T) {
	t.Parallel() // waits out SQLite's busy timeout
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "workspace.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Another process's writer, as a second window importing would hold it.
	other := openRaw(t, path)
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	holdFor := busyTimeoutMS*time.Millisecond + 2*time.Second
	released := make(chan struct{})
	go func() {
		defer close(released)
		time.Sleep(holdFor)
		tx.Commit()
	}()

	// A third writer that gives up at once says so in words.
	third := openRaw(t, path)
	defer third.Close()
	gaveUp := make(chan error, 1)
	go func() {
		tx, err := beginWriteWithin(ctx, third, 0)
		if err == nil {
			tx.Rollback()
		}
		gaveUp <- err
	}()

	start := time.Now()
	if _, err := s.CreateRole(ctx, model.RoleInput{Title: "Compiler Engineer", Status: model.RoleOpen}, DefaultPipeline); err != nil {
		t.Fatalf("a write while another process held the lock for %v: %v", holdFor, err)
	}
	if waited := time.Since(start); waited < busyTimeoutMS*time.Millisecond {
		t.Errorf("the write took %v; the other transaction held the lock for %v", waited, holdFor)
	}
	<-released

	err = <-gaveUp
	if !errors.Is(err, ErrStillSaving) {
		t.Fatalf("giving up: %v, want ErrStillSaving", err)
	}
	if l := strings.ToLower(err.Error()); strings.Contains(l, "busy") || strings.Contains(l, "locked") {
		t.Errorf("giving up says %q; the user should not read SQLite's words", err)
	}
}

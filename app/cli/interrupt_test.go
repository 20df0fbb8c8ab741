//go:build unix

// Tests that a bundle export interrupted by Ctrl-C or SIGTERM, or cancelled
// through its context, stops with one line and leaves no temporary file.

package cli_test

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"hirebench/app/cli"
	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// slowToExport is a data folder whose bundle takes a while to write: a
// candidate with 64 MB of attachments that do not compress.
func slowToExport(t *testing.T) string {
	t.Helper()
	dir := newWorkspace(t)
	store, err := storage.Open(cli.DatabasePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	svc := tracking.New(store)
	c, err := svc.CreateCandidate(ctx, model.CandidateInput{Name: "Ada Lovelace", Email: "ada@example.com"}, nil, tracking.CommandLine)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.NewChaCha8([32]byte{1})
	for i := range 4 {
		data := make([]byte, 16<<20)
		_, _ = rng.Read(data)
		copy(data, "%PDF-1.7\n")
		if _, err := svc.Attach(ctx, c.ID, "scan-"+string(rune('a'+i))+".pdf", data, tracking.CommandLine); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tempFiles lists the temporary files WriteAtomic leaves in dir, if any.
func tempFiles(dir string) []string {
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// waitForTemp returns once a temporary file is being written in dir, false
// if the command ended first.
func waitForTemp(dir string, ended <-chan struct{}) bool {
	for {
		for _, n := range tempFiles(dir) {
			if strings.Contains(n, ".tmp-") {
				return true
			}
		}
		select {
		case <-ended:
			return false
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func TestInterruptedBundleExportLeavesNoTempFile(t *testing.T) {
	if data := os.Getenv("HIREBENCH_TEST_EXPORT_DATA"); data != "" {
		// The child: the command line as main runs it.
		os.Exit(cli.Run(context.Background(), cli.Options{DataDir: data,
			Command: []string{"bundle", "export", "--out", os.Getenv("HIREBENCH_TEST_EXPORT_OUT")}}, "test", os.Stdout, os.Stderr))
	}
	dir := slowToExport(t)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		out := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptedBundleExportLeavesNoTempFile$")
		cmd.Env = append(os.Environ(), "HIREBENCH_TEST_EXPORT_DATA="+dir, "HIREBENCH_TEST_EXPORT_OUT="+filepath.Join(out, "workspace.hbundle"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ended := make(chan struct{})
		var err error
		go func() { err = cmd.Wait(); close(ended) }()
		if !waitForTemp(out, ended) {
			t.Fatalf("%v: the export ended before it could be interrupted: %v, %s", sig, err, stderr.String())
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ended:
		case <-time.After(60 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("%v: the export did not stop", sig)
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != cli.ExitError {
			t.Errorf("%v: %v, want exit %d (stopped by the command, not killed by the signal)", sig, err, cli.ExitError)
		}
		if got := stderr.String(); got != "hirebench: bundle export: interrupted\n" {
			t.Errorf("%v: stderr %q", sig, got)
		}
		if left := tempFiles(out); len(left) != 0 {
			t.Errorf("%v: left behind: %v", sig, left)
		}
	}

	// Cancelled through its context (as a caller of Run would): the same.
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		var o, e bytes.Buffer
		code := cli.Run(ctx, cli.Options{DataDir: dir, Command: []string{"bundle", "export", "--out", filepath.Join(out, "b.hbundle")}}, "test", &o, &e)
		if code != cli.ExitError || e.String() != "hirebench: bundle export: interrupted\n" {
			t.Errorf("cancelled: exit %d, stderr %q", code, e.String())
		}
	}()
	if !waitForTemp(out, ended) {
		t.Fatal("the export ended before it could be cancelled")
	}
	cancel()
	<-ended
	if left := tempFiles(out); len(left) != 0 {
		t.Errorf("cancelled: left behind: %v", left)
	}
}

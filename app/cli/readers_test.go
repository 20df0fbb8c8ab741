//go:build unix

// Tests that every command reading a file refuses a device or a FIFO without
// waiting on it, bounds what it reads (a line without end, a huge sparse
// file), and says a file's size and the limit in one plain line.

package cli_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"hirebench/app/cli"
)

// runWithin is run, failing the test when the command has not returned
// after a while: a reader waiting on a FIFO or reading /dev/zero hangs.
func runWithin(t *testing.T, dir string, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- run(t, dir, args...) }()
	select {
	case r := <-done:
		return r
	case <-time.After(30 * time.Second):
		t.Fatalf("%v hangs", args)
		return result{}
	}
}

// sparseFile makes a file of size bytes that takes no room: a header line
// (if any), then NUL bytes without a newline.
func sparseFile(t *testing.T, path, header string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(header); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
}

func TestReadersRefuseDevicesAndFIFOsWithoutWaiting(t *testing.T) {
	dir := demoWorkspace(t)
	fifo := filepath.Join(t.TempDir(), "input.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	readers := [][]string{
		{"rubric", "validate"},
		{"rubric", "import"},
		{"stats", "--in"},
		{"composite", "--in"},
		{"import", "candidates", "--role", "1"},
		{"bundle", "import"},
	}
	for _, path := range []string{fifo, "/dev/zero", "/dev/urandom"} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		for _, cmd := range readers {
			r := runWithin(t, dir, append(cmd, path)...)
			wantFailure(t, r, cli.ExitError, path+" is not an ordinary file; choose a file")
		}
	}
}

func TestInputCSVIsBoundedAsItIsRead(t *testing.T) {
	in := t.TempDir()
	// 200 MB in one line, in a file under the 256 MB limit: refused once
	// the line passes 1 MB, naming the file and the line.
	headers := map[string]string{
		"stats":     "subject,rater,score\n",
		"composite": "candidate,interviewer,competency,competency_weight,question,question_weight,score,scale_min,scale_max\n",
	}
	for _, cmd := range []string{"stats", "composite"} {
		long := filepath.Join(in, cmd+"-long.csv")
		sparseFile(t, long, headers[cmd], 200<<20)
		start := time.Now()
		r := runWithin(t, in, cmd, "--in", long)
		wantFailure(t, r, cli.ExitError, long+": line 2 is longer than 1 MB, the limit for a line of input files")
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s took %v to refuse a long line", cmd, d)
		}
	}
	// 50 GB: refused by its size before a byte is read, with the size.
	huge := filepath.Join(in, "huge.csv")
	sparseFile(t, huge, "", 50<<30)
	for _, cmd := range []string{"stats", "composite"} {
		r := runWithin(t, in, cmd, "--in", huge)
		wantFailure(t, r, cli.ExitError, huge+" is 50 GB, over the 256 MB limit for input files")
	}
}

// The size messages state the file's size and the limit, each for what it
// is (the file's size was once printed as if it were the limit).
func TestSizeRefusalsStateTheSizeAndTheLimit(t *testing.T) {
	dir := demoWorkspace(t)
	in := t.TempDir()
	big := filepath.Join(in, "big.csv")
	sparseFile(t, big, "Name,Email\n", 31<<20)
	wantFailure(t, runWithin(t, dir, "import", "candidates", big, "--role", "1"), cli.ExitError,
		big+" is 31 MB, over the 20 MB limit for imports")
	justOver := filepath.Join(in, "just-over.csv")
	sparseFile(t, justOver, "Name,Email\n", 20<<20+1)
	wantFailure(t, runWithin(t, dir, "import", "candidates", justOver, "--role", "1"), cli.ExitError,
		justOver+" is 20.1 MB, over the 20 MB limit for imports")
	rubricFile := filepath.Join(in, "rubric.json")
	sparseFile(t, rubricFile, "{", 3<<20)
	wantFailure(t, runWithin(t, dir, "rubric", "validate", rubricFile), cli.ExitError,
		rubricFile+" is 3 MB, over the 2 MB limit for rubric files")
}

// Tests that `stats --in` and `composite --in` refuse a folder or a FIFO with the
// app's plain sentence on one stderr line (and never wait on a FIFO).

package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"hirebench/app/cli"
)

func TestInputThatIsNotAFileIsRefusedPlainly(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "ratings")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"stats", "composite"} {
		r := run(t, dir, cmd, "--in", folder)
		wantFailure(t, r, cli.ExitError)
		if want := "hirebench: " + cmd + ": file: " + folder + " is a folder; choose a file\n"; r.stderr != want {
			t.Errorf("%s --in a folder: stderr %q, want %q", cmd, r.stderr, want)
		}
	}

	fifo := filepath.Join(dir, "ratings.fifo")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skipf("no mkfifo here: %v", err)
	}
	for _, cmd := range []string{"stats", "composite"} {
		r := run(t, dir, cmd, "--in", fifo) // would wait for a writer forever with os.Open
		wantFailure(t, r, cli.ExitError)
		if want := "hirebench: " + cmd + ": file: " + fifo + " is not an ordinary file; choose a file\n"; r.stderr != want {
			t.Errorf("%s --in a FIFO: stderr %q, want %q", cmd, r.stderr, want)
		}
	}
}

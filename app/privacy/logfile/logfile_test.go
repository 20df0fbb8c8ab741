package logfile

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTheLogRotatesBySizeAndKeepsFiveOlderFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logs", "hirebench.log")
	r, err := Open(path, 100, 5)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("x", 39) + "\n" // 40 bytes: two fit in 100, a third does not
	for i := range 20 {
		if _, err := fmt.Fprintf(r, "%02d%s", i, line[2:]); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	// 20 lines, two per file: the current file holds lines 18-19, .1 16-17,
	// … .5 08-09; lines 00-07 were dropped with the oldest files.
	for i, first := range []string{"18", "16", "14", "12", "10", "08"} {
		name := path
		if i > 0 {
			name = fmt.Sprintf("%s.%d", path, i)
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != 80 || !strings.HasPrefix(string(b), first) {
			t.Errorf("%s: %d bytes starting %q, want 80 starting %s", filepath.Base(name), len(b), b[:2], first)
		}
	}
	if _, err := os.Stat(path + ".6"); !os.IsNotExist(err) {
		t.Errorf("a sixth older file: %v", err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the log file's mode: %v, %v", st.Mode(), err)
	}
}

func TestALongRecordStillGoesIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.log")
	r, _ := Open(path, 10, 1)
	defer r.Close()
	for range 2 {
		if _, err := io.WriteString(r, strings.Repeat("y", 25)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(path); len(b) != 25 {
		t.Errorf("current file %d bytes, want the one long record", len(b))
	}
	if b, _ := os.ReadFile(path + ".1"); len(b) != 25 {
		t.Errorf("older file %d bytes", len(b))
	}
}

func TestEmailAddressesAreMasked(t *testing.T) {
	for in, want := range map[string]string{
		"no candidate with ada@example.com":        "no candidate with <email>",
		`open "/home/x/ada.l+cv@mail.example.org"`: `open "/home/x/<email>"`,
		"user@host without a dot stays":            "user@host without a dot stays",
		"plain words":                              "plain words",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInstallWritesMaskedRecordsToTheFileAndStderr(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	done, err := Install(dir, &stderr, slog.LevelInfo)
	if err != nil {
		t.Fatal(err)
	}
	slog.Error("internal error", "err", fmt.Errorf("lookup grace@example.com: %w", os.ErrNotExist), "candidate", 7)
	slog.Debug("not at this level")
	if err := done(); err != nil {
		t.Fatal(err)
	}
	slog.Info("after closing: to the previous logger, not the file")
	b, err := os.ReadFile(Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	want := `msg="internal error" err="lookup <email>: file does not exist" candidate=7` + "\n"
	if !strings.HasSuffix(string(b), want) || strings.Count(string(b), "\n") != 1 {
		t.Errorf("log file:\n%s\nwant one record ending %s", b, want)
	}
	if stderr.String() != string(b) {
		t.Errorf("stderr %q, file %q", stderr.String(), b)
	}
}

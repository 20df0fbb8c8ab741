// Tests the sentences that say why a chosen file was refused or could not be saved
// (and that their log lines leave the path out), and opening only regular files.

package files

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"hirebench/app/model"
)

func TestRefusalSaysWhyInPlainWords(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{ErrTooBig, "cv.pdf is over the 20 MB limit for attachments"},
		{fmt.Errorf("reading: %w", ErrTooBig), "cv.pdf is over the 20 MB limit for attachments"},
		{ErrFolder, "cv.pdf is a folder; choose a file"},
		{ErrNotRegular, "cv.pdf is not an ordinary file; choose a file"},
		{&fs.PathError{Op: "open", Path: "/home/ada/cv.pdf", Err: fs.ErrNotExist}, "cv.pdf is no longer there; choose it again"},
		{&fs.PathError{Op: "open", Path: "/home/ada/cv.pdf", Err: fs.ErrPermission}, "cv.pdf could not be opened: you may not read it"},
		{&fs.PathError{Op: "read", Path: "/home/ada/cv.pdf", Err: errors.New("input/output error")}, "cv.pdf could not be read; try again"},
	}
	for _, c := range cases {
		err := Refusal("cv.pdf", "attachments", 20<<20, c.err)
		var inv *model.ValidationError
		if !errors.As(err, &inv) || len(inv.Fields) != 1 || inv.Fields[0].Field != "file" || inv.Fields[0].Message != c.want {
			t.Errorf("%v: got %v, want %q on field file", c.err, err, c.want)
		}
	}
	// A limit that is not a whole number of megabytes is given in bytes.
	if err := Refusal("x.bin", "tests", 1500, ErrTooBig); err == nil || !strings.Contains(err.Error(), "over the 1500 bytes limit") {
		t.Errorf("odd limit: %v", err)
	}
}

// A size message states the file's size and the limit, and never one as
// the other (a file one byte over 20 MB once read "is 20.0 MB; imports are
// limited to 20 MB").
func TestSizeMessagesStateTheSizeAndTheLimit(t *testing.T) {
	cases := []struct {
		size, limit int64
		want        string
	}{
		{31 << 20, 20 << 20, "big.csv is 31 MB, over the 20 MB limit for imports"},
		{20<<20 + 1, 20 << 20, "big.csv is 20.1 MB, over the 20 MB limit for imports"},
		{(20<<20)*3/2 + 1, 20 << 20, "big.csv is 30.1 MB, over the 20 MB limit for imports"},
		{50 << 30, 256 << 20, "big.csv is 50 GB, over the 256 MB limit for imports"},
		{2<<20 + 1, 2 << 20, "big.csv is 2.1 MB, over the 2 MB limit for imports"},
		{1537, 1536, "big.csv is 1.6 KB, over the 1.5 KB limit for imports"},
		{1001, 1000, "big.csv is 1001 bytes, over the 1000 bytes limit for imports"},
		{-1, 20 << 20, "big.csv is over the 20 MB limit for imports"},
	}
	for _, c := range cases {
		if got := TooBig("big.csv", c.size, c.limit, "imports"); got != c.want {
			t.Errorf("%d over %d: %q, want %q", c.size, c.limit, got, c.want)
		}
	}
	// Refusal says it the same way, with the size the check saw.
	err := Refusal("big.csv", "imports", 20<<20, fmt.Errorf("check: %w", &TooBigError{Size: 31 << 20, Limit: 20 << 20}))
	var inv *model.ValidationError
	if !errors.As(err, &inv) || inv.Fields[0].Field != "file" || inv.Fields[0].Message != "big.csv is 31 MB, over the 20 MB limit for imports" {
		t.Errorf("Refusal of a 31 MB file: %v", err)
	}
	err = Refusal("ratings.csv", "input files", 0, fmt.Errorf("reading CSV: %w", &LongLineError{Line: 2, Limit: 1 << 20}))
	if !errors.As(err, &inv) || inv.Fields[0].Message != "ratings.csv: line 2 is longer than 1 MB, the limit for a line of input files" {
		t.Errorf("Refusal of a long line: %v", err)
	}
}

func TestOpenRegularRefusesFoldersAndDevices(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bundle.hbundle")
	if err := os.WriteFile(path, []byte("PK"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, st, err := OpenRegular(path)
	if err != nil || st.Size() != 2 {
		t.Fatalf("regular file: %v", err)
	}
	f.Close()
	if _, _, err := OpenRegular(dir); !errors.Is(err, ErrFolder) {
		t.Errorf("folder: %v, want ErrFolder", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, _, err := OpenRegular("/dev/zero"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("/dev/zero: %v, want ErrNotRegular", err)
		}
	}
	if _, _, err := OpenRegular(filepath.Join(dir, "gone")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestSaveRefusalSaysWhyTheDiskSaidNo(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/home/ada/gone/x.xlsx", Err: fs.ErrNotExist}, "x.xlsx could not be saved: its folder is no longer there; choose another"},
		{fmt.Errorf("cannot write x.xlsx: %w", &fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}), "x.xlsx could not be saved: you may not write in that folder; choose another"},
		{&fs.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, "x.xlsx could not be saved: the disk is full"},
		{fmt.Errorf("x.xlsx: %w", ErrFolder), "x.xlsx is a folder; give a file name"},
		{&os.LinkError{Op: "rename", Old: "/a", New: "/b", Err: syscall.EXDEV}, "x.xlsx could not be saved; try another folder"},
		{ErrWorkspaceFile, "x.xlsx is one of this workspace's own files; save it somewhere else"},
		{ErrNotRegular, "x.xlsx is not an ordinary file (a device, a pipe); give a file name"},
		{fmt.Errorf("x.xlsx: %w", ErrNotRegular), "x.xlsx is not an ordinary file (a device, a pipe); give a file name"},
	}
	for _, c := range cases {
		err := SaveRefusal("x.xlsx", c.err)
		var inv *model.ValidationError
		if !errors.As(err, &inv) || inv.Fields[0].Message != c.want {
			t.Errorf("%v: got %v, want %q", c.err, err, c.want)
		}
	}
	// Not the disk's answer: passed through as it was (a cancelled export stays cancelled).
	other := fmt.Errorf("export: %w", errors.New("workbook failed"))
	if err := SaveRefusal("x.xlsx", other); err != other {
		t.Errorf("a writer's own error was reworded: %v", err)
	}
	if err := SaveRefusal("x.xlsx", nil); err != nil {
		t.Errorf("nil: %v", err)
	}
}

func TestRefusalLogsTheReasonWithoutThePath(t *testing.T) {
	var logs bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })

	// Unexpected errors: logged, with the disk's reason but not the path
	// (a home folder, a candidate's name).
	cases := []struct {
		name string
		log  func()
		says string // the reason the log keeps
	}{
		{"Refusal", func() {
			Refusal("cv.pdf", "attachments", 20<<20, &fs.PathError{Op: "read", Path: "/home/ada/Ada Lovelace CV.pdf", Err: syscall.EIO})
		}, "input/output error"},
		{"SaveRefusal", func() {
			SaveRefusal("x.xlsx", fmt.Errorf("cannot write x.xlsx: %w",
				&fs.PathError{Op: "open", Path: "/home/ada/Ada Lovelace/.x.xlsx.tmp-1", Err: syscall.ENAMETOOLONG}))
		}, "file name too long"},
		{"SaveRefusal of a rename", func() {
			SaveRefusal("x.xlsx", &os.LinkError{Op: "rename", Old: "/home/ada/Ada Lovelace/.x.xlsx.tmp-1", New: "/home/ada/Ada Lovelace/x.xlsx", Err: syscall.EXDEV})
		}, "invalid cross-device link"},
	}
	for _, c := range cases {
		logs.Reset()
		c.log()
		line := logs.String()
		if strings.Count(line, "\n") != 1 || !strings.Contains(line, c.says) {
			t.Errorf("%s: want one log line with %q, got %q", c.name, c.says, line)
		}
		if strings.Contains(line, "/home/ada") || strings.Contains(line, "Lovelace") {
			t.Errorf("%s: the log line holds the path: %q", c.name, line)
		}
	}
}

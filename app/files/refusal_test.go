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

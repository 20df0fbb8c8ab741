// Tests that WriteAtomic leaves the old file whole when writing fails and
// that what it writes is readable only by the user.

package files

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(path, []byte("the old file"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A failed write leaves the old file as it was, and no temporary file.
	boom := errors.New("disk full")
	if err := WriteAtomic(path, func(w io.Writer) error { _, _ = io.WriteString(w, "half"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the old file" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("written %q with mode %v; want new, 0600", b, st.Mode().Perm())
	}
	if err := WriteAtomic(dir, func(io.Writer) error { return nil }); err == nil || !errors.Is(err, ErrFolder) {
		t.Errorf("a folder as the target: %v", err)
	}
}

// Tests that ReadLimited reads ordinary files and refuses folders, devices
// and files over the limit before (or while) reading them.

package files

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// within fails the test when f has not returned after a few seconds: a
// refused pipe or device must not be waited on.
func within(t *testing.T, f func() ([]byte, error)) ([]byte, error) {
	t.Helper()
	type res struct {
		data []byte
		err  error
	}
	done := make(chan res, 1)
	go func() { d, err := f(); done <- res{d, err} }()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("ReadLimited hangs")
		return nil, nil
	}
}

// countOpens counts the files ReadLimited opens during the test.
func countOpens(t *testing.T) *int {
	t.Helper()
	n := 0
	t.Cleanup(func() { open = openNonBlocking })
	open = func(path string) (*os.File, error) { n++; return openNonBlocking(path) }
	return &n
}

func TestReadLimitedReadsARegularFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte("Name\nAda\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := ReadLimited(path, 9)
	if err != nil || string(data) != "Name\nAda\n" {
		t.Fatalf("got %q, %v", data, err)
	}
	if st, err := Check(path, 9); err != nil || st.Size() != 9 {
		t.Errorf("Check: %v, %v", st, err)
	}
	if _, err := ReadLimited(filepath.Join(t.TempDir(), "gone.csv"), 9); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

func TestReadLimitedRefusesWhatIsNotARegularFile(t *testing.T) {
	opens := countOpens(t)
	if _, err := within(t, func() ([]byte, error) { return ReadLimited(t.TempDir(), 1<<20) }); !errors.Is(err, ErrFolder) {
		t.Errorf("a folder: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := within(t, func() ([]byte, error) { return ReadLimited("/dev/zero", 1<<20) }); !errors.Is(err, ErrNotRegular) {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if *opens != 0 {
		t.Errorf("opened %d times what the check refuses", *opens)
	}
}

func TestReadLimitedRefusesTooBigBeforeReading(t *testing.T) {
	opens := countOpens(t)
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, make([]byte, 1001), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadLimited(path, 1000); !errors.Is(err, ErrTooBig) {
		t.Errorf("one byte over: %v", err)
	}
	if _, err := Check(path, 1000); !errors.Is(err, ErrTooBig) {
		t.Errorf("Check, one byte over: %v", err)
	}
	// A huge sparse file is refused just as fast: its size alone decides.
	huge := filepath.Join(t.TempDir(), "huge.csv")
	if f, err := os.Create(huge); err != nil {
		t.Fatal(err)
	} else if err := f.Truncate(1 << 40); err != nil {
		f.Close()
		t.Skipf("no sparse files here: %v", err)
	} else {
		f.Close()
	}
	if _, err := within(t, func() ([]byte, error) { return ReadLimited(huge, 20<<20) }); !errors.Is(err, ErrTooBig) {
		t.Errorf("1 TiB: %v", err)
	}
	if *opens != 0 {
		t.Errorf("opened a file already known to be too big (%d times)", *opens)
	}
	// Exactly the limit is fine.
	if data, err := ReadLimited(path, 1001); err != nil || len(data) != 1001 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
}

func TestReadLimitedRefusesAFileThatGrowsWhileRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "growing.csv")
	if err := os.WriteFile(path, make([]byte, 500), 0o600); err != nil {
		t.Fatal(err)
	}
	// It passes the size check, then grows past the limit before it is read.
	t.Cleanup(func() { open = openNonBlocking })
	open = func(p string) (*os.File, error) {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		_, err = f.Write(make([]byte, 1<<20))
		f.Close()
		if err != nil {
			return nil, err
		}
		return openNonBlocking(p)
	}
	data, err := ReadLimited(path, 1000)
	if !errors.Is(err, ErrTooBig) || data != nil {
		t.Errorf("grew to 1 MiB against a 1000-byte limit: %d bytes, %v", len(data), err)
	}
}

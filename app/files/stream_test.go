// Tests that a streamed file is bounded as it is read: a long line or too
// many bytes are refused after reading at most the limit, never buffered.

package files

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is a line without end, counting what was read of it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestBoundedRefusesALongLineAndSaysWhich(t *testing.T) {
	src := &endless{}
	r := Bounded(io.MultiReader(strings.NewReader("subject,rater,score\nS1,R1,3\n"), src), Limits{Bytes: 1 << 30, Line: 64 << 10})
	// As the stats and composite commands read: encoding/csv over a bufio.Reader.
	cr := csv.NewReader(bufio.NewReader(r))
	var err error
	rows := 0
	for err == nil {
		_, err = cr.Read()
		rows++
	}
	var long *LongLineError
	if !errors.As(err, &long) || long.Line != 3 || long.Limit != 64<<10 || !errors.Is(err, ErrLineTooLong) {
		t.Fatalf("err = %v, want line 3 over 64 KiB", err)
	}
	if rows != 3 {
		t.Errorf("read %d records before the refusal, want the 2 good ones then the refusal", rows)
	}
	// Read: no more than the limit and one buffer's worth.
	if src.read > 64<<10+64<<10 {
		t.Errorf("read %d bytes of the endless line before refusing it", src.read)
	}
}

func TestBoundedRefusesTooManyBytes(t *testing.T) {
	lines := strings.Repeat("S1,R1,3\n", 1000) // 8000 bytes
	data, err := io.ReadAll(Bounded(strings.NewReader(lines), Limits{Bytes: 7999, Line: 100}))
	var big *TooBigError
	if !errors.As(err, &big) || big.Limit != 7999 || big.Size != -1 || len(data) != 7999 {
		t.Errorf("8000 bytes against 7999: read %d, %v", len(data), err)
	}
	data, err = io.ReadAll(Bounded(strings.NewReader(lines), Limits{Bytes: 8000, Line: 7}))
	if err != nil || len(data) != 8000 {
		t.Errorf("exactly at both limits: read %d, %v", len(data), err)
	}
	// \r\n ends a line too; the \r counts as part of it.
	if _, err := io.ReadAll(Bounded(strings.NewReader("abc\r\nabcd\r\n"), Limits{Bytes: 100, Line: 4})); !errors.Is(err, ErrLineTooLong) {
		t.Errorf("a 5-byte line against 4: %v", err)
	}
}

func TestOpenLimitedStatesTheSizeAndRefusesDevices(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "huge.csv")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 30); err != nil {
		f.Close()
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	_, err = OpenLimited(sparse, Limits{Bytes: 256 << 20, Line: 1 << 20})
	var big *TooBigError
	if !errors.As(err, &big) || big.Size != 50<<30 || big.Limit != 256<<20 {
		t.Errorf("a 50 GiB file: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := within(t, func() ([]byte, error) { _, err := OpenLimited("/dev/zero", Limits{1 << 20, 1 << 10}); return nil, err }); !errors.Is(err, ErrNotRegular) {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	ok := filepath.Join(dir, "ok.csv")
	if err := os.WriteFile(ok, []byte("a,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rc, err := OpenLimited(ok, Limits{Bytes: 8, Line: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if b, err := io.ReadAll(rc); err != nil || string(b) != "a,b\n1,2\n" {
		t.Errorf("read %q, %v", b, err)
	}
}

// Helpers of the hostile-input tests: a logical dump of every table of a
// workspace, generated hostile files (zip bombs, archives that lie about
// sizes, huge CSV files) and a runner that checks a refusal changed nothing.

package cli_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite"

	"hirebench/app/cli"
	"hirebench/storage/storagetest"
)

// hostileFile writes a generated file into its own folder, so the name in
// messages is its base name; big files are written as they are generated.
func hostileFile(t *testing.T, name string, write func(w io.Writer)) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	write(bw)
	if err := errors.Join(bw.Flush(), f.Close()); err != nil {
		t.Fatal(err)
	}
	return p
}

// repeat writes b n times.
func repeat(w io.Writer, b []byte, n int) {
	if n <= 0 {
		return
	}
	chunk := bytes.Repeat(b, max(1, (1<<20)/max(1, len(b))))
	per := len(chunk) / len(b)
	for n > 0 {
		k := min(n, per)
		w.Write(chunk[:k*len(b)])
		n -= k
	}
}

// zipEntry is one entry of a generated archive: data, then zeros MiB of
// zero bytes. A bomb's zeros are never held or compressed whole (see
// deflateZeros). declared, when set, is the uncompressed size the entry's
// header claims instead of the true one.
type zipEntry struct {
	name     string
	data     []byte
	zeros    int // MiB
	declared uint64
}

func writeZip(t *testing.T, w io.Writer, entries []zipEntry) {
	t.Helper()
	zw := zip.NewWriter(w)
	for _, e := range entries {
		if e.zeros == 0 {
			// Stored: ten thousand deflaters would take seconds.
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			fw.Write(e.data)
			continue
		}
		body, crc := deflateZeros(t, e.data, e.zeros)
		size := uint64(len(e.data)) + uint64(e.zeros)<<20
		if e.declared != 0 {
			size = e.declared
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(len(body)), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// deflateZeros is the deflate stream and CRC-32 of data followed by mib MiB
// of zeros, built without compressing them all: once the window holds only
// zeros, every flushed MiB of zeros deflates to the same bytes, so the
// stream is the prefix, that block repeated, and the end.
func deflateZeros(t *testing.T, data []byte, mib int) ([]byte, uint32) {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	zeros := make([]byte, 1<<20)
	take := func() []byte {
		fw.Flush()
		b := bytes.Clone(buf.Bytes())
		buf.Reset()
		return b
	}
	fw.Write(data)
	fw.Write(zeros)
	head := take()
	fw.Write(zeros)
	block := take()
	fw.Write(zeros)
	if again := take(); !bytes.Equal(again, block) {
		t.Fatal("flushed MiBs of zeros deflate differently; deflateZeros cannot repeat them")
	}
	fw.Close()
	stream := append(head, bytes.Repeat(block, mib-1)...)
	stream = append(stream, buf.Bytes()...)
	crc := crc32.ChecksumIEEE(data)
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	return stream, crc
}

// workbookEntries are the entries of a small valid workbook.
func workbookEntries(t *testing.T, rows [][]any) []zipEntry {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipEntry
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, zipEntry{name: zf.Name, data: data})
	}
	return out
}

type hostileCase struct {
	name     string
	file     func(t *testing.T) string
	args     func(file string) []string
	mentions []string
}

// refuseAll runs every case against one workspace: each must fail with one
// line naming the file and the place, within budget, and change nothing.
func refuseAll(t *testing.T, dir string, cases []hostileCase, budget time.Duration) {
	t.Helper()
	before := storagetest.DumpFile(t, cli.DatabasePath(dir))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := c.file(t)
			start := time.Now()
			r := run(t, dir, c.args(file)...)
			took := time.Since(start)
			t.Logf("%s: refused in %v: %s", c.name, took.Round(time.Millisecond), strings.TrimSpace(r.stderr))
			if r.code != cli.ExitError {
				t.Errorf("exit %d, want %d; stdout %q", r.code, cli.ExitError, r.stdout)
			}
			if strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
				t.Errorf("stderr is not one line: %q", r.stderr)
			}
			for _, m := range append([]string{filepath.Base(file)}, c.mentions...) {
				if !strings.Contains(r.stderr, m) {
					t.Errorf("stderr %q does not mention %q", r.stderr, m)
				}
			}
			if took > budget {
				t.Errorf("took %v; a refusal should come within %v", took, budget)
			}
			if after := storagetest.DumpFile(t, cli.DatabasePath(dir)); after != before {
				t.Errorf("the workspace changed:\n%s", firstDiff(before, after))
			}
		})
	}
}

// firstDiff shows where two dumps part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

func csvFile(name, content string) func(t *testing.T) string {
	return func(t *testing.T) string {
		return hostileFile(t, name, func(w io.Writer) { io.WriteString(w, content) })
	}
}

//go:build unix

package cli_test

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO, a device and zip bombs dressed as Word files are refused in one
// plain line, quickly, and nothing is stored, even with --save.
func TestHostileResumeFiles(t *testing.T) {
	dir := demoWorkspace(t)
	args := func(file string) []string {
		return []string{"candidates", "resume-text", "--candidate", "1", "--from", file, "--save"}
	}
	bomb := func(name string, declared uint64) func(t *testing.T) string {
		return func(t *testing.T) string {
			return hostileFile(t, name, func(w io.Writer) {
				writeZip(t, w, []zipEntry{{name: "[Content_Types].xml", data: []byte("<Types/>")},
					{name: "word/document.xml", data: []byte(`<w:document xmlns:w="w"><w:body><w:p><w:t>`), zeros: 4 << 10, declared: declared}})
			})
		}
	}
	refuseAll(t, dir, []hostileCase{
		{"a FIFO", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "cv.pdf")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skipf("no FIFO here: %v", err)
			}
			return p
		}, args, []string{"is not an ordinary file"}},
		{"/dev/zero", func(t *testing.T) string { return "/dev/zero" }, args, []string{"is not an ordinary file"}},
		{"a docx unpacking to 4 GB", bomb("bomb.docx", 0), args, []string{"unpacks to more than 32 MB"}},
		{"a docx that lies about its size", bomb("liar.docx", 100), args, []string{"may be damaged"}},
		{"a PDF that is not one", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "fake.pdf")
			os.WriteFile(p, []byte("<html>SECRET</html>"), 0o600)
			return p
		}, args, []string{"is not a PDF"}},
		{"a folder", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "cv.docx")
			os.Mkdir(p, 0o700)
			return p
		}, args, []string{"is a folder"}},
	}, 10*time.Second)
}

package resumetext

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"hirebench/app/model"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The fixtures were made by LibreOffice from testdata/resume.txt and from an
// HTML page with a heading, a line break and a two-column table; the texts
// below are what those files say, typed in.
func TestRealFiles(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"resume.pdf", "Ada Example\nSenior engineer, Zürich\nBuilt a retrieval pipeline with embeddings; cut latency 40%.\nSkills: Go, SQL, Svelte"},
		{"resume.txt", "Ada Example\nSenior engineer, Zürich\n\nBuilt a retrieval pipeline with embeddings; cut latency 40%.\nSkills:\tGo, SQL, Svelte"},
		// Tables come out row by row, a tab between cells.
		{"resume.docx", "Grace Example\nLine one\nLine two after a break\n2021\tSearch & analysis, embeddings\n2023\tDeveloper tools\nLanguages: Go, Python"},
		// The same document printed to PDF by LibreOffice: a table's row is one line.
		{"table.pdf", "Grace Example\nLine one\nLine two after a break\n2021 Search & analysis, embeddings\n2023 Developer tools\nLanguages: Go, Python"},
	} {
		got, err := Extract(tc.file, fixture(t, tc.file))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.file, got, tc.want)
		}
	}
}

func TestHandWrittenPDF(t *testing.T) {
	pages := []string{
		// A TJ gap wider than a fifth of an em is a space; T* a new line.
		"BT /F1 12 Tf 14 TL 72 720 Td [(Machine)-250(learning)] TJ T* (engineer) Tj ET",
		// Two runs on one line (a table row), then a line lower down.
		"BT /F1 12 Tf 72 700 Td (2024) Tj ET BT /F1 12 Tf 200 700 Td (Caf\\351 owner) Tj ET BT /F1 12 Tf 72 680 Td (Paris) Tj ET",
	}
	for _, deflate := range []bool{false, true} {
		got, err := Extract("cv.pdf", minimalPDF(t, pages, "", deflate))
		if err != nil {
			t.Fatal(err)
		}
		if want := "Machine learning\nengineer\n\n2024 Café owner\nParis"; got != want {
			t.Errorf("deflate %v: got %q, want %q", deflate, got, want)
		}
	}
	// A scanned resume (no text) is no error: there is just nothing to show.
	if got, err := Extract("scan.pdf", minimalPDF(t, []string{"q 100 0 0 100 0 0 cm Q"}, "", false)); err != nil || got != "" {
		t.Errorf("scan.pdf = %q, %v", got, err)
	}
}

// Every refusal names the file and its kind in plain words and never quotes
// what the file says.
func refused(t *testing.T, name string, data []byte, words string) {
	t.Helper()
	start := time.Now()
	text, err := Extract(name, data)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: got %q, %v; want a refusal", name, text, err)
	}
	if !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), words) {
		t.Errorf("%s: message %q does not say %q", name, err, words)
	}
	if strings.Contains(err.Error(), "SECRET") || strings.ContainsAny(err.Error(), "\n\x00") {
		t.Errorf("%s: message %q quotes the file", name, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("%s: took %s to refuse", name, d)
	}
}

func TestHostilePDFs(t *testing.T) {
	refused(t, "fake.pdf", []byte("SECRET not a pdf"), "is not a PDF")
	refused(t, "broken.pdf", []byte("%PDF-1.4\nSECRET (trailing garbage"), "may be damaged")
	refused(t, "cut.pdf", fixture(t, "resume.pdf")[:3000], "may be damaged")
	// A page tree whose Kids hold the tree itself: the library's own page
	// lookup loops forever on it.
	refused(t, "loop.pdf", minimalPDF(t, []string{"BT (SECRET) Tj ET"}, "<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>", false), "may be damaged")
	many := make([]string, maxPages+1)
	for i := range many {
		many[i] = "BT (x) Tj ET"
	}
	refused(t, "book.pdf", minimalPDF(t, many, "", false), "more than 300 pages")
	// A content stream that unpacks from ~100 KB to 100 MB (zlib's header,
	// then deflate; its checksum is never reached).
	bomb := "\x00zlib:\x78\xda" + string(deflateRepeat(t, nil, []byte("0 "), 100)) + "\x00\x00\x00\x00"
	refused(t, "bomb.pdf", minimalPDF(t, []string{bomb}, "", false), "unpacks to more than 64 MB")
}

func TestPDFDeadline(t *testing.T) {
	defer func(d time.Duration) { pdfDeadline = d }(pdfDeadline)
	pdfDeadline = time.Nanosecond
	refused(t, "slow.pdf", fixture(t, "resume.pdf"), "took more than")
}

func TestDOCXStructure(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">Name </w:t></w:r><w:r><w:t>Surname</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t></w:r></w:p>` +
		// Tracked deletions and field codes are not the text; a text box's
		// fallback copy would say it twice.
		`<w:p><w:del><w:r><w:delText>SECRET deleted</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK x</w:instrText><w:t>kept</w:t></w:r></w:p>` +
		`<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>2020</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lead</w:t></w:r></w:p><w:p><w:r><w:t>Team of 5</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>2018</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>` +
		`<w:p/><w:p/><w:p/><w:p><w:r><w:t>&lt;end&gt; &#x202E;x</w:t></w:r></w:p>`
	got, err := Extract("cv.docx", docx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := "Name Surname\nA\tB\nC-D\nkept\nbox\n2020\tLead Team of 5\n2018\n\n<end> x"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHostileDOCX(t *testing.T) {
	refused(t, "old.docx", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), "password-protected or old-format")
	refused(t, "fake.docx", []byte("PK\x03\x04SECRET"), "may be damaged")
	refused(t, "empty.docx", zipOf(t, map[string][]byte{"word/styles.xml": []byte("<SECRET/>")}), "has no document text")
	refused(t, "bad.docx", docx(t, "<w:p><w:t>SECRET</w:p>"), "may be damaged")
	// A zip bomb: 1 GB of spaces packed into about a megabyte, declared
	// honestly, and the same stream whose header claims 100 bytes.
	packed := bytes.NewBuffer(deflateRepeat(t, []byte(`<w:document xmlns:w="w"><w:body><w:p><w:t>SECRET`), []byte(" "), 1024))
	for _, declared := range []uint64{1 << 30, 100} {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, err := z.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
		z.Close()
		words := "unpacks to more than 32 MB"
		if declared == 100 {
			words = "may be damaged" // archive/zip stops at the declared size
		}
		refused(t, "bomb.docx", b.Bytes(), words)
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"bom.txt", []byte("\xef\xbb\xbfKubernetes"), "Kubernetes"},
		{"old.txt", []byte("Experi\xeancia em Jo\xe3o Pessoa"), "Experiência em João Pessoa"},
		{"win.txt", []byte("\xff\xfeG\x00o\x00 \x00\xe9\x00"), "Go é"},
		{"mac.txt", []byte("\xfe\xff\x00G\x00o"), "Go"},
		// Control characters and bidi overrides go; line ends, tabs and one
		// blank line stay; spaces left at line ends go.
		{"notes.md", []byte("  One\x07 \r\n\r\n\r\n\r\nTwo\t\u202egnp.exe   three  \n"), "One\n\nTwo\tgnp.exe three"},
	} {
		got, err := Extract(tc.name, tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	refused(t, "bin.txt", []byte("SECRET\x00\x01"), "binary data")
	refused(t, "long.txt", bytes.Repeat([]byte("a"), model.MaxResumeText+1), "more than 1000000 characters")
	if _, err := Extract("photo.jpg", []byte("x")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("photo.jpg: err = %v", err)
	}
}

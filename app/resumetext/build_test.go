package resumetext

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
)

// minimalPDF writes a PDF by hand: one object per entry, the xref table with
// real offsets. pages holds each page's content stream; the font is
// Helvetica in WinAnsiEncoding. tree, when set, replaces the page tree
// (object 2) to build damaged files; deflate packs the content streams.
func minimalPDF(t testing.TB, pages []string, tree string, deflate bool) []byte {
	t.Helper()
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	kids := []string{}
	first := 4 // objects 1 catalog, 2 pages, 3 font, then page and content pairs
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", first+2*i))
	}
	if tree == "" {
		tree = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	}
	objs = append(objs, tree, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, c := range pages {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", first+2*i+1))
		body, filter := []byte(c), ""
		if raw, ok := strings.CutPrefix(c, "\x00zlib:"); ok { // already packed
			body, filter = []byte(raw), " /Filter /FlateDecode"
		} else if deflate {
			var z bytes.Buffer
			w := zlib.NewWriter(&z)
			w.Write(body)
			w.Close()
			body, filter = z.Bytes(), " /Filter /FlateDecode"
		}
		objs = append(objs, fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(body), filter, body))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// docx zips a word/document.xml around body (the inside of <w:body>).
func docx(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, map[string][]byte{"word/document.xml": []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `</w:body></w:document>`)})
}

func zipOf(t testing.TB, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, data := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// deflateRepeat is a deflate stream of prefix followed by mib MiB of unit
// repeated, built without compressing it all: once the window holds only
// the repeated unit, every flushed MiB deflates to the same bytes (unit's
// length must divide a MiB). The bombs stay cheap to build under -race.
func deflateRepeat(t testing.TB, prefix, unit []byte, mib int) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	mb := bytes.Repeat(unit, (1<<20)/len(unit))
	take := func() []byte {
		fw.Flush()
		b := bytes.Clone(buf.Bytes())
		buf.Reset()
		return b
	}
	fw.Write(prefix)
	fw.Write(mb)
	head := take()
	fw.Write(mb)
	block := take()
	fw.Write(mb)
	if again := take(); !bytes.Equal(again, block) {
		t.Fatal("flushed MiBs deflate differently; deflateRepeat cannot repeat them")
	}
	fw.Close()
	out := append(head, bytes.Repeat(block, mib-1)...)
	return append(out, buf.Bytes()...)
}

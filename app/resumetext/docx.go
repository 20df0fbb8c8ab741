// Word (.docx) text: word/document.xml read as a stream, every read bounded
// so a zip bomb or a huge document is refused rather than unpacked.

package resumetext

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// maxDocXML bounds the unpacked word/document.xml: a resume's is well under
// a megabyte; a zip bomb's would be gigabytes.
const maxDocXML = 32 << 20

var errTooBig = errors.New("too big")

// readDOCX reads the body's paragraphs, tabs and line breaks, and tables row
// by row (cells separated by a tab). Deleted text (tracked changes), field
// codes and the fallback copies of text boxes are left out.
func readDOCX(name string, data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) {
		return "", refuse("%s is a password-protected or old-format Word file; save it as .docx without a password, or as PDF", name)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", refuse("%s is not a Word document that can be read: it may be damaged", name)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", refuse("%s is not a Word document: it has no document text in it", name)
	}
	if doc.UncompressedSize64 > maxDocXML {
		return "", bomb(name)
	}
	rc, err := doc.Open()
	if err != nil {
		return "", refuse("%s is not a Word document that can be read: it may be damaged", name)
	}
	defer rc.Close()
	// The sizes a zip declares can lie: the stream itself is bounded too.
	text, err := docxText(&limited{r: rc, n: maxDocXML})
	switch {
	case errors.Is(err, errTooBig):
		return "", bomb(name)
	case err != nil:
		return "", refuse("%s is a Word document whose text could not be read: it may be damaged", name)
	}
	return text, nil
}

func bomb(name string) error {
	return refuse("%s unpacks to more than %d MB of document text, more than a resume holds; it was not read", name, maxDocXML>>20)
}

// limited is io.LimitReader that says when the limit was passed.
type limited struct {
	r io.Reader
	n int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

func docxText(r io.Reader) (string, error) {
	d := xml.NewDecoder(r)
	var b strings.Builder
	inText, skip, cellDepth := false, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || t.Name.Local == "Fallback" || t.Name.Local == "delText" || t.Name.Local == "instrText" {
				skip++
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			case "noBreakHyphen":
				b.WriteByte('-')
			case "tc":
				cellDepth++
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if cellDepth > 0 {
					b.WriteByte(' ') // a cell's paragraphs stay on its row
				} else {
					b.WriteByte('\n')
				}
			case "tc":
				cellDepth--
				b.WriteByte('\t')
			case "tr":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText && skip == 0 {
				b.Write(t)
			}
		}
	}
}

// PDF text through github.com/ledongthuc/pdf (pure Go, no cgo; a maintained
// fork of rsc.io/pdf). The library trusts its input, so this file bounds
// what it is given: pages, the page tree, the unpacked size of the streams
// it interprets, the text it collects and the time it takes; and it turns
// the library's panics on damaged files into a plain refusal.

package resumetext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"

	"hirebench/app/model"
)

const (
	maxPages     = 300      // a resume is a few pages; a book is not a resume
	maxTreeNodes = 10_000   // page-tree nodes visited: a loop in the tree ends here
	maxUnpacked  = 64 << 20 // content and font-map streams, unpacked, in total
)

// pdfDeadline bounds a damaged or hostile PDF that passes the other limits;
// tests shorten it.
var pdfDeadline = 20 * time.Second

var (
	errPages   = errors.New("too many pages")
	errText    = errors.New("too much text")
	errPacked  = errors.New("unpacks too big")
	errNoPages = errors.New("no pages")
)

func readPDF(name string, data []byte) (string, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return "", refuse("%s is named .pdf but is not a PDF", name)
	}
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		text, err := pdfText(data)
		done <- result{text, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(pdfDeadline):
		return "", refuse("%s took more than %s to read and was left: it may be damaged", name, pdfDeadline)
	}
	switch {
	case r.err == nil:
		return r.text, nil
	case errors.Is(r.err, pdf.ErrInvalidPassword):
		return "", refuse("%s is a password-protected PDF; save a copy without the password and use that", name)
	case errors.Is(r.err, errPages):
		return "", refuse("%s is a PDF of more than %d pages, more than a resume has; it was not read", name, maxPages)
	case errors.Is(r.err, errText):
		return "", tooMuchText(name)
	case errors.Is(r.err, errPacked):
		return "", refuse("%s is a PDF that unpacks to more than %d MB; it was not read", name, maxUnpacked>>20)
	}
	return "", refuse("%s is a PDF whose text could not be read: it may be damaged", name)
}

// pdfText never panics: the library's panics on damaged input become errors.
func pdfText(data []byte) (text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("damaged PDF: %v", p)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	pages, err := pageList(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return "", err
	}
	budget := &unpackBudget{left: maxUnpacked}
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if err := pageText(&b, p, budget); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// pageList walks the page tree itself, in order, bounded: the library's
// Page(n) trusts the tree's counts and loops forever on a tree that loops.
func pageList(root pdf.Value) ([]pdf.Page, error) {
	var pages []pdf.Page
	visited := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		visited++
		if visited > maxTreeNodes || depth > 64 {
			return errors.New("page tree too deep or looping")
		}
		switch v.Key("Type").Name() {
		case "Page":
			if len(pages) == maxPages {
				return errPages
			}
			pages = append(pages, pdf.Page{V: v})
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errNoPages
	}
	return pages, nil
}

type unpackBudget struct{ left int64 }

// check reads a stream (or an array of them) through to its end, counting
// unpacked bytes against the budget, before the library interprets it, so
// a deflate bomb is refused instead of interpreted.
func (u *unpackBudget) check(v pdf.Value) error {
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len(); i++ {
			if err := u.check(v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	if v.Kind() != pdf.Stream {
		return nil
	}
	rc := v.Reader()
	defer rc.Close()
	n, err := io.Copy(io.Discard, io.LimitReader(rc, u.left+1))
	u.left -= n
	if u.left < 0 {
		return errPacked
	}
	return err
}

// pageText writes a page's text: a line per text line, a space where the
// layout leaves a word gap (TJ offsets), stopping once there is more text
// than a resume can hold.
func pageText(b *strings.Builder, p pdf.Page, budget *unpackBudget) error {
	content := p.V.Key("Contents")
	if content.IsNull() {
		return nil
	}
	if err := budget.check(content); err != nil {
		return err
	}
	fonts := map[string]*pdf.Font{}
	for _, name := range p.Fonts() {
		f := p.Font(name)
		if err := budget.check(f.V.Key("ToUnicode")); err != nil {
			return err
		}
		fonts[name] = &f
	}
	var enc pdf.TextEncoding
	// Where the text is, vertically: a change of line starts a new line of
	// text, a move along the same line (a table's next cell) a space.
	y, leading, lastY, moved, shown := 0.0, 0.0, 0.0, false, false
	write := func(s string) {
		b.WriteString(s)
		if b.Len() > 4*model.MaxResumeText {
			panic(errText) // the only way out of Interpret; recovered below
		}
	}
	show := func(s string) { // a string in the current font's encoding
		if shown && math.Abs(y-lastY) > 1 {
			write("\n")
		} else if shown && moved {
			write(" ")
		}
		shown, moved, lastY = true, false, y
		if enc != nil {
			s = enc.Decode(s)
		}
		write(s)
	}
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				if e, ok := p.(error); ok && errors.Is(e, errText) {
					err = errText
					return
				}
				panic(p)
			}
		}()
		pdf.Interpret(content, func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for i := len(args) - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			num := func(i int) float64 {
				if i < len(args) {
					return args[i].Float64()
				}
				return 0
			}
			switch op {
			case "BT":
				y, moved = 0, true
			case "Td", "TD":
				y, moved = y+num(1), true
				if op == "TD" {
					leading = -num(1)
				}
			case "Tm":
				y, moved = num(5), true
			case "TL":
				leading = num(0)
			case "T*":
				y -= leading
				if leading == 0 {
					y -= 2 // a new line even when no leading was set
				}
			case "Tf":
				enc = nil
				if len(args) == 2 {
					if f, ok := fonts[args[0].Name()]; ok {
						enc = f.Encoder()
					}
				}
			case "'", "\"", "Tj":
				if op != "Tj" {
					y -= max(leading, 2)
				}
				if len(args) > 0 {
					show(args[len(args)-1].RawString())
				}
			case "TJ":
				if len(args) != 1 {
					return
				}
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					switch x.Kind() {
					case pdf.String:
						show(x.RawString())
					case pdf.Integer, pdf.Real:
						if x.Float64() < -200 { // a gap wider than a fifth of an em: a space
							write(" ")
						}
					}
				}
			}
		})
	}()
	return err
}

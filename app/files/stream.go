// Reading a file as a stream (a CSV read row by row) with its bytes and its
// line length bounded as it is read, so a reader above never buffers more.

package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrLineTooLong: a line longer than the limit, seen while reading; a
// *LongLineError says which line.
var ErrLineTooLong = errors.New("a line longer than the limit")

// LongLineError is ErrLineTooLong with the 1-based line and the limit.
type LongLineError struct{ Line, Limit int64 }

func (e *LongLineError) Error() string {
	return fmt.Sprintf("line %d is longer than the limit of %d bytes", e.Line, e.Limit)
}

func (e *LongLineError) Is(target error) bool { return target == ErrLineTooLong }

// Limits bound a streamed file: its bytes and the bytes of any one line
// (the newline not counted).
type Limits struct{ Bytes, Line int64 }

// OpenLimited opens a regular file to be read as a stream. Folders,
// devices and pipes are refused without waiting (ErrFolder,
// ErrNotRegular), a file over lim.Bytes before anything is read (a
// *TooBigError with its size), and the reader fails as soon as the file
// holds more than lim.Bytes (it grew) or a line longer than lim.Line.
func OpenLimited(path string, lim Limits) (io.ReadCloser, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > lim.Bytes {
		f.Close()
		return nil, &TooBigError{Size: st.Size(), Limit: lim.Bytes}
	}
	return struct {
		io.Reader
		io.Closer
	}{Bounded(f, lim), f}, nil
}

// Bounded reads r until it has given lim.Bytes bytes or a line of
// lim.Line bytes, then fails with a *TooBigError or a *LongLineError: it
// never hands on more than one byte past a limit.
func Bounded(r io.Reader, lim Limits) io.Reader {
	return &bounded{r: r, lim: lim, line: 1}
}

type bounded struct {
	r    io.Reader
	lim  Limits
	n    int64 // bytes handed on
	line int64 // the line being read, from 1
	cur  int64 // its bytes so far
	err  error // once failed, always failed
}

func (b *bounded) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if room := b.lim.Bytes - b.n + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		seg := n - i
		if j >= 0 {
			seg = j
		}
		if b.cur+int64(seg) > b.lim.Line {
			keep := i + int(b.lim.Line-b.cur)
			b.n += int64(keep)
			b.err = &LongLineError{Line: b.line, Limit: b.lim.Line}
			return keep, b.err
		}
		if j < 0 {
			b.cur += int64(seg)
			break
		}
		b.line, b.cur, i = b.line+1, 0, i+j+1
	}
	b.n += int64(n)
	if b.n > b.lim.Bytes {
		b.err = &TooBigError{Size: -1, Limit: b.lim.Bytes}
		return n - int(b.n-b.lim.Bytes), b.err
	}
	return n, err
}

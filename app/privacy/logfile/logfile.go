// Package logfile is the app's log in the data folder (logs/hirebench.log):
// a size-rotated file (the current one and Keep older ones, each up to
// MaxSize bytes), written by slog alongside stderr, with anything shaped like
// an email address masked as a last guard: what is logged carries ids, never
// people's data.
package logfile

import (
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sync"
)

// The rotation: five older files of one megabyte at most each.
const (
	MaxSize = 1 << 20
	Keep    = 5
)

// Path is the log file of a data folder.
func Path(dataDir string) string { return filepath.Join(dataDir, "logs", "hirebench.log") }

// Rotator appends to a file and, before a write would take it past max
// bytes, renames it to .1 (.1 to .2 and so on, the oldest beyond keep
// removed) and starts a new one. Safe for concurrent use.
type Rotator struct {
	mu   sync.Mutex
	path string
	max  int64
	keep int
	f    *os.File
	size int64
}

// Open opens (creating it and its folder, readable by this user only) the
// log file at path.
func Open(path string, max int64, keep int) (*Rotator, error) {
	if max < 1 || keep < 0 {
		return nil, errors.New("logfile: max must be positive and keep not negative")
	}
	r := &Rotator{path: path, max: max, keep: keep}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	return r, r.open()
}

func (r *Rotator) open() error {
	f, err := os.OpenFile(r.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	r.f, r.size = f, st.Size()
	return nil
}

// Write appends p (one log record), rotating first if it would not fit.
func (r *Rotator) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return 0, os.ErrClosed
	}
	if r.size > 0 && r.size+int64(len(p)) > r.max {
		if err := r.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := r.f.Write(p)
	r.size += int64(n)
	return n, err
}

// rotate shifts the files by one and opens a fresh current file.
func (r *Rotator) rotate() error {
	if err := r.f.Close(); err != nil {
		return err
	}
	r.f = nil
	if r.keep == 0 {
		if err := os.Remove(r.path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return r.open()
	}
	_ = os.Remove(r.older(r.keep))
	for i := r.keep - 1; i >= 1; i-- {
		if err := os.Rename(r.older(i), r.older(i+1)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(r.path, r.older(1)); err != nil {
		return err
	}
	return r.open()
}

func (r *Rotator) older(i int) string { return fmt.Sprintf("%s.%d", r.path, i) }

// Close closes the current file.
func (r *Rotator) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.f = nil
	return err
}

// emailLike is anything shaped like an email address.
var emailLike = regexp.MustCompile(`[^\s@"'<>()\[\],;:/\\]+@[^\s@"'<>()\[\],;:/\\]+\.[^\s@"'<>()\[\],;:/\\]+`)

// Mask replaces anything shaped like an email address with "<email>".
func Mask(s string) string { return emailLike.ReplaceAllString(s, "<email>") }

// Install makes slog's default logger write each record to stderr and to
// the data folder's log file, with email addresses masked (Mask). The
// returned function closes the file and puts the previous logger back.
func Install(dataDir string, stderr io.Writer, level slog.Leveler) (func() error, error) {
	r, err := Open(Path(dataDir), MaxSize, Keep)
	if err != nil {
		return nil, err
	}
	// SetDefault also routes the log package into the handler; closing
	// puts both back.
	prev, out, flags := slog.Default(), log.Writer(), log.Flags()
	h := slog.NewTextHandler(io.MultiWriter(stderr, r), &slog.HandlerOptions{Level: level, ReplaceAttr: mask})
	slog.SetDefault(slog.New(h))
	return func() error {
		slog.SetDefault(prev)
		log.SetOutput(out)
		log.SetFlags(flags)
		return r.Close()
	}, nil
}

// mask masks email addresses in every string or error a record carries.
func mask(_ []string, a slog.Attr) slog.Attr {
	switch v := a.Value.Resolve(); v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(Mask(v.String()))
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			a.Value = slog.StringValue(Mask(err.Error()))
		}
	}
	return a
}

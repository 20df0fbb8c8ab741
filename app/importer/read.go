// Reads a candidate file (CSV in any common encoding and delimiter, or an XLSX
// sheet) into a table of rows, within limits against hostile files.

package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hirebench/app/files"
	"hirebench/app/model"
)

// Limits against hostile or runaway files.
const (
	MaxFileSize    = 20 << 20  // bytes read from disk
	MaxUnzipSize   = 100 << 20 // bytes an XLSX may unpack to
	MaxRows        = 50_000    // data rows, the header not counted
	MaxColumns     = 100
	MaxCell        = 10_000    // characters in an ordinary cell
	MaxLongCell    = 1_000_000 // characters in a resume or notes cell
	maxXMLInMemory = 16 << 20  // larger worksheets are streamed from a temp file
)

// The limits in force; tests lower them.
var (
	maxFileSize  = MaxFileSize
	maxUnzipSize = int64(MaxUnzipSize)
	maxRows      = MaxRows
	maxColumns   = MaxColumns
	maxCell      = MaxCell
	maxLongCell  = MaxLongCell
	// maxText caps the characters of all cells together: a workbook's
	// shared strings let one long text fill every row of a small file.
	maxText = int64(MaxUnzipSize)
)

// Table is a file's header and data rows, every row as long as the header.
// Blank rows are dropped; RowNumbers keeps the file's own 1-based row (the
// line, for CSV) of each data row so errors point at what the user sees.
type Table struct {
	Headers    []string   `json:"headers"`
	Rows       [][]string `json:"rows"`
	RowNumbers []int      `json:"rowNumbers"`
	// Sheets lists a workbook's sheets and Sheet the one read (empty for CSV).
	Sheets []string `json:"sheets"`
	Sheet  string   `json:"sheet"`
}

// Read reads a CSV or XLSX file (the first sheet). name is used for its
// extension and in messages; the content decides when the extension is unknown.
func Read(name string, data []byte) (Table, error) { return ReadSheet(name, data, "") }

// ReadSheet is Read with a chosen sheet of a workbook; "" means the first.
func ReadSheet(name string, data []byte, sheet string) (Table, error) {
	base := filepath.Base(name)
	if len(data) > maxFileSize {
		return Table{}, model.Invalid("file", "%s", files.TooBig(base, int64(len(data)), int64(maxFileSize), "imports"))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Table{}, model.Invalid("file", "%s is empty", base)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return Table{}, model.Invalid("file", "%s is an old Excel (.xls) or password-protected workbook; save it as .xlsx or CSV", base)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(base, data, sheet)
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xls":
		return Table{}, model.Invalid("file", "%s is not an Excel workbook (.xlsx); save it as .xlsx or CSV", base)
	default:
		if sheet != "" {
			return Table{}, model.Invalid("sheet", "%s is a CSV file; it has no sheets", base)
		}
		return readCSV(base, data)
	}
}

// builder collects rows and enforces the limits.
type builder struct {
	name string
	t    Table
	long []bool // columns holding long text (resume, notes)
	text int64  // bytes of all data cells so far
}

// add takes one row of the file. The first non-blank row is the header.
func (b *builder) add(fileRow int, cells []string) error {
	last := len(cells)
	for last > 0 && strings.TrimSpace(cells[last-1]) == "" {
		last--
	}
	cells = cells[:last]
	if last == 0 {
		return nil // blank rows are skipped
	}
	if last > maxColumns {
		return model.Invalid("file", "%s: row %d has %d columns; imports are limited to %d", b.name, fileRow, last, maxColumns)
	}
	if b.t.Headers == nil {
		b.t.Headers = make([]string, last)
		b.long = make([]bool, last)
		guess := GuessMapping(cells)
		seen := map[string]int{} // a named header, ignoring case → its column
		for i, h := range cells {
			h = model.OneLine(strings.TrimPrefix(h, "\ufeff"))
			if first, dup := seen[strings.ToLower(h)]; dup {
				// Only one of them could be mapped: the other would be dropped silently.
				return model.Invalid("file", "%s: row %d: the column %q appears twice (columns %d and %d); rename or remove one",
					b.name, fileRow, clipHeader(h), first+1, i+1)
			}
			if h == "" {
				h = fmt.Sprintf("Column %d", i+1)
			} else {
				seen[strings.ToLower(h)] = i
			}
			if n := utf8.RuneCountInString(h); n > model.MaxShortText {
				return model.Invalid("file", "%s: row %d, column %d: the header is %d characters long; the limit is %d",
					b.name, fileRow, i+1, n, model.MaxShortText)
			}
			b.t.Headers[i] = h
		}
		for _, f := range []string{FieldResume, FieldNotes} {
			if i := guess.Col(f); i >= 0 {
				b.long[i] = true
			}
		}
		return nil
	}
	if len(b.t.Rows) >= maxRows {
		return model.Invalid("file", "%s has more than %d data rows; split it into smaller files", b.name, maxRows)
	}
	if last > len(b.t.Headers) {
		// A value with no header (often a comma that was not quoted) would be dropped silently.
		return model.Invalid("file", "%s: row %d has a value in column %d, but the header names only %d columns; give that column a header or quote the cell that holds a comma",
			b.name, fileRow, last, len(b.t.Headers))
	}
	row := make([]string, len(b.t.Headers))
	for i, c := range cells {
		limit := maxCell
		if i < len(b.long) && b.long[i] {
			limit = maxLongCell
		}
		if len(c) > limit { // bytes ≥ characters: count only when it may matter
			if n := utf8.RuneCountInString(c); n > limit {
				return model.Invalid("file", "%s: row %d, column %q: the cell holds %d characters; the limit is %d",
					b.name, fileRow, b.header(i), n, limit)
			}
		}
		row[i] = c
		b.text += int64(len(c))
	}
	if b.text > maxText {
		return model.Invalid("file", "%s: by row %d its cells hold more than %d MB of text; imports are limited to that",
			b.name, fileRow, maxText>>20)
	}
	b.t.Rows = append(b.t.Rows, row)
	b.t.RowNumbers = append(b.t.RowNumbers, fileRow)
	return nil
}

// clipHeader keeps a header (or another quote from the file) short enough
// for a message.
func clipHeader(h string) string {
	if r := []rune(h); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return h
}

func (b *builder) header(i int) string {
	if i < len(b.t.Headers) {
		return b.t.Headers[i]
	}
	return fmt.Sprintf("Column %d", i+1)
}

func (b *builder) done() (Table, error) {
	if b.t.Headers == nil {
		return Table{}, model.Invalid("file", "%s has no header row", b.name)
	}
	if b.t.Rows == nil {
		b.t.Rows, b.t.RowNumbers = [][]string{}, []int{}
	}
	if b.t.Sheets == nil {
		b.t.Sheets = []string{}
	}
	return b.t, nil
}

// decodeText turns a CSV's bytes into UTF-8: a UTF-8 or UTF-16 byte-order
// mark is honoured, otherwise text that is not valid UTF-8 is read as
// Windows-1252 (what Excel on Windows writes for "CSV").
func decodeText(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		le := data[0] == 0xff
		data = data[2:]
		u := make([]uint16, len(data)/2)
		for i := range u {
			if le {
				u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
			} else {
				u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			}
		}
		return string(utf16.Decode(u)), true
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", false
	}
	if utf8.Valid(data) {
		return string(data), true
	}
	return windows1252(data), true
}

// cp1252 holds the characters Windows-1252 puts at 0x80–0x9F; the rest of
// the upper half is Latin-1. Undefined bytes become U+FFFD.
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

func windows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xa0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// sniffDelimiter picks comma, semicolon or tab: whichever occurs most in the
// header line outside quotes (comma on a tie or when none occurs).
func sniffDelimiter(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' || r == '\r' {
			break
		}
		counts[r]++
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

func readCSV(name string, data []byte) (Table, error) {
	text, ok := decodeText(data)
	if !ok {
		return Table{}, model.Invalid("file", "%s is not a text (CSV) file; import a .csv or .xlsx file", name)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffDelimiter(strings.TrimLeft(text, "\r\n"))
	r.FieldsPerRecord = -1
	b := &builder{name: name}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return Table{}, model.Invalid("file", "%s: the row starting on line %d: %v (line %d, character %d); check the quotes around that cell",
				name, pe.StartLine, pe.Err, pe.Line, pe.Column)
		}
		if err != nil {
			return Table{}, model.Invalid("file", "%s: %v", name, err)
		}
		line, _ := r.FieldPos(0)
		if err := b.add(line, rec); err != nil {
			return Table{}, err
		}
	}
	return b.done()
}

func readXLSX(name string, data []byte, sheet string) (Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzipSize,
		UnzipXMLSizeLimit: min(maxUnzipSize, maxXMLInMemory),
	})
	if err != nil {
		return Table{}, xlsxError(name, err)
	}
	defer f.Close() // removes the temporary files of large sheets
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return Table{}, model.Invalid("file", "%s has no sheets", name)
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if !containsFold(sheets, &sheet) {
		return Table{}, model.Invalid("sheet", "%s has no sheet %q (its sheets: %s)", name, sheet, strings.ToValidUTF8(strings.Join(sheets, ", "), "\ufffd"))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return Table{}, xlsxError(name, err)
	}
	defer rows.Close()
	b := &builder{name: name}
	b.t.Sheets, b.t.Sheet = sheets, sheet
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return Table{}, xlsxError(name, err)
		}
		if err := b.add(n, cells); err != nil {
			return Table{}, err
		}
	}
	if err := rows.Error(); err != nil {
		return Table{}, xlsxError(name, err)
	}
	return b.done()
}

// containsFold finds a sheet by name, ignoring case, and sets the exact name.
func containsFold(list []string, name *string) bool {
	for _, s := range list {
		if strings.EqualFold(s, strings.TrimSpace(*name)) {
			*name = s
			return true
		}
	}
	return false
}

func xlsxError(name string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "unzip size exceeds"):
		return model.Invalid("file", "%s unpacks to more than %d MB; imports are limited to that (is it a zip bomb?)",
			name, maxUnzipSize>>20)
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		return model.Invalid("file", "%s is password-protected or not a workbook; save it as .xlsx or CSV", name)
	case errors.Is(err, excelize.ErrMaxRows):
		return model.Invalid("file", "%s has rows beyond Excel's last row", name)
	default:
		// The reader's words may quote the file's bytes: keep them valid text and short.
		return model.Invalid("file", "%s is not a readable .xlsx workbook: %s", name, clipHeader(strings.ToValidUTF8(msg, "\ufffd")))
	}
}

// The workbook's cell styles and number formats, quote-prefixed text cells, column
// widths and small cell-address helpers.

package exports

import (
	"errors"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Column widths, in Excel's character units.
const (
	minColWidth = 6
	maxColWidth = 60
)

// Number formats.
const (
	fmtOne     = "0.0"
	fmtTwo     = "0.00"
	fmtThree   = "0.000"
	fmtPercent = "0%"
	fmtShare   = "0.0%"
	fmtUSD     = "0.0000"
)

// styles holds the workbook's cell styles and their quote-prefixed twins.
// Every style is created in newStyles, before the first quoted twin is
// appended (see quoted).
type styles struct {
	f                        *excelize.File
	header, num1, num2, num3 int
	pct, share               int // 0% and 0.0%
	edit, editPct            int // what-if cells the committee may change
	note, bold, link, check  int
	wrap                     int
	usd, usdBold             int // dollars to the hundredth of a cent (AI usage)
	quotedOf                 map[int]int
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{f: f, quotedOf: map[int]int{}}
	one, two, three, pct, share, usd := fmtOne, fmtTwo, fmtThree, fmtPercent, fmtShare, fmtUSD
	thin := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	editFont := &excelize.Font{Bold: true, Color: "7F6000"}
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.num1, &excelize.Style{CustomNumFmt: &one}},
		{&st.num2, &excelize.Style{CustomNumFmt: &two}},
		{&st.num3, &excelize.Style{CustomNumFmt: &three}},
		{&st.pct, &excelize.Style{CustomNumFmt: &pct}},
		{&st.share, &excelize.Style{CustomNumFmt: &share}},
		{&st.edit, &excelize.Style{Fill: yellow, Border: thin, Font: editFont}},
		{&st.editPct, &excelize.Style{Fill: yellow, Border: thin, Font: editFont, CustomNumFmt: &pct}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.bold, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.link, &excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
		{&st.check, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.usd, &excelize.Style{CustomNumFmt: &usd}},
		{&st.usdBold, &excelize.Style{CustomNumFmt: &usd, Font: &excelize.Font{Bold: true}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return nil, errors.New("exports: excelize style sheet not loaded")
	}
	return st, nil
}

// quoted returns a copy of cell style base with quotePrefix set: Excel's own
// record of a leading apostrophe. The cell's value stays exactly the text;
// Excel shows it as text and keeps it text when a person edits the cell.
// excelize has no option for quotePrefix, so the twin is appended to the
// style sheet directly (after every NewStyle call, so NewStyle's
// de-duplication, which returns the first match, never hands it out).
func (st *styles) quoted(base int) int {
	if id, ok := st.quotedOf[base]; ok {
		return id
	}
	xfs := st.f.Styles.CellXfs
	if base < 0 || base >= len(xfs.Xf) {
		base = 0
	}
	xf := xfs.Xf[base]
	on := true
	xf.QuotePrefix = &on
	xfs.Xf = append(xfs.Xf, xf)
	xfs.Count = len(xfs.Xf)
	id := len(xfs.Xf) - 1
	st.quotedOf[base] = id
	return id
}

// textStyle is the style for text s in a cell whose style would be base.
func (st *styles) textStyle(s string, base int) int {
	if formulaTrigger(s) {
		return st.quoted(base)
	}
	return base
}

// text is a stream cell holding s as literal text (an inline string, never
// a formula), capped at MaxCellChars.
func (st *styles) text(s string, base int) excelize.Cell {
	return excelize.Cell{StyleID: st.textStyle(s, base), Value: capText(s)}
}

// setText writes s as literal text (a shared string, never a formula).
func (st *styles) setText(sheet, cell, s string, base int) error {
	if err := st.f.SetCellStr(sheet, cell, capText(s)); err != nil {
		return err
	}
	if style := st.textStyle(s, base); style != 0 {
		return st.f.SetCellStyle(sheet, cell, cell, style)
	}
	return nil
}

// setNum writes a number with a style.
func (st *styles) setNum(sheet, cell string, v float64, style int) error {
	if err := st.f.SetCellFloat(sheet, cell, v, -1, 64); err != nil {
		return err
	}
	if style != 0 {
		return st.f.SetCellStyle(sheet, cell, cell, style)
	}
	return nil
}

// formula is a stream cell holding a live formula (written without its
// leading =) and the value a program that does not recalculate shows.
func formula(f string, cached any, style int) excelize.Cell {
	return excelize.Cell{StyleID: style, Formula: f, Value: cached}
}

// optional is *v, or "" when v is nil (an empty cached formula result).
func optional(v *float64) any {
	if v == nil {
		return ""
	}
	return *v
}

// widths fits column widths to content: the longest value in runes, capped.
type widths []int

func newWidths(headers []string) widths {
	w := make(widths, len(headers))
	for i, h := range headers {
		w.fit(i, h)
		w[i]++ // bold header
	}
	return w
}

func (w widths) fit(i int, s string) {
	if i >= len(w) || w[i] >= maxColWidth || len(s) <= w[i] {
		return // a string of n bytes has at most n runes
	}
	if n := utf8.RuneCountInString(s); n > w[i] {
		w[i] = n
	}
}

func (w widths) width(i int) float64 {
	return float64(min(max(w[i]+2, minColWidth), maxColWidth))
}

// apply sets the stream's column widths (before its first row).
func (w widths) apply(sw *excelize.StreamWriter) error {
	for i := range w {
		if err := sw.SetColWidth(i+1, i+1, w.width(i)); err != nil {
			return err
		}
	}
	return nil
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// frozen freezes the first rows rows and cols columns.
func frozen(rows, cols int) *excelize.Panes {
	top := cellName(cols+1, rows+1)
	pane := "bottomLeft"
	if cols > 0 {
		pane = "bottomRight"
	}
	return &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}}}
}

// headerRow is a row of header cells.
func (st *styles) headerRow(header []string) []any {
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = st.text(h, st.header)
	}
	return row
}

// scoreScale is one fixed 0–50–100 colour scale, so a colour means the same
// score in every column it is applied to.
func scoreScale() []excelize.ConditionalFormatOptions {
	return []excelize.ConditionalFormatOptions{{Type: "3_color_scale", Criteria: "=",
		MinType: "num", MinValue: "0", MinColor: "#F8696B",
		MidType: "num", MidValue: "50", MidColor: "#FFEB84",
		MaxType: "num", MaxValue: "100", MaxColor: "#63BE7B"}}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// yesNoEmpty is "yes" or "": flags in long tables stay readable.
func yesNoEmpty(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package filename_test

import (
	"strings"
	"testing"

	"hirebench/app/filename"
)

// Names that Windows refuses, or reads as a device or a folder, are made
// into names every system accepts; ordinary names are kept as they are.
func TestSafe(t *testing.T) {
	long := strings.Repeat("a", 130)
	cases := []struct{ in, fallback, want string }{
		{"committee.xlsx", "x", "committee.xlsx"},
		{"con", "x", "con_"},
		{"con.xlsx", "x", "con_.xlsx"},
		{"CON.xlsx", "x", "CON_.xlsx"},
		{"Nul.tar.gz", "x", "Nul_.tar.gz"},
		{"aux -summary.csv", "x", "aux -summary.csv"}, // the device must be the whole stem
		{"nul .txt", "x", "nul_ .txt"},
		{"com1.json", "x", "com1_.json"},
		{"LPT9", "x", "LPT9_"},
		{"com¹.txt", "x", "com¹_.txt"},
		{"conout$.log", "x", "conout$_.log"},
		{"com0.txt", "x", "com0_.txt"}, // reserved since Windows 11
		{"lpt0", "x", "lpt0_"},
		{"cv\u202Efdp.exe", "x", "cv_fdp.exe"}, // a right-to-left override would show "cvexe.pdf"
		{"a\u2066b\u200Fc.txt", "x", "a_b_c.txt"},
		{"console.xlsx", "x", "console.xlsx"},
		{"prn-rubric.json", "x", "prn-rubric.json"},
		{"a:b?.xlsx", "x", "a_b_.xlsx"},
		{`<x>|"y"*.csv`, "x", `_x___y__.csv`},
		{`..\..\windows\win.ini`, "x", `.._.._windows_win.ini`},
		{"../etc/passwd", "x", ".._etc_passwd"},
		{"tab\there\nnew\x7f.txt", "x", "tab_here_new_.txt"},
		{"report. ", "x", "report"},
		{"report.xlsx. . ", "x", "report.xlsx"},
		{"  leading.txt", "x", "leading.txt"},
		{"Zoë Ødegård – CV.pdf", "x", "Zoë Ødegård – CV.pdf"},
		{"履歴書.docx", "x", "履歴書.docx"},
		{"", "rubric.json", "rubric.json"},
		{"...", "rubric.json", "rubric.json"},
		{" . ", "", "file"},
		{"", "con.csv", "con_.csv"},
		{"???", "x", "___"},
		{long + ".xlsx", "x", strings.Repeat("a", 115) + ".xlsx"},
		{long, "x", strings.Repeat("a", 120)},
		{strings.Repeat("履", 50) + ".pdf", "x", strings.Repeat("履", 38) + ".pdf"}, // 114 bytes + 4: no half letter
		{"x." + long, "x", "x." + strings.Repeat("a", 118)},                       // an "ending" that long is not one
		{"con." + long, "x", "con_." + strings.Repeat("a", 115)},
	}
	for _, tc := range cases {
		if got := filename.Safe(tc.in, tc.fallback); got != tc.want {
			t.Errorf("Safe(%q, %q) = %q, want %q", tc.in, tc.fallback, got, tc.want)
		}
	}
}

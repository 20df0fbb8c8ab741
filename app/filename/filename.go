// Package filename makes the one rule for every file name hirebench proposes
// or writes (a save dialog's suggestion, an entry in a zip a recruiter
// unpacks): a name Windows, macOS and Linux all accept as it is. Pure.
package filename

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxBytes bounds a name (UTF-8 bytes), well under every file system's 255,
// so the folder it lands in still fits Windows' 260-character paths.
const MaxBytes = 120

// maxExt is the longest ending kept whole when a long name is shortened.
const maxExt = 16

// Safe returns name as a file name that works everywhere:
//   - <>:"/\|? and * and control characters become _ (so no folders either);
//   - leading spaces and trailing dots and spaces go (Windows drops them);
//   - a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, CONIN$,
//     CONOUT$), in any case and with any ending, gets _ after it: "con.xlsx"
//     becomes "con_.xlsx", "LPT1" becomes "LPT1_";
//   - a name longer than MaxBytes is shortened, keeping its ending (.xlsx);
//   - letters of any script are kept.
//
// A name with nothing left (empty, "..", "???" is kept as "___") becomes
// fallback, made safe the same way, or "file".
func Safe(name, fallback string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	name = trim(name)
	if name == "" {
		if fallback == "" {
			return "file"
		}
		return Safe(fallback, "")
	}
	// Shortened again in case the _ made a device name with a long tail too long.
	return shorten(undevice(shorten(name)))
}

// trim drops leading spaces and trailing dots and spaces.
func trim(s string) string {
	return strings.TrimRight(strings.TrimLeft(s, " "), ". ")
}

// shorten cuts the part before the ending at a character boundary so the
// whole is at most MaxBytes.
func shorten(name string) string {
	if len(name) <= MaxBytes {
		return name
	}
	stem, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= maxExt {
		stem, ext = name[:i], name[i:]
	}
	n := MaxBytes - len(ext)
	for n > 0 && !utf8.RuneStart(stem[n]) {
		n--
	}
	stem = trim(stem[:n])
	if stem == "" {
		stem = "file"
	}
	return stem + ext
}

// devices are the names Windows keeps for devices, whatever follows the first
// dot; ¹²³ count as digits there.
var devices = func() map[string]bool {
	m := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		m["COM"+d], m["LPT"+d] = true, true
	}
	return m
}()

// undevice puts _ after a device name: Windows reads "nul.txt" and "NUL .csv"
// as the device, whatever the ending.
func undevice(name string) string {
	stem, _, _ := strings.Cut(name, ".")
	word := strings.TrimRight(stem, " ")
	if !devices[strings.ToUpper(word)] {
		return name
	}
	return word + "_" + name[len(word):]
}

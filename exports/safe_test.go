// Tests capping text at Excel's cell limit and which links may become hyperlinks.

package exports

import (
	"strings"
	"testing"
)

func TestCapText(t *testing.T) {
	if s := strings.Repeat("a", MaxCellChars); capText(s) != s {
		t.Errorf("a string at the limit was cut")
	}
	long := strings.Repeat("é", MaxCellChars+10)
	got := capText(long)
	if utf16Len(got) > MaxCellChars || !strings.HasSuffix(got, truncatedMark) {
		t.Errorf("capped to %d units", utf16Len(got))
	}
	emoji := strings.Repeat("😀", MaxCellChars) // 2 UTF-16 units each
	got = capText(emoji)
	if utf16Len(got) > MaxCellChars || !strings.HasSuffix(got, truncatedMark) || !strings.HasPrefix(got, "😀") {
		t.Errorf("emoji capped to %d units", utf16Len(got))
	}
	// In the workbook: a 40,000-character note or name is cut to the limit.
	c := buildCommittee(t, fixtureCards())
	c.Scorecards[0].Notes = strings.Repeat("n", 40000)
	c.Candidates[0].Name = strings.Repeat("m", 40000)
	c.WeightChanges[0].Reason = strings.Repeat("r", 40000)
	f, _ := writeAndOpen(t, c)
	for _, ref := range []string{"Scorecards!P2", "Summary!B3", "Weight history!G2"} {
		sheet, at, _ := strings.Cut(ref, "!")
		v := cell(t, f, sheet, at)
		if utf16Len(v) != MaxCellChars || !strings.HasSuffix(v, truncatedMark) {
			t.Errorf("%s has %d characters", ref, utf16Len(v))
		}
	}
}

func TestSafeLink(t *testing.T) {
	for _, ok := range []string{"https://example.com/a?b=c", "mailto:hr@example.com", "HTTPS://EXAMPLE.COM"} {
		if _, good := safeLink(ok); !good {
			t.Errorf("safeLink(%q) refused", ok)
		}
	}
	for _, bad := range []string{"", "http://evil", "javascript:alert(1)", "file:///etc/passwd", `\\host\share`,
		"data:text/html,x", "//evil.com", "evil.com", "https://", "https://user:pw@evil.com", "mailto:", "https://a.com/\nx",
		"vbscript:x", "ftp://x", "=HYPERLINK(\"http://evil\")", "https:evil.com", "mailto:nobody"} {
		if _, good := safeLink(bad); good {
			t.Errorf("safeLink(%q) allowed", bad)
		}
	}
}

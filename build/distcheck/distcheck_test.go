package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestSumsFindTamperedMissingAndExtraFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"a.deb": "abc", "b.exe": "hello\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// sha256("abc") and sha256("hello\n"), from sha256sum.
	good := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.deb\n" +
		"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  b.exe\n"
	listed, err := parseSums([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if p := verifySums(dir, listed, []string{"a.deb", "b.exe"}); len(p) != 0 {
		t.Fatalf("matching sums: %v", p)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.exe"), []byte("hello!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := verifySums(dir, listed, []string{"a.deb", "b.exe", "c.tar.gz"})
	want := []string{"b.exe does not match its hash", "c.tar.gz is not listed"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := verifySums(dir, listed, []string{"a.deb"}); !reflect.DeepEqual(got, []string{"b.exe is listed but is not a release artefact"}) {
		t.Fatalf("extra file: %q", got)
	}
	for _, bad := range []string{"abc  a.deb\n", good + good, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad a.deb\n"} {
		if _, err := parseSums([]byte(bad)); err == nil {
			t.Errorf("parseSums accepted %q", bad)
		}
	}
}

func TestChangelogVersionsNewestFirstWithoutUnreleased(t *testing.T) {
	md := "# Changelog\n\n## Unreleased\n\n## 0.2.0 — 2027-01-10\n- x\n## 0.1.0 — 2026-12-02\n### 1.0.0 is not a heading of ours\n"
	if got := changelogVersions(md); !reflect.DeepEqual(got, []string{"0.2.0", "0.1.0"}) {
		t.Fatalf("got %q", got)
	}
}

func TestDependsAlternativesAndGlibcMinimum(t *testing.T) {
	d := parseDepends("libc6 (>= 2.34), libgtk-3-0 | libgtk-3-0t64, libwebkit2gtk-4.1-0")
	for _, pkg := range []string{"libc6", "libgtk-3-0", "libgtk-3-0t64", "libwebkit2gtk-4.1-0"} {
		if !d.names(pkg) {
			t.Errorf("Depends should name %s", pkg)
		}
	}
	if d.names("libwebkit2gtk-4.0-37") {
		t.Error("Depends should not name webkit 4.0")
	}
	if c := d.constraintOf("libc6"); c == nil || *c != ">= 2.34" {
		t.Errorf("libc6 constraint %v", c)
	}
	for _, tc := range []struct {
		a, b string
		less bool
	}{{"2.9", "2.34", true}, {"2.34", "2.9", false}, {"2.34", "2.34", false}, {"2.3", "2.3.4", true}, {"0", "2.2.5", true}} {
		if got := versionLess(tc.a, tc.b); got != tc.less {
			t.Errorf("versionLess(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}

func TestControlFields(t *testing.T) {
	info := " new Debian package, version 2.0.\n size 13302628 bytes: control archive=1234 bytes.\n" +
		" Package: hirebench\n Version: 0.1.0+3.g1a2b3c4\n Depends: libc6 (>= 2.34), libsoup-3.0-0\n Description: Offline desktop hiring workbench.\n  Track candidates: more text\n"
	f := controlFields(info)
	if f["Package"] != "hirebench" || f["Version"] != "0.1.0+3.g1a2b3c4" || f["Depends"] != "libc6 (>= 2.34), libsoup-3.0-0" {
		t.Fatalf("fields %v", f)
	}
	if _, ok := f["Track candidates"]; ok {
		t.Error("a description line was read as a field")
	}
}

func TestIcoImages(t *testing.T) {
	// An .ico with two images of 3 and 2 bytes after a 6+2*16 byte header.
	ico := make([]byte, 6+32)
	binary.LittleEndian.PutUint16(ico[2:], 1)
	binary.LittleEndian.PutUint16(ico[4:], 2)
	binary.LittleEndian.PutUint32(ico[6+8:], 3)
	binary.LittleEndian.PutUint32(ico[6+12:], 38)
	binary.LittleEndian.PutUint32(ico[22+8:], 2)
	binary.LittleEndian.PutUint32(ico[22+12:], 41)
	ico = append(ico, 'a', 'b', 'c', 'd', 'e')
	imgs, err := icoImages(ico)
	if err != nil || len(imgs) != 2 || string(imgs[0]) != "abc" || string(imgs[1]) != "de" {
		t.Fatalf("images %q, %v", imgs, err)
	}
	if _, err := icoImages(ico[:40]); err == nil {
		t.Error("a cut .ico was accepted")
	}
}

func TestUninstallerRemovesOnlyWhatItInstalled(t *testing.T) {
	keeps := "Section \"uninstall\"\n    Delete \"$INSTDIR\\${PRODUCT_EXECUTABLE}\"\n    RMDir \"$INSTDIR\" # only when empty\n" +
		"    SetShellVarContext current\n    RMDir /r \"$AppData\\${PRODUCT_EXECUTABLE}\"\n"
	for _, deletes := range []string{
		"    RMDir /r $INSTDIR\n",
		"    RMDir /r \"$INSTDIR\"\n",
		"    RMDir /r \"$AppData\\${INFO_PROJECTNAME}\"\n",
		"    RMDir /r \"$AppData\\hirebench\" # tidy\n",
		"  rmdir /R $APPDATA\\hirebench\\\n",
	} {
		if !removesTooMuch.MatchString(keeps + deletes) {
			t.Errorf("not caught: %q", deletes)
		}
	}
	if removesTooMuch.MatchString(keeps) {
		t.Error("removing the exe, an empty install folder or the WebView2 cache was taken for too much")
	}
	data, err := os.ReadFile("../windows/installer/project.nsi")
	if err != nil {
		t.Fatal(err)
	}
	if m := removesTooMuch.Find(data); m != nil {
		t.Errorf("project.nsi deletes too much: %q", m)
	}
}

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"
)

func utf16le(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// checkWindowsExe: the app a Windows user runs. It must be a 64-bit GUI
// program (no console window when opened from Explorer) carrying its manifest
// (DPI awareness, the common controls), our icon, a version resource and the
// release's version string.
func (c *checker) checkWindowsExe(path, v string) {
	info, err := readPE(path)
	if err != nil {
		c.fail("windows exe: %v", err)
		return
	}
	if !info.plus || !info.amd64 || !info.gui {
		c.fail("windows exe: PE32+ %v, x86-64 %v, GUI subsystem %v; want all three", info.plus, info.amd64, info.gui)
	} else {
		c.ok("windows exe: PE32+ x86-64 GUI executable")
	}
	manifests := info.resources[rtManifest]
	if len(manifests) != 1 || !regexp.MustCompile(`name="com\.wails\.hirebench"`).Match(manifests[0]) ||
		!bytes.Contains(manifests[0], []byte("dpiAware")) {
		c.fail("windows exe: want one application manifest naming hirebench with DPI awareness, found %d", len(manifests))
	} else {
		c.ok("windows exe: the application manifest is embedded")
	}
	ico, err := os.ReadFile("build/windows/icon.ico")
	if err != nil {
		c.fail("windows exe: %v", err)
		return
	}
	imgs, err := icoImages(ico)
	if err != nil {
		c.fail("windows exe: build/windows/icon.ico: %v", err)
		return
	}
	embedded := 0
	for _, img := range imgs {
		for _, r := range info.resources[rtIcon] {
			if bytes.Equal(img, r) {
				embedded++
				break
			}
		}
	}
	if len(info.resources[rtGroupIcon]) == 0 || embedded != len(imgs) {
		c.fail("windows exe: %d of build/windows/icon.ico's %d images embedded (icon groups: %d)",
			embedded, len(imgs), len(info.resources[rtGroupIcon]))
	} else {
		c.ok("windows exe: the icon is embedded (%d sizes)", embedded)
	}
	switch versions := info.resources[rtVersion]; {
	case len(versions) == 0:
		c.fail("windows exe: no version resource")
	case !strings.Contains(v, "+") && !bytes.Contains(versions[0], utf16le(v)):
		// A release (a tag) must say its own number in Explorer's Properties.
		c.fail("windows exe: the version resource does not say %s", v)
	}
	exe, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(exe, []byte(v)) {
		c.fail("windows exe: the version %s is not stamped in the binary", v)
	} else {
		c.ok("windows exe: stamped %s", v)
	}
}

// checkInstaller: the NSIS installer is itself a 32-bit GUI program.
func (c *checker) checkInstaller(path string) {
	info, err := readPE(path)
	if err != nil {
		c.fail("installer: %v", err)
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		c.fail("installer: %v", err)
		return
	}
	if info.plus || !info.gui || !bytes.Contains(data, []byte("Nullsoft")) {
		c.fail("installer: want a 32-bit GUI Nullsoft installer (PE32+ %v, GUI %v)", info.plus, info.gui)
		return
	}
	c.ok("installer: a Nullsoft (NSIS) installer, %.1f MB", float64(len(data))/1e6)
}

// checkInstallerPayload unpacks the installer (7-Zip reads NSIS archives) and
// compares what it installs with the released files: the same exe, byte for
// byte, and the notices.
func (c *checker) checkInstallerPayload(setup, exe string) {
	tmp, err := os.MkdirTemp("", "hirebench-nsis-")
	if err != nil {
		c.fail("installer: %v", err)
		return
	}
	defer os.RemoveAll(tmp)
	if out, err := exec.Command("7z", "x", "-y", "-o"+tmp, setup).CombinedOutput(); err != nil {
		c.fail("installer: 7z x: %v: %s", err, out)
		return
	}
	want, err := sha256File(exe)
	if err != nil {
		c.fail("installer: %v", err)
		return
	}
	got, err := sha256File(filepath.Join(tmp, "hirebench.exe"))
	switch {
	case err != nil:
		c.fail("installer: it installs no hirebench.exe: %v", err)
	case got != want:
		c.fail("installer: the hirebench.exe it installs is not the released %s", filepath.Base(exe))
	default:
		c.ok("installer: installs the released exe, byte for byte")
	}
	c.checkNotices("installer", filepath.Join(tmp, "THIRD_PARTY_NOTICES.txt"), exe)
}

// removesTooMuch finds an uninstaller line that deletes more than the
// installer put there: a recursive RMDir of the install folder (whatever
// folder the user chose) or of the workspace, %APPDATA%\hirebench (as opposed
// to the WebView2 cache %APPDATA%\hirebench.exe).
var removesTooMuch = regexp.MustCompile(`(?im)^\s*RMDir\s+/r\s+"?(\$INSTDIR|\$AppData\\(hirebench|\$\{INFO_PROJECTNAME\}|\$\{INFO_PRODUCTNAME\}))\\?"?\s*(#.*)?$`)

func (c *checker) checkUninstallKeepsData(nsi string) {
	data, err := os.ReadFile(nsi)
	if err != nil {
		c.fail("installer: %v", err)
		return
	}
	if m := removesTooMuch.Find(data); m != nil {
		c.fail("installer: the uninstaller deletes more than it installed: %q", bytes.TrimSpace(m))
		return
	}
	c.ok("installer: uninstalling removes only what it installed and keeps the workspace in %%APPDATA%%\\hirebench")
}

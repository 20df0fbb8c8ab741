package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

func (c *checker) checkTarball(path, v string) {
	tmp, err := os.MkdirTemp("", "hirebench-tar-")
	if err != nil {
		c.fail("tarball: %v", err)
		return
	}
	defer os.RemoveAll(tmp)
	if out, err := exec.Command("tar", "-xzf", path, "-C", tmp).CombinedOutput(); err != nil {
		c.fail("tarball: %v: %s", err, out)
		return
	}
	top := filepath.Join(tmp, "hirebench_"+v+"_linux_amd64")
	for _, f := range []string{"hirebench", "hirebench.desktop", "hirebench.png", "README.md", "CHANGELOG.md", "THIRD_PARTY_NOTICES.txt"} {
		if _, err := os.Stat(filepath.Join(top, f)); err != nil {
			c.fail("tarball: %s is missing from %s/", f, filepath.Base(top))
		}
	}
	c.checkNotices("tarball", filepath.Join(top, "THIRD_PARTY_NOTICES.txt"), filepath.Join(top, "hirebench"))
	c.checkRuns("tarball", filepath.Join(top, "hirebench"), v)
}

func (c *checker) checkDeb(path, v string) {
	info, err := exec.Command("dpkg-deb", "-I", path).CombinedOutput()
	if err != nil {
		c.fail(".deb: dpkg-deb -I: %v: %s", err, info)
		return
	}
	fields := controlFields(string(info))
	for k, want := range map[string]string{"Package": "hirebench", "Version": v, "Architecture": "amd64"} {
		if fields[k] != want {
			c.fail(".deb: %s is %q, want %q", k, fields[k], want)
		}
	}
	depends := parseDepends(fields["Depends"])
	if !depends.names("libwebkit2gtk-4.1-0") {
		c.fail(".deb: Depends does not name libwebkit2gtk-4.1-0: %q", fields["Depends"])
	} else {
		c.ok(".deb: Depends: %s", fields["Depends"])
	}

	tmp, err := os.MkdirTemp("", "hirebench-deb-")
	if err != nil {
		c.fail(".deb: %v", err)
		return
	}
	defer os.RemoveAll(tmp)
	if out, err := exec.Command("dpkg-deb", "-x", path, tmp).CombinedOutput(); err != nil {
		c.fail(".deb: dpkg-deb -x: %v: %s", err, out)
		return
	}
	for _, f := range []string{
		"usr/bin/hirebench",
		"usr/share/applications/hirebench.desktop",
		"usr/share/icons/hicolor/256x256/apps/hirebench.png",
		"usr/share/icons/hicolor/scalable/apps/hirebench.svg",
		"usr/share/doc/hirebench/CHANGELOG.md",
		"usr/share/doc/hirebench/copyright",
		"usr/share/doc/hirebench/THIRD_PARTY_NOTICES.txt",
	} {
		if _, err := os.Stat(filepath.Join(tmp, f)); err != nil {
			c.fail(".deb: /%s is missing", f)
		}
	}
	bin := filepath.Join(tmp, "usr/bin/hirebench")
	c.checkNotices(".deb", filepath.Join(tmp, "usr/share/doc/hirebench/THIRD_PARTY_NOTICES.txt"), bin)
	c.checkLinks(bin, depends)
	c.checkDesktopEntry(filepath.Join(tmp, "usr/share/applications/hirebench.desktop"))
	c.checkRuns(".deb", bin, v)
}

// controlFields reads the "Key: value" lines dpkg-deb -I prints.
func controlFields(info string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(info, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if ok && !strings.Contains(k, " ") {
			out[k] = v
		}
	}
	return out
}

// dependsClause is one comma-separated requirement: any of its alternatives
// satisfies it.
type dependsClause []dependsAlt

type dependsAlt struct{ name, constraint string }

type depends []dependsClause

func parseDepends(s string) depends {
	var out depends
	for _, clause := range strings.Split(s, ",") {
		var alts dependsClause
		for _, alt := range strings.Split(clause, "|") {
			alt = strings.TrimSpace(alt)
			name, constraint, _ := strings.Cut(alt, " ")
			if name != "" {
				alts = append(alts, dependsAlt{name, strings.Trim(strings.TrimSpace(constraint), "()")})
			}
		}
		if len(alts) > 0 {
			out = append(out, alts)
		}
	}
	return out
}

func (d depends) names(pkg string) bool { return d.constraintOf(pkg) != nil }

func (d depends) constraintOf(pkg string) *string {
	for _, clause := range d {
		for _, alt := range clause {
			if alt.name == pkg {
				return &alt.constraint
			}
		}
	}
	return nil
}

// checkLinks proves the declared dependencies cover the binary: every shared
// library it links belongs (on this Debian machine, which built it) to a
// package Depends names, and libc6's minimum is at least the newest glibc
// symbol version it uses.
func (c *checker) checkLinks(bin string, d depends) {
	f, err := elf.Open(bin)
	if err != nil {
		c.fail(".deb: %v", err)
		return
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		c.fail(".deb: %v", err)
		return
	}
	missing := 0
	for _, lib := range libs {
		out, err := exec.Command("dpkg", "-S", "*/"+lib).Output()
		if err != nil {
			c.fail(".deb: no installed package here provides %s, which the binary links", lib)
			missing++
			continue
		}
		pkg, _, _ := strings.Cut(strings.SplitN(string(out), "\n", 2)[0], ":")
		if !d.names(pkg) {
			c.fail(".deb: the binary links %s from %s, which Depends does not name", lib, pkg)
			missing++
		}
	}
	if missing == 0 {
		c.ok(".deb: Depends covers the %d libraries the binary links", len(libs))
	}
	syms, err := f.DynamicSymbols()
	if err != nil {
		c.fail(".deb: %v", err)
		return
	}
	newest := "0"
	for _, s := range syms {
		if v, ok := strings.CutPrefix(s.Version, "GLIBC_"); ok && versionLess(newest, v) {
			newest = v
		}
	}
	constraint := d.constraintOf("libc6")
	have, ok := "", false
	if constraint != nil {
		have, ok = strings.CutPrefix(*constraint, ">= ")
	}
	switch {
	case !ok:
		c.fail(".deb: libc6 has no minimum version; the binary needs glibc %s", newest)
	case versionLess(have, newest):
		c.fail(".deb: libc6 (>= %s) is older than the glibc %s the binary needs", have, newest)
	default:
		c.ok(".deb: libc6 (>= %s) covers the glibc %s the binary needs", have, newest)
	}
}

// versionLess compares dotted numbers: 2.9 < 2.34.
func versionLess(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}

var desktopKey = regexp.MustCompile(`(?m)^(Exec|Icon)=(.*)$`)

func (c *checker) checkDesktopEntry(path string) {
	if _, err := exec.LookPath("desktop-file-validate"); err == nil {
		if out, err := exec.Command("desktop-file-validate", path).CombinedOutput(); err != nil || len(out) > 0 {
			c.fail(".deb: desktop-file-validate: %v %s", err, out)
			return
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		c.fail(".deb: %v", err)
		return
	}
	keys := map[string]string{}
	for _, m := range desktopKey.FindAllStringSubmatch(string(data), -1) {
		keys[m[1]] = m[2]
	}
	if keys["Exec"] != "hirebench" || keys["Icon"] != "hirebench" {
		c.fail(".deb: the desktop entry runs %q with icon %q, want hirebench and hirebench", keys["Exec"], keys["Icon"])
		return
	}
	c.ok(".deb: the desktop entry %s runs hirebench with its icon", filepath.Base(path))
}

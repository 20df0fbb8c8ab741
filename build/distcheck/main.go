// distcheck checks the artefacts of `make dist` (build/dist/) as far as this
// Linux machine can run them: the tarball and the .deb are unpacked and their
// binary runs (version, a demo workspace); the .deb's dependencies are checked
// against the libraries the binary links; the Windows executable and installer
// are checked by their headers and resources, since no Windows (nor Wine, which
// cannot run Go 1.26 binaries) is at hand; SHA256SUMS must match every file.
//
//	go run ./build/distcheck -dir build/dist -version 0.1.0
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type checker struct {
	failed int
}

func (c *checker) ok(format string, args ...any) { fmt.Printf("distcheck: ok   "+format+"\n", args...) }
func (c *checker) fail(format string, args ...any) {
	c.failed++
	fmt.Printf("distcheck: FAIL "+format+"\n", args...)
}

func main() {
	dir := flag.String("dir", "build/dist", "the folder make dist wrote")
	version := flag.String("version", "", "the version the artefacts must carry")
	flag.Parse()
	if *version == "" {
		fmt.Fprintln(os.Stderr, "distcheck: -version is required")
		os.Exit(2)
	}
	c := &checker{}
	v := *version
	names := artefacts(v)
	c.checkSums(*dir, names)
	c.checkVersioning(v)
	c.checkTarball(filepath.Join(*dir, names.tarball), v)
	c.checkDeb(filepath.Join(*dir, names.deb), v)
	c.checkWindowsExe(filepath.Join(*dir, names.exe), v)
	c.checkInstallerPayload(filepath.Join(*dir, names.setup), filepath.Join(*dir, names.exe))
	c.checkInstaller(filepath.Join(*dir, names.setup))
	c.checkUninstallKeepsData("build/windows/installer/project.nsi")
	if c.failed > 0 {
		fmt.Printf("distcheck: %d check(s) failed\n", c.failed)
		os.Exit(1)
	}
	fmt.Println("distcheck: every artefact checked")
}

type artefactNames struct{ tarball, deb, exe, setup string }

func artefacts(v string) artefactNames {
	return artefactNames{
		tarball: "hirebench_" + v + "_linux_amd64.tar.gz",
		deb:     "hirebench_" + v + "_amd64.deb",
		exe:     "hirebench_" + v + "_windows_amd64.exe",
		setup:   "hirebench_" + v + "_windows_amd64_setup.exe",
	}
}

func (c *checker) checkSums(dir string, n artefactNames) {
	sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		c.fail("SHA256SUMS: %v", err)
		return
	}
	listed, err := parseSums(sums)
	if err != nil {
		c.fail("SHA256SUMS: %v", err)
		return
	}
	want := []string{n.tarball, n.deb, n.exe, n.setup}
	if problems := verifySums(dir, listed, want); len(problems) > 0 {
		for _, p := range problems {
			c.fail("SHA256SUMS: %s", p)
		}
		return
	}
	c.ok("SHA256SUMS lists the %d artefacts and every hash matches", len(want))
}

// checkVersioning: the version a release carries is written down where users
// and Windows look for it.
func (c *checker) checkVersioning(v string) {
	changelog, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		c.fail("CHANGELOG.md: %v", err)
		return
	}
	released := changelogVersions(string(changelog))
	if len(released) == 0 {
		c.fail("CHANGELOG.md has no released version")
		return
	}
	base, _, _ := strings.Cut(v, "+")
	if base != "0.0.0" && !slices.Contains(released, base) {
		c.fail("CHANGELOG.md has no entry for %s (it lists %s)", base, strings.Join(released, ", "))
	} else {
		c.ok("CHANGELOG.md records %s", released[0])
	}
	var w struct {
		Info struct {
			ProductVersion string `json:"productVersion"`
		} `json:"info"`
	}
	data, err := os.ReadFile("wails.json")
	if err == nil {
		err = json.Unmarshal(data, &w)
	}
	switch {
	case err != nil:
		c.fail("wails.json: %v", err)
	case !strings.Contains(v, "+") && w.Info.ProductVersion != v:
		c.fail("wails.json productVersion %s (the Windows file version) is not this release, %s", w.Info.ProductVersion, v)
	case w.Info.ProductVersion != released[0]:
		c.fail("wails.json productVersion %s (the Windows file version) is not the newest release in CHANGELOG.md, %s",
			w.Info.ProductVersion, released[0])
	default:
		c.ok("wails.json productVersion is %s", w.Info.ProductVersion)
	}
}

// run runs a packaged binary with a bounded time, returning its output.
func run(bin string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return strings.TrimSpace(out.String()), err
}

// checkRuns runs an unpacked binary the way a user would first try it.
func (c *checker) checkRuns(what, bin, v string) {
	out, err := run(bin, "version")
	if err != nil || !strings.HasPrefix(out, "hirebench "+v+" (schema ") {
		c.fail("%s: `hirebench version` printed %q (%v), want hirebench %s (schema N)", what, out, err, v)
	} else {
		c.ok("%s: %s", what, out)
	}
	data, err := os.MkdirTemp("", "hirebench-distcheck-")
	if err != nil {
		c.fail("%s: %v", what, err)
		return
	}
	defer os.RemoveAll(data)
	if out, err := run(bin, "--data-dir", data, "demo"); err != nil {
		c.fail("%s: demo: %v: %s", what, err, out)
		return
	}
	out, err = run(bin, "--data-dir", data, "candidates", "list", "--json")
	var list []json.RawMessage
	if err == nil {
		err = json.Unmarshal([]byte(out), &list)
	}
	if err != nil || len(list) == 0 {
		c.fail("%s: candidates list after demo: %v", what, err)
		return
	}
	c.ok("%s: demo seeded a workspace of %d candidates", what, len(list))
}

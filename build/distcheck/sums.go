package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// parseSums reads sha256sum's output: "<64 hex>  <name>" per line.
func parseSums(data []byte) (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		hash, name, ok := strings.Cut(line, "  ")
		if !ok || len(hash) != 64 || strings.Trim(hash, "0123456789abcdef") != "" || name == "" {
			return nil, fmt.Errorf("line %d is not \"<sha256>  <file>\"", i+1)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("line %d lists %s twice", i+1, name)
		}
		out[name] = hash
	}
	return out, nil
}

// verifySums says what is wrong: a wanted file missing from the list or the
// folder, a hash that does not match, a listed file that is not wanted.
func verifySums(dir string, listed map[string]string, want []string) []string {
	var problems []string
	wanted := map[string]bool{}
	for _, name := range want {
		wanted[name] = true
		hash, ok := listed[name]
		if !ok {
			problems = append(problems, name+" is not listed")
			continue
		}
		got, err := sha256File(filepath.Join(dir, name))
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if got != hash {
			problems = append(problems, name+" does not match its hash")
		}
	}
	var extra []string
	for name := range listed {
		if !wanted[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		problems = append(problems, name+" is listed but is not a release artefact")
	}
	return problems
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var releaseHeading = regexp.MustCompile(`(?m)^## (\d+\.\d+\.\d+)\b`)

// changelogVersions lists the released versions of CHANGELOG.md, newest
// first ("## Unreleased" is not one).
func changelogVersions(md string) []string {
	var out []string
	for _, m := range releaseHeading.FindAllStringSubmatch(md, -1) {
		out = append(out, m[1])
	}
	return out
}
